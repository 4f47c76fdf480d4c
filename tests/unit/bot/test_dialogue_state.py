"""What a thread remembers after a turn: the latest subject, a pending change for one turn, the KB question."""

from __future__ import annotations

from bot.chat_service import message_language, next_state
from bot.dialogue.state import DialogueState
from bot.tools.result import ToolResult


def test_state_survives_json_and_ignores_unknown_keys():
    state = DialogueState(subject={"course": "SEC-101"}, intent="enroll", pending={"op": "enroll"}, language="en")
    assert DialogueState.from_json(state.to_json()) == state
    assert DialogueState.from_json('{"intent": "x", "from_a_newer_version": 1}').intent == "x"
    assert DialogueState.from_json("not json") == DialogueState()


def test_a_pending_change_lives_one_turn_and_a_new_person_replaces_the_old_scope():
    preview = ToolResult("enroll", {"course": "AI-101"}, True, "…", pending={"op": "enroll", "course": "AI-101"},
                         act="enroll_preview", subject={"employee": "E0013", "course": "AI-101"})
    after = next_state(DialogueState(subject={"team": "E0002", "period": "2026Q3"}), [preview], "en")
    assert after.pending == {"op": "enroll", "course": "AI-101"}
    assert after.subject == {"employee": "E0013", "course": "AI-101", "period": "2026Q3"}
    answered = ToolResult("search_knowledge", {"question": "年假几天"}, True, "…", act="answer")
    later = next_state(after, [answered], "zh")
    assert later.pending is None and later.question == "年假几天" and later.subject["employee"] == "E0013"


def test_focus_is_what_a_follow_up_points_at():
    refusal = ToolResult("enroll", {"course": "SAL-201"}, False, "…", act="enroll_refused",
                         subject={"course": "SAL-201", "employee": "E0056"}, focus={"course": "SAL-101"})
    assert next_state(DialogueState(), [refusal], "en").subject["course"] == "SAL-101"


def test_a_message_without_language_keeps_the_threads():
    zh = DialogueState(language="zh")
    assert message_language("B", zh) == "zh" and message_language("E0013", zh) == "zh"
    assert message_language("ok", zh) == "zh" and message_language("what about E0013?", zh) == "en"
    assert message_language("我选B", DialogueState(language="en")) == "zh"
