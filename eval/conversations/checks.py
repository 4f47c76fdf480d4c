"""Is one turn right? act (with the evidence it implies), subject, key text, language and abstention."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CODES = re.compile(r"\b[A-Za-z]{2,6}-\d{2,4}\b|\b[Ee]\d{3,6}\b|https?://\S+|`[^`]*`")
_EN_RUN = re.compile(r"(?:\b[A-Za-z][A-Za-z'’-]{1,}\b[\s,;:()/-]*){4,}")
_PREVIEWS = ("enroll_preview", "withdraw_preview", "exam_preview")
# Text the reply marks as quoted: in quotation marks or 《》, a dictionary gloss, or a quiz option line ("A. …").
_MARKED_QUOTE = re.compile(r'"[^"\n]*"|“[^”\n]*”|《[^》\n]*》|\((?:gloss|释义)[:：][^)\n]*\)|（(?:gloss|释义)[:：][^）\n]*）'
                           r"|^\s*[A-D][.．]\s.*$", re.MULTILINE)


class Quotes:
    """The knowledge base's own wording: text quoted from it as written (a quiz question from English material in a
    Chinese reply, a cited Chinese sentence in an English reply) is not counted against the reply's language."""

    def __init__(self, texts: list[str]):
        """Index every run of four English words and every Chinese stretch of the material."""
        self._grams: set[tuple[str, ...]] = set()
        self._chinese: list[str] = []
        for text in texts:
            words = re.findall(r"[a-z0-9']+", text.lower())
            self._grams.update(tuple(words[i:i + 4]) for i in range(len(words) - 3))
            self._chinese.append("".join(_CJK.findall(text)))

    def english(self, run: str) -> bool:
        """True when every four-word window of the run occurs in the material."""
        words = re.findall(r"[a-z0-9']+", run.lower())
        return len(words) >= 4 and all(tuple(words[i:i + 4]) in self._grams for i in range(len(words) - 3))

    def chinese(self, run: str, at_least: int = 6) -> bool:
        """True for a Chinese stretch of at least `at_least` characters found in the material."""
        return len(run) >= at_least and any(run in text for text in self._chinese)


def check_turn(expect: dict, reply, language: str, proper_names: list[str], quiz_open: bool,
               quotes: Quotes | None = None) -> list[str]:
    """The reasons this turn is wrong (empty when it is right)."""
    failures = []
    want, got = expect["act"], reply.act
    if got != want:
        failures.append(f"act: expected {want}, got {got or 'nothing'}")
    else:
        failures += _evidence(want, reply, quiz_open)
    for key, value in (expect.get("subject") or {}).items():
        seen = (reply.subject or {}).get(key)
        if seen is None or str(seen).lower() != str(value).lower():
            failures.append(f"subject.{key}: expected {value}, got {seen}")
    text = reply.text or ""
    lowered = text.lower()
    if (anyof := expect.get("contains_any")) and not any(s.lower() in lowered for s in anyof):
        failures.append(f"contains_any: none of {anyof}")
    for s in expect.get("contains_all") or []:
        if s.lower() not in lowered:
            failures.append(f"contains_all: missing {s!r}")
    for s in expect.get("not_contains") or []:
        if s.lower() in lowered:
            failures.append(f"not_contains: has {s!r}")
    wanted_language = expect.get("lang", language)
    problem = language_problem(text, wanted_language, reply.citations, proper_names, quotes)
    if problem:
        failures.append(f"lang: {problem}")
    return failures


def _evidence(act: str, reply, quiz_open: bool) -> list[str]:
    """What an act label implies and the reply must show (so a label alone cannot pass)."""
    confirm = any(a.kind == "confirm" for a in reply.actions)
    if act == "answer" and (reply.abstained or not reply.citations):
        return ["answer: no citations, or marked as abstained"]
    if act == "abstain" and not reply.abstained:
        return ["abstain: the reply is not marked as abstained"]
    if act in _PREVIEWS and not confirm:
        return [f"{act}: no confirm button"]
    if act in ("refused", "enroll_refused", "cancelled", "enroll_done", "withdraw_done", "nudge_done") and confirm:
        return [f"{act}: still offers a confirm button"]
    if act == "quiz_start" and not quiz_open:
        return ["quiz_start: no quiz is open afterwards"]
    if act == "quiz_exit" and quiz_open:
        return ["quiz_exit: the quiz is still open"]
    return []


def language_problem(text: str, language: str, citations, proper_names: list[str], quotes: Quotes | None = None) -> str:
    """Why the reply is not in the expected language, or "" when it is. Quoted sources, their titles, people,
    course titles, venues, codes and ids are left out first: they are shown as written. Inside a marked quote
    (quotation marks, a gloss, a quiz option line) any stretch of the knowledge base's own words counts as quoted;
    outside one only stretches of six characters or more do, so a label is not excused because the material uses it."""
    residue = text
    cited = Quotes([" ".join(filter(None, (c.text, c.title, c.heading))) for c in citations or []])
    for citation in citations or []:
        for piece in (citation.text, citation.title, citation.heading, citation.source):
            for sentence in re.split(r"(?<=[。！？.!?;；\n])", piece or ""):
                if len(sentence.strip()) >= 4:
                    residue = residue.replace(sentence.strip(), " ")
    for name in proper_names:  # titles and headings first, before their words are taken apart below
        residue = residue.replace(name, " ")
    def quoted(run: re.Match) -> str:
        """A Chinese stretch inside a marked quote: set aside when the material (or a citation) holds it."""
        words = run.group(0)
        found = cited.chinese(words, at_least=1) or (quotes is not None and quotes.chinese(words, at_least=1))
        return " " if found else words

    for zone in _MARKED_QUOTE.findall(residue):  # a marked quote: any stretch of the material's own words
        residue = residue.replace(zone, re.sub(r"[\u4e00-\u9fff]+", quoted, zone))
    for run in re.findall(r"[\u4e00-\u9fff]+", residue):
        if cited.chinese(run, at_least=1) or (quotes is not None and quotes.chinese(run)):
            residue = residue.replace(run, " ")
    for run in [m.group(0) for m in _EN_RUN.finditer(residue)]:
        if cited.english(run) or (quotes is not None and quotes.english(run)):
            residue = residue.replace(run, " ")
    residue = "\n".join(line for line in residue.splitlines() if not line.lstrip().startswith(">"))
    residue = _CODES.sub(" ", residue)
    cjk = len(_CJK.findall(residue))
    if language == "zh":
        if cjk == 0:
            return "no Chinese in the reply"
        run = _EN_RUN.search(residue)
        return f"English wording in a Chinese reply: {run.group(0).strip()[:60]!r}" if run else ""
    if cjk:
        leftover = "".join(_CJK.findall(residue))[:30]
        return f"Chinese wording in an English reply: {leftover!r}"
    return ""
