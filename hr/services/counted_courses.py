"""Which of one person's courses due in a period count toward their completion rate, and which are optional."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from hr.models import Employee
from hr.repositories import enrollment_repo, org_repo
from hr.repositories.counting import CountingRule
from hr.rules.periods import Period


@dataclass(frozen=True)
class CountedCourses:
    """(course code, completed?) for the courses that count and for the optional ones, so explanations can name them."""

    counted: list[tuple[str, bool]] = field(default_factory=list)
    optional: list[tuple[str, bool]] = field(default_factory=list)

    def counted_codes(self) -> list[str]:
        """Codes of the courses the rate counts."""
        return [code for code, _done in self.counted]

    def completed_codes(self) -> list[str]:
        """Codes of counted courses already completed."""
        return [code for code, done in self.counted if done]

    def counted_text(self) -> str:
        """'SEC-101 ✓, CMP-101' (✓ = completed), or 'none'."""
        return _listing(self.counted)

    def optional_text(self) -> str:
        """The optional courses, or 'none'."""
        return _listing(self.optional)


def _listing(rows: list[tuple[str, bool]]) -> str:
    """Codes with ✓ on completed ones."""
    return ", ".join(f"{code}{' ✓' if done else ''}" for code, done in rows) or "none"


def counted_courses(db: Session, employee: Employee, period: Period | None, rule: CountingRule) -> CountedCourses:
    """Split the person's non-dropped enrollments due in the period by the counting rule."""
    departments = org_repo.department_ancestors(db, employee.department_id)
    result = CountedCourses()
    for row in enrollment_repo.enrollments_of(db, employee.id):
        if row.status == "dropped" or (period is not None and not period.contains(row.due_on)):
            continue
        counts = rule.counts(row.course_code, row.source, employee.role, employee.job_title, departments)
        (result.counted if counts else result.optional).append((row.course_code, row.status == "completed"))
    return result
