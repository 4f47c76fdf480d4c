"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, port 0: the LLM's network boundary in tests."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def tool_call(name: str, args: dict, call_id: str = "call_1") -> dict:
    """A scripted assistant message that calls one tool."""
    return {"role": "assistant", "content": None,
            "tool_calls": [{"id": call_id, "type": "function",
                            "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)}}]}


def text(content: str) -> dict:
    """A scripted assistant message with a final answer."""
    return {"role": "assistant", "content": content}


class FakeOpenAI:
    """Serves /v1/chat/completions from a script: messages, HTTP errors, delays or raw garbage, in order."""

    def __init__(self, script: list[Any]):
        """script items: a message dict, ("status", code[, message]), ("sleep", seconds, message) or ("raw", bytes)."""
        self.script = list(script)
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            """Answers each POST with the next scripted step."""

            def log_message(self, *args) -> None:
                """Keep test output quiet."""

            def do_GET(self) -> None:
                """`/v1/models`: the one model this fake serves (clients check the server is up)."""
                self._send(200, json.dumps({"object": "list", "data": [{"id": "fake-model", "object": "model"}]}).encode())

            def do_POST(self) -> None:
                """Record the request body and play the next step."""
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                fake.requests.append(body)
                step = fake.script.pop(0) if fake.script else text("(script exhausted)")
                if isinstance(step, tuple) and step[0] == "status":
                    message = step[2] if len(step) > 2 else "scripted failure"
                    self._send(step[1], json.dumps({"error": {"message": message}}).encode())
                elif isinstance(step, tuple) and step[0] == "raw":
                    self._send(200, step[1])
                else:
                    if isinstance(step, tuple) and step[0] == "sleep":
                        time.sleep(step[1])
                        step = step[2]
                    self._send(200, json.dumps(_completion(step)).encode())

            def _send(self, status: int, payload: bytes) -> None:
                """Write one JSON response."""
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """The /v1 base URL to give ChatOpenAI."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeOpenAI:
        """Start serving."""
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


def _completion(message: dict) -> dict:
    """Wrap a message in a chat.completion response."""
    finish = "tool_calls" if message.get("tool_calls") else "stop"
    return {"id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake-model",
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
