"""`/api/chat` (JSON) and `/api/chat/stream` (server-sent events, progressive) plus feedback and whoami."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterator

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import StreamingResponse

from adapters.api.auth import current_employee
from adapters.api.schemas import ChatIn, FeedbackIn, ReplyOut, TokenOut, reply_out
from adapters.turn_guard import too_long_notice
from bot.messages import BotReply, IncomingMessage

log = logging.getLogger(__name__)

STREAM_CHUNK_CHARS = 24


def refusal(request: Request, body: ChatIn) -> str | None:
    """Why this message is not taken (empty, or over the length cap), in the sender's language; None when fine."""
    if not body.text.strip() and not body.action:
        return "send `text` (a question) or `action` (a pressed button) / 请输入问题"
    return too_long_notice(body.text, request.app.state.channels.settings.api.max_message_chars)


def _ask(request: Request, employee_id: str, body: ChatIn) -> tuple[BotReply, str]:
    """Run one turn through the chat service as the token's owner."""
    problem = refusal(request, body)
    if problem:
        raise HTTPException(422, problem)
    ref = "web:" + secrets.token_hex(8)
    msg = IncomingMessage(employee_id=employee_id, text=body.text.strip(), channel="web",
                          thread_id=f"web:{employee_id}:{body.thread_id}", message_id=ref, shared=False,
                          action=body.action)
    return request.app.state.channels.chat.handle(msg), ref


def sse(event: str, data: object) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def chunks(text: str, size: int = STREAM_CHUNK_CHARS) -> Iterator[str]:
    """Slices of the answer for progressive display (whole characters; Chinese and English alike)."""
    for start in range(0, len(text), size):
        yield text[start:start + size]


def chat_router() -> APIRouter:
    """Routes under /api that need a token."""
    router = APIRouter(prefix="/api", tags=["chat"])

    @router.get("/me", response_model=TokenOut, summary="Who this token belongs to")
    def me(employee_id: str = Depends(current_employee)) -> TokenOut:
        """The identity the server sees (from the token only)."""
        return TokenOut(employee_id=employee_id)

    @router.post("/chat", response_model=ReplyOut, summary="Ask Mentor a question or press a button")
    def chat(body: ChatIn, request: Request, employee_id: str = Depends(current_employee)) -> ReplyOut:
        """One complete answer as JSON."""
        reply, ref = _ask(request, employee_id, body)
        return reply_out(reply, ref)

    @router.post("/chat/stream", summary="Same as /api/chat, as server-sent events (status, delta..., done)")
    def chat_stream(body: ChatIn, request: Request, employee_id: str = Depends(current_employee)):
        """Progressive answer: a status event at once, then text deltas, then the full reply."""
        problem = refusal(request, body)
        if problem:  # the page shows an `error` event's message as the bot's answer
            return StreamingResponse(iter([sse("error", {"message": problem, "code": "refused"})]),
                                     media_type="text/event-stream")

        def events() -> Iterator[str]:
            """Generated in a worker thread by Starlette, so the event loop stays free."""
            yield sse("status", {"state": "thinking"})
            try:
                reply, ref = _ask(request, employee_id, body)
            except Exception:
                log.exception("chat turn failed")
                yield sse("error", {"message": "internal error, please retry / 内部错误，请重试"})
                return
            for piece in chunks(reply.text):
                yield sse("delta", {"text": piece})
            yield sse("done", reply_out(reply, ref).model_dump())

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @router.post("/feedback", status_code=204, summary="Helpful / not helpful on one answer")
    def feedback(body: FeedbackIn, request: Request, employee_id: str = Depends(current_employee)) -> None:
        """Stored with the token owner's id."""
        request.app.state.channels.feedback.record(employee_id, "web", body.message_ref, body.helpful)

    return router
