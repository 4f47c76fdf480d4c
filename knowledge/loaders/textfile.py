"""Read text files in UTF-8 (with or without BOM) or GB18030, which Chinese Windows exports use."""

from __future__ import annotations

from pathlib import Path

from knowledge.document import LoadError


def read_text(path: Path) -> str:
    """Decode, or explain which encodings were tried."""
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise LoadError("file looks binary (NUL bytes), not text; export it as UTF-8 text or Markdown")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError("cannot decode as UTF-8 or GB18030; save the file as UTF-8")
