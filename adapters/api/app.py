"""The FastAPI app factory: one app with the JSON API, the web chat page, and the configured chat channels."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI

from adapters.api.admin_routes import admin_router
from adapters.api.chat_routes import chat_router
from adapters.api.guard import BodyLimits, RequestGuard
from adapters.api.health import health_router
from adapters.api.heap import freeze_survivors
from adapters.api.report_routes import report_router
from adapters.api.tokens import TokenStore
from adapters.channels import Channels, default_backends
from adapters.log_redaction import install_redaction, settings_secrets
from adapters.settings import Settings
from adapters.web.routes import web_router

log = logging.getLogger(__name__)


def start_reminders(channels: Channels):
    """In-process mode only: enqueue the reminders job every interval (with Redis the arq worker's cron does it)."""
    from adapters.worker.queue import REMINDERS_JOB
    from adapters.worker.schedule import PeriodicTrigger

    interval = channels.settings.api.reminder_interval_s
    if channels.settings.redis_url or interval <= 0 or REMINDERS_JOB not in channels.registry.names():
        return None
    return PeriodicTrigger(channels.queue, REMINDERS_JOB, interval).start()


def install_error_handlers(app: FastAPI) -> None:
    """Domain refusals (HR's error family, unknown employee) become their HTTP status with a bilingual body."""
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    from adapters.wiring import UnknownEmployee
    from hr.errors import HRError

    @app.exception_handler(HRError)
    async def hr_error(_request, error: HRError) -> JSONResponse:
        """403/404/409/422 with code, message_en and message_zh."""
        return JSONResponse(error.to_dict(), status_code=error.http_status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request, error: RequestValidationError) -> JSONResponse:
        """422 that says which field is wrong and why, never echoing the input back (it may be megabytes)."""
        problems = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))[:300], "type": e.get("type", "")}
                    for e in error.errors()[:20]]
        summary = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in problems[:3])
        return JSONResponse({"code": "invalid_request", "detail": problems,
                             "message_en": f"The request is not valid ({summary}).",
                             "message_zh": f"请求格式不正确（{summary}）。"}, status_code=422)

    @app.exception_handler(UnknownEmployee)
    async def unknown_employee(_request, error: UnknownEmployee) -> JSONResponse:
        """The token names nobody in the HR records (e.g. the person left)."""
        return JSONResponse({"code": error.code, "message_en": str(error),
                             "message_zh": "HR 记录中没有这位员工；请联系 HR。"}, status_code=error.http_status)


def create_app(settings: Settings, channels: Channels | None = None) -> FastAPI:
    """Build the app; without `channels`, the real bot and HR directory are wired from settings."""
    owned = channels is None
    if channels is None:
        from adapters.wiring import build_channels_for

        channels = build_channels_for(settings, default_backends(settings))

    install_redaction(settings_secrets(settings))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        """Start the in-process reminder schedule; on shutdown stop it and drain the queue."""
        install_redaction()  # the server has configured its log handlers by now: rate-limit them too
        trigger = start_reminders(channels)
        freezer = (asyncio.create_task(freeze_survivors(settings.api.freeze_heap_s))
                   if settings.api.freeze_heap_s > 0 else None)
        yield
        if freezer is not None:
            freezer.cancel()
        if trigger is not None:
            trigger.stop()
        if channels.intake is not None:
            await channels.intake.aclose()
        if owned:
            channels.close()

    app = FastAPI(title="Mentor API", version="0.1.0", lifespan=lifespan,
                  description="Chat with Mentor （培训导师与HR助手） and read your reports. "
                              "Authenticate with `Authorization: Bearer <token>` from `mentor tokens create`.")
    install_error_handlers(app)
    app.state.channels = channels
    app.state.tokens = TokenStore(channels.engine)
    app.add_middleware(RequestGuard, limits=BodyLimits(api=settings.api.max_body_bytes,
                                                       slack=settings.slack.max_body_bytes,
                                                       wecom=settings.wecom.max_body_bytes),
                       employee_for=app.state.tokens.employee_for)
    app.include_router(health_router())
    app.include_router(chat_router())
    app.include_router(report_router())
    app.include_router(admin_router())
    app.include_router(web_router())
    if channels.slack_app is not None:
        from adapters.slack.event_ack import BotUser, EventAck
        from adapters.slack.route import slack_router
        from adapters.slack.verify import request_verifier

        events = EventAck(channels.intake, BotUser(channels.slack_client)) if channels.intake is not None else None
        app.include_router(slack_router(channels.slack_app, request_verifier(channels.slack_app), events))
    if channels.wecom_crypto is not None:
        from adapters.wecom.route import wecom_router

        w = settings.wecom
        app.include_router(wecom_router(channels.wecom_crypto, channels.queue, channels.dedupe,
                                        max_skew_s=w.max_skew_s, max_body_bytes=w.max_body_bytes))
    return app
