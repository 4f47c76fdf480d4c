"""`jobs run-due`: session reminders, overdue flags and notices; each message at most once, safe every minute."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from hr.models import Enrollment, NotificationLog
from hr.notify import Notifier
from hr.policy.model import Policy
from hr.repositories import course_repo, enrollment_repo, notification_repo, org_repo
from hr.rules.clock import in_quiet_hours, local_day
from hr.services.delivery import deliver

log = logging.getLogger(__name__)


@dataclass
class JobReport:
    """What one run did."""

    marked_overdue: int = 0
    sent: dict[str, int] = field(default_factory=dict)
    failed: int = 0
    deferred_quiet_hours: bool = False

    def to_dict(self) -> dict:
        """JSON form for the CLI."""
        return {"marked_overdue": self.marked_overdue, "sent": self.sent, "failed": self.failed,
                "deferred_quiet_hours": self.deferred_quiet_hours}


def run_due(db: Session, notifier: Notifier, *, now: datetime, policy: Policy) -> JobReport:
    """Flag overdue enrollments; outside quiet hours send overdue notices and session reminders not yet sent."""
    rules = policy.notifications
    today = local_day(now, rules)
    report = JobReport(marked_overdue=len(enrollment_repo.mark_overdue(db, today)))
    if in_quiet_hours(now, rules):
        report.deferred_quiet_hours = True
        return report
    courses = {c.code: c for c in course_repo.list_courses(db)}
    for enrollment in enrollment_repo.overdue_without_notice(db):
        title = courses[enrollment.course_code].title
        _send(db, notifier, report, now, f"overdue:{enrollment.id}", "overdue", enrollment,
              f"{enrollment.course_code} {title} 已于 {enrollment.due_on} 到期,请尽快完成。",
              f"{enrollment.course_code} {title} was due on {enrollment.due_on}; please complete it soon.")
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
                _send(db, notifier, report, now, f"{kind}:{days_before}:{session.id}:{enrollment.employee_id}", kind,
                      enrollment, f"提醒:{title} 将于 {local_start} 在 {session.venue} 开始(讲师 {session.instructor})。",
                      f"Reminder: {session.course_code} starts {local_start} at {session.venue} "
                      f"(instructor {session.instructor}).")
    log.info("run-due overdue=%s sent=%s failed=%s", report.marked_overdue, report.sent, report.failed)
    return report


def _send(db: Session, notifier: Notifier, report: JobReport, now: datetime, key: str, kind: str,
          enrollment: Enrollment, text_zh: str, text_en: str) -> None:
    """Claim the dedupe key, then deliver; an already-claimed key means it was sent before."""
    entry = NotificationLog(dedupe_key=key, recipient_id=enrollment.employee_id, kind=kind, day=now.date(),
                            sent_at=now, subject_ref=str(enrollment.id))
    if not notification_repo.claim(db, entry):
        return
    if deliver(db, notifier, entry, org_repo.get_employee(db, enrollment.employee_id), text_zh, text_en):
        report.sent[kind] = report.sent.get(kind, 0) + 1
    else:
        report.failed += 1
