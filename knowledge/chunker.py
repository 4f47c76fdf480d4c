"""Turn loaded blocks into chunks of a few sentences, each with its heading path and a stable id."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from knowledge.document import LoadedDocument
from knowledge.sentences import split_sentences, token_estimate

TARGET_TOKENS = 220  # fits e5-small's 512-token window with the title and heading prepended
MAX_TOKENS = 320
_ARTICLE = re.compile(r"^(第[一二三四五六七八九十百千零〇\d]+条)[\s　]*")
_ENDS_SENTENCE = re.compile(r"[。！？；.!?;:：…][”’」』）)\"'\]]*$")
_TABLE_ROW = re.compile(r"\S\s*\|\s*\S")  # cells joined by ' | ' (HTML/DOCX loaders) or a Markdown table row
_LIST_ITEM = re.compile(r"^(?:[-*+•·]\s|\d{1,3}[.)]\s|[（(][一二三四五六七八九十\d]{1,3}[）)])")


@dataclass(frozen=True)
class Chunk:
    """A passage ready for the index."""

    chunk_id: str
    ordinal: int
    text: str
    heading: str
    page: int | None


def chunk_document(source: str, document: LoadedDocument, audience: tuple[str, ...]) -> list[Chunk]:
    """Chunks in reading order; legal articles (第X条) start their own chunk and join the heading path."""
    pieces: list[tuple[tuple[str, ...], int | None, list[str]]] = []
    for block in document.blocks:
        for heading, paragraph_group in _article_groups(block.heading_path, block.text):
            pieces.append((heading, block.page, paragraph_group))
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    for heading_path, page, paragraphs in pieces:
        heading = " > ".join(heading_path)
        for text in _pack(paragraphs):
            key = f"{source}\x00{document.title}\x00{heading}\x00{text}\x00{','.join(audience)}"
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            digest = hashlib.sha1(f"{key}\x00{occurrence}".encode()).hexdigest()[:20]
            chunks.append(Chunk(chunk_id=digest, ordinal=len(chunks), text=text, heading=heading, page=page))
    return chunks


def _article_groups(heading_path: tuple[str, ...], text: str):
    """Yield (heading path, paragraphs) with a new group at each 第X条 paragraph."""
    current: list[str] = []
    current_heading = heading_path
    for paragraph in (p.strip() for p in text.split("\n")):
        if not paragraph:
            continue
        match = _ARTICLE.match(paragraph)
        if match:
            if current:
                yield current_heading, current
            current = [paragraph]
            current_heading = (*heading_path, match.group(1))
        else:
            current.append(paragraph)
    if current:
        yield current_heading, current


def _pack(paragraphs: list[str]) -> list[str]:
    """Greedy packing of sentences up to TARGET_TOKENS, one sentence of overlap between chunks."""
    sentences: list[str] = []
    for paragraph in paragraphs:
        sentences.extend(split_sentences(paragraph) or [paragraph])
    out: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        cost = token_estimate(sentence)
        if current and size + cost > TARGET_TOKENS:
            out.append(_join(current))
            overlap = current[-1] if token_estimate(current[-1]) < TARGET_TOKENS // 3 else None
            current = [overlap] if overlap else []
            size = token_estimate(overlap) if overlap else 0
        if cost > MAX_TOKENS:
            out.extend(_hard_split(sentence))
            current, size = [], 0
            continue
        current.append(sentence)
        size += cost
    if current and not (out and len(current) == 1 and out[-1].endswith(current[0])):
        out.append(_join(current))  # skip only a lone overlap sentence that the previous chunk already ends with
    return out


def _join(sentences: list[str]) -> str:
    """Join without spaces between Chinese sentences, with spaces between English ones; a table row, and an
    unpunctuated line before a row or a list item, keep their line break, or rows run into each other
    ("项目 | 标准午餐补贴 | …"). Any other unpunctuated line is a wrapped line of its paragraph (Markdown and
    plain text wrap at ~80 columns, extracted statutes break mid-clause) and joins as before: keeping those breaks
    made every wrapped fragment a quotable 'sentence' ('threshold is $25 for local vouchers)')."""
    text = ""
    for sentence in sentences:
        if text and not _ENDS_SENTENCE.search(text) and _stands_alone(text.rsplit("\n", 1)[-1], sentence):
            text += "\n"
        elif text and (text[-1].isascii() or sentence[0].isascii()):
            text += " "
        text += sentence
    return text


def _stands_alone(line: str, following: str) -> bool:
    """Whether the break between `line` and `following` is structure (table row, list item), not wrapping."""
    return bool(_TABLE_ROW.search(line) or _TABLE_ROW.search(following) or _LIST_ITEM.match(following))


def _hard_split(sentence: str) -> list[str]:
    """A run-on 'sentence' (tables, unpunctuated text) cut into windows of about TARGET_TOKENS."""
    step = TARGET_TOKENS if not sentence.isascii() else TARGET_TOKENS * 4
    return [sentence[i : i + step] for i in range(0, len(sentence), step)]
