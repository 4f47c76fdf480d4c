"""Build the chat model for an OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen, vLLM, Ollama, llama.cpp)."""

from __future__ import annotations


def build_chat_model(base_url: str, api_key: str, model: str, timeout_s: float, max_tokens: int | None = 1024):
    """ChatOpenAI with no retries (a down or slow endpoint falls back to offline) and a cap on reply length."""
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:  # pragma: no cover - the dependency is pinned
        raise RuntimeError("langchain-openai is missing; run `pip install -e .` in the project venv") from exc
    # The cap travels as plain `max_tokens`: ChatOpenAI's own field is sent as `max_completion_tokens`, which
    # llama-cpp-python's server (and other older OpenAI-compatible servers) silently ignore.
    extra_body = {"max_tokens": max_tokens} if max_tokens else None
    return ChatOpenAI(base_url=base_url, api_key=api_key or "not-needed", model=model, timeout=timeout_s,
                      max_retries=0, temperature=0.2, extra_body=extra_body)
