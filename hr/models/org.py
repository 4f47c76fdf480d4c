"""Departments (a tree) and employees: who people are, where they sit and who they report to."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Index, func
from sqlmodel import Field, SQLModel


class DepartmentBase(SQLModel):
    """Fields HR exports for a department."""

    name: str = Field(max_length=200)
    parent_id: str | None = Field(default=None, foreign_key="hr_department.id", index=True, max_length=64)


class Department(DepartmentBase, table=True):
    """A node of the organisation tree; the root has no parent."""

    __tablename__ = "hr_department"
    id: str = Field(primary_key=True, max_length=64)


class EmployeeBase(SQLModel):
    """Fields that describe a person and how to reach them."""

    name: str = Field(max_length=200)
    department_id: str = Field(foreign_key="hr_department.id", index=True, max_length=64)
    manager_id: str | None = Field(default=None, foreign_key="hr_employee.id", index=True, max_length=64)
    role: str = Field(default="employee", max_length=32)
    job_title: str = Field(default="", max_length=200)
    skills: str = Field(default="", description="';'-separated skill tags the person already has")
    learning_preference: str = Field(default="text", max_length=16, description="video or text")
    hired_on: date | None = None


class Employee(EmployeeBase, table=True):
    """A person; contact ids are unique so a channel can resolve who is talking."""

    __tablename__ = "hr_employee"
    id: str = Field(primary_key=True, max_length=64)
    email: str | None = Field(default=None, unique=True, max_length=320)
    slack_user_id: str | None = Field(default=None, unique=True, max_length=64)
    wecom_userid: str | None = Field(default=None, unique=True, max_length=64)
    active: bool = True


class EmployeeCreate(EmployeeBase):
    """What HR supplies to add one person."""

    id: str
    email: str | None = None
    slack_user_id: str | None = None
    wecom_userid: str | None = None


class EmployeePublic(EmployeeBase):
    """What other people may see about a person (no contact ids)."""

    id: str


# colleagues named in a chat message are looked up by this key (org_repo.active_names_among), every turn
Index("ix_employee_name_key", func.lower(func.trim(Employee.name)))
