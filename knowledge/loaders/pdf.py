"""PDF via pypdf: text per page (the page goes into citations); encrypted and image-only files are refused."""

from __future__ import annotations

import logging
from pathlib import Path

from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.property_meta import meta_from_keywords

logging.getLogger("pypdf").setLevel(logging.ERROR)


def load_pdf(path: Path) -> LoadedDocument:
    """One block per page; the PDF's Title metadata or first line is the title."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise LoadError("PDF is encrypted; export an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"PDF is corrupt or unreadable ({type(exc).__name__}); re-export it") from exc
    blocks = [Block((), text.strip(), page=i + 1) for i, text in enumerate(pages) if text.strip()]
    if not blocks:
        raise LoadError("PDF has no extractable text (scanned images?); run OCR first or provide the source document")
    title = str(info.get("/Title") or "").strip() or blocks[0].text.splitlines()[0].strip()[:80] or path.stem
    meta = meta_from_keywords(str(info.get("/Keywords") or ""))
    return LoadedDocument(title=title, blocks=blocks, meta=meta)

