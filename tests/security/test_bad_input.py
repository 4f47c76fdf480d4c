"""Finding 8 (and the message caps of finding 3): bad input gets a clear 4xx, never a 500 or a traceback, and
never an echo of the input; personal responses are not cached; tokens only for people HR knows."""

from __future__ import annotations

import json
import time

import pytest

from tests.integration.adapters.conftest import event_body, signed_headers

UNSIGNED_SHAPES = ["[]", "[1, 2, 3]", '"a string"', "42", "null", "true", "{", "\xff\xfe", "[" * 5000 + "]" * 5000,
                   '{"a":' * 3000 + "1" + "}" * 3000, "payload=%7B%22type%22%3A1", "payload=not-json", ""]


def test_unsigned_slack_bodies_of_any_shape_are_a_401(full_app):
    """Arrays, strings, numbers, null, deep nesting, bad timestamps: refused before anything parses them."""
    client, _channels, _token = full_app
    for body in UNSIGNED_SHAPES:
        for timestamp in ("", "abc", "1" * 5000, "１２３", str(int(time.time()))):
            response = client.post("/slack/events", content=body.encode("utf-8", "surrogatepass"),
                                   headers={"X-Slack-Request-Timestamp": timestamp.encode("utf-8"),
                                            "X-Slack-Signature": "v0=" + "1" * 64,
                                            "Content-Type": "application/json"})
            assert response.status_code == 401, (body[:20], timestamp[:20], response.status_code)


def test_signed_but_odd_slack_bodies_are_a_4xx_not_a_500(full_app):
    """Even a correctly signed body of the wrong shape is the sender's problem."""
    client, _channels, _token = full_app
    for body in ("[]", '"x"', "42", "null", "[" * 3000 + "]" * 3000, "payload=%5B%5D", "payload=x", "{}",
                 '{"event": null}', '{"event": 1}', '{"type": ["x"]}', "payload=%7B%22event%22%3A+null%7D",
                 '{"type": "block_actions", "actions": [1]}'):
        response = client.post("/slack/events", content=body, headers=signed_headers(body))
        assert 200 <= response.status_code < 500, (body[:20], response.status_code)


def test_wecom_timestamps_that_are_not_short_ascii_digits_are_a_400(full_app):
    """A 5,000-digit timestamp (int() refuses it) and other digit look-alikes are a 400 on GET and POST."""
    client, _channels, _token = full_app
    for timestamp in ("9" * 5000, "１２３", "²", "-1", "1e9", " 1"):
        query = {"msg_signature": "x", "timestamp": timestamp, "nonce": "n"}
        assert client.get("/wecom/callback", params={**query, "echostr": "e"}).status_code == 400, timestamp
        assert client.post("/wecom/callback", params=query, content=b"<xml/>").status_code == 400, timestamp


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


@pytest.mark.parametrize("field", ["text", "thread_id", "action"])
def test_a_lone_surrogate_is_a_422_not_a_500(full_app, chat, field):
    """`\\ud800` in any string field of /api/chat."""
    client, _channels, token = full_app
    payload = {"text": "hi", field: {"kind": "quiz_answer", "choice": "\ud800"} if field == "action" else "\ud800"}
    raw = json.dumps(payload)  # json keeps the surrogate as the escape \ud800
    response = client.post("/api/chat", content=raw, headers=_auth(token))
    assert response.status_code == 422 and "\\ud800" not in response.text
    assert client.post("/api/feedback", content='{"message_ref": "\\ud800", "helpful": true}',
                       headers=_auth(token)).status_code == 422
    assert chat.received == []


def test_a_422_never_echoes_the_input(full_app):
    """An over-long text or a wrong type: the error names the field, not the 30,000 characters sent."""
    client, _channels, token = full_app
    secretish = "Z" * 30_000
    response = client.post("/api/chat", json={"text": secretish}, headers=_auth(token))
    assert response.status_code == 422 and len(response.content) < 2_000 and "ZZZZZZZZ" not in response.text
    wrong = client.post("/api/chat", json={"text": ["Z" * 5000]}, headers=_auth(token))
    assert wrong.status_code == 422 and "ZZZZZZZZ" not in wrong.text


def test_over_long_messages_are_refused_in_the_senders_language(full_app, chat):
    """Finding 3's cap through the API: 422 in Chinese for Chinese, English for English; the stream says it too."""
    client, channels, token = full_app
    cap = channels.settings.api.max_message_chars
    zh = client.post("/api/chat", json={"text": "年假" * cap}, headers=_auth(token))
    en = client.post("/api/chat", json={"text": "leave " * cap}, headers=_auth(token))
    assert zh.status_code == 422 and "字" in zh.json()["detail"] and f"{cap:,}" in zh.json()["detail"]
    assert en.status_code == 422 and "character limit" in en.json()["detail"] and len(en.content) < 1_000
    stream = client.post("/api/chat/stream", json={"text": "年假" * cap}, headers=_auth(token))
    assert stream.status_code == 200 and "event: error" in stream.text and "字" in stream.text
    assert chat.received == []


def test_a_huge_or_deep_button_value_never_reaches_the_conversation(full_app, chat):
    """A 5 MB value is cut off by the body cap; a 10 KB or deeply nested one is a 422; nothing is stored."""
    client, _channels, token = full_app
    big = client.post("/api/chat", json={"action": {"kind": "quiz_answer", "choice": "A" * 5_000_000}},
                      headers=_auth(token))
    medium = client.post("/api/chat", json={"action": {"kind": "quiz_answer", "choice": "A" * 10_000}},
                         headers=_auth(token))
    deep: dict = {"kind": "confirm"}
    node = deep
    for _ in range(10):
        node["x"] = {}
        node = node["x"]
    nested = client.post("/api/chat", json={"action": deep}, headers=_auth(token))
    assert (big.status_code, medium.status_code, nested.status_code) == (413, 422, 422)
    assert chat.received == []


def test_personal_responses_are_never_cached(full_app):
    """Every /api/* answer (chat, me, progress, KPI, errors) carries Cache-Control: no-store."""
    client, _channels, token = full_app
    for method, path, body in (("GET", "/api/me", None), ("POST", "/api/chat", {"text": "my progress"}),
                               ("POST", "/api/chat/stream", {"text": "hi"}), ("GET", "/api/progress", None),
                               ("GET", "/api/kpi", None), ("GET", "/api/reports/completion", None),
                               ("GET", "/api/nope", None)):
        response = client.request(method, path, json=body, headers=_auth(token))
        assert response.headers.get("cache-control") == "no-store", (path, response.headers)
    assert client.get("/api/kpi").headers.get("cache-control") == "no-store"  # the 401 too


def test_ready_does_not_show_internal_paths(tmp_path, make_client):
    """/ready is unauthenticated: it lists channel states, not the ingest folder."""
    from tests.integration.adapters.conftest import channel_settings

    settings = channel_settings(tmp_path, ingest_root=tmp_path / "secret-folder")
    client, _channels = make_client(settings, index=object())  # an index (unused here) turns ingestion on
    body = client.get("/ready").text
    assert "ingest" in body and "secret-folder" not in body and str(tmp_path) not in body


def test_tokens_are_issued_only_to_employees_hr_knows(tmp_path, monkeypatch):
    """`mentor tokens create` refuses unknown ids and refuses before any HR records exist."""
    from typer.testing import CliRunner

    from adapters.cli.main import build_app
    from tests.unit.adapters.test_channel_cmds import _one_employee

    monkeypatch.setenv("MENTOR_HOME", str(tmp_path))
    for name in ("MENTOR_REDIS_URL", "MENTOR_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()
    before = runner.invoke(build_app(), ["tokens", "create", "--employee", "E0001"])
    assert before.exit_code == 1 and "mentor org import" in before.output and "mtr_" not in before.stdout
    _one_employee(tmp_path)
    unknown = runner.invoke(build_app(), ["tokens", "create", "--employee", "E9999"])
    assert unknown.exit_code == 1 and "E9999" in unknown.output and "mtr_" not in unknown.stdout
    known = runner.invoke(build_app(), ["tokens", "create", "--employee", "E0001"])
    assert known.exit_code == 0 and known.stdout.startswith("mtr_")


def test_slack_and_wecom_messages_over_the_cap_are_answered_with_a_notice(full_app, chat, fake_slack, fake_wecom):
    """Finding 3 on the chat platforms: the person is told (in their language); the bot never sees the text."""
    from adapters.wecom.crypto import WeComCrypto
    from tests.integration.adapters.conftest import WECOM

    client, channels, _token = full_app
    cap = channels.settings.api.max_message_chars
    event = {"type": "app_mention", "user": "U_KNOWN", "text": "<@UBOT> " + "年假" * 50_000, "channel": "C1",
             "ts": "1700000001.000100"}
    body = event_body(event, "EvLong1")
    assert client.post("/slack/events", content=body, headers=signed_headers(body)).status_code == 200
    crypto = WeComCrypto(WECOM["token"], WECOM["aes_key"], WECOM["corp_id"])
    xml = (f"<xml><ToUserName>{WECOM['corp_id']}</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1"
           f"</CreateTime><MsgType>text</MsgType><Content>{'leave ' * (cap // 2)}</Content><MsgId>77</MsgId></xml>")
    timestamp = str(int(time.time()))
    encrypted, signature = crypto.encrypt(xml, timestamp, "nonce")
    wecom = client.post("/wecom/callback", params={"msg_signature": signature, "timestamp": timestamp,
                                                    "nonce": "nonce"}, content=f"<xml><Encrypt>{encrypted}</Encrypt></xml>")
    assert wecom.status_code == 200
    assert channels.queue.wait_idle(20)
    assert chat.received == []
    slack_text = json.dumps([c.body for c in fake_slack.calls_to("chat.postMessage")], ensure_ascii=False)
    assert f"{cap:,} 字" in slack_text
    assert f"{cap:,}-character" in json.dumps(fake_wecom.sent_messages(), ensure_ascii=False)


def test_a_turn_past_its_deadline_is_answered_and_frees_the_caller(tmp_path, make_client, chat):
    """Finding 3's time box: a 3 s turn with a 0.5 s deadline answers in about 0.5 s, in the sender's language."""
    from tests.integration.adapters.conftest import channel_settings

    chat.delay_s = 3.0
    client, _channels = make_client(channel_settings(tmp_path, turn_timeout_s=0.5))
    token = client.app.state.tokens.create("E0001")
    started = time.perf_counter()
    response = client.post("/api/chat", json={"text": "年假有几天"}, headers=_auth(token))
    assert response.status_code == 200 and "超时" in response.json()["text"]
    assert time.perf_counter() - started < 2.5


def test_ingest_paths_that_the_file_system_refuses_are_a_422(tmp_path):
    """A NUL byte or an over-long name in POST /api/admin/ingest paths is a clear 422, not a 500."""
    from fastapi import HTTPException

    from adapters.api.admin_routes import resolve_under

    for bad in ("a\x00b", "x" * 5000, "../outside", "/etc/passwd"):
        with pytest.raises(HTTPException) as refused:
            resolve_under(tmp_path.resolve(), bad)
        assert refused.value.status_code == 422 and len(str(refused.value.detail)) < 200
