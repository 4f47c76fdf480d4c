"""The words for HR's machine values (statuses, verdicts, skip reasons, roles) in Chinese and English."""

from __future__ import annotations

_STATUS = {
    "enrolled": ("已报名，未开始", "enrolled, not started"), "in_progress": ("学习中", "in progress"),
    "completed": ("已完成", "completed"), "overdue": ("已逾期", "overdue"), "dropped": ("已退课", "dropped"),
}
_VERDICT = {
    "met": ("达标", "meets target"), "excellent": ("优秀", "excellent"), "below_target": ("未达标", "below target"),
    "penalty": ("扣分", "penalty"), "bonus": ("加分", "bonus"), "yes": ("是", "yes"), "no": ("否", "no"),
    "redesign": ("需要重新设计", "needs a redesign"), "promote": ("值得推广", "worth promoting"),
    "ok": ("正常", "fine"), "not_counted": ("不计入", "not counted"),
}
_SKIP = {
    "quiet_hours": ("现在是免打扰时段，稍后再发", "it is quiet hours now; try later"),
    "already_nudged_today": ("今天已经提醒过", "already reminded today"),
    "delivery_failed": ("发送失败", "delivery failed"),
    "not_behind_or_not_in_team": ("没有落后或不在你的团队", "not behind, or not on your team"),
}
_ROLE = {
    "employee": ("员工", "employees"), "manager": ("经理", "managers"), "经理": ("经理", "managers"),
    "hr": ("HR", "HR staff"), "training_specialist": ("培训专员", "training specialists"),
}
_FORMAT = {
    "video": ("视频课", "video"), "document": ("文档自学", "self-study reading"), "live": ("直播/现场课", "live class"),
    "workshop": ("线下工作坊", "workshop"),
}


def _pick(table: dict[str, tuple[str, str]], key: str, language: str) -> str:
    """The word for a machine value; an unknown value is shown as written rather than dropped."""
    zh, en = table.get(key, (key, key.replace("_", " ")))
    return zh if language == "zh" else en


def status(value: str, language: str) -> str:
    """An enrollment status in words."""
    return _pick(_STATUS, value, language)


def verdict(value: str | None, language: str) -> str:
    """A KPI / health verdict in words ("" for none)."""
    return _pick(_VERDICT, value, language) if value else ""


def skip_reason(value: str, language: str) -> str:
    """Why a nudge was not sent, in words."""
    return _pick(_SKIP, value, language)


def role(value: str, language: str) -> str:
    """A role or job-title tag as a group of people."""
    return _pick(_ROLE, value, language)


_ONE_ROLE = {"employee": ("员工", "employee"), "manager": ("经理", "manager"), "hr": ("HR", "HR"),
             "training_specialist": ("培训专员", "training specialist")}


def one_role(value: str, language: str) -> str:
    """One person's role as a noun ("manager"), for when their free-text job title is in the other language."""
    return _pick(_ONE_ROLE, value, language)


def course_format(value: str, language: str) -> str:
    """A course's delivery format."""
    return _pick(_FORMAT, value, language)


def yes_no(value: bool, language: str) -> str:
    """是/否 or yes/no."""
    return verdict("yes" if value else "no", language)
