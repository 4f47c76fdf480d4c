"""start_exam: a course's official exam in chat. The learner asks for it ("the SEC-101 exam"), sees a preview (the
course's question count and pass mark, which attempt of how many this is), confirms, then answers; the first answer
to each question counts, no hints, and the result is recorded in HR exactly once. Every HR rule (retake limit, pass
mark, question count) is decided by the HR service and the policy; this module only asks, relays and grades."""

from __future__ import annotations

import logging

from pydantic import BaseModel, Field

from bot.messages import Action
from bot.quiz.generator import NoMaterial
from bot.quiz.grading import grade
from bot.tools.common import confirm_actions, given, hr_error
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.quiz_tools import opening, render_item
from bot.tools.registry import Tool
from bot.tools.result import ToolResult
from hr.plural import count

log = logging.getLogger(__name__)


class ExamArgs(BaseModel):
    """start_exam arguments."""

    course: str | None = Field(None, description="Course code of the official exam the learner asked for, e.g. SEC-101.")


def start_exam(deps, ctx: TurnContext, args: ExamArgs) -> ToolResult:
    """Preview the official exam and ask for confirmation; nothing starts or counts until the learner confirms."""
    course = args.course.upper() if args.course else None
    if not course:
        return ToolResult("start_exam", {}, False, ctx.say("想参加哪门课的正式考试？比如“参加 SEC-101 考试”。",
                                                           "Which course's official exam? e.g. \"take the SEC-101 exam\"."),
                          act="clarify")
    with HRRefusal("start_exam", {"course": course}, ctx, {"course": course}) as refusal:
        preview = deps.hr.preview_exam(ctx.caller, course)
    if refusal.result:
        return refusal.result
    subject = {"course": preview.course_code}
    if not preview.can_start:
        return ToolResult("start_exam", {"course": course}, False, preview.to_text(ctx.language), private=True,
                          act="refused", subject=subject, error=preview.refusal.code)
    try:
        quiz, _report = deps.quizzes.generate(ctx.audience, course=preview.course_code, n=preview.question_count,
                                              language=ctx.language)
    except NoMaterial:
        quiz = None
    if quiz is None or len(quiz.items) < preview.question_count:  # said before asking to confirm, not after
        return _too_little_material(ctx, preview.course_code, preview.question_count, subject)
    pending = {"op": "start_exam", "course": preview.course_code}
    text = preview.to_text(ctx.language) + "\n" + ctx.say(
        "（不是正式考试、只想练习的话，说“考考我”即可，练习不计成绩。中途退出会按已答题目交卷。）",
        "(Just practising? Say \"quiz me\" instead: practice is never recorded as an exam. Stopping midway submits "
        "the exam with the questions answered so far.)")
    return ToolResult("start_exam", {"course": course}, True, text, private=True,
                      actions=confirm_actions(ctx, pending), pending=pending, act="exam_preview", subject=subject)


def confirm_exam(deps, ctx: TurnContext, pending: dict) -> ToolResult:
    """Build the course's number of questions, open the official exam in HR, and ask the first question."""
    course = str(pending.get("course", "")).upper()
    subject = {"course": course}
    try:
        with HRRefusal("start_exam", subject, ctx, subject) as refusal:
            preview = deps.hr.preview_exam(ctx.caller, course)  # the rules are checked again at the moment of starting
            if not preview.can_start:
                return ToolResult("start_exam", subject, False, preview.to_text(ctx.language), private=True,
                                  act="refused", subject=subject, error=preview.refusal.code)
            quiz, _report = deps.quizzes.generate(ctx.audience, course=course, n=preview.question_count,
                                                  language=ctx.language)
            if len(quiz.items) < preview.question_count:
                raise NoMaterial(course)
            started = deps.hr.start_exam(ctx.caller, course)
    except NoMaterial:
        return _too_little_material(ctx, course, preview.question_count, subject)
    if refusal.result:
        return refusal.result
    quiz.items = quiz.items[:started.question_count]
    quiz.sitting_id = started.sitting_id
    deps.quiz_sessions.start(ctx.channel, ctx.thread_id, ctx.employee_id, quiz)
    log.info("official exam started sitting=%s", started.sitting_id)
    intro = ctx.say(f"{course} 正式考试开始：共 {started.question_count} 道题，及格线 {started.passing_score:g} 分。"
                    "每题只算第一次作答，考试中不给提示。",
                    f"The {course} official exam starts now: {count(started.question_count, 'question')}, pass mark "
                    f"{started.passing_score:g}. Only your first answer to each question counts; no hints during the "
                    "exam.")
    text, actions = opening(ctx, intro, quiz.items)
    return ToolResult("start_exam", {"course": course, "confirmed": True}, True, text, private=True, actions=actions,
                      act="exam_start", subject=subject)


def _too_little_material(ctx: TurnContext, course: str, needed: int, subject: dict) -> ToolResult:
    """The course material cannot fill the official exam: nothing starts and no attempt is used."""
    return ToolResult("start_exam", subject, False, ctx.say(
        f"{course} 的资料不足以出满 {needed} 道正式考试题，考试没有开始，也不占用考试机会。请联系培训专员。",
        f"The {course} material does not yield the {count(needed, 'question')} its official exam needs, so the exam "
        "was not started and no attempt was used. Please tell a training specialist."),
        private=True, act="abstain", subject=subject)


def grade_exam_answer(deps, ctx: TurnContext, answer: str, give_up: bool, active) -> ToolResult:
    """Take the first answer to the current exam question (no hint, no key), then the next question or the result."""
    items = active.quiz.items
    item = items[active.position]
    subject = given(course=active.quiz.course)
    result = grade(item, answer)
    if not result.understood and not give_up:
        _, actions = render_item(ctx, item, active.position + 1, len(items))
        return ToolResult("grade_answer", {"answer": answer}, False, ctx.say(
            "没看懂这个答案，请按题目提示的格式回复（这次不计分）。", "I couldn't read that as an answer; reply as the "
            "question shows (this did not count)."), private=True, actions=actions, act="quiz_feedback",
            subject=subject)
    active.correct += 1 if result.correct and not give_up else 0
    active.position += 1
    lines = [ctx.say(f"第 {active.position} 题已作答。", f"Answer {active.position} recorded.")]
    actions: list[Action] = []
    if active.position < len(items):
        following, actions = render_item(ctx, items[active.position], active.position + 1, len(items))
        lines += ["", following]
    else:
        lines += ["", submit(deps, ctx, active)]
    deps.quiz_sessions.save(active)
    return ToolResult("grade_answer", {"answer": answer}, True, "\n".join(lines), private=True, actions=actions,
                      act="exam_result" if active.finished else "quiz_feedback", subject=subject)


def stop_exam(deps, ctx: TurnContext, active) -> ToolResult:
    """Leaving an official exam hands it in: unanswered questions count as wrong (said before it started)."""
    answered, total = active.position, len(active.quiz.items)
    text = ctx.say(f"好的，按已答的 {answered}/{total} 题交卷。", f"OK, handing the exam in with {answered} of {total} "
                   "questions answered.") + "\n" + submit(deps, ctx, active)
    deps.quiz_sessions.save(active)
    return ToolResult("stop_quiz", {}, True, text, private=True, act="exam_result",
                      subject=given(course=active.quiz.course))


def submit(deps, ctx: TurnContext, active) -> str:
    """Hand the exam to HR once (a repeat returns the stored result) and say how it went against the policy."""
    active.finished = True
    total = len(active.quiz.items)
    try:
        result = deps.hr.submit_exam(ctx.caller, active.quiz.sitting_id, active.correct)
    except Exception as exc:  # the learner's answers must not vanish without a word
        if not hr_error(exc):
            raise
        log.warning("exam not recorded: %s", getattr(exc, "code", type(exc).__name__))
        return ctx.say(f"考试未能记录：{exc.message('zh')}", f"The exam could not be recorded: {exc.message('en')}")
    active.recorded = True
    return ctx.say(f"答对 {active.correct}/{total}。", f"{active.correct}/{total} right.") + " " + \
        result.to_text(ctx.language)


TOOLS = [
    Tool("start_exam", ExamArgs, start_exam, "参加课程的正式考试（先预览题量、及格线和第几次机会，确认后开始，成绩计入考核）",
         "Take a course's official exam: preview (questions, pass mark, attempt n of m), confirm, then answer; the "
         "result counts toward exam pass rate and KPI.", act="exam_preview", confirm=confirm_exam, slots=("course",),
         inherits_course=True,
         examples=(("我要参加 SEC-101 的正式考试", "I want to take the SEC-101 exam"),
                   ("开始信息安全基础的正式考试", "start the official exam for information security basics"),
                   ("参加合规与商业道德考试", "sit the compliance and business ethics exam"),
                   ("我准备好考 CMP-101 了，开考吧", "I'm ready for the official CMP-101 exam"),
                   ("正式考试 SAL-101", "official exam for SAL-101"))),
]
