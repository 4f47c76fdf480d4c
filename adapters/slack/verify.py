"""Slack request signing check as a bolt middleware whose clock can be fixed (published vectors are from 2018)."""

from __future__ import annotations

import time

from slack_bolt.middleware.request_verification import RequestVerification
from slack_sdk.signature import Clock, SignatureVerifier


class FixedClock(Clock):
    """A clock stuck at one instant, so a vector's timestamp is 'now' in tests."""

    def __init__(self, now: float) -> None:
        """Remember the instant."""
        self._now = now

    def now(self) -> float:
        """Always the same instant."""
        return self._now


class SystemClock(Clock):
    """The real clock (slack_sdk's default), named so wiring reads clearly."""

    def now(self) -> float:
        """Seconds since the epoch."""
        return time.time()


def make_verifier(signing_secret: str, clock: Clock | None = None) -> SignatureVerifier:
    """slack_sdk's verifier: v0 HMAC-SHA256, constant-time compare, 300 s window."""
    return SignatureVerifier(signing_secret=signing_secret, clock=clock or SystemClock())


class ClockedRequestVerification(RequestVerification):
    """bolt's own verification middleware (401 on failure, nothing dispatched), with an injectable clock."""

    def __init__(self, signing_secret: str, clock: Clock | None = None) -> None:
        """Build the verifier up front; bolt's default builds it lazily with the system clock."""
        super().__init__(signing_secret)
        self._verifier = make_verifier(signing_secret, clock)

    def _debug_log_error(self, signature, timestamp, body) -> None:
        """bolt logs the whole unauthenticated body here; log only that it happened."""
        self.logger.info("slack request with an invalid signature refused")


def request_verifier(bolt_app) -> SignatureVerifier:
    """The verifier the bolt app checks with (same secret and clock), for the route to check raw bytes first."""
    middleware = getattr(bolt_app, "_before_authorize", None)
    if not isinstance(middleware, ClockedRequestVerification):
        raise TypeError("the bolt app was not built by adapters.slack.bolt_app.build_bolt_app")
    return middleware.verifier
