"""FastAPI route for Slack's HTTP mode: raw request -> BoltRequest -> App.dispatch -> response."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from slack_bolt import App, BoltRequest
from starlette.concurrency import run_in_threadpool

MAX_SLACK_BODY = 1_000_000


def slack_router(bolt_app: App) -> APIRouter:
    """`POST /slack/events` for events, commands and interactivity (one Request URL for all three)."""
    router = APIRouter(tags=["slack"])

    @router.post("/slack/events", include_in_schema=False)
    async def slack_events(request: Request) -> Response:
        """Read the raw body (the signature covers its bytes) and let bolt verify, ack and dispatch."""
        body = await request.body()
        if len(body) > MAX_SLACK_BODY:
            return Response("request body too large", status_code=413)
        try:
            bolt_request = BoltRequest(body=body.decode("utf-8", errors="replace"), query=str(request.url.query),
                                       headers={k: [v] for k, v in request.headers.items()})
        except ValueError:  # bolt parses JSON / form payloads up front; garbage is the sender's problem
            return Response("malformed Slack payload", status_code=400)
        bolt_response = await run_in_threadpool(bolt_app.dispatch, bolt_request)
        return Response(content=bolt_response.body, status_code=bolt_response.status,
                        headers=bolt_response.first_headers_without_set_cookie())

    return router
