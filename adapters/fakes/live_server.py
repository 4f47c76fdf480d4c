"""Run an ASGI app with uvicorn on 127.0.0.1, port chosen by the OS, in a background thread (tests, benchmarks)."""

from __future__ import annotations

import socket
import threading
import time


class LiveServer:
    """`with LiveServer(app) as server: server.url` -> real HTTP to the app until the block ends."""

    def __init__(self, app, startup_timeout_s: float = 15.0) -> None:
        """Nothing runs until __enter__."""
        self._app = app
        self._timeout = startup_timeout_s
        self._server = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def __enter__(self) -> LiveServer:
        """Bind port 0 ourselves so the port is known before uvicorn starts."""
        import uvicorn

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(self._app, log_level="warning", lifespan="on", backlog=512)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + self._timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc) -> None:
        """Ask uvicorn to exit and wait for it."""
        self._server.should_exit = True
        self._thread.join(10)
