"""A turn past its deadline stops at its next step (no more embedding, tools or history), so long messages cannot
pile up CPU work behind the timeout reply (issue 12, finding 3)."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from adapters.turn_guard import TurnGuard
from bot.messages import IncomingMessage
from bot.tools.toolkit import Toolkit
from retrieval.cancellation import CancelToken, TurnCancelled, cancellable, checkpoint

LEARNER = "E0056"
STEP_S = 0.8  # every embedding call of the index takes this long: one "step" of heavy work
DEADLINE_S = 0.3
SLACK_S = 0.15  # a call may start this long after the deadline (the check raced the cancel)


class SlowEmbedder:
    """An embedder whose every call takes STEP_S and is recorded (start times, calls still running); its vectors are
    fixed, so each step costs the same however busy the machine is."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.starts: list[float] = []
        self.running = 0
        self._lock = threading.Lock()

    def _slow(self, call, *args):
        with self._lock:
            self.starts.append(time.monotonic())
            self.running += 1
        try:
            time.sleep(STEP_S)
            return call(*args)
        finally:
            with self._lock:
                self.running -= 1

    def _vectors(self, n: int) -> np.ndarray:
        return np.full((n, self.dim), 1.0 / np.sqrt(self.dim), dtype=np.float32)

    def embed_query(self, text):
        return self._slow(lambda: self._vectors(1)[0])

    def embed_passages(self, texts):
        return self._slow(lambda: self._vectors(len(texts)))

    def __getattr__(self, name):
        return getattr(self._inner, name)


@pytest.fixture
def slow(kb_index, monkeypatch):
    """The shared index with a slow embedder for this test only (query vectors cached in memory are dropped)."""
    embedder = SlowEmbedder(kb_index.embedder)
    monkeypatch.setattr(kb_index, "embedder", embedder)
    kb_index.clear_query_cache()
    yield embedder
    kb_index.clear_query_cache()


def _question(n: int) -> str:
    """A knowledge question no other test asked (so no cached vector short-cuts the embedding)."""
    return f"How many days of annual leave can I carry over into year {2040 + n} under the leave policy?"


def _wait_idle(embedder: SlowEmbedder, seconds: float) -> None:
    end = time.monotonic() + seconds
    while embedder.running and time.monotonic() < end:
        time.sleep(0.05)


def test_a_timed_out_turn_stops_and_remembers_nothing(chat, slow):
    """After the timeout reply, no new embedding starts, the thread frees within one step, no history is kept."""
    guard = TurnGuard(chat, max_chars=2000, timeout_s=DEADLINE_S, threads=2)
    msg = IncomingMessage(employee_id=LEARNER, text=_question(1), channel="api", thread_id="cancel-1")
    reply = guard.handle(msg)
    answered = time.monotonic()
    assert "took too long" in reply.text and reply.abstained
    time.sleep(3 * STEP_S)  # an uncancelled turn would go on embedding (query, sentences, translation) meanwhile
    assert [round(t - answered, 2) for t in slow.starts if t > answered + SLACK_S] == []
    assert slow.running == 0
    assert chat.history.recent("api", "cancel-1", LEARNER) == []


def test_many_long_turns_do_not_pile_up_work(chat, slow):
    """Four turns timing out together: within one step of the last timeout reply, none of them is still working."""
    guard = TurnGuard(chat, max_chars=2000, timeout_s=DEADLINE_S, threads=4)
    replies: list = []
    workers = [threading.Thread(target=lambda n=n: replies.append(guard.handle(IncomingMessage(
        employee_id=LEARNER, text=_question(10 + n), channel="api", thread_id=f"pile-{n}")))) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(10)
    answered = time.monotonic()
    assert len(replies) == 4 and all("took too long" in r.text for r in replies)
    _wait_idle(slow, STEP_S + 1.0)
    assert slow.running == 0, "turns are still embedding after their deadline"
    assert [round(t - answered, 2) for t in slow.starts if t > answered + SLACK_S] == []
    assert guard.overruns == 4


def test_a_cancelled_turn_runs_no_further_tool(chat):
    """A checkpoint before every tool: once the token is cancelled, Toolkit.run raises instead of running it."""
    token = CancelToken()
    toolkit = Toolkit(chat.deps, None)  # the checkpoint comes before the caller is even looked at
    with cancellable(token):
        checkpoint("first step")  # not cancelled yet: nothing happens
        token.cancel("test")
        with pytest.raises(TurnCancelled):
            toolkit.run("my_progress")
    assert token.stopped_at == "tool my_progress" and toolkit.calls == []
    checkpoint("outside any turn")  # no active turn: never raises


MODEL_CALLS: list[float] = []


def test_a_timed_out_llm_turn_makes_no_further_model_or_tool_call(hr_service, kb_index, engine):
    """LLM mode: a model stuck in a tool loop, each call slower than the deadline, stops after the call in flight."""
    from itertools import cycle

    from bot.assembly import assemble_chat_service
    from tests.integration.bot.test_agent_scripted import ScriptedModel, call

    class SlowModel(ScriptedModel):
        def _generate(self, messages, stop=None, run_manager=None, **kwargs):
            MODEL_CALLS.append(time.monotonic())
            time.sleep(STEP_S)
            return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)

    MODEL_CALLS.clear()
    endless = cycle([call("my_progress", {}, "loop")])
    chat = assemble_chat_service(hr_service, kb_index, engine, SlowModel(messages=endless))
    guard = TurnGuard(chat, max_chars=2000, timeout_s=DEADLINE_S, threads=2)
    reply = guard.handle(IncomingMessage(employee_id=LEARNER, text="我的学习进度", channel="api", thread_id="llm-1"))
    answered = time.monotonic()
    assert "超时" in reply.text
    time.sleep(3 * STEP_S)  # an uncancelled agent would go on calling the model and the tool meanwhile
    assert [round(t - answered, 2) for t in MODEL_CALLS if t > answered + SLACK_S] == []
    assert chat.history.recent("api", "llm-1", LEARNER) == []
