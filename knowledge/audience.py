"""Who may read a document: audience tags parsed strictly, because a restriction that does not parse must never
mean "everyone" (access control fails closed)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection

from knowledge.document import LoadError

EVERYONE = "all"
_TAG = re.compile(r"^[\w.:-]+$")
_SEPARATORS = re.compile(r"[,，、;；]")
# Names people use for "who may read this" instead of `audience`; any of them in metadata is an error, not ignored.
_AUDIENCE_WORDS = frozenset({
    "role", "roles", "access", "visibility", "visible", "visibleto", "restrict", "restricted", "restriction",
    "restrictedto", "permission", "permissions", "acl", "reader", "readers", "allowed", "allowedto", "groups",
    "department", "departments", "dept", "depts", "viewers", "confidential", "confidentiality", "classification",
    "受众", "对象", "适用对象", "适用范围", "阅读范围", "可见", "可见范围", "权限", "部门", "角色", "仅限"})
_NOISE = re.compile(r"[\s_\-.:/]")


def audience_like(word: str) -> bool:
    """True for `audience`, its misspellings (audince, audiance), prefixed forms (dc.audience) and synonyms (roles)."""
    normal = _NOISE.sub("", str(word).lower())
    if not normal:
        return False
    if normal.startswith("aud") or "audien" in normal or "audian" in normal or normal in _AUDIENCE_WORDS:
        return True
    if any(w in normal for w in ("受众", "可见", "权限", "visib")):
        return True
    return len(normal) >= 5 and _distance(normal, "audience") <= 2


def mentions_audience(text: str) -> bool:
    """Free text (a keyword list, a subject line) that names an audience: 'audience hrd', 'audiance', '受众'."""
    words = re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]+", str(text))
    return any((len(w) >= 5 and _distance(w.lower(), "audience") <= 2) or "受众" in w or "可见范围" in w
               or "阅读范围" in w for w in words)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only), to catch misspellings of `audience`."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def parse_tags(raw: object, where: str = "'audience'") -> tuple[str, ...]:
    """A list or a comma-separated string of plain ids, lower-cased and sorted; anything else is a LoadError."""
    if isinstance(raw, (list, tuple)):
        items = list(raw)
    elif isinstance(raw, (str, int)) and not isinstance(raw, bool):
        items = _SEPARATORS.split(str(raw))
    elif raw is None:
        items = []
    else:
        raise LoadError(f"{where} must be a list of ids such as [hrd, manager], not a {type(raw).__name__}")
    tags: set[str] = set()
    for item in items:
        if isinstance(item, (list, tuple, dict, set, bool)):
            raise LoadError(f"{where} must be a flat list of ids such as [hrd, manager]; found {item!r}")
        if item is None or not str(item).strip():
            continue
        tag = str(item).strip().lower()
        if not _TAG.match(tag):
            raise LoadError(f"{where}: tag {tag[:40]!r} is not a plain id; use letters, digits, '-', '_' or '.' "
                            "and separate tags with commas")
        tags.add(tag)
    if not tags:
        raise LoadError(f"{where} is empty; list who may read the document (e.g. [all] or [manager, hrd])")
    if EVERYONE in tags and len(tags) > 1:
        raise LoadError(f"{where} mixes 'all' with {', '.join(sorted(tags - {EVERYONE}))}; "
                        "write [all] for everyone or only the restricted tags")
    return tuple(sorted(tags))


def check_known(tags: tuple[str, ...], known: Collection[str] | None, where: str = "'audience'") -> None:
    """Every tag must name something in the HR records (a role, a department, an employee) or be 'all'."""
    if known is None:
        return
    for tag in tags:
        if tag != EVERYONE and tag not in known:
            close = difflib.get_close_matches(tag, list(known) + [EVERYONE], n=1, cutoff=0.75)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise LoadError(f"{where}: unknown tag '{tag}' (no role, department or employee has this id){hint} "
                            "Use all, a role, a department id or an employee id from the HR records")


def audience_of(meta: dict, default: tuple[str, ...] | None = None,
                known: Collection[str] | None = None) -> tuple[str, ...]:
    """Normalised audience tags: the document's own, else the folder default, else 'all' (only when truly absent)."""
    normal: dict[str, object] = {}
    for key, value in meta.items():
        name = str(key).strip().lower()
        if name in normal:
            raise LoadError(f"metadata key '{name}' is given twice; keep one")
        if name != "audience" and audience_like(name):
            raise LoadError(f"unknown metadata key '{name}'; did you mean 'audience'?")
        normal[name] = value
    if "audience" not in normal:
        return default or (EVERYONE,)
    tags = parse_tags(normal["audience"])
    check_known(tags, known)
    return tags
