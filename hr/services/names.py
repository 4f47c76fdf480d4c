"""People named in free text by their full name (in characters, or in pinyin), and which of them the caller may
see (never guessed, never leaked)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session

from hr.caller import Caller
from hr.repositories import org_repo
from hr.services.access import can_see
from hr.services.pinyin_names import rows_written_in_pinyin

_CJK = re.compile(r"[\u3400-\u9fff]")
MIN_LATIN_NAME = 3  # a Latin name needs a space ("Li Na") or 5+ letters; "Tom" alone may be an ordinary word


@dataclass(frozen=True)
class Candidate:
    """One person carrying a name, as the caller may know them."""

    id: str
    name: str
    department_id: str
    visible: bool  # the caller may read this person's records (HR decides; the bot only reports it)


@dataclass(frozen=True)
class NamedPerson:
    """A name written in the message and every active employee carrying it."""

    name: str
    candidates: tuple[Candidate, ...]


def name_spans(names: list[str], text: str) -> list[str]:
    """The names that occur in the text as whole names, longest first and not overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[str] = []
    for name in sorted({n for n in names if _usable(n)}, key=len, reverse=True):
        pattern = re.escape(name) if _CJK.search(name) else r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])"
        for m in re.finditer(pattern, text, flags=0 if _CJK.search(name) else re.IGNORECASE):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            if name not in found:
                found.append(name)
    return found


def _usable(name: str) -> bool:
    """A name long enough to be told from ordinary words (two CJK characters, or a Latin name of 3+ letters)."""
    name = name.strip()
    if _CJK.search(name):
        return len(name) >= 2
    return len(name) >= 5 or (" " in name and len(name) >= MIN_LATIN_NAME)


_CJK_RUN = re.compile(r"[\u3400-\u9fff·・]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'.\-]*")
MAX_CJK_NAME = 6  # Chinese names are 2-4 characters; compound surnames and transliterations with a dot run longer
MAX_LATIN_WORDS = 4


def candidate_strings(text: str) -> set[str]:
    """Every string of the text that could be a whole name (lower-cased), so the lookup asks only for those."""
    found: set[str] = set()
    for run in _CJK_RUN.findall(text):
        for size in range(2, min(len(run), MAX_CJK_NAME) + 1):
            found.update(run[i:i + size] for i in range(len(run) - size + 1))
    words = _LATIN_WORD.findall(text)
    for size in range(1, MAX_LATIN_WORDS + 1):
        found.update(" ".join(words[i:i + size]).lower() for i in range(len(words) - size + 1))
    return found


def _rows_named_in(db: Session, text: str) -> list[tuple[str, str, str]]:
    """The active employees whose name could occur in the text (one bounded query, not the whole organisation)."""
    candidates = candidate_strings(text)
    return org_repo.active_names_among(db, candidates) if candidates else []


def names_in(db: Session, text: str) -> list[str]:
    """The employee names written in a text (for telling the message's own language apart from names in it),
    also those written in pinyin ("Wang Chao")."""
    found = name_spans([name for _id, name, _dept in _rows_named_in(db, text)], text)
    return found + [span for span in dict.fromkeys(s for s, _row in rows_written_in_pinyin(db, text))
                    if span not in found]


def people_named(db: Session, caller: Caller, text: str) -> list[NamedPerson]:
    """Everyone the text names by full name, with whether the caller may see each candidate."""
    rows = _rows_named_in(db, text)
    people = []
    for name in name_spans([n for _i, n, _d in rows], text):
        matches = [r for r in rows if r[1].strip().lower() == name.strip().lower()]
        people.append(NamedPerson(name, tuple(Candidate(i, n, d, can_see(db, caller, i)) for i, n, d in
                                              sorted(matches))))
    by_span: dict[str, list[tuple[str, str, str]]] = {}
    for span, row in rows_written_in_pinyin(db, text):  # "Wang Chao": every 王超 (and 汪超...) the org has
        by_span.setdefault(span, []).append(row)
    for span, matches in by_span.items():
        people.append(NamedPerson(span, tuple(Candidate(i, n, d, can_see(db, caller, i)) for i, n, d in
                                              sorted(set(matches)))))
    return people
