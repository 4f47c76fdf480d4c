"""Employee training standing: points, the 'excellent' floor and promotion eligibility."""

from __future__ import annotations

from dataclasses import dataclass

from hr.policy.model import Policy
from hr.rules.rates import Rate


@dataclass(frozen=True)
class TrainingPoints:
    """Points from completion and exam pass rate, with each part shown."""

    completion_part: float
    exam_part: float

    @property
    def total(self) -> float:
        """The sum the performance score receives."""
        return round(self.completion_part + self.exam_part, 4)


def training_points(completion: Rate, exam_pass: Rate, policy: Policy) -> TrainingPoints:
    """completion × completion_weight + exam pass rate × exam_pass_weight (empty rates count as the policy says)."""
    rules = policy.employee.training_points
    empty = rules.empty_rate_counts_as
    return TrainingPoints(round(completion.value_or(empty) * rules.completion_weight, 4),
                          round(exam_pass.value_or(empty) * rules.exam_pass_weight, 4))


def max_training_points(policy: Policy) -> float:
    """The best possible points (both rates at 100%)."""
    rules = policy.employee.training_points
    return rules.completion_weight + rules.exam_pass_weight


def excellent_allowed(completion: Rate, policy: Policy) -> bool:
    """An 'excellent' rating needs at least the floor completion rate (nothing due counts as met)."""
    return completion.value_or(1.0) >= policy.employee.excellent_floor.min_completion_rate


def promotion_eligible(completion: Rate, policy: Policy) -> bool:
    """Promotion needs at least the policy completion rate (nothing due counts as met)."""
    return completion.value_or(1.0) >= policy.employee.promotion.min_completion_rate


def completions_needed(completion: Rate, target: float) -> int:
    """How many more of the due courses must be completed to reach the target rate (0 if already there)."""
    needed = 0
    while completion.denominator and (completion.numerator + needed) / completion.denominator < target:
        needed += 1
        if completion.numerator + needed >= completion.denominator:
            break
    return needed
