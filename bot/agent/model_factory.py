"""Build the chat model for an OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen, vLLM, Ollama, llama.cpp)."""

from __future__ import annotations


def build_chat_model(base_url: str, api_key: str, model: str, timeout_s: float):
    """ChatOpenAI with no retries, so a down or slow endpoint falls back to offline within the timeout."""
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:  # pragma: no cover - the dependency is pinned
        raise RuntimeError("langchain-openai is missing; run `pip install -e .` in the project venv") from exc
    return ChatOpenAI(base_url=base_url, api_key=api_key or "not-needed", model=model, timeout=timeout_s,
                      max_retries=0, temperature=0.2)
