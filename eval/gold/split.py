"""Split a gold set into dev (tune on it) and test (report it, scored once), so published numbers are not in-sample.

Usage: `python -m eval.gold.split` rewrites every split listed in SPLITS; `--check` exits 1 when a committed split
differs from what the script produces (a test runs it). Strata are (language, answerable or not, cross-language or
not); inside each stratum the questions are ordered by id, shuffled with a fixed seed, and the first half (rounded
down) goes to dev, the rest to test, so every slice the README reports is on both sides.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parent
SEED = 14
SPLITS = ("sample_kb", "shared_corpus")


def stratum(row: dict) -> tuple[str, str, bool]:
    """The slice a question belongs to: its language, whether it is answerable, whether it crosses languages."""
    return str(row.get("lang", "")), str(row["expect"]), bool(row.get("cross_lingual", False))


def split_rows(rows: list[dict], seed: int = SEED) -> tuple[list[dict], list[dict]]:
    """(dev, test), stratified, deterministic for a given seed; each keeps the original file order."""
    groups: dict[tuple[str, str, bool], list[dict]] = defaultdict(list)
    for row in rows:
        groups[stratum(row)].append(row)
    rng = random.Random(seed)
    dev_ids: set[str] = set()
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: str(r["id"]))
        rng.shuffle(members)
        dev_ids.update(str(r["id"]) for r in members[: len(members) // 2])
    dev = [r for r in rows if str(r["id"]) in dev_ids]
    test = [r for r in rows if str(r["id"]) not in dev_ids]
    return dev, test


def _read(path: Path) -> list[dict]:
    """The rows of a JSONL gold file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _text(rows: list[dict]) -> str:
    """JSONL text in the gold files' own style (one compact object a line, Chinese kept readable)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def split_paths(name: str, gold: Path = GOLD) -> tuple[Path, Path]:
    """Where the dev and test halves of `name` live."""
    return gold / f"{name}.dev.jsonl", gold / f"{name}.test.jsonl"


def main(argv: list[str] | None = None) -> int:
    """Write the splits, or with --check report any committed split that no longer matches its source set."""
    parser = argparse.ArgumentParser(description="Split the gold sets into dev and test halves (fixed seed).")
    parser.add_argument("--check", action="store_true", help="verify the committed splits instead of writing them")
    args = parser.parse_args(argv)
    stale: list[str] = []
    for name in SPLITS:
        dev, test = split_rows(_read(GOLD / f"{name}.jsonl"))
        for path, rows in zip(split_paths(name), (dev, test), strict=True):
            wanted = _text(rows)
            if args.check:
                if not path.is_file() or path.read_text(encoding="utf-8") != wanted:
                    stale.append(str(path))
            else:
                path.write_text(wanted, encoding="utf-8")
                print(f"{path.name}: {len(rows)} questions")
    for path in stale:
        print(f"{path} does not match its source set; run python -m eval.gold.split", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
