"""deploy/local.sh as deployed: PostgreSQL, Redis, a Chroma server, two API processes and a worker, real bot.

Slack and WeCom retries delivered to different API processes are answered once, and a document ingested while
both APIs serve is found by both without a restart.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

import httpx
import pytest

from adapters.fakes.slack_web_api import BOT_USER_ID, FakeSlackWebApi
from adapters.fakes.wecom_api import FakeWeComApi
from adapters.wecom.crypto import WeComCrypto
from tests.integration.adapters.conftest import SLACK_SECRET, WECOM, event_body, signed_headers

ROOT = Path(__file__).resolve().parents[3]
MENTOR = str(Path(sys.executable).with_name("mentor"))
REDIS_URL = os.environ.get("MENTOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PG_ADMIN = os.environ.get("MENTOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
NEW_DOC = ("---\ntitle: 蓝鲸计划 Blue Whale programme\n---\n# 报名 Sign-up\n"
           "蓝鲸计划的报名截止日期是每年11月30日，逾期不再受理。\n"
           "Blue Whale programme sign-up closes on 30 November each year.\n")

pytestmark = pytest.mark.slow


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _services_or_skip() -> None:
    """PostgreSQL, Redis and the chroma CLI must be here (CI's .ci/run starts the first two)."""
    import redis

    if shutil.which("pg_isready") is None or subprocess.run(["pg_isready", "-h", "127.0.0.1"],
                                                             capture_output=True).returncode != 0:
        pytest.skip("no PostgreSQL at 127.0.0.1:5432")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    if not (ROOT / ".venv" / "bin" / "chroma").exists() and shutil.which("chroma") is None:
        pytest.skip("the chroma CLI is not installed")


def _admin_engine():
    import sqlalchemy

    return sqlalchemy.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """Bring the deployment up on free ports with a fresh database and Redis prefix; tear it all down after."""
    import sqlalchemy

    _services_or_skip()
    home = tmp_path_factory.mktemp("deploy")
    kb = home / "kb"
    kb.mkdir()
    shutil.copy(ROOT / "knowledge" / "samples" / "kb" / "policies" / "leave-policy.md", kb / "leave-policy.md")
    run_id = uuid.uuid4().hex[:10]
    database = f"mentor_deploy_{run_id}"
    with _admin_engine().connect() as conn:
        conn.execute(sqlalchemy.text(f'CREATE DATABASE "{database}"'))
    ports = [_free_port(), _free_port()]
    with FakeSlackWebApi() as slack, FakeWeComApi(corp_id=WECOM["corp_id"], secret="app-secret") as wecom:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MENTOR_")}
        env.update({"MENTOR_HOME": str(home / "home"), "MENTOR_DEPLOY_RUN": str(home / "run"),
                    "MENTOR_DEPLOY_API_PORTS": " ".join(map(str, ports)), "MENTOR_DEPLOY_CHROMA_PORT": str(_free_port()),
                    "MENTOR_DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}",
                    "MENTOR_REDIS_URL": REDIS_URL, "MENTOR_API_REDIS_PREFIX": f"mentor-deploy-{run_id}:",
                    "MENTOR_SLACK_BOT_TOKEN": "xoxb-test", "MENTOR_SLACK_SIGNING_SECRET": SLACK_SECRET,
                    "MENTOR_SLACK_API_URL": slack.url, "MENTOR_WECOM_CORP_ID": WECOM["corp_id"],
                    "MENTOR_WECOM_AGENT_ID": "1000002", "MENTOR_WECOM_SECRET": "app-secret",
                    "MENTOR_WECOM_TOKEN": WECOM["token"], "MENTOR_WECOM_AES_KEY": WECOM["aes_key"],
                    "MENTOR_WECOM_API_URL": wecom.url})
        env["MENTOR_CHROMA_URL"] = f"http://127.0.0.1:{env['MENTOR_DEPLOY_CHROMA_PORT']}"  # ingest writes there too
        script = str(ROOT / "deploy" / "local.sh")
        try:
            up = subprocess.run(["bash", script, "up"], env=env, capture_output=True, text=True, timeout=600)
            assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-2000:]
            for args in (["org", "import", str(ROOT / "hr" / "samples" / "org")], ["ingest", str(kb)]):
                done = subprocess.run([MENTOR, *args], env=env, capture_output=True, text=True, timeout=600)
                assert done.returncode == 0, done.stderr[-2000:]
            yield {"urls": [f"http://127.0.0.1:{p}" for p in ports], "env": env, "kb": kb, "slack": slack,
                   "wecom": wecom, "database": database}
        finally:
            subprocess.run(["bash", script, "down"], env=env, capture_output=True, timeout=120)
            with _admin_engine().connect() as conn:
                conn.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            import redis

            client = redis.Redis.from_url(REDIS_URL)
            for key in client.scan_iter(f"mentor-deploy-{run_id}:*"):
                client.delete(key)
            client.close()


def _token(stack, employee: str) -> str:
    done = subprocess.run([MENTOR, "tokens", "create", "--employee", employee], env=stack["env"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _settle(count, expected: int, timeout: float = 90.0) -> int:
    """Wait (bounded) for `expected` calls, then a little longer so a duplicate would show."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and count() < expected:
        time.sleep(0.3)
    time.sleep(2.0)
    return count()


def test_slack_retries_to_both_api_processes_are_answered_once(stack):
    urls, slack, run = stack["urls"], stack["slack"], uuid.uuid4().hex[:8]
    def replies() -> int:  # replies in the events' channel: the worker's minute cron may DM due reminders meanwhile
        return sum(1 for c in slack.calls_to("chat.postMessage") if c.body.get("channel") == "C1")

    before = replies()
    events = [event_body({"type": "app_mention", "user": "U0000002", "text": f"<@{BOT_USER_ID}> {text}",
                          "channel": "C1", "ts": f"17000000{i}.000100"}, event_id=f"Ev{run}{i}")
              for i, text in enumerate(["年假有几天？", "How many days of sick leave do I get?"])]
    for retry in range(4):  # original then three retries, alternating API processes
        for body in events:
            extra = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
            response = httpx.post(urls[retry % 2] + "/slack/events", content=body,
                                  headers=signed_headers(body, **extra), timeout=10)
            assert response.status_code == 200
    posted = _settle(lambda: replies() - before, len(events))
    assert posted == len(events)


def _wecom_post(url: str, user: str, content: str, msg_id: str) -> int:
    timestamp, nonce = str(int(time.time())), "4242"
    inner = (f"<xml><ToUserName><![CDATA[{WECOM['corp_id']}]]></ToUserName><FromUserName><![CDATA[{user}]]>"
             f"</FromUserName><CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
             f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId><AgentID>1000002</AgentID></xml>")
    encrypted, signature = WeComCrypto(WECOM["token"], WECOM["aes_key"], WECOM["corp_id"]).encrypt(inner, timestamp,
                                                                                                   nonce)
    body = f"<xml><ToUserName><![CDATA[{WECOM['corp_id']}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    query = urllib.parse.urlencode({"msg_signature": signature, "timestamp": timestamp, "nonce": nonce})
    return httpx.post(f"{url}/wecom/callback?{query}", content=body.encode(), timeout=10).status_code


def test_wecom_retries_to_both_api_processes_are_answered_once(stack):
    urls, wecom = stack["urls"], stack["wecom"]
    msg_id = str(int(time.time() * 1000))
    before = len(wecom.sent_messages())
    for attempt in range(4):
        assert _wecom_post(urls[attempt % 2], "liu.jie2", "你好", msg_id) == 200
    once = _settle(lambda: len(wecom.sent_messages()) - before, 1)
    assert _wecom_post(urls[0], "liu.jie2", "你好", str(int(msg_id) + 1)) == 200  # a new message, for scale
    twice = _settle(lambda: len(wecom.sent_messages()) - before, once + 1)
    assert once >= 1 and twice == 2 * once  # four deliveries of one MsgId cost exactly one answer


def test_an_ingest_while_serving_is_found_by_both_api_processes(stack):
    urls, kb = stack["urls"], stack["kb"]
    token = _token(stack, "E0002")
    question = "蓝鲸计划的报名截止日期是哪天？"

    def cited(url: str) -> set[str]:
        response = httpx.post(url + "/api/chat", json={"text": question, "thread_id": uuid.uuid4().hex[:8]},
                              headers={"Authorization": f"Bearer {token}"}, timeout=60)
        assert response.status_code == 200, response.text
        replies.append(response.json()["text"])
        return {c["source"] for c in response.json()["citations"]}

    replies: list[str] = []

    assert all("blue-whale.md" not in cited(url) for url in urls)  # both processes are serving the old index
    (kb / "blue-whale.md").write_text(NEW_DOC, encoding="utf-8")
    done = subprocess.run([MENTOR, "ingest", str(kb)], env=stack["env"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    for url in urls:
        assert "blue-whale.md" in cited(url), replies[-1]
