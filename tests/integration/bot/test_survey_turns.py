"""Surveys through the real ChatService (offline mode, sample organisation): asked on request, the reply in the same
thread is read as the rating, stored once per person and course, and counted in HR's satisfaction figures."""

from __future__ import annotations

from bot.messages import IncomingMessage


def _say(chat, who: str, text: str, thread: str = "t-survey", channel: str = "wecom"):
    """One typed message in a DM thread."""
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel=channel, thread_id=thread, shared=False))


def _responses(hr, course: str) -> int:
    """How many ratings HR holds for the course this year."""
    rows = hr.course_satisfaction(hr.caller_for("E0168"), "2026", course)
    return rows[0].responses if rows else 0


def test_rating_asked_on_request_is_recorded_from_the_next_message(chat, hr_service):
    """c-zh-027: '我想给信息安全基础这门课打个分' -> prompt (1-5); '4分吧，讲得挺清楚' -> stored, counted by HR."""
    before = _responses(hr_service, "SEC-101")
    asked = _say(chat, "E0012", "我想给信息安全基础这门课打个分")
    assert asked.act == "survey_prompt" and asked.subject.get("course") == "SEC-101" and "1-5" in asked.text
    done = _say(chat, "E0012", "4分吧，讲得挺清楚")
    assert done.act == "survey_recorded" and "4 分" in done.text and "讲得挺清楚" in done.text
    assert _responses(hr_service, "SEC-101") == before + 1
    after = _say(chat, "E0012", "5")  # nothing is parked any more: a bare number is not a rating again
    assert after.act != "survey_recorded" and _responses(hr_service, "SEC-101") == before + 1


def test_english_thread_with_an_out_of_range_answer_first(chat, hr_service):
    """'10' is asked again for 1-5 in English; '3, the videos were a bit long' is stored with its comment."""
    asked = _say(chat, "E0012", "I'd like to rate the compliance course", thread="t-en")
    assert asked.act == "survey_prompt" and asked.subject.get("course") == "CMP-101"
    again = _say(chat, "E0012", "10 out of 5", thread="t-en")
    assert again.act == "survey_prompt" and "1 to 5" in again.text
    done = _say(chat, "E0012", "3, the videos were a bit long", thread="t-en")
    assert done.act == "survey_recorded" and "3 out of 5" in done.text and "已记录" not in done.text


def test_a_question_instead_of_a_rating_is_answered_normally(chat):
    """While a survey waits, a policy question is a policy question (the survey is not forced on the person)."""
    _say(chat, "E0012", "我想给信息安全基础这门课打个分", thread="t-q")
    reply = _say(chat, "E0012", "年假有几天？", thread="t-q")
    assert reply.act in ("answer", "abstain") and reply.act != "survey_recorded"


def test_a_rating_typed_in_a_dm_answers_the_question_sent_at_completion(chat, hr_service, notifier):
    """E0092 finished DATA-101 yesterday: run-due DMs the question once; '4 讲得清楚' in their DM is stored for it;
    the same words in a shared channel, or a second number later, are not taken as a rating."""
    hr_service.run_due_jobs()
    asked = [n for n in notifier.sent if n.kind == "survey" and n.recipient_id == "E0092"]
    assert len(asked) == 1 and "数据分析基础" in asked[0].text_zh
    before = _responses(hr_service, "DATA-101")
    shared = chat.handle(IncomingMessage(employee_id="E0092", text="4 讲得清楚", channel="slack", thread_id="C-general",
                                         shared=True))
    assert shared.act != "survey_recorded" and _responses(hr_service, "DATA-101") == before
    done = _say(chat, "E0092", "4 讲得清楚", thread="dm-E0092")
    assert done.act == "survey_recorded" and done.subject.get("course") == "DATA-101" and "讲得清楚" in done.text
    assert _responses(hr_service, "DATA-101") == before + 1
    assert _say(chat, "E0092", "5", thread="dm-E0092").act != "survey_recorded"
    hr_service.run_due_jobs()
    assert len([n for n in notifier.sent if n.kind == "survey" and n.recipient_id == "E0092"]) == 1  # asked once
