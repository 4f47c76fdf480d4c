"""Read conversation scripts (eval/conversations/FORMAT.md) and refuse malformed ones with the line and the fix."""

from __future__ import annotations

import json
from pathlib import Path

ACTS = frozenset({
    "answer", "abstain", "help", "clarify", "quiz_start", "quiz_feedback", "quiz_exit", "exam_preview", "exam_start",
    "enroll_preview", "enroll_refused", "enroll_done", "withdraw_preview", "withdraw_done", "catalog", "session_info",
    "progress", "team_progress", "kpi", "department_kpi", "specialist_kpi", "completion_report", "exam_results",
    "satisfaction", "course_health", "kirkpatrick", "recommend", "nudge_preview", "nudge_done", "survey_prompt", "survey_recorded",
    "cancelled", "refused", "manager",
})
SUBJECT_KEYS = frozenset({"employee", "department", "team", "course", "period"})
EXPECT_KEYS = frozenset({"act", "subject", "contains_any", "contains_all", "not_contains", "lang"})


class ScriptError(ValueError):
    """A script line that does not follow FORMAT.md."""


def load_scripts(path: Path) -> list[dict]:
    """Every script in a JSONL file, checked; the first problem raises with its line number and what to change."""
    if not path.is_file():
        raise ScriptError(f"{path}: no such file; give a JSONL file of conversation scripts (eval/conversations/FORMAT.md)")
    scripts, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            script = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ScriptError(f"{where}: not JSON ({exc.msg}); one script object per line") from exc
        _check(script, where)
        if script["id"] in seen:
            raise ScriptError(f"{where}: id {script['id']!r} is used twice; ids must be unique")
        seen.add(script["id"])
        scripts.append(script)
    if not scripts:
        raise ScriptError(f"{path}: no scripts in the file")
    return scripts


def _check(script: dict, where: str) -> None:
    """Raise ScriptError unless the script has what FORMAT.md requires."""
    for key in ("id", "lang", "as", "turns"):
        if key not in script:
            raise ScriptError(f"{where}: missing {key!r}")
    if script["lang"] not in ("zh", "en"):
        raise ScriptError(f"{where}: lang must be zh or en, not {script['lang']!r}")
    if not isinstance(script["turns"], list) or not script["turns"]:
        raise ScriptError(f"{where}: turns must be a non-empty list")
    for index, turn in enumerate(script["turns"], 1):
        here = f"{where} turn {index}"
        if ("say" in turn) == ("press" in turn):
            raise ScriptError(f"{here}: give exactly one of 'say' or 'press'")
        press = turn.get("press")
        if press is not None and press not in ("confirm", "cancel") and not str(press).startswith("option:"):
            raise ScriptError(f"{here}: press must be confirm, cancel or option:<n>, not {press!r}")
        expect = turn.get("expect")
        if not isinstance(expect, dict) or "act" not in expect:
            raise ScriptError(f"{here}: expect with an 'act' is required")
        if expect["act"] not in ACTS:
            raise ScriptError(f"{here}: unknown act {expect['act']!r}; see the act table in FORMAT.md")
        unknown = set(expect) - EXPECT_KEYS
        if unknown:
            raise ScriptError(f"{here}: unknown expect keys {sorted(unknown)}")
        if set(expect.get("subject", {})) - SUBJECT_KEYS:
            raise ScriptError(f"{here}: subject keys are {sorted(SUBJECT_KEYS)}")
