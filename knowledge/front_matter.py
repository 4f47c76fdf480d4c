"""YAML front-matter: `title`, `course`, `audience`, `lang` at the top of Markdown and text files, parsed strictly.

Strict because front-matter decides who may read a document: an unknown key, a misplaced block or YAML tricks
(aliases that expand exponentially, duplicate keys where the last one silently wins) are refused, never guessed.
Site-generator publishing keys (`layout`, `redirect_from`, ...) are ignored; see knowledge/publishing_keys.py."""

from __future__ import annotations

import re

import yaml

from knowledge.audience import audience_like, audience_of, mentions_audience
from knowledge.document import LoadError
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS, publishing_key_problem

__all__ = ["KNOWN_KEYS", "audience_of", "check_meta_values", "normalise_keys", "parse_yaml_mapping",
           "split_front_matter"]

KNOWN_KEYS = ("title", "course", "audience", "lang")
MAX_FRONT_MATTER_BYTES = 8192  # a real block is a few lines; the bound keeps a hostile one cheap
MAX_DEPTH = 8
_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_LOOSE_KEY = re.compile(r"^\s*([^\s:：=#>*|-][^:：=]{0,30}?)\s*[:：=]")
_COURSE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
LOOSE_LINES = 5


class _Refused(yaml.YAMLError):
    """A YAML feature front-matter does not allow (aliases, anchors, duplicate keys, deep nesting)."""


class StrictLoader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases (no alias bombs), duplicate keys or deep nesting."""

    def __init__(self, stream) -> None:
        """Start at depth 0."""
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        """Refuse `*alias` and `&anchor` before PyYAML would expand them; bound nesting."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("YAML aliases (*name) are not allowed")
        if getattr(event, "anchor", None):
            raise _Refused("YAML anchors (&name) are not allowed")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        """A key given twice (also 'Audience' and 'audience') is an error, not 'the last one wins'."""
        seen: set[str] = set()
        for key_node, _value in node.value:
            name = str(key_node.value).strip().lower() if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            if name in seen:
                raise _Refused(f"key '{name}' is given twice")
            seen.add(name)
        return super().construct_mapping(node, deep)


def parse_yaml_mapping(block: str, what: str = "front-matter") -> dict:
    """A small YAML mapping parsed with StrictLoader; any problem is a one-line LoadError."""
    if len(block.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise LoadError(f"{what} is longer than {MAX_FRONT_MATTER_BYTES // 1024} KB; keep it to title, course, "
                        "audience, lang and a few publishing keys")
    try:
        meta = yaml.load(block, Loader=StrictLoader) or {}  # noqa: S506 - StrictLoader is a SafeLoader
    except RecursionError:
        raise LoadError(f"{what} is nested too deeply") from None
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise LoadError(f"{what} is not valid YAML ({first}); fix the block between '---' lines") from exc
    if not isinstance(meta, dict):
        raise LoadError(f"{what} must be a YAML mapping such as 'title: ...'")
    return meta


def split_front_matter(text: str, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> tuple[dict, str]:
    """(metadata, body); a malformed, misplaced or unknown-keyed block is a LoadError, never treated as text.

    `ignorable`: publishing keys dropped from the metadata (knowledge.publishing_keys.ignored_keys)."""
    text = text[1:] if text.startswith("\ufeff") else text
    opening = _OPEN.match(text)
    if not opening:
        _refuse_misplaced_block(text)
        _refuse_loose_metadata(text)
        return {}, text
    close = _CLOSE.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER_BYTES + 8)
    if close is None:
        raise LoadError("front-matter has no closing '---' line within the first "
                        f"{MAX_FRONT_MATTER_BYTES // 1024} KB; close the block with a line holding only '---'")
    meta = check_meta_values(normalise_keys(parse_yaml_mapping(text[opening.end():close.start()])), "front-matter",
                             ignorable)
    body = text[close.end():].lstrip("\r\n")
    _refuse_loose_metadata(body)
    return meta, body


def normalise_keys(meta: dict) -> dict:
    """Lower-case keys so 'Audience:' restricts a document exactly like 'audience:' does."""
    return {str(key).strip().lower(): value for key, value in meta.items()}


def check_meta_values(meta: dict, where: str, ignorable: frozenset[str] = DEFAULT_IGNORED_KEYS) -> dict:
    """The four known keys, each checked for shape (audience is parsed by audience_of); ignorable publishing keys
    are dropped, any other key is a LoadError."""
    for key, value in meta.items():
        if key not in KNOWN_KEYS:
            problem = publishing_key_problem(key, value, ignorable, where)
            if problem:
                raise LoadError(problem)
            continue
        if key == "title" and (isinstance(value, (list, dict)) or len(str(value)) > 300):
            raise LoadError(f"{where} 'title' must be one line of text (at most 300 characters)")
        if key == "course" and value is not None and not _COURSE.match(str(value).strip()):
            raise LoadError(f"{where} 'course' must be a course code such as SEC-101, not {str(value)[:40]!r}")
        if key == "lang" and value is not None and not _LANG.match(str(value).strip()):
            raise LoadError(f"{where} 'lang' must be a language code such as zh or en, not {str(value)[:40]!r}")
    return {key: value for key, value in meta.items() if key in KNOWN_KEYS}


def _refuse_misplaced_block(text: str) -> None:
    """Blank lines (or spaces) before '---' would make the block body text and the document public."""
    stripped = text.lstrip()
    if stripped != text and _OPEN.match(stripped):
        raise LoadError("front-matter must start on the very first line: remove the blank line(s) before '---'")
    if text.startswith("+++"):
        raise LoadError("TOML front-matter ('+++') is not read; use YAML between '---' lines")


def _refuse_loose_metadata(body: str) -> None:
    """An 'audience: ...' line outside front-matter (the '---' lines forgotten) must not be ignored."""
    seen = 0
    for number, line in enumerate(body.splitlines(), 1):
        if not line.strip():
            continue
        seen += 1
        if seen > LOOSE_LINES:
            return
        match = _LOOSE_KEY.match(line)
        if (match and audience_like(match.group(1))) or (seen == 1 and mentions_audience(line) and ":" in line):
            raise LoadError(f"line {number} looks like an audience setting outside front-matter "
                            f"({line.strip()[:40]!r}); put metadata between '---' lines at the very top of the file")
