"""Bound every chat turn from the channel side: a message-length cap (the person is told, in their language) and a
deadline (a turn that runs too long is answered with a clear message instead of holding a worker for minutes).

A turn past its deadline is cancelled: it runs on this guard's own small pool under a CancelToken, and stops at its
next checkpoint (before retrieval, each embedding batch, answer choice, each tool or model call, saving the turn;
retrieval/cancellation.py), so it costs at most the step it was in, remembers nothing and changes nothing more. The
job worker and the reminders are free again at once, and while the pool is busy new turns get the timeout reply
promptly instead of waiting behind overrunning ones."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from adapters.ports import ChatHandler
from bot.messages import BotReply, IncomingMessage
from retrieval.cancellation import CancelToken, TurnCancelled, cancellable
from retrieval.language import detect_language

log = logging.getLogger(__name__)


def language_of(text: str) -> str:
    """'zh' or 'en' from the start of the message (enough to pick the language of a short notice)."""
    return detect_language(text[:400])


def too_long_notice(text: str, max_chars: int) -> str | None:
    """The refusal for a message over the cap, in the message's language; None when it fits."""
    if len(text) <= max_chars:
        return None
    if language_of(text) == "zh":
        return f"您的消息超过了 {max_chars:,} 字的上限，我没有处理。请缩短后再发，或分几次提问。"
    return (f"Your message is over the {max_chars:,}-character limit, so I did not read it. Please shorten it, "
            "or ask in several parts.")


QUEUE_TEXT_CHARS = 20_000  # the highest MENTOR_API_MAX_MESSAGE_CHARS that makes sense; the API's own hard bound


def clip_for_queue(text: str) -> str:
    """At most one character over any cap: enough for the turn guard to refuse it, without carrying a megabyte of
    text through Redis to the worker."""
    return text[:QUEUE_TEXT_CHARS + 1]


def timeout_notice(text: str, timeout_s: float) -> str:
    """What the person reads when their turn passed the deadline."""
    if language_of(text) == "zh":
        return f"抱歉，这个问题处理超时了（超过 {timeout_s:.0f} 秒）。请换个更简短的问法再试一次。"
    return (f"Sorry, that took too long (over {timeout_s:.0f} seconds). Please try again with a shorter or "
            "simpler question.")


class TurnGuard:
    """A ChatHandler around the real one: refuses over-long messages and answers at the deadline."""

    def __init__(self, chat: ChatHandler, *, max_chars: int, timeout_s: float, threads: int = 8) -> None:
        """The pool is created lazily (nothing built at import or construction)."""
        self._chat = chat
        self.max_chars = max_chars
        self.timeout_s = timeout_s
        self._pool = DaemonPool(max(1, threads))
        self.overruns = 0

    def handle(self, msg: IncomingMessage) -> BotReply:
        """Answer within max_chars and timeout_s, or say why not (never raises for those two reasons)."""
        notice = too_long_notice(msg.text or "", self.max_chars)
        if notice is not None:
            log.info("message %s refused: %d characters over the %d cap", msg.message_id, len(msg.text),
                     self.max_chars)
            return BotReply(text=notice, abstained=True)
        if self.timeout_s <= 0:
            return self._chat.handle(msg)
        token = CancelToken()
        future = self._pool.submit(self._run, (token, msg))
        try:
            return future.result(timeout=self.timeout_s)
        except FutureTimeout:
            token.cancel(f"{self.timeout_s:g} s deadline passed")  # the turn stops at its next checkpoint
            started = not future.cancel()  # still queued behind overrunning turns: it will never start
            self.overruns += 1
            log.warning("turn %s passed its %g s deadline (%s)", msg.message_id, self.timeout_s,
                        "cancelled: stops at its next step" if started else "never started: all turn threads busy")
            return BotReply(text=timeout_notice(msg.text or "", self.timeout_s), abstained=True)
        except TurnCancelled:  # cancelled between the deadline and this wait: the same answer
            return BotReply(text=timeout_notice(msg.text or "", self.timeout_s), abstained=True)

    def _run(self, job: tuple[CancelToken, IncomingMessage]) -> BotReply:
        """The wrapped turn, on a pool thread, obeying its token at every checkpoint."""
        token, msg = job
        with cancellable(token):
            return self._chat.handle(msg)

    def __getattr__(self, name: str):
        """Everything else (e.g. attributes tests or tools read) comes from the wrapped chat service."""
        if name == "_chat":
            raise AttributeError(name)
        return getattr(self._chat, name)


class DaemonPool:
    """A few daemon threads running submitted calls: unlike ThreadPoolExecutor, a turn that never returns cannot
    block the process from exiting."""

    def __init__(self, threads: int) -> None:
        """Threads start on first submit."""
        self._size = threads
        self._work: queue.SimpleQueue = queue.SimpleQueue()
        self._started = 0
        self._lock = threading.Lock()

    def submit(self, fn: Callable, arg) -> Future:
        """Queue fn(arg); the Future can be cancelled while it still waits."""
        future: Future = Future()
        self._work.put((future, fn, arg))
        with self._lock:
            if self._started < self._size:
                self._started += 1
                threading.Thread(target=self._loop, name=f"mentor-turn-{self._started}", daemon=True).start()
        return future

    def _loop(self) -> None:
        """Run queued calls forever (daemon thread)."""
        while True:
            future, fn, arg = self._work.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(arg))
            except BaseException as error:  # handed to the waiting caller, who decides
                future.set_exception(error)
