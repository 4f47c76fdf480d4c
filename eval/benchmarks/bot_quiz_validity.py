"""Quiz validity on the sample courses: key supported by the cited chunk, options distinct, exactly one correct.

The items are re-checked here independently of bot.quiz.validate (which filters them during generation), straight
against the chunk text. Target: validity >= 0.95. Run: `.venv/bin/python -m eval.benchmarks.bot_quiz_validity`
(writes eval/results/bot_quiz_validity.json).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from eval.benchmarks.bot_common import write_result

TARGET = 0.95
COURSES = ["ONB-101", "SEC-101", "SEC-201", "CMP-101", "SAL-101", "SAL-201", "AI-101", "LDR-301", "DATA-101", "CS-101"]
SEEDS = (1, 2, 3)


def _flat(text: str) -> str:
    """Compare text without width, case, spacing or Markdown differences."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s*_`#>\-]+", "", text).rstrip("。.;；!！")


def independent_issues(item, chunk_text: str) -> list[str]:
    """Why an item is not valid, judged only from the chunk it cites."""
    chunk = _flat(chunk_text)
    issues = []
    if _flat(item.evidence) not in chunk:
        issues.append("evidence not in chunk")
    if item.kind == "mcq":
        options = [_flat(o) for o in item.options]
        if len(options) != 4 or len(set(options)) != 4:
            issues.append("options not 4 distinct")
        if "____" in item.stem:
            completing = [o for o in item.options if _flat(item.stem.replace("____", o)) in chunk]
        else:
            completing = [o for o in item.options if _flat(o) in _flat(item.evidence)]
        if completing != [item.options["ABCD".index(item.answer)]]:
            issues.append("not exactly one correct option")
    elif item.kind == "true_false":
        in_chunk = _flat(item.stem) in chunk
        if (item.answer == "true") != in_chunk:
            issues.append("true/false key not what the chunk says")
    elif item.kind == "cloze" and _flat(item.stem.replace("____", item.answer)) not in chunk:
        issues.append("cloze key does not complete the chunk")
    return issues


def run(n: int = 10) -> dict:
    """Generate n items per course and seed offline, re-check each, and also score raw candidates."""
    from bot.quiz.generator import QuizGenerator
    from bot.quiz.offline_generator import OfflineQuizBuilder
    from bot.quiz.validate import problems
    from eval.benchmarks.bot_common import SAMPLE_KB
    from eval.throwaway import throwaway_index
    from retrieval.types import Audience

    everyone = Audience.of("all", "rnd", "it", "sales", "cs", "manager", "hrd")
    per_course, reasons = {}, Counter()
    emitted = valid = candidates = candidates_valid = 0
    kinds = Counter()
    with throwaway_index(SAMPLE_KB) as (index, _):
        generator = QuizGenerator(index)
        for course in COURSES:
            passages = index.passages(course=course, audience=everyone)
            chunks = {p.chunk_id: p.text for p in passages}
            course_items = course_valid = 0
            for seed in SEEDS:
                quiz, _ = generator.generate(everyone, course=course, n=n, seed=seed)
                for item in quiz.items:
                    issues = independent_issues(item, chunks[item.chunk_id])
                    reasons.update(issues)
                    kinds[item.kind] += 1
                    course_items += 1
                    course_valid += not issues
                for item in OfflineQuizBuilder(passages, seed).candidates():
                    candidates += 1
                    candidates_valid += not problems(item, chunks[item.chunk_id])
            per_course[course] = {"items": course_items, "validity": round(course_valid / max(course_items, 1), 4),
                                  "items_per_quiz": round(course_items / len(SEEDS), 1)}
            emitted += course_items
            valid += course_valid
    validity = valid / max(emitted, 1)
    return {"items": emitted, "validity": round(validity, 4), "target": TARGET, "meets_target": validity >= TARGET,
            "kinds": dict(kinds), "failure_reasons": dict(reasons),
            "candidate_validity_before_filter": round(candidates_valid / max(candidates, 1), 4),
            "candidates": candidates, "per_course": per_course, "requested_per_quiz": n, "seeds": list(SEEDS)}


def main() -> None:
    """Run and write the result."""
    result = run()
    print(write_result("bot_quiz_validity", result))
    print({k: result[k] for k in ("items", "validity", "candidate_validity_before_filter", "meets_target")})


if __name__ == "__main__":
    main()
