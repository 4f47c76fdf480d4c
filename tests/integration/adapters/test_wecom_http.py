"""WeCom callback over HTTP with a fake WeCom API: Tencent's vectors, empty 200 at once, one reply, 4xx on bad input."""

from __future__ import annotations

import json
import time
import urllib.parse
from pathlib import Path

import pytest

from adapters.fakes.chat import ScriptedChat, StaticDirectory
from adapters.wecom.crypto import WeComCrypto
from adapters.wecom.parse import encode_button_key
from adapters.wecom.render import MAX_CONTENT_BYTES
from tests.integration.adapters.conftest import WECOM, channel_settings

VECTORS = Path(__file__).resolve().parents[3].parent / "shared" / "testdata" / "wecom_vectors.json"


def load_vectors(kind: str) -> list[dict]:
    """Vectors of one kind from ../shared/testdata (relative to the repo root)."""
    if not VECTORS.exists():
        return []
    return [v for v in json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"] if v["kind"] == kind]


requires_vectors = pytest.mark.skipif(not VECTORS.exists(), reason=f"shared test vectors not found at {VECTORS}")


@pytest.fixture
def wecom(tmp_path, fake_wecom, make_client):
    """(client, channels, fake) with only WeCom mounted, replay window on (300 s)."""
    client, channels = make_client(channel_settings(tmp_path, fake_wecom=fake_wecom))
    return client, channels, fake_wecom


def encrypted_post(client, inner_xml: str, timestamp: str | None = None, nonce: str = "12345",
                   receive_id: str = WECOM["corp_id"], tamper: bool = False):
    """Encrypt like WeCom does and POST the envelope with its signature."""
    timestamp = timestamp or str(int(time.time()))
    crypto = WeComCrypto(WECOM["token"], WECOM["aes_key"], receive_id)
    encrypted, signature = crypto.encrypt(inner_xml, timestamp, nonce)
    if tamper:
        signature = "0" * 40
    body = f"<xml><ToUserName><![CDATA[{WECOM['corp_id']}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt>" \
           f"<AgentID><![CDATA[1000002]]></AgentID></xml>"
    query = urllib.parse.urlencode({"msg_signature": signature, "timestamp": timestamp, "nonce": nonce})
    return client.post(f"/wecom/callback?{query}", content=body.encode("utf-8"))


def text_message(content: str, user: str = "zhangsan", msg_id: str = "100001") -> str:
    """The decrypted XML of a text message."""
    return (f"<xml><ToUserName><![CDATA[{WECOM['corp_id']}]]></ToUserName><FromUserName><![CDATA[{user}]]>"
            f"</FromUserName><CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId><AgentID>1000002</AgentID></xml>")


@requires_vectors
@pytest.mark.parametrize("vector", load_vectors("verify_url"), ids=lambda v: v["id"])
def test_url_verification_with_tencent_vectors(tmp_path, chat, vector):
    """Url verification with tencent vectors."""
    from adapters.api.app import create_app
    from adapters.channels import build_channels
    from adapters.settings import WeComSettings

    settings = channel_settings(tmp_path)
    settings.wecom = WeComSettings(corp_id=vector["receive_id"], agent_id="1", secret="s", token=vector["token"],
                                   aes_key=vector["encoding_aes_key"], api_url="http://127.0.0.1:9/", max_skew_s=0)
    channels = build_channels(settings, chat, StaticDirectory())
    from fastapi.testclient import TestClient

    with TestClient(create_app(settings, channels)) as client:
        query = urllib.parse.urlencode({k: vector[k] for k in ("msg_signature", "timestamp", "nonce", "echostr")})
        response = client.get(f"/wecom/callback?{query}")
    channels.close()
    if vector["expected_valid"]:
        assert response.status_code == 200 and response.text == vector["expected_plaintext"]
    else:
        assert response.status_code == 403


@requires_vectors
@pytest.mark.parametrize("vector", [v for v in load_vectors("decrypt_msg") if v["format"] == "xml"],
                         ids=lambda v: v["id"])
def test_callback_with_tencent_message_vectors(tmp_path, vector):
    """The official POST bodies: valid ones are accepted (empty 200) and answered once; a bad signature gets 403."""
    from fastapi.testclient import TestClient

    from adapters.api.app import create_app
    from adapters.channels import build_channels
    from adapters.fakes.wecom_api import FakeWeComApi
    from adapters.settings import WeComSettings

    chat = ScriptedChat()
    with FakeWeComApi(corp_id=vector["receive_id"], secret="s") as fake:
        settings = channel_settings(tmp_path)
        settings.wecom = WeComSettings(corp_id=vector["receive_id"], agent_id="218", secret="s", token=vector["token"],
                                       aes_key=vector["encoding_aes_key"], api_url=fake.url, max_skew_s=0)
        directory = StaticDirectory(wecom={"mycreate": "E0004", "messense": "E0005", "ChenJiaShun": "E0006"})
        channels = build_channels(settings, chat, directory)
        with TestClient(create_app(settings, channels)) as client:
            query = urllib.parse.urlencode({k: vector[k] for k in ("msg_signature", "timestamp", "nonce")})
            body = vector.get("post_body") or f"<xml><Encrypt><![CDATA[{vector['encrypt']}]]></Encrypt></xml>"
            responses = [client.post(f"/wecom/callback?{query}", content=body.encode()) for _ in range(3)]
            assert channels.queue.wait_idle(10)
        channels.close()
        if vector["expected_valid"]:
            assert all(r.status_code == 200 and r.content == b"" for r in responses)
            assert len(fake.sent_messages()) == 1
            assert len(chat.received) == 1
        else:
            assert all(r.status_code == 403 for r in responses) and fake.calls == [] and chat.received == []


def test_text_message_gets_empty_200_and_one_active_reply(wecom, chat):
    """Text message gets empty 200 and one active reply."""
    client, channels, fake = wecom
    response = encrypted_post(client, text_message("年假有几天?"))
    assert response.status_code == 200 and response.content == b""
    assert channels.queue.wait_idle(10)
    (sent,) = fake.sent_messages()
    assert sent["touser"] == "zhangsan" and sent["msgtype"] == "markdown" and sent["agentid"] == 1000002
    assert "年假有几天?" in sent["markdown"]["content"]
    assert chat.received[0].employee_id == "E0003" and chat.received[0].channel == "wecom"


def test_retried_message_is_answered_once(wecom):
    """Retried message is answered once."""
    client, channels, fake = wecom
    for _ in range(3):
        assert encrypted_post(client, text_message("hi", msg_id="777")).status_code == 200
    assert channels.queue.wait_idle(10)
    assert len(fake.sent_messages()) == 1
    assert len(fake.calls_to("gettoken")) == 1


def test_long_chinese_answer_is_split_in_order_within_2048_bytes(wecom):
    """Long chinese answer is split in order within 2048 bytes."""
    client, channels, fake = wecom
    encrypted_post(client, text_message("long"))
    assert channels.queue.wait_idle(10)
    parts = [m["markdown"]["content"] for m in fake.sent_messages()]
    assert len(parts) > 5
    assert all(len(p.encode("utf-8")) <= MAX_CONTENT_BYTES for p in parts)
    expected = ScriptedChat().handle(__import__("bot.messages").messages.IncomingMessage("E", "long")).text
    joined = "\n".join(parts)
    assert joined.startswith(expected.rstrip("\n")[:1000])
    numbers = [int(line[1:line.index("段")]) for line in joined.splitlines() if line.startswith("第")]
    assert numbers == list(range(400))


def test_expired_token_is_refetched_and_the_send_retried(wecom):
    """Expired token is refetched and the send retried."""
    client, channels, fake = wecom
    encrypted_post(client, text_message("one", msg_id="1"))
    assert channels.queue.wait_idle(10)
    fake.expire_next_send = True
    encrypted_post(client, text_message("two", msg_id="2"))
    assert channels.queue.wait_idle(10)
    assert len(fake.calls_to("gettoken")) == 2
    assert [m["markdown"]["content"].split("\n")[0] for m in fake.sent_messages()] == [
        "您问的是 You asked: one [1]", "您问的是 You asked: two [1]"]


def test_quiz_buttons_are_template_cards_and_a_click_comes_back_as_an_action(wecom, chat):
    """Quiz buttons are template cards and a click comes back as an action."""
    client, channels, fake = wecom
    encrypted_post(client, text_message("quiz", msg_id="q"))
    assert channels.queue.wait_idle(10)
    card = fake.sent_messages()[-1]
    assert card["msgtype"] == "template_card"
    buttons = card["template_card"]["button_list"]
    assert [b["text"] for b in buttons] == ["A. 5", "B. 10"]
    click = (f"<xml><ToUserName><![CDATA[{WECOM['corp_id']}]]></ToUserName><FromUserName><![CDATA[zhangsan]]>"
             f"</FromUserName><CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
             f"<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[{buttons[1]['key']}]]></EventKey>"
             f"<TaskId><![CDATA[{card['template_card']['task_id']}]]></TaskId><AgentID>1000002</AgentID>"
             f"<ResponseCode><![CDATA[rc-123]]></ResponseCode></xml>")
    assert encrypted_post(client, click).status_code == 200
    assert channels.queue.wait_idle(10)
    assert chat.received[-1].action == {"kind": "quiz_answer", "quiz": "q1", "choice": "B"}
    assert "quiz_answer B" in fake.sent_messages()[-1]["markdown"]["content"]
    (update,) = fake.calls_to("update_template_card")  # the card's buttons now show the choice
    assert update.body["response_code"] == "rc-123" and update.body["button"]["replace_name"] == "已选择 B. 10"


def test_feedback_key_round_trip_is_stored(wecom, chat):
    """Feedback key round trip is stored."""
    client, channels, fake = wecom
    key = encode_button_key({"kind": "feedback", "ref": "m1", "helpful": False})
    click = (f"<xml><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1</CreateTime>"
             f"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
             f"<EventKey><![CDATA[{key}]]></EventKey></xml>")
    encrypted_post(client, click)
    assert channels.queue.wait_idle(10)
    assert channels.feedback.count(helpful=False) == 1 and chat.received == []


def test_unknown_member_gets_a_polite_message(wecom, chat):
    """Unknown member gets a polite message."""
    client, channels, fake = wecom
    encrypted_post(client, text_message("hi", user="nobody", msg_id="n1"))
    assert channels.queue.wait_idle(10)
    (sent,) = fake.sent_messages()
    assert sent["touser"] == "nobody" and "HR" in sent["markdown"]["content"] and chat.received == []


@pytest.mark.parametrize("case", ["malformed_xml", "wrong_receive_id", "bad_signature", "stale", "oversized",
                                  "no_encrypt", "not_base64", "inner_xml_malformed"])
def test_bad_callbacks_get_4xx_and_nothing_is_processed(wecom, chat, case):
    """Bad callbacks get 4xx and nothing is processed."""
    client, channels, fake = wecom
    now = str(int(time.time()))
    if case == "malformed_xml":
        query = urllib.parse.urlencode({"msg_signature": "x", "timestamp": now, "nonce": "1"})
        response = client.post(f"/wecom/callback?{query}", content=b"<xml><Encrypt>oops</xml")
        expected = 400
    elif case == "wrong_receive_id":
        response = encrypted_post(client, text_message("hi"), receive_id="wwSomeOtherCorp")
        expected = 400
    elif case == "bad_signature":
        response = encrypted_post(client, text_message("hi"), tamper=True)
        expected = 403
    elif case == "stale":
        response = encrypted_post(client, text_message("hi"), timestamp=str(int(time.time()) - 301))
        expected = 403
    elif case == "oversized":
        query = urllib.parse.urlencode({"msg_signature": "x", "timestamp": now, "nonce": "1"})
        response = client.post(f"/wecom/callback?{query}", content=b"<xml>" + b"A" * 70_000 + b"</xml>")
        expected = 413
    elif case == "no_encrypt":
        query = urllib.parse.urlencode({"msg_signature": "x", "timestamp": now, "nonce": "1"})
        response = client.post(f"/wecom/callback?{query}", content=b"<xml><Other>1</Other></xml>")
        expected = 400
    elif case == "not_base64":
        from adapters.wecom.crypto import signature

        sig = signature(WECOM["token"], now, "1", "@@@notbase64@@@")
        query = urllib.parse.urlencode({"msg_signature": sig, "timestamp": now, "nonce": "1"})
        response = client.post(f"/wecom/callback?{query}", content=b"<xml><Encrypt>@@@notbase64@@@</Encrypt></xml>")
        expected = 400
    else:
        response = encrypted_post(client, "<xml><FromUserName>zhangsan</FromUserName><MsgType>text")
        expected = 400
    assert response.status_code == expected
    assert channels.queue.wait_idle(5)
    assert fake.calls == [] and chat.received == []
    # the app is still healthy afterwards
    assert client.get("/health").json() == {"status": "ok"}


@requires_vectors
def test_unencoded_plus_in_echostr_still_verifies(tmp_path, chat):
    """Some proxies forward echostr without URL-encoding; '+' then arrives as a space."""
    from fastapi.testclient import TestClient

    from adapters.api.app import create_app
    from adapters.channels import build_channels
    from adapters.settings import WeComSettings

    vector = next(v for v in load_vectors("verify_url") if "+" in v["echostr"] and v["expected_valid"])
    settings = channel_settings(tmp_path)
    settings.wecom = WeComSettings(corp_id=vector["receive_id"], agent_id="1", secret="s", token=vector["token"],
                                   aes_key=vector["encoding_aes_key"], api_url="http://127.0.0.1:9/", max_skew_s=0)
    channels = build_channels(settings, chat, StaticDirectory())
    with TestClient(create_app(settings, channels)) as client:
        raw = "&".join(f"{k}={vector[k]}" for k in ("msg_signature", "timestamp", "nonce", "echostr"))
        response = client.get(f"/wecom/callback?{raw}")
    channels.close()
    assert response.status_code == 200 and response.text == vector["expected_plaintext"]


def test_message_not_queued_gets_a_5xx_and_is_released_for_the_retry(tmp_path, fake_wecom, make_client):
    """WeCom retries a failed callback; the MsgId must not stay claimed when nothing was queued."""
    from tests.integration.adapters.test_slack_http import RefusingQueue

    client, channels = make_client(channel_settings(tmp_path, fake_wecom=fake_wecom), queue=RefusingQueue())
    client_no_raise = type(client)(client.app, raise_server_exceptions=False)
    response = encrypted_post(client_no_raise, text_message("hi", msg_id="555"))
    assert response.status_code == 500
    assert not channels.dedupe.seen("wecom:555") and fake_wecom.calls == []


def test_a_failing_chat_turn_still_tells_the_member(wecom):
    """The worker sends a short apology instead of silence."""
    client, channels, fake = wecom
    encrypted_post(client, text_message("boom", msg_id="b1"))
    assert channels.queue.wait_idle(10)
    (sorry,) = fake.sent_messages()
    assert "try again" in sorry["markdown"]["content"]


def test_chart_is_uploaded_then_sent_as_an_image(wecom):
    """Charts go through media/upload and an image message, after the text."""
    client, channels, fake = wecom
    encrypted_post(client, text_message("chart", msg_id="c1"))
    assert channels.queue.wait_idle(10)
    (upload,) = fake.calls_to("upload")
    assert upload.query["type"] == "image" and b"\x89PNG" in upload.raw
    assert [m["msgtype"] for m in fake.sent_messages()] == ["markdown", "image"]
    assert fake.sent_messages()[1]["image"]["media_id"] == "MEDIA1"
