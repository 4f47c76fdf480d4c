"""One error family for every HR refusal, so the bot and the API can map it to chat text and HTTP status."""

from __future__ import annotations

_HTTP_STATUS = {"forbidden": 403, "not_found": 404, "invalid": 422, "conflict": 409, "unavailable": 503}


class HRError(Exception):
    """A refusal with a machine code, an HTTP status and a friendly message in Chinese and English."""

    def __init__(self, code: str, message_en: str, message_zh: str, **details: object) -> None:
        """Keep the code stable (callers branch on it) and the messages human."""
        super().__init__(message_en)
        self.code = code
        self.http_status = _HTTP_STATUS.get(code, 400)
        self.message_en = message_en
        self.message_zh = message_zh
        self.details = details

    def message(self, lang: str = "en") -> str:
        """The friendly text in the reader's language (zh or en)."""
        return self.message_zh if lang.startswith("zh") else self.message_en

    def to_dict(self) -> dict:
        """A JSON-ready body for API responses."""
        return {"code": self.code, "message_en": self.message_en, "message_zh": self.message_zh,
                "details": {k: str(v) for k, v in self.details.items()}}


def forbidden(what_en: str, what_zh: str) -> HRError:
    """The caller may not see or change this record."""
    return HRError("forbidden", f"You are not allowed to {what_en}.", f"您无权{what_zh}。")


def not_found(kind: str, key: str) -> HRError:
    """A referenced record does not exist."""
    names_zh = {"employee": "员工", "course": "课程", "department": "部门", "session": "课程场次", "enrollment": "报名记录"}
    return HRError("not_found", f"No {kind} '{key}' exists; check the id.",
                   f"找不到{names_zh.get(kind, kind)}“{key}”，请检查编号。", kind=kind, key=key)


def invalid(message_en: str, message_zh: str, **details: object) -> HRError:
    """The request is well-formed but breaks a rule (prerequisite, eligibility, bad value)."""
    return HRError("invalid", message_en, message_zh, **details)


def conflict(message_en: str, message_zh: str, **details: object) -> HRError:
    """The request collides with current state (session full, already completed)."""
    return HRError("conflict", message_en, message_zh, **details)
