"""search_knowledge: the cited extractive answer over what the caller may read."""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.answering.extractive import answer_question
from bot.followup import rewrite
from bot.tools.context import TurnContext
from bot.tools.course_facts import asks_course_length, course_length_line
from bot.tools.registry import Tool
from bot.tools.result import ToolResult


class SearchArgs(BaseModel):
    """search_knowledge arguments."""

    question: str = Field(min_length=1, description="A standalone question (resolve follow-ups first).")
    course: str | None = Field(None, description="Course code the question is about, when it is about one.")


def search_knowledge(deps, ctx: TurnContext, args: SearchArgs) -> ToolResult:
    """Answer from the knowledge base with numbered citations, or say plainly that nothing covers it."""
    question = rewrite(args.question, ctx.previous_question)  # a follow-up the model passed through unchanged
    answer = answer_question(deps.index, question, ctx.audience, course=args.course, wording=ctx.language,
                             answered_before=ctx.previous_answer)
    facts = course_length_line(deps, ctx, args.course) if args.course and asks_course_length(question) else ""
    if facts:  # the course's length and time allowed are HR's record; the pages quoted may never say them
        text, abstained = (facts if answer.abstained else f"{facts}\n\n{answer.text}"), False
    else:
        text, abstained = answer.text, answer.abstained
    course = args.course.upper() if args.course else _cited_course(answer)
    subject = {"course": course} if course else {}
    said = {"question": question} | ({"course": course} if course else {})  # what the next turn may lean on
    if course and not args.course:
        said["course_by"] = "citations"  # the material that answered was this course's; nobody asked about it
    return ToolResult("search_knowledge", said, True, text, citations=list(answer.citations),
                      abstained=abstained, act="abstain" if abstained else "answer", subject=subject,
                      answered=answer.lead)


def _cited_course(answer) -> str | None:
    """The course the cited passages come from, when they all come from one course's material."""
    cited = {c.chunk_id for c in answer.citations}
    courses = {p.course.upper() for p in answer.passages if p.chunk_id in cited and p.course}
    return courses.pop() if len(courses) == 1 else None


TOOLS = [
    Tool("search_knowledge", SearchArgs, search_knowledge,
         "查公司制度和课程资料，给出带出处的回答", "Search the company's policies and course material; returns a cited answer.",
         act="answer", private=False, slots=("course",),
         examples=(("年假有几天？", "How many days of annual leave do I get?"),
                   ("补考怎么安排？", "Can I retake a failed exam?"))),
]
