"""A city's or province's rule does not answer a question about another place (issue 14, §13)."""

from bot.answering.region import other_region
from bot.answering.relevance import RelevancePolicy, asks_other_region

BEIJING = "北京市专业技术人员继续教育规定"


def test_a_regional_rule_quoted_for_another_place_is_not_an_answer():
    assert other_region("上海的专业技术人员每年继续教育要多少学时", BEIJING)
    assert other_region("我是广东的会计师，每年继续教育要修满多少学时？", BEIJING)


def test_the_same_region_no_place_or_a_national_rule_is_fine():
    assert not other_region("北京的专业技术人员每年继续教育要多少学时", BEIJING)
    assert not other_region("专业技术人员每年继续教育要多少学时", BEIJING)  # no place named: the rule may be meant
    assert not other_region("上海的女职工产假有几天", "女职工劳动保护特别规定")  # not a regional rule
    assert not other_region("In Ningbo, how many days of study leave?", "宁波市职工教育条例")  # English: not judged


def test_the_policy_abstains_on_another_region_unless_switched_off():
    assert asks_other_region({"other_region": 1.0}, RelevancePolicy())
    assert not asks_other_region({"other_region": 1.0}, RelevancePolicy(require_same_region=False))
    assert not asks_other_region({}, RelevancePolicy())
