"""Official exam results per course, weakest first: which courses people fail, so HR knows where to look."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from hr.caller import Caller
from hr.errors import invalid
from hr.repositories import course_repo, report_repo
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import analytics_scope


@dataclass(frozen=True)
class CourseExamRow:
    """One course: pass rate over people examined (as the KPI counts it), first-attempt pass rate, mean score."""

    course_code: str
    title: str
    passing_score: float
    passed: Rate
    first_attempt: Rate
    attempts: int
    mean_score: float | None

    def to_dict(self) -> dict:
        """JSON form."""
        return {"course_code": self.course_code, "title": self.title, "passing_score": self.passing_score,
                "pass_rate": self.passed.to_dict(), "first_attempt_pass_rate": self.first_attempt.to_dict(),
                "attempts": self.attempts, "mean_score": None if self.mean_score is None else round(self.mean_score, 1)}


@dataclass
class ExamReport:
    """Exam results per course for a period and scope; rows ordered from the lowest pass rate up."""

    period: str
    scope: str
    rows: list[CourseExamRow] = field(default_factory=list)
    department_id: str | None = None
    course_code: str | None = None  # "只看 SEC-101": one course's row

    def to_dict(self) -> dict:
        """JSON form for the API and --json."""
        return {"period": self.period, "scope": self.scope, "department": self.department_id,
                "course": self.course_code, "rows": [r.to_dict() for r in self.rows]}


def exam_report(db: Session, caller: Caller, *, period: Period, department_id: str | None = None,
                course_code: str | None = None) -> ExamReport:
    """Official exams per course in the period for what the caller may see (HR the company or a department, a
    manager their team or a department they head); employees are refused. Practice quizzes never count."""
    scope = analytics_scope(db, caller, department_id, "exam results by course", "各课程的考试结果")
    courses = {c.code: c for c in course_repo.list_courses(db)}
    rows = []
    if course_code is not None and course_code not in courses:
        raise invalid(f"Course {course_code} does not exist; ask for the catalogue to see course codes.",
                      f"课程 {course_code} 不存在；可以先查看课程目录里的课程代码。")
    for code, counts in report_repo.exams_by_course(db, period.start, period.end, scope).items():
        if course_code is not None and code != course_code:
            continue
        course = courses.get(code)
        rows.append(CourseExamRow(code, course.title if course else code, course.passing_score if course else 0.0,
                                  Rate(counts.passed, counts.examined), Rate(counts.first_passed, counts.first_attempts),
                                  counts.attempts, counts.score_sum / counts.attempts if counts.attempts else None))
    rows.sort(key=lambda r: (r.passed.value_or(2.0), r.first_attempt.value_or(2.0), r.course_code))
    return ExamReport(period.name, scope.label, rows, department_id, course_code)
