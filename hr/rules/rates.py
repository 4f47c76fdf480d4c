"""A rate always carries its numerator and denominator so every figure can be checked by hand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rate:
    """numerator / denominator; value is None when nothing was counted."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """The fraction, or None for 0/0 (nothing was due)."""
        return self.numerator / self.denominator if self.denominator else None

    def value_or(self, empty: float) -> float:
        """The fraction, or the policy's stand-in when nothing was counted."""
        value = self.value
        return empty if value is None else value

    def plus(self, numerator: int = 0, denominator: int = 0) -> Rate:
        """The rate after adding counts (used by what-ifs)."""
        return Rate(self.numerator + numerator, self.denominator + denominator)

    def percent(self) -> str:
        """Human form, e.g. '75.0% (3/4)'."""
        value = self.value
        shown = "n/a" if value is None else f"{value * 100:.1f}%"
        return f"{shown} ({self.numerator}/{self.denominator})"

    def to_dict(self) -> dict:
        """JSON form with all three numbers."""
        value = self.value
        return {"numerator": self.numerator, "denominator": self.denominator,
                "value": None if value is None else round(value, 6)}
