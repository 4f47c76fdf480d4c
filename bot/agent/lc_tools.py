"""LangChain tool wrappers around one turn's Toolkit: schemas for the model, the caller bound underneath."""

from __future__ import annotations

from typing import Literal

from langchain_core.tools import StructuredTool
from pydantic import BaseModel, Field

from bot.tools.result import ToolResult
from bot.tools.toolkit import Toolkit


class SearchArgs(BaseModel):
    """search_knowledge arguments."""

    question: str = Field(description="A standalone question (resolve follow-ups first).")


class CourseArgs(BaseModel):
    """Arguments naming one course."""

    course: str = Field(description="Course code, e.g. SEC-101.")


class PeriodArgs(BaseModel):
    """Arguments naming a period and optionally a colleague (access is checked by the HR service)."""

    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')
    employee: str | None = Field(None, description="Another person's employee id; omit for the person asking.")


class KpiArgs(PeriodArgs):
    """explain_kpi arguments: a person (default the asker) or a whole department."""

    department: str | None = Field(None, description="Department id for a department's KPI, e.g. sales.")


class TeamArgs(BaseModel):
    """team_progress arguments."""

    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')


class NoArgs(BaseModel):
    """No arguments."""


class QuizArgs(BaseModel):
    """generate_quiz arguments."""

    course: str | None = Field(None, description="Course code to quiz on.")
    topic: str | None = Field(None, description="A topic when there is no course code.")
    n: int = Field(5, ge=1, le=20, description="Number of questions.")


class AnswerArgs(BaseModel):
    """grade_answer arguments."""

    answer: str = Field(description="The learner's answer exactly as given (a letter, true/false, or words).")


class ReportArgs(BaseModel):
    """completion_report arguments."""

    by: Literal["department", "course"] = "department"
    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')
    department: str | None = Field(None, description="Department id to focus on, e.g. sales.")
    course: str | None = Field(None, description="Course code to focus on.")


class NudgeArgs(BaseModel):
    """nudge_team arguments."""

    course: str | None = Field(None, description="Only nudge people behind on this course.")


SPECS = [
    ("search_knowledge", SearchArgs, "Search the company's policies and course material; returns a cited answer."),
    ("enroll", CourseArgs, "Prepare enrolling the person asking in a course (they confirm before it happens)."),
    ("my_progress", PeriodArgs, "Learning progress of the person asking (or a colleague they may see)."),
    ("team_progress", TeamArgs, "Progress of the asking manager's team."),
    ("explain_kpi", KpiArgs, "Training KPI with its working: formula, inputs, thresholds, policy clause, what-ifs."),
    ("recommend_courses", NoArgs, "Courses recommended for the person asking, with reasons."),
    ("generate_quiz", QuizArgs, "Start a quiz of checked questions on a course or topic; shows the first question."),
    ("grade_answer", AnswerArgs, "Grade the learner's answer to the current quiz question."),
    ("completion_report", ReportArgs, "Training completion report (table and chart) by department or course."),
    ("nudge_team", NudgeArgs, "Preview nudging the manager's team members who are behind (they confirm before sending)."),
]


def observation(result: ToolResult) -> str:
    """What the model sees of a tool result: the text, and for searches the numbered passages to cite."""
    status = "" if result.ok else "[refused or failed] "
    lines = [status + result.text]
    if result.citations:
        lines.append("\nPassages (cite as [n]):")
        lines += [f"[{c.n}] {c.title} > {c.heading}: {c.text}" for c in result.citations]
    if result.pending:
        lines.append("\n(Waiting for the person to confirm; do not claim it is done.)")
    return "\n".join(lines)


def build_tools(toolkit: Toolkit) -> list[StructuredTool]:
    """The ten tools for this turn, each running through the caller-bound toolkit."""
    tools = []
    for name, schema, description in SPECS:
        def call(_name=name, **kwargs) -> str:
            """Run the named tool with the model's arguments (no caller among them)."""
            args = {k: v for k, v in kwargs.items() if v is not None}
            return observation(toolkit.run(_name, **args))

        tools.append(StructuredTool.from_function(call, name=name, description=description, args_schema=schema))
    return tools
