"""Course surveys asked once: after a course is completed the learner gets one "please rate it 1-5" notice through the
outbox; its dedupe key `survey:<employee>:<course>` is the record that they were asked, so nobody is asked twice."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from hr.models import Course, Enrollment, NotificationLog, SurveyResponse
from hr.policy.model import Policy
from hr.services.outbox import NoticeText, queue

SURVEY_KIND = "survey"


def invitation_key(employee_id: str, course_code: str) -> str:
    """The outbox key that makes the survey question unique per person and course."""
    return f"{SURVEY_KIND}:{employee_id}:{course_code.upper()}"


def invitation_text(course_code: str, title_zh: str, title_en: str) -> NoticeText:
    """The question, in both languages: a 1-5 rating with an optional comment, and how to decline."""
    zh_title, en_title = title_zh or title_en, title_en or title_zh
    return NoticeText(
        f"你已完成《{zh_title}》（{course_code}）。这门课怎么样？请直接回复 1-5 分（5 = 非常满意），"
        f"可以附一句评语，例如“4 讲得清楚，练习少了点”。不想评价就回复“跳过”。",
        f"You completed {course_code} {en_title}. How was it? Reply with a rating from 1 to 5 (5 = excellent), "
        f"optionally with a comment, e.g. \"4 clear, but too few exercises\". Reply \"skip\" if you'd rather not.")


def queue_invitations(db: Session, *, now: datetime, today: date, policy: Policy) -> int:
    """Queue the question for recent completions not yet asked and not yet rated; returns how many were queued."""
    rules = policy.surveys
    if not rules.invite_on_completion:
        return 0
    rated = select(SurveyResponse.id).where(SurveyResponse.employee_id == Enrollment.employee_id,
                                            SurveyResponse.course_code == Enrollment.course_code)
    query = (select(Enrollment, Course).join(Course, Course.code == Enrollment.course_code)
             .where(Enrollment.status == "completed", Enrollment.completed_on.is_not(None),
                    Enrollment.completed_on >= today - timedelta(days=rules.invite_within_days),
                    Enrollment.completed_on <= today,  # a completion dated in the future is a data error: not asked
                    ~rated.exists())
             .order_by(Enrollment.completed_on, Enrollment.id))
    queued = 0
    for enrollment, course in db.exec(query).all():
        entry = queue(db, key=invitation_key(enrollment.employee_id, course.code), recipient_id=enrollment.employee_id,
                      kind=SURVEY_KIND, day=today, now=now, text=invitation_text(course.code, course.title,
                                                                                 course.title_en),
                      subject_ref=course.code)
        queued += entry is not None
    return queued


def open_invitations(db: Session, employee_id: str, *, now: datetime, policy: Policy) -> list[str]:
    """Courses whose survey question reached this person recently and is not answered yet, newest first."""
    since = now - timedelta(days=policy.surveys.reply_window_days)
    notices = db.exec(select(NotificationLog).where(
        NotificationLog.recipient_id == employee_id, NotificationLog.kind == SURVEY_KIND,
        NotificationLog.status == "sent")).all()
    rated = set(db.exec(select(SurveyResponse.course_code).where(SurveyResponse.employee_id == employee_id)).all())
    recent = [n for n in notices if n.sent_at is not None and _aware(n.sent_at, now) >= since
              and n.subject_ref not in rated]
    return [n.subject_ref for n in sorted(recent, key=lambda n: _aware(n.sent_at, now), reverse=True)]


def _aware(moment: datetime, like: datetime) -> datetime:
    """SQLite hands datetimes back without a zone; compare them in the zone of `like` (UTC throughout HR)."""
    return moment.replace(tzinfo=like.tzinfo) if moment.tzinfo is None and like.tzinfo is not None else moment
