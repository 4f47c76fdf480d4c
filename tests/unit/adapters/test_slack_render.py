"""Block Kit rendering: mrkdwn, citations, buttons, feedback, and the 50-block / 3,000-character limits."""

from __future__ import annotations

import pytest

from adapters.slack.render import (
    MAX_BLOCKS,
    decode_value,
    encode_value,
    render_messages,
    to_mrkdwn,
)
from bot.messages import Action, BotReply, Citation


def cite(n: int) -> Citation:
    """A citation with a heading and a page."""
    return Citation(n=n, source=f"kb/doc{n}.pdf", title=f"Doc {n}", heading="请假", chunk_id=f"c{n}", text="…",
                    page=3)


def test_markdown_becomes_mrkdwn_and_html_is_escaped():
    """Markdown becomes mrkdwn and html is escaped."""
    assert to_mrkdwn("**年假** see [policy](https://x.example/p) <b>&") == \
        "*年假* see <https://x.example/p|policy> &lt;b&gt;&amp;"
    assert to_mrkdwn("## Heading") == "*Heading*"


def test_citations_show_the_passage_and_link_web_sources():
    """Citations show the passage and link web sources."""
    web = Citation(n=2, source="https://intranet.example/leave", title="Leave", heading="", chunk_id="w", text="x" * 300)
    (message,) = render_messages(BotReply(text="Answer [1][2]", citations=[cite(1), web]))
    context = [b for b in message["blocks"] if b["type"] == "context"][0]["elements"][0]["text"]
    assert "[1] Doc 1 › 请假 (p. 3)\n> _…_" in context
    assert "<https://intranet.example/leave|[2] Leave>\n> _" + "x" * 140 + "…_" in context


def test_quiz_buttons_carry_their_value_and_no_feedback_buttons_are_added():
    """Quiz buttons carry their value and no feedback buttons are added."""
    reply = BotReply(text="Q?", actions=[Action("A", "quiz_answer", {"q": 1, "choice": "A"}, "primary"),
                                         Action("B", "quiz_answer", {"q": 1, "choice": "B"})])
    (message,) = render_messages(reply, message_ref="Ev1")
    (actions,) = [b for b in message["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions["elements"]] == ["mentor_quiz_answer_0", "mentor_quiz_answer_1"]
    assert actions["elements"][0]["style"] == "primary" and "style" not in actions["elements"][1]
    assert decode_value(actions["elements"][1]["value"]) == {"kind": "quiz_answer", "q": 1, "choice": "B"}


def test_plain_answers_get_feedback_buttons_tied_to_the_message():
    """Plain answers get feedback buttons tied to the message."""
    (message,) = render_messages(BotReply(text="ok"), message_ref="Ev9")
    (actions,) = [b for b in message["blocks"] if b["type"] == "actions"]
    assert [decode_value(e["value"]) for e in actions["elements"]] == [
        {"kind": "feedback", "ref": "Ev9", "helpful": True}, {"kind": "feedback", "ref": "Ev9", "helpful": False}]
    (abstained,) = render_messages(BotReply(text="不知道", abstained=True), message_ref="Ev9")
    assert not [b for b in abstained["blocks"] if b["type"] == "actions"]


def test_huge_answers_split_into_messages_within_block_kit_limits():
    """Huge answers split into messages within block kit limits."""
    text = "\n".join(f"段落 paragraph {i} " + "x" * 2900 for i in range(120))
    reply = BotReply(text=text, citations=[cite(i) for i in range(1, 30)],
                     actions=[Action(f"opt {i}", "quiz_answer", {"i": i}) for i in range(30)])
    messages = render_messages(reply, message_ref="Ev")
    assert len(messages) >= 3
    for message in messages:
        assert 1 <= len(message["blocks"]) <= MAX_BLOCKS
        assert len(message["text"]) <= 3000
        for block in message["blocks"]:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= 3000
            if block["type"] == "actions":
                assert len(block["elements"]) <= 25
    sections = [b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "section"]
    assert sections[0].startswith("段落 paragraph 0") and sections[-1].startswith("段落 paragraph 119")


def test_foreign_or_oversized_button_values_are_refused():
    """Foreign or oversized button values are refused."""
    with pytest.raises(ValueError):
        decode_value('{"no": "kind"}')
    with pytest.raises(ValueError):
        encode_value(Action("big", "confirm", {"blob": "x" * 2100}))
