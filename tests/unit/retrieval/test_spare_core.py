"""Spare-core helper: work runs on another thread when a helper is free, and is never queued when none is."""

import threading

from retrieval.spare_core import SpareCore


def test_work_runs_on_a_helper_thread():
    spare = SpareCore(1)
    try:
        future = spare.try_submit(lambda: threading.current_thread().name)
        assert future is not None and future.result(5).startswith("mentor-query-embed")
    finally:
        spare.close()


def test_a_busy_helper_means_do_it_yourself_and_frees_up_afterwards():
    spare = SpareCore(1)
    release = threading.Event()
    try:
        first = spare.try_submit(release.wait, 5)
        assert first is not None
        assert spare.try_submit(lambda: 1) is None  # no queueing behind another query's embedding
        release.set()
        first.result(5)
        second = None
        for _ in range(100):  # the slot comes back when the first future's callback has run
            second = spare.try_submit(lambda: 2)
            if second is not None:
                break
            threading.Event().wait(0.01)
        assert second is not None and second.result(5) == 2
    finally:
        release.set()
        spare.close()


def test_no_helpers_on_request_or_after_close():
    assert SpareCore(0).try_submit(lambda: 1) is None
    spare = SpareCore(1)
    spare.close()
    future = spare.try_submit(lambda: 3)  # a closed helper starts afresh rather than failing the search
    assert future is not None and future.result(5) == 3
    spare.close()
