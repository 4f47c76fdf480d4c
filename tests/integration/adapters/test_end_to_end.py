"""End to end through the real bot: sample organisation, a small real knowledge index, HR service, every channel."""

from __future__ import annotations

import csv
import json
import re
import shutil
import time
import urllib.parse
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from adapters.api.app import create_app
from adapters.channels import build_channels
from adapters.fakes.slack_web_api import BOT_USER_ID, FakeSlackWebApi
from adapters.fakes.wecom_api import FakeWeComApi
from adapters.hr_directory import HrEmployeeDirectory
from adapters.notifier import ChannelNotifier
from adapters.wecom.crypto import WeComCrypto
from adapters.wiring import (
    build_chat_service,
    build_engine,
    build_hr_service,
    build_index,
    build_platform_clients,
)
from hr.importer.run import import_org
from knowledge.ingest import Ingestor
from tests.integration.adapters.conftest import WECOM, channel_settings, event_body, signed_headers

ROOT = Path(__file__).resolve().parents[3]
KB_FILES = ["policies/leave-policy.md", "courses/sec-101-information-security.md"]

pytestmark = pytest.mark.slow


def _sample_courses_of(employee_id: str) -> set[str]:
    """The course codes the sample organisation enrolls this person in (what their own progress must list)."""
    with (ROOT / "hr" / "samples" / "org" / "enrollments.csv").open(encoding="utf-8") as rows:
        return {row["course_code"] for row in csv.DictReader(rows) if row["employee_id"] == employee_id}


@pytest.fixture(scope="module")
def kb_index(tmp_path_factory):
    """A real hybrid index over two sample documents (built once for this module)."""
    home = tmp_path_factory.mktemp("channels-kb")
    for name in KB_FILES:
        (home / "kb" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "knowledge" / "samples" / "kb" / name, home / "kb" / name)
    settings = channel_settings(home)
    index = build_index(settings)
    assert Ingestor(index).ingest([home / "kb"]).ok
    yield index
    index.close()


@pytest.fixture
def stack(tmp_path, kb_index):
    """The real ChatService and HR service behind every channel, talking to fake Slack and WeCom APIs."""
    with FakeSlackWebApi() as slack, FakeWeComApi(corp_id=WECOM["corp_id"], secret="app-secret") as wecom:
        settings = channel_settings(tmp_path, fake_slack=slack, fake_wecom=wecom)
        engine = build_engine(settings)  # as every process does: Alembic to heads, no create_all
        assert import_org(engine, ROOT / "hr" / "samples" / "org").written
        clients = build_platform_clients(settings)
        hr_service = build_hr_service(settings, engine, clients=clients)
        chat = build_chat_service(settings, hr_service=hr_service, index=kb_index)
        settings.api.ingest_root = tmp_path / "incoming"
        channels = build_channels(settings, chat, HrEmployeeDirectory(hr_service), hr=hr_service, index=kb_index,
                                  engine=engine, clients=clients)
        with TestClient(create_app(settings, channels)) as client:
            yield client, channels, slack, wecom
        channels.close()
        engine.dispose()


def test_slack_mention_is_answered_by_the_real_bot_with_citations(stack):
    """Slack mention is answered by the real bot with citations."""
    client, channels, slack, _ = stack
    body = event_body({"type": "app_mention", "user": "U0000012", "channel": "C1", "ts": "1.5",
                       "text": f"<@{BOT_USER_ID}> 年假有几天?"}, "EvE2E1")
    for _ in range(3):
        assert client.post("/slack/events", content=body, headers=signed_headers(body)).status_code == 200
    assert channels.queue.wait_idle(60)
    (reply,) = slack.calls_to("chat.postMessage")
    assert reply.body["thread_ts"] == "1.5"
    blocks = json.dumps(reply.body["blocks"], ensure_ascii=False)
    assert "年假" in blocks and "📚" in blocks  # an answer with its sources


def test_wecom_member_gets_their_own_progress(stack):
    """Wecom member gets their own progress."""
    client, channels, _, wecom = stack
    now = str(int(time.time()))
    inner = (f"<xml><ToUserName>{WECOM['corp_id']}</ToUserName><FromUserName>he.xiajun12</FromUserName>"
             f"<CreateTime>{now}</CreateTime><MsgType>text</MsgType><Content>我的学习进度</Content>"
             f"<MsgId>9001</MsgId><AgentID>1000002</AgentID></xml>")
    encrypted, sig = WeComCrypto(WECOM["token"], WECOM["aes_key"], WECOM["corp_id"]).encrypt(inner, now, "n1")
    query = urllib.parse.urlencode({"msg_signature": sig, "timestamp": now, "nonce": "n1"})
    response = client.post(f"/wecom/callback?{query}", content=f"<xml><Encrypt>{encrypted}</Encrypt></xml>".encode())
    assert response.status_code == 200 and response.content == b""
    assert channels.queue.wait_idle(60)
    sent = wecom.sent_messages()
    assert sent and all(m["touser"] == "he.xiajun12" for m in sent)
    content = sent[0]["markdown"]["content"]
    assert content.startswith("你的学习进度")  # his own, in the message's language
    assert set(re.findall(r"[A-Z]{2,4}-\d{3}", content)) == _sample_courses_of("E0012")


def test_api_reports_follow_hr_access_rules(stack):
    """Api reports follow hr access rules."""
    client, channels, _, _ = stack
    token = client.app.state.tokens.create("E0012")
    headers = {"Authorization": f"Bearer {token}"}
    progress = client.get("/api/progress", headers=headers)
    assert progress.status_code == 200 and progress.json()["progress"]["employee_id"] == "E0012"
    kpi = client.get("/api/kpi?lang=en", headers=headers)
    assert kpi.status_code == 200 and kpi.json()["kpi"]["subject_id"] == "E0012"
    report = client.get("/api/reports/completion", headers=headers)
    assert report.status_code == 200 and report.json()["report"]["scope"] == "self:E0012"  # employees: only themselves
    manager = {"Authorization": f"Bearer {client.app.state.tokens.create('E0001')}"}
    assert client.get("/api/reports/completion", headers=manager).json()["report"]["scope"] != "self:E0001"
    trend = client.get("/api/reports/trend?step=quarter&last=2&lang=en", headers=manager)
    assert trend.status_code == 200 and len(trend.json()["trend"]["points"]) == 2 and "Completion" in trend.json()["text"]
    exams = client.get("/api/reports/exams?period=2026", headers=manager)
    assert exams.status_code == 200 and exams.json()["exams"]["rows"] and "通过率" in exams.json()["text"]
    assert client.get("/api/reports/trend", headers=headers).status_code == 403  # an employee: refused, not a 500
    assert client.get("/api/reports/trend?last=99", headers=manager).status_code == 422
    assert client.get("/api/kpi?period=bogus", headers=headers).status_code in (400, 422)
    answer = client.post("/api/chat", json={"text": "年假有几天?"}, headers=headers).json()
    assert answer["citations"] and answer["mode"] == "offline"


def test_reminders_go_through_the_channels(stack):
    """Reminders go through the channels."""
    _, channels, _, _ = stack
    assert isinstance(channels.hr.notifier, ChannelNotifier)
    channels.registry.run("hr.run_due_jobs", {})  # idempotent; sends whatever is due now through Slack/WeCom


def test_app_home_shows_my_progress_and_kpi_in_my_language(stack):
    """The Home tab reads HR directly (as the employee), in the Slack user's locale."""
    client, channels, slack, _ = stack
    slack.emails["U0000012"] = "he.xiajun12@example.com"
    slack.locales["U0000012"] = "en-US"
    body = event_body({"type": "app_home_opened", "user": "U0000012", "channel": "D1", "tab": "home"}, "EvHomeE2E")
    assert client.post("/slack/events", content=body, headers=signed_headers(body)).status_code == 200
    assert channels.queue.wait_idle(60)
    (publish,) = slack.calls_to("views.publish")
    view = json.loads(publish.body["view"]) if isinstance(publish.body["view"], str) else publish.body["view"]
    text = json.dumps(view, ensure_ascii=False)
    assert "何霞军's progress" in text and "My KPI" in text and len(view["blocks"]) <= 100


PARKING = """---
title: Parking Policy 停车管理规定
lang: zh
audience: [all]
---

# 停车管理规定 Parking

员工停车位按先到先得分配,访客车位需提前一天通过前台预约。 Visitor parking must be booked one day ahead at reception.
"""


def test_hr_staff_queue_ingestion_and_the_bot_then_cites_the_new_document(stack, tmp_path):
    """Ingestion runs in the worker into the index the chat reads; only HR staff may trigger it, inside the root."""
    client, channels, _, _ = stack
    (tmp_path / "incoming").mkdir()
    (tmp_path / "incoming" / "parking.md").write_text(PARKING, encoding="utf-8")
    specialist = {"Authorization": f"Bearer {client.app.state.tokens.create('E0165')}"}
    employee = {"Authorization": f"Bearer {client.app.state.tokens.create('E0012')}"}
    assert client.post("/api/admin/ingest", json={"paths": ["parking.md"]}, headers=employee).status_code == 403
    assert client.post("/api/admin/ingest", json={"paths": ["../org.db"]}, headers=specialist).status_code == 422
    accepted = client.post("/api/admin/ingest", json={"paths": ["parking.md"]}, headers=specialist)
    assert accepted.status_code == 202 and accepted.json()["job_id"].startswith("ingest:")
    assert channels.queue.wait_idle(120)
    answer = client.post("/api/chat", json={"text": "访客车位怎么预约?"}, headers=employee).json()
    assert any("Parking" in c["title"] for c in answer["citations"]), answer
