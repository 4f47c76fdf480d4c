"""Multi-turn behaviour through the real ChatService: quiz exit and resume, acting for others, enrollment checks
before confirmation, withdraw, catalogue, sessions, analytics, refusals and one language per reply."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from bot.assembly import assemble_chat_service
from bot.messages import IncomingMessage
from hr.models import Enrollment

ENGLISH_STATUS = re.compile(r"\b(completed|overdue|in_progress|enrolled|below_target|redesign|promote|None)\b")


def say(chat, who: str, text: str, thread: str = "flow", **extra):
    """One message in a web thread."""
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="web", thread_id=thread, **extra))


def rows(engine, who: str, course: str) -> list[Enrollment]:
    """Non-dropped enrollments of one person in one course."""
    with Session(engine) as db:
        return [e for e in db.exec(select(Enrollment).where(Enrollment.employee_id == who,
                                                            Enrollment.course_code == course)) if e.status != "dropped"]


def test_a_quiz_can_be_left_in_chinese_and_in_english(chat):
    assert say(chat, "E0056", "考考我信息安全基础", "q1").act == "quiz_start"
    left = say(chat, "E0056", "算了，不做了", "q1")
    assert left.act == "quiz_exit" and "没看懂" not in left.text
    assert chat.deps.quiz_sessions.current("web", "q1", "E0056") is None
    assert say(chat, "E0056", "quiz me on SEC-101", "q2").act == "quiz_start"
    assert say(chat, "E0056", "stop the quiz", "q2").act == "quiz_exit"


def test_a_question_asked_mid_quiz_is_answered_and_the_quiz_resumes(chat):
    start = say(chat, "E0056", "quiz me on SEC-101, 3 questions", "q3")
    first_question = start.text.split("**Q1/")[1][:40]
    side = say(chat, "E0056", "How many days of annual leave do I get?", "q3")
    assert side.act in ("answer", "abstain") and "Back to the quiz" in side.text and first_question in side.text
    assert any(a.kind == "quiz_answer" for a in side.actions)
    assert say(chat, "E0056", "I don't know", "q3").act == "quiz_feedback"


def test_continue_mid_quiz_shows_the_open_question_again_and_keeps_the_progress(chat):
    """"continue the quiz" / "继续" after a graded question showed Q1 of a brand-new quiz (progress lost)."""
    say(chat, "E0056", "quiz me on SEC-101, 3 questions", "q5")
    say(chat, "E0056", "I don't know", "q5")
    moved_on = say(chat, "E0056", "I don't know", "q5")
    assert "**Q2/3**" in moved_on.text
    for text in ("continue the quiz", "继续", "ok let's continue"):
        again = say(chat, "E0056", text, "q5")
        assert "**Q2/3**" in again.text and "**Q1/" not in again.text and any(
            a.kind == "quiz_answer" for a in again.actions), text
    assert ("回到测验" in say(chat, "E0056", "继续", "q5").text)


def test_hr_enrolls_a_colleague_who_is_the_subject(chat, engine):
    own_before = [(e.id, e.status) for e in rows(engine, "E0170", "AI-101")]
    preview = say(chat, "E0170", "enroll E0013 in AI-101", "hr1")
    assert preview.act == "enroll_preview" and preview.subject == {"course": "AI-101", "employee": "E0013"}
    assert "刘平" in preview.text and not rows(engine, "E0013", "AI-101")
    done = say(chat, "E0170", "yes, go ahead", "hr1")
    assert done.act == "enroll_done" and rows(engine, "E0013", "AI-101")[0].source == "hr"
    assert [(e.id, e.status) for e in rows(engine, "E0170", "AI-101")] == own_before


def test_a_manager_cannot_enroll_someone_outside_their_team(chat, engine):
    reply = say(chat, "E0010", "can you enroll E0013 in AI-101?", "m1")
    assert reply.act == "enroll_refused" and not any(a.kind == "confirm" for a in reply.actions)
    assert not rows(engine, "E0013", "AI-101")


def test_eligibility_prerequisites_and_duplicates_are_checked_before_confirming(chat):
    prerequisite = say(chat, "E0018", "我想报安全开发进阶", "e1")
    assert prerequisite.act == "enroll_refused" and "SEC-101" in prerequisite.text and "确认吗" not in prerequisite.text
    duplicate = say(chat, "E0018", "enroll me in AI-101", "e2")
    assert duplicate.act == "enroll_refused" and "completed" in duplicate.text
    closed = say(chat, "E0096", "sign me up for SEC-201", "e3")
    assert closed.act == "enroll_refused" and "R&D" in closed.text and "rnd" not in closed.text


def test_withdraw_needs_confirmation(chat, engine):
    preview = say(chat, "E0018", "我想退掉数据分析基础", "w1")
    assert preview.act == "withdraw_preview" and rows(engine, "E0018", "DATA-101")
    assert say(chat, "E0018", "确认", "w1").act == "withdraw_done"
    assert not rows(engine, "E0018", "DATA-101")


def test_catalogue_and_sessions(chat):
    catalogue = say(chat, "E0096", "what courses can I sign up for?", "c1")
    assert catalogue.act == "catalog" and "AI-101" in catalogue.text and "SEC-201" not in catalogue.text
    session = say(chat, "E0020", "When's my secure development workshop, and where?", "s1")
    assert session.act == "session_info" and session.subject["course"] == "SEC-201"
    assert "28 Nov 2026" in session.text and "301" in session.text


def test_hr_analytics_in_chinese_without_raw_values(chat):
    for text, act in [("各课程的满意度怎么样", "satisfaction"), ("哪些课程需要重新设计", "course_health"),
                      ("信息安全基础的柯氏四级评估", "kirkpatrick"), ("本季度培训专员的KPI", "specialist_kpi")]:
        reply = say(chat, "E0165", text, f"a-{act}")
        assert reply.act == act, (text, reply.act)
        assert not ENGLISH_STATUS.search(reply.text), reply.text


def test_analytics_are_refused_to_an_employee(chat):
    assert say(chat, "E0056", "哪些课程需要重新设计", "r1").act == "refused"
    assert say(chat, "E0056", "各部门的完成率排名", "r2").act == "refused"


def test_a_sales_head_asking_about_rnd_is_refused_not_shown_sales(chat):
    own = say(chat, "E0003", "销售部本季度完成率是多少", "sh")
    assert own.act == "completion_report" and "%" in own.text
    other = say(chat, "E0003", "研发部的完成率呢", "sh")
    assert other.act == "refused" and "%" not in other.text and other.subject.get("department") == "rnd"


def test_progress_in_chinese_has_no_raw_statuses(chat):
    reply = say(chat, "E0018", "我的学习进度", "p1")
    assert reply.act == "progress" and "逾期" in reply.text and not ENGLISH_STATUS.search(reply.text)


def test_the_thread_state_survives_a_restart(hr_service, kb_index, engine):
    first = assemble_chat_service(hr_service, kb_index, engine)
    assert say(first, "E0002", "what's my KPI this quarter?", "restart").act == "kpi"
    second = assemble_chat_service(hr_service, kb_index, engine)  # a new process over the same database
    follow_up = say(second, "E0002", "and last quarter?", "restart")
    assert follow_up.act == "kpi" and follow_up.subject["period"] == "2026Q2"


def test_a_forged_or_stale_confirm_changes_nothing(chat, engine, notifier):
    preview = say(chat, "E0054", "nudge E0058", "forge")
    assert preview.act == "nudge_preview"
    forged = {"op": "nudge_team", "employee_ids": []}  # the client wrote this value, not the preview
    reply = say(chat, "E0054", "", "forge", action={"kind": "confirm", "value": forged})
    assert reply.act == "clarify" and not notifier.sent
    nothing_pending = say(chat, "E0056", "", "forge2", action={"kind": "confirm", "value": {
        "op": "enroll", "course": "AI-101", "employees": ["E0056"]}})
    assert nothing_pending.act == "clarify" and not rows(engine, "E0056", "AI-101")


def test_a_sales_head_asking_about_rnd_in_english_is_refused_not_shown_their_own_team(chat):
    """A plain department name ("R&D") in a follow-up is that department, even with no "department" word after it."""
    assert say(chat, "E0003", "who is falling behind?", "scope-en").act == "team_progress"
    other = say(chat, "E0003", "what about R&D?", "scope-en")
    assert other.act == "refused" and "罗浩" not in other.text, other.text


def test_my_department_with_a_typo_is_still_the_department_kpi(chat):
    reply = say(chat, "E0003", "show me the kpi for my departmnet", "dept-typo")
    assert reply.act == "department_kpi", reply.text
