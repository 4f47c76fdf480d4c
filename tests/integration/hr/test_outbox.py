"""The notification outbox: nothing is "sent" without a channel's receipt; queued notices go out once a channel
exists; a failing channel leaves them failed with the reason after the policy's retries (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from adapters.fakes.slack_web_api import FakeSlackWebApi
from adapters.fakes.wecom_api import FakeWeComApi
from adapters.notifier import ChannelNotifier, delivery_off_reason
from adapters.slack.bolt_app import make_web_client
from adapters.wecom.client import WeComClient
from hr.db import session_scope
from hr.models import NotificationLog
from hr.service import HRService


def _notices(engine) -> list[NotificationLog]:
    """Every outbox row, oldest first."""
    with session_scope(engine) as db:
        return list(db.exec(select(NotificationLog).order_by(NotificationLog.id)))


def test_no_channel_queues_then_fake_slack_delivers_with_its_ids(seeded, policy, clock):
    off = HRService(seeded, policy, clock=clock, delivery_off=delivery_off_reason())  # what wiring builds w/o channels
    outcome = off.send_nudges(off.caller_for("m1"))
    assert outcome.sent == [] and outcome.queued == ["e1", "e2"] and outcome.delivery_off is not None
    reply_en, reply_zh = outcome.to_text("en"), outcome.to_text("zh")
    assert "2 nudges are queued, not delivered yet" in reply_en and "MENTOR_SLACK_BOT_TOKEN" in reply_en
    assert "2 条提醒已排队" in reply_zh and "MENTOR_WECOM_CORP_ID" in reply_zh
    report = off.run_due_jobs()
    assert report.queued["overdue"] == 1 and report.sent == {} and report.pending == 2 + sum(report.queued.values())
    assert "MENTOR_SLACK_BOT_TOKEN" in report.delivery_off
    assert {(n.recipient_id, n.kind, n.status, n.sent_at, n.message_id) for n in _notices(seeded)
            if n.kind in ("nudge", "overdue")} == {
        ("e1", "nudge", "pending", None, None), ("e2", "nudge", "pending", None, None),
        ("e2", "overdue", "pending", None, None)}
    assert {n.status for n in _notices(seeded)} == {"pending"}
    with FakeSlackWebApi() as slack:  # the same notices once Slack is configured
        on = HRService(seeded, policy, notifier=ChannelNotifier(make_web_client("xoxb-t", slack.url)), clock=clock)
        sent = on.run_due_jobs().sent
        assert (sent["nudge"], sent["overdue"]) == (2, 1) and sum(sent.values()) == len(_notices(seeded))
        posted = [(c.body["channel"], c.body["text"]) for c in slack.calls_to("chat.postMessage")]
    rows = _notices(seeded)
    assert [(n.status, n.channel) for n in rows] == [("sent", "slack")] * len(rows)
    assert [n.message_id for n in rows] == [f"DU-{n.recipient_id}:1700000000.{i:06d}" for i, n in enumerate(rows, 1)]
    assert [channel for channel, _text in posted][:3] == ["DU-e1", "DU-e2", "DU-e2"]
    assert "CMP-101" in posted[0][1] and all(n.sent_at == clock.now for n in rows)


def test_fake_wecom_delivers_and_a_failing_channel_ends_failed_with_reason(seeded, policy, clock):
    with FakeWeComApi() as wecom:
        good = HRService(seeded, policy, clock=clock,
                         notifier=ChannelNotifier(None, WeComClient(wecom.url, "wwcorp", "s3cret", "1000002")))
        assert good.send_nudges(good.caller_for("m1"), employee_ids=["e1"]).sent == ["e1"]
        (sent,) = wecom.sent_messages()
        assert sent["touser"] == "w-e1"
        first = _notices(seeded)[0]
        assert (first.status, first.channel, first.message_id) == ("sent", "wecom", "m1")  # the fake WeCom API's msgid
        bad = HRService(seeded, policy, clock=clock,
                        notifier=ChannelNotifier(None, WeComClient(wecom.url, "wwcorp", "wrong", "1000002")))
        outcome = bad.send_nudges(bad.caller_for("m1"), employee_ids=["e2"])
        assert outcome.queued == ["e2"] and outcome.sent == []
        start = clock.now
        for minutes in (1, 11):  # policy notifications.retry_after_minutes [1, 10], max_delivery_attempts 3
            clock.now = start + timedelta(minutes=minutes)
            bad.deliver_pending()
    failed = _notices(seeded)[1]
    assert (failed.recipient_id, failed.status, failed.attempts, failed.message_id) == ("e2", "failed", 3, None)
    assert "invalid credential" in failed.reason and "40001" in failed.reason
    assert len(wecom.sent_messages()) == 1


def test_someone_no_channel_can_reach_fails_at_once_with_the_reason(seeded, policy, clock):
    with FakeSlackWebApi() as slack:
        hr = HRService(seeded, policy, clock=clock, notifier=ChannelNotifier(make_web_client("xoxb-t", slack.url)))
        with session_scope(seeded, write=True) as db:
            from hr.models import Employee

            e2 = db.get(Employee, "e2")
            e2.slack_user_id = None
            db.add(e2)
        outcome = hr.send_nudges(hr.caller_for("m1"))
    assert outcome.sent == ["e1"] and list(outcome.failed) == ["e2"] and "no configured channel" in outcome.failed["e2"]
    assert [n.status for n in _notices(seeded)] == ["sent", "failed"]


def test_overdue_notices_marked_sent_before_the_outbox_can_be_requeued(hr, seeded, clock):
    from datetime import date

    from hr.errors import HRError
    from hr.models import Enrollment

    with session_scope(seeded, write=True) as db:  # what the old fallback left: "sent", no channel, no message id
        overdue = db.exec(select(Enrollment).where(Enrollment.employee_id == "e2",
                                                   Enrollment.course_code == "CMP-101")).one()
        overdue.status = "overdue"
        db.add(overdue)
        db.add(NotificationLog(dedupe_key=f"overdue:{overdue.id}", recipient_id="e2", kind="overdue",
                               day=date(2026, 3, 21), created_at=clock.now, sent_at=clock.now, status="sent",
                               subject_ref=str(overdue.id), attempts=1))
    try:
        hr.requeue_unconfirmed_overdue(hr.caller_for("m1"))
        raise AssertionError("a manager may not requeue the outbox")
    except HRError as refused:
        assert refused.code == "forbidden"
    assert hr.requeue_unconfirmed_overdue(hr.caller_for("hr1")) == 1
    assert hr.notice_summary(hr.caller_for("hr1"))[0] == {"pending": 1}
    report = hr.deliver_pending()
    (row,) = _notices(seeded)
    assert list(report.sent) == [row.id] and (row.status, row.message_id) == ("sent", "rec-1")
    assert "CMP-101" in hr.notifier.sent[0].text_zh and "was due on 2026-03-20" in hr.notifier.sent[0].text_en
    assert hr.requeue_unconfirmed_overdue(hr.caller_for("hr1")) == 0  # it has a receipt now
