"""Typed view of the policy YAML, with every clause's human text kept for explanations."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hr.errors import invalid

DEFAULT_POLICY_FILE = Path(__file__).resolve().parent / "default_policy.yaml"


class Clause(BaseModel):
    """A policy clause: its human text in both languages (the YAML key is attached by the loader)."""

    model_config = ConfigDict(extra="forbid")
    text_zh: str = ""
    text_en: str = ""


class TrainingPoints(Clause):
    """Weights of the employee training points."""

    completion_weight: float = Field(ge=0)
    exam_pass_weight: float = Field(ge=0)
    empty_rate_counts_as: float = Field(1.0, ge=0, le=1)


class RateFloor(Clause):
    """A minimum completion rate that gates something (excellent rating, promotion)."""

    min_completion_rate: float = Field(ge=0, le=1)


class EmployeeRules(BaseModel):
    """Rules about one person's training standing."""

    model_config = ConfigDict(extra="forbid")
    training_points: TrainingPoints
    excellent_floor: RateFloor
    promotion: RateFloor


class AdjustmentBand(Clause):
    """A department completion band and the adjustment it brings (negative = penalty)."""

    below: float | None = Field(None, ge=0, le=1)
    at_least: float | None = Field(None, ge=0, le=1)
    adjustment: float


class DepartmentRules(BaseModel):
    """Department-level adjustment bands."""

    model_config = ConfigDict(extra="forbid")
    adjustment_bands: list[AdjustmentBand] = Field(default_factory=list)


class Target(Clause):
    """A KPI target: the value that meets it and the value that is excellent."""

    model_config = ConfigDict(extra="allow")
    met: float
    excellent: float


class SpecialistRules(BaseModel):
    """Targets of the training specialist KPIs."""

    model_config = ConfigDict(extra="forbid")
    plan_completion_rate: Target
    timeliness_rate: Target
    participation_rate: Target
    course_coverage: Target
    instructor_utilisation: Target
    venue_utilisation: Target
    satisfaction_score: Target
    exam_pass_rate: Target


class CourseHealthRules(Clause):
    """When a course needs redesign or deserves promotion."""

    redesign_below_completion: float = Field(ge=0, le=1)
    redesign_after_quarters: int = Field(ge=1)
    promote_above_rating: float = Field(ge=0, le=1)
    good_rating_at_least: int = Field(ge=1, le=5)
    min_ratings_to_promote: int = Field(1, ge=1)


class KirkpatrickRules(BaseModel):
    """Targets for the level 3/4 trained-vs-untrained deltas."""

    model_config = ConfigDict(extra="forbid")
    level3: Target
    level4: Target


class ProgressRules(BaseModel):
    """What counts as being behind."""

    model_config = ConfigDict(extra="forbid")
    behind_within_days: int = Field(ge=0)
    behind_below_pct: int = Field(ge=0, le=100)
    default_due_days: int = Field(90, ge=1)


class NotificationRules(BaseModel):
    """Quiet hours, nudge limits and reminder timing."""

    model_config = ConfigDict(extra="forbid")
    timezone: str = "Asia/Shanghai"
    quiet_hours_start: str = "21:00"
    quiet_hours_end: str = "08:00"
    max_nudges_per_person_per_day: int = Field(1, ge=1)
    reminder_days_before_session: list[int] = Field(default_factory=lambda: [3, 0])
    max_delivery_attempts: int = Field(3, ge=1, description="tries per notice before it is marked failed")
    retry_after_minutes: list[int] = Field(default_factory=lambda: [1, 10],
                                           description="wait after the 1st, 2nd... failed try (last value repeats)")

    def retry_delay_minutes(self, failed_attempts: int) -> int:
        """Minutes to wait after this many failed tries."""
        waits = self.retry_after_minutes or [1]
        return waits[min(failed_attempts, len(waits)) - 1]


class SurveyRules(BaseModel):
    """Course surveys (Kirkpatrick level 1): who is asked after completing a course, and how long a reply is awaited."""

    model_config = ConfigDict(extra="forbid")
    invite_on_completion: bool = True
    invite_within_days: int = Field(14, ge=0, description="completions at most this old get a survey notice")
    reply_window_days: int = Field(7, ge=1, description="a plain rating in a DM answers a survey sent this recently")


class RecommendationRules(BaseModel):
    """Tuning of course recommendations."""

    model_config = ConfigDict(extra="forbid")
    weak_exam_margin: float = 10
    max_results: int = Field(5, ge=1)
    job_title_skills: dict[str, list[str]] = Field(default_factory=dict)


class CompletionRules(Clause):
    """Which enrollments a completion rate counts: `required` courses only, or also any `assigned` to the person."""

    completion_counts: Literal["required", "assigned"] = "required"


class ExamRules(Clause):
    """Official exams: how many retakes after a failed attempt, and how many questions an exam has."""

    max_retakes: int = Field(1, ge=0, description="official attempts allowed per enrollment = 1 + max_retakes")
    questions: int = Field(10, ge=1, le=100, description="questions in an official exam unless the course overrides")
    questions_by_course: dict[str, int] = Field(default_factory=dict)

    def question_count(self, course_code: str) -> int:
        """The number of questions an official exam of this course has."""
        return int(self.questions_by_course.get(course_code.upper(), self.questions))

    @property
    def attempts_allowed(self) -> int:
        """Official attempts one enrollment may use."""
        return 1 + self.max_retakes


class Policy(BaseModel):
    """The whole policy file; `source` records which file it came from."""

    model_config = ConfigDict(extra="forbid")
    version: int = 1
    name: str = "policy"
    source: str = ""
    completion: CompletionRules = Field(default_factory=CompletionRules)
    employee: EmployeeRules
    department: DepartmentRules
    specialist: SpecialistRules
    course_health: CourseHealthRules
    kirkpatrick: KirkpatrickRules
    progress: ProgressRules
    notifications: NotificationRules
    recommendations: RecommendationRules
    exams: ExamRules = Field(default_factory=ExamRules)
    surveys: SurveyRules = Field(default_factory=SurveyRules)


def load_policy(path: str | Path | None = None) -> Policy:
    """Read and validate a policy file (the bundled default when path is None); bad files raise HRError 'invalid'."""
    file = Path(path) if path else DEFAULT_POLICY_FILE
    if not file.is_file():
        raise invalid(f"Policy file {file} does not exist; pass an existing YAML file or unset MENTOR_HR_POLICY_FILE.",
                      f"策略文件 {file} 不存在；请指定存在的 YAML 文件，或取消设置 MENTOR_HR_POLICY_FILE。")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        return Policy.model_validate({**data, "source": str(file)})
    except (yaml.YAMLError, ValidationError) as exc:
        raise invalid(f"Policy file {file} is not valid: {exc}. Fix the listed keys (see the bundled default_policy.yaml).",
                      f"策略文件 {file} 格式有误：{exc}。请按提示修正（可参考内置 default_policy.yaml）。") from exc
