"""HR's Notifier port delivered over the channels (Slack DM first, WeCom next, error when unreachable)."""

from __future__ import annotations

import pytest

from adapters.fakes.slack_web_api import FakeSlackWebApi
from adapters.fakes.wecom_api import FakeWeComApi
from adapters.notifier import ChannelNotifier
from adapters.slack.bolt_app import make_web_client
from adapters.wecom.client import WeComClient
from hr.notify import DeliveryError, Notification


def note(**contacts) -> Notification:
    """A reminder with the given contact ids."""
    return Notification(recipient_id="E0001", kind="reminder", text_zh="请完成 SEC-101", text_en="Please finish SEC-101",
                        dedupe_key="k", **contacts)


def test_slack_dm_first_then_wecom_then_a_clear_error():
    """Slack dm first then wecom then a clear error."""
    with FakeSlackWebApi() as slack, FakeWeComApi() as wecom:
        notifier = ChannelNotifier(make_web_client("xoxb-t", slack.url),
                                   WeComClient(wecom.url, "wwcorp", "s3cret", "1000002"))
        receipt = notifier.send(note(slack_user_id="U1", wecom_userid="w1"))
        (dm,) = slack.calls_to("chat.postMessage")
        assert receipt.channel == "slack" and receipt.message_id == "DU1:1700000000.000001"
        assert dm.body["channel"] == "DU1" and dm.body["text"] == "请完成 SEC-101\nPlease finish SEC-101"
        assert notifier.send(note(wecom_userid="w1")).channel == "wecom"
        (sent,) = wecom.sent_messages()
        assert sent["touser"] == "w1" and "SEC-101" in sent["text"]["content"]
        with pytest.raises(DeliveryError, match="no configured channel") as unreachable:
            notifier.send(note(email="x@example.com"))
        assert unreachable.value.retryable is False


def test_long_wecom_notifications_are_split_within_2048_bytes():
    """A long reminder reaches WeCom in order, every part within the byte cap."""
    with FakeWeComApi() as wecom:
        notifier = ChannelNotifier(None, WeComClient(wecom.url, "wwcorp", "s3cret", "1000002"))
        long = Notification(recipient_id="E1", kind="overdue", text_zh="请尽快完成课程。" * 200, text_en="",
                            dedupe_key="k2", wecom_userid="w1")
        notifier.send(long)
        parts = [m["text"]["content"] for m in wecom.sent_messages()]
        assert len(parts) > 1 and all(len(p.encode()) <= 2048 for p in parts)
        assert "".join(parts) == "请尽快完成课程。" * 200
