"""The toolkit of one turn: registry tools bound to the caller, arguments validated, refusals turned into text."""

from __future__ import annotations

import logging
from collections.abc import Callable

from pydantic import ValidationError

from bot.tools import registry
from bot.tools.common import hr_error, refused
from bot.tools.context import TurnContext
from bot.tools.deps import ToolDeps
from bot.tools.result import ToolResult
from retrieval.cancellation import checkpoint

log = logging.getLogger(__name__)
__all__ = ["ToolDeps", "Toolkit"]


class Toolkit:
    """Runs registry tools for one caller; every result is also kept in `calls` for the reply and the audit log."""

    def __init__(self, deps: ToolDeps, ctx: TurnContext):
        """Bind the shared dependencies to this turn's caller."""
        self.deps, self.ctx = deps, ctx
        self.calls: list[ToolResult] = []

    def run(self, name: str, **kwargs) -> ToolResult:
        """Validate the arguments against the tool's model and call it; refusals and failures become text.

        A turn cancelled at its deadline runs no further tool (the person was already told it took too long)."""
        checkpoint(f"tool {name}")
        tool = registry.get(name)
        if tool is None:
            result = ToolResult(name, kwargs, False, self.ctx.say(f"没有名为 {name} 的工具。", f"There is no tool {name}."),
                                act="clarify")
        else:
            try:
                args = tool.args(**kwargs)
            except ValidationError as exc:
                log.warning("tool %s called with bad arguments: %s", name, exc.errors()[:2])
                result = ToolResult(name, kwargs, False, self.ctx.say("参数不对，请换个说法。",
                                                                      "Those arguments don't fit; please rephrase."),
                                    act="clarify")
            else:
                result = self._guarded(name, kwargs, lambda: tool.run(self.deps, self.ctx, args))
            result.private = result.private or (tool.private and result.ok)
            result.act = result.act or tool.act
        self.calls.append(result)
        return result

    def confirm(self, pending: dict) -> ToolResult:
        """Carry out a change the person confirmed (enroll, withdraw, nudge); the HR service checks it again."""
        checkpoint("confirmed change")
        name = {"nudge": "nudge_team"}.get(pending.get("op", ""), pending.get("op", ""))  # "nudge": before the registry
        tool = registry.get(name)
        if tool is None or tool.confirm is None:
            result = ToolResult(name or "confirm", {}, False, self.ctx.say("没有待确认的操作。", "There's nothing to confirm."),
                                act="clarify")
        else:
            result = self._guarded(name, {k: v for k, v in pending.items() if k != "op"},
                                   lambda: tool.confirm(self.deps, self.ctx, pending))
        self.calls.append(result)
        return result

    def _guarded(self, name: str, args: dict, call: Callable[[], ToolResult]) -> ToolResult:
        """Run the call; HR errors carry their own bilingual message, anything else gets a generic one."""
        try:
            return call()
        except Exception as exc:
            if hr_error(exc):
                log.info("tool %s refused: %s", name, exc.code)
                return refused(name, args, self.ctx, exc)
            log.exception("tool %s failed", name)
            return ToolResult(name, args, False, self.ctx.say("这个操作暂时失败了，请稍后再试或联系 HR。",
                                                              "That didn't work just now; please try again later or "
                                                              "ask HR."), act="error")
