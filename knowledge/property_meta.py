"""Binary formats carry no front-matter: 'course=SEC-101; audience=all; lang=zh' in the Keywords property plays
that role, parsed strictly (both `=` and `:` forms, pairs split by ';' or ','), because it decides who may read."""

from __future__ import annotations

import re

from knowledge.audience import audience_like, mentions_audience
from knowledge.document import LoadError
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS, publishing_key_problem

KEYWORD_KEYS = ("course", "audience", "lang", "title")
MAX_KEYWORDS_CHARS = 4096
_PAIR_START = re.compile(r"(?<![\w.-])([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.-]*)\s*[=:：]\s*")
_PART = re.compile(r"[;；\n\r]")


def meta_from_keywords(keywords: str, where: str = "Keywords", ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS
                       ) -> dict:
    """Parse 'key=value; key: value, key=value' pairs; free keywords are ignored unless they name an audience.

    A pair whose key is an ignorable publishing key (`author=...`) is dropped; any other unknown key is an error."""
    keywords = str(keywords or "")
    if len(keywords) > MAX_KEYWORDS_CHARS:
        raise LoadError(f"{where} is longer than {MAX_KEYWORDS_CHARS} characters; keep course, audience and lang")
    meta: dict = {}
    for part in _PART.split(keywords):
        starts = list(_PAIR_START.finditer(part))
        free = part[:starts[0].start()] if starts else part
        if mentions_audience(free):
            raise LoadError(f"{where} mentions an audience that does not parse ({part.strip()[:40]!r}); "
                            "write it as 'audience=hrd,manager'")
        for position, start in enumerate(starts):
            end = starts[position + 1].start() if position + 1 < len(starts) else len(part)
            key = start.group(1).lower()
            value = part[start.end():end].strip().rstrip(",，").strip()
            if key not in KEYWORD_KEYS:
                problem = publishing_key_problem(key, value, ignorable, where)
                if problem:
                    raise LoadError(problem)
                continue
            if key in meta:
                raise LoadError(f"'{key}' is given twice in {where}; keep one")
            meta[key] = value
    return meta


def check_free_text(value: str, where: str) -> None:
    """Another property (subject, category, comments) that tries to set an audience is an error, not ignored."""
    text = str(value or "")
    for start in _PAIR_START.finditer(text):
        if audience_like(start.group(1)):
            raise LoadError(f"{where} sets '{start.group(1)[:40]}', which Mentor does not read there; "
                            "put 'audience=...' in the Keywords property")
    if mentions_audience(text):
        raise LoadError(f"{where} mentions an audience, which Mentor does not read there; "
                        "put 'audience=...' in the Keywords property")
