"""Rule tables written as rows: the question's number picks the row whose range holds it."""

import pytest

from bot.answering.rows import matching_row, parse_number, question_number, split_rows

BANDS_ZH = "员工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天；已满20年的，年休假15天。"
BANDS_EN = "- 1 to 5 years: 10 days\n- 6 to 10 years: 15 days\n- more than 10 years: 20 days"


@pytest.mark.parametrize(("text", "value"), [("12", 12), ("三", 3), ("十二", 12), ("二十", 20), ("twelve", 12),
                                             ("twenty-five", 25), ("3.5", 3.5)])
def test_numbers_in_both_languages(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(("question", "value"), [("我入职三年了，一年能休几天年假？", 3), ("工作12年了，年假有几天？", 12),
                                                 ("How many days off after twelve years of work?", 12),
                                                 ("年假有几天？", None)])
def test_the_number_a_question_states(question, value):
    assert question_number(question) == value


@pytest.mark.parametrize(("value", "row"), [(3, "年休假5天"), (12, "年休假10天"), (25, "年休假15天")])
def test_chinese_seniority_bands(value, row):
    assert row in matching_row(BANDS_ZH, value)
    assert len(split_rows(BANDS_ZH)) == 3


def test_english_list_rows_and_no_match_outside_any_band():
    assert matching_row(BANDS_EN, 7) == "6 to 10 years: 15 days"
    assert matching_row(BANDS_EN, 0.5) is None
    assert matching_row("Employees get 15 days of annual leave.", 12) is None  # not a table: nothing to pick


def test_bands_written_as_n_years_or_more_but_under_m():
    law = ("劳动合同期限三个月以上不满一年的，试用期不得超过一个月；劳动合同期限一年以上不满三年的，试用期不得超过二个月；"
           "三年以上固定期限和无固定期限的劳动合同，试用期不得超过六个月。")
    assert matching_row(law, question_number("签两年期的劳动合同，试用期最长多久？")).endswith("不得超过二个月")


def test_hyphenated_quantities_in_questions():
    assert question_number("What is the maximum probation for a two-year labour contract?") == 2
    assert question_number("a 3-year contract") == 3


def test_ten_thousand_yuan_is_ten_thousand_not_one():
    from bot.answering.rows import question_unit

    assert question_number("一笔一万元的报销需要哪些人审批？") == 10000
    assert question_unit("一笔一万元的报销需要哪些人审批？") == "money"
    assert question_unit("工作12年了，年假有几天？") == "time"
    assert parse_number("20,000") == 20000


APPROVAL_ITEMS = ["- Up to RMB 5,000: your direct manager approves.",
                  "- RMB 5,000 to 20,000: your manager and your department head approve.",
                  "- Above RMB 20,000: the Finance director also approves."]


@pytest.mark.parametrize(("value", "held"), [(3000, 0), (12000, 1), (50000, 2)])
def test_list_items_standing_alone_are_rows_of_amounts(value, held):
    from bot.answering.rows import matching_item

    found = [matching_item(item, value, "money") for item in APPROVAL_ITEMS]
    assert found == [item if i == held else None for i, item in enumerate(APPROVAL_ITEMS)]


def test_a_list_item_in_another_unit_or_not_a_list_item_is_no_row():
    from bot.answering.rows import matching_item

    assert matching_item("- Up to 15 days: your manager approves.", 12, "money") is None  # days, the question: yuan
    assert matching_item("Up to RMB 5,000 is approved by your manager.", 3000, "money") is None  # prose, not an item
    assert matching_item(APPROVAL_ITEMS[1], None, None) is None


def test_candidate_sentences_mark_the_list_item_holding_the_amount():
    from bot.answering.compose import candidate_sentences
    from retrieval.types import Passage

    passage = Passage(chunk_id="c1", text="\n".join(APPROVAL_ITEMS), score=1.0, source="p.md", title="Expenses",
                      heading="Approval levels", language="en")
    marked = [pick.sentence for pick, is_row in candidate_sentences([passage], 10000, "money") if is_row]
    assert marked == [APPROVAL_ITEMS[1]]


def test_a_list_item_of_years_is_no_row_of_its_own():
    """Only amounts: '* Between 3 and 15 years: 6 hours per pay period' (a federal page) must not outrank the Chinese
    seniority row for '15 years of work' (shared dev xs-en-008 abstained with it)."""
    from bot.answering.rows import matching_item

    assert matching_item("* Between 3 and 15 years: 6 hours per pay period", 15, "time") is None


def test_a_row_counting_something_else_is_not_the_questions_row():
    """Blind round 8: "how is sick leave paid after 5 days?" quoted the 1-to-10-years annual-leave row first (5 falls
    in 1..10, but days are not years of service)."""
    from bot.answering.rows import question_measure

    assert question_measure("how is sick leave paid after 5 days?") == "day"
    assert question_measure("工作12年了，年假有几天？") == "year"
    assert question_measure("年假有几天？") is None
    assert matching_row(BANDS_ZH, 5, "day") is None
    assert "年休假5天" in matching_row(BANDS_ZH, 5, "year")
    assert "年休假15天" in matching_row(BANDS_ZH, 25, "year")  # "已满20年的": the unit follows the number
    assert matching_row(BANDS_ZH, 25, "day") is None
    assert matching_row(BANDS_EN, 7, "year") == "6 to 10 years: 15 days"
    assert matching_row(BANDS_EN, 7) == "6 to 10 years: 15 days"  # no measure stated: any row range
