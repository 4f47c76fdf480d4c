"""Aggregate queries (GROUP BY in SQL) behind completion reports and KPIs; each returns plain counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, bindparam, text
from sqlmodel import Session

from hr.repositories.counting import EVERY_ENROLLMENT, CountingRule

_TEAM = """team(id) AS (SELECT id FROM hr_employee WHERE id = :manager_id
  UNION SELECT e.id FROM hr_employee e JOIN team t ON e.manager_id = t.id)"""
_CLOSURE = """closure(ancestor, descendant) AS (SELECT id, id FROM hr_department
  UNION ALL SELECT c.ancestor, d.id FROM closure c JOIN hr_department d ON d.parent_id = c.descendant)"""
_IS_DONE = " AND en.status = 'completed'"


@dataclass(frozen=True)
class Scope:
    """Whose records an aggregate covers: everyone, a manager's subtree, a department tree or one person."""

    manager_id: str | None = None
    department_id: str | None = None
    employee_id: str | None = None

    def ctes(self, need_closure: bool = False) -> list[str]:
        """CTE definitions this scope needs."""
        parts = [_TEAM] if self.manager_id else []
        if self.department_id or need_closure:
            parts.append(_CLOSURE)
        return parts

    def where(self, employee_col: str, department_col: str) -> str:
        """SQL conditions restricting rows to the scope."""
        conds = []
        if self.manager_id:
            conds.append(f"{employee_col} IN (SELECT id FROM team)")
        if self.department_id:
            conds.append(f"{department_col} IN (SELECT descendant FROM closure WHERE ancestor = :scope_dept)")
        if self.employee_id:
            conds.append(f"{employee_col} = :scope_employee")
        return "".join(f" AND {c}" for c in conds)

    @property
    def label(self) -> str:
        """How reports name the scope: "company", "department:<id>", "team:<manager id>" or "self:<employee id>"."""
        if self.department_id:
            return f"department:{self.department_id}"
        if self.manager_id:
            return f"team:{self.manager_id}"
        return f"self:{self.employee_id}" if self.employee_id else "company"

    def params(self) -> dict:
        """Bind values for the scope's placeholders."""
        return {"manager_id": self.manager_id, "scope_dept": self.department_id, "scope_employee": self.employee_id}


EVERYONE = Scope()


def _with(ctes: list[str]) -> str:
    """A WITH RECURSIVE prefix (or nothing)."""
    return ("WITH RECURSIVE " + ",\n".join(ctes) + "\n") if ctes else ""


def _run(db: Session, sql: str, params: dict) -> list[tuple]:
    """Execute and return plain tuples."""
    return [tuple(row) for row in db.execute(text(sql), params)]


@dataclass(frozen=True)
class CompletionCounts:
    """Enrollments due in a period: those that count (due, completed) and the optional rest, from one scan."""

    due: int
    completed: int
    optional_due: int = 0
    optional_completed: int = 0


def _counted(rule: CountingRule, extra: str = "") -> str:
    """SUM over enrollments that count under the rule (and an extra condition)."""
    return f"COALESCE(SUM(CASE WHEN {rule.condition}{extra} THEN 1 ELSE 0 END), 0)"


def _completion_columns(rule: CountingRule, named: bool = False) -> str:
    """due, completed, all due, all completed: the four sums every completion aggregate selects."""
    names = [" AS due", " AS done", " AS total", " AS total_done"] if named else [""] * 4
    return (f"{_counted(rule)}{names[0]}, {_counted(rule, _IS_DONE)}{names[1]}, COUNT(*){names[2]}, "
            f"COALESCE(SUM(CASE WHEN en.status = 'completed' THEN 1 ELSE 0 END), 0){names[3]}")


def _completion(row) -> CompletionCounts:
    """CompletionCounts from the four sums of _completion_columns."""
    due, done, total, total_done = (int(v or 0) for v in row)
    return CompletionCounts(due, done, total - due, total_done - done)


def _run_rule(db: Session, rule: CountingRule, sql: str, params: dict) -> list[tuple]:
    """Execute with the counting rule's IN-lists bound."""
    return [tuple(row) for row in db.execute(rule.statement(sql), {**rule.params, **params})]


def completion_counts(db: Session, start: date, end: date, scope: Scope = EVERYONE,
                      rule: CountingRule = EVERY_ENROLLMENT, course_code: str | None = None) -> CompletionCounts:
    """Enrollments due in [start, end] (dropped ones excluded), split into those the rule counts and the rest;
    one course's when given."""
    course = " AND en.course_code = :course" if course_code else ""
    sql = (_with(scope.ctes()) + f"SELECT {_completion_columns(rule)} FROM hr_enrollment en "
           "JOIN hr_employee e ON e.id = en.employee_id WHERE en.due_on BETWEEN :start AND :end "
           "AND en.status <> 'dropped'" + course + scope.where("en.employee_id", "e.department_id"))
    params = {"start": start, "end": end, "course": course_code, **scope.params()}
    return _completion(_run_rule(db, rule, sql, params)[0])


@dataclass(frozen=True)
class EnrollmentSummary:
    """Counts over enrollments due in a period, from one scan: completion, timeliness and participation (all over
    the enrollments the counting rule counts), plus the optional enrollments as their own figure."""

    due: int
    completed: int
    on_time: int
    people: int
    people_started: int
    optional_due: int = 0
    optional_completed: int = 0


def enrollment_summary(db: Session, start: date, end: date, scope: Scope = EVERYONE,
                       rule: CountingRule = EVERY_ENROLLMENT) -> EnrollmentSummary:
    """All enrollment counts a department or company KPI needs, in a single pass over the due-date index."""
    started = " AND (en.status IN ('in_progress', 'completed') OR en.progress_pct > 0)"
    sql = (_with(scope.ctes()) + f"SELECT {_completion_columns(rule)}, "
           f"{_counted(rule, _IS_DONE + ' AND en.completed_on <= en.due_on')}, "
           f"COUNT(DISTINCT CASE WHEN {rule.condition} THEN en.employee_id END), "
           f"COUNT(DISTINCT CASE WHEN {rule.condition}{started} THEN en.employee_id END) "
           "FROM hr_enrollment en JOIN hr_employee e ON e.id = en.employee_id WHERE en.due_on BETWEEN :start AND :end "
           "AND en.status <> 'dropped'" + scope.where("en.employee_id", "e.department_id"))
    row = _run_rule(db, rule, sql, {"start": start, "end": end, **scope.params()})[0]
    counts = _completion(row[:4])
    return EnrollmentSummary(counts.due, counts.completed, int(row[4] or 0), int(row[5] or 0), int(row[6] or 0),
                             counts.optional_due, counts.optional_completed)


@dataclass(frozen=True)
class MemberCounts:
    """One team member's enrollment counts."""

    employee_id: str
    name: str
    due: int
    completed: int


def team_member_counts(db: Session, manager_id: str, start: date | None, end: date | None,
                       rule: CountingRule = EVERY_ENROLLMENT, course_code: str | None = None) -> list[MemberCounts]:
    """Everyone under a manager (not the manager) with (due, completed) counts of enrollments the rule counts (of one
    course when a code is given)."""
    period = " AND en.due_on BETWEEN :start AND :end" if start and end else ""
    period += " AND en.course_code = :course" if course_code else ""
    sql = ("WITH RECURSIVE " + _TEAM + f" SELECT e.id, e.name, {_counted(rule, ' AND en.id IS NOT NULL')}, "
           f"{_counted(rule, _IS_DONE)} FROM team t "
           "JOIN hr_employee e ON e.id = t.id LEFT JOIN hr_enrollment en ON en.employee_id = e.id "
           f"AND en.status <> 'dropped'{period} WHERE e.id <> :manager_id GROUP BY e.id, e.name ORDER BY e.id")
    rows = _run_rule(db, rule, sql, {"manager_id": manager_id, "start": start, "end": end, "course": course_code})
    return [MemberCounts(r[0], r[1], int(r[2]), int(r[3])) for r in rows]


def team_open_enrollments(db: Session, manager_id: str, due_before: date, start: date | None,
                          end: date | None, course_code: str | None = None) -> list[tuple]:
    """Open enrollments of a manager's team due before a day (the only ones that can be 'behind'), of one course when
    a code is given: (employee_id, course_code, status, progress_pct, due_on, enrolled_on)."""
    period = " AND en.due_on BETWEEN :start AND :end" if start and end else ""
    period += " AND en.course_code = :course" if course_code else ""
    sql = ("WITH RECURSIVE " + _TEAM + " SELECT en.employee_id, en.course_code, en.status, en.progress_pct, "
           "en.due_on, en.enrolled_on FROM hr_enrollment en JOIN team t ON t.id = en.employee_id "
           "WHERE en.status IN ('enrolled', 'in_progress', 'overdue') AND en.due_on <= :due_before "
           f"AND en.employee_id <> :manager_id{period} ORDER BY en.employee_id, en.due_on")
    return _run(db, sql, {"manager_id": manager_id, "due_before": due_before, "start": start, "end": end,
                          "course": course_code})


def _flag(rule: CountingRule) -> str:
    """1 when the rule counts the row, else 0: a grouping key, so the rule is evaluated once per row."""
    return f"CASE WHEN {rule.condition} THEN 1 ELSE 0 END"


def _split(rows: list[tuple]) -> dict[str, CompletionCounts]:
    """Fold (key, counted flag, enrollments, completed) rows into counted and optional figures per key."""
    totals: dict[str, list[int]] = {}
    for key, counted, due, done in rows:
        slot = totals.setdefault(key, [0, 0, 0, 0])
        offset = 0 if int(counted) else 2
        slot[offset] += int(due or 0)
        slot[offset + 1] += int(done or 0)
    return {key: CompletionCounts(*values) for key, values in totals.items()}


_DONE_SUM = "COALESCE(SUM(CASE WHEN en.status = 'completed' THEN 1 ELSE 0 END), 0)"


def completion_by_department(db: Session, start: date, end: date, scope: Scope = EVERYONE,
                             rule: CountingRule = EVERY_ENROLLMENT) -> dict[str, CompletionCounts]:
    """department id -> counts, each department counting its whole subtree."""
    sql = (_with([*scope.ctes(need_closure=True), f"per_dept AS (SELECT e.department_id AS dept, {_flag(rule)} AS k, "
                  f"COUNT(*) AS due, {_DONE_SUM} AS done FROM hr_enrollment en "
                  "JOIN hr_employee e ON e.id = en.employee_id WHERE en.due_on BETWEEN :start AND :end "
                  "AND en.status <> 'dropped'" + scope.where("en.employee_id", "e.department_id")
                  + f" GROUP BY e.department_id, {_flag(rule)})"])
           + "SELECT c.ancestor, p.k, SUM(p.due), SUM(p.done) FROM per_dept p "
             "JOIN closure c ON c.descendant = p.dept GROUP BY c.ancestor, p.k")
    return _split(_run_rule(db, rule, sql, {"start": start, "end": end, **scope.params()}))


def completion_by_course(db: Session, start: date, end: date, scope: Scope = EVERYONE,
                         rule: CountingRule = EVERY_ENROLLMENT) -> dict[str, CompletionCounts]:
    """course code -> counts."""
    sql = (_with(scope.ctes()) + f"SELECT en.course_code, {_flag(rule)}, COUNT(*), {_DONE_SUM} FROM hr_enrollment en "
           "JOIN hr_employee e ON e.id = en.employee_id WHERE en.due_on BETWEEN :start AND :end "
           "AND en.status <> 'dropped'" + scope.where("en.employee_id", "e.department_id")
           + f" GROUP BY en.course_code, {_flag(rule)}")
    return _split(_run_rule(db, rule, sql, {"start": start, "end": end, **scope.params()}))


def exam_pass_counts(db: Session, start: date, end: date, scope: Scope = EVERYONE,
                     course_code: str | None = None) -> tuple[int, int]:
    """(person-course pairs examined in [start, end], pairs with at least one pass); one course's when given."""
    join = " JOIN hr_employee e ON e.id = x.employee_id" if scope.department_id else ""
    course = " AND x.course_code = :course" if course_code else ""
    sql = (_with(scope.ctes()) + "SELECT COUNT(*), COALESCE(SUM(p), 0) FROM (SELECT x.employee_id, x.course_code, "
           f"MAX(CASE WHEN x.passed THEN 1 ELSE 0 END) AS p FROM hr_exam_attempt x{join} "
           "WHERE x.attempted_on BETWEEN :start AND :end" + course + scope.where("x.employee_id", "e.department_id")
           + " GROUP BY x.employee_id, x.course_code) pairs")
    tried, passed = _run(db, sql, {"start": start, "end": end, "course": course_code, **scope.params()})[0]
    return int(tried), int(passed)


@dataclass(frozen=True)
class CourseExamCounts:
    """One course's official exams in a period: person-course pairs examined and passed, first attempts taken and
    passed, and every attempt's score summed (for the mean)."""

    examined: int
    passed: int
    first_attempts: int
    first_passed: int
    attempts: int
    score_sum: float


def exams_by_course(db: Session, start: date, end: date, scope: Scope = EVERYONE) -> dict[str, CourseExamCounts]:
    """course code -> official exam counts for attempts in [start, end] within the scope (practice never counts)."""
    join = " JOIN hr_employee e ON e.id = x.employee_id" if scope.department_id else ""
    pairs = ("pairs AS (SELECT x.employee_id, x.course_code, MAX(CASE WHEN x.passed THEN 1 ELSE 0 END) AS p, "
             "MAX(CASE WHEN x.attempt_no = 1 THEN 1 ELSE 0 END) AS f, "
             "MAX(CASE WHEN x.attempt_no = 1 AND x.passed THEN 1 ELSE 0 END) AS fp, COUNT(*) AS n, SUM(x.score) AS s "
             f"FROM hr_exam_attempt x{join} WHERE x.attempted_on BETWEEN :start AND :end"
             + scope.where("x.employee_id", "e.department_id") + " GROUP BY x.employee_id, x.course_code)")
    sql = (_with([*scope.ctes(), pairs]) + "SELECT course_code, COUNT(*), SUM(p), SUM(f), SUM(fp), SUM(n), SUM(s) "
           "FROM pairs GROUP BY course_code")
    rows = _run(db, sql, {"start": start, "end": end, **scope.params()})
    return {r[0]: CourseExamCounts(int(r[1]), int(r[2] or 0), int(r[3] or 0), int(r[4] or 0), int(r[5] or 0),
                                   float(r[6] or 0)) for r in rows}


def exam_results_by_course(db: Session, employee_id: str, start: date, end: date) -> dict[str, tuple[bool, float]]:
    """course code -> (passed at least once, best score) for one person's attempts in [start, end]."""
    sql = ("SELECT course_code, MAX(CASE WHEN passed THEN 1 ELSE 0 END), MAX(score) FROM hr_exam_attempt "
           "WHERE employee_id = :emp AND attempted_on BETWEEN :start AND :end GROUP BY course_code")
    rows = _run(db, sql, {"emp": employee_id, "start": start, "end": end})
    return {row[0]: (bool(row[1]), float(row[2])) for row in rows}


def satisfaction_counts(db: Session, start: date, end: date, good_at_least: int,
                        course_code: str | None = None) -> tuple[int, float | None, int]:
    """(responses, average rating 1-5, responses rated good) submitted in [start, end]."""
    course = " AND course_code = :course" if course_code else ""
    sql = ("SELECT COUNT(*), AVG(rating), COALESCE(SUM(CASE WHEN rating >= :good THEN 1 ELSE 0 END), 0) "
           f"FROM hr_survey_response WHERE submitted_on BETWEEN :start AND :end{course}")
    count, avg, good = _run(db, sql, {"start": start, "end": end, "good": good_at_least, "course": course_code})[0]
    return int(count), None if avg is None else float(avg), int(good)


def ratings_by_course(db: Session, start: date, end: date, good_at_least: int) -> dict[str, tuple[int, int]]:
    """course code -> (responses, good responses) submitted in [start, end]."""
    sql = ("SELECT course_code, COUNT(*), SUM(CASE WHEN rating >= :good THEN 1 ELSE 0 END) FROM hr_survey_response "
           "WHERE submitted_on BETWEEN :start AND :end GROUP BY course_code")
    return {row[0]: (int(row[1]), int(row[2])) for row in _run(db, sql, {"start": start, "end": end,
                                                                          "good": good_at_least})}


@dataclass(frozen=True)
class SessionUse:
    """What scheduled sessions in a period amounted to."""

    planned: int
    held: int
    hours_held: float
    instructors: int
    venues: int


def session_use(db: Session, start: datetime, end: datetime) -> SessionUse:
    """Counts of sessions planned to start in [start, end) and of those held, with instructor and venue counts."""
    sql = ("SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END), 0), "
           "COALESCE(SUM(CASE WHEN status = 'held' THEN hours ELSE 0 END), 0), COUNT(DISTINCT instructor), "
           "COUNT(DISTINCT venue) FROM hr_course_session WHERE starts_at >= :start AND starts_at < :end")
    planned, held, hours, instructors, venues = _run(db, sql, {"start": start, "end": end})[0]
    return SessionUse(int(planned), int(held), float(hours), int(instructors), int(venues))


def required_coverage(db: Session, course_code: str, tags: list[str], everyone: bool) -> tuple[int, int]:
    """(target employees, of whom completed) for a required course; targets match a department (or ancestor),
    role or job title in tags, or everyone."""
    sql = ("WITH RECURSIVE " + _CLOSURE + """
      , targets AS (SELECT DISTINCT e.id FROM hr_employee e JOIN closure c ON c.descendant = e.department_id
        WHERE e.active AND (:everyone OR c.ancestor IN :tags OR e.role IN :tags OR e.job_title IN :tags))
      SELECT COUNT(*), COUNT(en.id) FROM targets t LEFT JOIN hr_enrollment en
        ON en.employee_id = t.id AND en.course_code = :course AND en.status = 'completed'""")
    stmt = text(sql).bindparams(_expanding("tags"))
    row = db.execute(stmt, {"everyone": everyone, "tags": tags, "course": course_code}).one()
    return int(row[0]), int(row[1])


def _expanding(name: str):
    """A typed IN-list bind parameter (typed so an empty list still compares text with text on PostgreSQL)."""
    return bindparam(name, expanding=True, type_=String())


@dataclass(frozen=True)
class GroupMeans:
    """Mean performance figures of one group (trained or untrained)."""

    people: int
    behavior: float | None
    business: float | None
    score: float | None


def trained_vs_untrained(db: Session, period: str, start: date, end: date,
                         course_code: str | None = None) -> dict[bool, GroupMeans]:
    """Performance means for people who completed training in [start, end] (optionally one course) and the rest."""
    course = " AND course_code = :course" if course_code else ""
    sql = f"""SELECT CASE WHEN t.employee_id IS NULL THEN 0 ELSE 1 END AS trained, COUNT(*),
        AVG(pr.behavior_score), AVG(pr.business_metric), AVG(pr.score)
      FROM hr_performance_record pr LEFT JOIN (SELECT DISTINCT employee_id FROM hr_enrollment
        WHERE status = 'completed' AND completed_on BETWEEN :start AND :end{course}) t
        ON t.employee_id = pr.employee_id
      WHERE pr.period = :period GROUP BY CASE WHEN t.employee_id IS NULL THEN 0 ELSE 1 END"""
    result = {True: GroupMeans(0, None, None, None), False: GroupMeans(0, None, None, None)}
    for trained, people, behavior, business, score in _run(db, sql, {"start": start, "end": end, "period": period,
                                                                     "course": course_code}):
        result[bool(trained)] = GroupMeans(int(people), _f(behavior), _f(business), _f(score))
    return result


def _f(value) -> float | None:
    """Float or None (Postgres returns Decimal for AVG)."""
    return None if value is None else float(value)


@dataclass(frozen=True)
class PracticeCounts:
    """Practice quizzes on one course in a period: how many, by how many people, the mean score, and how many
    reached the course's pass mark (practice only: never an exam figure)."""

    attempts: int
    people: int
    mean_score: float | None
    reached_pass_mark: int


def practice_by_course(db: Session, start: date, end: date, scope: Scope = EVERYONE) -> dict[str, PracticeCounts]:
    """course code -> practice counts for attempts in [start, end] within the scope."""
    sql = (_with(scope.ctes()) + "SELECT p.course_code, COUNT(*), COUNT(DISTINCT p.employee_id), AVG(p.score), "
           "COALESCE(SUM(CASE WHEN p.score >= c.passing_score THEN 1 ELSE 0 END), 0) FROM hr_practice_attempt p "
           "JOIN hr_course c ON c.code = p.course_code JOIN hr_employee e ON e.id = p.employee_id "
           "WHERE p.attempted_on BETWEEN :start AND :end" + scope.where("p.employee_id", "e.department_id")
           + " GROUP BY p.course_code")
    rows = _run(db, sql, {"start": start, "end": end, **scope.params()})
    return {r[0]: PracticeCounts(int(r[1]), int(r[2]), _f(r[3]), int(r[4])) for r in rows}
