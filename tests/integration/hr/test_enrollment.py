"""Enrollment: idempotency, refusals with reasons, capacity (also under concurrency), progress, exams."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from sqlmodel import select

from hr.caller import Caller
from hr.db import session_scope
from hr.errors import HRError
from hr.models import CourseSession, Employee, Enrollment, ExamAttempt, ProgressEvent


def _count(engine, model, *where) -> int:
    """Rows of a table matching conditions."""
    with session_scope(engine) as db:
        return len(list(db.exec(select(model).where(*where))))


def test_enrolling_twice_is_one_enrollment(hr, seeded):
    me = hr.caller_for("e1")
    first = hr.enroll(me, "SEC-201")
    second = hr.enroll(me, "SEC-201")
    assert (first.created, second.created) == (True, False)
    assert first.enrollment.id == second.enrollment.id
    assert _count(seeded, Enrollment, Enrollment.employee_id == "e1", Enrollment.course_code == "SEC-201") == 1
    assert first.enrollment.due_on == date(2026, 3, 25) + timedelta(days=90)
    assert first.enrollment.session_id == 1 and first.enrollment.source == "self"


@pytest.mark.parametrize(("who", "course", "target", "code"), [
    ("e2", "SEC-201", "s1", "forbidden"),        # not their record
    ("m2", "AI-101", "e2", "forbidden"),         # e2 is not in m2's subtree
    ("e1", "SAL-101", "e1", "invalid"),          # sales-only course
    ("s1", "SEC-201", "s1", "invalid"),          # rnd;it only (and prerequisite)
    ("e1", "NOPE-1", "e1", "not_found"),
])
def test_refusals_carry_a_code_and_both_languages(hr, who, course, target, code):
    with pytest.raises(HRError) as caught:
        hr.enroll(hr.caller_for(who), course, target)
    assert caught.value.code == code
    assert caught.value.message_en and caught.value.message_zh
    assert caught.value.http_status in (403, 404, 422)


def test_prerequisite_is_named_in_the_refusal(hr):
    with pytest.raises(HRError) as caught:
        hr.enroll(hr.caller_for("hr1"), "SEC-201", "m1")
    assert caught.value.code == "invalid" and "SEC-101" in caught.value.message_en


def test_manager_enrolls_someone_in_their_subtree(hr):
    result = hr.enroll(hr.caller_for("m1"), "AI-101", "e2")
    assert result.created and result.enrollment.source == "manager"


def test_full_session_never_overbooks_and_drop_frees_the_seat(hr, seeded):
    hr.enroll(hr.caller_for("e1"), "SEC-201")
    hr.enroll(hr.caller_for("e2"), "SEC-201")
    with pytest.raises(HRError) as caught:
        hr.enroll(hr.caller_for("m2"), "SEC-201")
    assert caught.value.code == "conflict"
    with session_scope(seeded) as db:
        assert db.get(CourseSession, 1).seats_taken == 2
    with pytest.raises(HRError):  # required for rnd: the learner cannot drop it, HR can
        hr.drop(hr.caller_for("e2"), "SEC-201")
    hr.drop(hr.caller_for("hr1"), "SEC-201", "e2")
    assert hr.enroll(hr.caller_for("m2"), "SEC-201").enrollment.session_id == 1
    with session_scope(seeded) as db:
        assert db.get(CourseSession, 1).seats_taken == 2


def test_fifty_parallel_enrollments_give_one(hr, seeded):
    me = hr.caller_for("e1")
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda _i: hr.enroll(me, "SEC-201"), range(50)))
    assert sum(r.created for r in results) == 1
    assert len({r.enrollment.id for r in results}) == 1
    assert _count(seeded, Enrollment, Enrollment.employee_id == "e1", Enrollment.course_code == "SEC-201") == 1
    with session_scope(seeded) as db:
        assert db.get(CourseSession, 1).seats_taken == 1


def test_parallel_enrollments_of_many_people_never_overbook(hr, seeded):
    with session_scope(seeded, write=True) as db:
        for n in range(10):
            db.add(Employee(id=f"x{n}", name=f"X{n}", department_id="rnd", manager_id="m1"))
        db.flush()
        for n in range(10):
            db.add(Enrollment(employee_id=f"x{n}", course_code="SEC-101", enrolled_on=date(2025, 9, 1),
                              due_on=date(2025, 10, 1), status="completed", completed_on=date(2025, 9, 20)))
        session = db.get(CourseSession, 1)
        session.capacity = 3
        db.add(session)

    def attempt(n: int) -> str:
        try:
            hr.enroll(Caller(f"x{n}", "employee", "rnd"), "SEC-201")
            return "ok"
        except HRError as exc:
            return exc.code

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(attempt, range(10)))
    assert outcomes.count("ok") == 3 and outcomes.count("conflict") == 7
    with session_scope(seeded) as db:
        assert db.get(CourseSession, 1).seats_taken == 3
    assert _count(seeded, Enrollment, Enrollment.course_code == "SEC-201") == 3


def test_progress_exam_fail_then_pass_completes(hr, seeded):
    me = hr.caller_for("e1")
    hr.enroll(me, "SEC-201")
    assert hr.record_progress(me, "SEC-201", 40).status == "in_progress"
    assert hr.record_progress(me, "SEC-201", 30).progress_pct == 40  # never backwards
    grader = hr.caller_for("ts1")  # official results are entered by HR / training specialists
    failed = hr.record_exam_attempt(grader, "SEC-201", 74, "e1")
    assert (failed.passed, failed.attempt.attempt_no, failed.completed_course) == (False, 1, False)
    passed = hr.record_exam_attempt(grader, "SEC-201", 75, "e1")
    assert (passed.passed, passed.attempt.attempt_no, passed.completed_course) == (True, 2, True)
    assert "75" in passed.to_text("zh") and "passed" in passed.to_text("en")
    progress = hr.my_progress(me)
    row = next(c for c in progress.courses if c.course_code == "SEC-201")
    assert (row.status, row.completed_on) == ("completed", date(2026, 3, 25))
    assert _count(seeded, ProgressEvent) == 3  # enrolled, progress 40, completed (the backwards step logs nothing)
    assert _count(seeded, ExamAttempt, ExamAttempt.course_code == "SEC-201") == 2


def test_exam_requires_enrollment_and_valid_score(hr):
    with pytest.raises(HRError) as caught:
        hr.record_exam_attempt(hr.caller_for("hr1"), "SAL-101", 90, "e1")
    assert caught.value.code == "invalid"
    with pytest.raises(HRError):
        hr.record_exam_attempt(hr.caller_for("hr1"), "CMP-101", 101, "e1")


def test_auto_assign_required_for_new_hire(hr, seeded):
    with session_scope(seeded, write=True) as db:
        db.add(Employee(id="new1", name="New", department_id="rnd", manager_id="m1", job_title="软件工程师"))
    with pytest.raises(HRError):
        hr.auto_assign_required(hr.caller_for("m1"), "new1")
    results = hr.auto_assign_required(hr.caller_for("hr1"), "new1")
    assert sorted(r.enrollment.course_code for r in results) == ["CMP-101", "SEC-101"]  # SEC-201 waits for SEC-101
    assert all(r.enrollment.source == "auto" for r in results)
    assert hr.auto_assign_required(hr.caller_for("hr1"), "new1") and all(
        not r.created for r in hr.auto_assign_required(hr.caller_for("hr1"), "new1"))
