"""The intents the mentor understands; each one is the name of the tool it calls (help calls none)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEARCH_KNOWLEDGE = "search_knowledge"
ENROLL = "enroll"
MY_PROGRESS = "my_progress"
TEAM_PROGRESS = "team_progress"
EXPLAIN_KPI = "explain_kpi"
RECOMMEND_COURSES = "recommend_courses"
GENERATE_QUIZ = "generate_quiz"
GRADE_ANSWER = "grade_answer"
COMPLETION_REPORT = "completion_report"
NUDGE_TEAM = "nudge_team"
HELP = "help"



@dataclass(frozen=True)
class Routed:
    """What the router decided: the intent, its filled slots and how confident it is (0-1)."""

    intent: str
    slots: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0
    confident: bool = False  # the classifier was sure enough to name a tool (else search or help by default)
    best: str = ""  # the classifier's own first choice, kept when it was not sure enough to act on it
