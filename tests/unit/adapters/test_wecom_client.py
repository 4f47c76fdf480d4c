"""The WeCom API client: the access_token is cached for its lifetime and refetched when expired or rejected."""

from __future__ import annotations

import pytest

from adapters.fakes.wecom_api import FakeWeComApi
from adapters.wecom.client import WeComApiError, WeComClient


class Clock:
    """A settable monotonic clock."""

    def __init__(self) -> None:
        """Start at 0."""
        self.now = 0.0

    def __call__(self) -> float:
        """Current time."""
        return self.now


def test_token_is_reused_until_it_nearly_expires():
    """Token is reused until it nearly expires."""
    clock = Clock()
    with FakeWeComApi() as fake:
        client = WeComClient(fake.url, "wwcorp", "s3cret", "1000002", clock=clock)
        client.send("u1", {"msgtype": "text", "text": {"content": "1"}})
        clock.now = 6000
        client.send("u1", {"msgtype": "text", "text": {"content": "2"}})
        assert len(fake.calls_to("gettoken")) == 1
        clock.now = 7000  # within the 300 s safety margin of the 7,200 s lifetime
        client.send("u1", {"msgtype": "text", "text": {"content": "3"}})
        assert len(fake.calls_to("gettoken")) == 2
        assert [m["text"]["content"] for m in fake.sent_messages()] == ["1", "2", "3"]
        client.close()


def test_rejected_token_is_refetched_once_and_other_errors_raise():
    """Rejected token is refetched once and other errors raise."""
    with FakeWeComApi() as fake:
        client = WeComClient(fake.url, "wwcorp", "s3cret", "1000002")
        fake.expire_next_send = True
        client.send("u1", {"msgtype": "text", "text": {"content": "x"}})
        assert len(fake.calls_to("gettoken")) == 2 and len(fake.sent_messages()) == 1
        bad = WeComClient(fake.url, "wwcorp", "wrong-secret", "1000002")
        with pytest.raises(WeComApiError) as error:
            bad.send("u1", {"msgtype": "text", "text": {"content": "x"}})
        assert error.value.errcode == 40001
        assert client.upload_image("c.png", b"\x89PNG") == "MEDIA1"
        client.close()
        bad.close()
