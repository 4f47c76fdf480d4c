"""Queries about the course catalog and scheduled sessions, including the seat counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, select

from hr.models import Course, CourseSession


def get_course(db: Session, code: str) -> Course | None:
    """One course by code."""
    return db.get(Course, code)


def list_courses(db: Session) -> list[Course]:
    """The whole catalog, ordered by code."""
    return list(db.exec(select(Course).order_by(Course.code)))


def get_session(db: Session, session_id: int) -> CourseSession | None:
    """One scheduled session."""
    return db.get(CourseSession, session_id)


def upcoming_sessions(db: Session, course_code: str, after: datetime) -> list[CourseSession]:
    """Scheduled sessions of a course starting after a moment, soonest first."""
    query = (select(CourseSession).where(CourseSession.course_code == course_code, CourseSession.starts_at > after,
                                         CourseSession.status == "scheduled").order_by(CourseSession.starts_at))
    return list(db.exec(query))


def sessions_starting_between(db: Session, start: datetime, end: datetime) -> list[CourseSession]:
    """Scheduled sessions starting in [start, end)."""
    query = (select(CourseSession).where(CourseSession.starts_at >= start, CourseSession.starts_at < end,
                                         CourseSession.status == "scheduled").order_by(CourseSession.starts_at))
    return list(db.exec(query))


def take_seat(db: Session, session_id: int) -> bool:
    """Atomically take one seat if any is left (conditional UPDATE: never overbooks, on SQLite or PostgreSQL)."""
    result = db.execute(update(CourseSession).where(CourseSession.id == session_id,
                                                    CourseSession.seats_taken < CourseSession.capacity)
                        .values(seats_taken=CourseSession.seats_taken + 1))
    return result.rowcount == 1


def release_seat(db: Session, session_id: int) -> None:
    """Give a seat back (on drop), never going below zero."""
    db.execute(update(CourseSession).where(CourseSession.id == session_id, CourseSession.seats_taken > 0)
               .values(seats_taken=CourseSession.seats_taken - 1))
