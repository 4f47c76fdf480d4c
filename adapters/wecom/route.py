"""`GET/POST /wecom/callback`: verify and decrypt, dedupe on MsgId, enqueue, answer an empty 200 at once."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import PlainTextResponse
from starlette.concurrency import run_in_threadpool

from adapters.dedupe import DedupeStore
from adapters.log_redaction import RepeatLimiter
from adapters.turn_guard import QUEUE_TEXT_CHARS, clip_for_queue
from adapters.wecom.crypto import WeComCrypto, WeComCryptoError
from adapters.wecom.parse import WeComInbound, WeComInputError, extract_encrypt, parse_message
from adapters.wecom.responder import REPLY_JOB
from adapters.worker.queue import TaskQueue

log = logging.getLogger(__name__)

HANDLED_TYPES = frozenset({"text"})
HANDLED_EVENTS = frozenset({"template_card_event"})


class CallbackRejected(Exception):
    """A callback we refuse: carries the 4xx status and a short reason (never the body)."""

    def __init__(self, status: int, reason: str) -> None:
        """Status for the response, reason for the log and body."""
        super().__init__(reason)
        self.status = status
        self.reason = reason


_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")


def check_timestamp(timestamp: str, max_skew_s: int, now: float) -> None:
    """Replay window: reject timestamps further than max_skew_s from now (0 disables, for the 2014 vectors)."""
    if not _TIMESTAMP.match(timestamp):  # ASCII digits only, and short: int() of 5,000 digits raises
        raise CallbackRejected(400, "timestamp must be at most 12 ASCII digits")
    if max_skew_s and abs(now - int(timestamp)) > max_skew_s:
        raise CallbackRejected(403, "timestamp outside the replay window")


async def read_capped(request: Request, limit: int) -> bytes:
    """Read at most `limit` bytes; a bigger body (declared or actual) is refused unread with 413."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise CallbackRejected(413, "body too large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise CallbackRejected(413, "body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def wecom_router(crypto: WeComCrypto, queue: TaskQueue, dedupe: DedupeStore, *, max_skew_s: int,
                 max_body_bytes: int, clock: Callable[[], float] = time.time) -> APIRouter:
    """The callback URL WeCom is configured with."""
    router = APIRouter(tags=["wecom"])
    warn = RepeatLimiter(log)

    def rejected(error: CallbackRejected) -> Response:
        """Log the reason (not the payload; at most a few a minute) and answer the 4xx."""
        warn.warning(error.reason[:40], "wecom callback rejected: %s", error.reason)
        return PlainTextResponse(error.reason, status_code=error.status)

    @router.get("/wecom/callback", include_in_schema=False)
    def verify_url(msg_signature: str = Query(...), timestamp: str = Query(...), nonce: str = Query(...),
                   echostr: str = Query(...)) -> Response:
        """URL verification: return the decrypted echostr exactly (no quotes, no newline)."""
        try:
            check_timestamp(timestamp, max_skew_s, clock())
            # base64 has no spaces: a '+' sent unencoded arrives as ' ' after query decoding, so put it back
            return PlainTextResponse(crypto.verify_url(msg_signature, timestamp, nonce, echostr.replace(" ", "+")))
        except WeComCryptoError as error:
            return rejected(CallbackRejected(403 if error.code == "bad_signature" else 400, error.code))
        except CallbackRejected as error:
            return rejected(error)

    @router.post("/wecom/callback", include_in_schema=False)
    async def callback(request: Request, msg_signature: str = Query(...), timestamp: str = Query(...),
                       nonce: str = Query(...)) -> Response:
        """Messages and events: everything checked here, the answer is sent later by the worker."""
        try:
            check_timestamp(timestamp, max_skew_s, clock())
            body = await read_capped(request, max_body_bytes)
            plaintext = crypto.decrypt(msg_signature, timestamp, nonce, extract_encrypt(body))
            inbound = parse_message(plaintext)
        except CallbackRejected as error:
            return rejected(error)
        except WeComCryptoError as error:
            return rejected(CallbackRejected(403 if error.code == "bad_signature" else 400, error.code))
        except WeComInputError as error:
            return rejected(CallbackRejected(400, str(error)[:200]))
        if inbound.msg_type in HANDLED_TYPES or inbound.event in HANDLED_EVENTS:
            await run_in_threadpool(accept, inbound)  # DB / Redis I/O off the event loop
        return Response(status_code=200)

    def accept(inbound: WeComInbound) -> None:
        """First sighting of this MsgId -> enqueue; a retry -> nothing; a failed enqueue releases the id."""
        if not dedupe.claim(inbound.dedupe_key):
            log.info("duplicate wecom delivery %s ignored", inbound.dedupe_key)
            return
        if len(inbound.text) > QUEUE_TEXT_CHARS:
            inbound = replace(inbound, text=clip_for_queue(inbound.text))
        try:
            queue.enqueue(REPLY_JOB, inbound.to_payload(), job_id=inbound.dedupe_key)
        except Exception:
            dedupe.release(inbound.dedupe_key)  # WeCom retries; let the retry through
            raise

    return router
