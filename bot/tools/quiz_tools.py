"""generate_quiz, grade_answer and stop_quiz: a checked quiz in the thread, graded Socratically, kept in HR as practice."""

from __future__ import annotations

import logging

from pydantic import BaseModel, Field

from bot.answering.gloss import gloss
from bot.messages import Action
from bot.quiz.feedback import explanation_for, hint_for, material_language, material_note, question_for
from bot.quiz.generator import NoMaterial
from bot.quiz.grading import grade
from bot.quiz.model import BLANK, LETTERS, QuizItem
from bot.tools.common import given
from bot.tools.context import TurnContext
from bot.tools.registry import Tool
from bot.tools.result import ToolResult
from hr.plural import be, count

log = logging.getLogger(__name__)
MAX_QUESTIONS = 20
MARKDOWN_BLANK = r"\_\_\_\_"  # escaped so Markdown shows a blank, not bold


class QuizArgs(BaseModel):
    """generate_quiz arguments."""

    course: str | None = Field(None, description="Course code to quiz on.")
    topic: str | None = Field(None, description="A topic when there is no course code.")
    n: int = Field(5, ge=1, le=MAX_QUESTIONS, description="Number of questions.")


class AnswerArgs(BaseModel):
    """grade_answer arguments."""

    answer: str = Field("", description="The learner's answer exactly as given (a letter, true/false, or words).")
    give_up: bool = Field(False, description="True when the learner says they don't know.")


class NoArgs(BaseModel):
    """No arguments."""


def render_item(ctx: TurnContext, item: QuizItem, number: int, total: int) -> tuple[str, list[Action]]:
    """One question as Markdown plus its answer buttons (never the key)."""
    question = question_for(item, ctx.language).replace(BLANK, MARKDOWN_BLANK)
    lines = [f"**Q{number}/{total}** {question}"]
    actions: list[Action] = []
    if item.kind == "mcq":
        for letter, option in zip(LETTERS, item.options, strict=True):
            lines.append(f"{letter}. {option}")
            actions.append(Action(letter, "quiz_answer", {"answer": letter}))
        lines.append(ctx.say("回复字母作答；想结束就说“退出测验”。", "Reply with a letter, or say \"stop the quiz\" to end it."))
    elif item.kind == "true_false":
        actions = [Action(ctx.say("对", "True"), "quiz_answer", {"answer": "true"}),
                   Action(ctx.say("错", "False"), "quiz_answer", {"answer": "false"})]
        lines.append(ctx.say("回复“对”或“错”；想结束就说“退出测验”。", "Reply true or false, or say \"stop the quiz\"."))
    else:
        lines.append(ctx.say("直接回复空白处的内容；想结束就说“退出测验”。",
                             "Reply with the words for the blank, or say \"stop the quiz\"."))
    return "\n".join(lines), actions


def generate_quiz(deps, ctx: TurnContext, args: QuizArgs) -> ToolResult:
    """Build n checked items on a course or topic from material the caller may read, and ask the first one."""
    course = args.course.upper() if args.course else None
    logged = given(course=course, topic=args.topic, n=args.n)
    subject = given(course=course)
    if not course and not args.topic:
        return ToolResult("generate_quiz", logged, False, ctx.say("想考哪门课？比如“考考我信息安全基础”。",
                                                                  "Which course should I quiz you on? e.g. \"quiz me on "
                                                                  "SEC-101\"."), act="clarify")
    try:
        quiz, report = deps.quizzes.generate(ctx.audience, course=course, topic=args.topic, n=args.n,
                                             language=ctx.language)
    except NoMaterial:
        return ToolResult("generate_quiz", logged, False,
                          ctx.say("我没有找到这门课你可以查看的资料，暂时出不了题。",
                                  "I found no material on that which you may read, so I can't build a quiz yet."),
                          act="abstain", subject=subject)
    log.info("quiz built: %s items kept of %s candidates", report.kept, report.candidates)
    if not quiz.items:
        return ToolResult("generate_quiz", logged, False, ctx.say("资料里没有足够可出题的要点。",
                                                                  "The material has too few checkable facts for a "
                                                                  "quiz."), act="abstain", subject=subject)
    deps.quiz_sessions.start(ctx.channel, ctx.thread_id, ctx.employee_id, quiz)
    name = deps.names.course(course, ctx.language) if course else quiz.topic
    intro = ctx.say(f"好的，{len(quiz.items)} 道题，来自“{name}”的资料。先独立思考，答错了我会先给提示。",
                    f"Here {be(len(quiz.items))} {count(len(quiz.items), 'question')} on \"{name}\". Think it through; if you miss one I'll "
                    "give a hint first.")
    text, actions = opening(ctx, intro, quiz.items)
    return ToolResult("generate_quiz", logged, True, text, actions=actions, act="quiz_start", subject=subject)


def grade_answer(deps, ctx: TurnContext, args: AnswerArgs) -> ToolResult:
    """Grade the answer to the current question: a hint after a first miss, the key after a second."""
    answer = args.answer
    active = deps.quiz_sessions.current(ctx.channel, ctx.thread_id, ctx.employee_id)
    if active is None:
        return ToolResult("grade_answer", {"answer": answer}, False,
                          ctx.say("现在没有进行中的测验。说“考考我 + 课程名”开始一个吧。",
                                  "There's no quiz in progress. Say \"quiz me on <course>\" to start one."),
                          act="clarify")
    if active.quiz.sitting_id is not None:  # an official exam: first answers count, no hints (exam_tools)
        from bot.tools.exam_tools import grade_exam_answer

        return grade_exam_answer(deps, ctx, answer, args.give_up, active)
    items = active.quiz.items
    item = items[active.position]
    subject = given(course=active.quiz.course)
    result = grade(item, answer)
    if not result.understood and not args.give_up:
        _, actions = render_item(ctx, item, active.position + 1, len(items))
        how = {"mcq": ("请回复 A、B、C 或 D", "reply A, B, C or D"), "true_false": ("请回复“对”或“错”", "reply true or false")}
        zh, en = how.get(item.kind, ("请直接写出空白处的内容", "write the words for the blank"))
        return ToolResult("grade_answer", {"answer": answer}, False,
                          ctx.say(f"没看懂这个答案：{zh}；不会的话可以说“不知道”，想结束就说“退出测验”。",
                                  f"I couldn't read that as an answer: {en}. Say \"I don't know\" to see a hint, or "
                                  "\"stop the quiz\" to end it."), actions=actions, act="quiz_feedback",
                          subject=subject)
    correct = result.correct and not args.give_up
    if not correct and active.tries_on_current == 0:
        active.tries_on_current = 1
        deps.quiz_sessions.save(active)
        _, actions = render_item(ctx, item, active.position + 1, len(items))
        lead = ctx.say("没关系，给你一个提示：", "No problem, here's a hint: ") if args.give_up else \
            ctx.say("还差一点。提示：", "Not quite. Hint: ")
        text = f"{lead}{hint_for(item, ctx.language)}" + ctx.say("再试一次？", " Try once more?")
        return ToolResult("grade_answer", {"answer": answer}, True, text, private=True, actions=actions,
                          act="quiz_feedback", subject=subject)
    first_try = correct and active.tries_on_current == 0
    active.correct += 1 if first_try else 0
    verdict = ctx.say("✅ 正确！", "✅ Correct!") if correct else ctx.say(
        f"❌ 正确答案是 {_key_text(ctx, item)}。", f"❌ The answer is {_key_text(ctx, item)}.")
    lines = [verdict, explanation_for(item, ctx.language, _glosser(deps, ctx))]
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
    return ToolResult("grade_answer", {"answer": answer}, True, "\n".join(lines), private=True, actions=actions,
                      act="quiz_feedback", subject=subject)


def stop_quiz(deps, ctx: TurnContext, args: NoArgs) -> ToolResult:
    """End the open quiz where it stands; nothing is recorded for an unfinished quiz."""
    active = deps.quiz_sessions.current(ctx.channel, ctx.thread_id, ctx.employee_id)
    if active is None:
        return ToolResult("stop_quiz", {}, True, ctx.say("现在没有进行中的测验。", "There's no quiz in progress."),
                          act="quiz_exit")
    if active.quiz.sitting_id is not None:  # leaving an official exam hands it in
        from bot.tools.exam_tools import stop_exam

        return stop_exam(deps, ctx, active)
    answered, total = active.position, len(active.quiz.items)
    active.finished = True
    deps.quiz_sessions.save(active)
    text = ctx.say(f"好的，测验结束了（做了 {answered}/{total} 题，首次答对 {active.correct} 题，未完成的测验不记录成绩）。"
                   "想继续学习随时说“考考我”。",
                   f"OK, quiz stopped ({answered} of {total} answered, {active.correct} right first time; an "
                   "unfinished quiz is not recorded). Say \"quiz me\" any time to start again.")
    return ToolResult("stop_quiz", {}, True, text, private=True, act="quiz_exit",
                      subject=given(course=active.quiz.course))


def current_question(deps, ctx: TurnContext) -> tuple[str, list[Action]] | None:
    """The open quiz's current question, to resume after a question asked mid-quiz (None when no quiz is open)."""
    active = deps.quiz_sessions.current(ctx.channel, ctx.thread_id, ctx.employee_id)
    if active is None:
        return None
    text, actions = render_item(ctx, active.quiz.items[active.position], active.position + 1, len(active.quiz.items))
    return ctx.say("回到测验：", "Back to the quiz:") + "\n" + text, actions


def open_item(deps, ctx: TurnContext) -> QuizItem | None:
    """The question the learner is on, if a quiz is open in the thread."""
    active = deps.quiz_sessions.current(ctx.channel, ctx.thread_id, ctx.employee_id)
    return None if active is None else active.quiz.items[active.position]


def opening(ctx: TurnContext, intro: str, items: list[QuizItem]) -> tuple[str, list[Action]]:
    """A quiz's or an official exam's first message: the intro, the material-language note, question 1 and its buttons."""
    note = quiz_material_note(ctx, items)
    first, actions = render_item(ctx, items[0], 1, len(items))
    return intro + (("\n" + note) if note else "") + "\n\n" + first, actions


def quiz_material_note(ctx: TurnContext, items: list[QuizItem]) -> str:
    """Said once when a quiz starts: most of its questions quote material in the other language ('' otherwise)."""
    languages = [material_language(item) for item in items]
    other = [lang for lang in languages if lang != ctx.language]
    return material_note(ctx.language, other[0]) if len(other) * 2 > len(languages) else ""


def _glosser(deps, ctx: TurnContext):
    """A quoted sentence's gloss in the reader's language, from the index's bilingual lexicon (None without one)."""
    lexicon = getattr(deps.index, "lexicon", None)
    if lexicon is None:
        return None
    return lambda sentence, sentence_language: gloss(sentence, sentence_language, ctx.language, lexicon)


def _key_text(ctx: TurnContext, item: QuizItem) -> str:
    """The key as the learner saw the choices."""
    if item.kind == "mcq":  # the option's words are the material's, quoted as written
        return ctx.say(f"{item.answer}：“{item.correct_text}”", f"{item.answer}: \"{item.correct_text}\"")
    if item.kind == "true_false":
        return ctx.say("对" if item.answer == "true" else "错", "True" if item.answer == "true" else "False")
    return ctx.say(f"“{item.answer}”", f"\"{item.answer}\"")


def _finish(deps, ctx: TurnContext, active) -> str:
    """The score, recorded in HR as practice (never an official exam) when the quiz was on a course."""
    total = len(active.quiz.items)
    score = round(100 * active.correct / total, 1)
    summary = ctx.say(f"测验结束：首次答对 {active.correct}/{total}，得分 {score:g}。",
                      f"Quiz done: {active.correct}/{total} right on the first try, score {score:g}.")
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


TOOLS = [
    Tool("generate_quiz", QuizArgs, generate_quiz, "练习测验（出题、逐题批改，成绩记为练习）",
         "Start a practice quiz of checked questions on a course or topic; shows the first question.",
         act="quiz_start", inherits_course=True, private=False, slots=("course", "topic", "n"),
         examples=(("考考我提示词工程，出5道题", "Quiz me on prompt engineering, 5 questions"),)),
    Tool("grade_answer", AnswerArgs, grade_answer, "批改当前测验题的答案", "Grade the learner's answer to the current "
         "quiz question.", act="quiz_feedback", slots=("answer",)),
    Tool("stop_quiz", NoArgs, stop_quiz, "结束进行中的测验", "Stop the quiz in progress.", act="quiz_exit",
         private=False, routable=False),
]
