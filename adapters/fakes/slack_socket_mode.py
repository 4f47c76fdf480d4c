"""A fake Slack Socket Mode WebSocket endpoint: pushes envelopes to the connected app and records its acks."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
import time
import uuid
from typing import Any


class FakeSocketModeServer:
    """ws://127.0.0.1:<port>/link on an OS-chosen port; pair it with FakeSlackWebApi.socket_mode_url."""

    def __init__(self) -> None:
        """Nothing listens until start()."""
        self.acks: list[dict[str, Any]] = []
        self._outbox: queue.Queue[str] = queue.Queue()
        self._acked = threading.Condition()
        self._server = None
        self.url = ""

    def start(self) -> FakeSocketModeServer:
        """Serve in a daemon thread."""
        from websockets.sync.server import serve

        self._server = serve(self._session, "127.0.0.1", 0)
        port = self._server.socket.getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/link"
        threading.Thread(target=self._server.serve_forever, name="fake-socket-mode", daemon=True).start()
        return self

    def stop(self) -> None:
        """Close the listener and any session."""
        if self._server is not None:
            self._server.shutdown()

    def _session(self, ws) -> None:
        """Say hello, then alternate: send queued envelopes, read acks (bounded by the connection's life)."""
        from websockets.exceptions import ConnectionClosed

        ws.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        try:
            while True:
                with contextlib.suppress(queue.Empty):
                    ws.send(self._outbox.get_nowait())
                try:
                    message = ws.recv(timeout=0.05)
                except TimeoutError:
                    continue
                data = json.loads(message)
                if "envelope_id" in data:
                    with self._acked:
                        self.acks.append(data)
                        self._acked.notify_all()
        except ConnectionClosed:
            return

    def push_event(self, event_body: dict[str, Any], retry_attempt: int = 0) -> str:
        """Deliver one Events API body as Slack does over the socket; returns its envelope id."""
        envelope_id = str(uuid.uuid4())
        self._outbox.put(json.dumps({"envelope_id": envelope_id, "type": "events_api", "payload": event_body,
                                     "accepts_response_payload": False, "retry_attempt": retry_attempt,
                                     "retry_reason": "timeout" if retry_attempt else ""}))
        return envelope_id

    def wait_acks(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Block until `count` acks arrived or the timeout passed."""
        deadline = time.monotonic() + timeout
        with self._acked:
            while len(self.acks) < count and (remaining := deadline - time.monotonic()) > 0:
                self._acked.wait(remaining)
            return list(self.acks)

    def __enter__(self) -> FakeSocketModeServer:
        """Start on enter."""
        return self.start()

    def __exit__(self, *exc) -> None:
        """Stop on exit."""
        self.stop()
