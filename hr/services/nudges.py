"""A manager nudges the people in their subtree who are behind: preview first, then send (limits and quiet hours)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from hr.caller import Caller
from hr.errors import forbidden
from hr.models import NotificationLog
from hr.notify import Notifier
from hr.policy.model import Policy
from hr.repositories import notification_repo, org_repo
from hr.rules.clock import in_quiet_hours, local_day
from hr.services.delivery import deliver
from hr.services.progress import team_progress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NudgeItem:
    """One person who is behind, the message they would get, and why they would be skipped (if so)."""

    employee_id: str
    name: str
    courses: list[str]
    text_zh: str
    text_en: str
    skip_reason: str | None = None


@dataclass
class NudgePlan:
    """What 'send' would do right now."""

    items: list[NudgeItem] = field(default_factory=list)
    quiet_hours: bool = False

    @property
    def sendable(self) -> list[NudgeItem]:
        """Items that would actually be sent."""
        return [i for i in self.items if i.skip_reason is None]

    def to_text(self, lang: str = "en") -> str:
        """Preview text for the manager."""
        zh = lang.startswith("zh")
        if not self.items:
            return "团队成员都没有落后。" if zh else "Nobody on your team is behind."
        lines = [f"将提醒 {len(self.sendable)} 人:" if zh else f"Would nudge {len(self.sendable)} people:"]
        for item in self.items:
            skip = f"(跳过:{item.skip_reason})" if zh else f" (skipped: {item.skip_reason})"
            lines.append(f"- {item.name} ({item.employee_id}): {', '.join(item.courses)}"
                         f"{skip if item.skip_reason else ''}")
        return "\n".join(lines)


@dataclass(frozen=True)
class NudgeOutcome:
    """Who was sent a nudge, and who was skipped with the reason."""

    sent: list[str]
    skipped: dict[str, str]


def preview_team_nudges(db: Session, caller: Caller, *, now: datetime, policy: Policy) -> NudgePlan:
    """List the caller's subtree members who are behind, with the message and any reason they would be skipped."""
    if caller.role != "manager" and not caller.sees_everyone:
        raise forbidden("nudge a team (managers only)", "提醒团队成员(仅限经理)")
    rules = policy.notifications
    team = team_progress(db, caller, today=local_day(now, rules), rules=policy.progress)
    quiet = in_quiet_hours(now, rules)
    day = local_day(now, rules)
    sender = org_repo.get_employee(db, caller.id)
    plan = NudgePlan(quiet_hours=quiet)
    for member in team.members:
        behind = [c.course_code for c in member.behind]
        if not behind:
            continue
        reason = "quiet_hours" if quiet else None
        if reason is None and notification_repo.nudges_received_on(db, member.employee_id, day) \
                >= rules.max_nudges_per_person_per_day:
            reason = "already_nudged_today"
        sender_name = sender.name if sender else caller.id
        plan.items.append(NudgeItem(
            member.employee_id, member.name, behind,
            f"{member.name},您好:{sender_name} 提醒您,以下课程进度落后:{'、'.join(behind)}。请尽快完成。",
            f"Hi {member.name}, {sender_name} is reminding you that you are behind on: {', '.join(behind)}. "
            "Please catch up soon.", reason))
    return plan


def send_team_nudges(db: Session, caller: Caller, notifier: Notifier, *, now: datetime, policy: Policy,
                     employee_ids: list[str] | None = None) -> NudgeOutcome:
    """Send the previewed nudges (optionally only to some people); each send is logged and limited per day."""
    plan = preview_team_nudges(db, caller, now=now, policy=policy)
    day = local_day(now, policy.notifications)
    sent, skipped = [], {}
    wanted = set(employee_ids) if employee_ids is not None else None
    for item in plan.items:
        if wanted is not None and item.employee_id not in wanted:
            continue
        if item.skip_reason:
            skipped[item.employee_id] = item.skip_reason
            continue
        count = notification_repo.nudges_received_on(db, item.employee_id, day)
        entry = NotificationLog(dedupe_key=f"nudge:{item.employee_id}:{day.isoformat()}:{count + 1}",
                                recipient_id=item.employee_id, sender_id=caller.id, kind="nudge", day=day,
                                sent_at=now, subject_ref=";".join(item.courses))
        if not notification_repo.claim(db, entry):
            skipped[item.employee_id] = "already_nudged_today"
            continue
        if deliver(db, notifier, entry, org_repo.get_employee(db, item.employee_id), item.text_zh, item.text_en):
            sent.append(item.employee_id)
        else:
            skipped[item.employee_id] = "delivery_failed"
    for wanted_id in sorted((wanted or set()) - {i.employee_id for i in plan.items}):
        skipped[wanted_id] = "not_behind_or_not_in_team"
    log.info("nudges sent=%s skipped=%s by=%s", len(sent), len(skipped), caller.id)
    return NudgeOutcome(sent, skipped)
