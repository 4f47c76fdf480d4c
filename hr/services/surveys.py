"""Satisfaction survey (Kirkpatrick level 1): a learner rates a course they took; rating again replaces it."""

from __future__ import annotations

from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hr.caller import Caller
from hr.errors import forbidden, invalid
from hr.models import SurveyResponse
from hr.repositories import enrollment_repo


def submit_survey(db: Session, caller: Caller, course_code: str, rating: int, comment: str = "", *,
                  today: date) -> SurveyResponse:
    """Store the caller's own 1-5 rating of a course they are or were enrolled in (one per person and course)."""
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise invalid("A rating must be a whole number from 1 to 5.", "评分必须是 1 到 5 的整数。")
    enrollment = enrollment_repo.get_enrollment(db, caller.id, course_code)
    if enrollment is None or enrollment.status == "dropped":
        raise forbidden(f"rate {course_code} without taking it", f"评价未参加的课程 {course_code}")
    query = select(SurveyResponse).where(SurveyResponse.employee_id == caller.id,
                                         SurveyResponse.course_code == course_code)
    response = db.exec(query).first() or SurveyResponse(employee_id=caller.id, course_code=course_code,
                                                        submitted_on=today, rating=rating)
    response.rating, response.comment, response.submitted_on = rating, comment[:2000], today
    try:
        with db.begin_nested():
            db.add(response)
            db.flush()
    except IntegrityError:  # a parallel first submission won; update that row instead
        response = db.exec(query).one()
        response.rating, response.comment, response.submitted_on = rating, comment[:2000], today
        db.add(response)
    return response
