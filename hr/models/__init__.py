"""SQLModel tables of the HR domain; importing this package registers every table on SQLModel.metadata."""

from hr.models.catalog import Course, CourseCreate, CoursePublic, CourseSession, CourseSessionPublic
from hr.models.feedback import PerformanceRecord, SurveyResponse
from hr.models.learning import (
    Enrollment,
    EnrollmentPublic,
    ExamAttempt,
    ExamAttemptPublic,
    ExamSitting,
    PracticeAttempt,
    PracticeAttemptPublic,
    ProgressEvent,
)
from hr.models.messaging import NotificationLog
from hr.models.org import Department, Employee, EmployeeCreate, EmployeePublic

__all__ = [
    "Course", "CourseCreate", "CoursePublic", "CourseSession", "CourseSessionPublic", "Department", "Employee",
    "EmployeeCreate", "EmployeePublic", "Enrollment", "EnrollmentPublic", "ExamAttempt", "ExamAttemptPublic", "ExamSitting",
    "NotificationLog", "PerformanceRecord", "PracticeAttempt", "PracticeAttemptPublic", "ProgressEvent", "SurveyResponse",
]
