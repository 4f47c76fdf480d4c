"""The App Home tab: my courses, progress and KPI, built from the chat service's own answers."""

from __future__ import annotations

from typing import Any

from adapters.ports import ChatHandler
from adapters.slack.render import MAX_SECTION_CHARS, context, section, to_mrkdwn
from adapters.textsplit import split_chars
from bot.messages import BotReply, IncomingMessage

HOME_QUESTIONS = (
    ("📚 我的课程与进度 My courses & progress", "我的课程和学习进度 my courses and progress"),
    ("📈 我的 KPI My KPI", "我的KPI my KPI"),
)
MAX_HOME_BLOCKS = 100


def home_view(sections: list[tuple[str, BotReply]]) -> dict[str, Any]:
    """A `home` view: a header, then each titled answer (Slack allows 100 blocks in a view)."""
    blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": "Mentor 导师"}}]
    for title, reply in sections:
        blocks.append(section(f"*{title}*"))
        blocks += [section(p) for p in split_chars(to_mrkdwn(reply.text or "—"), MAX_SECTION_CHARS)]
        blocks.append({"type": "divider"})
    blocks.append(context("在私信里问我任何问题。 Ask me anything in a DM."))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}


def home_sections(chat: ChatHandler, employee_id: str) -> list[tuple[str, BotReply]]:
    """Ask the chat service the Home tab's fixed questions on the employee's behalf (identity from Slack)."""
    return [(title, chat.handle(IncomingMessage(employee_id=employee_id, text=question, channel="slack",
                                                 thread_id="app-home", shared=False)))
            for title, question in HOME_QUESTIONS]
