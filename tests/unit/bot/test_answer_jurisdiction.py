"""A rule of one jurisdiction does not answer a question about another's (issue 14, answer_tuning §19)."""

from types import SimpleNamespace

import pytest

from bot.answering.jurisdiction import document_jurisdiction, named_jurisdictions, other_jurisdiction, within_named
from bot.answering.relevance import RelevancePolicy, asks_other_jurisdiction

FEDERAL_LEAVE = ("Federal employees earn annual leave each pay period (OPM rules). "
                 "You can receive 3 days (24 hours) of funeral leave. GSA sets the schedule.")
CHINESE_LAW = "中华人民共和国劳动法。第一条 为了保护劳动者的合法权益，根据宪法，制定本法。国家实行最低工资保障制度。"
COMPANY_POLICY_EN = "Employees may take 15 days of marriage leave as required by law. Apply in the HR system."


@pytest.mark.parametrize(("question", "named"), [
    ("国家规定的婚假是几天？", {"cn"}),
    ("父母去世，国家规定职工可以请几天丧假？", {"cn"}),
    ("法律规定婚假一共几天", {"cn"}),  # a Chinese question about "the law", naming no country: Chinese law
    ("How much severance do federal employees get in a reduction in force?", {"us"}),
    ("美国联邦员工生孩子有几周带薪育儿假", {"us"}),  # a foreign government named in Chinese wins over the default
    ("How many days of statutory sick pay do workers get in the UK?", {"uk"}),
    ("Under Chinese labour law, what is the longest probation period allowed?", {"cn"}),
    ("飞去美国13个小时，可以订商务舱吗？", set()),  # a country as a destination is a place, not a body of law
    ("Can we discuss this with us tomorrow?", set()),  # the pronoun is not the US
    ("去哪些国家出差需要审批？", set()),  # 国家 = countries, not "the state prescribes"
    ("How many days of annual leave do I get?", set()),
])
def test_the_jurisdiction_a_question_names(question, named):
    assert named_jurisdictions(question) == named


def test_a_document_is_the_jurisdiction_it_names_clearly_most_often():
    assert document_jurisdiction(FEDERAL_LEAVE) == "us"
    assert document_jurisdiction(CHINESE_LAW) == "cn"
    assert document_jurisdiction(COMPANY_POLICY_EN) is None  # names none: never judged
    assert document_jurisdiction("Our Chinese and English pages. China office, U.S. office.") is None  # a tie


def test_a_quote_from_another_jurisdiction_is_not_an_answer():
    assert other_jurisdiction("国家规定的婚假是几天？", FEDERAL_LEAVE)
    assert other_jurisdiction("How much severance do federal employees get in a reduction in force?", CHINESE_LAW)
    assert not other_jurisdiction("国家规定的婚假是几天？", COMPANY_POLICY_EN)  # an English policy restating the law
    assert not other_jurisdiction("How much annual leave do federal employees earn?", FEDERAL_LEAVE)
    assert not other_jurisdiction("飞去美国13个小时，可以订商务舱吗？", CHINESE_LAW)


def _pick(source: str) -> SimpleNamespace:
    """A candidate sentence of one document (only its source and title are read)."""
    return SimpleNamespace(passage=SimpleNamespace(source=source, title=""))


def test_candidates_of_other_jurisdictions_are_set_aside_before_choosing():
    texts = {"18f/leave.md": FEDERAL_LEAVE, "laws/labour.md": CHINESE_LAW, "policies/leave.md": COMPANY_POLICY_EN}
    picks = [_pick("18f/leave.md"), _pick("laws/labour.md"), _pick("policies/leave.md")]
    kept, set_aside = within_named(picks, "国家规定的婚假是几天？", texts.__getitem__)
    assert [p.passage.source for p in kept] == ["laws/labour.md", "policies/leave.md"] and set_aside
    kept, set_aside = within_named(picks[:1], "国家规定的婚假是几天？", texts.__getitem__)
    assert kept == [] and set_aside  # only the other jurisdiction's rule: nothing may be quoted
    read = []
    kept, set_aside = within_named(picks, "年假有几天？", lambda source: read.append(source) or "")
    assert kept == picks and not set_aside and read == []  # no jurisdiction named: nothing read, nothing dropped


def test_the_policy_abstains_when_only_another_jurisdiction_was_found_unless_switched_off():
    assert asks_other_jurisdiction({"other_jurisdiction": 1.0}, RelevancePolicy())
    assert not asks_other_jurisdiction({"other_jurisdiction": 1.0}, RelevancePolicy(require_same_jurisdiction=False))
    assert not asks_other_jurisdiction({}, RelevancePolicy())
