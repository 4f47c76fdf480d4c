"""Locate the shared platform test vectors at ../shared/testdata relative to the repo root (read-only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
TESTDATA = REPO_ROOT.parent / "shared" / "testdata"

requires_vectors = pytest.mark.skipif(not TESTDATA.is_dir(),
                                      reason=f"shared platform vectors not found at {TESTDATA} (CI copies shared/ "
                                             "beside the repo)")


def vectors(name: str) -> list[dict]:
    """All vectors of one file, or [] when the folder is absent (the tests then skip)."""
    path = TESTDATA / name
    return json.loads(path.read_text(encoding="utf-8"))["vectors"] if path.exists() else []
