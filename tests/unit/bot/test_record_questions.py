"""How far someone has got on a course, or how their official exams went, asked in words ("CMP-101还差多少" after a
progress view, "他CS-101考了几次，最后多少分"), is that person's progress on the course with its exam attempts
(round 9: both were searched in the knowledge base); a rule about exams stays a knowledge question."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from bot.dialogue.people import _person_intent
from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.present.names import Names
from bot.present.progress import render_person
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
EMPLOYEE = Caller("E0182", "employee", "rnd")
CATALOG = Catalog(
    [CourseName("CMP-101", "合规与商业道德", "Compliance and Business Ethics"),
     CourseName("CS-101", "客户服务沟通", "Customer Service Communication")],
    [DepartmentName("rnd", "研发部", "R&D"), DepartmentName("cs", "客户服务部", "Customer Service")],
)
OWN_VIEW = DialogueState(subject={"employee": "E0182"}, intent="my_progress", act="progress", args={})
COLLEAGUE_VIEW = DialogueState(subject={"employee": "E0108"}, intent="my_progress", act="progress",
                               args={"employee": "E0108"})


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["CMP-101还差多少", "CMP-101学到哪了？", "how much is left on CMP-101?"])
def test_how_far_on_a_course_after_ones_own_progress_is_that_courses_progress(router, text):
    got = resolve(routed("search_knowledge", 0.2, {"course": "CMP-101"}), text, OWN_VIEW, EMPLOYEE, router, TODAY)
    assert got.intent == "my_progress" and got.slots.get("course") == "CMP-101"
    assert not got.slots.get("employee")


@pytest.mark.parametrize("text", ["他CS-101考了几次，最后多少分", "how many times did he take the CS-101 exam?",
                                  "what did she score on CS-101"])
def test_how_a_colleagues_exams_went_is_their_progress_on_that_course(router, text):
    got = resolve(routed("search_knowledge", 0.48, {"course": "CS-101"}), text, COLLEAGUE_VIEW, EMPLOYEE, router,
                  TODAY)
    assert got.intent == "my_progress"
    assert got.slots.get("employee") == "E0108" and got.slots.get("course") == "CS-101"


def test_asking_about_ones_own_after_a_colleague_drops_the_colleague(router):
    got = resolve(routed("search_knowledge", 0.3, {"course": "CS-101"}), "我CS-101考了几次", COLLEAGUE_VIEW, EMPLOYEE,
                  router, TODAY)
    assert got.intent == "my_progress" and not got.slots.get("employee")


@pytest.mark.parametrize("text", ["正式考试一共能考几次？", "CS-101考试能考几次", "how many times can I retake the CS-101 exam?",
                                  "CMP-101的补考规定是什么"])
def test_a_rule_about_exams_stays_a_knowledge_question(router, text):
    got = resolve(routed("search_knowledge", 0.6, router.slots_for("search_knowledge", text, TODAY)), text,
                  COLLEAGUE_VIEW, EMPLOYEE, router, TODAY)
    assert got.intent == "search_knowledge"


def test_how_far_with_no_course_and_no_person_in_a_fresh_thread_stays_a_question(router):
    got = resolve(routed("search_knowledge", 0.3), "年假还剩多少天", DialogueState(), EMPLOYEE, router, TODAY)
    assert got.intent == "search_knowledge"


def test_a_named_colleagues_exam_record_is_their_progress():
    assert _person_intent("search_knowledge", "王军SAL-101考得怎么样") == "my_progress"


def _progress(scores):
    course = SimpleNamespace(course_code="CS-101", status="completed", due_on=date(2026, 5, 1), overdue=False,
                             behind=False, progress_pct=100, completed_on=date(2026, 4, 12), exam_scores=scores)
    return SimpleNamespace(name="王军", employee_id="E0108", period=None,
                           completion=SimpleNamespace(numerator=3, denominator=3), courses=[course])


@pytest.mark.parametrize(("language", "wanted"), [("zh", ["正式考试 2 次", "52 分", "79 分", "最近一次 79 分"]),
                                                  ("en", ["2 attempts", "52", "latest 79"])])
def test_a_one_course_view_gives_its_official_exam_attempts_and_scores(language, wanted):
    text = render_person(_progress((52.0, 79.0)), Names({}), language, own=False, exams=True)
    assert all(w in text for w in wanted)


def test_the_whole_course_list_leaves_exam_attempts_out():
    assert "79" not in render_person(_progress((52.0, 79.0)), Names({}), "en", own=False)


def test_no_exam_taken_is_said_for_an_open_course_only():
    progress = _progress(())
    assert "考试" not in render_person(progress, Names({}), "zh", exams=True)  # completed without an exam
    progress.courses[0].status, progress.courses[0].progress_pct = "in_progress", 75
    assert "还没有正式考试记录" in render_person(progress, Names({}), "zh", exams=True)


@pytest.mark.parametrize("text", ["when is CMP-101 due", "CS-101啥时候截止", "what's the deadline for CMP-101?"])
def test_a_courses_due_date_read_as_its_sessions_is_the_askers_enrollment(router, text):
    got = resolve(routed("session_info", 0.34, {"course": "CMP-101"}, best="session_info"), text, DialogueState(),
                  EMPLOYEE, router, TODAY)
    assert got.intent == "my_progress" and got.slots.get("course")


def test_a_session_question_stays_a_session_question(router):
    got = resolve(routed("session_info", 0.6, {"course": "CS-101"}), "when does the next CS-101 class start",
                  DialogueState(), EMPLOYEE, router, TODAY)
    assert got.intent == "session_info"


def test_a_course_the_person_is_not_enrolled_in_is_said_so():
    progress = _progress(())
    progress.courses = []
    text = render_person(progress, Names({"SEC-201": ("安全开发进阶", "Secure Development")}), "en", own=False,
                         exams=True, course="SEC-201")
    assert "王军 is not enrolled in SEC-201" in text and "No courses enrolled" not in text


@pytest.mark.parametrize("text", ["what's the deadline for my CMP-101 course", "我的CMP-101什么时候截止"])
def test_the_deadline_of_my_course_is_my_enrollment(router, text):
    got = resolve(routed("search_knowledge", 0.6, {"course": "CMP-101"}), text, DialogueState(), EMPLOYEE, router,
                  TODAY)
    assert got.intent == "my_progress" and got.slots.get("course") == "CMP-101"


def test_what_happens_after_my_deadline_is_the_rule(router):
    got = resolve(routed("search_knowledge", 0.6, {"course": "CMP-101"}), "我的CMP-101过了截止日期怎么办",
                  DialogueState(), EMPLOYEE, router, TODAY)
    assert got.intent == "search_knowledge"


def test_whether_she_took_the_exam_after_her_progress_is_her_progress(router):
    state = DialogueState(subject={"employee": "E0108", "course": "CS-101"}, intent="my_progress", act="progress",
                          args={"employee": "E0108", "course": "CS-101"})
    got = resolve(routed("search_knowledge", 0.5), "did she take the exam yet", state, EMPLOYEE, router, TODAY)
    assert got.intent == "my_progress" and got.slots.get("employee") == "E0108"
    assert got.slots.get("course") == "CS-101"


def test_whether_he_passed_after_his_exam_record_is_his_progress(router):
    state = DialogueState(subject={"employee": "E0108", "course": "CS-101"}, intent="my_progress", act="progress",
                          args={"employee": "E0108", "course": "CS-101"})
    got = resolve(routed("search_knowledge", 0.5), "did he pass in the end?", state, EMPLOYEE, router, TODAY)
    assert got.intent == "my_progress" and got.slots.get("employee") == "E0108"
