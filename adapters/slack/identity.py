"""Slack user -> employee id: the stored Slack id first, else the email from `users.info`."""

from __future__ import annotations

import logging
import threading
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.ports import EmployeeDirectory

log = logging.getLogger(__name__)


class SlackIdentity:
    """Resolve and cache (10 minutes) who a Slack user is; unknown users resolve to None."""

    def __init__(self, directory: EmployeeDirectory, client: WebClient, ttl_s: float = 600.0) -> None:
        """Keep the directory port and the Web API client."""
        self._directory = directory
        self._client = client
        self._ttl = ttl_s
        self._cache: dict[str, tuple[float, str | None]] = {}
        self._lock = threading.Lock()

    def resolve(self, slack_user_id: str) -> str | None:
        """The employee id for this Slack user, or None when HR has no match."""
        with self._lock:
            hit = self._cache.get(slack_user_id)
        if hit and time.monotonic() - hit[0] < self._ttl:
            return hit[1]
        employee_id = self._directory.by_slack_id(slack_user_id) or self._by_email(slack_user_id)
        with self._lock:
            self._cache[slack_user_id] = (time.monotonic(), employee_id)
        return employee_id

    def _by_email(self, slack_user_id: str) -> str | None:
        """Ask Slack for the profile email (needs users:read.email) and match it in HR."""
        try:
            response = self._client.users_info(user=slack_user_id)
        except SlackApiError as error:
            log.warning("users.info failed for %s: %s", slack_user_id, error.response.get("error"))
            return None
        email = ((response.get("user") or {}).get("profile") or {}).get("email")
        return self._directory.by_email(email) if email else None
