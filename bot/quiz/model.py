"""A quiz and its items, as plain data that survives JSON (stored per thread, exported to an LMS)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Kind = Literal["mcq", "true_false", "cloze"]
BLANK = "____"
LETTERS = "ABCD"


@dataclass
class QuizItem:
    """One question with its key, why the key is right, and the chunk that proves it."""

    kind: Kind
    question: str
    answer: str  # mcq: "A".."D"; true_false: "true"/"false"; cloze: the words for the blank
    explanation: str
    difficulty: int  # 1 easy .. 3 hard
    chunk_id: str
    source: str
    title: str
    heading: str
    evidence: str  # the sentence of the chunk the key comes from
    options: list[str] = field(default_factory=list)
    language: str = "zh"
    hint: str = ""
    stem: str = ""  # the statement the question is built on (with the blank, or the definition asked about)
    origin: Literal["fact", "llm"] = "fact"

    @property
    def correct_text(self) -> str:
        """The key as words: the correct option's text, "true"/"false", or the blank's words."""
        if self.kind == "mcq":
            return self.options[LETTERS.index(self.answer)]
        return self.answer

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> QuizItem:
        """Rebuild from to_dict()."""
        return cls(**data)


@dataclass
class Quiz:
    """A set of items on one course or topic."""

    topic: str
    items: list[QuizItem]
    course: str | None = None
    language: str = "zh"
    mode: Literal["llm", "offline"] = "offline"
    sitting_id: int | None = None  # set when this is an official exam (HR's exam sitting), None for practice

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"topic": self.topic, "course": self.course, "language": self.language, "mode": self.mode,
                "sitting_id": self.sitting_id, "items": [i.to_dict() for i in self.items]}

    @classmethod
    def from_dict(cls, data: dict) -> Quiz:
        """Rebuild from to_dict()."""
        return cls(topic=data["topic"], course=data.get("course"), language=data.get("language", "zh"),
                   mode=data.get("mode", "offline"), sitting_id=data.get("sitting_id"),
                   items=[QuizItem.from_dict(i) for i in data["items"]])
