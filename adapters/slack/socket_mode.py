"""`mentor slack --socket`: the same bolt App over Socket Mode, for installs without a public URL."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger(__name__)


def socket_mode_handler(bolt_app: App, app_token: str) -> SocketModeHandler:
    """The same App over a WebSocket; bolt skips signature checks in socket mode (the socket is authenticated)."""
    if not app_token.startswith("xapp-"):
        raise ValueError("MENTOR_SLACK_APP_TOKEN must be an app-level token starting with xapp- (Socket Mode)")
    return SocketModeHandler(bolt_app, app_token)


def run_socket_mode(bolt_app: App, app_token: str) -> None:
    """Block serving events until interrupted."""
    log.info("slack socket mode starting")
    socket_mode_handler(bolt_app, app_token).start()
