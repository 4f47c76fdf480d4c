"""Events API envelope -> job: the one decision the HTTP ack path and bolt's listeners share."""

from __future__ import annotations

from adapters.slack.events import event_job
from adapters.slack.responder import HOME_JOB, REPLY_JOB
from adapters.turn_guard import QUEUE_TEXT_CHARS


def envelope(event: dict, event_id: str = "Ev1") -> dict:
    """An event_callback around one event."""
    return {"type": "event_callback", "event_id": event_id, "event": event}


def test_a_mention_becomes_a_reply_job_keyed_by_the_event_id():
    """A mention becomes a reply job keyed by the event id, answered in its thread, no thread check."""
    job = event_job(envelope({"type": "app_mention", "user": "U1", "channel": "C1", "text": "<@UBOT> 年假?",
                              "ts": "1.1"}), "UBOT")
    assert (job.key, job.job, job.thread) == ("Ev1", REPLY_JOB, None)
    assert job.payload["text"] == "年假?" and job.payload["thread_ts"] == "1.1"


def test_a_thread_reply_needs_a_thread_the_bot_answered_in_and_a_dm_does_not():
    """A channel thread reply carries the thread key to check; a DM carries none."""
    reply = event_job(envelope({"type": "message", "user": "U1", "channel": "C1", "channel_type": "channel",
                                "text": "more?", "ts": "2", "thread_ts": "1"}), "UBOT")
    assert reply.thread == "slack-thread:C1:1"
    dm = event_job(envelope({"type": "message", "user": "U1", "channel": "D1", "channel_type": "im", "text": "hi",
                             "ts": "3"}), "UBOT")
    assert dm.job == REPLY_JOB and dm.thread is None


def test_own_messages_edits_other_tabs_and_unknown_events_are_not_queued():
    """The bot's own events, edits, the Messages tab and unknown event types queue nothing."""
    assert event_job(envelope({"type": "app_mention", "user": "UBOT", "channel": "C1", "ts": "1"}), "UBOT") is None
    assert event_job(envelope({"type": "message", "subtype": "message_changed", "user": "U1", "channel": "D1",
                               "channel_type": "im", "ts": "1"}), "UBOT") is None
    assert event_job(envelope({"type": "app_home_opened", "user": "U1", "tab": "messages"}), "UBOT") is None
    assert event_job(envelope({"type": "reaction_added", "user": "U1"}), "UBOT") is None
    home = event_job(envelope({"type": "app_home_opened", "user": "U1", "tab": "home"}, "EvH"), "UBOT")
    assert (home.key, home.job, home.payload) == ("EvH", HOME_JOB, {"user": "U1"})


def test_an_oversized_message_is_clipped_to_one_past_the_cap():
    """A megabyte of text is not carried to the worker: one character past the cap is enough to refuse it."""
    job = event_job(envelope({"type": "app_mention", "user": "U1", "channel": "C1", "ts": "1",
                              "text": "字" * (QUEUE_TEXT_CHARS * 3)}), "UBOT")
    assert len(job.payload["text"]) == QUEUE_TEXT_CHARS + 1
