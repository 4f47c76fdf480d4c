"""A tiny threaded HTTP server on 127.0.0.1 (port 0) that records every call it answers."""

from __future__ import annotations

import json
import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class RecordedCall:
    """One request as the fake saw it: API method (path tail), query, parsed body and headers."""

    method: str
    query: dict[str, str]
    body: dict[str, Any]
    raw: bytes
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


def parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    """JSON or form bodies become dicts; anything else (an uploaded file) is kept only as raw bytes."""
    if "application/json" in content_type:
        try:
            data = json.loads(raw or b"{}")
            return data if isinstance(data, dict) else {"_json": data}
        except json.JSONDecodeError:
            return {}
    if "application/x-www-form-urlencoded" in content_type:
        return dict(parse_qsl(raw.decode("utf-8", errors="replace"), keep_blank_values=True))
    return {}


class RecordingServer(ABC):
    """Subclasses implement `respond(call) -> (status, json_body)`; every call is recorded in order."""

    def __init__(self) -> None:
        """Bind nothing until start()."""
        self.calls: list[RecordedCall] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._server: ThreadingHTTPServer | None = None
        self.delay_s = 0.0

    @property
    def url(self) -> str:
        """Base URL with a trailing slash."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> RecordingServer:
        """Serve on 127.0.0.1 with an OS-chosen port, in a daemon thread."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            """Route every GET/POST to the fake."""

            def log_message(self, *args) -> None:
                """Stay quiet in test output."""

            def _handle(self) -> None:
                """Parse, record, answer."""
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                call = RecordedCall(method=parts.path.strip("/").split("/")[-1] if parts.path else "",
                                    query=dict(parse_qsl(parts.query)), raw=raw, headers=dict(self.headers.items()),
                                    body=parse_body(self.headers.get("Content-Type", ""), raw))
                call.body["_path"] = parts.path
                if fake.delay_s:
                    time.sleep(fake.delay_s)
                status, payload = fake.respond(call)
                fake._record(call)
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if not isinstance(payload, bytes) else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = _handle
            do_POST = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="fake-api", daemon=True).start()
        return self

    def stop(self) -> None:
        """Shut the server down."""
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @abstractmethod
    def respond(self, call: RecordedCall) -> tuple[int, Any]:
        """Answer one call (each fake API decides its own responses)."""

    def _record(self, call: RecordedCall) -> None:
        """Append and wake waiters."""
        with self._lock:
            self.calls.append(call)
            self._changed.notify_all()

    def calls_to(self, method: str) -> list[RecordedCall]:
        """Every recorded call of one API method, in arrival order."""
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int, timeout: float = 10.0) -> list[RecordedCall]:
        """Block until at least `count` calls of `method` arrived (or the timeout); returns them."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while sum(1 for c in self.calls if c.method == method) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
            return [c for c in self.calls if c.method == method]

    def __enter__(self) -> RecordingServer:
        """Start on enter."""
        return self.start()

    def __exit__(self, *exc) -> None:
        """Stop on exit."""
        self.stop()
