"""Routed LLM mode against a local fake OpenAI-compatible server: the routed tool is forced, arguments are checked,
the reply is worded from the tool output sent as plain text, and anything unusable falls back to the tool's own text."""

from __future__ import annotations

import json

import pytest

from bot.agent.model_factory import build_chat_model
from bot.agent.routed_agent import RoutedAgent, grounded_arguments, wording_problem
from bot.chat_service import AgentUnavailable
from bot.dialogue.state import DialogueState
from bot.tools.context import TurnContext
from bot.tools.toolkit import Toolkit
from hr.caller import Caller
from retrieval.types import Audience
from tests.integration.bot.fake_openai import FakeOpenAI, text, tool_call


def _toolkit(chat, employee_id: str, language: str) -> Toolkit:
    """The real tools bound to a real caller from the sample organisation."""
    hr = chat.deps.hr
    employee = hr.employee_by_id(employee_id)
    ctx = TurnContext(caller=Caller.of(employee), audience=Audience.of(*hr.audience_tags(employee)),
                      language=language, channel="web", thread_id="t1", today=hr.today(), previous_question=None)
    return Toolkit(chat.deps, ctx)


def _turn(chat, fake: FakeOpenAI, employee_id: str, message: str, language: str):
    """Route the message with the real offline router, then run one routed LLM turn against the fake server."""
    toolkit = _toolkit(chat, employee_id, language)
    understood = chat.offline.understand(toolkit, message, DialogueState())
    agent = RoutedAgent(build_chat_model(fake.base_url, "k", "fake-model", 10.0))
    return agent.run(toolkit, message, [], understood), toolkit


def test_search_is_forced_and_the_tool_output_reaches_the_model_as_plain_text(chat):
    """The first request names the routed tool in tool_choice; the second carries the passages in a user message."""
    with FakeOpenAI([tool_call("search_knowledge", {"question": "年假有几天"}),
                     text("员工累计工作已满1年不满10年的，年休假5天 [1]。")]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0056", "年假有几天？", "zh")
    first, second = fake.requests
    assert first["tool_choice"] == {"type": "function", "function": {"name": "search_knowledge"}}
    assert [t["function"]["name"] for t in first["tools"]] == ["search_knowledge"]
    assert "tools" not in second and "tool_choice" not in second
    assert all(m["role"] in ("system", "user") for m in second["messages"])  # no tool role, no null content
    assert "年休假5天" in second["messages"][-1]["content"]
    assert second["max_tokens"] == 300
    assert outcome.text.startswith("员工累计工作已满1年") and outcome.intent == "search_knowledge"
    assert [c.name for c in toolkit.calls] == ["search_knowledge"] and toolkit.calls[0].citations


def test_a_reply_with_a_number_the_tools_never_gave_is_replaced_by_the_tools_text(chat):
    """The model says 7 days; no passage says 7: the cited extract is shown instead."""
    with FakeOpenAI([tool_call("search_knowledge", {"question": "年假有几天"}), text("年假一共7天。[1]")]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0056", "年假有几天？", "zh")
    assert outcome.text == toolkit.calls[0].text and "7天" not in outcome.text


def test_a_reply_in_the_wrong_language_is_replaced(chat):
    """A Chinese question answered in English shows the tool's Chinese text."""
    with FakeOpenAI([tool_call("search_knowledge", {"question": "年假"}),
                     text("Employees get 5 days of annual leave [1].")]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0056", "年假有几天？", "zh")
    assert outcome.text == toolkit.calls[0].text


def test_an_invented_subject_is_dropped_and_the_routers_course_wins(chat):
    """The model fills employee with a placeholder and a wrong course: the enrollment previews the caller in AI-101."""
    with FakeOpenAI([tool_call("enroll", {"course": "SEC-101", "employee": "你的名字"})]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0056", "帮我报名提示词工程入门", "zh")
    assert len(fake.requests) == 1  # a preview with buttons is shown as the tool wrote it: no wording call
    call = toolkit.calls[0]
    assert call.name == "enroll" and call.args.get("course") == "AI-101" and "employee" not in call.args
    assert outcome.text == call.text


def test_a_model_that_ignores_the_forced_tool_gets_the_routers_arguments(chat):
    """No tool call at all: the router's arguments are used, the turn still runs the right tool."""
    with FakeOpenAI([text("好的"), text("你的学习进度如下。")]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0056", "帮我报名提示词工程入门", "zh")
    assert toolkit.calls[0].name == "enroll" and toolkit.calls[0].args.get("course") == "AI-101"


def test_a_server_error_on_the_tool_call_falls_back_offline(chat):
    """An HTTP 500 (what llama.cpp answers to tool_choice "required") makes the turn answer offline."""
    with FakeOpenAI([("status", 500, "boom")]) as fake, pytest.raises(AgentUnavailable):
        _turn(chat, fake, "E0056", "年假有几天？", "zh")


def test_grounding_rules_in_isolation():
    """Identifiers: router wins, unsaid ones are dropped; numbers and language are checked."""
    fields = {"course": None, "employee": None, "question": None}
    assert grounded_arguments({"employee": "E0013", "course": "x"}, {"course": "AI-101"}, fields,
                              "enroll e0013 in ai-101") == {"employee": "E0013", "course": "AI-101"}
    assert grounded_arguments({"employee": "your name"}, {}, fields, "enroll me") == {}
    assert wording_problem("年休假5天 [1]", "zh", "年休假5天") is None
    assert wording_problem("年休假 50 天", "zh", "年休假5天") == "a number no tool gave"
    assert wording_problem("5 days [1]", "zh", "5天") == "wrong language"
    assert wording_problem("", "en", "x") is not None
    assert wording_problem("可以补考几次", "zh", "补考以一次为限。没过的话可以补考几次", "没过的话可以补考几次") == \
        "does not use the tool output"  # measured with Qwen2.5-Coder-1.5B: an echo of the question
    assert grounded_arguments({"question": "How long do I have to apply?"}, {"question": "补考要多久之内申请？"},
                              fields, "") == {"question": "补考要多久之内申请？"}
    survey_fields = {"course": None, "rating": None, "comment": None}
    assert grounded_arguments({"course": "SEC-101", "rating": 4, "comment": "Quite comprehensive."},
                              {"course": "SEC-101"}, survey_fields, "我想给信息安全基础这门课打个分") == {"course": "SEC-101"}
    assert grounded_arguments({"rating": 3, "comment": "too long"}, {}, survey_fields,
                              "rate cmp-101 3, too long") == {"rating": 3, "comment": "too long"}
    assert json.dumps(fields)  # fields stay untouched


def test_routed_mode_through_the_chat_service(hr_service, kb_index, engine):
    """MENTOR_LLM_TOOL_MODE=routed end to end: the router's tool is forced, the model's wording is the reply."""
    from bot.assembly import assemble_chat_service
    from bot.messages import IncomingMessage

    with FakeOpenAI([tool_call("search_knowledge", {"question": "年假"}),
                     text("员工累计工作已满1年不满10年的，年休假5天 [1]。")]) as fake:
        chat = assemble_chat_service(hr_service, kb_index, engine,
                                     build_chat_model(fake.base_url, "k", "fake-model", 10.0), tool_mode="routed")
        reply = chat.handle(IncomingMessage(employee_id="E0056", text="年假有几天？", channel="web", thread_id="r1"))
    assert reply.mode == "llm" and reply.notice is None and reply.text.startswith("员工累计工作已满1年")
    assert [t.name for t in reply.tools] == ["search_knowledge"] and reply.citations
    assert fake.requests[0]["tool_choice"]["function"]["name"] == "search_knowledge"


def test_an_unknown_tool_mode_is_refused_with_the_setting_to_fix(hr_service, kb_index, engine):
    """A typo in MENTOR_LLM_TOOL_MODE fails at start with what to write instead."""
    from bot.assembly import assemble_chat_service

    with pytest.raises(ValueError, match="MENTOR_LLM_TOOL_MODE"):
        assemble_chat_service(hr_service, kb_index, engine, build_chat_model("http://127.0.0.1:9/v1", "k", "m", 1.0),
                              tool_mode="forced")


def test_an_invented_rating_is_not_recorded_the_person_is_asked(chat):
    """Measured with Qwen2.5-Coder-1.5B: asked only to rate, it filled rating 4 and an English comment. Dropped."""
    with FakeOpenAI([tool_call("rate_course", {"course": "SEC-101", "rating": 4,
                                               "comment": "This course is quite comprehensive."})]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0012", "我想给信息安全基础这门课打个分", "zh")
    assert toolkit.calls[0].act == "survey_prompt" and toolkit.calls[0].args == {"course": "SEC-101"}
    assert "1-5" in outcome.text


def test_hr_figures_are_shown_as_the_tool_wrote_them(chat):
    """Measured: worded HR lists lost their content, so only knowledge answers are worded (one model call here)."""
    with FakeOpenAI([tool_call("my_progress", {})]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0056", "我的学习进度", "zh")
    assert len(fake.requests) == 1 and outcome.text == toolkit.calls[0].text


def test_a_greeting_gets_the_help_text_without_a_model_call(chat):
    """No tool to force: the help text, no notice of an unavailable model."""
    with FakeOpenAI([]) as fake:
        outcome, toolkit = _turn(chat, fake, "E0056", "你好，你能做什么？", "zh")
    assert fake.requests == [] and "Mentor" in outcome.text and toolkit.calls == []
