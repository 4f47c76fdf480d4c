"""Official exam attempts: numbered, held to the course's pass mark and the policy's retake limit, a pass completes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from hr import plural
from hr.caller import Caller
from hr.errors import conflict, invalid, not_found
from hr.models import Course, Enrollment, ExamAttempt, ExamAttemptPublic
from hr.policy.model import ExamRules
from hr.repositories import course_repo, enrollment_repo
from hr.services.access import require_privileged
from hr.services.progress import complete

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExamResult:
    """The stored official attempt, whether it passed, the bar, retakes left, and whether it completed the course."""

    attempt: ExamAttemptPublic
    passed: bool
    passing_score: float
    completed_course: bool
    attempts_used: int = 1
    attempts_allowed: int = 1
    already_recorded: bool = False

    @property
    def retakes_left(self) -> int:
        """Official attempts still open for this enrollment (none after a pass)."""
        return 0 if self.passed else max(0, self.attempts_allowed - self.attempts_used)

    def to_text(self, lang: str = "en") -> str:
        """Short bilingual rendering with the attempt count against the policy's limit."""
        a = self.attempt
        if lang.startswith("zh"):
            verdict = "通过" if self.passed else f"未通过，剩余补考 {self.retakes_left} 次"
            return (f"{a.course_code} 正式考试（第 {self.attempts_used}/{self.attempts_allowed} 次机会）：{a.score:g} 分"
                    f"（及格线 {self.passing_score:g}），{verdict}。")
        verdict = "passed" if self.passed else f"not passed, {plural.count(self.retakes_left, 'retake')} left"
        return (f"{a.course_code} official exam (attempt {self.attempts_used} of {self.attempts_allowed}): "
                f"{a.score:g} (pass mark {self.passing_score:g}), {verdict}.")


@dataclass(frozen=True)
class AttemptStanding:
    """How many official attempts this enrollment has used, whether one passed, and what the policy allows."""

    used: int
    passed: bool
    allowed: int

    @property
    def left(self) -> int:
        """Attempts still available (none once passed)."""
        return 0 if self.passed else max(0, self.allowed - self.used)


def open_enrollment(db: Session, employee_id: str, course_code: str) -> Enrollment:
    """The enrollment an official exam belongs to; a clear refusal when there is none."""
    enrollment = enrollment_repo.get_enrollment(db, employee_id, course_code)
    if enrollment is None or enrollment.status == "dropped":
        raise invalid(f"Enroll in {course_code} before taking its exam.", f"请先报名 {course_code}，再参加考试。")
    return enrollment


def standing(db: Session, enrollment: Enrollment, rules: ExamRules) -> AttemptStanding:
    """Official attempts since this enrollment began (a re-enrollment starts a fresh allowance)."""
    attempts = [a for a in enrollment_repo.exam_attempts(db, enrollment.employee_id, enrollment.course_code)
                if a.attempted_on >= enrollment.enrolled_on]
    return AttemptStanding(len(attempts), any(a.passed for a in attempts), rules.attempts_allowed)


def refuse_if_closed(course_code: str, current: AttemptStanding) -> None:
    """Raise conflict when the course is already passed or every allowed attempt is used."""
    if current.passed:
        raise conflict(f"{course_code} is already passed; there is no further official exam.",
                       f"{course_code} 已通过，无需再参加正式考试。")
    if current.left <= 0:
        raise conflict(f"All {current.allowed} official attempts at {course_code} are used (retake limit in the "
                       "policy, exams.max_retakes); ask HR or a training specialist about re-enrolling.",
                       f"{course_code} 的 {current.allowed} 次正式考试机会已用完（策略 exams.max_retakes）；"
                       "如需重新报名，请联系 HR 或培训专员。")


def record_exam_attempt(db: Session, caller: Caller, employee_id: str, course_code: str, score: float, *,
                        today: date, rules: ExamRules) -> ExamResult:
    """HR or a training specialist enters the result of an official exam held elsewhere (limit still applies)."""
    require_privileged(caller, "enter official exam results (HR and training specialists)",
                       "录入正式考试成绩（仅限 HR 和培训专员）")
    course = find_course(db, course_code)
    return store_attempt(db, caller, course.code, course.passing_score, employee_id, score, today=today, rules=rules)


def store_attempt(db: Session, caller: Caller, course_code: str, passing_score: float, employee_id: str,
                  score: float, *, today: date, rules: ExamRules) -> ExamResult:
    """Check score, enrollment and retake limit, store the next numbered attempt; a pass completes the enrollment."""
    if not 0 <= score <= 100:
        raise invalid("An exam score must be between 0 and 100.", "考试分数必须在 0 到 100 之间。")
    enrollment = open_enrollment(db, employee_id, course_code)
    current = standing(db, enrollment, rules)
    refuse_if_closed(course_code, current)
    passed = score >= passing_score
    attempt = _insert_attempt(db, employee_id, course_code, score, passed, today)
    completed_now = passed and enrollment.status != "completed"
    if completed_now:
        complete(db, caller, employee_id, course_code, today=today)
    log.info("exam recorded employee=%s course=%s attempt=%s", employee_id, course_code, attempt.attempt_no)
    return ExamResult(ExamAttemptPublic.model_validate(attempt, from_attributes=True), passed, passing_score,
                      completed_now, current.used + 1, current.allowed)


def find_course(db: Session, course_code: str) -> Course:
    """The course or not_found."""
    course = course_repo.get_course(db, course_code.upper()) or course_repo.get_course(db, course_code)
    if course is None:
        raise not_found("course", course_code)
    return course


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
                   "同一时间有另一条考试记录正在保存，请重试。")
