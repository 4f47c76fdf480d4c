"""Building blocks of KPI explanations: policy clauses, rate items and target-rated items."""

from __future__ import annotations

from hr.explain import KpiItem, PolicyClause
from hr.policy.model import Clause, Target
from hr.rules.bands import rate_against_target
from hr.rules.rates import Rate


def clause_of(key: str, clause: Clause) -> PolicyClause:
    """The YAML key and human text of a policy clause."""
    return PolicyClause(key=key, text_zh=clause.text_zh, text_en=clause.text_en)


def rate_item(name: str, zh: str, en: str, rate: Rate, formula: str, **extra) -> KpiItem:
    """A KpiItem for a rate, inputs holding numerator and denominator."""
    return KpiItem(name=name, label_zh=zh, label_en=en, value=rate.value, unit="rate", formula=formula,
                   inputs={"numerator": rate.numerator, "denominator": rate.denominator, **extra.pop("inputs", {})},
                   **extra)


def target_item(name: str, zh: str, en: str, value: float | None, target: Target, key: str, formula: str,
                 inputs: dict, unit: str = "rate") -> KpiItem:
    """A specialist KPI rated against its policy target."""
    return KpiItem(name=name, label_zh=zh, label_en=en, value=value, unit=unit, formula=formula, inputs=inputs,
                   thresholds={"met": target.met, "excellent": target.excellent},
                   verdict=rate_against_target(value, target), clause=clause_of(key, target))
