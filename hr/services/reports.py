"""Completion reports by department or course for a period, scoped to what the caller may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from hr import plural
from hr.caller import Caller
from hr.errors import invalid
from hr.repositories import course_repo, org_repo, report_repo
from hr.repositories.counting import counting_rule
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
    optional: Rate = Rate(0, 0)

    def to_dict(self) -> dict:
        """JSON form: the counted completion, and optional enrollments as their own figure."""
        return {"key": self.key, "label": self.label, **self.completion.to_dict(), "optional": self.optional.to_dict()}


@dataclass
class CompletionReport:
    """Completion of enrollments due in the period, grouped, with the overall total."""

    by: str
    period: str
    scope: str
    total: Rate
    rows: list[ReportRow] = field(default_factory=list)
    optional_total: Rate = Rate(0, 0)
    counts: str = "required"

    def to_dict(self) -> dict:
        """JSON form for the API and --json."""
        return {"by": self.by, "period": self.period, "scope": self.scope, "counts": self.counts,
                "total": self.total.to_dict(), "optional_total": self.optional_total.to_dict(),
                "rows": [r.to_dict() for r in self.rows]}

    def to_text(self, lang: str = "en") -> str:
        """A short table for chat or the terminal; optional enrollments are shown apart and never in the rate."""
        zh = lang.startswith("zh")
        kind_zh = "必修" if self.counts == "required" else "必修及指派"
        kind_en = "required" if self.counts == "required" else "required or assigned"
        head = (f"{self.period} 培训完成率（按{'部门' if self.by == 'department' else '课程'}，{kind_zh}课程）："
                f"合计 {self.total.percent()}" if zh
                else f"{self.period} completion by {self.by} ({kind_en} courses): total {self.total.percent()}")
        lines = [head]
        for r in self.rows:
            extra = ""
            if r.optional.denominator:
                extra = (f"；选修 {r.optional.numerator}/{r.optional.denominator}（不计入）" if zh
                         else f"; optional {r.optional.numerator}/{r.optional.denominator} (not counted)")
            lines.append(f"- {r.label} ({r.key}): {r.completion.percent()}{extra}")
        if self.optional_total.denominator:
            o = self.optional_total
            lines.append(f"选修课程单独统计：{o.numerator}/{o.denominator} 已完成，不计入完成率。" if zh
                         else f"Optional courses, shown apart: {o.numerator}/{o.denominator} completed, not in the rate.")
        return "\n".join(lines)


def completion_report(db: Session, caller: Caller, *, by: str, period: Period,
                      counts: str = "required") -> CompletionReport:
    """Group completion by department (each counting its subtree) or by course; employees see only themselves."""
    if by not in GROUPINGS:
        raise invalid(f"Cannot group by '{by}'; use department or course.", f"不能按“{by}”分组；请用 department 或 course。")
    scope = report_scope(caller)
    rule = counting_rule(db, counts)
    if by == "department":  # each root department's subtree holds every enrollment once: the total is their sum
        grouped = report_repo.completion_by_department(db, period.start, period.end, scope, rule)
        departments = org_repo.list_departments(db)
        names = {d.id: d.name for d in departments}
        overall = _sum([grouped[d.id] for d in departments if d.parent_id is None and d.id in grouped])
        rows = [_row(k, names.get(k, k), c) for k, c in grouped.items()]
        rows.sort(key=lambda r: (-r.completion.denominator, r.key))
    else:  # every enrollment is in exactly one course: the total is the sum of the rows
        grouped = report_repo.completion_by_course(db, period.start, period.end, scope, rule)
        overall = _sum(list(grouped.values()))
        titles = {c.code: c.title for c in course_repo.list_courses(db)}
        rows = [_row(k, titles.get(k, k), c) for k, c in sorted(grouped.items())]
    return CompletionReport(by, period.name, scope.label, Rate(overall.completed, overall.due), rows,
                            Rate(overall.optional_completed, overall.optional_due), counts)


def _sum(parts: list[report_repo.CompletionCounts]) -> report_repo.CompletionCounts:
    """Counts added up (the report's total from its rows, instead of another scan)."""
    return report_repo.CompletionCounts(sum(p.due for p in parts), sum(p.completed for p in parts),
                                        sum(p.optional_due for p in parts), sum(p.optional_completed for p in parts))


def _row(key: str, label: str, counts: report_repo.CompletionCounts) -> ReportRow:
    """A report line from the counted and optional figures."""
    return ReportRow(key, label, Rate(counts.completed, counts.due),
                     Rate(counts.optional_completed, counts.optional_due))


@dataclass
class PracticeReport:
    """Practice activity per course, shown apart from completion and exams (it counts toward neither)."""

    period: str
    scope: str
    rows: list[tuple[str, str, report_repo.PracticeCounts]] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON form."""
        return {"period": self.period, "scope": self.scope, "rows": [
            {"course_code": code, "title": title, "attempts": c.attempts, "people": c.people,
             "mean_score": None if c.mean_score is None else round(c.mean_score, 1),
             "reached_pass_mark": c.reached_pass_mark} for code, title, c in self.rows]}

    def to_text(self, lang: str = "en") -> str:
        """A short table that says plainly it is practice."""
        zh = lang.startswith("zh")
        head = (f"{self.period} 练习测验（不计入考试通过率和绩效）" if zh
                else f"{self.period} practice quizzes (not in exam pass rates or KPIs)")
        if not self.rows:
            return head + ("：没有练习记录。" if zh else ": none.")
        lines = [head + ("：" if zh else ":")]
        for code, title, c in self.rows:
            mean = "n/a" if c.mean_score is None else f"{c.mean_score:.1f}"
            lines.append(f"- {code} {title}：{c.attempts} 次 / {c.people} 人，平均 {mean} 分，{c.reached_pass_mark} 次达到及格线"
                         if zh else f"- {code} {title}: {c.attempts} by {plural.count(c.people, 'person')}, mean {mean}, "
                         f"{c.reached_pass_mark} at or above the pass mark")
        return "\n".join(lines)


def practice_report(db: Session, caller: Caller, *, period: Period) -> PracticeReport:
    """Practice per course in the period, scoped like completion reports (company / team / self)."""
    scope = report_scope(caller)
    titles = {c.code: c.title for c in course_repo.list_courses(db)}
    counts = report_repo.practice_by_course(db, period.start, period.end, scope)
    return PracticeReport(period.name, scope.label, [(code, titles.get(code, code), c) for code, c in sorted(counts.items())])
