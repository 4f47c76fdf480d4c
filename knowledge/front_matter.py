"""YAML front-matter: `title`, `course`, `audience`, `lang` at the top of Markdown and text files."""

from __future__ import annotations

import re

import yaml

from knowledge.document import LoadError

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict, str]:
    """(metadata, body); a malformed block is a LoadError, never silently treated as text."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise LoadError(f"front-matter is not valid YAML ({str(exc).splitlines()[0]}); fix the block between '---' lines") from exc
    if not isinstance(meta, dict):
        raise LoadError("front-matter must be a YAML mapping such as 'title: ...'")
    return normalise_keys(meta), text[match.end():]


def normalise_keys(meta: dict) -> dict:
    """Lower-case keys so 'Audience:' restricts a document exactly like 'audience:' does."""
    return {str(key).strip().lower(): value for key, value in meta.items()}


_NEAR_MISSES = ("audiences", "access", "visibility", "visible_to")
_TAG = re.compile(r"^[\w.:-]+$")


def audience_of(meta: dict) -> tuple[str, ...]:
    """Normalised audience tags; 'all' only when the key is truly absent (access control fails closed)."""
    meta = normalise_keys(meta)
    for key in _NEAR_MISSES:
        if key in meta:
            raise LoadError(f"unknown metadata key '{key}'; did you mean 'audience'?")
    if "audience" not in meta:
        return ("all",)
    raw = meta["audience"]
    items = raw if isinstance(raw, list) else str(raw or "").replace("，", ",").split(",")
    tags = tuple(sorted({str(item).strip().lower() for item in items if item is not None and str(item).strip()}))
    if not tags:
        raise LoadError("'audience' is empty; list who may read the document (e.g. [all] or [manager, hrd])")
    bad = [t for t in tags if not _TAG.match(t)]
    if bad:
        raise LoadError(f"audience tag {bad[0]!r} is not a plain id; use letters, digits, '-', '_' or '.'")
    return tags
