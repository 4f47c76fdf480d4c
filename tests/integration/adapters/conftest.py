"""Fixtures: fake Slack/WeCom APIs on 127.0.0.1:0, settings under tmp_path, the app with a scripted chat handler."""

from __future__ import annotations

import json
import time

import pytest
from fastapi.testclient import TestClient
from slack_sdk.signature import SignatureVerifier

from adapters.api.app import create_app
from adapters.channels import build_channels
from adapters.fakes.chat import ScriptedChat, StaticDirectory
from adapters.fakes.slack_web_api import FakeSlackWebApi
from adapters.fakes.wecom_api import FakeWeComApi
from adapters.settings import ApiSettings, DatabaseSettings, Settings, SlackSettings, WeComSettings

SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
WECOM = {"token": "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "aes_key": "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
         "corp_id": "ww1436e0e65a779aee"}


@pytest.fixture
def fake_slack():
    """A recording fake Slack Web API; U_KNOWN has an email the directory knows."""
    with FakeSlackWebApi(emails={"U_EMAIL": "li.na@example.com", "U_STRANGER": "who@example.com"}) as fake:
        yield fake


@pytest.fixture
def fake_wecom():
    """A recording fake WeCom API."""
    with FakeWeComApi(corp_id=WECOM["corp_id"], secret="app-secret") as fake:
        yield fake


@pytest.fixture
def directory() -> StaticDirectory:
    """Three known people: by Slack id, by email, by WeCom userid."""
    return StaticDirectory(slack={"U_KNOWN": "E0001"}, emails={"li.na@example.com": "E0002"},
                           wecom={"zhangsan": "E0003", "mycreate": "E0004"})


@pytest.fixture
def chat() -> ScriptedChat:
    """The scripted chat handler (the adapters are under test, not the bot)."""
    return ScriptedChat()


def channel_settings(tmp_path, fake_slack=None, fake_wecom=None, max_skew_s: int = 300, **api) -> Settings:
    """Settings for one test: SQLite in tmp_path, channels pointed at the fakes."""
    return Settings(
        home=tmp_path, redis_url=None, database=DatabaseSettings(database_url=f"sqlite:///{tmp_path / 'mentor.db'}"),
        slack=SlackSettings(bot_token="xoxb-test", signing_secret=SLACK_SECRET, api_url=fake_slack.url)
        if fake_slack else SlackSettings(bot_token=None, signing_secret=None),
        wecom=WeComSettings(corp_id=WECOM["corp_id"], agent_id="1000002", secret="app-secret", token=WECOM["token"],
                            aes_key=WECOM["aes_key"], api_url=fake_wecom.url, max_skew_s=max_skew_s)
        if fake_wecom else WeComSettings(corp_id=None, agent_id=None, secret=None, token=None, aes_key=None),
        api=ApiSettings(**api))


@pytest.fixture
def make_client(tmp_path, chat, directory):
    """Build the app around the scripted chat; yields (client, channels) and closes both after the test."""
    opened = []

    def factory(settings: Settings, **channel_kwargs):
        """Channels plus a started TestClient for these settings."""
        channels = build_channels(settings, chat, directory, wecom_sleep=lambda s: None, **channel_kwargs)
        client = TestClient(create_app(settings, channels))
        client.__enter__()
        opened.append((client, channels))
        return client, channels

    yield factory
    for client, channels in opened:
        client.__exit__(None, None, None)
        channels.close()


def signed_headers(body: str, secret: str = SLACK_SECRET, timestamp: int | None = None, **extra) -> dict[str, str]:
    """Headers Slack would send with this body (timestamp defaults to now)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature, "Content-Type": "application/json",
            **extra}


def event_body(event: dict, event_id: str = "Ev0001") -> str:
    """An Events API envelope around one event."""
    return json.dumps({"token": "t", "team_id": "T0001", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()), "event": event})
