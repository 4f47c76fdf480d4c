"""Nudges (preview, send, one per person per day, quiet hours, failures retried per policy) and run-due jobs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from hr.db import session_scope
from hr.errors import HRError
from hr.models import Enrollment, NotificationLog


def _log(engine) -> list[NotificationLog]:
    """Every send-log row."""
    with session_scope(engine) as db:
        return list(db.exec(select(NotificationLog).order_by(NotificationLog.id)))


def test_preview_lists_the_people_behind_with_messages(hr):
    plan = hr.preview_team_nudges(hr.caller_for("m1"))
    assert [(i.employee_id, i.courses, i.skip_reason) for i in plan.items] == [
        ("e1", ["CMP-101"], None), ("e2", ["CMP-101"], None)]
    assert "CMP-101" in plan.items[0].text_zh and "behind" in plan.items[0].text_en
    assert "e1" in plan.to_text("en") and hr.notifier.sent == []  # preview sends nothing


def test_send_once_per_person_per_day(hr, seeded, clock):
    first = hr.send_team_nudges(hr.caller_for("m1"))
    assert first.sent == ["e1", "e2"] and first.skipped == {}
    assert [n.recipient_id for n in hr.notifier.sent] == ["e1", "e2"]
    assert hr.notifier.sent[0].slack_user_id == "U-e1" and hr.notifier.sent[0].kind == "nudge"
    again = hr.send_team_nudges(hr.caller_for("m2"))  # another manager the same day
    assert again.sent == [] and again.skipped == {"e1": "already_nudged_today"}
    assert hr.preview_team_nudges(hr.caller_for("m1")).items[0].skip_reason == "already_nudged_today"
    clock.now = datetime(2026, 3, 26, 2, 0, tzinfo=UTC)
    assert hr.send_team_nudges(hr.caller_for("m2")).sent == ["e1"]
    statuses = [(row.recipient_id, row.status, row.reason) for row in _log(seeded)]
    assert statuses == [("e1", "sent", ""), ("e2", "sent", ""), ("e1", "skipped", "already_nudged_today"),
                        ("e1", "sent", "")]
    assert all(row.message_id for row in _log(seeded) if row.status == "sent")


def test_only_the_chosen_people_are_nudged(hr):
    outcome = hr.send_team_nudges(hr.caller_for("m1"), employee_ids=["e2", "s1"])
    assert outcome.sent == ["e2"] and outcome.skipped == {"s1": "not_behind_or_not_in_team"}


def test_quiet_hours_hold_nudges_until_they_end_and_say_when(hr, seeded, clock):
    clock.now = datetime(2026, 3, 25, 14, 30, tzinfo=UTC)  # 22:30 in Shanghai
    plan = hr.preview_team_nudges(hr.caller_for("m1"))
    assert [i.skip_reason for i in plan.items] == [None, None] and plan.held_until.strftime("%m-%d %H:%M") == "03-26 08:00"
    outcome = hr.send_team_nudges(hr.caller_for("m1"))
    assert outcome.sent == [] and outcome.queued == ["e1", "e2"] and outcome.skipped == {}
    assert hr.notifier.sent == []  # nothing goes out in quiet hours
    assert "queued" in outcome.to_text("en") and "2026-03-26 08:00" in outcome.to_text("en")
    assert "排队" in outcome.to_text("zh") and "2026-03-26 08:00" in outcome.to_text("zh")
    assert {row.day.isoformat() for row in _log(seeded)} == {"2026-03-26"}  # counted on the day it goes out
    clock.now = datetime(2026, 3, 26, 0, 5, tzinfo=UTC)  # 08:05: quiet hours are over
    assert hr.send_team_nudges(hr.caller_for("m2")).skipped == {"e1": "already_nudged_today"}
    hr.deliver_pending()
    assert sorted(n.recipient_id for n in hr.notifier.sent) == ["e1", "e2"]


def _behind_in_sales(seeded) -> None:
    """s1 (sales, outside m1's team) is overdue on SEC-101."""
    with session_scope(seeded, write=True) as db:
        db.add(Enrollment(employee_id="s1", course_code="SEC-101", enrolled_on=date(2026, 1, 5),
                          due_on=date(2026, 2, 4), status="enrolled", progress_pct=10, source="hr"))


def test_hr_and_specialists_preview_the_whole_company_optionally_one_course(hr, seeded):
    _behind_in_sales(seeded)
    for who in ("hr1", "ts1"):
        plan = hr.preview_nudges(hr.caller_for(who), company_wide=True)
        assert [(i.employee_id, i.courses) for i in plan.items] == [
            ("e1", ["CMP-101"]), ("e2", ["CMP-101"]), ("s1", ["SEC-101"])]
    only = hr.preview_nudges(hr.caller_for("hr1"), company_wide=True, course_code="sec-101")
    assert [(i.employee_id, i.courses) for i in only.items] == [("s1", ["SEC-101"])]
    assert "SEC-101" in only.items[0].text_en and "CMP-101" not in only.items[0].text_en
    team = hr.preview_nudges(hr.caller_for("m1"), course_code="SEC-101")  # a manager: own reports only
    assert team.items == []


def test_only_hr_and_specialists_may_nudge_company_wide(hr, seeded):
    _behind_in_sales(seeded)
    for who in ("m1", "ceo", "e1"):
        with pytest.raises(HRError) as caught:
            hr.preview_nudges(hr.caller_for(who), company_wide=True)
        assert caught.value.code == "forbidden"
        with pytest.raises(HRError):
            hr.send_nudges(hr.caller_for(who), company_wide=True)
    assert hr.notifier.sent == []


def test_a_company_wide_nudge_about_one_course_reaches_only_those_behind_on_it(hr, seeded):
    _behind_in_sales(seeded)
    outcome = hr.send_nudges(hr.caller_for("hr1"), company_wide=True, course_code="SEC-101")
    assert outcome.sent == ["s1"] and [n.recipient_id for n in hr.notifier.sent] == ["s1"]
    confirmed = hr.send_nudges(hr.caller_for("ts1"), employee_ids=["e1", "e2"], course_code="CMP-101")
    assert confirmed.sent == ["e1", "e2"] and "SEC-101" not in hr.notifier.sent[-1].text_en


def test_failed_delivery_is_retried_per_policy_then_failed_with_the_reason(hr, seeded, clock):
    hr.notifier.fail_for.add("e2")
    outcome = hr.send_team_nudges(hr.caller_for("m1"))
    assert outcome.sent == ["e1"] and outcome.queued == ["e2"] and outcome.failed == {}
    assert "will be retried" in outcome.to_text("en")
    rows = {row.recipient_id: row for row in _log(seeded)}
    assert (rows["e1"].status, rows["e2"].status, rows["e2"].attempts) == ("sent", "pending", 1)
    assert "ConnectionError" in rows["e2"].reason
    assert hr.deliver_pending().retrying == {}  # not due again yet: the policy waits 1 minute
    start = clock.now
    for minutes, status in ((1, "pending"), (11, "failed")):  # waits [1, 10], 3 tries in all
        clock.now = start.replace(minute=start.minute + minutes)
        hr.deliver_pending()
        assert {row.recipient_id: row.status for row in _log(seeded)}["e2"] == status
    failed = {row.recipient_id: row for row in _log(seeded)}["e2"]
    assert failed.attempts == 3 and "delivery to e2 failed" in failed.reason and failed.message_id is None
    assert [n.recipient_id for n in hr.notifier.sent] == ["e1"]


def test_employees_cannot_nudge(hr):
    with pytest.raises(HRError) as caught:
        hr.preview_team_nudges(hr.caller_for("e1"))
    assert caught.value.code == "forbidden"


def test_run_due_marks_overdue_notifies_once_and_reminds_before_sessions(hr, seeded, clock):
    hr.enroll(hr.caller_for("e1"), "SEC-201")  # seat in the 2026-03-28 session, 3 days away
    report = hr.run_due_jobs()
    assert report.marked_overdue == 1  # e2's CMP-101 was due 03-20
    assert report.sent == {"overdue": 1, "reminder_before": 1, "survey": 1}  # survey: e1 finished DATA-101 on 03-14
    with session_scope(seeded) as db:
        e2 = db.exec(select(Enrollment).where(Enrollment.employee_id == "e2",
                                              Enrollment.course_code == "CMP-101")).one()
        assert e2.status == "overdue"
    sent = {(n.kind, n.recipient_id) for n in hr.notifier.sent}
    assert sent == {("overdue", "e2"), ("reminder_before", "e1"), ("survey", "e1")}
    assert hr.run_due_jobs().sent == {}  # safe to run every minute
    clock.now = datetime(2026, 3, 28, 0, 30, tzinfo=UTC)  # 08:30 on the session day
    assert hr.run_due_jobs().sent == {"reminder_day": 1}


def test_no_same_day_reminder_after_the_session_started(hr, clock):
    hr.enroll(hr.caller_for("e1"), "SEC-201")
    clock.now = datetime(2026, 3, 28, 2, 0, tzinfo=UTC)  # 10:00 local, the 09:00 session has begun
    assert "reminder_day" not in hr.run_due_jobs().sent


def test_run_due_defers_messages_in_quiet_hours(hr, clock):
    clock.now = datetime(2026, 3, 24, 20, 0, tzinfo=UTC)  # 04:00 in Shanghai on 03-25
    report = hr.run_due_jobs()
    assert report.deferred_quiet_hours and report.marked_overdue == 1 and report.sent == {}
    assert hr.notifier.sent == [] and report.queued == {"overdue": 1, "survey": 1} and report.pending == 2
    clock.now = datetime(2026, 3, 25, 0, 30, tzinfo=UTC)  # 08:30: quiet hours are over
    assert hr.run_due_jobs().sent == {"overdue": 1, "survey": 1}
    assert [n.kind for n in hr.notifier.sent] == ["overdue", "survey"]


def test_survey_is_own_course_only_and_rerating_replaces(hr, seeded):
    from hr.models import SurveyResponse

    me = hr.caller_for("e1")
    hr.submit_survey(me, "AI-101", 4, "好")
    assert hr.submit_survey(me, "AI-101", 5).rating == 5
    with session_scope(seeded) as db:
        assert len(list(db.exec(select(SurveyResponse)))) == 1
    for course, rating, code in (("SAL-101", 5, "forbidden"), ("AI-101", 6, "invalid")):
        with pytest.raises(HRError) as caught:
            hr.submit_survey(me, course, rating)
        assert caught.value.code == code
