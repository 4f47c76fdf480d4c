"""Asking where to rate a finished course opens the course survey (round-7 miss, paraphrased)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.routing.router import IntentRouter
from tests.unit.bot.test_routing import CATALOG


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["Finished the onboarding course today, where can I give it a rating?",
                                  "合规课刚学完，在哪里给它打分？"])
def test_where_to_rate_a_finished_course_opens_the_survey(router, text):
    assert router.route(text, date(2026, 8, 17)).intent == "rate_course"
