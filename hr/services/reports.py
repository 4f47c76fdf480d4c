"""Completion reports by department or course for a period, scoped to what the caller may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from hr.caller import Caller
from hr.errors import invalid
from hr.repositories import course_repo, org_repo, report_repo
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import report_scope

GROUPINGS = ("department", "course")


@dataclass(frozen=True)
class ReportRow:
    """One line of a report: a department (its whole subtree) or a course."""

    key: str
    label: str
    completion: Rate

    def to_dict(self) -> dict:
        """JSON form."""
        return {"key": self.key, "label": self.label, **self.completion.to_dict()}


@dataclass
class CompletionReport:
    """Completion of enrollments due in the period, grouped, with the overall total."""

    by: str
    period: str
    scope: str
    total: Rate
    rows: list[ReportRow] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON form for the API and --json."""
        return {"by": self.by, "period": self.period, "scope": self.scope, "total": self.total.to_dict(),
                "rows": [r.to_dict() for r in self.rows]}

    def to_text(self, lang: str = "en") -> str:
        """A short table for chat or the terminal."""
        zh = lang.startswith("zh")
        head = (f"{self.period} 培训完成率(按{'部门' if self.by == 'department' else '课程'}):合计 {self.total.percent()}"
                if zh else f"{self.period} completion by {self.by}: total {self.total.percent()}")
        return "\n".join([head, *(f"- {r.label} ({r.key}): {r.completion.percent()}" for r in self.rows)])


def completion_report(db: Session, caller: Caller, *, by: str, period: Period) -> CompletionReport:
    """Group completion by department (each counting its subtree) or by course; employees see only themselves."""
    if by not in GROUPINGS:
        raise invalid(f"Cannot group by '{by}'; use department or course.", f"不能按“{by}”分组;请用 department 或 course。")
    scope = report_scope(caller)
    total = Rate(*reversed(report_repo.completion_counts(db, period.start, period.end, scope)))
    if by == "department":
        counts = report_repo.completion_by_department(db, period.start, period.end, scope)
        names = {d.id: d.name for d in org_repo.list_departments(db)}
        rows = [ReportRow(k, names.get(k, k), Rate(done, due)) for k, (due, done) in counts.items()]
        rows.sort(key=lambda r: (-r.completion.denominator, r.key))
    else:
        counts = report_repo.completion_by_course(db, period.start, period.end, scope)
        titles = {c.code: c.title for c in course_repo.list_courses(db)}
        rows = [ReportRow(k, titles.get(k, k), Rate(done, due)) for k, (due, done) in sorted(counts.items())]
    label = "company" if scope is report_repo.EVERYONE else (f"team:{scope.manager_id}" if scope.manager_id
                                                              else f"self:{scope.employee_id}")
    return CompletionReport(by, period.name, label, total, rows)
