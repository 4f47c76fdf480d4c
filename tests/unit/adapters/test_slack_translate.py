"""Slack payloads -> SlackInbound: mentions, DMs, thread follow-ups, commands and button presses."""

from __future__ import annotations

from adapters.slack import translate


def test_mention_strips_the_mention_and_answers_in_the_thread():
    """Mention strips the mention and answers in the thread."""
    event = {"user": "U1", "channel": "C1", "text": "<@UBOT>  年假?", "ts": "1.1"}
    inbound = translate.from_mention(event, "Ev1")
    assert (inbound.text, inbound.thread_ts, inbound.shared) == ("年假?", "1.1", True)
    assert translate.from_mention(dict(event, thread_ts="0.9"), "Ev1").thread_ts == "0.9"


def test_messages_from_bots_edits_and_ourselves_are_ignored():
    """Messages from bots edits and ourselves are ignored."""
    base = {"user": "U1", "channel": "D1", "channel_type": "im", "text": "hi", "ts": "1"}
    assert translate.from_message(dict(base, subtype="message_changed"), "E", "UBOT") is None
    assert translate.from_message(dict(base, bot_id="B1"), "E", "UBOT") is None
    assert translate.from_message(dict(base, user="UBOT"), "E", "UBOT") is None
    assert translate.from_message(base, "E", "UBOT").shared is False


def test_channel_messages_only_count_as_thread_follow_ups_without_a_new_mention():
    """Channel messages only count as thread follow ups without a new mention."""
    base = {"user": "U1", "channel": "C1", "channel_type": "channel", "text": "more?", "ts": "2"}
    assert translate.from_message(base, "E", "UBOT") is None  # top-level channel chatter
    follow = translate.from_message(dict(base, thread_ts="1"), "E", "UBOT")
    assert follow.thread_ts == "1" and follow.shared
    assert translate.from_message(dict(base, thread_ts="1", text="<@UBOT> more?"), "E", "UBOT") is None


def test_slash_command_is_private_in_channels_and_plain_in_dms():
    """Slash command is private in channels and plain in dms."""
    body = {"user_id": "U1", "channel_id": "C1", "text": " leave ", "trigger_id": "t1"}
    inbound = translate.from_command(body)
    assert (inbound.text, inbound.ephemeral, inbound.message_id) == ("leave", True, "t1")
    assert translate.from_command(dict(body, channel_id="D1")).ephemeral is False


def test_payload_round_trip():
    """Payload round trip."""
    inbound = translate.from_mention({"user": "U1", "channel": "C1", "text": "x", "ts": "1"}, "Ev")
    assert translate.SlackInbound.from_payload(inbound.to_payload()) == inbound


def test_button_on_an_ephemeral_message_keeps_the_answer_private():
    """A quiz sent by /mentor is ephemeral; answering it must not post the result in the channel."""
    body = {"user": {"id": "U1"}, "channel": {"id": "C1"}, "trigger_id": "t",
            "container": {"type": "message", "channel_id": "C1", "is_ephemeral": True}}
    action = {"action_id": "mentor_quiz_answer_0", "action_ts": "1.2", "text": {"text": "A"}}
    inbound = translate.from_block_action(body, action, {"kind": "quiz_answer"})
    assert inbound.ephemeral and inbound.shared and inbound.pressed is None
