"""Official exams taken in chat: a preview, an explicit start, then one submission recorded exactly once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hr import plural
from hr.caller import Caller
from hr.errors import HRError, conflict, forbidden, invalid, not_found
from hr.models import ExamAttempt, ExamAttemptPublic, ExamSitting
from hr.policy.model import ExamRules
from hr.services import exams
from hr.services.access import require_manage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExamPreview:
    """What an official exam of this course would be for this person, and whether they may start one now."""

    employee_id: str
    course_code: str
    title_zh: str
    title_en: str
    question_count: int
    passing_score: float
    attempts_used: int
    attempts_allowed: int
    open_sitting_id: int | None
    refusal: HRError | None = None

    @property
    def can_start(self) -> bool:
        """True when an official exam may be started (or resumed) now."""
        return self.refusal is None

    def to_text(self, lang: str = "en") -> str:
        """The preview the learner confirms: questions, pass mark, which attempt this is, and that it counts."""
        zh = lang.startswith("zh")
        if self.refusal is not None:
            return self.refusal.message(lang)
        number = self.attempts_used + (0 if self.open_sitting_id else 1)
        if zh:
            return (f"{self.course_code} {self.title_zh} 正式考试：{self.question_count} 道题，及格线 {self.passing_score:g} 分；"
                    f"这是第 {number}/{self.attempts_allowed} 次机会。成绩计入考试通过率和绩效，提交后不能撤回。"
                    "每题只算第一次作答。确认开始吗？")
        return (f"{self.course_code} {self.title_en} official exam: {plural.count(self.question_count, 'question')}, pass mark "
                f"{self.passing_score:g}; this is attempt {number} of {self.attempts_allowed}. The result counts "
                "toward your exam pass rate and KPI and cannot be withdrawn. Only your first answer to each question "
                "counts. Start now?")


@dataclass(frozen=True)
class StartedExam:
    """An open official exam: its id, how many questions to ask, and the bar."""

    sitting_id: int
    employee_id: str
    course_code: str
    question_count: int
    passing_score: float
    resumed: bool


def preview_exam(db: Session, caller: Caller, employee_id: str, course_code: str, *, rules: ExamRules) -> ExamPreview:
    """The exam's shape and the person's standing; a refusal is carried, not raised, so the bot can explain it."""
    require_manage(db, caller, employee_id)
    course = exams.find_course(db, course_code)
    open_row = _open_sitting(db, employee_id, course.code)
    refusal = None
    used, allowed = 0, rules.attempts_allowed
    try:
        enrollment = exams.open_enrollment(db, employee_id, course.code)
        current = exams.standing(db, enrollment, rules)
        used = current.used
        exams.refuse_if_closed(course.code, current)  # an open sitting is not an attempt yet: the limit still holds
    except HRError as exc:
        refusal = exc
    count = open_row.question_count if open_row else rules.question_count(course.code)
    bar = open_row.passing_score if open_row else course.passing_score
    return ExamPreview(employee_id, course.code, course.title, course.title_en or course.title, count, bar, used, allowed,
                       open_row.id if open_row else None, refusal)


def start_exam(db: Session, caller: Caller, employee_id: str, course_code: str, *, now: datetime,
               rules: ExamRules) -> StartedExam:
    """Open an official exam (the learner after confirming, or HR/a manager scheduling it); an open one is resumed."""
    require_manage(db, caller, employee_id)
    course = exams.find_course(db, course_code)
    exams.refuse_if_closed(course.code, exams.standing(db, exams.open_enrollment(db, employee_id, course.code), rules))
    existing = _open_sitting(db, employee_id, course.code)
    if existing is not None:
        return _started(existing, resumed=True)
    row = ExamSitting(employee_id=employee_id, course_code=course.code, opened_at=now, opened_by=caller.id,
                      question_count=rules.question_count(course.code), passing_score=course.passing_score,
                      open_key=f"{employee_id}:{course.code}")
    try:
        with db.begin_nested():
            db.add(row)
            db.flush()
    except IntegrityError:  # someone opened the same exam at the same moment: resume theirs
        existing = _open_sitting(db, employee_id, course.code)
        if existing is None:
            raise conflict("The exam could not be opened; try again.", "考试未能开始，请重试。") from None
        return _started(existing, resumed=True)
    log.info("exam opened employee=%s course=%s by=%s", employee_id, course.code, caller.id)
    return _started(row, resumed=False)


def submit_exam(db: Session, caller: Caller, sitting_id: int, correct: int, *, today: date,
                rules: ExamRules) -> exams.ExamResult:
    """Record the sitting's one attempt (score = correct / the sitting's question count); a repeat returns it again."""
    row = db.get(ExamSitting, sitting_id)
    if row is None:
        raise not_found("exam", str(sitting_id))
    if caller.id != row.employee_id and not caller.sees_everyone:
        raise forbidden("submit someone else's exam", "提交他人的考试")
    if not 0 <= correct <= row.question_count:
        raise invalid(f"Correct answers must be between 0 and {row.question_count}.",
                      f"答对题数必须在 0 到 {row.question_count} 之间。")
    if row.status != "open":
        return _recorded_result(db, row, rules)
    claimed = db.execute(update(ExamSitting).where(ExamSitting.id == sitting_id, ExamSitting.status == "open")
                         .values(status="submitting", open_key=None))
    if claimed.rowcount != 1:  # a concurrent submission won; report what it stored
        db.refresh(row)
        return _recorded_result(db, row, rules)
    score = round(100 * correct / row.question_count, 1)
    result = exams.store_attempt(db, caller, row.course_code, row.passing_score, row.employee_id, score, today=today,
                                 rules=rules)
    db.execute(update(ExamSitting).where(ExamSitting.id == sitting_id)
               .values(status="submitted", attempt_id=result.attempt.id))
    db.refresh(row)
    return result


def _recorded_result(db: Session, row: ExamSitting, rules: ExamRules) -> exams.ExamResult:
    """The result a submitted sitting already stored (so a retried submit never records twice)."""
    attempt = db.get(ExamAttempt, row.attempt_id) if row.attempt_id else None
    if attempt is None:
        raise conflict("This exam is being submitted right now; try again in a moment.",
                       "这场考试正在提交，请稍后再试。")
    enrollment = exams.open_enrollment(db, row.employee_id, row.course_code)
    current = exams.standing(db, enrollment, rules)
    return exams.ExamResult(ExamAttemptPublic.model_validate(attempt, from_attributes=True), attempt.passed,
                            row.passing_score, False, current.used, current.allowed, already_recorded=True)


def _open_sitting(db: Session, employee_id: str, course_code: str) -> ExamSitting | None:
    """The person's open official exam of this course, if any."""
    return db.exec(select(ExamSitting).where(ExamSitting.open_key == f"{employee_id}:{course_code}")).first()


def _started(row: ExamSitting, *, resumed: bool) -> StartedExam:
    """Plain data for the caller."""
    return StartedExam(row.id, row.employee_id, row.course_code, row.question_count, row.passing_score, resumed)
