"""Test-wide setup: no hub downloads, no telemetry, state only under tmp dirs."""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

# One thread per native pool (MENTOR_EMBED_THREADS), set before any test module loads numpy, torch or the e5
# engine: parallel test runs on a shared machine otherwise spin OpenMP threads against each other.
from retrieval.embedders.threads import limit_native_threads  # noqa: E402

limit_native_threads()
