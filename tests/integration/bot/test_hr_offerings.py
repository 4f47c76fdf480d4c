"""The HR additions the chat relies on: enrollment checks that write nothing, the catalogue, sessions, satisfaction."""

from __future__ import annotations

import pytest

from hr.errors import HRError


def test_preview_enroll_checks_everything_and_writes_nothing(hr_service):
    hr = hr_service
    learner = hr.caller_for("E0018")
    with pytest.raises(HRError) as missing:
        hr.preview_enroll(learner, "SEC-201")  # prerequisite SEC-101 not completed
    assert missing.value.code == "invalid" and "SEC-101" in missing.value.message("en")
    assert hr.preview_enroll(learner, "AI-101").created is False  # already enrolled: a duplicate
    officer = hr.caller_for("E0170")
    assert hr.preview_enroll(officer, "AI-101", "E0013").created is True
    assert all(c.course_code != "AI-101" for c in hr.employee_progress(officer, "E0013").courses)  # rolled back


def test_preview_drop_leaves_the_enrollment(hr_service):
    hr = hr_service
    learner = hr.caller_for("E0018")
    assert hr.preview_drop(learner, "DATA-101").status == "dropped"
    assert any(c.course_code == "DATA-101" and c.status == "enrolled" for c in hr.my_progress(learner).courses)


def test_offerings_say_why_a_course_is_closed(hr_service):
    rows = {o.course.code: o for o in hr_service.offerings(hr_service.caller_for("E0018"))}
    assert rows["ONB-101"].can_enroll
    assert rows["SAL-201"].missing_prerequisites == ["SAL-101"] and not rows["SAL-201"].open_to_them
    assert rows["AI-101"].status == "completed" and not rows["AI-101"].can_enroll


def test_sessions_put_the_booked_one_first(hr_service):
    course, slots = hr_service.course_sessions(hr_service.caller_for("E0020"), "SEC-201")
    assert course.code == "SEC-201"
    assert slots[0].booked and slots[0].session.starts_at.day == 28 and "301" in slots[0].session.venue


def test_department_members_and_satisfaction_need_privilege(hr_service):
    officer, learner = hr_service.caller_for("E0170"), hr_service.caller_for("E0018")
    assert len(hr_service.department_member_ids(officer, "rnd")) > 20
    with pytest.raises(HRError):
        hr_service.department_member_ids(learner, "rnd")
    rows = hr_service.course_satisfaction(officer, "2026")
    assert any(r.responses for r in rows)
    with pytest.raises(HRError):
        hr_service.course_satisfaction(learner)
