"""Site-generator keys (Jekyll, Hugo, MkDocs, Docusaurus) that only shape a published page are ignored, so a real
handbook ingests as it is; a key that could hide a page or restrict its readers is never ignored (fail closed).

Three kinds of key besides title/course/audience/lang:
- publishing keys (`layout`, `permalink`, `redirect_from`, `keywords`, ...): ignored, after their values are checked
  for an audience slipped in as text (`description: "audience: hrd"`, `tags: [private]`);
- keys that restrict readers or unpublish the page (`roles`, `access`, `private`, `draft: true`, ...): always an
  error saying to use `audience`; an operator cannot list them as ignorable;
- keys that hide a page on the site only (`hide`, `search_exclude`, ...): an error unless the operator lists them.
Anything else stays an error that names the setting where an operator can declare it ignorable."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.audience import audience_like, mentions_audience
from knowledge.document import LoadError

IGNORED_KEYS_SETTING = "MENTOR_INGEST_IGNORED_KEYS"
DEFAULT_IGNORED_KEYS = frozenset({
    # Jekyll
    "layout", "permalink", "redirect_from", "redirect_to", "date", "last_modified_at", "tags", "tag", "categories",
    "category", "keywords", "description", "excerpt", "subtitle", "sidebar", "author", "authors", "image", "toc",
    "nav_order", "parent", "grand_parent", "has_children", "has_toc", "order",
    # Hugo
    "slug", "weight", "aliases", "lastmod", "summary", "menu", "type", "linktitle", "series",
    # MkDocs / Docusaurus
    "template", "icon", "status", "sidebar_position", "sidebar_label", "sidebar_class_name", "id", "pagination_label",
    "custom_edit_url", "toc_min_heading_level", "toc_max_heading_level", "last_update",
    # spell checkers and themes seen in real handbooks (18F: `questions` is a contact list, `step_indicator` a widget)
    "cspell", "spellcheck", "questions", "step_indicator",
})
# Words in a key that mean "not everyone may read this": always an error, whatever the operator configures.
_RESTRICTING = ("private", "draft", "publish", "hidden", "secret", "confidential", "internal", "protect", "restrict", "visib",
                "access", "permission", "role", "group", "login", "authoriz", "authent", "member", "staff", "only", "unlisted",
                "password", "acl", "allow", "deny", "owner")
# Words in a key that hide a page on the site: an error by default; an operator may declare them ignorable.
_HIDING = ("hide", "exclude", "noindex", "sitemap", "expir", "robots", "search", "nav_exclude")
# A tag or keyword value that reads as a restriction: `tags: [private]` must not quietly publish the page.
_RESTRICTING_VALUES = frozenset({
    "private", "confidential", "restricted", "internal", "internalonly", "secret", "draft", "unpublished", "hidden",
    "hronly", "staffonly", "managersonly", "needtoknow", "limited", "机密", "保密", "内部", "仅限内部", "草稿"})
_PUBLISHED_VALUES = {"draft": False, "published": True}  # `draft: false` / `published: true` say "public": fine
_MAX_VALUE_ITEMS = 200
_NORMAL = re.compile(r"[\s_\-.]")


def restricts_readers(key: str) -> bool:
    """True for `audience` look-alikes and for keys that unpublish a page or name who may read it."""
    normal = _NORMAL.sub("", str(key).lower())
    return audience_like(key) or any(word.replace("_", "") in normal for word in _RESTRICTING)


def hides_page(key: str) -> bool:
    """True for keys that hide a page on the generated site (nav, search, sitemap) without restricting readers."""
    normal = _NORMAL.sub("", str(key).lower())
    return any(word.replace("_", "") in normal for word in _HIDING)


def ignored_keys(extra: Iterable[str] = ()) -> frozenset[str]:
    """The default publishing keys plus an operator's extra ones; a key that restricts readers is refused."""
    keys = set(DEFAULT_IGNORED_KEYS)
    for raw in extra:
        key = str(raw).strip().lower()
        if not key:
            continue
        if key in ("title", "course", "audience", "lang"):
            raise ValueError(f"{IGNORED_KEYS_SETTING} lists '{key}', which Mentor reads; remove it from the setting")
        if restricts_readers(key):
            raise ValueError(f"{IGNORED_KEYS_SETTING} lists '{key[:40]}', which can restrict who may read a "
                             "document; it cannot be ignored: restrict documents with 'audience' instead")
        keys.add(key)
    return frozenset(keys)


def publishing_key_problem(key: str, value: object, ignorable: frozenset[str], where: str) -> str | None:
    """None when `key` may be ignored; otherwise the one-line reason it is an error."""
    if key in _PUBLISHED_VALUES and value is _PUBLISHED_VALUES[key]:
        return None
    if audience_like(key):
        return f"unknown {where} key '{key[:40]}'; did you mean 'audience'? (write audience: [hrd, manager])"
    if restricts_readers(key):
        return (f"{where} key '{key[:40]}' can hide this document or restrict its readers, which Mentor does not "
                "read; say who may read it with 'audience: [...]' (e.g. audience: [hrd]) or remove the key")
    if key not in ignorable:
        if hides_page(key):
            return (f"{where} key '{key[:40]}' hides the page on the site, but Mentor would still show it to every "
                    "reader; restrict readers with 'audience: [...]', or, if the page is for everyone, remove the key "
                    f"or add it to {IGNORED_KEYS_SETTING}")
        return (f"unknown {where} key '{key[:40]}'; Mentor reads title, course, audience and lang; if the key only "
                f"shapes the published page, add it to {IGNORED_KEYS_SETTING}")
    return _value_problem(key, value, where)


def _value_problem(key: str, value: object, where: str) -> str | None:
    """An ignored key's value that names an audience or reads as a restriction ('tags: [private]') is an error."""
    for item in _flatten(value):
        text = str(item)
        pieces = [text, *re.split(r"[,，、;；]", text)]
        if mentions_audience(text):
            return (f"{where} '{key[:40]}' mentions an audience ({text.strip()[:40]!r}), which Mentor does not read "
                    "there; use the 'audience' key")
        if any(_NORMAL.sub("", piece.lower()) in _RESTRICTING_VALUES for piece in pieces):
            return (f"{where} '{key[:40]}' says {text.strip()[:40]!r}, which reads as a restriction Mentor would "
                    "ignore; restrict readers with 'audience: [...]' or remove the word")
    return None


def _flatten(value: object) -> list[object]:
    """Scalars inside a value (lists and mappings walked, keys included), at most _MAX_VALUE_ITEMS of them."""
    found: list[object] = []
    pending = [value]
    while pending and len(found) < _MAX_VALUE_ITEMS:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            pending.extend(item)
        elif item is not None:
            found.append(item)
    return found


def check_publishing_keys(meta: dict, ignorable: frozenset[str], where: str) -> None:
    """Raise LoadError for the first non-Mentor key that may not be ignored (see module docstring)."""
    for key, value in meta.items():
        problem = publishing_key_problem(key, value, ignorable, where)
        if problem:
            raise LoadError(problem)


__all__ = ["DEFAULT_IGNORED_KEYS", "IGNORED_KEYS_SETTING", "check_publishing_keys", "hides_page", "ignored_keys",
           "publishing_key_problem", "restricts_readers"]
