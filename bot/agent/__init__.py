"""LLM mode: a LangChain agent over any OpenAI-compatible endpoint, calling the same caller-bound tools."""
