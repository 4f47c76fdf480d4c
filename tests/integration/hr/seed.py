"""A small organisation whose figures are computed by hand in the tests (today is 2026-03-25, Shanghai).

corp ─ rnd ─ rnd-web          ceo (manager) ← m1 (rnd manager) ← m2 (rnd-web manager) ← e1
     └ sales                                 ← e2 (rnd)            s1 (sales) ← ceo; hr1 (hr); ts1 (specialist)

2026Q1 enrollments (due dates in Q1):
  e1: SEC-101 done 02-01 (due 02-04; exam 70 fail 01-30, 88 pass 02-01), CMP-101 in progress 20% due 03-28,
      AI-101 done 03-01 (due 03-10), DATA-101 done 03-14 (due 03-15)            -> 3/4, exams 1/1
  e2: SEC-101 done 02-10 (due 02-04, late; exam 60 fail 02-10), CMP-101 in progress 10% due 03-20 -> 1/2, exams 0/1
  s1: SAL-101 done 03-01 (due 03-11; exam 55 fail 02-20, 75 pass 03-01)         -> 1/1, exams 1/1
  m2: SEC-101 done 2025-10-20 (outside Q1)
Session 1: SEC-201 workshop 2026-03-28 09:00 local, capacity 2.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from hr.db import session_scope
from hr.models import Course, CourseSession, Department, Employee, Enrollment, ExamAttempt


def courses() -> list[Course]:
    """Fresh course rows (instances cannot be shared between sessions)."""
    return [
    Course(code="SEC-101", title="信息安全基础", format="video", passing_score=80, skill_tags="security",
           required_for="all", due_days=30),
    Course(code="SEC-201", title="安全开发进阶", format="workshop", passing_score=75, difficulty=2,
           skill_tags="security;secure-coding", prerequisites="SEC-101", required_for="rnd;it", due_days=90),
    Course(code="CMP-101", title="合规与商业道德", format="video", passing_score=70, skill_tags="compliance",
           required_for="all", due_days=60),
    Course(code="SAL-101", title="销售基础", format="document", passing_score=60, skill_tags="sales",
           required_for="sales", due_days=60),
    Course(code="AI-101", title="提示词工程入门", format="video", passing_score=60, skill_tags="prompting"),
    Course(code="DATA-101", title="数据分析基础", format="document", passing_score=60, skill_tags="data-analysis"),
    ]


def _person(pid: str, dept: str, manager: str | None, role: str = "employee", title: str = "软件工程师",
            pref: str = "video") -> Employee:
    """An employee with predictable contact ids."""
    return Employee(id=pid, name=f"Name-{pid}", department_id=dept, manager_id=manager, role=role, job_title=title,
                    email=f"{pid}@example.com", slack_user_id=f"U-{pid}", wecom_userid=f"w-{pid}",
                    learning_preference=pref, hired_on=date(2020, 1, 1))


def _enrollment(pid: str, code: str, enrolled: str, due: str, status: str, done: str | None = None,
                pct: int = 0) -> Enrollment:
    """An enrollment row from short date strings."""
    return Enrollment(employee_id=pid, course_code=code, enrolled_on=date.fromisoformat(enrolled),
                      due_on=date.fromisoformat(due), status=status,
                      completed_on=date.fromisoformat(done) if done else None,
                      progress_pct=100 if status == "completed" else pct, source="hr")


def _attempt(pid: str, code: str, day: str, score: float, number: int, bar: float) -> ExamAttempt:
    """An exam attempt row."""
    return ExamAttempt(employee_id=pid, course_code=code, attempted_on=date.fromisoformat(day), score=score,
                       passed=score >= bar, attempt_no=number)


def load(engine) -> None:
    """Insert the organisation above."""
    with session_scope(engine, write=True) as db:
        for dept in (Department(id="corp", name="公司总部"), Department(id="rnd", name="研发部", parent_id="corp"),
                     Department(id="rnd-web", name="前端组", parent_id="rnd"),
                     Department(id="sales", name="销售部", parent_id="corp")):
            db.add(dept)
            db.flush()
        people = [_person("ceo", "corp", None, "manager", "总经理"), _person("hr1", "corp", "ceo", "hr", "HR专员"),
                  _person("ts1", "corp", "ceo", "training_specialist", "培训专员"),
                  _person("m1", "rnd", "ceo", "manager", "经理"), _person("m2", "rnd-web", "m1", "manager", "经理"),
                  _person("e1", "rnd-web", "m2"), _person("e2", "rnd", "m1", pref="text"),
                  _person("s1", "sales", "ceo", title="销售代表")]
        for person in people:
            db.add(person)
            db.flush()
        db.add_all(courses())
        db.flush()
        db.add(CourseSession(id=1, course_code="SEC-201", starts_at=datetime(2026, 3, 28, 1, 0, tzinfo=UTC),
                             hours=6, venue="Lab 301", instructor="周涛", capacity=2, status="scheduled"))
        db.add_all([
            _enrollment("e1", "SEC-101", "2026-01-05", "2026-02-04", "completed", "2026-02-01"),
            _enrollment("e1", "CMP-101", "2026-02-01", "2026-03-28", "in_progress", pct=20),
            _enrollment("e1", "AI-101", "2026-01-10", "2026-03-10", "completed", "2026-03-01"),
            _enrollment("e1", "DATA-101", "2026-01-10", "2026-03-15", "completed", "2026-03-14"),
            _enrollment("e2", "SEC-101", "2026-01-05", "2026-02-04", "completed", "2026-02-10"),
            _enrollment("e2", "CMP-101", "2026-01-20", "2026-03-20", "in_progress", pct=10),
            _enrollment("s1", "SAL-101", "2026-01-10", "2026-03-11", "completed", "2026-03-01"),
            _enrollment("m2", "SEC-101", "2025-10-01", "2025-10-31", "completed", "2025-10-20"),
            _attempt("e1", "SEC-101", "2026-01-30", 70, 1, 80), _attempt("e1", "SEC-101", "2026-02-01", 88, 2, 80),
            _attempt("e2", "SEC-101", "2026-02-10", 60, 1, 80),
            _attempt("s1", "SAL-101", "2026-02-20", 55, 1, 60), _attempt("s1", "SAL-101", "2026-03-01", 75, 2, 60),
        ])
