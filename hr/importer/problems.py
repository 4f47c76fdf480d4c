"""Validation problems: file, line and a reason a person can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One bad row (line 1 is the header, so data starts at line 2)."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        """file:line: reason."""
        return f"{self.file}:{self.line}: {self.reason}"
