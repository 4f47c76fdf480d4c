"""Who is behind: overdue, or due soon with little progress (thresholds from the policy)."""

from __future__ import annotations

from datetime import date

from hr.policy.model import ProgressRules

OPEN_STATUSES = ("enrolled", "in_progress", "overdue")


def is_overdue(status: str, due_on: date, today: date) -> bool:
    """Open and past its due date."""
    return status in OPEN_STATUSES and due_on < today


def is_behind(status: str, due_on: date, progress_pct: int, today: date, rules: ProgressRules) -> bool:
    """Overdue, or due within the policy window with progress under the policy bar."""
    if status not in OPEN_STATUSES:
        return False
    if due_on < today:
        return True
    return (due_on - today).days <= rules.behind_within_days and progress_pct < rules.behind_below_pct
