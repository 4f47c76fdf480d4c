"""Who a course is required for, and whether someone may take it: pure checks on plain values."""

from __future__ import annotations


def split_list(value: str) -> list[str]:
    """Split a ';'-separated field into clean items."""
    return [item.strip() for item in (value or "").split(";") if item.strip()]


def required_tags(required_for: str) -> tuple[bool, list[str]]:
    """(required for everyone?, the department ids / roles / job titles listed)."""
    tags = split_list(required_for)
    return any(t.lower() == "all" for t in tags), [t for t in tags if t.lower() != "all"]


def is_required_for(required_for: str, role: str, job_title: str, department_ids: list[str]) -> bool:
    """True when the course is required for this person (department counts with its ancestors)."""
    everyone, tags = required_tags(required_for)
    if everyone:
        return True
    wanted = set(tags)
    return role in wanted or job_title in wanted or bool(wanted.intersection(department_ids))


def is_open_to(required_for: str, role: str, job_title: str, department_ids: list[str]) -> bool:
    """Optional courses are open to all; a course required for named groups is open to those groups only."""
    everyone, tags = required_tags(required_for)
    return everyone or not tags or is_required_for(required_for, role, job_title, department_ids)


def missing_prerequisites(prerequisites: str, completed_codes: set[str]) -> list[str]:
    """Prerequisite codes not yet completed, in the order listed."""
    return [code for code in split_list(prerequisites) if code not in completed_codes]
