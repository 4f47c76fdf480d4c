"""A fake WeCom API (gettoken, message/send, media/upload) over real HTTP that records every call."""

from __future__ import annotations

import itertools
from typing import Any

from adapters.fakes.recording_server import RecordedCall, RecordingServer


class FakeWeComApi(RecordingServer):
    """Issues tokens, accepts sends; `expire_next_send` makes the next send answer 42001 (token expired)."""

    def __init__(self, corp_id: str = "wwcorp", secret: str = "s3cret") -> None:
        """Credentials the fake accepts."""
        super().__init__()
        self.corp_id = corp_id
        self.secret = secret
        self._tokens = itertools.count(1)
        self.valid_tokens: set[str] = set()
        self.expire_next_send = False

    def sent_messages(self) -> list[dict[str, Any]]:
        """Bodies of successful message/send calls, in arrival order."""
        return [c.body for c in self.calls_to("send") if c.body.get("_ok")]

    def respond(self, call: RecordedCall) -> tuple[int, Any]:
        """WeCom-shaped JSON answers."""
        if call.method == "gettoken":
            if call.query.get("corpid") != self.corp_id or call.query.get("corpsecret") != self.secret:
                return 200, {"errcode": 40001, "errmsg": "invalid credential"}
            token = f"token-{next(self._tokens)}"
            self.valid_tokens.add(token)
            return 200, {"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": 7200}
        token = call.query.get("access_token", "")
        if call.method == "send" and self.expire_next_send:
            self.expire_next_send = False
            self.valid_tokens.discard(token)
        if token not in self.valid_tokens:
            return 200, {"errcode": 42001, "errmsg": "access_token expired"}
        if call.method == "send":
            call.body["_ok"] = True
            return 200, {"errcode": 0, "errmsg": "ok", "msgid": f"m{len(self.calls)}"}
        if call.method == "update_template_card":
            return 200, {"errcode": 0, "errmsg": "ok", "invaliduser": []}
        if call.method == "upload":
            return 200, {"errcode": 0, "errmsg": "ok", "type": "image", "media_id": "MEDIA1", "created_at": "1"}
        return 200, {"errcode": 40035, "errmsg": "unknown api"}
