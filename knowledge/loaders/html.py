"""HTML: <title>/<h1> as title, h2-h6 as the heading path, scripts and navigation dropped."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.loaders.textfile import read_text

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_TAGS = ("p", "li", "tr", "pre", "blockquote", "dd", "dt")


def load_html(path: Path) -> LoadedDocument:
    """Walk headings and text elements in document order."""
    soup = BeautifulSoup(read_text(path), "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "noscript"]):
        tag.decompose()
    meta = {m.get("name").strip().lower(): m.get("content") for m in soup.find_all("meta") if m.get("name")}
    title = (soup.title.get_text(strip=True) if soup.title else "") or ""
    stack: list[tuple[int, str]] = []
    blocks: list[Block] = []
    lines: list[str] = []
    body = soup.body or soup

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            blocks.append(Block(tuple(h for _, h in stack), text))
        lines.clear()

    for element in body.find_all([*_HEADINGS, *_TEXT_TAGS]):
        if element.name in _HEADINGS:
            flush()
            level, heading = int(element.name[1]), element.get_text(" ", strip=True)
            if level == 1 and (not title or heading == title):
                title = title or heading
                continue
            stack = [(lvl, h) for lvl, h in stack if lvl < level] + [(level, heading)]
        elif element.name == "tr":
            cells = [cell.get_text(" ", strip=True) for cell in element.find_all(["td", "th"])]
            if any(cells):
                lines.append(" | ".join(c for c in cells if c))  # one row, one line: cells stay apart
        elif not element.find_parent(_TEXT_TAGS):
            text = element.get_text(" ", strip=True)
            if text:
                lines.append(text)
    flush()
    if not blocks:
        raise LoadError("no text found in the HTML body")
    return LoadedDocument(title=title or path.stem, blocks=blocks, meta={k: v for k, v in meta.items() if k})
