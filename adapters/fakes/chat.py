"""A scripted ChatHandler and a static EmployeeDirectory: drive the channels in tests and benchmarks."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from bot.messages import Action, Attachment, BotReply, Citation, IncomingMessage

# A 1x1 PNG, enough for an upload to be a real image file.
TINY_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                         "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@dataclass
class ScriptedChat:
    """Implements ChatHandler: records messages, answers by keyword (quiz, progress, chart, long; boom/forbidden fail)."""

    delay_s: float = 0.0
    received: list[IncomingMessage] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def handle(self, msg: IncomingMessage) -> BotReply:
        """Answer like the bot would shape it, so every rendering path is exercised."""
        with self._lock:
            self.received.append(msg)
        if self.delay_s:
            time.sleep(self.delay_s)
        citation = Citation(n=1, source="kb/handbook/leave.md", title="员工手册 Handbook", heading="年假 Annual leave",
                            chunk_id="leave-1", text="员工每年享有 10 天带薪年假。 Employees get 10 days of paid leave.")
        if msg.action:
            return BotReply(text=f"已记录 Recorded: {msg.action.get('kind')} {msg.action.get('choice', '')}".strip())
        text = msg.text.lower()
        if "boom" in text:
            raise RuntimeError("scripted failure")
        if "forbidden" in text:
            from hr.errors import forbidden

            raise forbidden("read another person's KPI", "查看他人的KPI")
        if "quiz" in text or "测验" in text:
            return BotReply(text="Q1. 年假有几天？ How many days of annual leave?", actions=[
                Action(label="A. 5", kind="quiz_answer", value={"quiz": "q1", "choice": "A"}),
                Action(label="B. 10", kind="quiz_answer", value={"quiz": "q1", "choice": "B"})])
        if "progress" in text or "进度" in text:
            return BotReply(text=f"{msg.employee_id}: SEC-101 80%", private=True)
        if "chart" in text or "图表" in text:
            return BotReply(text="完成率图表 Completion chart", attachments=[Attachment("chart.png", TINY_PNG,
                                                                                   title="Completion")])
        if "long" in text or "长" in text:
            body = "".join(f"第{i}段：培训制度说明，包含课程、考试与积分规则。\n" for i in range(400))
            return BotReply(text=body, citations=[citation])
        return BotReply(text=f"您问的是 You asked: {msg.text} [1]", citations=[citation])


@dataclass
class StaticDirectory:
    """Implements EmployeeDirectory from three dicts (Slack id, email, WeCom userid -> employee id)."""

    slack: dict[str, str] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    wecom: dict[str, str] = field(default_factory=dict)

    def by_slack_id(self, slack_user_id: str) -> str | None:
        """Stored Slack id lookup."""
        return self.slack.get(slack_user_id)

    def by_email(self, email: str) -> str | None:
        """Email lookup."""
        return self.emails.get(email)

    def by_wecom_userid(self, userid: str) -> str | None:
        """WeCom userid lookup."""
        return self.wecom.get(userid)


def scripted_backends(settings):
    """`--services adapters.fakes.chat:scripted_backends`: run the channels with no bot (tests, benchmarks).

    MENTOR_FAKE_CHAT_DELAY_S makes every answer take that long, to measure acks while answers are computed.
    """
    import os

    from adapters.channels import Backends

    delay = float(os.environ.get("MENTOR_FAKE_CHAT_DELAY_S", "0") or 0)
    return Backends(chat=ScriptedChat(delay_s=delay),
                    directory=StaticDirectory(slack={"U_KNOWN": "E0001"}, wecom={"zhangsan": "E0003"}))
