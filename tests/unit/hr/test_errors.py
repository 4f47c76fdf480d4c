"""The one error family: codes, HTTP statuses and both languages."""

from __future__ import annotations

from hr.errors import HRError, conflict, forbidden, invalid, not_found


def test_codes_map_to_http_statuses_and_messages():
    cases = [(forbidden("see this", "查看"), "forbidden", 403), (not_found("course", "X-1"), "not_found", 404),
             (invalid("bad", "错"), "invalid", 422), (conflict("full", "满"), "conflict", 409)]
    for error, code, status in cases:
        assert isinstance(error, HRError) and (error.code, error.http_status) == (code, status)
        assert error.message("zh") == error.message_zh and error.message("en") == error.message_en
    assert "X-1" in not_found("course", "X-1").message_zh and "课程" in not_found("course", "X-1").message_zh
    assert not_found("course", "X-1").to_dict()["details"] == {"kind": "course", "key": "X-1"}
