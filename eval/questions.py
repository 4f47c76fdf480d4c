"""Gold question files: one JSON object a line, validated with line numbers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from retrieval.language import detect_language
from retrieval.types import Audience


@dataclass(frozen=True)
class GoldQuestion:
    """One labelled question."""

    id: str
    question: str
    gold_sources: tuple[str, ...]
    answers: tuple[str, ...]
    expect: str  # "answer" | "abstain"
    audience: tuple[str, ...] | None = None  # reader's tags; None means the evaluation's default reader
    lang: str | None = None  # "zh" / "en" when the file says; else detected from the question
    cross_lingual: bool = False  # no gold source is written in the question's language

    def slices(self) -> list[str]:
        """The report slices this question counts in: its language, cross-language or not, answer or abstain."""
        language = self.lang or detect_language(self.question)
        return [f"lang={language}", f"cross_lingual={str(self.cross_lingual).lower()}", f"expect={self.expect}"]

    def reader(self, default: Audience) -> Audience:
        """The question's own reader when the gold file names one (ACL sets), else the default."""
        return Audience.of(*self.audience) if self.audience else default


class GoldFileError(ValueError):
    """A malformed gold file; the message names the line."""


def load_questions(path: Path) -> list[GoldQuestion]:
    """Parse and validate; every problem names the file and line."""
    if not path.is_file():
        raise GoldFileError(f"{path}: file not found")
    questions: list[GoldQuestion] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        expect = raw.get("expect", "answer")
        if expect not in ("answer", "abstain"):
            raise GoldFileError(f"{path}:{number}: expect must be 'answer' or 'abstain', got {expect!r}")
        if not raw.get("question"):
            raise GoldFileError(f"{path}:{number}: missing 'question'")
        if expect == "answer" and not raw.get("gold_sources"):
            raise GoldFileError(f"{path}:{number}: an answerable question needs 'gold_sources'")
        audience = tuple(raw["audience"]) if raw.get("audience") else None
        questions.append(GoldQuestion(str(raw.get("id", number)), raw["question"], tuple(raw.get("gold_sources", [])),
                                      tuple(raw.get("answers", [])), expect, audience, raw.get("lang"),
                                      bool(raw.get("cross_lingual", False))))
    return questions
