"""WeCom callback bodies -> the Encrypt field, and decrypted XML -> a plain WeComInbound (pure, defused XML)."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

BUTTON_KEY_PREFIX = "mentor:"


class WeComInputError(ValueError):
    """A callback body we cannot read (malformed XML/JSON, missing fields): the route answers 400."""


@dataclass(frozen=True)
class WeComInbound:
    """What the reply job needs from one callback, JSON-ready so it can cross Redis."""

    user: str
    msg_type: str
    dedupe_key: str
    text: str = ""
    event: str = ""
    action: dict[str, Any] | None = None
    task_id: str = ""
    response_code: str = ""  # lets the app replace a clicked card's buttons (update_template_card)
    pressed_label: str = ""

    def to_payload(self) -> dict[str, Any]:
        """Serialise for the task queue."""
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> WeComInbound:
        """Rebuild from the task queue."""
        return cls(**payload)


def _xml(text: str | bytes):
    """Parse with defusedxml (no entities, no DTDs): bad XML is the sender's fault, a 400."""
    try:
        return fromstring(text)
    except (ParseError, DefusedXmlException) as error:
        raise WeComInputError(f"malformed XML: {error}") from error


def extract_encrypt(body: bytes) -> str:
    """The Encrypt value from an XML envelope, or from a JSON one (`Encrypt` or `encrypt`)."""
    stripped = body.strip()
    if stripped.startswith(b"{"):
        try:
            data = json.loads(stripped)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise WeComInputError(f"malformed JSON: {error}") from error
        value = data.get("Encrypt") or data.get("encrypt") if isinstance(data, dict) else None
    else:
        node = _xml(stripped).find("Encrypt")
        value = node.text if node is not None else None
    if not value or not isinstance(value, str):
        raise WeComInputError("the callback body has no Encrypt field")
    return value.strip()


def _field(root, name: str) -> str:
    """Text of a child element, '' when absent."""
    node = root.find(name)
    return (node.text or "").strip() if node is not None else ""


def encode_button_key(value: dict[str, Any]) -> str:
    """A template_card button key carrying the action as base64url JSON (WeCom caps keys at 1,024 bytes)."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    key = BUTTON_KEY_PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    if len(key) > 1024:
        raise ValueError("button value too large for a WeCom template_card key (1,024 bytes)")
    return key


def decode_button_key(key: str) -> dict[str, Any] | None:
    """Inverse of encode_button_key; None for keys Mentor did not write."""
    if not key.startswith(BUTTON_KEY_PREFIX):
        return None
    body = key[len(BUTTON_KEY_PREFIX):]
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) and "kind" in data else None


def parse_message(plaintext: str) -> WeComInbound:
    """Decrypted callback XML -> WeComInbound; dedupe on MsgId, or FromUserName+CreateTime for events."""
    root = _xml(plaintext.encode("utf-8"))
    user = _field(root, "FromUserName")
    msg_type = _field(root, "MsgType")
    if not user or not msg_type:
        raise WeComInputError("the message has no FromUserName or MsgType")
    msg_id = _field(root, "MsgId")
    event = _field(root, "Event")
    dedupe_key = f"wecom:{msg_id}" if msg_id else f"wecom:{user}:{_field(root, 'CreateTime')}:{event}"
    action = None
    if event == "template_card_event":
        action = decode_button_key(_field(root, "EventKey"))
    return WeComInbound(user=user, msg_type=msg_type, dedupe_key=dedupe_key, text=_field(root, "Content"),
                        event=event, action=action, task_id=_field(root, "TaskId"),
                        response_code=_field(root, "ResponseCode"),
                        pressed_label=str((action or {}).get("label", "")))
