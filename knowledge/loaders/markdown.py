"""Markdown: front-matter, ATX headings (#..######) as the heading path, Liquid/HTML comments dropped."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.front_matter import split_front_matter
from knowledge.loaders.textfile import read_text
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_NOISE = re.compile(r"<!--.*?-->|\{%.*?%\}|\{\{.*?\}\}", re.S)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|`)")


def clean_inline(line: str) -> str:
    """Keep link text, drop URLs and emphasis marks: chunks should read like prose."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", line))


def load_markdown(path: Path, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> LoadedDocument:
    """Split into blocks at headings; the first H1 (or front-matter title, or file name) is the title."""
    meta, body = split_front_matter(read_text(path), ignorable)
    body = _NOISE.sub("", body)
    title = str(meta.get("title") or "").strip()
    stack: list[tuple[int, str]] = []
    blocks: list[Block] = []
    lines: list[str] = []
    in_code = False

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            blocks.append(Block(tuple(h for _, h in stack), text))
        lines.clear()

    for raw in body.splitlines():
        if raw.strip().startswith("```"):
            in_code = not in_code
            continue
        match = None if in_code else _HEADING.match(raw)
        if match:
            flush()
            level, heading = len(match.group(1)), clean_inline(match.group(2)).strip()
            if level == 1 and (not title or heading == title):
                title = title or heading
                continue
            stack = [(lvl, h) for lvl, h in stack if lvl < level] + [(level, heading)]
        else:
            lines.append(clean_inline(raw))
    flush()
    if not blocks:
        raise LoadError("no text found after front-matter and headings")
    return LoadedDocument(title=title or path.stem, blocks=blocks, meta=meta)
