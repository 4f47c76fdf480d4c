"""Record an exam attempt (grading): numbered attempts, pass against the course's passing score, pass completes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from hr.caller import Caller
from hr.errors import conflict, invalid, not_found
from hr.models import ExamAttempt, ExamAttemptPublic
from hr.repositories import course_repo, enrollment_repo
from hr.services.access import require_manage
from hr.services.progress import complete

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExamResult:
    """The stored attempt, whether it passed, the bar, and whether it completed the course."""

    attempt: ExamAttemptPublic
    passed: bool
    passing_score: float
    completed_course: bool

    def to_text(self, lang: str = "en") -> str:
        """Short bilingual rendering."""
        a = self.attempt
        if lang.startswith("zh"):
            verdict = "通过" if self.passed else "未通过"
            return f"{a.course_code} 第{a.attempt_no}次考试:{a.score:g} 分(及格线 {self.passing_score:g}),{verdict}。"
        verdict = "passed" if self.passed else "not passed"
        return f"{a.course_code} attempt {a.attempt_no}: {a.score:g} (pass mark {self.passing_score:g}), {verdict}."


def record_exam_attempt(db: Session, caller: Caller, employee_id: str, course_code: str, score: float, *,
                        today: date) -> ExamResult:
    """Store the next numbered attempt; a pass completes the enrollment."""
    require_manage(db, caller, employee_id)
    course = course_repo.get_course(db, course_code)
    if course is None:
        raise not_found("course", course_code)
    if not 0 <= score <= 100:
        raise invalid("An exam score must be between 0 and 100.", "考试分数必须在 0 到 100 之间。")
    enrollment = enrollment_repo.get_enrollment(db, employee_id, course_code)
    if enrollment is None or enrollment.status == "dropped":
        raise invalid(f"Enroll in {course_code} before taking its exam.", f"请先报名 {course_code},再参加考试。")
    passed = score >= course.passing_score
    attempt = _insert_attempt(db, employee_id, course_code, score, passed, today)
    completed_now = passed and enrollment.status != "completed"
    if completed_now:
        complete(db, caller, employee_id, course_code, today=today)
    log.info("exam recorded employee=%s course=%s attempt=%s", employee_id, course_code, attempt.attempt_no)
    return ExamResult(ExamAttemptPublic.model_validate(attempt, from_attributes=True), passed, course.passing_score,
                      completed_now)


def _insert_attempt(db: Session, employee_id: str, course_code: str, score: float, passed: bool,
                    today: date) -> ExamAttempt:
    """Number the attempt after the last one; a concurrent duplicate number is retried a few times."""
    for _ in range(5):
        previous = enrollment_repo.exam_attempts(db, employee_id, course_code)
        number = (previous[-1].attempt_no if previous else 0) + 1
        attempt = ExamAttempt(employee_id=employee_id, course_code=course_code, attempted_on=today, score=score,
                              passed=passed, attempt_no=number)
        try:
            with db.begin_nested():
                db.add(attempt)
                db.flush()
            return attempt
        except IntegrityError:
            continue
    raise conflict("Another exam attempt was being saved at the same moment; try again.",
                   "同一时间有另一条考试记录正在保存,请重试。")
