"""WeCom active API: gettoken (cached 7,200 s, refetched when WeCom says it is invalid), message/send, media/upload."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

log = logging.getLogger(__name__)

TOKEN_INVALID_CODES = frozenset({40014, 42001, 41001})  # invalid, expired, missing access_token
TOKEN_SAFETY_S = 300.0


class WeComApiError(RuntimeError):
    """WeCom answered with a non-zero errcode we cannot fix by refreshing the token."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        """Keep WeCom's code for logs."""
        super().__init__(f"WeCom errcode {errcode}: {errmsg}")
        self.errcode = errcode


class WeComClient:
    """One self-built app's API client; thread-safe token cache shared by every worker thread."""

    def __init__(self, api_url: str, corp_id: str, secret: str, agent_id: str, *, http: httpx.Client | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """HTTP client and clock come from outside (tests point api_url at a local fake)."""
        self._base = api_url.rstrip("/") + "/"
        self._corp_id = corp_id
        self._secret = secret
        self._agent_id = int(agent_id) if str(agent_id).isdigit() else agent_id
        self._http = http or httpx.Client(timeout=10.0)
        self._clock = clock
        self._token: str | None = None
        self._token_expires = 0.0
        self._lock = threading.Lock()

    def access_token(self, force: bool = False) -> str:
        """The cached token, fetched again when missing, near expiry, or forced after an invalid-token error."""
        with self._lock:
            if force or not self._token or self._clock() >= self._token_expires:
                response = self._http.get(self._base + "gettoken", params={"corpid": self._corp_id,
                                                                          "corpsecret": self._secret})
                data = self._json(response)
                if data.get("errcode", 0) != 0:
                    raise WeComApiError(data.get("errcode", -1), data.get("errmsg", ""))
                self._token = data["access_token"]
                self._token_expires = self._clock() + float(data.get("expires_in", 7200)) - TOKEN_SAFETY_S
            return self._token

    @staticmethod
    def _json(response: httpx.Response) -> dict[str, Any]:
        """WeCom always answers JSON; anything else is an upstream failure."""
        response.raise_for_status()
        return response.json()

    def _call(self, send: Callable[[str], httpx.Response]) -> dict[str, Any]:
        """Call with the cached token; on an invalid/expired-token errcode refetch once and retry."""
        data = self._json(send(self.access_token()))
        if data.get("errcode", 0) in TOKEN_INVALID_CODES:
            log.info("wecom access_token rejected (%s), refetching", data.get("errcode"))
            data = self._json(send(self.access_token(force=True)))
        if data.get("errcode", 0) != 0:
            raise WeComApiError(data.get("errcode", -1), data.get("errmsg", ""))
        return data

    def send(self, touser: str, message: dict[str, Any]) -> dict[str, Any]:
        """message/send to one member (the app's chat with them is private to them)."""
        body = {"touser": touser, "agentid": self._agent_id, **message}
        return self._call(lambda token: self._http.post(self._base + "message/send", params={"access_token": token},
                                                        json=body))

    def update_card_buttons(self, touser: str, response_code: str, replace_name: str) -> dict[str, Any]:
        """Replace a clicked button_interaction card's buttons with one disabled label (a choice counts once)."""
        body = {"userids": [touser], "agentid": self._agent_id, "response_code": response_code,
                "button": {"replace_name": replace_name[:20]}}
        return self._call(lambda token: self._http.post(self._base + "message/update_template_card",
                                                        params={"access_token": token}, json=body))

    def upload_image(self, filename: str, content: bytes, mime_type: str = "image/png") -> str:
        """media/upload a chart; returns the media_id for an image message."""
        data = self._call(lambda token: self._http.post(self._base + "media/upload",
                                                        params={"access_token": token, "type": "image"},
                                                        files={"media": (filename, content, mime_type)}))
        return data["media_id"]

    def close(self) -> None:
        """Release connections."""
        self._http.close()
