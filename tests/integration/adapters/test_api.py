"""The JSON API: health, readiness, OpenAPI docs, token auth (identity from the token only), chat and streaming."""

from __future__ import annotations

import json

import pytest

from tests.integration.adapters.conftest import channel_settings


@pytest.fixture
def api(tmp_path, make_client):
    """(client, channels, token for E0001) with no chat platform mounted."""
    client, channels = make_client(channel_settings(tmp_path))
    token = client.app.state.tokens.create("E0001")
    return client, channels, token


def auth(token: str) -> dict[str, str]:
    """Bearer header."""
    return {"Authorization": f"Bearer {token}"}


def test_health_ready_and_docs(api):
    """Health ready and docs."""
    client, channels, _ = api
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200 and ready.json()["checks"]["database"] == "ok"
    assert "not mounted" in ready.json()["channels"]["slack"] and ready.json()["worker"] == "in-process"
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/chat", "/api/chat/stream", "/api/me", "/api/feedback", "/health", "/ready"} <= set(paths)


def test_ready_reports_an_unreachable_redis(api):
    """Ready reports an unreachable redis."""
    client, channels, _ = api
    channels.settings.redis_url = "redis://127.0.0.1:1/0"
    response = client.get("/ready")
    assert response.status_code == 503 and response.json()["checks"]["redis"] != "ok"
    channels.settings.redis_url = None


def test_chat_requires_a_valid_token(api):
    """Chat requires a valid token."""
    client, _, token = api
    assert client.post("/api/chat", json={"text": "hi"}).status_code == 401
    assert client.post("/api/chat", json={"text": "hi"}, headers=auth("mtr_forged")).status_code == 401
    assert client.post("/api/chat", json={"text": "hi"}, headers=auth(token)).status_code == 200


def test_identity_comes_from_the_token_not_the_body(api, chat):
    """Identity comes from the token not the body."""
    client, _, token = api
    response = client.post("/api/chat", json={"text": "my progress", "employee_id": "E9999"}, headers=auth(token))
    assert response.status_code == 200
    assert chat.received[-1].employee_id == "E0001" and chat.received[-1].channel == "web"
    assert response.json()["private"] is True and "E0001" in response.json()["text"]


def test_chat_reply_carries_citations_actions_and_charts(api):
    """Chat reply carries citations actions and charts."""
    client, _, token = api
    answer = client.post("/api/chat", json={"text": "年假?"}, headers=auth(token)).json()
    assert answer["citations"][0]["chunk_id"] == "leave-1" and "10" in answer["citations"][0]["text"]
    quiz = client.post("/api/chat", json={"text": "quiz"}, headers=auth(token)).json()
    assert [a["value"]["choice"] for a in quiz["actions"]] == ["A", "B"]
    pressed = client.post("/api/chat", json={"action": quiz["actions"][1]["value"]}, headers=auth(token)).json()
    assert "quiz_answer B" in pressed["text"]
    chart = client.post("/api/chat", json={"text": "chart"}, headers=auth(token)).json()
    assert chart["attachments"][0]["data_url"].startswith("data:image/png;base64,")


def test_empty_question_is_a_clear_422(api):
    """Empty question is a clear 422."""
    client, _, token = api
    response = client.post("/api/chat", json={"text": "  "}, headers=auth(token))
    assert response.status_code == 422 and "text" in response.json()["detail"]


def test_stream_sends_status_deltas_then_done(api):
    """Stream sends status deltas then done."""
    client, _, token = api
    with client.stream("POST", "/api/chat/stream", json={"text": "long"}, headers=auth(token)) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        raw = "".join(response.iter_text())
    events = [block.split("\n", 1) for block in raw.strip().split("\n\n")]
    names = [e[0].removeprefix("event: ") for e in events]
    assert names[0] == "status" and names[-1] == "done" and names.count("delta") > 10
    deltas = "".join(json.loads(e[1].removeprefix("data: "))["text"] for e in events if e[0] == "event: delta")
    done = json.loads(events[-1][1].removeprefix("data: "))
    assert deltas == done["text"]


def test_feedback_is_stored_for_the_token_owner(api):
    """Feedback is stored for the token owner."""
    client, channels, token = api
    assert client.post("/api/feedback", json={"message_ref": "web:1", "helpful": True},
                       headers=auth(token)).status_code == 204
    assert channels.feedback.count(helpful=True) == 1


def test_revoked_token_stops_working(api):
    """Revoked token stops working."""
    client, _, token = api
    assert client.get("/api/me", headers=auth(token)).json() == {"employee_id": "E0001"}
    assert client.app.state.tokens.revoke_all("E0001") == 1
    assert client.get("/api/me", headers=auth(token)).status_code == 401


def test_web_page_and_assets_are_served(api):
    """Web page and assets are served."""
    client, _, _ = api
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/../settings.py").status_code == 404


def test_hr_refusals_keep_their_status_and_both_languages(api):
    """HR's error family maps to HTTP statuses with bilingual bodies, even when raised inside a chat turn."""
    client, _, token = api
    response = client.post("/api/chat", json={"text": "forbidden"}, headers=auth(token))
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden" and "无权" in response.json()["message_zh"]


def test_reports_without_an_hr_service_are_a_clear_503(api):
    """This test app runs without HR records."""
    client, _, token = api
    response = client.get("/api/kpi", headers=auth(token))
    assert response.status_code == 503 and "HR" in response.json()["detail"]
