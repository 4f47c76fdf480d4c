"""FastAPI route for Slack's HTTP mode: raw request -> signature check -> BoltRequest -> App.dispatch -> response.

The signature is checked on the raw bytes before anything parses them: an unsigned body (an array, a number,
deeply nested JSON, a bad timestamp) is a 401 that is never parsed and never logged."""

from __future__ import annotations

import json
import logging
import re

from fastapi import APIRouter, Request, Response
from slack_bolt import App, BoltRequest
from slack_sdk.signature import SignatureVerifier
from starlette.concurrency import run_in_threadpool

from adapters.log_redaction import RepeatLimiter
from adapters.slack.event_ack import EventAck

log = logging.getLogger(__name__)

_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")
_SIGNATURE = re.compile(r"^v0=[0-9a-f]{64}$")


_OBJECTS = ("event", "user", "channel", "team", "container", "message", "view", "authorizations")
_TEXTS = ("type", "event_id", "command", "text", "user_id", "channel_id", "trigger_id", "api_app_id", "team_id")


def well_shaped(body: object) -> bool:
    """The fields bolt's middleware reads without checking have the types Slack sends (else bolt raises)."""
    if not isinstance(body, dict):
        return False
    if "event" in body and not isinstance(body["event"], dict):  # bolt reads body.get("event", {}).get(...)
        return False
    if any(key in body and not isinstance(body[key], (dict, str)) for key in _OBJECTS[1:]):
        return False
    if any(key in body and not isinstance(body[key], str) for key in _TEXTS):
        return False
    actions = body.get("actions", [])
    if not isinstance(actions, list) or not all(isinstance(a, dict) for a in actions):
        return False
    event = body.get("event") or {}
    return all(not (key in event and not isinstance(event[key], str)) for key in ("type", "user", "channel", "text",
                                                                                  "ts", "thread_ts", "bot_id"))


def event_callback(body: str, content_type: str) -> dict | None:
    """The parsed envelope when a verified body is an Events API `event_callback` (the ack path's only parse)."""
    if "json" not in content_type or not body.lstrip().startswith("{"):
        return None
    try:
        parsed = json.loads(body)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict) and parsed.get("type") == "event_callback" else None


def slack_router(bolt_app: App, verifier: SignatureVerifier, events: EventAck | None = None) -> APIRouter:
    """`POST /slack/events` for events, commands and interactivity (one Request URL for all three); with `events`,
    Events API deliveries are acked on the event loop (claim + enqueue) and never reach bolt's threads."""
    router = APIRouter(tags=["slack"])
    warn = RepeatLimiter(log)

    @router.post("/slack/events", include_in_schema=False)
    async def slack_events(request: Request) -> Response:
        """Verify the raw body (the app's guard has already capped its size), then let bolt ack and dispatch."""
        raw = await request.body()
        timestamp = request.headers.get("x-slack-request-timestamp", "")
        signature = request.headers.get("x-slack-signature", "")
        try:
            body = raw.decode("utf-8")  # Slack signs UTF-8 text; the verifier would raise on anything else
        except UnicodeDecodeError:
            body = None
        if body is None or not (_TIMESTAMP.match(timestamp) and _SIGNATURE.match(signature)
                                and verifier.is_valid(body, timestamp, signature)):
            warn.warning("slack-signature", "slack request refused: missing, stale or wrong signature")
            return Response('{"error":"invalid request"}', status_code=401, media_type="application/json")
        envelope = event_callback(body, request.headers.get("content-type", "")) if events is not None else None
        if envelope is not None:
            return await ack_event(envelope)
        try:
            bolt_request = BoltRequest(body=body, query=str(request.url.query),
                                       headers={k: [v] for k, v in request.headers.items()})
        except Exception:  # bolt parses JSON / form payloads up front; a signed but odd body is still a 400
            warn.warning("slack-payload", "signed slack payload could not be parsed")
            return Response("malformed Slack payload", status_code=400)
        if not well_shaped(bolt_request.body):
            warn.warning("slack-shape", "signed slack payload of an unexpected shape refused")
            return Response("malformed Slack payload", status_code=400)
        try:
            bolt_response = await run_in_threadpool(bolt_app.dispatch, bolt_request)
        except Exception:  # bolt reads fields of a body it assumes well-formed; ours may not be
            log.exception("slack dispatch failed on a signed payload")
            return Response("malformed Slack payload", status_code=400)
        return Response(content=bolt_response.body, status_code=bolt_response.status,
                        headers=bolt_response.first_headers_without_set_cookie())

    async def ack_event(envelope: dict) -> Response:
        """200 once the event is claimed and queued (or is a retry / not for us); 500 lets Slack retry."""
        if not well_shaped(envelope):
            warn.warning("slack-shape", "signed slack payload of an unexpected shape refused")
            return Response("malformed Slack payload", status_code=400)
        try:
            await events.handle(envelope)
        except Exception:
            log.exception("slack event %s could not be queued; Slack will retry", envelope.get("event_id", "")[:80])
            return Response('{"error":"try again"}', status_code=500, media_type="application/json")
        return Response(status_code=200)

    return router
