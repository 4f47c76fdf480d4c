"""`mentor slack --socket`: the same bolt App over Socket Mode, for installs without a public URL."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger(__name__)


def run_socket_mode(bolt_app: App, app_token: str) -> None:
    """Block serving events over a WebSocket (bolt skips signature checks in socket mode: the socket is trusted)."""
    if not app_token.startswith("xapp-"):
        raise ValueError("MENTOR_SLACK_APP_TOKEN must be an app-level token starting with xapp- (Socket Mode)")
    log.info("slack socket mode starting")
    SocketModeHandler(bolt_app, app_token).start()
