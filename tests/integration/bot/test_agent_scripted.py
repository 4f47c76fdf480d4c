"""The agent loop with a scripted in-process chat model (a recording fake of the model port)."""

from __future__ import annotations

from itertools import cycle

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from bot.assembly import assemble_chat_service
from bot.messages import IncomingMessage

LEARNER = "E0056"


class ScriptedModel(GenericFakeChatModel):
    """Plays scripted AI messages; tools are accepted and ignored (the script already knows which to call)."""

    def bind_tools(self, tools, **kwargs):
        """Tool binding is a no-op for a script."""
        return self


def call(name: str, args: dict, call_id: str) -> AIMessage:
    """A scripted tool call."""
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id}])


def test_multi_step_loop_recommend_then_preview_enroll(hr_service, kb_index, engine):
    script = iter([call("recommend_courses", {}, "c1"), call("enroll", {"course": "AI-101"}, "c2"),
                   AIMessage(content="I suggest AI-101; press Confirm to enroll.")])
    chat = assemble_chat_service(hr_service, kb_index, engine, ScriptedModel(messages=script))
    reply = chat.handle(IncomingMessage(employee_id=LEARNER, text="What should I learn? Sign me up for the best one."))
    assert reply.mode == "llm"
    assert [t.name for t in reply.tools] == ["recommend_courses", "enroll"]
    assert reply.private, "recommendations are personal"
    assert any(a.kind == "confirm" for a in reply.actions)
    confirmed = chat.handle(IncomingMessage(employee_id=LEARNER, text="confirm"))
    assert confirmed.mode == "offline", "a confirmation never goes through the model"
    assert confirmed.tools[0].name == "enroll" and confirmed.tools[0].ok


def test_endless_tool_loop_falls_back_offline(hr_service, kb_index, engine):
    endless = cycle([call("search_knowledge", {"question": "年假"}, "loop")])
    chat = assemble_chat_service(hr_service, kb_index, engine, ScriptedModel(messages=endless))
    reply = chat.handle(IncomingMessage(employee_id=LEARNER, text="年假有几天？"))
    assert reply.mode == "offline" and reply.notice
    assert [t.name for t in reply.tools] == ["search_knowledge"]


def test_empty_model_answer_falls_back_offline(hr_service, kb_index, engine):
    chat = assemble_chat_service(hr_service, kb_index, engine, ScriptedModel(messages=iter([AIMessage(content="")])))
    reply = chat.handle(IncomingMessage(employee_id=LEARNER, text="我的学习进度"))
    assert reply.mode == "offline" and reply.notice and reply.tools[0].name == "my_progress"


def test_policy_answer_without_any_tool_falls_back_offline(hr_service, kb_index, engine):
    script = iter([AIMessage(content="You get 30 days of annual leave.")])
    chat = assemble_chat_service(hr_service, kb_index, engine, ScriptedModel(messages=script))
    reply = chat.handle(IncomingMessage(employee_id=LEARNER, text="年假有几天？", thread_id="ungrounded"))
    assert reply.mode == "offline" and reply.notice
    assert reply.tools[0].name == "search_knowledge" and "30 days" not in reply.text


def test_greetings_are_answered_by_the_front_without_the_model(hr_service, kb_index, engine):
    script = iter([AIMessage(content="你好！我是 Mentor。")])
    chat = assemble_chat_service(hr_service, kb_index, engine, ScriptedModel(messages=script))
    reply = chat.handle(IncomingMessage(employee_id=LEARNER, text="你好", thread_id="hello"))
    assert reply.act == "help" and reply.notice is None and "Mentor" in reply.text
    assert next(script).content.startswith("你好")  # the model was never asked


def test_looping_reply_falls_back_offline(hr_service, kb_index, engine):
    script = iter([AIMessage(content="年假有几天？ mendatang\n" * 20)])
    chat = assemble_chat_service(hr_service, kb_index, engine, ScriptedModel(messages=script))
    reply = chat.handle(IncomingMessage(employee_id=LEARNER, text="how is your day going?", thread_id="loop"))
    assert reply.mode == "offline" and reply.notice
