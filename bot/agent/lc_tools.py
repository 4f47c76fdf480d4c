"""LangChain tool wrappers built from the tool registry around one turn's Toolkit: schemas for the model, the caller
bound underneath. Only the tools the caller's role is offered are shown to the model."""

from __future__ import annotations

from langchain_core.tools import StructuredTool

from bot.tools.knowledge_tools import SearchArgs  # noqa: F401  (the protocol check builds its tool from it)
from bot.tools.registry import offered
from bot.tools.result import ToolResult
from bot.tools.toolkit import Toolkit


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
    """The registry's tools for this caller's role, each running through the caller-bound toolkit."""
    tools = []
    for tool in offered(toolkit.ctx.caller.role):
        def call(_name=tool.name, **kwargs) -> str:
            """Run the named tool with the model's arguments (no caller among them)."""
            args = {k: v for k, v in kwargs.items() if v is not None}
            return observation(toolkit.run(_name, **args))

        tools.append(StructuredTool.from_function(call, name=tool.name, description=tool.about_en,
                                                  args_schema=tool.args))
    return tools
