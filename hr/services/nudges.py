"""Nudging people who are behind: preview first, then queue in the outbox (daily quota, quiet hours), then deliver."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from hr import plural
from hr.caller import Caller
from hr.errors import forbidden
from hr.notify import DeliveryOff
from hr.policy.model import Policy
from hr.repositories import enrollment_repo, notification_repo, org_repo
from hr.rules.behind import is_behind
from hr.rules.clock import in_quiet_hours, local_day, quiet_hours_end
from hr.services.access import can_see, require_department_view, require_privileged
from hr.services.outbox import NoticeText, queue, skip

log = logging.getLogger(__name__)

SKIP_REASONS = {
    "quiet_hours": ("安静时段", "quiet hours"),
    "already_nudged_today": ("今天已提醒过", "already nudged today"),
    "not_behind_or_not_in_team": ("没有落后或不在你的范围内", "not behind, or not someone you may nudge"),
}


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
    held_until: datetime | None = None  # quiet hours now: local time the queued reminders go out

    @property
    def sendable(self) -> list[NudgeItem]:
        """Items that would actually be sent."""
        return [i for i in self.items if i.skip_reason is None]

    def held_line(self, lang: str) -> str:
        """In quiet hours: the reminders this plan would send are queued on confirmation and go out when quiet hours
        end (with the time); empty outside quiet hours."""
        return held_text(len(self.sendable), self.held_until, lang, queued=False) if self.held_until else ""

    def to_text(self, lang: str = "en") -> str:
        """Preview text for the manager."""
        zh = lang.startswith("zh")
        if not self.items:
            return "团队成员都没有落后。" if zh else "Nobody on your team is behind."
        lines = [f"将提醒 {len(self.sendable)} 人：" if zh else f"Would nudge {plural.count(len(self.sendable), 'person')}:"]
        if self.held_until is not None:
            lines.append(self.held_line(lang))
        for item in self.items:
            reason = skip_label(item.skip_reason, lang) if item.skip_reason else ""
            skip = f"（跳过：{reason}）" if zh else f" (skipped: {reason})"
            lines.append(f"- {item.name}（{item.employee_id}）：{'、'.join(item.courses)}" if zh
                         else f"- {item.name} ({item.employee_id}): {', '.join(item.courses)}"
                         f"{skip if item.skip_reason else ''}")
        return "\n".join(lines)


def held_text(count: int, until: datetime, lang: str, *, queued: bool = True) -> str:
    """Reminders held through quiet hours: queued now (or, in a preview, on confirmation), sent when they end."""
    when = until.strftime("%Y-%m-%d %H:%M")
    if lang.startswith("zh"):
        done = "已排队" if queued else "确认后会先排队"
        return f"现在是免打扰时段：{count} 条提醒{done}，将在免打扰时段结束后（{when}）发送。"
    done = f"{plural.be(count)} queued" if queued else "will be queued on confirmation"
    return f"It is quiet hours now: {plural.count(count, 'reminder')} {done} and will be sent when quiet hours end ({when})."


def skip_label(code: str, lang: str) -> str:
    """A skip reason code in words."""
    zh, en = SKIP_REASONS.get(code, (code, code))
    return zh if lang.startswith("zh") else en


@dataclass
class NudgeOutcome:
    """Per person: delivered (with the channel's receipt), queued (waiting for a channel or a retry), failed,
    or skipped with a reason; `delivery_off` says why nothing could be delivered yet."""

    sent: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    queued: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    delivery_off: DeliveryOff | None = None
    held_until: datetime | None = None  # queued in quiet hours: local time they go out

    def to_text(self, lang: str = "en") -> str:
        """The reply to a confirmed nudge: only what really reached people is called sent."""
        zh = lang.startswith("zh")
        parts = []
        if self.sent:
            parts.append(f"已发送提醒给 {len(self.sent)} 人。" if zh else f"Nudge delivered to {plural.count(len(self.sent), 'person')}.")
        if self.queued and self.held_until is not None:
            parts.append(held_text(len(self.queued), self.held_until, lang))
            if self.delivery_off is not None:
                parts.append(f"另外，通知渠道尚未就绪：{self.delivery_off.message('zh')}" if zh
                             else f"Also, no channel can deliver yet: {self.delivery_off.message('en')}")
        elif self.queued:
            if self.delivery_off is not None:
                parts.append(f"{len(self.queued)} 条提醒已排队，尚未送达：{self.delivery_off.message('zh')}" if zh
                             else f"{plural.count(len(self.queued), 'nudge')} {plural.be(len(self.queued))} queued, not delivered yet: "
                                  f"{self.delivery_off.message('en')}")
            else:
                parts.append(f"{len(self.queued)} 条提醒暂未送达，将按策略自动重试。" if zh
                             else f"{plural.count(len(self.queued), 'nudge')} could not be delivered yet and will be retried.")
        if self.failed:
            who = ("、" if zh else ", ").join(f"{k}（{v}）" if zh else f"{k} ({v})" for k, v in self.failed.items())
            parts.append(f"发送失败：{who}" if zh else f"Failed: {who}")
        if self.skipped:
            who = ("、" if zh else ", ").join(f"{k}（{skip_label(v, lang)}）" if zh else f"{k} ({skip_label(v, lang)})"
                                             for k, v in self.skipped.items())
            parts.append(f"跳过：{who}" if zh else f"Skipped: {who}")
        return " ".join(parts) or ("没有需要提醒的人。" if zh else "Nobody needed a nudge.")


def preview_nudges(db: Session, caller: Caller, *, now: datetime, policy: Policy,
                   employee_ids: list[str] | None = None, department_id: str | None = None,
                   company_wide: bool = False, course_code: str | None = None) -> NudgePlan:
    """Who among the targets is behind (on `course_code` only, when given), the message, and any reason they would
    be skipped. Targets: the caller's subtree by default, a department (its head, HR, specialists), named people the
    caller may see, or everyone in the company (HR and specialists). In quiet hours nobody is skipped for it: the
    reminders are queued and held until quiet hours end, as every other notice is."""
    if caller.role != "manager" and not caller.sees_everyone:
        raise forbidden("nudge people (managers, HR and training specialists only)", "提醒员工（仅限经理、HR 和培训专员）")
    if company_wide:
        require_privileged(caller, "nudge people across the whole company (HR and training specialists only)",
                           "提醒全公司的员工（仅限 HR 和培训专员）")
    rules = policy.notifications
    today = local_day(now, rules)
    quiet = in_quiet_hours(now, rules)
    sender = org_repo.get_employee(db, caller.id)
    sender_name = sender.name if sender else caller.id
    plan = NudgePlan(quiet_hours=quiet, held_until=quiet_hours_end(now, rules) if quiet else None)
    send_day = plan.held_until.date() if plan.held_until else today  # the daily limit counts the day it goes out
    course = course_code.upper() if course_code else None
    behind: dict[str, list[str]] = {}
    for row in _candidate_rows(db, caller, employee_ids, department_id, company_wide, course):
        if (course is None or row.course_code == course) and \
                is_behind(row.status, row.due_on, row.progress_pct, today, policy.progress):
            behind.setdefault(row.employee_id, []).append(row.course_code)
    people = {p.id: p for p in org_repo.employees_by_ids(db, sorted(behind))}
    for employee_id in sorted(behind):
        person = people.get(employee_id)
        name = person.name if person else employee_id
        courses = behind[employee_id]
        reason = None
        if notification_repo.nudges_received_on(db, employee_id, send_day) >= rules.max_nudges_per_person_per_day:
            reason = "already_nudged_today"
        plan.items.append(NudgeItem(
            employee_id, name, courses,
            f"{name}，您好：{sender_name} 提醒您，以下课程进度落后：{'、'.join(courses)}。请尽快完成。",
            f"Hi {name}, {sender_name} is reminding you that you are behind on: {', '.join(courses)}. "
            "Please catch up soon.", reason))
    return plan


def _candidate_rows(db: Session, caller: Caller, employee_ids: list[str] | None, department_id: str | None,
                    company_wide: bool, course_code: str | None) -> list:
    """The enrollments of the people a nudge may reach (company-wide: every active person's open ones)."""
    if company_wide and employee_ids is None and department_id is None:
        return [row for row in enrollment_repo.open_enrollments_of_active(db, course_code)
                if row.employee_id != caller.id]
    return enrollment_repo.enrollments_of_many(db, _targets(db, caller, employee_ids, department_id))


def _targets(db: Session, caller: Caller, employee_ids: list[str] | None, department_id: str | None) -> list[str]:
    """The people a nudge may reach, never the caller themself."""
    if department_id is not None:
        require_department_view(db, caller, department_id)
        ids = org_repo.department_employee_ids(db, department_id)
    elif employee_ids is not None:
        ids = [i for i in employee_ids if can_see(db, caller, i)]
    else:
        ids = org_repo.subtree_employee_ids(db, caller.id)
    if employee_ids is not None and department_id is not None:
        ids = [i for i in ids if i in set(employee_ids)]
    return sorted({i for i in ids if i != caller.id})


def queue_nudges(db: Session, caller: Caller, *, now: datetime, policy: Policy, employee_ids: list[str] | None = None,
                 department_id: str | None = None, company_wide: bool = False,
                 course_code: str | None = None) -> tuple[dict[str, int], dict[str, str]]:
    """Queue the previewed nudges as pending notices (skipped ones are logged with their reason; in quiet hours the
    outbox holds them until quiet hours end); returns ({employee id: notice id}, {employee id: skip reason})."""
    plan = preview_nudges(db, caller, now=now, policy=policy, employee_ids=employee_ids, department_id=department_id,
                          company_wide=company_wide, course_code=course_code)
    day = plan.held_until.date() if plan.held_until else local_day(now, policy.notifications)
    queued: dict[str, int] = {}
    skipped: dict[str, str] = {}
    for item in plan.items:
        text = NoticeText(item.text_zh, item.text_en)
        subject = ";".join(item.courses)[:100]
        if item.skip_reason:
            skip(db, recipient_id=item.employee_id, kind="nudge", day=day, now=now, text=text,
                 reason=item.skip_reason, subject_ref=subject, sender_id=caller.id)
            skipped[item.employee_id] = item.skip_reason
            continue
        count = notification_repo.nudges_received_on(db, item.employee_id, day)
        entry = queue(db, key=f"nudge:{item.employee_id}:{day.isoformat()}:{count + 1}", recipient_id=item.employee_id,
                      kind="nudge", day=day, now=now, text=text, subject_ref=subject, sender_id=caller.id)
        if entry is None:
            skipped[item.employee_id] = "already_nudged_today"
        else:
            queued[item.employee_id] = entry.id
    for wanted in sorted(set(employee_ids or []) - {i.employee_id for i in plan.items}):
        skipped[wanted] = "not_behind_or_not_in_team"
    log.info("nudges queued=%s skipped=%s by=%s", len(queued), len(skipped), caller.id)
    return queued, skipped
