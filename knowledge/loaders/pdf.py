"""PDF via pypdf: text per page (the page goes into citations); encrypted and image-only files are refused."""

from __future__ import annotations

import logging
from pathlib import Path

from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.front_matter import check_meta_values
from knowledge.property_meta import check_free_text, meta_from_keywords
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS

logging.getLogger("pypdf").setLevel(logging.ERROR)


def load_pdf(path: Path, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> LoadedDocument:
    """One block per page; the PDF's Title metadata or first line is the title."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise LoadError("PDF is encrypted; export an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        xmp_keywords = _xmp_keywords(reader)
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"PDF is corrupt or unreadable ({type(exc).__name__}); re-export it") from exc
    blocks = [Block((), text.strip(), page=i + 1) for i, text in enumerate(pages) if text.strip()]
    if not blocks:
        raise LoadError("PDF has no extractable text (scanned images?); run OCR first or provide the source document")
    title = str(info.get("/Title") or "").strip() or blocks[0].text.splitlines()[0].strip()[:80] or path.stem
    return LoadedDocument(title=title, blocks=blocks, meta=pdf_meta(info, xmp_keywords, ignorable))


_STANDARD_INFO = {"/title", "/author", "/subject", "/keywords", "/creator", "/producer", "/creationdate", "/moddate",
                  "/trapped"}


def pdf_meta(info, xmp_keywords: str | None, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> dict:
    """Keywords (document info, or XMP pdf:Keywords) carry the metadata; an audience elsewhere is refused."""
    meta = meta_from_keywords(str(info.get("/Keywords") or ""), "PDF Keywords", ignorable)
    if xmp_keywords:
        from_xmp = meta_from_keywords(xmp_keywords, "PDF XMP Keywords", ignorable)
        if meta and from_xmp and from_xmp != meta:
            raise LoadError("PDF Keywords in the document info and in the XMP metadata disagree; make them the same")
        meta = meta or from_xmp
    check_free_text(str(info.get("/Subject") or ""), "PDF Subject")
    for key in info:
        name = str(key)
        if name.lower() not in _STANDARD_INFO:
            check_free_text(f"{name.lstrip('/')}:", f"PDF info entry '{name[:40]}'")
    return check_meta_values(meta, "PDF Keywords", ignorable)


def _xmp_keywords(reader) -> str | None:
    """pdf:Keywords from the XMP packet, when there is one (some tools write keywords only there)."""
    try:
        xmp = reader.xmp_metadata
        return str(xmp.pdf_keywords) if xmp is not None and xmp.pdf_keywords else None
    except Exception as exc:  # pypdf raises assorted errors on broken XMP
        raise LoadError(f"PDF XMP metadata is malformed ({type(exc).__name__}); re-export the file") from exc

