"""The deterministic front: confirmations, quiz answers and exits, greetings; everything else goes to the router."""

from __future__ import annotations

import pytest

from bot.dialogue import phrases
from bot.dialogue.front import decide
from bot.dialogue.state import DialogueState
from bot.quiz.model import QuizItem

PENDING = DialogueState(pending={"op": "enroll", "course": "AI-101", "employees": ["E0056"]})


def item(kind: str) -> QuizItem:
    """A question of one kind (only its kind and options matter to the front)."""
    options = ["30 天", "15 天", "7 天", "60 天"] if kind == "mcq" else []
    return QuizItem(kind=kind, question="q", answer="A" if kind == "mcq" else "true", explanation="", difficulty=1,
                    chunk_id="c", source="s", title="t", heading="h", evidence="e", options=options)


@pytest.mark.parametrize(("text", "kind"), [
    ("确认", "confirm"), ("yes, go ahead", "confirm"), ("好的，发吧", "confirm"), ("可以，报名吧", "confirm"),
    ("取消", "cancel"), ("actually no, don't", "cancel"), ("等等，先不退了", "cancel"), ("还是算了", "cancel"),
    ("yes but what about the other course?", "route"), ("好，那再看看我的进度", "route"), ("我的学习进度", "route"),
])
def test_a_pending_change_is_confirmed_or_cancelled_only_by_a_plain_yes_or_no(text, kind):
    assert decide(text, None, PENDING, None).kind == kind


def test_yes_without_anything_pending_is_not_a_confirmation():
    assert decide("yes", None, DialogueState(), None).kind == "route"


@pytest.mark.parametrize(("text", "kind"), [
    ("算了，不做了", "quiz_exit"), ("先不做了，回头再说", "quiz_exit"), ("退出测验", "quiz_exit"), ("stop the quiz", "quiz_exit"),
    ("cancel", "quiz_exit"), ("I'm done, let's stop here", "quiz_exit"), ("不知道", "quiz_give_up"),
    ("I don't know", "quiz_give_up"), ("B", "quiz_answer"), ("我选C", "quiz_answer"), ("15 天", "quiz_answer"),
    ("What are the four SPIN question types?", "quiz_question"), ("停车位怎么申请", "quiz_question"),
    ("is it B?", "quiz_answer"), ("选C对吗", "quiz_answer"), ("等下，BANT里的A指的是啥？", "quiz_question"),
    ("算了不做了", "quiz_exit"), ("好了不练了", "quiz_exit"), ("还是不知道", "quiz_give_up"), ("真的不会", "quiz_give_up"), ("直接告诉我答案吧", "quiz_give_up"),
    ("I still don't know", "quiz_give_up"), ("no clue", "quiz_give_up"), ("just tell me the answer", "quiz_give_up"),
    ("我不知道年假有几天，能告诉我吗？", "quiz_question"),
])
def test_with_a_quiz_open_answers_and_exits_in_both_languages(text, kind):
    assert decide(text, None, DialogueState(), item("mcq")).kind == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("先这样吧 我要去开会了", "quiz_exit"), ("我要去开会了，先这样吧", "quiz_exit"), ("先到这吧，回头再做", "quiz_exit"),
    ("算了，我有事", "quiz_exit"), ("ok stop, gotta go", "quiz_exit"),
    ("先这样吧 这题选B", "quiz_answer"), ("我觉得是C 先这样", "quiz_answer"),
])
def test_a_quiz_is_left_when_the_learner_stops_and_says_why(text, kind):
    assert decide(text, None, DialogueState(), item("mcq")).kind == kind


def test_true_false_and_cloze_answers():
    assert decide("对", None, DialogueState(), item("true_false")).value == {"answer": "true"}
    assert decide("false", None, DialogueState(), item("true_false")).kind == "quiz_answer"
    assert decide("12 characters", None, DialogueState(), item("cloze")).kind == "quiz_maybe_answer"
    assert decide("how many characters do passwords need?", None, DialogueState(), item("cloze")).kind == "quiz_question"


def test_buttons_and_greetings():
    assert decide("", {"kind": "confirm", "value": PENDING.pending}, PENDING, None).value == PENDING.pending
    forged = {"op": "enroll", "course": "AI-101", "employees": ["E0001", "E0002"]}
    assert decide("", {"kind": "confirm", "value": forged}, PENDING, None).kind == "stale_confirm"
    assert decide("", {"kind": "confirm", "value": PENDING.pending}, DialogueState(), None).kind == "stale_confirm"
    assert decide("", {"kind": "quiz_answer", "value": {"answer": "B"}}, DialogueState(), item("mcq")).value == \
        {"answer": "B"}
    assert decide("你好", None, DialogueState(), None).kind == "help"
    assert decide("hello, what's my KPI?", None, DialogueState(), None).kind == "route"


@pytest.mark.parametrize("text", ["继续", "好，继续吧", "接着做", "回到测验", "continue", "continue the quiz",
                                  "ok let's continue", "keep going", "back to the quiz", "resume"])
def test_continue_mid_quiz_resumes_the_open_question(text):
    assert phrases.is_quiz_resume(text)


@pytest.mark.parametrize("text", ["继续教育有学时要求吗", "can I continue my course later?", "B", "stop the quiz"])
def test_questions_and_answers_are_not_a_resume(text):
    assert not phrases.is_quiz_resume(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("stop the quiz please", "quiz_exit"), ("退出测验", "quiz_exit"), ("end the practice", "quiz_exit"),
    ("quiz me on compliance", "route"), ("stop reminding me", "route"), ("算了", "route"),
])
def test_leaving_a_named_quiz_with_none_open_is_told_so_not_routed(text, kind):
    """With no quiz open, "stop the quiz" had started a quiz on those words; a bare "算了" is left to routing."""
    assert decide(text, None, DialogueState(), None).kind == kind
