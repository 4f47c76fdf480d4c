"""One loader per file type; `load_file` picks by extension."""

from __future__ import annotations

from pathlib import Path

from knowledge.document import LoadedDocument, LoadError

SUPPORTED = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html",
             ".pdf": "pdf", ".docx": "docx"}


def load_file(path: Path) -> LoadedDocument:
    """Parse a supported file or raise LoadError with the reason."""
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise LoadError(f"unsupported file type '{path.suffix or '(none)'}'; supported: "
                        + ", ".join(sorted(SUPPORTED)))
    if path.stat().st_size == 0:
        raise LoadError("file is empty")
    if kind == "markdown":
        from knowledge.loaders.markdown import load_markdown

        return load_markdown(path)
    if kind == "text":
        from knowledge.loaders.text import load_text

        return load_text(path)
    if kind == "html":
        from knowledge.loaders.html import load_html

        return load_html(path)
    if kind == "pdf":
        from knowledge.loaders.pdf import load_pdf

        return load_pdf(path)
    from knowledge.loaders.docx import load_docx

    return load_docx(path)
