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
    return meta, text[match.end():]


def audience_of(meta: dict) -> tuple[str, ...]:
    """Normalised audience tags; 'all' when unset. Accepts a list or a comma-separated string."""
    raw = meta.get("audience", "all")
    if raw is None:
        return ("all",)
    items = raw if isinstance(raw, list) else str(raw).replace("，", ",").split(",")
    tags = tuple(sorted({str(item).strip().lower() for item in items if str(item).strip()}))
    return tags or ("all",)
