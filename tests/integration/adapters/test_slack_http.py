"""Slack over real HTTP fakes: signed events in, exactly one reply out; retries, forgeries and stale requests."""

from __future__ import annotations

import json
import time
import urllib.parse

import pytest

from adapters.fakes.slack_web_api import BOT_USER_ID
from adapters.slack.render import encode_value
from bot.messages import Action
from tests.integration.adapters.conftest import channel_settings, event_body, signed_headers


@pytest.fixture
def slack(tmp_path, fake_slack, make_client):
    """(client, channels, fake) with only Slack mounted."""
    client, channels = make_client(channel_settings(tmp_path, fake_slack=fake_slack))
    return client, channels, fake_slack


def post(client, body: str, **headers):
    """POST a body to the Slack endpoint with Slack's signature headers."""
    return client.post("/slack/events", content=body, headers=signed_headers(body, **headers))


def mention(text: str = f"<@{BOT_USER_ID}> 年假有几天?", user: str = "U_KNOWN", ts: str = "1700000001.000100"):
    """An app_mention event in a public channel."""
    return {"type": "app_mention", "user": user, "text": text, "channel": "C0001", "ts": ts, "event_ts": ts}


def test_signed_mention_gets_exactly_one_threaded_reply(slack, chat):
    """Signed mention gets exactly one threaded reply."""
    client, channels, fake = slack
    response = post(client, event_body(mention()))
    assert response.status_code == 200
    assert channels.queue.wait_idle(10)
    posts = fake.calls_to("chat.postMessage")
    assert len(posts) == 1
    assert posts[0].body["channel"] == "C0001" and posts[0].body["thread_ts"] == "1700000001.000100"
    assert "You asked: 年假有几天?" in posts[0].body["text"]
    assert chat.received[0].employee_id == "E0001" and chat.received[0].shared is True
    blocks = posts[0].body["blocks"]
    assert any(b["type"] == "context" and "员工手册" in b["elements"][0]["text"] for b in blocks)


def test_three_retries_of_one_event_still_one_reply(slack):
    """Three retries of one event still one reply."""
    client, channels, fake = slack
    body = event_body(mention(), event_id="EvRetry")
    for retry in range(4):
        extra = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        assert post(client, body, **extra).status_code == 200
    assert channels.queue.wait_idle(10)
    assert len(fake.calls_to("chat.postMessage")) == 1


@pytest.mark.parametrize("headers", [
    {"X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": str(int(time.time()) - 301)},
    {"X-Slack-Signature": ""},
])
def test_forged_or_stale_requests_get_401_and_nothing_happens(slack, chat, headers):
    """Forged or stale requests get 401 and nothing happens."""
    client, channels, fake = slack
    body = event_body(mention(), event_id="EvForged")
    sent = signed_headers(body)
    if "X-Slack-Request-Timestamp" in headers:  # stale: correctly signed, but 301 s old
        sent = signed_headers(body, timestamp=int(headers["X-Slack-Request-Timestamp"]))
    else:
        sent.update(headers)
    response = client.post("/slack/events", content=body, headers=sent)
    assert response.status_code == 401
    assert channels.queue.wait_idle(5)
    assert fake.calls == [] and chat.received == []
    assert not channels.dedupe.seen("EvForged")


def test_body_signed_with_another_secret_is_rejected(slack, chat):
    """Body signed with another secret is rejected."""
    client, _, fake = slack
    body = event_body(mention(), event_id="EvOtherSecret")
    response = client.post("/slack/events", content=body, headers=signed_headers(body, secret="not-the-secret"))
    assert response.status_code == 401 and fake.calls == []


def test_url_verification_answers_the_challenge(slack):
    """Url verification answers the challenge."""
    client, _, fake = slack
    body = json.dumps({"token": "t", "challenge": "abc123", "type": "url_verification"})
    response = post(client, body)
    assert response.status_code == 200 and response.json() == {"challenge": "abc123"}


def test_dm_is_answered_in_the_dm(slack):
    """Dm is answered in the dm."""
    client, channels, fake = slack
    event = {"type": "message", "channel_type": "im", "user": "U_KNOWN", "text": "hello", "channel": "D0001",
             "ts": "1700000002.000100"}
    assert post(client, event_body(event, "EvDm")).status_code == 200
    assert channels.queue.wait_idle(10)
    (reply,) = fake.calls_to("chat.postMessage")
    assert reply.body["channel"] == "D0001" and "thread_ts" not in reply.body


def test_thread_follow_up_without_mention_only_where_the_bot_answered(slack, chat):
    """Thread follow up without mention only where the bot answered."""
    client, channels, fake = slack
    post(client, event_body(mention(ts="1700000003.000100"), "EvStart"))
    assert channels.queue.wait_idle(10)
    follow_up = {"type": "message", "channel_type": "channel", "user": "U_KNOWN", "text": "and sick leave?",
                 "channel": "C0001", "ts": "1700000003.000200", "thread_ts": "1700000003.000100"}
    other_thread = dict(follow_up, thread_ts="1699999999.000100", ts="1700000003.000300")
    post(client, event_body(follow_up, "EvFollow"))
    post(client, event_body(other_thread, "EvOther"))
    assert channels.queue.wait_idle(10)
    posts = fake.calls_to("chat.postMessage")
    assert len(posts) == 2 and all(p.body["thread_ts"] == "1700000003.000100" for p in posts)
    assert [m.text for m in chat.received] == ["年假有几天?", "and sick leave?"]


def test_personal_answer_in_a_channel_goes_to_the_dm(slack):
    """Personal answer in a channel goes to the dm."""
    client, channels, fake = slack
    post(client, event_body(mention(f"<@{BOT_USER_ID}> my progress"), "EvPrivate"))
    assert channels.queue.wait_idle(10)
    (dm,) = fake.calls_to("chat.postMessage")
    assert dm.body["channel"] == "DU_KNOWN" and "E0001" in dm.body["text"]
    (pointer,) = fake.calls_to("chat.postEphemeral")
    assert pointer.body["channel"] == "C0001" and pointer.body["user"] == "U_KNOWN"


def test_slash_command_answers_privately(slack, chat):
    """Slash command answers privately."""
    client, channels, fake = slack
    form = urllib.parse.urlencode({"command": "/mentor", "text": "年假", "user_id": "U_KNOWN", "channel_id": "C0001",
                                   "trigger_id": "T.1", "response_url": "http://127.0.0.1:9/unused",
                                   "team_id": "T0001"})
    response = client.post("/slack/events", content=form,
                           headers=signed_headers(form, **{"Content-Type": "application/x-www-form-urlencoded"}))
    assert response.status_code == 200 and "Thinking" in response.text
    assert channels.queue.wait_idle(10)
    (ephemeral,) = fake.calls_to("chat.postEphemeral")
    assert ephemeral.body["user"] == "U_KNOWN" and fake.calls_to("chat.postMessage") == []


def test_chart_is_uploaded_with_files_upload_v2(slack):
    """Chart is uploaded with files upload v2."""
    client, channels, fake = slack
    post(client, event_body({"type": "message", "channel_type": "im", "user": "U_KNOWN", "text": "chart please",
                             "channel": "D0001", "ts": "1700000004.000100"}, "EvChart"))
    assert channels.queue.wait_idle(10)
    assert len(fake.calls_to("files.getUploadURLExternal")) == 1
    uploads = [c for c in fake.calls if c.body.get("_path", "").startswith("/upload/")]
    assert len(uploads) == 1 and uploads[0].raw.startswith(b"\x89PNG")
    (complete,) = fake.calls_to("files.completeUploadExternal")
    assert complete.body["channel_id"] == "D0001"


def block_action_body(action: Action, action_id: str, user: str = "U_KNOWN") -> str:
    """An interactive payload for one pressed button, form-encoded like Slack sends it."""
    payload = {"type": "block_actions", "user": {"id": user}, "team": {"id": "T0001"}, "trigger_id": "trig.1",
               "channel": {"id": "D0001"}, "container": {"type": "message", "channel_id": "D0001"},
               "message": {"ts": "1700000005.000100", "blocks": [
                   {"type": "section", "text": {"type": "mrkdwn", "text": "Q1?"}},
                   {"type": "actions", "elements": [{"type": "button", "action_id": action_id}]}]},
               "api_app_id": "A1", "token": "t",
               "actions": [{"action_id": action_id, "block_id": "b1", "type": "button", "value": encode_value(action),
                            "text": {"type": "plain_text", "text": action.label},
                            "action_ts": "1700000006.000100"}]}
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def test_quiz_button_press_reaches_the_bot_as_an_action(slack, chat):
    """Quiz button press reaches the bot as an action."""
    client, channels, fake = slack
    body = block_action_body(Action(label="B. 10", kind="quiz_answer", value={"quiz": "q1", "choice": "B"}),
                             "mentor_quiz_answer_1")
    headers = signed_headers(body, **{"Content-Type": "application/x-www-form-urlencoded"})
    assert client.post("/slack/events", content=body, headers=headers).status_code == 200
    assert client.post("/slack/events", content=body, headers=headers).status_code == 200  # a double click
    assert channels.queue.wait_idle(10)
    assert [m.action for m in chat.received] == [{"kind": "quiz_answer", "quiz": "q1", "choice": "B"}]
    (reply,) = fake.calls_to("chat.postMessage")
    assert "quiz_answer B" in reply.body["text"] and reply.body["channel"] == "D0001" and "thread_ts" not in reply.body
    (update,) = fake.calls_to("chat.update")  # the buttons are replaced by the choice
    blocks = json.loads(update.body["blocks"]) if isinstance(update.body["blocks"], str) else update.body["blocks"]
    assert update.body["ts"] == "1700000005.000100" and [b["type"] for b in blocks] == ["section", "context"]
    assert "B. 10" in blocks[1]["elements"][0]["text"]


def test_feedback_button_is_stored(slack, chat):
    """Feedback button is stored."""
    client, channels, fake = slack
    body = block_action_body(Action(label="👍", kind="feedback", value={"ref": "Ev1", "helpful": True}),
                             "mentor_feedback_0")
    client.post("/slack/events", content=body,
                headers=signed_headers(body, **{"Content-Type": "application/x-www-form-urlencoded"}))
    assert channels.queue.wait_idle(10)
    assert channels.feedback.count(helpful=True) == 1 and chat.received == []
    assert len(fake.calls_to("chat.postMessage")) == 1  # the thank-you note in the DM


def test_user_found_by_email_and_stranger_gets_a_polite_message(slack, chat):
    """User found by email and stranger gets a polite message."""
    client, channels, fake = slack
    post(client, event_body(mention(user="U_EMAIL"), "EvEmail"))
    post(client, event_body(mention(user="U_STRANGER", ts="1700000007.000100"), "EvStranger"))
    assert channels.queue.wait_idle(10)
    assert [m.employee_id for m in chat.received] == ["E0002"]
    (polite,) = fake.calls_to("chat.postEphemeral")
    assert polite.body["user"] == "U_STRANGER" and "HR" in polite.body["text"]


def test_app_home_is_published(slack, chat):
    """App home is published."""
    client, channels, fake = slack
    post(client, event_body({"type": "app_home_opened", "user": "U_KNOWN", "channel": "D0001", "tab": "home"},
                            "EvHome"))
    assert channels.queue.wait_idle(10)
    (publish,) = fake.calls_to("views.publish")
    view = json.loads(publish.body["view"]) if isinstance(publish.body["view"], str) else publish.body["view"]
    assert view["type"] == "home" and publish.body["user_id"] == "U_KNOWN"
    assert any("SEC-101" in json.dumps(b, ensure_ascii=False) for b in view["blocks"])


def test_long_answer_splits_into_valid_block_kit_messages(slack):
    """Long answer splits into valid block kit messages."""
    client, channels, fake = slack
    post(client, event_body(mention(f"<@{BOT_USER_ID}> long"), "EvLong"))
    assert channels.queue.wait_idle(10)
    posts = fake.calls_to("chat.postMessage")
    assert len(posts) >= 1
    for p in posts:
        assert len(p.body["blocks"]) <= 50
        assert all(len(b["text"]["text"]) <= 3000 for b in p.body["blocks"] if b["type"] == "section")


def test_personal_answer_to_a_slash_command_stays_ephemeral(slack):
    """Personal answer to a slash command stays ephemeral."""
    client, channels, fake = slack
    form = urllib.parse.urlencode({"command": "/mentor", "text": "my progress", "user_id": "U_KNOWN",
                                   "channel_id": "C0001", "trigger_id": "T.2", "team_id": "T0001"})
    client.post("/slack/events", content=form,
                headers=signed_headers(form, **{"Content-Type": "application/x-www-form-urlencoded"}))
    assert channels.queue.wait_idle(10)
    (ephemeral,) = fake.calls_to("chat.postEphemeral")
    assert "E0001" in ephemeral.body["text"] and fake.calls_to("chat.postMessage") == []


@pytest.mark.parametrize("body,content_type", [
    ("not json", "application/json"), ("{", "application/json"), ("payload=%7Bbad", "application/x-www-form-urlencoded"),
    ('{"type":"event_callback","event_id":"EvBroken","event":{"type":"app_mention"}}', "application/json"),
    ('{"type":"event_callback","event":{"type":"app_mention","user":"U_KNOWN","channel":"C1","ts":"1"}}',
     "application/json"),
])
def test_malformed_payloads_never_crash_and_post_nothing(slack, chat, body, content_type):
    """Signed or not, a body we cannot use gets a clear status (never a 500) and nothing is answered."""
    client, channels, fake = slack
    signed = client.post("/slack/events", content=body, headers=signed_headers(body, **{"Content-Type": content_type}))
    unsigned = client.post("/slack/events", content=body, headers={"Content-Type": content_type})
    assert signed.status_code < 500 and unsigned.status_code in (400, 401)
    assert channels.queue.wait_idle(5)
    assert chat.received == [] and fake.calls_to("chat.postMessage") == []


class RefusingQueue:
    """A TaskQueue that cannot take work (Redis down, backlog full): the port's failure mode."""

    def enqueue(self, job, payload, job_id=None) -> None:
        """Always refuse."""
        raise ConnectionError("queue unavailable")

    def close(self) -> None:
        """Nothing to release."""


def test_event_not_queued_is_not_acked_and_its_retry_is_not_deduped(tmp_path, fake_slack, make_client):
    """If the reply cannot be queued Slack gets a 5xx and the event id is released for Slack's retry."""
    client, channels = make_client(channel_settings(tmp_path, fake_slack=fake_slack), queue=RefusingQueue())
    body = event_body(mention(), event_id="EvNoQueue")
    response = client.post("/slack/events", content=body, headers=signed_headers(body))
    assert response.status_code >= 500
    assert not channels.dedupe.seen("EvNoQueue")


def published_vector() -> dict | None:
    """Slack's documented signing example from ../shared/testdata (None when the folder is absent)."""
    from tests.unit.adapters.vectors import vectors

    return next((v for v in vectors("slack_vectors.json") if v["id"] == "slack-doc-example"), None)


@pytest.mark.parametrize("clock_at_vector_time", [True, False])
def test_published_slack_vector_through_the_endpoint(tmp_path, fake_slack, make_client, clock_at_vector_time):
    """Slack's own example passes verification at its timestamp (then is simply unhandled) and is stale today."""
    from adapters.slack.verify import FixedClock

    vector = published_vector()
    if vector is None:
        pytest.skip("shared Slack vectors not found at ../shared/testdata")
    clock = FixedClock(vector["now"]) if clock_at_vector_time else None
    client, channels = make_client(channel_settings(tmp_path, fake_slack=fake_slack), slack_clock=clock)
    headers = {**vector["headers"], "Content-Type": "application/x-www-form-urlencoded"}
    response = client.post("/slack/events", content=vector["body"], headers=headers)
    if clock_at_vector_time:
        assert response.status_code == 404  # verified; `/webhook-collect` is not our command
    else:
        assert response.status_code == 401  # the 2018 timestamp is far outside the 5-minute window
        assert fake_slack.calls == []


def test_a_failing_chat_turn_still_tells_the_person(slack):
    """The worker catches the failure and sends a short apology instead of silence."""
    client, channels, fake = slack
    post(client, event_body(mention(f"<@{BOT_USER_ID}> boom"), "EvBoom"))
    assert channels.queue.wait_idle(10)
    (sorry,) = fake.calls_to("chat.postEphemeral")
    assert "try again" in sorry.body["text"] and fake.calls_to("chat.postMessage") == []
