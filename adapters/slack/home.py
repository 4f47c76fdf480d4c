"""The App Home tab: my courses, progress and KPI, from the HR service when wired, else via the chat service."""

from __future__ import annotations

import logging
from typing import Any

from adapters.ports import ChatHandler
from adapters.slack.render import MAX_SECTION_CHARS, context, section, to_mrkdwn
from adapters.textsplit import split_chars
from bot.messages import IncomingMessage

log = logging.getLogger(__name__)

PROGRESS_TITLE = "📚 我的课程与进度 My courses & progress"
KPI_TITLE = "📈 我的 KPI My KPI"
HOME_QUESTIONS = ((PROGRESS_TITLE, "我的课程和学习进度 my courses and progress"), (KPI_TITLE, "我的KPI my KPI"))
MAX_HOME_BLOCKS = 100


def home_view(sections: list[tuple[str, str]]) -> dict[str, Any]:
    """A `home` view: a header, then each titled Markdown text (Slack allows 100 blocks in a view)."""
    blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": "Mentor 导师"}}]
    for title, text in sections:
        blocks.append(section(f"*{title}*"))
        blocks += [section(p) for p in split_chars(to_mrkdwn(text or "—"), MAX_SECTION_CHARS)]
        blocks.append({"type": "divider"})
    blocks.append(context("在私信里问我任何问题。 Ask me anything in a DM."))
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[:MAX_HOME_BLOCKS - 1] + [context("…")]
    return {"type": "home", "blocks": blocks}


def hr_home_sections(hr, employee_id: str, lang: str = "zh") -> list[tuple[str, str]]:
    """Progress and KPI straight from the HR service (RBAC applies: the caller is the employee)."""
    from hr.errors import HRError

    caller = hr.caller_for(employee_id)
    sections = []
    for title, read in ((PROGRESS_TITLE, lambda: hr.my_progress(caller)),
                        (KPI_TITLE, lambda: hr.explain_employee_kpi(caller))):
        try:
            sections.append((title, read().to_text(lang)))
        except HRError as error:
            sections.append((title, error.message(lang)))
    return sections


def chat_home_sections(chat: ChatHandler, employee_id: str) -> list[tuple[str, str]]:
    """Without an HR service: ask the chat service the Home tab's fixed questions on the employee's behalf."""
    return [(title, chat.handle(IncomingMessage(employee_id=employee_id, text=question, channel="slack",
                                                 thread_id="app-home", shared=False)).text)
            for title, question in HOME_QUESTIONS]
