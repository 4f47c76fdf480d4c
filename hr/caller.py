"""Who is asking: every service call takes a Caller so access is decided inside the service, never by the model."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("employee", "manager", "hr", "training_specialist")
PRIVILEGED_ROLES = frozenset({"hr", "training_specialist"})


@dataclass(frozen=True)
class Caller:
    """The identity a channel resolved (never text the user typed): id, role and department."""

    id: str
    role: str
    department_id: str

    @property
    def sees_everyone(self) -> bool:
        """HR and training specialists may read every record."""
        return self.role in PRIVILEGED_ROLES

    @classmethod
    def of(cls, employee) -> Caller:
        """Build a Caller from an Employee record (or anything with id, role, department_id)."""
        return cls(id=employee.id, role=employee.role, department_id=employee.department_id)
