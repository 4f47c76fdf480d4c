"""English counts agree with their noun: "1 people" / "1 reminders are queued" read as mistakes."""

from datetime import datetime

from bot.present.analytics import render_nudge_plan
from bot.present.names import Names
from hr import plural
from hr.services.nudges import NudgeItem, NudgeOutcome, NudgePlan, held_text


def _item(employee_id: str, skip: str | None = None) -> NudgeItem:
    return NudgeItem(employee_id, "Li Lei", ["SEC-101"], "zh", "en", skip)


def test_counts_agree_with_their_noun() -> None:
    assert plural.count(1, "person") == "1 person" and plural.count(2, "person") == "2 people"
    assert plural.count(0, "reminder") == "0 reminders" and plural.count(1, "reminder") == "1 reminder"
    assert plural.be(1) == "is" and plural.be(3) == "are"


def test_hr_nudge_texts_for_one_person_are_singular() -> None:
    plan = NudgePlan(items=[_item("E0002")], held_until=datetime(2026, 8, 17, 8, 0))
    text = plan.to_text("en")
    assert "Would nudge 1 person:" in text and "1 people" not in text
    assert "1 reminder will be queued on confirmation" in text
    assert "1 reminder is queued" in held_text(1, datetime(2026, 8, 17, 8, 0), "en")
    assert "2 reminders are queued" in held_text(2, datetime(2026, 8, 17, 8, 0), "en")
    assert "Nudge delivered to 1 person." in NudgeOutcome(sent=["E0002"]).to_text("en")
    assert "1 nudge could not be delivered" in NudgeOutcome(queued=["E0002"]).to_text("en")


def test_bot_nudge_preview_for_one_person_is_singular() -> None:
    assert render_nudge_plan([_item("E0002")], "en", Names()).startswith("I would remind 1 person:")
    skipped = render_nudge_plan([_item("E0002", "already_nudged_today")], "en", Names())
    assert skipped.startswith("1 person is behind, but none can be reminded")
    assert render_nudge_plan([_item("E0002"), _item("E0003")], "en", Names()).startswith("I would remind 2 people:")
