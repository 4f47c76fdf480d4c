""""what exactly counts as 'behind'?" after a team view asks what the policy means by the word: a knowledge question,
not the team view again; a question about how a figure was worked out is not a definition."""

from __future__ import annotations

import pytest

from bot.dialogue.resolve import asks_a_definition
from tests.unit.bot.routing_support import routed


@pytest.mark.parametrize("text", ["what exactly counts as 'behind'?", "什么才算落后？", "逾期是怎么定义的", "what does overdue mean here?"])
def test_a_definition_asked_with_confidence_goes_to_the_knowledge_base(text):
    assert asks_a_definition(routed("search_knowledge", 0.8), text)


@pytest.mark.parametrize(("intent", "confidence", "text"), [
    ("search_knowledge", 0.2, "what exactly counts as 'behind'?"),  # unsure: the thread decides
    ("team_progress", 0.9, "who counts as behind on my team?"),     # a request about people, not a definition
    ("search_knowledge", 0.9, "how is that calculated?"),
])
def test_other_questions_are_not_definitions(intent, confidence, text):
    assert not asks_a_definition(routed(intent, confidence), text)
