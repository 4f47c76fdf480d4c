"""A pure ASGI guard in front of every route: token check before any body byte is read (/api/*), a body cap
enforced while streaming (declared or chunked), and `Cache-Control: no-store` on every personal (/api/*) response.

Why a middleware and not route code: FastAPI reads and parses a JSON body before it runs dependencies, so a route
cannot refuse a 200 MB body or a missing token before the body is in memory; here nothing reaches a route unless
its whole body fits the cap."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from anyio import to_thread

log = logging.getLogger(__name__)

API_PREFIX = "/api/"


@dataclass(frozen=True)
class BodyLimits:
    """Largest body per route family, in bytes."""

    api: int = 65_536
    slack: int = 1_000_000
    wecom: int = 65_536

    def for_path(self, path: str) -> int:
        """The cap that applies to one path (the API's for everything else, e.g. unknown paths)."""
        if path.startswith("/slack/"):
            return self.slack
        if path.startswith("/wecom/"):
            return self.wecom
        return self.api


class BodyTooLarge(Exception):
    """The body passed its cap while it was being read."""


def _json_response(status: int, body: dict, extra: list[tuple[bytes, bytes]] | None = None):
    """(start, body) ASGI messages for a small JSON answer."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(data)).encode()),
               (b"cache-control", b"no-store"), *(extra or [])]
    return ({"type": "http.response.start", "status": status, "headers": headers},
            {"type": "http.response.body", "body": data})


def too_large_body(limit: int) -> dict:
    """The 413 answer, in both languages."""
    return {"code": "body_too_large", "detail": f"request body larger than {limit:,} bytes",
            "message_en": f"The request is larger than {limit:,} bytes; send less.",
            "message_zh": f"请求内容超过 {limit:,} 字节，请减少内容后再发送。"}


UNAUTHORIZED = {"code": "unauthorized", "detail": "missing, unknown or revoked token: send `Authorization: Bearer "
                "<token>` (create one with `mentor tokens create --employee ID`) / 缺少令牌或令牌无效",
                "message_en": "Missing, unknown or revoked token.", "message_zh": "缺少令牌，或令牌无效/已撤销。"}


class RequestGuard:
    """ASGI middleware: authenticate /api/*, cap every body, mark personal responses no-store."""

    def __init__(self, app, limits: BodyLimits, employee_for: Callable[[str], str | None]) -> None:
        """`employee_for(token)` is TokenStore.employee_for (a blocking DB read, run in a thread)."""
        self.app = app
        self.limits = limits
        self.employee_for = employee_for

    async def __call__(self, scope, receive, send) -> None:
        """Refuse early (401/413) or hand the app a receive() that replays the already-capped body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        personal = path.startswith(API_PREFIX)
        if personal:
            employee_id = await self._authenticate(scope)
            if employee_id is None:
                await self._answer(send, 401, UNAUTHORIZED, [(b"www-authenticate", b"Bearer")])
                return
            scope.setdefault("state", {})["employee_id"] = employee_id
        limit = self.limits.for_path(path)
        try:
            body = await self._read_capped(scope, receive, limit)
        except BodyTooLarge:
            log.info("refused a body over %d bytes on %s", limit, path)
            await self._answer(send, 413, too_large_body(limit), [(b"connection", b"close")])
            return
        await self.app(scope, _replay(body, receive), _no_store(send) if personal else send)

    async def _authenticate(self, scope) -> str | None:
        """The token owner from the Authorization header, or None; no body byte has been read yet."""
        header = dict(scope.get("headers") or []).get(b"authorization", b"")
        scheme, _, token = header.decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return await to_thread.run_sync(self.employee_for, token.strip())

    @staticmethod
    async def _read_capped(scope, receive, limit: int) -> bytes:
        """The whole body, refusing a declared or streamed size over the limit before reading more."""
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1").strip()
        if declared and (not declared.isdigit() or len(declared) > 15 or int(declared) > limit):
            raise BodyTooLarge
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    @staticmethod
    async def _answer(send, status: int, body: dict, extra: list[tuple[bytes, bytes]] | None = None) -> None:
        """Send a complete small JSON response."""
        start, payload = _json_response(status, body, extra)
        await send(start)
        await send(payload)


def _replay(body: bytes, receive):
    """A receive() that returns the buffered body once, then whatever the client sends next (disconnects)."""
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _no_store(send):
    """Wrap send() so the response carries `Cache-Control: no-store` (reports, KPI, chat: personal data)."""

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in (b"cache-control", b"pragma")]
            message = {**message, "headers": [*headers, (b"cache-control", b"no-store"), (b"pragma", b"no-cache")]}
        await send(message)

    return wrapped
