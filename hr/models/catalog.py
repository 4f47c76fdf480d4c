"""Courses and their scheduled sessions (live courses and workshops)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class CourseBase(SQLModel):
    """What a course is and who must take it."""

    title: str = Field(max_length=300)
    title_en: str = Field(default="", max_length=300)
    category: str = Field(default="", max_length=100)
    format: str = Field(default="document", max_length=16, description="video, document, live or workshop")
    hours: float = 1.0
    passing_score: float = 60.0
    difficulty: int = Field(default=1, description="1 basic .. 3 advanced")
    skill_tags: str = Field(default="", description="';'-separated skills the course teaches")
    prerequisites: str = Field(default="", description="';'-separated course codes to complete first")
    required_for: str = Field(default="", description="'all' or ';'-separated department ids, roles and job titles")
    due_days: int | None = Field(default=None, description="days from enrollment to the due date")


class Course(CourseBase, table=True):
    """A course in the catalog, keyed by its code (e.g. SEC-101)."""

    __tablename__ = "hr_course"
    code: str = Field(primary_key=True, max_length=32)


class CourseCreate(CourseBase):
    """What HR supplies to add a course."""

    code: str


class CoursePublic(CourseBase):
    """A course as shown to learners."""

    code: str


class CourseSessionBase(SQLModel):
    """When and where a live course or workshop runs."""

    course_code: str = Field(foreign_key="hr_course.code", index=True, max_length=32)
    starts_at: datetime
    hours: float = 2.0
    venue: str = Field(default="", max_length=200)
    instructor: str = Field(default="", max_length=200)
    capacity: int = 20
    status: str = Field(default="scheduled", max_length=16, description="scheduled, held or cancelled")


class CourseSession(CourseSessionBase, table=True):
    """One scheduled run; seats_taken only moves through a conditional UPDATE so it never exceeds capacity."""

    __tablename__ = "hr_course_session"
    id: int | None = Field(default=None, primary_key=True)
    seats_taken: int = 0


class CourseSessionPublic(CourseSessionBase):
    """A session as shown to learners, with remaining seats."""

    id: int
    seats_taken: int
