"""A slow chat turn (query embedding, search) never holds the server's event loop: /health answers meanwhile.

The chat handler below blocks its thread for 3 s, as a query embedding on a busy machine can; if any route ran
it on the event loop, /health would wait for it."""

from __future__ import annotations

import threading
import time

import httpx

from adapters.api.app import create_app
from adapters.api.tokens import TokenStore
from adapters.channels import build_channels
from adapters.fakes.chat import ScriptedChat
from adapters.fakes.live_server import LiveServer
from tests.integration.adapters.conftest import channel_settings, event_body, signed_headers

SLOW_S = 3.0  # long enough that a loaded CI machine answers /health well inside a third of it


def test_health_answers_while_chat_turns_compute(tmp_path, fake_slack, directory):
    settings = channel_settings(tmp_path, fake_slack=fake_slack, worker_threads=2)
    channels = build_channels(settings, ScriptedChat(delay_s=SLOW_S), directory)
    token = TokenStore(channels.engine).create("E0001")
    try:
        with LiveServer(create_app(settings, channels)) as server:
            auth = {"Authorization": f"Bearer {token}"}
            calls = [lambda: httpx.post(server.url + "/api/chat", json={"text": "年假有几天?"}, headers=auth, timeout=30),
                     lambda: httpx.post(server.url + "/api/chat/stream", json={"text": "hi"}, headers=auth,
                                        timeout=30).read()]
            body = event_body({"type": "app_mention", "user": "U_KNOWN", "text": "<@UMENTORBOT> 年假?", "channel": "C1",
                               "ts": "1.1"}, event_id="EvLoop1")
            calls.append(lambda: httpx.post(server.url + "/slack/events", content=body, headers=signed_headers(body),
                                            timeout=30))
            threads = [threading.Thread(target=call) for call in calls]
            for thread in threads:
                thread.start()
            time.sleep(0.3)  # the slow turns are now running
            started = time.perf_counter()
            assert httpx.get(server.url + "/health", timeout=10).status_code == 200
            waited = time.perf_counter() - started
            for thread in threads:
                thread.join(30)
            assert waited < SLOW_S / 3, f"/health waited {waited:.2f}s behind a chat turn"
    finally:
        channels.close()
