"""The offline intent router: the learned classifier picks the tool, rules read its arguments (slots)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from bot.routing import intents as I
from bot.routing.catalog import Catalog
from bot.routing.classifier import IntentClassifier
from bot.routing.examples import training_examples
from bot.routing.semantic import QueryEncoder
from bot.routing.slots import DEFAULT_EMPLOYEE_ID, SlotFiller

MIN_CONFIDENCE = 0.35  # below this a message is not a known request (why 0.35: eval/routing/README.md)
_QUESTIONISH = re.compile(r"[?？]|吗|呢|什么|怎么|如何|多少|几|哪|是否|能否|可以|"
                          r"\b(what|how|why|when|where|which|who|can|is|are|do|does|should)\b", re.IGNORECASE)


class IntentRouter:
    """Decides which tool a message asks for and fills its slots; unknown requests go to search or help."""

    def __init__(self, catalog: Catalog, employee_id_pattern: str = DEFAULT_EMPLOYEE_ID,
                 encoder: QueryEncoder | None = None):
        """Train (or load) the classifier once; with an encoder (the knowledge index) it also reads meaning."""
        self._classifier = IntentClassifier(training_examples(), encoder)
        self._slots = SlotFiller(catalog, employee_id_pattern)

    @property
    def catalog(self) -> Catalog:
        """The organisation's course and department names."""
        return self._slots.catalog

    def probabilities(self, text: str) -> dict[str, float]:
        """The classifier's probability per intent for one message."""
        return self._classifier.probabilities(text.strip())

    def route(self, text: str, today: date | None = None) -> I.Routed:
        """The intent and slots of one message."""
        today = today or date.today()
        stripped = unicodedata.normalize("NFKC", text).strip()
        if not stripped:
            return I.Routed(I.HELP, {}, 1.0, True)
        scores = self.probabilities(stripped)
        best = max(scores, key=scores.__getitem__)
        confidence = scores[best]
        intent = decide(scores, stripped)
        return I.Routed(intent, self.slots_for(intent, stripped, today), confidence, confidence >= MIN_CONFIDENCE,
                        best)

    def slots_for(self, intent: str, text: str, today: date | None = None) -> dict:
        """The slots a message fills for a given intent (the tool registry says which slots the intent takes)."""
        from bot.tools.registry import get

        tool = get(intent)
        wanted = tool.slots if tool is not None else ()
        return self._slots.fill(intent, unicodedata.normalize("NFKC", text).strip(), today or date.today(), wanted)


def decide(scores: dict[str, float], text: str) -> str:
    """The intent to act on: the classifier's first choice when it is sure enough (or unsure only between two progress
    views), else a knowledge search for a question and help for anything else."""
    best = max(scores, key=scores.__getitem__)
    if scores[best] >= MIN_CONFIDENCE or _between_progress_views(scores, best):
        return best
    return I.SEARCH_KNOWLEDGE if _QUESTIONISH.search(text) or len(text) >= 6 else I.HELP


def _between_progress_views(scores: dict[str, float], best: str) -> bool:
    """Unsure only which progress view is meant ("我组员的销售基础学到哪了": one person's or the team's): the two
    together clear the floor, so it is a progress request; the likelier view is taken (not a knowledge search)."""
    from bot.tools.registry import get

    def progress(name: str) -> bool:
        tool = get(name)
        return tool is not None and tool.act in ("progress", "team_progress")

    runner_up = max((k for k in scores if k != best), key=scores.__getitem__, default=None)
    return runner_up is not None and progress(best) and progress(runner_up) \
        and scores[best] + scores[runner_up] >= MIN_CONFIDENCE
