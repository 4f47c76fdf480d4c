"""Build a year of learning history for generated people: enrollments, exams, surveys, performance records."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hr.samples.catalog import COURSES, EXAM_COURSES
from hr.samples.people import Person

# How diligent each department is (chance an enrollment is completed by its due date or by the reference day).
DILIGENCE = {"corp": 0.95, "rnd": 0.95, "it": 0.93, "fin": 0.97, "hrd": 0.98, "ops": 0.91, "mkt": 0.86, "cs": 0.88,
             "sales": 0.80}
SEC_CAMPAIGN = {"rnd": (1, 12), "it": (1, 12), "fin": (4, 6), "hrd": (4, 6), "sales": (7, 6), "mkt": (7, 6),
                "cs": (10, 12), "ops": (10, 12), "corp": (1, 12)}
COURSE_BY_CODE = {c[0]: c for c in COURSES}
RATING_BIAS = {"AI-101": [5, 5, 5, 4, 4, 5, 5, 4, 5, 5, 5, 3], "DATA-101": [2, 3, 3, 4, 2, 3, 5, 3],
               "CMP-101": [3, 4, 4, 5, 3, 4]}


@dataclass
class Session:
    """A scheduled run of a live course or workshop (a row of sessions.csv)."""

    id: int
    course_code: str
    starts_at: datetime
    hours: float
    venue: str
    instructor: str
    capacity: int
    status: str
    taken: int = 0


@dataclass
class History:
    """Rows produced for one person."""

    enrollments: list[dict] = field(default_factory=list)
    exams: list[dict] = field(default_factory=list)
    surveys: list[dict] = field(default_factory=list)
    performance: list[dict] = field(default_factory=list)


def sample_sessions(year: int) -> list[Session]:
    """Sessions across the year: held in the past, one cancelled, several upcoming in late November/December."""
    plan = [("CS-101", f"{year}-03-20T14:00", "培训室A", "王芳", 30, "held"),
            ("CS-101", f"{year}-04-10T14:00", "培训室A", "王芳", 30, "held"),
            ("SAL-201", f"{year}-09-15T09:30", "培训室B", "陈刚", 25, "held"),
            ("SAL-201", f"{year}-10-13T09:30", "培训室B", "陈刚", 25, "held"),
            ("SAL-201", f"{year}-12-08T09:30", "培训室B", "陈刚", 25, "scheduled"),
            ("SEC-201", f"{year}-10-20T09:00", "实验室301", "周涛", 30, "held"),
            ("SEC-201", f"{year}-11-18T09:00", "实验室301", "周涛", 30, "cancelled"),
            ("SEC-201", f"{year}-11-28T09:00", "实验室301", "周涛", 30, "scheduled"),
            ("SEC-201", f"{year}-12-15T09:00", "实验室301", "周涛", 30, "scheduled"),
            ("LDR-301", f"{year}-11-25T14:00", "大会议室", "林静", 20, "scheduled"),
            ("LDR-301", f"{year}-12-10T14:00", "大会议室", "林静", 20, "scheduled")]
    return [Session(i, code, datetime.fromisoformat(at), COURSE_BY_CODE[code][5] if code != "LDR-301" else 8,
                    venue, who, cap, status) for i, (code, at, venue, who, cap, status) in enumerate(plan, start=1)]


def person_history(rng: random.Random, person: Person, reference: date, sessions: list[Session],
                   extra_courses: list[str]) -> History:
    """All of one person's records, consistent with the reference day (open past-due work is overdue)."""
    history, completed = History(), set()
    diligence = min(0.995, DILIGENCE.get(person.top_department, 0.9) + rng.uniform(-0.08, 0.06))
    year = reference.year
    plans = _required_plan(person, year, rng)
    for code, enrolled_on in plans:
        if COURSE_BY_CODE[code][9] and COURSE_BY_CODE[code][9] not in completed:
            continue
        if _enroll(rng, history, person, code, enrolled_on, reference, diligence, sessions):
            completed.add(code)
    for code in ("AI-101", "DATA-101"):
        if rng.random() < (0.35 if code == "AI-101" else 0.25):
            start = date(year, 2 if code == "AI-101" else 5, 1)
            enrolled_on = start + timedelta(days=rng.randrange(150))
            chance = diligence if code == "AI-101" else 0.45
            _enroll(rng, history, person, code, enrolled_on, reference, chance, sessions)
    for code in extra_courses:
        enrolled_on = date(year, 1, 1) + timedelta(days=rng.randrange(max((reference - date(year, 1, 1)).days, 1)))
        _enroll(rng, history, person, code, enrolled_on, reference, diligence, sessions, due_days=60)
    history.performance = _performance(rng, person, history, reference)
    return history


def _required_plan(person: Person, year: int, rng: random.Random) -> list[tuple[str, date]]:
    """Which required courses this person is enrolled in this year, and when."""
    top = person.top_department
    month, day = SEC_CAMPAIGN.get(top, (1, 12))
    plan = []
    if person.hired_on.year == year:
        plan += [("ONB-101", person.hired_on), ("CMP-101", person.hired_on)]
    else:
        plan.append(("CMP-101", date(year, 5, 11)))
    plan.append(("SEC-101", max(date(year, month, day), person.hired_on)))
    if top in ("rnd", "it") and person.role != "manager":
        plan.append(("SEC-201", date(year, 9, 1) + timedelta(days=rng.randrange(10))))
    if top == "sales":
        plan += [("SAL-101", max(date(year, 2, 2), person.hired_on)), ("SAL-201", date(year, 8, 3))]
    if top == "cs":
        plan.append(("CS-101", max(date(year, 3, 2), person.hired_on)))
    if person.job_title == "经理" and rng.random() < 0.6:
        plan.append(("LDR-301", date(year, 9, 20)))
    return sorted(plan, key=lambda p: p[1])


def _enroll(rng: random.Random, history: History, person: Person, code: str, enrolled_on: date, reference: date,
            chance: float, sessions: list[Session], due_days: int | None = None) -> bool:
    """Add one enrollment (and its exam attempts and survey); returns True when it ended completed."""
    if enrolled_on >= reference:
        return False
    course = COURSE_BY_CODE.get(code)
    due_on = enrolled_on + timedelta(days=due_days or (course[11] if course and course[11] else 90))
    window_end = min(due_on + timedelta(days=12), reference - timedelta(days=1))
    done = rng.random() < (chance if due_on < reference else chance * 0.55)
    completed_on = None
    if done and window_end > enrolled_on:
        completed_on = enrolled_on + timedelta(days=rng.randrange(1, (window_end - enrolled_on).days + 1))
    status = "completed" if completed_on else ("overdue" if due_on < reference else rng.choice(
        ["enrolled", "in_progress", "in_progress"]))
    progress = 100 if completed_on else (0 if status == "enrolled" else rng.randrange(5, 90, 5))
    session_id = _seat(sessions, code, completed_on, reference)
    history.enrollments.append({"employee_id": person.id, "course_code": code, "enrolled_on": enrolled_on,
                                "due_on": due_on, "status": status, "completed_on": completed_on or "",
                                "progress_pct": progress, "session_id": session_id or "",
                                "source": "self" if course and not course[10] else "hr"})
    passing = course[6] if course else 60
    if code in EXAM_COURSES or (not course and rng.random() < 0.3):
        _exams(rng, history, person, code, enrolled_on, completed_on, status, passing, reference)
    if completed_on and rng.random() < 0.6:
        rating = rng.choice(RATING_BIAS.get(code, [3, 4, 4, 4, 5, 5, 4, 3, 5]))
        history.surveys.append({"employee_id": person.id, "course_code": code,
                                "submitted_on": min(completed_on + timedelta(days=rng.randrange(0, 4)), reference),
                                "rating": rating})
    return completed_on is not None


def _seat(sessions: list[Session], code: str, completed_on: date | None, reference: date) -> int | None:
    """A held session for finished learners, the next scheduled one (with room) for open ones."""
    for session in sessions:
        if session.course_code != code or session.taken >= session.capacity:
            continue
        held = session.status == "held" and completed_on is not None and session.starts_at.date() <= completed_on
        upcoming = session.status == "scheduled" and completed_on is None and session.starts_at.date() >= reference
        if held or upcoming:
            session.taken += 1
            return session.id
    return None


def _exams(rng: random.Random, history: History, person: Person, code: str, enrolled_on: date,
           completed_on: date | None, status: str, passing: float, reference: date) -> None:
    """A pass on completion (sometimes after a fail); open learners sometimes have a failed try."""
    attempts = []
    if completed_on:
        if rng.random() < 0.2 and (completed_on - enrolled_on).days > 2:
            attempts.append((completed_on - timedelta(days=2), rng.randrange(int(passing) - 25, int(passing))))
        attempts.append((completed_on, min(100, rng.randrange(int(passing), int(passing) + 25))))
    elif status != "enrolled" and rng.random() < (0.5 if code == "DATA-101" else 0.25):
        day = min(enrolled_on + timedelta(days=rng.randrange(3, 40)), reference - timedelta(days=1))
        attempts.append((max(day, enrolled_on), rng.randrange(max(0, int(passing) - 35), int(passing))))
    for day, score in attempts:
        history.exams.append({"employee_id": person.id, "course_code": code, "attempted_on": day, "score": score})


def _performance(rng: random.Random, person: Person, history: History, reference: date) -> list[dict]:
    """Quarterly reviews up to the last finished quarter; trained people do measurably better (L3/L4)."""
    rows = []
    for quarter in range(1, (reference.month - 1) // 3 + 1):
        start, end = date(reference.year, 3 * quarter - 2, 1), date(reference.year, 3 * quarter, 28)
        trained = any(e["completed_on"] and start <= e["completed_on"] <= end + timedelta(days=3)
                      for e in history.enrollments)
        lift = 1 if trained else 0
        rows.append({"employee_id": person.id, "period": f"{reference.year}Q{quarter}",
                     "score": round(min(100, rng.gauss(78 + 4 * lift, 6)), 1),
                     "behavior_score": round(min(100, rng.gauss(70 + 9 * lift, 7)), 1),
                     "business_metric": round(rng.gauss(100 + 17 * lift, 12), 1)})
    return rows


def iter_histories(rng: random.Random, everyone: list[Person], reference: date, sessions: list[Session],
                   extra_courses: list[str], extra_per_person: int) -> Iterator[History]:
    """One History per person, streaming (the benchmark organisation has 100k people)."""
    for person in everyone:
        picks = rng.sample(extra_courses, min(extra_per_person, len(extra_courses))) if extra_courses else []
        yield person_history(rng, person, reference, sessions, picks)
