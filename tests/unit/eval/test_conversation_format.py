"""The script validator accepts exactly the act labels FORMAT.md documents, so a writer is never refused a label."""

from __future__ import annotations

import re
from pathlib import Path

from eval.conversations.scripts import ACTS

FORMAT = Path(__file__).resolve().parents[3] / "eval" / "conversations" / "FORMAT.md"


def documented_acts() -> set[str]:
    """Every backticked label in the first column of FORMAT.md's act table."""
    section = FORMAT.read_text(encoding="utf-8").split("### `act` labels", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {label for row in rows for label in re.findall(r"`([a-z_]+)`", row.split("|")[1])}


def test_the_validator_and_the_format_document_name_the_same_acts():
    documented = documented_acts()
    assert "manager" in documented and "exam_results" in documented
    assert documented == set(ACTS), (documented ^ set(ACTS))
