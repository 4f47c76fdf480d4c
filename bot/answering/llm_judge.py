"""With an LLM endpoint: let the model judge answerability and word the answer from the quoted sentences, then check it.

The model sees only numbered candidate sentences (never whole documents), must answer in JSON and cite sentence
numbers. Its answer is kept only if every cited number is one it was shown, it cites at least one, and every number it
writes occurs in the sentences it cites; otherwise the extractive answer stands. A model that says the sentences do not
answer the question makes Mentor abstain."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering.compose import Pick, cite, source_lines
from bot.messages import Citation

log = logging.getLogger(__name__)

MAX_CANDIDATES = 6
_MARKER = re.compile(r"\[(\d+)\]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
LANGUAGE_NAMES = {"zh": "Simplified Chinese", "en": "English"}
SYSTEM = (
    "You answer employees' questions about company policy using ONLY the numbered sentences you are given. "
    "Reply with one JSON object and nothing else: "
    '{"answerable": true or false, "answer": "...", "cited": [sentence numbers]}. '
    "answerable is false when the sentences do not state the answer (do not guess, do not use outside knowledge). "
    "When answerable, write a short answer in {language}, put the sentence number in square brackets after each "
    "claim, e.g. [2], and copy numbers, amounts and durations exactly as the sentences give them.")


@dataclass(frozen=True)
class Verdict:
    """What the model decided, after checking: abstain, or an answer text with its citations."""

    answerable: bool
    text: str = ""
    citations: tuple[Citation, ...] = ()


class LLMJudge:
    """Wraps a LangChain chat model (built by bot.agent.model_factory.build_chat_model) for cited answers."""

    def __init__(self, chat_model) -> None:
        self._model = chat_model

    def review(self, question: str, language: str, candidates: Sequence[Pick]) -> Verdict | None:
        """The checked verdict, or None when the model failed or its answer did not pass the checks."""
        shown = list(candidates[:MAX_CANDIDATES])
        if not shown:
            return None
        listing = "\n".join(f"[{i}] {pick.sentence}" for i, pick in enumerate(shown, start=1))
        prompt = [("system", SYSTEM.replace("{language}", LANGUAGE_NAMES.get(language, "English"))),
                  ("human", f"Question: {question}\n\nSentences:\n{listing}")]
        try:
            reply = self._model.invoke(prompt)
        except Exception as exc:  # any endpoint failure means: keep the offline answer
            log.warning("LLM judge unavailable (%s); keeping the extractive answer", type(exc).__name__)
            return None
        parsed = _parse(str(getattr(reply, "content", "")))
        if parsed is None:
            log.warning("LLM judge reply was not the JSON asked for; keeping the extractive answer")
            return None
        if not parsed.get("answerable"):
            return Verdict(False)
        return _checked(str(parsed.get("answer", "")), shown, language)


def _parse(content: str) -> dict | None:
    """The JSON object in a reply (a ```json fence around it is tolerated)."""
    match = re.search(r"\{.*\}", content, re.S)
    if not match:
        return None
    try:
        value = json.loads(match.group(0))
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _checked(answer: str, shown: list[Pick], language: str) -> Verdict | None:
    """Keep the model's answer only when its citations and numbers are grounded in the sentences it was shown."""
    cited = [int(n) for n in _MARKER.findall(answer)]
    if not answer.strip() or not cited or any(n < 1 or n > len(shown) for n in cited):
        log.warning("LLM judge answer cited nothing or a sentence it was not shown; keeping the extractive answer")
        return None
    used = [shown[n - 1] for n in dict.fromkeys(cited)]
    grounding = " ".join(pick.sentence for pick in used)
    if any(number not in grounding for number in _NUMBER.findall(_MARKER.sub("", answer))):
        log.warning("LLM judge answer states a number its cited sentences do not; keeping the extractive answer")
        return None
    numbers, citations = cite(used)
    text = _MARKER.sub(lambda m: f"[{numbers[shown[int(m.group(1)) - 1].passage.chunk_id]}]", answer.strip())
    return Verdict(True, "\n".join([text, *source_lines(citations, language)]), tuple(citations))
