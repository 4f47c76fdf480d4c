"""A fake Slack Web API (like bolt-python's tests/mock_web_api_server) that records every call."""

from __future__ import annotations

import itertools
import threading
from typing import Any

from adapters.fakes.recording_server import RecordedCall, RecordingServer

BOT_USER_ID = "UMENTORBOT"


class FakeSlackWebApi(RecordingServer):
    """Answers the methods Mentor uses; `emails` maps Slack user ids to profile emails for users.info."""

    def __init__(self, emails: dict[str, str] | None = None) -> None:
        """Start with a users.info directory and a ts counter."""
        super().__init__()
        self.emails = dict(emails or {})
        self.locales: dict[str, str] = {}  # users.info locale per user (include_locale=true)
        self.socket_mode_url = ""  # set to a FakeSocketModeServer's url to serve apps.connections.open
        self._ts = itertools.count(1)
        self._ts_lock = threading.Lock()

    def _next_ts(self) -> str:
        """Monotonic message timestamps like Slack's."""
        with self._ts_lock:
            return f"1700000000.{next(self._ts):06d}"

    def respond(self, call: RecordedCall) -> tuple[int, Any]:
        """Slack-shaped JSON for each supported method; unknown methods get unknown_method."""
        if call.body.get("_path", "").startswith("/upload/"):
            return 200, f"OK - {len(call.raw)}".encode()
        args = {**call.query, **call.body}
        method = call.method
        if method == "auth.test":
            return 200, {"ok": True, "user_id": BOT_USER_ID, "bot_id": "BMENTOR", "team_id": "T0001", "user": "mentor"}
        if method == "chat.postMessage":
            return 200, {"ok": True, "channel": args.get("channel"), "ts": self._next_ts(),
                         "message": {"text": args.get("text", "")}}
        if method == "chat.update":
            return 200, {"ok": True, "channel": args.get("channel"), "ts": args.get("ts")}
        if method == "chat.postEphemeral":
            return 200, {"ok": True, "message_ts": self._next_ts()}
        if method == "conversations.open":
            return 200, {"ok": True, "channel": {"id": "D" + str(args.get("users", "")).split(",")[0]}}
        if method == "users.info":
            user = args.get("user", "")
            if user not in self.emails:
                return 200, {"ok": False, "error": "user_not_found"}
            return 200, {"ok": True, "user": {"id": user, "locale": self.locales.get(user, "zh-CN"),
                                              "profile": {"email": self.emails[user]}}}
        if method == "apps.connections.open":
            if not self.socket_mode_url:
                return 200, {"ok": False, "error": "not_allowed_token_type"}
            return 200, {"ok": True, "url": self.socket_mode_url}
        if method == "views.publish":
            return 200, {"ok": True, "view": {"id": "V1"}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{self._next_ts().replace('.', '')}"
            return 200, {"ok": True, "upload_url": f"{self.url}upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            return 200, {"ok": True, "files": [{"id": "F1", "title": "chart"}]}
        return 200, {"ok": False, "error": "unknown_method"}
