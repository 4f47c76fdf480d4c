"""Build departments and people: a CEO, a head per department, team leads for big departments, then staff."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from hr.samples.catalog import DEPARTMENTS, GIVEN, JOB_TITLES, SURNAMES

SAMPLE_SIZES = {"rnd": 45, "sales": 38, "cs": 25, "ops": 20, "it": 20, "mkt": 18, "fin": 15, "hrd": 14}


@dataclass
class Person:
    """One generated employee (a row of employees.csv)."""

    id: str
    name: str
    email: str
    department_id: str
    manager_id: str
    role: str
    job_title: str
    slack_user_id: str
    wecom_userid: str
    hired_on: date
    skills: str
    learning_preference: str

    @property
    def top_department(self) -> str:
        """The first-level department (sub-teams are named like rnd-t03)."""
        return self.department_id.split("-")[0]


def departments(teams_per_department: int) -> list[tuple[str, str, str | None]]:
    """The fixed tree, plus sub-teams under each first-level department when asked (benchmark scale)."""
    rows = list(DEPARTMENTS)
    for dept_id, name, parent in DEPARTMENTS:
        if parent is None:
            continue
        rows += [(f"{dept_id}-t{t:02d}", f"{name}{t}组", dept_id) for t in range(1, teams_per_department + 1)]
    return rows


def _name(rng: random.Random, number: int) -> tuple[str, str]:
    """A Chinese name and an ASCII handle made unique by the employee number."""
    surname, given1, given2 = rng.choice(SURNAMES), rng.choice(GIVEN), rng.choice(GIVEN)
    if rng.random() < 0.5:
        return surname[0] + given1[0], f"{surname[1]}.{given1[1]}{number}"
    return surname[0] + given1[0] + given2[0], f"{surname[1]}.{given1[1]}{given2[1]}{number}"


def people(rng: random.Random, sizes: dict[str, int], teams_per_department: int, reference: date) -> list[Person]:
    """Generate everyone; ids are E0001.. in a stable order (CEO, heads in DEPARTMENTS order, staff)."""
    counter = iter(range(1, 10**7))
    result: list[Person] = []

    def add(dept: str, manager: str, role: str, title: str, hired: date) -> Person:
        number = next(counter)
        name, handle = _name(rng, number)
        pid = f"E{number:04d}" if sum(sizes.values()) < 9000 else f"E{number:06d}"
        person = Person(pid, name, f"{handle}@example.com", dept, manager, role, title, f"U{number:07d}", handle,
                        hired, "", rng.choice(["video", "video", "text", "text", "live"]))
        result.append(person)
        return person

    ceo = add("corp", "", "manager", "总经理", date(2015, 3, 1))
    heads = {d: add(d, ceo.id, "manager", "经理", _hired(rng, reference, old=True)) for d, _n, p in DEPARTMENTS if p}
    for dept, head in heads.items():
        leads = [head]
        if teams_per_department:
            leads = [add(f"{dept}-t{t:02d}", head.id, "manager", "经理", _hired(rng, reference, old=True))
                     for t in range(1, teams_per_department + 1)]
        elif sizes[dept] >= 30:
            leads = [add(dept, head.id, "manager", "经理", _hired(rng, reference, old=True)) for _ in range(2)]
        remaining = sizes[dept] - 1 - (len(leads) if leads[0] is not head else 0)
        for index in range(max(remaining, 0)):
            lead = leads[index % len(leads)]
            role, title = "employee", JOB_TITLES[dept]
            if dept == "hrd" and index < 3:
                role, title = "training_specialist", "培训专员"
            elif dept == "hrd":
                role = "hr"
            add(lead.department_id, lead.id, role, title, _hired(rng, reference, old=False))
    return result


def _hired(rng: random.Random, reference: date, old: bool) -> date:
    """Hire date: managers years ago; ~8% of staff joined this year (they get onboarding)."""
    if not old and rng.random() < 0.08:
        return date(reference.year, 1, 5) + timedelta(days=rng.randrange((reference - date(reference.year, 1, 5)).days))
    return date(2017, 1, 1) + timedelta(days=rng.randrange(365 * (8 if old else 9)))
