"""The FastAPI app factory: one app with the JSON API, the web chat page, and the configured chat channels."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI

from adapters.api.chat_routes import chat_router
from adapters.api.health import health_router
from adapters.api.tokens import TokenStore
from adapters.channels import Channels, build_channels, default_chat_and_directory
from adapters.settings import Settings
from adapters.web.routes import web_router

log = logging.getLogger(__name__)


def create_app(settings: Settings, channels: Channels | None = None) -> FastAPI:
    """Build the app; without `channels`, the real bot and HR directory are wired from settings."""
    owned = channels is None
    if channels is None:
        chat, directory = default_chat_and_directory(settings)
        channels = build_channels(settings, chat, directory)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        """On shutdown drain the in-process queue (build_channels already logged which channels are mounted)."""
        yield
        if owned:
            channels.close()

    app = FastAPI(title="Mentor API", version="0.1.0", lifespan=lifespan,
                  description="Chat with Mentor (培训导师与HR助手) and read your reports. "
                              "Authenticate with `Authorization: Bearer <token>` from `mentor tokens create`.")
    app.state.channels = channels
    app.state.tokens = TokenStore(channels.engine)
    app.include_router(health_router())
    app.include_router(chat_router())
    app.include_router(web_router())
    if channels.slack_app is not None:
        from adapters.slack.route import slack_router

        app.include_router(slack_router(channels.slack_app))
    if channels.wecom_crypto is not None:
        from adapters.wecom.route import wecom_router

        w = settings.wecom
        app.include_router(wecom_router(channels.wecom_crypto, channels.queue, channels.dedupe,
                                        max_skew_s=w.max_skew_s, max_body_bytes=w.max_body_bytes))
    return app
