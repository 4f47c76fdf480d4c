"""One loader per file type; `load_file` picks by extension."""

from __future__ import annotations

from pathlib import Path

from knowledge.document import LoadedDocument, LoadError
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS

SUPPORTED = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html",
             ".pdf": "pdf", ".docx": "docx"}


def load_file(path: Path, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> LoadedDocument:
    """Parse a supported file or raise LoadError with the reason; `ignorable`: publishing keys to drop."""
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise LoadError(f"unsupported file type '{path.suffix or '(none)'}'; supported: "
                        + ", ".join(sorted(SUPPORTED)))
    if path.stat().st_size == 0:
        raise LoadError("file is empty")
    if kind == "markdown":
        from knowledge.loaders.markdown import load_markdown

        return load_markdown(path, ignorable)
    if kind == "text":
        from knowledge.loaders.text import load_text

        return load_text(path, ignorable)
    if kind == "html":
        from knowledge.loaders.html import load_html

        return load_html(path)
    if kind == "pdf":
        from knowledge.loaders.pdf import load_pdf

        return load_pdf(path, ignorable)
    from knowledge.loaders.docx import load_docx

    return load_docx(path, ignorable)
