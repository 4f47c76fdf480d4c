"""Practice attempts (chat self-tests): scored and kept for the learner, never an exam, KPI or retake."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from hr.caller import Caller
from hr.errors import invalid, not_found
from hr.models import PracticeAttempt, PracticeAttemptPublic
from hr.repositories import course_repo
from hr.rules.periods import Period
from hr.services.access import require_manage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PracticeResult:
    """The stored practice attempt and how it compares with the course's pass mark (for the learner only)."""

    attempt: PracticeAttemptPublic
    passing_score: float

    @property
    def reached_pass_mark(self) -> bool:
        """Whether this practice score would have passed the official exam."""
        return self.attempt.score >= self.passing_score

    def to_text(self, lang: str = "en") -> str:
        """Short rendering that says plainly this was practice and changes no official record."""
        a = self.attempt
        if lang.startswith("zh"):
            verdict = "达到" if self.reached_pass_mark else "未达到"
            return (f"{a.course_code} 练习成绩 {a.score:g} 分，{verdict}及格线 {self.passing_score:g}。"
                    "这是练习，不计入正式考试、绩效或补考次数；要参加正式考试，请说“参加 "
                    f"{a.course_code} 考试”。")
        verdict = "reaches" if self.reached_pass_mark else "is below"
        return (f"{a.course_code} practice score {a.score:g}, which {verdict} the pass mark {self.passing_score:g}. "
                "This was practice: it does not count as an official exam, toward your KPI or your retakes; "
                f"to sit the official exam, say \"take the {a.course_code} exam\".")


def practice_score(correct: int, questions: int) -> float:
    """Percentage right on the first try, one decimal."""
    return round(100 * correct / questions, 1)


def record_practice_attempt(db: Session, caller: Caller, employee_id: str, course_code: str, *, correct: int,
                            questions: int, today: date) -> PracticeResult:
    """Store one practice result; no enrollment is needed and nothing official changes."""
    require_manage(db, caller, employee_id)
    course = course_repo.get_course(db, course_code)
    if course is None:
        raise not_found("course", course_code)
    if questions < 1 or not 0 <= correct <= questions:
        raise invalid("A practice result needs at least one question and 0..questions right answers.",
                      "练习成绩需要至少一道题，答对数在 0 到题目数之间。")
    attempt = PracticeAttempt(employee_id=employee_id, course_code=course.code, attempted_on=today,
                              score=practice_score(correct, questions), questions=questions, correct=correct)
    db.add(attempt)
    db.flush()
    log.info("practice recorded employee=%s course=%s", employee_id, course.code)
    return PracticeResult(PracticeAttemptPublic.model_validate(attempt, from_attributes=True), course.passing_score)


@dataclass(frozen=True)
class PracticeSummary:
    """A person's practice on one course in a period: how often, the best and latest scores (shown apart)."""

    course_code: str
    title: str
    attempts: int
    best_score: float
    last_score: float
    last_on: date

    def to_text(self, lang: str = "en") -> str:
        """One line for progress views."""
        if lang.startswith("zh"):
            return (f"- {self.course_code} {self.title}：练习 {self.attempts} 次，最高 {self.best_score:g} 分，"
                    f"最近 {self.last_score:g} 分（{self.last_on}）")
        return (f"- {self.course_code} {self.title}: {self.attempts} practice quiz(zes), best {self.best_score:g}, "
                f"latest {self.last_score:g} ({self.last_on})")


def practice_summaries(db: Session, employee_id: str, titles: dict[str, str],
                       period: Period | None = None) -> list[PracticeSummary]:
    """One summary per course the person practised (in the period when given)."""
    query = select(PracticeAttempt).where(PracticeAttempt.employee_id == employee_id)
    if period is not None:
        query = query.where(PracticeAttempt.attempted_on >= period.start, PracticeAttempt.attempted_on <= period.end)
    by_course: dict[str, list[PracticeAttempt]] = {}
    for row in db.exec(query.order_by(PracticeAttempt.attempted_on, PracticeAttempt.id)):
        by_course.setdefault(row.course_code, []).append(row)
    return [PracticeSummary(code, titles.get(code, code), len(rows), max(r.score for r in rows), rows[-1].score,
                            rows[-1].attempted_on) for code, rows in sorted(by_course.items())]
