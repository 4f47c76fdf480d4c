"""Satisfaction surveys (Kirkpatrick level 1) and performance records (levels 3 and 4)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class SurveyResponse(SQLModel, table=True):
    """A learner's rating of a course (1-5) after taking it."""

    __tablename__ = "hr_survey_response"
    __table_args__ = (UniqueConstraint("employee_id", "course_code", name="uq_survey_employee_course"),
                      Index("ix_survey_period", "submitted_on", "course_code", "rating"))
    id: int | None = Field(default=None, primary_key=True)
    employee_id: str = Field(foreign_key="hr_employee.id", max_length=64)
    course_code: str = Field(foreign_key="hr_course.code", index=True, max_length=32)
    submitted_on: date
    rating: int = Field(description="1 (poor) .. 5 (excellent)")
    comment: str = ""


class PerformanceRecord(SQLModel, table=True):
    """A person's period review: score, manager-rated behaviour (L3) and a business metric (L4)."""

    __tablename__ = "hr_performance_record"
    __table_args__ = (UniqueConstraint("employee_id", "period", name="uq_performance_employee_period"),)
    id: int | None = Field(default=None, primary_key=True)
    employee_id: str = Field(foreign_key="hr_employee.id", max_length=64)
    period: str = Field(max_length=8, index=True, description="e.g. 2026Q3")
    score: float = Field(description="period performance score, 0-100")
    behavior_score: float | None = Field(default=None, description="manager-rated on-the-job behaviour, 0-100")
    business_metric: float | None = Field(default=None, description="business result, e.g. % of target")
