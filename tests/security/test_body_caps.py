"""Finding 2: no request can exhaust memory: bodies are capped while streaming on every route, and /api/* checks the
token before reading a byte of the body."""

from __future__ import annotations

import contextlib
import socket
import time
import tracemalloc

import pytest
from fastapi.routing import APIRoute

from adapters.fakes.live_server import LiveServer

MB = 1_000_000


def _flat(routes) -> list:
    """Routes with included routers opened (FastAPI keeps them nested)."""
    out = []
    for route in routes:
        nested = getattr(route, "original_router", None)
        out.extend(_flat(nested.routes) if nested is not None else [route])
    return out


def _routes(app) -> list[tuple[str, str]]:
    """(method, concrete path) for every route the app serves."""
    found = []
    for route in _flat(app.routes):
        path = getattr(route, "path", "")
        for method in sorted(getattr(route, "methods", None) or ()):
            if method in ("HEAD", "OPTIONS"):
                continue
            found.append((method, path.replace("{name}", "app.js").replace("{", "").replace("}", "")))
    return found


def test_every_route_refuses_an_oversized_declared_body(full_app, chat):
    """Each route (API, Slack, WeCom, web, docs, health) answers 413 (or 401 on /api/* without a token)."""
    client, channels, token = full_app
    routes = _routes(client.app)
    assert {("POST", "/slack/events"), ("POST", "/wecom/callback"), ("POST", "/api/chat")} <= set(routes)
    assert any(isinstance(r, APIRoute) for r in _flat(client.app.routes)) and len(routes) >= 15
    for method, path in routes:
        limit = {"/slack/events": channels.settings.slack.max_body_bytes,
                 "/wecom/callback": channels.settings.wecom.max_body_bytes}.get(path, channels.settings.api.max_body_bytes)
        body = b"{" + b" " * limit + b"}"
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        response = client.request(method, path + "?msg_signature=a&timestamp=1&nonce=n&echostr=e", content=body,
                                  headers=headers)
        assert response.status_code == 413, (method, path, response.status_code)
        assert response.json()["code"] == "body_too_large" and "message_zh" in response.json()
        if path.startswith("/api/"):
            anonymous = client.request(method, path, content=body, headers={"Content-Type": "application/json"})
            assert anonymous.status_code == 401, (method, path)
    assert chat.received == []


def _stream(url: str, path: str, total: int, headers: str = "", chunk: int = MB) -> tuple[int, int, float]:
    """Send a chunked body of `total` bytes over a raw socket; (status, bytes sent before the answer, seconds)."""
    host, port = url.removeprefix("http://").split(":")
    started = time.perf_counter()
    sock = socket.create_connection((host, int(port)), timeout=10)
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json"
                 f"\r\n{headers}\r\n".encode())
    sent, piece = 0, b"[" * chunk
    sock.setblocking(False)
    answer = b""
    try:
        while sent < total:
            with contextlib.suppress(BlockingIOError):
                answer += sock.recv(4096)
            if answer:
                break
            try:
                sock.setblocking(True)
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                sock.setblocking(False)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        sock.setblocking(True)
        sock.settimeout(10)
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    finally:
        sock.close()
    return int(answer.split()[1]), sent, time.perf_counter() - started


@pytest.mark.parametrize("path,expected", [("/slack/events", 413), ("/wecom/callback?msg_signature=a&timestamp=1"
                                                                     "&nonce=n", 413), ("/api/chat", 401)])
def test_a_streamed_hostile_body_is_refused_early_in_bounded_memory(full_app, path, expected):
    """A 40 MB chunked body: answered after at most the cap (plus socket buffers), server memory barely moves."""
    client, _channels, _token = full_app
    with LiveServer(client.app) as server:
        tracemalloc.start()
        try:
            status, sent, seconds = _stream(server.url, path, 40 * MB)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert status == expected
    assert sent < 40 * MB and seconds < 20
    assert peak < 8 * MB, f"server allocated {peak / MB:.1f} MB for a refused body"


def test_a_huge_declared_body_is_refused_before_it_is_sent(full_app):
    """Content-Length: 200 MB gets its 413 (or 401) without the server waiting for the bytes."""
    client, _channels, token = full_app
    with LiveServer(client.app) as server:
        host, port = server.url.removeprefix("http://").split(":")
        for path, auth, expected in (("/slack/events", "", 413), ("/api/chat", "", 401),
                                     ("/api/chat", f"Authorization: Bearer {token}\r\n", 413)):
            with socket.create_connection((host, int(port)), timeout=5) as sock:
                sock.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 200000000\r\n{auth}\r\n".encode())
                assert int(sock.recv(4096).split()[1]) == expected, path
