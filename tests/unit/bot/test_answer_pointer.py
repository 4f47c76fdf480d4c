"""Cross-references send the reader elsewhere; a rule that answers should be quoted before them."""

import pytest

from bot.answering.compose import _POINTER


@pytest.mark.parametrize("sentence", ["出差和业务费用的报销规则见《Expense and Travel Reimbursement Policy》。",
                                      "具体按《员工培训管理制度》第八条执行。", "详见附件二。",
                                      "Gifts to clients follow the Compliance and Business Ethics course (CMP-101).",
                                      "See the travel policy for hotel limits."])
def test_pointers(sentence):
    assert _POINTER.search(sentence)


@pytest.mark.parametrize("sentence", ["员工累计工作已满1年不满10年的，年休假5天。",
                                      "Attach an official invoice for every item of RMB 200 or more.",
                                      "You will see the rating after calibration."])
def test_rules_are_not_pointers(sentence):
    assert not _POINTER.search(sentence)
