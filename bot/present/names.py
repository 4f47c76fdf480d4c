"""Course titles and department names in the reader's language (HR keeps both for courses, Chinese for departments)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Names:
    """Lookup of display names; unknown keys are shown as the key itself."""

    courses: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (zh, en)
    departments: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (zh, en)

    def title(self, code: str, language: str) -> str:
        """A course's title in the reader's language, falling back to the other one."""
        zh, en = self.courses.get((code or "").upper(), ("", ""))
        return ((zh or en) if language == "zh" else (en or zh)) or code

    def course(self, code: str, language: str) -> str:
        """"SEC-101 信息安全基础" / "SEC-101 Information Security Basics"."""
        title = self.title(code, language)
        return code if title == code else f"{code} {title}"

    def department(self, department_id: str, language: str) -> str:
        """"研发部" / "R&D"; the id when the department is unknown."""
        zh, en = self.departments.get(department_id, ("", ""))
        return ((zh or en) if language == "zh" else (en or zh)) or department_id

    def knows_course(self, code: str) -> bool:
        """True for a course code in the catalogue."""
        return (code or "").upper() in self.courses
