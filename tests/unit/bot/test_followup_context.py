"""Follow-ups that lean on the right context: a topicless question keeps the course of the question just asked, a
question that found nothing is no context, "there" is the place just asked about, "the one on Dec 15" re-asks the
last request, a short exam request keeps the quiz's course, a course's question quotes no other course's page, and a
question that finds nothing is tried again alone and about the thread's course."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from bot.answering.extractive import about_course
from bot.dialogue.resolve import Resolved, resolve, unjoined
from bot.dialogue.state import DialogueState
from bot.offline_engine import _another_reading
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.intents import Routed
from bot.routing.router import IntentRouter
from hr.caller import Caller

TODAY = date(2026, 11, 20)
LEARNER = Caller("E0013", "employee", "sales")
CATALOG = Catalog(
    [CourseName("SEC-101", "信息安全基础", "Information Security Basics"),
     CourseName("SEC-201", "安全开发进阶", "Secure Development"),
     CourseName("CMP-101", "合规与商业道德", "Compliance and Business Ethics"),
     CourseName("SAL-101", "销售基础", "Sales Fundamentals")],
    [DepartmentName("sales", "销售部", "Sales")],
)


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


def routed(intent: str, confident: bool = True) -> Routed:
    return Routed(intent, {}, 0.9 if confident else 0.2, confident, intent)


def knowledge_state(question: str, course: str | None = None, act: str = "answer", subject_course: str | None = None):
    args = {"question": question} | ({"course": course} if course else {})
    subject = {"course": subject_course or course} if (subject_course or course) else {}
    return DialogueState(subject=subject, intent="search_knowledge", act=act, args=args, question=question)


def test_a_topicless_question_keeps_the_course_of_the_question_just_asked(router):
    state = knowledge_state("合规与商业道德：合规那门课考试多少分及格？", course="CMP-101")
    result = resolve(routed("search_knowledge"), "要多久之内学完", state, LEARNER, router, TODAY)
    assert result.slots.get("course") == "CMP-101" and result.standalone == "合规与商业道德：要多久之内学完"


def test_a_topicless_question_after_an_answer_about_no_course_continues_that_answer(router):
    # the thread spoke of SEC-101 two turns ago, but the last question (retakes) was about no course
    state = knowledge_state("没过的话可以补考几次", subject_course="SEC-101")
    result = resolve(routed("search_knowledge"), "要多久之内申请？", state, LEARNER, router, TODAY)
    assert "course" not in result.slots and result.standalone == "没过的话可以补考几次 要多久之内申请？"


def test_a_question_that_found_nothing_is_no_context(router):
    state = knowledge_state("公司班车早上几点发车？", act="abstain")
    result = resolve(routed("search_knowledge"), "那午餐补贴一天多少钱", state, LEARNER, router, TODAY)
    assert result.standalone == "那午餐补贴一天多少钱"


def test_there_is_the_place_just_asked_about(router):
    state = knowledge_state("What's the hotel limit per night in Shanghai?")
    assert resolve(routed("search_knowledge"), "meal allowance there?", state, LEARNER, router,
                   TODAY).standalone == "meal allowance in Shanghai?"
    assert resolve(routed("search_knowledge"), "and the daily meal allowance there?", state, LEARNER, router,
                   TODAY).standalone == "the daily meal allowance in Shanghai?"


def test_a_course_attribute_question_keeps_the_course(router):
    state = knowledge_state("Secure Development: and how long do I have to finish it", course="SEC-201")
    result = resolve(routed("search_knowledge", confident=False), "any prereq?", state, LEARNER, router, TODAY)
    assert result.slots.get("course") == "SEC-201" and result.standalone == "Secure Development: any prereq?"


def test_the_one_on_another_day_re_asks_the_last_request(router):
    state = DialogueState(subject={"course": "SEC-201", "employee": "E0013"}, intent="enroll", act="enroll_refused",
                          args={"course": "SEC-201", "session": "11-28"})
    result = resolve(routed("search_knowledge"), "ok what about the one on Dec 15 then", state, LEARNER, router, TODAY)
    assert result.intent == "enroll" and result.slots.get("session") == "12-15"
    assert result.slots.get("course") == "SEC-201"


def test_a_short_exam_request_after_a_practice_quiz_keeps_its_course(router):
    state = DialogueState(subject={"course": "CMP-101"}, intent="generate_quiz", act="quiz_start",
                          args={"course": "CMP-101"})
    result = resolve(routed("start_exam"), "直接考正式的吧", state, LEARNER, router, TODAY)
    assert result.intent == "start_exam" and result.slots.get("course") == "CMP-101"


def test_a_follow_up_naming_another_course_by_part_of_its_title_moves_to_it(router):
    assert CATALOG.find_course("那合规那门呢").value == "CMP-101"
    state = DialogueState(subject={"course": "SEC-101", "period": "2026Q3"}, intent="course_satisfaction",
                          act="satisfaction", args={"course": "SEC-101", "period": "2026Q3"})
    result = resolve(routed("search_knowledge", confident=False), "那合规那门呢", state, LEARNER, router, TODAY)
    assert result.intent == "course_satisfaction" and result.slots.get("course") == "CMP-101"


def test_a_question_in_a_course_thread_has_a_reading_about_that_course(router):
    state = DialogueState(subject={"course": "SAL-101"}, intent="generate_quiz", act="quiz_start")
    result = resolve(routed("search_knowledge"), "等下，BANT里的A指的是啥来着？", state, LEARNER, router, TODAY)
    assert result.alternatives == ("销售基础：等下，BANT里的A指的是啥来着？",)


def test_another_reading_replaces_an_empty_search():
    class Kit:
        def __init__(self):
            self.calls = []

        def run(self, name, **args):
            missed = "BANT" not in args["question"] or not args["question"].startswith("销售基础")
            result = SimpleNamespace(name=name, args=args, abstained=missed, citations=[] if missed else ["[1]"])
            self.calls.append(result)
            return result

    kit = Kit()
    first = kit.run("search_knowledge", question="BANT里的A指的是啥")
    resolved = Resolved("search_knowledge", standalone="BANT里的A指的是啥",
                        alternatives=("BANT？", "销售基础：BANT里的A指的是啥"))
    found = _another_reading(kit, {"question": "BANT里的A指的是啥"}, resolved, first)
    assert not found.abstained and kit.calls == [found] and resolved.standalone == "销售基础：BANT里的A指的是啥"
    kit = Kit()
    first = kit.run("search_knowledge", question="x")
    assert _another_reading(kit, {"question": "x"}, Resolved("search_knowledge", alternatives=("y",)), first) is first
    assert kit.calls == [first]


def test_a_question_about_a_course_quotes_no_other_course():
    passages = [SimpleNamespace(course="SEC-201"), SimpleNamespace(course=None), SimpleNamespace(course="sec-101")]
    assert about_course(passages, "SEC-101") == passages[1:]
    only_other = [SimpleNamespace(course="SEC-201")]
    assert about_course(only_other, "SEC-101") == only_other


def test_a_question_loses_the_and_that_tied_it_to_the_last_one():
    assert unjoined("and if I fail, how many days do I have?") == "if I fail, how many days do I have?"
    assert unjoined("Anderson's rule?") == "Anderson's rule?"


@pytest.mark.parametrize(("text", "intent"), [
    ("so how long do I have to finish it?", "search_knowledge"),
    ("完成率低于多少就评不了优秀？", "search_knowledge"),
    ("and what's the feedback model the course teaches?", "search_knowledge"),
    ("actually just drop it then", "withdraw"),
    ("book me on the SEC-201 workshop on 28 Nov", "enroll"),
])
def test_routing_examples_for_follow_ups(router, text, intent):
    assert router.route(text, TODAY).intent == intent


def test_a_month_names_the_period_of_a_completion_report(router):
    from bot.routing.periods import parse_month

    assert parse_month("now by course, just July", TODAY) == "2026-07"
    assert parse_month("December?", TODAY) == "2025-12"  # the latest December up to today
    assert parse_month("completion by department for this month", TODAY) == f"{TODAY.year}-{TODAY.month:02d}"
    assert parse_month("本月各部门完成率", TODAY) == f"{TODAY.year}-{TODAY.month:02d}"
    assert parse_month("上个月呢", date(2026, 1, 5)) == "2025-12"
    assert parse_month("what about last month", date(2026, 8, 17)) == "2026-07"
    assert parse_month("7月的完成率", TODAY) == "2026-07" and parse_month("12月5号那场", TODAY) is None
    state = DialogueState(intent="completion_report", act="completion_report",
                          args={"by": "department", "period": "2026Q2"}, subject={"period": "2026Q2"})
    result = resolve(routed("search_knowledge", confident=False), "now by course, just July", state, LEARNER, router,
                     TODAY)
    assert result.intent == "completion_report" and result.slots == {"by": "course", "period": "2026-07"}


def test_there_stays_in_the_document_just_quoted(router):
    from bot.chat_service import next_state
    from bot.messages import Citation
    from bot.tools.result import ToolResult

    quoted = Citation(1, "policies/expense-policy.md", "Expense and Travel Reimbursement Policy", "3.2 Hotel limits",
                      "c1", "Tier 1 cities: up to RMB 600.")
    answered = ToolResult("search_knowledge", {"question": "What's the hotel limit per night in Shanghai?"}, True,
                          "…", citations=[quoted], act="answer")
    state = next_state(DialogueState(), [answered], "en")
    assert state.source == "Expense and Travel Reimbursement Policy"
    result = resolve(routed("search_knowledge"), "meal allowance there?", state, LEARNER, router, TODAY)
    assert result.standalone == "Expense and Travel Reimbursement Policy: meal allowance in Shanghai?"
    nothing = ToolResult("search_knowledge", {"question": "shuttle bus times?"}, True, "…", abstained=True,
                         act="abstain")
    assert next_state(state, [nothing], "en").source == ""


def test_an_english_follow_up_is_not_prefixed_with_a_chinese_title(router):
    """"and paternity leave?" after an English question answered from the Chinese leave policy: prefixing the title
    "休假管理制度" made the question read as Chinese, and it quoted maternity leave instead of paternity leave."""
    question = "how many days of marriage leave do I get?"
    state = DialogueState(intent="search_knowledge", act="answer", question=question, args={"question": question},
                          source="休假管理制度")
    result = resolve(routed("search_knowledge"), "and paternity leave?", state, LEARNER, router, TODAY)
    assert result.standalone == "how many days of paternity leave do I get?"
    chinese = DialogueState(intent="search_knowledge", act="answer", question="婚假有几天？", args={"question": "婚假有几天？"},
                            source="休假管理制度")
    assert resolve(routed("search_knowledge"), "那陪产假呢？", chinese, LEARNER, router,
                   TODAY).standalone.startswith("休假管理制度：")
