"""`jobs run-due`: flag overdue enrollments and queue overdue notices, session reminders and course surveys (each
once); delivery of everything pending happens afterwards through the outbox (HRService.run_due_jobs)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from hr.models import Enrollment
from hr.policy.model import Policy
from hr.repositories import course_repo, enrollment_repo
from hr.rules.clock import local_day
from hr.services import survey_invites
from hr.services.outbox import NoticeText, queue

log = logging.getLogger(__name__)


@dataclass
class JobReport:
    """What one run did: overdue flags, notices queued by kind, then what delivery achieved."""

    marked_overdue: int = 0
    queued: dict[str, int] = field(default_factory=dict)
    sent: dict[str, int] = field(default_factory=dict)
    failed: int = 0
    retrying: int = 0
    pending: int = 0
    deferred_quiet_hours: bool = False
    delivery_off: str | None = None

    def to_dict(self) -> dict:
        """JSON form for the CLI."""
        return {"marked_overdue": self.marked_overdue, "queued": self.queued, "sent": self.sent,
                "failed": self.failed, "retrying": self.retrying, "pending": self.pending,
                "deferred_quiet_hours": self.deferred_quiet_hours, "delivery_off": self.delivery_off}


def queue_due(db: Session, *, now: datetime, policy: Policy) -> JobReport:
    """Flag overdue enrollments; queue overdue notices and session reminders not queued before (any hour: the outbox
    holds them through quiet hours)."""
    rules = policy.notifications
    today = local_day(now, rules)
    report = JobReport(marked_overdue=len(enrollment_repo.mark_overdue(db, today)))
    courses = {c.code: c for c in course_repo.list_courses(db)}
    for enrollment in enrollment_repo.overdue_without_notice(db):
        title = courses[enrollment.course_code].title
        _queue(db, report, now, today, f"overdue:{enrollment.id}", "overdue", enrollment, NoticeText(
            f"{enrollment.course_code} {title} 已于 {enrollment.due_on} 到期，请尽快完成。",
            f"{enrollment.course_code} {title} was due on {enrollment.due_on}; please complete it soon."))
    zone = ZoneInfo(rules.timezone)
    for days_before in sorted(set(rules.reminder_days_before_session)):
        day = today + timedelta(days=days_before)
        start = datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)
        end = start + timedelta(days=1)
        for session in course_repo.sessions_starting_between(db, max(start, now), end):
            kind = "reminder_day" if days_before == 0 else "reminder_before"
            local_start = session.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            attendees = db.exec(select(Enrollment).where(Enrollment.session_id == session.id,
                                                         Enrollment.status.in_(("enrolled", "in_progress"))))
            for enrollment in attendees:
                title = courses[session.course_code].title
                _queue(db, report, now, today, f"{kind}:{days_before}:{session.id}:{enrollment.employee_id}", kind,
                       enrollment, NoticeText(
                           f"提醒：{title} 将于 {local_start} 在 {session.venue} 开始（讲师 {session.instructor}）。",
                           f"Reminder: {session.course_code} starts {local_start} at {session.venue} "
                           f"(instructor {session.instructor})."))
    surveys = survey_invites.queue_invitations(db, now=now, today=today, policy=policy)  # asked once per course
    if surveys:
        report.queued[survey_invites.SURVEY_KIND] = surveys
    log.info("run-due overdue=%s queued=%s", report.marked_overdue, report.queued)
    return report


def _queue(db: Session, report: JobReport, now: datetime, today, key: str, kind: str, enrollment: Enrollment,
           text: NoticeText) -> None:
    """Queue one notice unless its dedupe key was queued before."""
    if queue(db, key=key, recipient_id=enrollment.employee_id, kind=kind, day=today, now=now, text=text,
             subject_ref=str(enrollment.id)) is not None:
        report.queued[kind] = report.queued.get(kind, 0) + 1
