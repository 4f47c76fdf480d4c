"""Binary formats carry no front-matter: 'course=SEC-101; audience=all' in the Keywords property plays that role."""

from __future__ import annotations


def meta_from_keywords(keywords: str) -> dict:
    """Parse 'key=value; key=value' pairs; other keywords are ignored."""
    meta: dict = {}
    for part in keywords.replace("；", ";").split(";"):
        if "=" in part:
            key, value = part.split("=", 1)
            if key.strip():
                meta[key.strip().lower()] = value.strip()
    return meta
