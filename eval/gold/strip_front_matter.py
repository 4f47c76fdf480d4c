"""Copy a corpus keeping only the front-matter keys Mentor reads, so publishing keys do not fail the evaluation.

Why: ingest refuses unknown front-matter keys (fail-closed audience metadata), and the real 18F handbook pages in
../shared/corpus carry Jekyll keys (`cspell`, `redirect_from`, ...). Scoring answers must not depend on that, so the
gold sets can be scored on a copy whose front-matter keeps only title, course, audience and lang; every body is copied
byte for byte. Usage: `python -m eval.gold.strip_front_matter ../shared/corpus /tmp/shared_corpus`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

KEPT = ("title", "course", "audience", "lang")


def strip(text: str) -> str:
    """The document with only KEPT top-level keys left in a leading '---' block (nested lines follow their key)."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---", 4)
    if end < 0:
        return text
    kept: list[str] = []
    keep = False
    for line in text[4:end].splitlines():
        if line and not line[0].isspace() and not line.startswith("-"):
            keep = line.split(":", 1)[0].strip() in KEPT
        if keep:
            kept.append(line)
    return "---\n" + "".join(line + "\n" for line in kept) + text[end + 1:]


def main(argv: list[str] | None = None) -> int:
    """Copy SOURCE to TARGET (replaced), stripping Markdown front-matter."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"{args.source} is not a folder", file=sys.stderr)
        return 1
    shutil.rmtree(args.target, ignore_errors=True)
    for path in sorted(args.source.rglob("*")):
        if path.is_file():
            out = args.target / path.relative_to(args.source)
            out.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix.lower() in (".md", ".markdown"):
                out.write_text(strip(path.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copy2(path, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
