"""Folder default audience: a `.audience.yaml` file makes every document below it restricted unless the document
says otherwise, so a confidential folder is never public just because one file forgot its `audience:` line."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path

from knowledge.audience import check_known, parse_tags
from knowledge.document import LoadError
from knowledge.front_matter import parse_yaml_mapping

FOLDER_FILE = ".audience.yaml"
MAX_FOLDER_FILE_BYTES = 4096


def folder_audience(path: Path, known: Collection[str] | None = None,
                    cache: dict[Path, tuple[str, ...] | None] | None = None) -> tuple[str, ...] | None:
    """The nearest `.audience.yaml` in the file's folder or any folder above it; None when there is none.

    The walk does not stop at the ingested root, so a file gets the same audience whether its folder or the file
    alone is ingested."""
    cache = {} if cache is None else cache
    for folder in Path(path).resolve().parents:
        if folder not in cache:
            candidate = folder / FOLDER_FILE
            cache[folder] = read_folder_file(candidate, known) if candidate.is_file() else None
        if cache[folder] is not None:
            return cache[folder]
    return None


def read_folder_file(candidate: Path, known: Collection[str] | None = None) -> tuple[str, ...]:
    """`audience: [hrd, training_specialist]` and nothing else; any problem names the folder file."""
    try:
        if candidate.stat().st_size > MAX_FOLDER_FILE_BYTES:
            raise LoadError(f"is larger than {MAX_FOLDER_FILE_BYTES} bytes")
        text = candidate.read_text(encoding="utf-8-sig")
        meta = {str(k).strip().lower(): v for k, v in parse_yaml_mapping(text, FOLDER_FILE).items()}
        if set(meta) != {"audience"}:
            raise LoadError("must hold exactly one key, 'audience' (e.g. audience: [hrd])")
        tags = parse_tags(meta["audience"])
        check_known(tags, known)
        return tags
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"folder default {candidate} cannot be read ({type(exc).__name__})") from exc
    except LoadError as exc:
        raise LoadError(f"folder default {candidate}: {exc}; documents below it are not ingested until it is "
                        "fixed") from exc


def hash_with_default(content_hash: str, default: tuple[str, ...] | None) -> str:
    """The content hash, changed when a folder default applies, so editing `.audience.yaml` re-ingests the files."""
    if not default:
        return content_hash
    return hashlib.sha256(f"{content_hash}|folder-audience:{','.join(default)}".encode()).hexdigest()
