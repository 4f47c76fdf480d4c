"""The toolkit of one turn: the tools bound to the caller, run by name, refusals turned into friendly text."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.tools import hr_tools, knowledge_tools, quiz_tools
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult

log = logging.getLogger(__name__)

TOOLS: dict[str, Callable[..., ToolResult]] = {
    "search_knowledge": knowledge_tools.search_knowledge,
    "enroll": hr_tools.enroll,
    "my_progress": hr_tools.my_progress,
    "team_progress": hr_tools.team_progress,
    "explain_kpi": hr_tools.explain_kpi,
    "recommend_courses": hr_tools.recommend_courses,
    "generate_quiz": quiz_tools.generate_quiz,
    "grade_answer": quiz_tools.grade_answer,
    "completion_report": hr_tools.completion_report,
    "nudge_team": hr_tools.nudge_team,
}
CONFIRMABLE = {"enroll": hr_tools.confirm_enroll, "nudge": hr_tools.confirm_nudge}


@dataclass
class ToolDeps:
    """What the tools need, built once by the composition root and shared by every turn."""

    hr: object  # hr.service.HRService
    index: object  # retrieval.index.KnowledgeIndex
    quizzes: object  # bot.quiz.generator.QuizGenerator
    quiz_sessions: object  # bot.store.quiz_sessions.QuizSessionStore
    course_titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (zh, en)

    def course_title(self, code: str, language: str) -> str | None:
        """A course's title in the reader's language; None for an unknown code."""
        titles = self.course_titles.get(code.upper())
        if titles is None:
            return None
        zh, en = titles
        return (zh or en) if language == "zh" else (en or zh)


class Toolkit:
    """Runs tools for one caller; every call is logged in `calls` for the reply's tool list."""

    def __init__(self, deps: ToolDeps, ctx: TurnContext):
        """Bind the shared dependencies to this turn's caller."""
        self.deps, self.ctx = deps, ctx
        self.calls: list[ToolResult] = []

    def run(self, name: str, **args) -> ToolResult:
        """Call a tool; an HR refusal or a failure becomes a ToolResult with ok=False and a clear message."""
        tool = TOOLS.get(name)
        if tool is None:
            result = ToolResult(name, args, False, self.ctx.say(f"没有名为 {name} 的工具。", f"There is no tool {name}."))
        else:
            result = self._guarded(name, args, lambda: tool(self.deps, self.ctx, **args))
        self.calls.append(result)
        return result

    def confirm(self, pending: dict) -> ToolResult:
        """Carry out a change the person confirmed (enroll, nudge); still checked by the HR service."""
        op = pending.get("op", "")
        action = CONFIRMABLE.get(op)
        args = {k: v for k, v in pending.items() if k != "op"}
        name = "nudge_team" if op == "nudge" else op
        if action is None:
            result = ToolResult(name, args, False, self.ctx.say("没有待确认的操作。", "There's nothing to confirm."))
        else:
            result = self._guarded(name, args, lambda: action(self.deps, self.ctx, **args))
        self.calls.append(result)
        return result

    def _guarded(self, name: str, args: dict, call: Callable[[], ToolResult]) -> ToolResult:
        """Run the call; HR errors carry their own bilingual message, anything else gets a generic one."""
        try:
            return call()
        except TypeError as exc:
            log.warning("tool %s called with bad arguments: %s", name, exc)
            return ToolResult(name, args, False, self.ctx.say("参数不对，请换个说法。", "Those arguments don't fit; please rephrase."))
        except Exception as exc:
            if hasattr(exc, "code") and hasattr(exc, "message"):
                log.info("tool %s refused: %s", name, exc.code)
                return ToolResult(name, args, False, exc.message(self.ctx.language))
            log.exception("tool %s failed", name)
            return ToolResult(name, args, False, self.ctx.say("这个操作暂时失败了，请稍后再试或联系 HR。",
                                                              "That didn't work just now; please try again later or ask HR."))
