"""Surveys in chat over the real HR service and sample organisation: ask, read the reply, record, feed satisfaction."""

from __future__ import annotations

from bot.surveys import reply
from bot.surveys import tool as survey
from bot.tools.context import TurnContext
from hr.caller import Caller
from retrieval.types import Audience


def _ctx(chat, employee_id: str, language: str) -> TurnContext:
    """The turn context of a real person from the sample organisation."""
    hr = chat.deps.hr
    employee = hr.employee_by_id(employee_id)
    return TurnContext(caller=Caller.of(employee), audience=Audience.of(*hr.audience_tags(employee)),
                       language=language, channel="wecom", thread_id="dm", today=hr.today(), previous_question=None)


def _satisfaction(hr, course: str):
    """HR's own satisfaction figures for the course this year (what HR sees in reports and course health)."""
    rows = hr.course_satisfaction(hr.caller_for("E0168"), "2026", course)
    return rows[0] if rows else None


def test_asked_on_request_then_the_reply_is_recorded_and_counts_in_satisfaction(chat):
    """E0092 finished DATA-101 yesterday: a prompt with a pending survey, '10分' asks again, '那就5分' is stored."""
    deps, ctx = chat.deps, _ctx(chat, "E0092", "zh")
    before = _satisfaction(deps.hr, "DATA-101")
    asked = survey.rate_course(deps, ctx, survey.RateArgs(course="DATA-101"))
    assert asked.act == "survey_prompt" and asked.pending == {"op": "rate_course", "course": "DATA-101"}
    assert "1-5" in asked.text and "数据分析基础" in asked.text and asked.subject == {"course": "DATA-101"}
    again = reply.answer_pending(deps, ctx, asked.pending, "10分")
    assert again.act == "survey_prompt" and again.pending == asked.pending and "1 到 5" in again.text
    assert reply.answer_pending(deps, ctx, asked.pending, "数据分析基础考几分及格？") is None  # a question, not a reply
    done = reply.answer_pending(deps, ctx, asked.pending, "那就5分，例子很实用")
    assert done.act == "survey_recorded" and "5 分" in done.text and "例子很实用" in done.text
    after = _satisfaction(deps.hr, "DATA-101")
    assert after.responses == (before.responses if before else 0) + 1


def test_english_reply_in_english_and_a_rating_given_up_front_is_stored_at_once(chat):
    """'rate CMP-101 3, videos too long' needs no second turn; the reply has no Chinese label."""
    deps, ctx = chat.deps, _ctx(chat, "E0012", "en")
    done = survey.rate_course(deps, ctx, survey.RateArgs(course="CMP-101", rating=3, comment="videos too long"))
    assert done.act == "survey_recorded" and "3 out of 5" in done.text and "videos too long" in done.text
    assert "评分" not in done.text and "已记录" not in done.text


def test_a_course_the_person_never_took_is_refused_before_asking(chat):
    """No prompt for a course without an enrollment (HR would refuse the rating)."""
    result = survey.rate_course(chat.deps, _ctx(chat, "E0012", "en"), survey.RateArgs(course="SAL-201"))
    assert result.act == "refused" and not result.ok and result.pending is None


def test_no_course_named_asks_which_listing_the_completed_ones(chat):
    """Several completed courses and no open survey: which one?"""
    result = survey.rate_course(chat.deps, _ctx(chat, "E0056", "zh"), survey.RateArgs())
    assert result.act == "clarify" and "SAL-101" in result.text and "SEC-101" in result.text


def test_a_plain_rating_in_a_dm_answers_the_survey_sent_at_completion(chat, notifier):
    """The run-due job sends the DM; the person's '4' in their DM thread is stored for that course, once."""
    deps, ctx = chat.deps, _ctx(chat, "E0092", "zh")
    assert reply.answer_open_invite(deps, ctx, "4") is None  # nothing asked yet
    deps.hr.run_due_jobs()
    sent = [n for n in notifier.sent if n.kind == "survey" and n.recipient_id == "E0092"]
    assert len(sent) == 1 and "DATA-101" in sent[0].text_zh
    assert reply.answer_open_invite(deps, ctx, "我的学习进度") is None  # not a rating: the normal conversation
    done = reply.answer_open_invite(deps, ctx, "4 讲得清楚")
    assert done.act == "survey_recorded" and done.subject == {"course": "DATA-101"}
    assert reply.answer_open_invite(deps, ctx, "5") is None  # answered: the question is closed
    deps.hr.run_due_jobs()
    assert len([n for n in notifier.sent if n.kind == "survey" and n.recipient_id == "E0092"]) == 1


def test_skip_declines_without_storing(chat, notifier):
    """'跳过' is an answer too: nothing stored."""
    deps, ctx = chat.deps, _ctx(chat, "E0092", "zh")
    deps.hr.run_due_jobs()
    before = _satisfaction(deps.hr, "DATA-101")
    result = reply.answer_open_invite(deps, ctx, "跳过")
    assert result.act == "cancelled" and "不评价" in result.text
    assert _satisfaction(deps.hr, "DATA-101") == before
