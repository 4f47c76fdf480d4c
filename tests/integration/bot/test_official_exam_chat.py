"""The official exam in chat: the learner asks for "the SEC-101 exam", sees a preview with the course's question count,
pass mark and attempt n of m, confirms, answers (first answers count, no hints), and the result is recorded once;
the policy's retake limit closes it after two failed attempts. HR rules come from hr/ and the policy, not the bot."""

from __future__ import annotations

from sqlmodel import select

from bot.messages import IncomingMessage
from bot.store.quiz_sessions import QuizSessionStore
from hr.db import session_scope
from hr.models import ExamAttempt, ExamSitting

PASSER, FAILER, HR_STAFF = "E0066", "E0053", "E0170"  # both enrolled in SEC-101 (pass mark 80), never examined


def say(chat, who: str, text: str, thread: str, **extra):
    """One message (or button press) in a thread."""
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="cli", thread_id=thread, **extra))


def press_confirm(chat, who: str, reply, thread: str):
    """Press the reply's confirm button."""
    button = next(a for a in reply.actions if a.kind == "confirm")
    return say(chat, who, "", thread, action={"kind": button.kind, "value": button.value})


def right(item) -> str:
    """The key."""
    return item.answer


def wrong(item) -> str:
    """An answer certainly wrong."""
    if item.kind == "mcq":
        return next(letter for letter in "ABCD" if letter != item.answer)
    if item.kind == "true_false":
        return "false" if item.answer == "true" else "true"
    return "zzz"


def attempts(engine, who: str) -> list[ExamAttempt]:
    """Official SEC-101 attempts of a person."""
    with session_scope(engine) as db:
        return list(db.exec(select(ExamAttempt).where(ExamAttempt.employee_id == who,
                                                      ExamAttempt.course_code == "SEC-101")))


def test_asked_previewed_confirmed_answered_and_recorded_once(chat, engine, hr_service):
    staff = hr_service.caller_for(HR_STAFF)
    before = hr_service.explain_employee_kpi(staff, PASSER).item("exam_pass_rate").inputs
    preview = say(chat, PASSER, "我要参加 SEC-101 的正式考试", "exam")
    assert preview.tools[0].name == "start_exam" and preview.tools[0].ok, preview.text
    assert "10 道题" in preview.text and "及格线 80" in preview.text and "第 1/2 次机会" in preview.text
    assert not attempts(engine, PASSER)  # a preview changes nothing
    started = press_confirm(chat, PASSER, preview, "exam")
    assert "正式考试开始" in started.text and "Q1/10" in started.text, started.text
    items = QuizSessionStore(engine).current("cli", "exam", PASSER).quiz.items
    assert len(items) == hr_service.policy.exams.question_count("SEC-101") == 10
    for number, item in enumerate(items):
        reply = say(chat, PASSER, right(item) if number < 8 else wrong(item), "exam")
        assert "提示" not in reply.text and "Hint" not in reply.text  # an exam gives no hints
    assert "8/10" in reply.text and ("通过" in reply.text or "passed" in reply.text) and "80" in reply.text, reply.text
    (attempt,) = attempts(engine, PASSER)
    assert (attempt.score, attempt.passed) == (80.0, True)
    with session_scope(engine) as db:
        sitting = db.exec(select(ExamSitting).where(ExamSitting.employee_id == PASSER)).one()
    assert (sitting.status, sitting.attempt_id, sitting.question_count) == ("submitted", attempt.id, 10)
    after = hr_service.explain_employee_kpi(staff, PASSER).item("exam_pass_rate").inputs
    assert (after["numerator"], after["denominator"]) == (before["numerator"] + 1, before["denominator"] + 1)
    again = say(chat, PASSER, "I want to take the SEC-101 exam", "exam-again")
    assert again.tools[0].name == "start_exam" and not again.tools[0].ok and "already passed" in again.text
    assert len(attempts(engine, PASSER)) == 1


def test_leaving_hands_in_and_the_retake_limit_comes_from_the_policy(chat, engine):
    for attempt_no in (1, 2):
        thread = f"fail-{attempt_no}"
        preview = say(chat, FAILER, "I want to take the SEC-101 exam", thread)
        assert preview.tools[0].ok and f"attempt {attempt_no} of 2" in preview.text, preview.text
        started = press_confirm(chat, FAILER, preview, thread)
        first = QuizSessionStore(engine).current("cli", thread, FAILER).quiz.items[0]
        say(chat, FAILER, wrong(first), thread)
        stopped = say(chat, FAILER, "stop the quiz", thread)
        assert "handing the exam in with 1 of 10" in stopped.text and "not passed" in stopped.text, stopped.text
        assert started.tools[0].ok
    assert [(a.score, a.passed) for a in attempts(engine, FAILER)] == [(0.0, False), (0.0, False)]
    refused = say(chat, FAILER, "I want to take the SEC-101 exam", "fail-3")
    assert not refused.tools[0].ok and "max_retakes" in refused.text and not refused.actions


def test_practice_stays_practice_next_to_the_exam(chat, engine):
    quiz = say(chat, FAILER, "考考我信息安全基础，出2道题", "practice")
    assert quiz.tools[0].name == "generate_quiz", quiz.text
    assert not attempts(engine, FAILER)


def test_an_exam_the_material_cannot_fill_is_said_before_asking_to_confirm(chat, hr_service):
    """CMP-101's pages are not in this knowledge base: the preview says so, offers no confirm, and uses no attempt."""
    learner = "E0013"  # enrolled in CMP-101, overdue, never examined
    before = hr_service.preview_exam(hr_service.caller_for(learner), "CMP-101")
    assert before.can_start
    reply = say(chat, learner, "我要参加 CMP-101 的正式考试", "exam-thin")
    assert reply.act == "abstain" and "不足以" in reply.text and not reply.actions, (reply.act, reply.text)
    after = hr_service.preview_exam(hr_service.caller_for(learner), "CMP-101")
    assert after.can_start and after.attempts_used == before.attempts_used and after.open_sitting_id is None
