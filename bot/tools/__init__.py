"""The mentor's tools, bound to one caller per turn; the offline engine and the LLM agent call the same ones."""
