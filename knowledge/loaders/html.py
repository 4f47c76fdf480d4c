"""HTML: <title>/<h1> as title, h2-h6 as the heading path, scripts and navigation dropped."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from knowledge.audience import audience_like
from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.front_matter import KNOWN_KEYS, check_meta_values
from knowledge.loaders.textfile import read_text
from knowledge.property_meta import check_free_text

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_TAGS = ("p", "li", "tr", "pre", "blockquote", "dd", "dt")


def load_html(path: Path) -> LoadedDocument:
    """Walk headings and text elements in document order."""
    soup = BeautifulSoup(read_text(path), "html.parser")
    meta = html_meta(soup)  # before dropping navigation: a <meta> anywhere counts
    for tag in soup(["script", "style", "nav", "footer", "header", "noscript"]):
        tag.decompose()
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
    return LoadedDocument(title=title or path.stem, blocks=blocks, meta=meta)


def html_meta(soup) -> dict:
    """`<meta name="audience|course|lang|title">`; audience-like names, attributes or keywords are refused."""
    meta: dict = {}
    for tag in soup.find_all("meta"):
        for attribute in ("name", "property", "itemprop", "http-equiv"):
            name = str(tag.get(attribute) or "").strip().lower()
            if not name:
                continue
            if name in KNOWN_KEYS and attribute == "name":
                if name in meta:
                    raise LoadError(f'<meta name="{name}"> appears twice; keep one')
                meta[name] = tag.get("content")
            elif audience_like(name):
                raise LoadError(f'<meta {attribute}="{name[:40]}"> is not read; write <meta name="audience" '
                                'content="hrd,manager">')
            elif name == "keywords":
                check_free_text(str(tag.get("content") or ""), '<meta name="keywords">')
    return check_meta_values(meta, "<meta>")
