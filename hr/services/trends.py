"""Completion over time: one rate per month or quarter, so HR and managers see whether training is catching up."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from hr.caller import Caller
from hr.errors import invalid, not_found
from hr.repositories import course_repo, report_repo
from hr.repositories.counting import counting_rule
from hr.rules.periods import Period, parse_period
from hr.rules.rates import Rate
from hr.services.access import analytics_scope

STEPS = ("month", "quarter")
DEFAULT_POINTS = {"month": 6, "quarter": 4}
MAX_POINTS = 36


@dataclass(frozen=True)
class TrendPoint:
    """One step of the trend; `partial` marks the step today falls in (its later due dates are not late yet)."""

    period: str
    completion: Rate
    partial: bool = False

    def to_dict(self) -> dict:
        """JSON form."""
        return {"period": self.period, "partial": self.partial, **self.completion.to_dict()}


@dataclass
class CompletionTrend:
    """Completion of enrollments due in each step, oldest first, for one scope (company, team or department)."""

    step: str
    scope: str
    points: list[TrendPoint] = field(default_factory=list)
    department_id: str | None = None
    course_code: str | None = None

    def to_dict(self) -> dict:
        """JSON form for the API and --json."""
        return {"step": self.step, "scope": self.scope, "department": self.department_id, "course": self.course_code,
                "points": [p.to_dict() for p in self.points]}

    def counted(self) -> list[TrendPoint]:
        """Steps where something was due (the ones a change can be read from)."""
        return [p for p in self.points if p.completion.denominator]


def steps_of(step: str, today: date, period: Period | None, points: int | None) -> list[Period]:
    """The months or quarters to report: those of the named period up to today's, else the last `points` steps
    ending with today's."""
    if step not in STEPS:
        raise invalid(f"Cannot show a trend by '{step}'; use month or quarter.",
                      f"不能按“{step}”显示趋势；请用 month（按月）或 quarter（按季度）。")
    size = 1 if step == "month" else 3
    current = _start_of(today, size)
    if period is not None:
        first, last = _start_of(period.start, size), min(_start_of(period.end, size), current)
    else:
        count = points or DEFAULT_POINTS[step]
        if not 1 <= count <= MAX_POINTS:
            raise invalid(f"A trend shows 1 to {MAX_POINTS} steps; {count} were asked for.",
                          f"趋势最多显示 1 到 {MAX_POINTS} 个时间段，您要了 {count} 个。")
        first, last = _shift(current, -size * (count - 1)), current
    out, cursor = [], first
    while cursor <= last:
        out.append(parse_period(_name(cursor, step)))
        cursor = _shift(cursor, size)
    return out


def completion_trend(db: Session, caller: Caller, *, today: date, step: str = "month", period: Period | None = None,
                     points: int | None = None, department_id: str | None = None, course_code: str | None = None,
                     counts: str = "required") -> CompletionTrend:
    """Completion per step for what the caller may see: HR the company (or a department), a manager their team (or a
    department they head); an employee is refused (their own progress is another view)."""
    scope = analytics_scope(db, caller, department_id, "completion trends", "完成率趋势")
    if course_code and course_repo.get_course(db, course_code) is None:
        raise not_found("course", course_code)
    rule = counting_rule(db, counts)
    trend = CompletionTrend(step, scope.label, department_id=department_id, course_code=course_code)
    for part in steps_of(step, today, period, points):
        tally = report_repo.completion_counts(db, part.start, part.end, scope, rule, course_code)
        trend.points.append(TrendPoint(part.name, Rate(tally.completed, tally.due), part.contains(today)))
    return trend


def _start_of(day: date, size: int) -> date:
    """The first day of the month (size 1) or quarter (size 3) a day falls in."""
    return date(day.year, (day.month - 1) // size * size + 1, 1)


def _shift(first: date, months: int) -> date:
    """The first of the month `months` after (or before) a first-of-month."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _name(first: date, step: str) -> str:
    """The period string of a step ("2026-07" or "2026Q3")."""
    return f"{first.year}-{first.month:02d}" if step == "month" else f"{first.year}Q{(first.month - 1) // 3 + 1}"


@dataclass
class CompletionMatrix:
    """Completion per department or course (rows) and per month or quarter (columns), oldest step first."""

    by: str
    step: str
    scope: str
    periods: list[str] = field(default_factory=list)
    partial: str | None = None  # the step today falls in, if shown
    rows: list[tuple[str, str, list[Rate]]] = field(default_factory=list)  # (key, label, one rate per period)

    def to_dict(self) -> dict:
        """JSON form for the API and --json."""
        return {"by": self.by, "step": self.step, "scope": self.scope, "periods": self.periods,
                "partial": self.partial, "rows": [{"key": key, "label": label, "rates": [r.to_dict() for r in rates]}
                                                  for key, label, rates in self.rows]}


def completion_matrix(db: Session, caller: Caller, *, today: date, by: str, step: str = "month",
                      period: Period | None = None, points: int | None = None,
                      counts: str = "required") -> CompletionMatrix:
    """"各部门近几个季度的变化": the completion report by department or course for each step, side by side."""
    from hr.services.reports import completion_report

    analytics_scope(db, caller, None, "completion trends", "完成率趋势")  # an employee is refused here
    steps = steps_of(step, today, period, points)
    reports = [completion_report(db, caller, by=by, period=part, counts=counts) for part in steps]
    latest = reports[-1] if reports else None
    order = [(row.key, row.label) for report in reversed(reports) for row in report.rows]
    keys = list(dict.fromkeys(order))
    by_step = [{row.key: row.completion for row in report.rows} for report in reports]
    rows = [(key, label, [rates.get(key, Rate(0, 0)) for rates in by_step]) for key, label in keys]
    rows = [row for row in rows if any(rate.denominator for rate in row[2])]  # optional-only courses count nothing
    partial = next((part.name for part in steps if part.contains(today)), None)
    return CompletionMatrix(by, step, latest.scope if latest else "company", [p.name for p in steps], partial, rows)
