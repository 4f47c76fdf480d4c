"""Is one turn right? act (with the evidence it implies), subject, key text, language and abstention."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CODES = re.compile(r"\b[A-Za-z]{2,6}-\d{2,4}\b|\b[Ee]\d{3,6}\b|https?://\S+|`[^`]*`")
_EN_RUN = re.compile(r"(?:\b[A-Za-z][A-Za-z'’-]{1,}\b[\s,;:()/-]*){4,}")
_PREVIEWS = ("enroll_preview", "withdraw_preview", "exam_preview")


def check_turn(expect: dict, reply, language: str, proper_names: list[str], quiz_open: bool) -> list[str]:
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
    problem = language_problem(text, wanted_language, reply.citations, proper_names)
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


def language_problem(text: str, language: str, citations, proper_names: list[str]) -> str:
    """Why the reply is not in the expected language, or "" when it is. Quoted sources, their titles, people,
    course titles, venues, codes and ids are left out first: they are shown as written."""
    residue = text
    for citation in citations or []:
        for piece in (citation.text, citation.title, citation.heading, citation.source):
            for sentence in re.split(r"(?<=[。！？.!?;；\n])", piece or ""):
                if len(sentence.strip()) >= 4:
                    residue = residue.replace(sentence.strip(), " ")
    residue = "\n".join(line for line in residue.splitlines() if not line.lstrip().startswith(">"))
    for name in proper_names:
        residue = residue.replace(name, " ")
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
