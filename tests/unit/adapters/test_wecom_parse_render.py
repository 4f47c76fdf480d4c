"""WeCom envelopes and messages (XML and JSON), button keys, and reply rendering within 2,048 bytes."""

from __future__ import annotations

import pytest

from adapters.wecom.parse import (
    WeComInputError,
    decode_button_key,
    encode_button_key,
    extract_encrypt,
    parse_message,
)
from adapters.wecom.render import MAX_CONTENT_BYTES, render_reply
from bot.messages import Action, Attachment, BotReply, Citation


def test_encrypt_field_from_xml_and_both_json_spellings():
    """Encrypt field from xml and both json spellings."""
    assert extract_encrypt(b"<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>") == "abc"
    assert extract_encrypt(b'{"Encrypt": "abc", "AgentID": 1}') == "abc"
    assert extract_encrypt(b'{ "tousername": "x", "encrypt": "abc" }') == "abc"


@pytest.mark.parametrize("body", [b"<xml><Encrypt>", b"{bad json", b"<xml></xml>", b'{"x": 1}', b"",
                                  b'<!DOCTYPE x [<!ENTITY a "aaaa">]><xml><Encrypt>&a;</Encrypt></xml>'])
def test_unreadable_envelopes_raise_input_errors(body):
    """Unreadable envelopes raise input errors."""
    with pytest.raises(WeComInputError):
        extract_encrypt(body)


def test_text_message_dedupes_on_msg_id_and_events_on_sender_and_time():
    """Text message dedupes on msg id and events on sender and time."""
    text = parse_message("<xml><FromUserName>u1</FromUserName><CreateTime>5</CreateTime><MsgType>text</MsgType>"
                         "<Content>你好</Content><MsgId>99</MsgId></xml>")
    assert (text.user, text.text, text.dedupe_key) == ("u1", "你好", "wecom:99")
    event = parse_message("<xml><FromUserName>u1</FromUserName><CreateTime>5</CreateTime><MsgType>event</MsgType>"
                          "<Event>enter_agent</Event></xml>")
    assert event.dedupe_key == "wecom:u1:5:enter_agent" and event.action is None


def test_message_without_sender_is_an_input_error():
    """Message without sender is an input error."""
    with pytest.raises(WeComInputError):
        parse_message("<xml><MsgType>text</MsgType></xml>")


def test_button_keys_round_trip_and_foreign_keys_are_ignored():
    """Button keys round trip and foreign keys are ignored."""
    key = encode_button_key({"kind": "confirm", "plan": "enroll:SEC-101"})
    assert decode_button_key(key) == {"kind": "confirm", "plan": "enroll:SEC-101"}
    assert decode_button_key("other:abc") is None and decode_button_key("mentor:%%%") is None


def test_render_puts_text_first_then_images_then_button_cards():
    """Render puts text first then images then button cards."""
    reply = BotReply(text="答案 [1]", citations=[Citation(1, "s", "手册", "年假", "c1", "t", page=2)],
                     attachments=[Attachment("c.png", b"png")], notice="离线回答 offline",
                     actions=[Action(f"选项{i}", "quiz_answer", {"choice": i}) for i in range(8)])
    parts = render_reply(reply, "ref")
    assert parts[0].body["msgtype"] == "markdown"
    assert "> [1] 手册 › 年假 (p.2)" in parts[0].body["markdown"]["content"]
    assert parts[1].image.filename == "c.png"
    cards = [p.body["template_card"] for p in parts[2:]]
    assert [len(c["button_list"]) for c in cards] == [6, 2]
    assert cards[0]["card_type"] == "button_interaction" and cards[0]["task_id"] != cards[1]["task_id"]
    assert decode_button_key(cards[1]["button_list"][1]["key"]) == {"kind": "quiz_answer", "label": "选项7", "choice": 7}


def test_render_splits_long_chinese_into_ordered_parts():
    """Render splits long chinese into ordered parts."""
    text = "".join(f"{i:04d}员工培训制度。" for i in range(1000))
    parts = render_reply(BotReply(text=text), "r")
    contents = [p.body["markdown"]["content"] for p in parts]
    assert all(len(c.encode()) <= MAX_CONTENT_BYTES for c in contents)
    assert "".join(contents) == text
