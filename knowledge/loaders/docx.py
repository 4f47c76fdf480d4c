"""DOCX via python-docx: Heading N styles build the heading path; tables become lines of cells where they stand."""

from __future__ import annotations

import zipfile
from pathlib import Path

from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.front_matter import check_meta_values
from knowledge.property_meta import check_free_text, meta_from_keywords
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS

_OTHER_PROPERTIES = ("subject", "category", "comments", "content_status", "identifier", "version")


def load_docx(path: Path, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> LoadedDocument:
    """Blocks split at headings; core properties give title and (via keywords) course/audience."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise LoadError(f"DOCX is corrupt or not a Word document ({type(exc).__name__}); re-save it as .docx") from exc
    title = (document.core_properties.title or "").strip()
    meta = docx_meta(path, document.core_properties, ignorable)
    stack: list[tuple[int, str]] = []
    blocks: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            blocks.append(Block(tuple(h for _, h in stack), text))
        lines.clear()

    for item in document.iter_inner_content():  # paragraphs and tables in reading order
        if isinstance(item, Table):
            lines.extend(_table_lines(item))
            continue
        text = item.text.strip()
        style = (item.style.name if item.style is not None else "") or ""
        level = _heading_level(style)
        if level and text:
            flush()
            if level == 1 and (not title or text == title):
                title = title or text
                continue
            stack = [(lvl, h) for lvl, h in stack if lvl < level] + [(level, text)]
        elif style == "Title" and text and not title:
            title = text
        elif text:
            lines.append(text)
    flush()
    if not blocks:
        raise LoadError("DOCX has no text")
    return LoadedDocument(title=title or path.stem, blocks=blocks, meta=meta)


def docx_meta(path: Path, properties, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> dict:
    """Keywords carry the metadata; an audience anywhere else (other properties, custom properties) is refused."""
    meta = meta_from_keywords(properties.keywords or "", "DOCX Keywords", ignorable)
    for name in _OTHER_PROPERTIES:
        check_free_text(str(getattr(properties, name, "") or ""), f"DOCX {name}")
    for name in _custom_property_names(path):
        check_free_text(f"{name}:", f"DOCX custom property '{name[:40]}'")
    return check_meta_values(meta, "DOCX Keywords", ignorable)


def _custom_property_names(path: Path) -> list[str]:
    """Names in docProps/custom.xml (python-docx does not read them), parsed with defusedxml."""
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(path) as archive:
        if "docProps/custom.xml" not in archive.namelist():
            return []
        info = archive.getinfo("docProps/custom.xml")
        if info.file_size > 1_000_000:
            raise LoadError("DOCX custom properties are larger than 1 MB; remove them")
        try:
            root = fromstring(archive.read(info))
        except Exception as exc:  # defusedxml raises several classes for hostile or broken XML
            raise LoadError(f"DOCX custom properties are malformed ({type(exc).__name__}); re-save the file") from exc
    return [str(node.get("name") or "") for node in root if node.get("name")]


def _table_lines(table) -> list[str]:
    """One line per row, cells joined by " | " (merged cells, which python-docx repeats, kept once)."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return lines


def _heading_level(style: str) -> int:
    """'Heading 2' -> 2; anything else -> 0."""
    parts = style.split()
    if len(parts) == 2 and parts[0] in ("Heading", "标题") and parts[1].isdigit():
        return int(parts[1])
    return 0
