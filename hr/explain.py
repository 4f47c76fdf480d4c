"""The working behind a KPI: formula, inputs, thresholds, policy clause and what-ifs, as JSON or bilingual text."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class PolicyClause(BaseModel):
    """Where a rule comes from: the YAML key and its human text."""

    key: str
    text_zh: str
    text_en: str


class KpiItem(BaseModel):
    """One figure with its working."""

    name: str
    label_zh: str
    label_en: str
    value: float | None
    unit: str = ""
    formula: str
    inputs: dict[str, Any] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    verdict: str | None = None
    clause: PolicyClause | None = None

    def shown(self) -> str:
        """The value for humans: percent for rates, plain for points."""
        if self.value is None:
            return "n/a"
        if self.unit == "bool":
            return "yes" if self.value else "no"
        if self.unit == "rate":
            return f"{self.value * 100:.1f}%"
        return f"{self.value:g}"


class WhatIf(BaseModel):
    """A concrete action and how the figures would move."""

    action_zh: str
    action_en: str
    changes: dict[str, list[float | None]] = Field(default_factory=dict, description="name -> [before, after]")


class KpiExplanation(BaseModel):
    """A subject's KPIs for a period, with the working of each and what-ifs."""

    subject_kind: str
    subject_id: str
    subject_name: str
    period: str
    policy: str
    items: list[KpiItem]
    what_ifs: list[WhatIf] = Field(default_factory=list)
    notes_zh: list[str] = Field(default_factory=list)
    notes_en: list[str] = Field(default_factory=list)

    def item(self, name: str) -> KpiItem:
        """Look up one figure by name (KeyError if absent)."""
        for entry in self.items:
            if entry.name == name:
                return entry
        raise KeyError(name)

    def to_json(self) -> str:
        """JSON for the API, the CLI --json flag and tool results."""
        return self.model_dump_json(indent=2)

    def to_text(self, lang: str = "en") -> str:
        """A short human rendering (zh or en) the bot can show as 'the working'."""
        zh = lang.startswith("zh")
        lines = [f"{self.subject_name}（{self.subject_id}）· {self.period}" if zh
                 else f"{self.subject_name} ({self.subject_id}) · {self.period}"]
        quoted: set[str] = set()
        for entry in self.items:
            label = entry.label_zh if zh else entry.label_en
            verdict = f" [{entry.verdict}]" if entry.verdict and entry.unit != "bool" else ""
            lines.append(f"- {label}{'：' if zh else ': '}{entry.shown()}{verdict} = {entry.formula}")
            if entry.clause and entry.clause.key not in quoted:
                quoted.add(entry.clause.key)
                lines.append(f"  {'依据' if zh else 'Policy'} {entry.clause.key}{'：' if zh else ': '}"
                             f"{entry.clause.text_zh if zh else entry.clause.text_en}")
        for note in self.notes_zh if zh else self.notes_en:
            lines.append(f"* {note}")
        for what_if in self.what_ifs:
            lines.append(f"→ {what_if.action_zh if zh else what_if.action_en}")
        return "\n".join(lines)
