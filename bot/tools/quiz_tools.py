"""generate_quiz and grade_answer: a checked quiz in the thread, graded Socratically, kept in HR as practice."""

from __future__ import annotations

import logging

from bot.messages import Action
from bot.quiz.generator import NoMaterial
from bot.quiz.grading import grade
from bot.quiz.model import BLANK, LETTERS, QuizItem
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult

log = logging.getLogger(__name__)
MAX_QUESTIONS = 20
MARKDOWN_BLANK = r"\_\_\_\_"  # escaped so Markdown shows a blank, not bold


def render_item(ctx: TurnContext, item: QuizItem, number: int, total: int) -> tuple[str, list[Action]]:
    """One question as Markdown plus its answer buttons (never the key)."""
    question = item.question.replace(BLANK, MARKDOWN_BLANK)
    lines = [f"**Q{number}/{total}** {question}"]
    actions: list[Action] = []
    if item.kind == "mcq":
        for letter, option in zip(LETTERS, item.options, strict=True):
            lines.append(f"{letter}. {option}")
            actions.append(Action(letter, "quiz_answer", {"answer": letter}))
        lines.append(ctx.say("回复字母作答。", "Reply with a letter."))
    elif item.kind == "true_false":
        actions = [Action(ctx.say("对", "True"), "quiz_answer", {"answer": "true"}),
                   Action(ctx.say("错", "False"), "quiz_answer", {"answer": "false"})]
        lines.append(ctx.say("回复“对”或“错”。", "Reply true or false."))
    else:
        lines.append(ctx.say("直接回复空白处的内容。", "Reply with the words for the blank."))
    return "\n".join(lines), actions


def generate_quiz(deps, ctx: TurnContext, course: str | None = None, topic: str | None = None,
                  n: int = 5) -> ToolResult:
    """Build n checked items on a course or topic from material the caller may read, and ask the first one."""
    n = max(1, min(int(n or 5), MAX_QUESTIONS))
    args = {k: v for k, v in {"course": course, "topic": topic, "n": n}.items() if v}
    if not course and not topic:
        return ToolResult("generate_quiz", args, False, ctx.say("想考哪门课？比如“考考我信息安全基础”。",
                                                                "Which course should I quiz you on? e.g. \"quiz me on SEC-101\"."))
    try:
        quiz, report = deps.quizzes.generate(ctx.audience, course=course, topic=topic, n=n)
    except NoMaterial:
        return ToolResult("generate_quiz", args, False,
                          ctx.say("我没有找到这门课你可以查看的资料，暂时出不了题。",
                                  "I found no material on that which you may read, so I can't build a quiz yet."))
    log.info("quiz built: %s items kept of %s candidates", report.kept, report.candidates)
    if not quiz.items:
        return ToolResult("generate_quiz", args, False, ctx.say("资料里没有足够可出题的要点。",
                                                                "The material has too few checkable facts for a quiz."))
    deps.quiz_sessions.start(ctx.channel, ctx.thread_id, ctx.employee_id, quiz)
    title = deps.course_title(course, ctx.language) if course else None
    subject = f"{course} {title}" if title else quiz.topic
    intro = ctx.say(f"好的，{len(quiz.items)} 道题，来自“{subject}”的资料。先独立思考，答错了我会先给提示。",
                    f"Here are {len(quiz.items)} questions on \"{subject}\". Think it through; if you miss one I'll "
                    "give a hint first.")
    first, actions = render_item(ctx, quiz.items[0], 1, len(quiz.items))
    return ToolResult("generate_quiz", args, True, intro + "\n\n" + first, actions=actions)


def grade_answer(deps, ctx: TurnContext, answer: str) -> ToolResult:
    """Grade the answer to the current question: a hint after a first miss, the key after a second."""
    active = deps.quiz_sessions.current(ctx.channel, ctx.thread_id, ctx.employee_id)
    if active is None:
        return ToolResult("grade_answer", {"answer": answer}, False,
                          ctx.say("现在没有进行中的测验。说“考考我 + 课程名”开始一个吧。",
                                  "There's no quiz in progress. Say \"quiz me on <course>\" to start one."))
    items = active.quiz.items
    item = items[active.position]
    result = grade(item, answer)
    if not result.understood:
        _, actions = render_item(ctx, item, active.position + 1, len(items))
        return ToolResult("grade_answer", {"answer": answer}, False,
                          ctx.say("没看懂你的答案，请按提示格式回复。", "I couldn't read that answer; reply as shown."),
                          actions=actions)
    if not result.correct and active.tries_on_current == 0:
        active.tries_on_current = 1
        deps.quiz_sessions.save(active)
        _, actions = render_item(ctx, item, active.position + 1, len(items))
        text = ctx.say("还差一点。", "Not quite.") + " " + item.hint + " " + ctx.say("再试一次？", "Try once more?")
        return ToolResult("grade_answer", {"answer": answer}, True, text, private=True, actions=actions)
    first_try = result.correct and active.tries_on_current == 0
    active.correct += 1 if first_try else 0
    verdict = ctx.say("✅ 正确！", "✅ Correct!") if result.correct else ctx.say(
        f"❌ 正确答案是 {_key_text(ctx, item)}。", f"❌ The answer is {_key_text(ctx, item)}.")
    lines = [verdict, item.explanation]
    active.position += 1
    active.tries_on_current = 0
    actions: list[Action] = []
    if active.position < len(items):
        following, actions = render_item(ctx, items[active.position], active.position + 1, len(items))
        lines += ["", following]
    else:
        active.finished = True
        lines += ["", _finish(deps, ctx, active)]
    deps.quiz_sessions.save(active)
    return ToolResult("grade_answer", {"answer": answer}, True, "\n".join(lines), private=True, actions=actions)


def _key_text(ctx: TurnContext, item: QuizItem) -> str:
    """The key as the learner saw the choices."""
    if item.kind == "mcq":
        return f"{item.answer}. {item.correct_text}"
    if item.kind == "true_false":
        return ctx.say("对" if item.answer == "true" else "错", item.answer)
    return item.answer


def _finish(deps, ctx: TurnContext, active) -> str:
    """The score, recorded in HR as practice (never an official exam) when the quiz was on a course."""
    total = len(active.quiz.items)
    score = round(100 * active.correct / total, 1)
    summary = ctx.say(f"测验结束：首次答对 {active.correct}/{total}，得分 {score}。",
                      f"Quiz done: {active.correct}/{total} right on the first try, score {score}.")
    if active.quiz.course and not active.recorded:
        try:
            practice = deps.hr.record_practice_attempt(ctx.caller, active.quiz.course, active.correct, total)
            active.recorded = True
            summary += "\n" + practice.to_text(ctx.language)
        except Exception as exc:  # a refused or failed record must not lose the learner's result text
            message = exc.message(ctx.language) if hasattr(exc, "message") else type(exc).__name__
            log.warning("practice attempt not recorded: %s", type(exc).__name__)
            summary += "\n" + ctx.say(f"（成绩未能记录：{message}）", f"(The score was not recorded: {message})")
    return summary
