"""Round-8 conversation misses (dev data now), in general form: a department's figures asked in everyday words, "how
far along is X" right after an enrollment, "what time does it start" after a session, a report regrouped keeps its
period, "say that in English" re-renders the last reply."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue import phrases
from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
MANAGER = Caller("E0010", "manager", "rnd")
HR = Caller("E0168", "hr", "hrd")
CATALOG = Catalog(
    [CourseName("SEC-101", "信息安全基础", "Information Security Basics"),
     CourseName("SEC-201", "安全开发进阶", "Secure Development"),
     CourseName("AI-101", "提示词工程入门", "Prompt Engineering Fundamentals")],
    [DepartmentName("rnd", "研发部", "R&D"), DepartmentName("sales", "销售部", "Sales"),
     DepartmentName("mkt", "市场部", "Marketing")],
)


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["销售部这季度部门绩效里培训那块达标了吗", "市场部上季度培训那项达标没有",
                                  "did sales hit its training target this quarter?"])
def test_a_department_and_a_period_named_in_everyday_words_are_that_departments_figures(router, text):
    got = resolve(router.route(text, TODAY), text, DialogueState(), HR, router, TODAY)
    assert got.intent in ("explain_kpi", "completion_report", "team_progress")
    assert got.slots.get("department") in ("sales", "mkt") and got.slots.get("period")


@pytest.mark.parametrize("text", ["销售部的差旅标准是多少", "部门完成率低于90%会怎么处理"])
def test_a_policy_question_naming_no_period_stays_a_policy_question(router, text):
    got = resolve(routed("search_knowledge", 0.3), text, DialogueState(), HR, router, TODAY)
    assert got.intent == "search_knowledge"


ENROLLED = DialogueState(subject={"course": "AI-101", "employee": "E0014"}, intent="enroll", act="enroll_done",
                         args={"course": "AI-101", "employee": "E0014"})


@pytest.mark.parametrize("text", ["E0018的SEC-101呢，还差多少", "and how far along is E0018 on SEC-101?",
                                  "E0018呢，学到哪了"])
def test_how_far_someone_has_got_after_an_enrollment_is_their_progress_not_another_enrollment(router, text):
    got = resolve(routed("enroll", 0.4, {"employee": "E0018"}), text, ENROLLED, MANAGER, router, TODAY)
    assert got.intent == "my_progress" and got.slots.get("employee") == "E0018"


def test_another_colleague_after_an_enrollment_is_still_an_enrollment(router):
    got = resolve(routed("enroll", 0.4, {"employee": "E0018"}), "那E0018呢", ENROLLED, MANAGER, router, TODAY)
    assert got.intent == "enroll"


SESSION = DialogueState(subject={"course": "SEC-201", "employee": "E0020"}, intent="session_info", act="session_info",
                        args={"course": "SEC-201"})


@pytest.mark.parametrize("text", ["what time does it start", "where is it", "几点开始？", "在哪个教室", "who's the trainer?"])
@pytest.mark.parametrize("state", [SESSION, DialogueState(subject={"course": "SEC-201", "employee": "E0020"},
                                                          intent="enroll", act="enroll_done",
                                                          args={"course": "SEC-201"})])
def test_when_or_where_after_a_session_or_enrollment_reply_is_that_courses_session(router, text, state):
    got = resolve(routed("search_knowledge", 0.55), text, state, MANAGER, router, TODAY)
    assert got.intent == "session_info" and got.slots == {"course": "SEC-201"}


def test_a_due_date_question_after_an_enrollment_is_not_a_session(router):
    state = DialogueState(subject={"course": "AI-101"}, intent="enroll", act="enroll_done", args={"course": "AI-101"})
    got = resolve(routed("search_knowledge", 0.55), "when is it due?", state, MANAGER, router, TODAY)
    assert got.intent != "session_info"


THIS_YEAR = DialogueState(subject={"period": "2026"}, intent="completion_report", act="completion_report",
                          args={"period": "2026", "by": "department"})


@pytest.mark.parametrize("text", ["completion by course", "按课程看完成率"])
def test_a_report_regrouped_keeps_the_period_it_was_asked_for(router, text):
    got = resolve(routed("completion_report", 0.8, {"by": "course"}), text, THIS_YEAR, HR, router, TODAY)
    assert got.slots.get("period") == "2026" and got.slots.get("by") == "course"


def test_a_report_naming_its_own_period_takes_that_one(router):
    text = "completion by course last quarter"
    got = resolve(routed("completion_report", 0.8, {"by": "course", "period": "2026Q2"}), text, THIS_YEAR, HR,
                  router, TODAY)
    assert got.slots.get("period") == "2026Q2"


@pytest.mark.parametrize(("text", "language"), [
    ("Can you say that in English? 我要转给外籍同事看", "en"), ("用中文再说一遍", "zh"), ("English please", "en"),
    ("能翻译成英文吗", "en"), ("could you put that into Chinese?", "zh"), ("in chinese pls", "zh"),
    ("英文版发我一份", "en")])
def test_asking_for_the_last_reply_in_another_language(text, language):
    assert phrases.asks_for_language(text) == language


@pytest.mark.parametrize("text", ["What is 年假 called in English?", "英语培训有补贴吗", "how do I apply for leave",
                                  "Is there an English version of the handbook?"])
def test_questions_about_a_language_are_not_a_request_to_switch(text):
    assert phrases.asks_for_language(text) is None


@pytest.mark.parametrize("text", ["提醒一下研发部所有进度落后的人", "remind everyone behind on their progress"])
def test_a_reminder_about_people_behind_stays_a_reminder(router, text):
    got = resolve(routed("nudge_team", 0.75, {"department": "rnd"}), text, DialogueState(), HR, router, TODAY)
    assert got.intent == "nudge_team"


@pytest.mark.parametrize("text", ["王超的SEC-101还差多少", "王超学到哪了", "how much does 王超 have left to do?"])
def test_how_far_a_named_colleague_has_got_is_their_progress(router, text):
    from bot.dialogue.people import apply_named_person
    from bot.dialogue.resolve import Resolved
    from hr.services.names import Candidate, NamedPerson

    resolved = Resolved("search_knowledge", {})
    apply_named_person(resolved, [NamedPerson("王超", (Candidate("E0018", "王超", "rnd", True),))], MANAGER, text,
                       router, TODAY, DialogueState())
    assert resolved.intent == "my_progress" and resolved.slots.get("employee") == "E0018"


def test_unsure_only_between_the_two_progress_views_is_still_a_progress_request():
    from bot.routing.router import _between_progress_views

    assert _between_progress_views({"team_progress": 0.33, "my_progress": 0.28, "search_knowledge": 0.1}, "team_progress")
    assert not _between_progress_views({"team_progress": 0.2, "search_knowledge": 0.19, "my_progress": 0.18},
                                       "team_progress")
    assert not _between_progress_views({"team_progress": 0.15, "my_progress": 0.1, "help": 0.05}, "team_progress")


@pytest.mark.parametrize("text", ["ok what about E0027 on my team", "那E0027呢"])
def test_a_continuation_after_a_progress_view_is_not_taken_as_a_reminder(router, text):
    state = DialogueState(subject={"employee": "E0013"}, intent="my_progress", act="refused",
                          args={"employee": "E0013"})
    got = resolve(routed("nudge_team", 0.38), text, state, MANAGER, router, TODAY)
    assert got.intent == "my_progress" and got.slots.get("employee") == "E0027"


def test_a_reminder_asked_for_in_its_own_words_after_a_progress_view_stays_a_reminder(router):
    state = DialogueState(subject={"team": "E0010"}, intent="team_progress", act="team_progress", args={})
    got = resolve(routed("nudge_team", 0.8), "那提醒一下他们吧", state, MANAGER, router, TODAY)
    assert got.intent == "nudge_team"


def test_a_confident_question_after_a_courses_sessions_is_asked_of_that_course(router):
    """Round 9 c-en-908: "and whats the pass mark" after "where's the SEC-201 workshop held" showed the sessions again."""
    state = DialogueState(subject={"course": "SEC-201"}, intent="session_info", act="session_info",
                          args={"course": "SEC-201"})
    got = resolve(routed("search_knowledge", 0.9), "and whats the pass mark", state, MANAGER, router, TODAY)
    assert got.intent == "search_knowledge" and got.slots.get("course") == "SEC-201", got
