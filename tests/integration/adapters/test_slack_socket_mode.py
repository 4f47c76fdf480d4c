"""Socket Mode: the same bolt app over a WebSocket (fake Slack endpoint), acked, deduped, answered once."""

from __future__ import annotations

import json

from adapters.channels import build_channels
from adapters.fakes.slack_socket_mode import FakeSocketModeServer
from adapters.fakes.slack_web_api import BOT_USER_ID
from adapters.slack.socket_mode import socket_mode_handler
from tests.integration.adapters.conftest import channel_settings, event_body


def test_events_over_the_socket_are_acked_and_answered_once(tmp_path, fake_slack, chat, directory):
    """Events over the socket are acked and answered once."""
    channels = build_channels(channel_settings(tmp_path, fake_slack=fake_slack), chat, directory)
    with FakeSocketModeServer() as socket_server:
        fake_slack.socket_mode_url = socket_server.url
        handler = socket_mode_handler(channels.slack_app, "xapp-1-test")
        handler.connect()
        try:
            body = json.loads(event_body({"type": "app_mention", "user": "U_KNOWN", "channel": "C9", "ts": "9.1",
                                          "text": f"<@{BOT_USER_ID}> 年假?"}, "EvSocket"))
            envelopes = [socket_server.push_event(body, retry_attempt=n) for n in range(3)]
            acks = socket_server.wait_acks(3)
            assert sorted(a["envelope_id"] for a in acks) == sorted(envelopes)
            assert channels.queue.wait_idle(10)
            fake_slack.wait_for("chat.postMessage", 1, timeout=10)
        finally:
            handler.close()
    (reply,) = fake_slack.calls_to("chat.postMessage")
    assert reply.body["channel"] == "C9" and reply.body["thread_ts"] == "9.1"
    assert [m.text for m in chat.received] == ["年假?"]
    channels.close()
