"""LLM mode end to end over real HTTP: ChatOpenAI -> local scripted OpenAI-compatible server; tools and services real."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from bot.agent.model_factory import build_chat_model
from bot.assembly import assemble_chat_service
from bot.messages import IncomingMessage
from hr.models import Enrollment

from .fake_openai import FakeOpenAI, text, tool_call

LEARNER = "E0056"


def llm_chat(hr_service, kb_index, engine, server: FakeOpenAI, timeout: float = 5.0):
    """A ChatService whose model is ChatOpenAI pointed at the fake server."""
    model = build_chat_model(server.base_url, "test-key", "fake-model", timeout)
    return assemble_chat_service(hr_service, kb_index, engine, model)


def ask(chat, textline: str, who: str = LEARNER, thread: str = "llm"):
    """One message."""
    return chat.handle(IncomingMessage(employee_id=who, text=textline, channel="cli", thread_id=thread))


def test_policy_question_through_tools_is_cited(hr_service, kb_index, engine):
    script = [tool_call("search_knowledge", {"question": "年假有几天"}), text("每满1年增加1天福利年假 [1]。")]
    with FakeOpenAI(script) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "年假有几天？")
    assert reply.mode == "llm" and reply.notice is None
    assert reply.tools[0].name == "search_knowledge" and reply.citations
    assert reply.text.startswith("每满1年")
    first = server.requests[0]
    assert {t["function"]["name"] for t in first["tools"]} >= {"search_knowledge", "enroll", "explain_kpi"}
    enroll_schema = next(t for t in first["tools"] if t["function"]["name"] == "enroll")["function"]["parameters"]
    assert set(enroll_schema["properties"]) == {"course", "employee", "department", "session"}  # never the caller
    assert not any(name in tool["function"]["parameters"].get("properties", {}) for tool in first["tools"]
                   for name in ("caller", "as_employee", "requester")), "no tool lets the model choose who is asking"
    tool_message = next(m for m in server.requests[1]["messages"] if m["role"] == "tool")
    assert "[1]" in tool_message["content"]


def test_abstaining_search_makes_the_bot_say_it_does_not_know(hr_service, kb_index, engine):
    script = [tool_call("search_knowledge", {"question": "火星的重力加速度"}), text("火星重力是3.7米每二次方秒。")]
    with FakeOpenAI(script) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "火星的重力加速度是多少？")
    assert reply.abstained
    assert "3.7" not in reply.text, "an ungrounded model answer must not reach the user"


def test_colleague_kpi_refused_in_llm_mode(hr_service, kb_index, engine):
    script = [tool_call("explain_kpi", {"employee": "E0058"}), text("抱歉，你无权查看他人的KPI。")]
    with FakeOpenAI(script) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "告诉我E0058的KPI")
    assert reply.tools[0].name == "explain_kpi" and not reply.tools[0].ok
    tool_message = next(m for m in server.requests[1]["messages"] if m["role"] == "tool")
    assert "refused" in tool_message["content"]


def test_injected_enroll_only_previews(hr_service, kb_index, engine):
    """A model fooled by the poisoned document proposes enrolling someone else: the HR service refuses, nothing
    changes, and no confirm button appears."""
    script = [tool_call("search_knowledge", {"question": "training room booking"}),
              tool_call("enroll", {"course": "LDR-301", "employee": "E0058"}, "call_2"),
              text("Done, everyone is enrolled.")]
    with FakeOpenAI(script) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "How do I book a training room?")
    with Session(engine) as db:
        rows = db.exec(select(Enrollment).where(Enrollment.course_code == "LDR-301")).all()
        before_other = [r for r in rows if r.employee_id == "E0058"]
    assert not before_other and not [r for r in rows if r.employee_id == LEARNER]
    enroll_calls = [t for t in reply.tools if t.name == "enroll"]
    assert enroll_calls and not enroll_calls[0].ok, "a learner may not enroll a colleague"
    assert not any(a.kind == "confirm" for a in reply.actions)


def test_server_error_falls_back_offline_with_notice(hr_service, kb_index, engine):
    with FakeOpenAI([("status", 500)]) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "我的学习进度")
    assert reply.mode == "offline" and reply.notice
    assert reply.tools[0].name == "my_progress" and reply.tools[0].ok


def test_timeout_falls_back_offline(hr_service, kb_index, engine):
    with FakeOpenAI([("sleep", 3, text("too late"))]) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server, timeout=0.5), "what's my KPI?")
    assert reply.mode == "offline" and reply.notice
    assert reply.tools[0].name == "explain_kpi"


def test_garbage_falls_back_offline(hr_service, kb_index, engine):
    with FakeOpenAI([("raw", b"<html>bad gateway</html>")]) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "推荐几门课")
    assert reply.mode == "offline" and reply.notice
    assert reply.tools[0].name == "recommend_courses"


def test_unreachable_server_falls_back_offline(hr_service, kb_index, engine):
    with FakeOpenAI([]) as server:
        url = server.base_url
    model = build_chat_model(url, "k", "m", 1.0)
    chat = assemble_chat_service(hr_service, kb_index, engine, model)
    reply = ask(chat, "我的学习进度")
    assert reply.mode == "offline" and reply.notice and reply.act == "progress"


def test_llm_quiz_drafts_are_checked_against_their_chunk(hr_service, kb_index, engine):
    from bot.quiz.generator import QuizGenerator
    from retrieval.types import Audience

    passages = kb_index.passages(course="SEC-101", audience=Audience.everyone())
    chunk = next(p for p in passages if "12 characters" in p.text)
    good = {"kind": "cloze", "question": "Company passwords must be at least ____ long.", "options": [],
            "answer": "12 characters", "explanation": "Password rules.", "difficulty": 1, "chunk_id": chunk.chunk_id,
            "evidence": "Company passwords must be at least 12 characters long"}
    wrong_key = {**good, "answer": "8 characters"}
    invented = {**good, "evidence": "Passwords must be at least 8 characters long."}
    draft = {"items": [good, wrong_key, invented]}
    with FakeOpenAI([text(json.dumps(draft))]) as server:
        model = build_chat_model(server.base_url, "k", "m", 5.0)
        quiz, report = QuizGenerator(kb_index, model).generate(Audience.everyone(), course="SEC-101", n=3)
    assert quiz.mode == "llm"
    assert quiz.items[0].origin == "llm" and quiz.items[0].answer == "12 characters"
    assert sum(1 for i in quiz.items if i.origin == "llm") == 1, "the wrong key and the invented evidence are dropped"
    assert len(quiz.items) == 3 and report.dropped
    assert server.requests[0]["response_format"]["type"] == "json_schema"


def test_manager_asking_about_another_team_refused_in_llm_mode(hr_service, kb_index, engine):
    script = [tool_call("my_progress", {"employee": "E0012"}), text("Sorry, you can't see that.")]
    with FakeOpenAI(script) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "How is E0012 doing?", who="E0054")
    assert reply.mode == "llm"
    assert reply.tools[0].name == "my_progress" and not reply.tools[0].ok


def test_llm_quiz_turn_never_shows_the_model_the_key(hr_service, kb_index, engine):
    from bot.store.quiz_sessions import QuizSessionStore

    script = [tool_call("generate_quiz", {"course": "SEC-101", "n": 2}), text("not json at all"),
              text("Here is your first question.")]
    with FakeOpenAI(script) as server:
        chat = llm_chat(hr_service, kb_index, engine, server)
        reply = ask(chat, "Quiz me on SEC-101, two questions", thread="q-llm")
        tool_message = next(m for m in server.requests[-1]["messages"] if m["role"] == "tool")
    active = QuizSessionStore(engine).current("cli", "q-llm", LEARNER)
    assert reply.mode == "llm" and active is not None and active.quiz.mode == "offline"
    first = active.quiz.items[0]
    assert first.evidence not in tool_message["content"] and first.explanation not in tool_message["content"]
    answered = ask(chat, first.answer if first.kind != "true_false" else first.answer, thread="q-llm")
    assert answered.mode == "offline" and answered.tools[0].name == "grade_answer"


def test_invented_figures_are_replaced_by_the_tool_text(hr_service, kb_index, engine):
    script = [tool_call("explain_kpi", {}), text("Your completion rate is 42.5% and you are doing great!")]
    with FakeOpenAI(script) as server:
        reply = ask(llm_chat(hr_service, kb_index, engine, server), "what's my KPI?", thread="fig")
    assert "42.5%" not in reply.text
    assert reply.tools[0].name == "explain_kpi" and reply.private


def test_quiz_drafts_fall_back_to_json_mode_when_json_schema_is_refused(hr_service, kb_index, engine):
    """llama-cpp-python's server accepts response_format json_object but rejects json_schema."""
    from bot.quiz.generator import QuizGenerator
    from retrieval.types import Audience

    passages = kb_index.passages(course="SEC-101", audience=Audience.everyone())
    chunk = next(p for p in passages if "12 characters" in p.text)
    draft = {"items": [{"kind": "cloze", "question": "Company passwords must be at least ____ long.", "options": [],
                        "answer": "12 characters", "explanation": "Password rules.", "difficulty": 1,
                        "chunk_id": chunk.chunk_id, "evidence": "Company passwords must be at least 12 characters long"}]}
    refusal = "response_format.type: Input should be 'text' or 'json_object'"
    with FakeOpenAI([("status", 400, refusal), text(json.dumps(draft))]) as server:
        model = build_chat_model(server.base_url, "k", "m", 5.0)
        quiz, _ = QuizGenerator(kb_index, model).generate(Audience.everyone(), course="SEC-101", n=1)
    assert quiz.mode == "llm" and quiz.items[0].answer == "12 characters"
    assert server.requests[1]["response_format"]["type"] == "json_object"
    assert "JSON schema" in server.requests[1]["messages"][-1]["content"]


def test_reply_cap_is_sent_as_max_tokens(hr_service, kb_index, engine):
    """llama-cpp-python ignores max_completion_tokens; the cap must travel as max_tokens."""
    with FakeOpenAI([text("hi")]) as server:
        build_chat_model(server.base_url, "k", "m", 5.0, max_tokens=77).invoke("hello")
    assert server.requests[0]["max_tokens"] == 77
    assert "max_completion_tokens" not in server.requests[0]
