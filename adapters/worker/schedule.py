"""A periodic trigger for the in-process worker: enqueue one job every interval until stopped."""

from __future__ import annotations

import logging
import threading
import time

from adapters.worker.queue import TaskQueue

log = logging.getLogger(__name__)


class PeriodicTrigger:
    """Enqueue `job` every `interval_s` seconds on a daemon thread (the job itself runs in the queue's pool)."""

    def __init__(self, queue: TaskQueue, job: str, interval_s: float) -> None:
        """Nothing runs until start()."""
        self._queue = queue
        self._job = job
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.fired = 0

    def start(self) -> PeriodicTrigger:
        """Begin ticking; the first run is one interval from now."""
        self._thread = threading.Thread(target=self._loop, name=f"mentor-every-{self._job}", daemon=True)
        self._thread.start()
        return self

    def _loop(self) -> None:
        """Wait, enqueue, repeat; an enqueue failure is logged and retried next tick."""
        while not self._stop.wait(self._interval):
            try:
                self._queue.enqueue(self._job, {}, job_id=f"{self._job}:{int(time.time() // self._interval)}")
                self.fired += 1
            except Exception:
                log.exception("could not enqueue %s", self._job)

    def stop(self) -> None:
        """Stop ticking (a job already queued still runs)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
