"""What the tools share, built once by the composition root: the HR service, the index, quizzes, display names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.present.names import Names

if TYPE_CHECKING:
    from bot.quiz.generator import QuizGenerator
    from bot.store.quiz_sessions import QuizSessionStore
    from hr.service import HRService
    from retrieval.index import KnowledgeIndex


@dataclass
class ToolDeps:
    """Shared by every turn; the caller is never here (it is bound per turn in TurnContext)."""

    hr: HRService
    index: KnowledgeIndex
    quizzes: QuizGenerator
    quiz_sessions: QuizSessionStore
    names: Names = field(default_factory=Names)

    def course_title(self, code: str, language: str) -> str | None:
        """A course's title in the reader's language; None for an unknown code."""
        return self.names.title(code, language) if self.names.knows_course(code) else None
