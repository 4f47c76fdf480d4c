"""Test-wide setup: no hub downloads, no telemetry, state only under tmp dirs."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Apps built in this one test process must not freeze its heap (tests/unit/adapters/test_heap.py covers that path).
os.environ.setdefault("MENTOR_API_FREEZE_HEAP_S", "0")

# One thread per native pool (MENTOR_EMBED_THREADS), set before any test module loads numpy, torch or the e5
# engine: parallel test runs on a shared machine otherwise spin OpenMP threads against each other.
from retrieval.embedders.threads import limit_native_threads  # noqa: E402

limit_native_threads()


import pytest  # noqa: E402

from tests.redis_support import connect_or_skip  # noqa: E402


@pytest.fixture
def redis_client():
    """The local test Redis (DB 15), or a skip; closed afterwards."""
    client = connect_or_skip()
    yield client
    client.close()
