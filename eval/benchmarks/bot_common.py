"""A throw-away world for bot benchmarks: the sample organisation in SQLite and the sample knowledge base indexed."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "eval" / "results"
SAMPLE_KB = ROOT / "knowledge" / "samples" / "kb"
SAMPLE_ORG = ROOT / "hr" / "samples" / "org"
FIXED_NOW = datetime(2026, 8, 17, 3, 0, tzinfo=UTC)  # a Monday, inside working hours in Shanghai


@contextmanager
def sample_world() -> Iterator[tuple[object, object, object]]:
    """Yield (hr_service, index, engine) over the sample organisation and knowledge base."""
    from adapters.wiring import build_engine_at, build_hr_service
    from eval.throwaway import throwaway_index
    from hr.importer.run import import_org

    with tempfile.TemporaryDirectory(prefix="mentor-bot-bench-") as tmp, throwaway_index(SAMPLE_KB) as (index, _):
        engine = build_engine_at(f"sqlite:///{Path(tmp) / 'org.db'}")  # Alembic, as every process
        import_org(engine, SAMPLE_ORG)
        try:
            yield build_hr_service(None, engine, clock=lambda: FIXED_NOW), index, engine
        finally:
            engine.dispose()


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def write_result(name: str, result: dict) -> Path:
    """Write eval/results/<name>.json and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
