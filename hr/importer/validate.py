"""Validate every row of every file against the others and the database; collect all problems, write nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlmodel import Session, select

from hr.caller import ROLES
from hr.importer import csv_source
from hr.importer.parse import choice, optional_date, parse_date, parse_int, parse_moment, parse_number, shared
from hr.importer.problems import Problem
from hr.models import Course, CourseSession, Department, Employee
from hr.models.learning import ENROLLMENT_SOURCES, ENROLLMENT_STATUSES
from hr.rules.eligibility import split_list
from hr.rules.periods import parse_period

FORMATS = ("video", "document", "live", "workshop")
PREFERENCES = ("video", "text", "live")


@dataclass
class ImportPlan:
    """Validated rows ready to write, keyed by table, plus the problems found."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)
    bad_rows: int = 0
    hired_or_moved: list[str] = field(default_factory=list)

    def bad(self, file: str, line: int, reason: str) -> None:
        """Record one problem."""
        self.problems.append(Problem(file, line, reason))


class Validator:
    """Checks rows in dependency order, so later files can reference earlier ones or existing records."""

    def __init__(self, db: Session, directory: Path, timezone: str, default_due_days: int) -> None:
        """Load the ids already stored so references to them are valid."""
        self.db, self.directory, self.timezone, self.default_due_days = db, directory, timezone, default_due_days
        self.departments = {d.id: d.parent_id for d in db.exec(select(Department))}
        self.profiles = {row[0]: tuple(row[1:]) for row in db.exec(
            select(Employee.id, Employee.role, Employee.job_title, Employee.department_id))}
        self.stored_people = {row[0]: row[1:] for row in db.exec(
            select(Employee.id, Employee.manager_id, Employee.email, Employee.slack_user_id, Employee.wecom_userid))}
        self.employees = set(self.profiles)
        self.courses = {c.code: c for c in db.exec(select(Course))}
        self.sessions = {s.id: (s.course_code, s.capacity) for s in db.exec(select(CourseSession))}
        self.plan = ImportPlan()
        self._lines: dict[str, dict[str, int]] = defaultdict(dict)

    def run(self) -> ImportPlan:
        """Validate all files; the plan holds only rows that passed."""
        self.plan.problems.extend(csv_source.header_problems(self.directory))
        if self.plan.problems:
            return self.plan
        for step in (self._departments, self._employees, self._courses, self._sessions, self._enrollments,
                     self._exam_attempts, self._surveys, self._performance):
            step()
        return self.plan

    def _each(self, name: str, parse) -> None:
        """Parse each row; a ValueError (or a value longer than its column) becomes a problem with file and line."""
        table = _TABLE_OF_FILE.get(name)
        for line, row in csv_source.rows(self.directory, name):
            self._lines[name][row.get("id", "")] = line
            before = len(self.plan.rows[table]) if table else 0
            try:
                parse(row)
                if table:
                    for planned in self.plan.rows[table][before:]:
                        _check_lengths(TABLE_MODELS[table], planned)
            except ValueError as exc:
                if table:
                    del self.plan.rows[table][before:]
                self.plan.bad(name, line, str(exc))
                self.plan.bad_rows += 1

    def _departments(self) -> None:
        """Unique ids, parents that exist, and no cycles."""
        seen: dict[str, str | None] = {}

        def parse(row: dict) -> None:
            if not row["id"] or not row["name"]:
                raise ValueError("id and name are required")
            if row["id"] in seen:
                raise ValueError(f"department '{row['id']}' appears twice")
            seen[row["id"]] = row["parent_id"] or None
            self.plan.rows["departments"].append({"id": row["id"], "name": row["name"],
                                                  "parent_id": row["parent_id"] or None})
        self._each("departments.csv", parse)
        merged = {**self.departments, **seen}
        for line, row in csv_source.rows(self.directory, "departments.csv"):
            parent = row.get("parent_id") or None
            if parent and parent not in merged:
                self._reject("departments", "id", row["id"], "departments.csv", line,
                             f"parent_id '{parent}' is not a known department")
            elif _has_cycle(row["id"], merged):
                loop = _loop_from(row["id"], merged)
                self._reject("departments", "id", row["id"], "departments.csv", line,
                             "parent chain loops back: " + " → ".join([*loop, loop[0]]) if loop else
                             "parent chain loops back")
        self.departments.update({r["id"]: r["parent_id"] for r in self.plan.rows["departments"]})
        self.plan.rows["departments"] = _parents_first(self.plan.rows["departments"], "id", "parent_id")

    def _employees(self) -> None:
        """Known department and manager, valid role, unique contact ids, no manager loops."""
        seen_ids, contacts = set(), {"email": {}, "slack_user_id": {}, "wecom_userid": {}}
        file_ids = {row["id"] for _l, row in csv_source.rows(self.directory, "employees.csv")}
        known = self.employees | file_ids
        for person, (_manager, email, slack_id, wecom_id) in self.stored_people.items():
            if person not in file_ids:  # the file's own rows replace these values; everyone else keeps theirs
                for key, value in (("email", email), ("slack_user_id", slack_id), ("wecom_userid", wecom_id)):
                    if value:
                        contacts[key][value] = person

        def parse(row: dict) -> None:
            if not row["id"] or not row["name"]:
                raise ValueError("id and name are required")
            if row["id"] in seen_ids:
                raise ValueError(f"employee '{row['id']}' appears twice")
            if row["department_id"] not in self.departments:
                raise ValueError(f"department_id '{row['department_id']}' is not a known department")
            if row["manager_id"] and row["manager_id"] not in known:
                raise ValueError(f"manager_id '{row['manager_id']}' is not a known employee")
            if row["manager_id"] == row["id"]:
                raise ValueError("an employee cannot be their own manager")
            role = choice(row["role"] or "employee", "role", ROLES)
            email = row["email"].lower() or None
            if email and "@" not in email:
                raise ValueError(f"email '{row['email']}' is not an email address")
            for key, value in (("email", email), ("slack_user_id", row["slack_user_id"] or None),
                               ("wecom_userid", row["wecom_userid"] or None)):
                if value and value in contacts[key]:
                    raise ValueError(f"{key} '{value}' is already used by {contacts[key][value]}")
            for key, value in (("email", email), ("slack_user_id", row["slack_user_id"]),
                               ("wecom_userid", row["wecom_userid"])):
                if value:
                    contacts[key][value] = row["id"]
            seen_ids.add(row["id"])
            self.plan.rows["employees"].append({
                "id": row["id"], "name": row["name"], "email": email, "department_id": row["department_id"],
                "manager_id": row["manager_id"] or None, "role": role, "job_title": row["job_title"],
                "slack_user_id": row["slack_user_id"] or None, "wecom_userid": row["wecom_userid"] or None,
                "hired_on": optional_date(row["hired_on"], "hired_on"), "skills": row.get("skills", ""),
                "learning_preference": choice(row.get("learning_preference") or "text", "learning_preference",
                                              PREFERENCES), "active": row.get("active", "true").lower() != "false"})
        self._each("employees.csv", parse)
        self._refuse_manager_loops()
        accepted = self.plan.rows["employees"]
        ordered = _parents_first(accepted, "id", "manager_id")
        placed = {r["id"] for r in ordered}
        for row in accepted:
            if row["id"] not in placed:
                self.plan.bad("employees.csv", self._lines["employees.csv"][row["id"]], "manager chain loops back")
                self.plan.bad_rows += 1
        self.plan.rows["employees"] = ordered
        self.employees |= placed
        self.plan.hired_or_moved = [r["id"] for r in ordered if r["active"] and self.profiles.get(r["id"]) != (
            r["role"], r["job_title"], r["department_id"])]

    def _refuse_manager_loops(self) -> None:
        """The org chart after the import (stored people plus this file) must have no manager loop; each loop is
        spelled out (E0002 → E0012 → E0010 → E0002) on the file row that closes it, and those rows are dropped."""
        managers = {person: row[0] for person, row in self.stored_people.items()}
        managers.update({r["id"]: r["manager_id"] for r in self.plan.rows["employees"]})
        from_file = {r["id"] for r in self.plan.rows["employees"]}
        reported: set[str] = set()
        for person in sorted(from_file):
            loop = _loop_from(person, managers)
            if not loop or loop[0] in reported:
                continue
            reported.update(loop)
            culprits = [p for p in loop if p in from_file]
            spelled = " → ".join([*loop, loop[0]])
            for culprit in culprits:
                self._reject("employees", "id", culprit, "employees.csv", self._lines["employees.csv"].get(culprit, 0),
                             f"manager chain loops back: {spelled}; change one manager_id in this loop")
                managers[culprit] = None
        for person in sorted(set(managers) - from_file):
            loop = _loop_from(person, managers)
            if loop and loop[0] not in reported:
                reported.update(loop)
                self.plan.bad("employees.csv", 0, "the stored org chart already loops: " + " → ".join([*loop, loop[0]])
                              + "; add a row for one of them with a corrected manager_id")

    def _courses(self) -> None:
        """Valid format, hours, passing score, due days; prerequisites that exist."""
        seen = set()
        file_codes = {row["code"] for _l, row in csv_source.rows(self.directory, "courses.csv")}

        def parse(row: dict) -> None:
            if not row["code"] or not row["title"]:
                raise ValueError("code and title are required")
            if row["code"] in seen:
                raise ValueError(f"course '{row['code']}' appears twice")
            prereqs = split_list(row.get("prerequisites", ""))
            unknown = [p for p in prereqs if p not in file_codes and p not in self.courses]
            if unknown:
                raise ValueError(f"prerequisite(s) {', '.join(unknown)} are not known courses")
            seen.add(row["code"])
            self.plan.rows["courses"].append({
                "code": row["code"], "title": row["title"], "title_en": row.get("title_en", ""),
                "category": row["category"], "format": choice(row["format"], "format", FORMATS),
                "hours": parse_number(row["hours"] or "1", "hours", 0, 1000),
                "passing_score": parse_number(row["passing_score"] or "60", "passing_score", 0, 100),
                "difficulty": parse_int(row.get("difficulty") or "1", "difficulty", 1, 3),
                "skill_tags": row.get("skill_tags", ""), "prerequisites": ";".join(prereqs),
                "required_for": row["required_for"],
                "due_days": parse_int(row["due_days"], "due_days", 1, 3650) if row["due_days"] else None})
        self._each("courses.csv", parse)
        self.courses.update({r["code"]: Course(**r) for r in self.plan.rows["courses"]})

    def _sessions(self) -> None:
        """Sessions of known courses with a positive capacity."""
        seen = set()

        def parse(row: dict) -> None:
            session_id = parse_int(row["id"], "id", 1, 10**9)
            if session_id in seen:
                raise ValueError(f"session {session_id} appears twice")
            if row["course_code"] not in self.courses:
                raise ValueError(f"course_code '{row['course_code']}' is not a known course")
            seen.add(session_id)
            capacity = parse_int(row["capacity"], "capacity", 1, 100000)
            self.plan.rows["sessions"].append({
                "id": session_id, "course_code": row["course_code"],
                "starts_at": parse_moment(row["starts_at"], "starts_at", self.timezone),
                "hours": parse_number(row.get("hours") or "2", "hours", 0, 100), "venue": row["venue"],
                "instructor": row["instructor"], "capacity": capacity,
                "status": choice(row.get("status") or "scheduled", "status", ("scheduled", "held", "cancelled"))})
            self.sessions[session_id] = (row["course_code"], capacity)
        self._each("sessions.csv", parse)

    def _enrollments(self) -> None:
        """Known person and course, dates in order, status consistent with completion, seats within capacity."""
        seen, seats = set(), defaultdict(int)

        def parse(row: dict) -> None:
            key = (shared(row["employee_id"]), shared(row["course_code"]))
            self._known(row)
            if key in seen:
                raise ValueError(f"{key[0]} is enrolled in {key[1]} twice")
            enrolled_on = parse_date(row["enrolled_on"], "enrolled_on")
            course = self.courses[row["course_code"]]
            due_on = optional_date(row["due_on"], "due_on") or enrolled_on + timedelta(
                days=course.due_days or self.default_due_days)
            if due_on < enrolled_on:
                raise ValueError("due_on is before enrolled_on")
            status = choice(row["status"] or "enrolled", "status", ENROLLMENT_STATUSES)
            completed_on = optional_date(row["completed_on"], "completed_on")
            if (status == "completed") != (completed_on is not None):
                raise ValueError("completed_on must be set exactly when status is completed")
            if completed_on and completed_on < enrolled_on:
                raise ValueError("completed_on is before enrolled_on")
            session_id = parse_int(row["session_id"], "session_id", 1, 10**9) if row.get("session_id") else None
            if session_id is not None:
                if self.sessions.get(session_id, (None,))[0] != row["course_code"]:
                    raise ValueError(f"session_id {session_id} is not a session of {row['course_code']}")
                if status != "dropped":
                    seats[session_id] += 1
                    if seats[session_id] > self.sessions[session_id][1]:
                        raise ValueError(f"session {session_id} would exceed its capacity")
            seen.add(key)
            progress = 100 if status == "completed" else parse_int(row.get("progress_pct") or "0", "progress_pct",
                                                                    0, 100)
            self.plan.rows["enrollments"].append({
                "employee_id": key[0], "course_code": key[1], "session_id": session_id, "status": status,
                "source": choice(row.get("source") or "hr", "source", ENROLLMENT_SOURCES),
                "enrolled_on": enrolled_on, "due_on": due_on, "completed_on": completed_on, "progress_pct": progress})
        self._each("enrollments.csv", parse)

    def _exam_attempts(self) -> None:
        """Known person and course, score 0-100; attempts are numbered by date per person and course."""
        attempts = defaultdict(list)

        def parse(row: dict) -> None:
            self._known(row)
            day = parse_date(row["attempted_on"], "attempted_on")
            score = parse_number(row["score"], "score", 0, 100)
            attempts[(shared(row["employee_id"]), shared(row["course_code"]))].append((day, score))
        self._each("exam_attempts.csv", parse)
        for (employee_id, code), items in attempts.items():
            bar = self.courses[code].passing_score
            for number, (day, score) in enumerate(sorted(items, key=lambda i: i[0]), start=1):
                self.plan.rows["exam_attempts"].append({
                    "employee_id": employee_id, "course_code": code, "attempt_no": number, "attempted_on": day,
                    "score": score, "passed": score >= bar})

    def _surveys(self) -> None:
        """Ratings 1-5 from known people about known courses, one per person and course."""
        seen = set()

        def parse(row: dict) -> None:
            self._known(row)
            key = (shared(row["employee_id"]), shared(row["course_code"]))
            if key in seen:
                raise ValueError(f"{key[0]} rated {key[1]} twice")
            seen.add(key)
            self.plan.rows["surveys"].append({
                "employee_id": key[0], "course_code": key[1],
                "submitted_on": parse_date(row["submitted_on"], "submitted_on"),
                "rating": parse_int(row["rating"], "rating", 1, 5), "comment": row.get("comment", "")})
        self._each("survey_responses.csv", parse)

    def _performance(self) -> None:
        """One record per person and period; scores 0-100."""
        seen = set()

        def parse(row: dict) -> None:
            if row["employee_id"] not in self.employees:
                raise ValueError(f"employee_id '{row['employee_id']}' is not a known employee")
            period = parse_period(row["period"]).name if _period_ok(row["period"]) else None
            if period is None:
                raise ValueError(f"period '{row['period']}' must look like 2026Q3")
            if (row["employee_id"], period) in seen:
                raise ValueError(f"{row['employee_id']} has two records for {period}")
            seen.add((row["employee_id"], period))
            self.plan.rows["performance"].append({
                "employee_id": row["employee_id"], "period": period,
                "score": parse_number(row["score"], "score", 0, 100),
                "behavior_score": parse_number(row["behavior_score"], "behavior_score", 0, 100)
                if row.get("behavior_score") else None,
                "business_metric": parse_number(row["business_metric"], "business_metric", -1e9, 1e9)
                if row.get("business_metric") else None})
        self._each("performance.csv", parse)

    def _known(self, row: dict) -> None:
        """The row's employee and course must exist."""
        if row["employee_id"] not in self.employees:
            raise ValueError(f"employee_id '{row['employee_id']}' is not a known employee")
        if row["course_code"] not in self.courses:
            raise ValueError(f"course_code '{row['course_code']}' is not a known course")

    def _reject(self, table: str, key: str, value: str, file: str, line: int, reason: str) -> None:
        """Drop an already-accepted row after a cross-row check failed."""
        self.plan.rows[table] = [r for r in self.plan.rows[table] if r[key] != value]
        self.plan.bad(file, line, reason)
        self.plan.bad_rows += 1


def _period_ok(text: str) -> bool:
    """True for a quarter name such as 2026Q3."""
    return len(text) == 6 and text[4] in "Qq" and text[:4].isdigit() and text[5] in "1234"


def _loop_from(start: str, parents: dict[str, str | None]) -> list[str]:
    """The loop reached by following parents from start (rotated to begin at its smallest id), or []."""
    path, position, current = [], {}, start
    while current is not None and current not in position:
        position[current] = len(path)
        path.append(current)
        current = parents.get(current)
    if current is None:
        return []
    loop = path[position[current]:]
    first = loop.index(min(loop))
    return loop[first:] + loop[:first]


TABLE_MODELS = {"departments": Department, "employees": Employee, "courses": Course, "sessions": CourseSession}
_TABLE_OF_FILE = {"departments.csv": "departments", "employees.csv": "employees", "courses.csv": "courses",
                  "sessions.csv": "sessions"}


def _check_lengths(model, row: dict) -> None:
    """A value longer than its column would be cut or refused by PostgreSQL at write time: refuse it here."""
    for name, value in row.items():
        column = model.__table__.columns.get(name)
        length = getattr(getattr(column, "type", None), "length", None)
        if length and isinstance(value, str) and len(value) > length:
            raise ValueError(f"{name} is {len(value):,} characters long; at most {length} are allowed")


def _has_cycle(start: str, parents: dict[str, str | None]) -> bool:
    """True when following parents from start comes back to a visited node."""
    seen, current = set(), start
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def _parents_first(rows: list[dict], key: str, parent_key: str) -> list[dict]:
    """Order rows so each row's parent (if in the batch) comes before it; rows in a loop are left out."""
    by_key = {r[key]: r for r in rows}
    ordered, placed, visiting = [], set(), set()

    def place(item: dict) -> bool:
        ident = item[key]
        if ident in placed:
            return True
        if ident in visiting:
            return False
        visiting.add(ident)
        parent = by_key.get(item[parent_key])
        ok = parent is None or place(parent)
        visiting.discard(ident)
        if ok:
            placed.add(ident)
            ordered.append(item)
        return ok

    for row in rows:
        place(row)
    return ordered
