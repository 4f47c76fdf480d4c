"""A course's length and time allowed, from HR's catalogue: "数据分析那门大概要花多少时间", "how long do I have to finish
it?" are answered by the course record even when the course's pages never say it."""

from __future__ import annotations

import logging
import re

from bot.present import numbers, words
from bot.tools.common import hr_error
from bot.tools.context import TurnContext

log = logging.getLogger(__name__)

# how long the course takes or how long one has to finish it (not how long a rule's deadline is: those name no course)
_ASKS_LENGTH = re.compile(r"(学完|修完|上完|学|上|花).{0,6}(多长时间|多少时间|多久|几个?小时|多少个?小时|几个?学时|多少学时)|"
                          r"(多长时间|多少时间|多久).{0,4}(学完|修完|上完|完成|学)|时长|"
                          r"\bhow long (does|will|would) (it|this|that|the course|this course|that course) take\b|"
                          r"\bhow long (do|have) (i|we|you) (have|got) to (finish|complete|do)\b|"
                          r"\bhow long is (it|this course|that course|the course)\b|\bhow many hours\b|\bduration\b",
                          re.IGNORECASE)


def asks_course_length(question: str) -> bool:
    """True when the question asks how long a course takes or how long one has to finish it."""
    return bool(_ASKS_LENGTH.search(question))


def course_length_line(deps, ctx: TurnContext, code: str) -> str:
    """"课程目录：DATA-101 数据分析基础为文档自学，约 3 小时，须在报名后 90 天内完成。" ("" when HR has no such course or
    the caller may not see it)."""
    try:
        offers = deps.hr.offerings(ctx.caller)
    except Exception as exc:
        if not hr_error(exc):
            raise
        log.info("no catalogue entry for a course question: %s", getattr(exc, "code", "error"))
        return ""
    course = next((o.course for o in offers if o.course.code.upper() == code.upper()), None)
    if course is None:
        return ""
    days = course.due_days or deps.hr.policy.progress.default_due_days
    hours = numbers.number(course.hours, ctx.language)
    name = deps.names.course(course.code, ctx.language)
    kind = words.course_format(course.format, ctx.language)
    return ctx.say(f"课程目录：{name}（{kind}）约 {hours} 小时，须在报名或分配后 {days} 天内完成。",
                   f"Course catalogue: {name} ({kind}) takes about {hours} hours and is to be finished within "
                   f"{days} days of enrolling or being assigned.")
