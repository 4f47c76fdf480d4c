"""Course recommendations: required-but-missing first, then remedial after weak exams, skill gaps, then format."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from hr.caller import Caller
from hr.models import Course
from hr.policy.model import Policy
from hr.repositories import course_repo, enrollment_repo, org_repo
from hr.rules.eligibility import is_open_to, is_required_for, missing_prerequisites, split_list
from hr.services.access import visible_employee

# HR or a manager may ask for someone else: the reasons name the job and the preference, never "you"
REASON_TEXT = {
    "required": ("必修课程，尚未报名", "Required and not yet enrolled"),
    "remedial": ("{src} 考试未通过或成绩偏低，建议先打好基础", "The {src} exam was failed or weak; build the basics first"),
    # a skill tag is an English slug ("data-analysis"): the Chinese reason names the course's skill, not the slug
    "skill_gap": ("岗位需要这门课所教的技能", "The job title needs the skill '{skill}'"),
    "preferred_format": ("符合偏好的学习形式（{fmt}）", "Matches the preferred format ({fmt})"),
    "optional": ("可选课程", "Optional course, open to enroll"),
}
_FORMAT_WORDS = {"video": ("视频", "video"), "text": ("图文", "reading"), "live": ("直播或面授", "live sessions")}
_ORDER = {"required": 0, "remedial": 1, "skill_gap": 2, "preferred_format": 3, "optional": 4}
_FORMATS_FOR = {"video": {"video"}, "text": {"document"}, "live": {"live", "workshop"}}


@dataclass(frozen=True)
class Recommendation:
    """One suggested course and why, in both languages."""

    course_code: str
    title: str
    reason: str
    reason_zh: str
    reason_en: str


def recommend_courses(db: Session, caller: Caller, employee_id: str, *, policy: Policy,
                      limit: int | None = None) -> list[Recommendation]:
    """Ranked suggestions for a person the caller may see; never a course already taken or not yet reachable."""
    employee = visible_employee(db, caller, employee_id)
    rules = policy.recommendations
    departments = org_repo.department_ancestors(db, employee.department_id)
    courses = {c.code: c for c in course_repo.list_courses(db)}
    taken = {e.course_code for e in enrollment_repo.enrollments_of(db, employee.id) if e.status != "dropped"}
    completed = enrollment_repo.completed_course_codes(db, employee.id)
    picks: dict[str, tuple[str, dict]] = {}

    def consider(course: Course, reason: str, **fmt: str) -> None:
        """Keep the best-ranked reason for a course the person can take now."""
        if course.code in taken or missing_prerequisites(course.prerequisites, completed):
            return
        if not is_open_to(course.required_for, employee.role, employee.job_title, departments):
            return
        if course.code not in picks or _ORDER[reason] < _ORDER[picks[course.code][0]]:
            picks[course.code] = (reason, fmt)

    for course in courses.values():
        if is_required_for(course.required_for, employee.role, employee.job_title, departments):
            consider(course, "required")
    for weak_course in _weak_exams(db, employee.id, courses, rules.weak_exam_margin):
        for basic in _basics_for(weak_course, courses):
            consider(basic, "remedial", src=weak_course.code)
    have = set(split_list(employee.skills))
    for skill in rules.job_title_skills.get(employee.job_title, []):
        if skill in have:
            continue
        for course in sorted(courses.values(), key=lambda c: (c.difficulty, c.code)):
            if skill in split_list(course.skill_tags):
                consider(course, "skill_gap", skill=skill)
                break
    preferred = _FORMATS_FOR.get(employee.learning_preference, set())
    for course in courses.values():
        consider(course, "preferred_format" if course.format in preferred else "optional",
                 fmt=employee.learning_preference)
    ranked = sorted(picks.items(), key=lambda kv: (_ORDER[kv[1][0]], courses[kv[0]].format not in preferred, kv[0]))
    return [_recommendation(courses[code], reason, fmt) for code, (reason, fmt) in ranked][: limit or rules.max_results]


def _weak_exams(db: Session, employee_id: str, courses: dict[str, Course], margin: float):
    """Courses whose best exam score failed or passed by less than the margin."""
    best: dict[str, float] = {}
    for attempt in enrollment_repo.exam_attempts(db, employee_id):
        best[attempt.course_code] = max(best.get(attempt.course_code, 0.0), attempt.score)
    for code, score in sorted(best.items()):
        course = courses.get(code)
        if course is not None and score < course.passing_score + margin:
            yield course


def _basics_for(course: Course, courses: dict[str, Course]) -> list[Course]:
    """The prerequisites of a course, or else easier courses teaching the same skills."""
    prereqs = [courses[c] for c in split_list(course.prerequisites) if c in courses]
    if prereqs:
        return prereqs
    tags = set(split_list(course.skill_tags))
    return [c for c in courses.values() if c.code != course.code and c.difficulty < course.difficulty
            and tags.intersection(split_list(c.skill_tags))]


def _recommendation(course: Course, reason: str, fmt: dict) -> Recommendation:
    """Fill the bilingual reason text."""
    zh, en = REASON_TEXT[reason]
    words_zh, words_en = dict(fmt), dict(fmt)
    if "fmt" in fmt:  # the learning preference is a stored code: said in words in each language
        words_zh["fmt"], words_en["fmt"] = _FORMAT_WORDS.get(fmt["fmt"], (fmt["fmt"], fmt["fmt"]))
    if "skill" in fmt:
        words_en["skill"] = fmt["skill"].replace("-", " ")
    return Recommendation(course.code, course.title, reason, zh.format(**words_zh), en.format(**words_en))
