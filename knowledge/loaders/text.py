"""Plain text: optional front-matter, Chinese legal headings (第一章/第一条) recognised as structure."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.front_matter import split_front_matter
from knowledge.loaders.textfile import read_text
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS

_CHAPTER = re.compile(r"^\s*(第[一二三四五六七八九十百零〇\d]+[章编节])\s*(.*)$")
_QUESTION = re.compile(r"^\s*(?:Q|问)\s*\d*\s*[:：.、]\s*(.+)$", re.I)


def load_text(path: Path, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> LoadedDocument:
    """Blocks per chapter (第X章) and per FAQ entry (Q: / 问：), else one block."""
    meta, body = split_front_matter(read_text(path), ignorable)
    lines = [line.rstrip() for line in body.splitlines()]
    title = str(meta.get("title") or "").strip()
    if not title:
        first = next((line.strip() for line in lines if line.strip()), "")
        title = first if 0 < len(first) <= 60 else path.stem
    blocks: list[Block] = []
    heading: tuple[str, ...] = ()
    buffer: list[str] = []
    chapter: tuple[str, ...] = ()
    for line in lines:
        chapter_match = _CHAPTER.match(line)
        question_match = _QUESTION.match(line)
        if (chapter_match and len(line.strip()) <= 40) or question_match:
            if "\n".join(buffer).strip():
                blocks.append(Block(heading, "\n".join(buffer).strip()))
            buffer = []
            if question_match:  # FAQ entry: the question heads its own block, and stays in its text
                heading = (*chapter, question_match.group(1).strip()[:80])
                buffer.append(line)
            else:
                chapter = heading = (line.strip(),)
        else:
            buffer.append(line)
    if "\n".join(buffer).strip():
        blocks.append(Block(heading, "\n".join(buffer).strip()))
    if not blocks:
        raise LoadError("no text found")
    return LoadedDocument(title=title, blocks=blocks, meta=meta)
