"""Course surveys are asked once, through the outbox, after a course is completed; a rating closes the question."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from hr.db import session_scope
from hr.models import NotificationLog
from hr.service import HRService
from tests.fakes.notifier import RecordingNotifier


def _survey_rows(engine) -> list[NotificationLog]:
    """Every survey notice in the outbox."""
    with session_scope(engine) as db:
        return list(db.exec(select(NotificationLog).where(NotificationLog.kind == "survey")
                            .order_by(NotificationLog.id)))


def test_a_completed_course_is_asked_about_once_in_both_languages(hr, seeded, clock):
    """e1 finished DATA-101 eleven days ago (asked); AI-101 24 days ago is too old (not asked); never twice."""
    report = hr.run_due_jobs()
    assert report.queued.get("survey") == 1 and report.sent.get("survey") == 1
    notice = next(n for n in hr.notifier.sent if n.kind == "survey")
    assert notice.recipient_id == "e1" and notice.slack_user_id == "U-e1"
    assert "数据分析基础" in notice.text_zh and "1-5" in notice.text_zh and "跳过" in notice.text_zh
    assert "DATA-101" in notice.text_en and "1 to 5" in notice.text_en
    hr.complete(hr.caller_for("hr1"), "CMP-101", employee_id="e1")  # completed today: asked on the next run
    clock.now = datetime(2026, 3, 25, 3, 0, tzinfo=UTC)
    assert hr.run_due_jobs().sent.get("survey") == 1
    for _ in range(2):  # nothing new: asked once per person and course, whatever happens later
        clock.now = datetime(2026, 3, 26, 3, 0, tzinfo=UTC)
        assert "survey" not in hr.run_due_jobs().queued
    assert [(r.recipient_id, r.subject_ref, r.status) for r in _survey_rows(seeded)] == [
        ("e1", "DATA-101", "sent"), ("e1", "CMP-101", "sent")]


def test_a_course_rated_before_the_job_runs_is_not_asked_about(hr, seeded):
    """Someone who already rated the course is not asked."""
    hr.submit_survey(hr.caller_for("e1"), "DATA-101", 5)
    assert "survey" not in hr.run_due_jobs().queued and _survey_rows(seeded) == []


def test_open_invitations_are_the_delivered_unanswered_recent_ones(hr, seeded, clock):
    """Open after delivery, closed by a rating or after the reply window (7 days in the default policy)."""
    me = hr.caller_for("e1")
    assert hr.open_survey_invitations(me) == []
    hr.run_due_jobs()
    assert hr.open_survey_invitations(me) == ["DATA-101"]
    hr.complete(hr.caller_for("hr1"), "CMP-101", employee_id="e1")
    clock.now = datetime(2026, 3, 25, 3, 0, tzinfo=UTC)
    hr.run_due_jobs()
    assert hr.open_survey_invitations(me) == ["CMP-101", "DATA-101"]  # newest first
    hr.submit_survey(me, "CMP-101", 4, "清楚")
    assert hr.open_survey_invitations(me) == ["DATA-101"]
    clock.now = datetime(2026, 4, 2, 3, 0, tzinfo=UTC)  # eight days after the DATA-101 question
    assert hr.open_survey_invitations(me) == []
    assert hr.open_survey_invitations(hr.caller_for("e2")) == []


def test_with_no_channel_the_question_waits_pending_and_is_not_open(seeded, policy, clock):
    """Delivery off: the notice stays pending (goes out once a channel exists); nobody has seen it, so it is not open."""
    offline = HRService(seeded, policy, notifier=None, clock=clock)
    report = offline.run_due_jobs()
    assert report.queued.get("survey") == 1 and "survey" not in report.sent
    assert [r.status for r in _survey_rows(seeded)] == ["pending"]
    assert offline.open_survey_invitations(offline.caller_for("e1")) == []
    online = HRService(seeded, policy, notifier=RecordingNotifier(), clock=clock)
    assert online.run_due_jobs().sent.get("survey") == 1
    assert online.open_survey_invitations(online.caller_for("e1")) == ["DATA-101"]


def test_the_policy_can_turn_the_question_off(seeded, policy, clock):
    """HR decides: invite_on_completion: false queues nothing."""
    quiet = policy.model_copy(update={"surveys": policy.surveys.model_copy(update={"invite_on_completion": False})})
    service = HRService(seeded, quiet, notifier=RecordingNotifier(), clock=clock)
    assert "survey" not in service.run_due_jobs().queued and _survey_rows(seeded) == []


def test_a_completion_dated_in_the_future_is_not_asked_about(hr, seeded):
    """Imported data can carry a completion date after today: that is an error in the data, not a finished course."""
    from datetime import date

    from hr.models import Enrollment

    with session_scope(seeded, write=True) as db:
        row = db.exec(select(Enrollment).where(Enrollment.employee_id == "e1",
                                               Enrollment.course_code == "DATA-101")).one()
        row.completed_on = date(2026, 4, 20)
        db.add(row)
    assert "survey" not in hr.run_due_jobs().queued
