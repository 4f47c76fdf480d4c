"""What the tools share, built once by the composition root: the HR service, the index, quizzes, display names."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.present.names import Names


@dataclass
class ToolDeps:
    """Shared by every turn; the caller is never here (it is bound per turn in TurnContext)."""

    hr: object  # hr.service.HRService
    index: object  # retrieval.index.KnowledgeIndex
    quizzes: object  # bot.quiz.generator.QuizGenerator
    quiz_sessions: object  # bot.store.quiz_sessions.QuizSessionStore
    names: Names = field(default_factory=Names)

    def course_title(self, code: str, language: str) -> str | None:
        """A course's title in the reader's language; None for an unknown code."""
        return self.names.title(code, language) if self.names.knows_course(code) else None
