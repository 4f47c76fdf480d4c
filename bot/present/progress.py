"""A person's or a team's progress in the reader's language, optionally only the overdue / behind / open courses."""

from __future__ import annotations

from datetime import date

from bot.present import numbers, words
from bot.present.names import Names
from hr.plural import count

ONLY = ("overdue", "behind", "open", "completed")
_ONLY_WORDS = {"overdue": ("已逾期的", "overdue"), "behind": ("落后的", "behind"), "open": ("未完成的", "not finished"),
               "completed": ("已完成的", "completed"), "next": ("最先到期的", "due first")}


def keep(course, only: str | None) -> bool:
    """Whether a course line belongs to the asked-for subset."""
    if only == "overdue":
        return course.overdue
    if only == "behind":
        return course.behind or course.overdue
    if only == "open":
        return course.status not in ("completed", "dropped")
    if only == "completed":
        return course.status == "completed"
    if only == "next":
        return keep(course, "open")
    return True


def subset(courses, only: str | None) -> list:
    """The asked-for courses; "next" is the one open course due soonest ("哪门最急？", "which is due first?")."""
    kept = [c for c in courses if keep(c, only)]
    if only == "next" and kept:
        return [min(kept, key=lambda c: (c.due_on is None, c.due_on or date.max))]
    return kept


def course_line(course, names: Names, language: str, exams: bool = False) -> str:
    """"- SEC-101 信息安全基础：已逾期，进度 5%，截止 2026年2月11日 ⚠"; exams: also how many official exam attempts
    it took and their scores (a one-course view: "他CS-101考了几次，最后多少分")."""
    return _plain_line(course, names, language) + (exam_attempts(course, language) if exams else "")


def exam_attempts(course, language: str) -> str:
    """"；正式考试 2 次：52 分、79 分" / "; official exam: 2 attempts (52, 79)"; that none was taken only for a course
    still open (a course completed without an exam has none to report)."""
    scores = tuple(getattr(course, "exam_scores", ()) or ())
    shown = [numbers.number(s, language) for s in scores]
    if not scores and course.status == "completed":
        return ""
    if language == "zh":
        if not scores:
            return "；还没有正式考试记录"
        latest = f"（最近一次 {shown[-1]} 分）" if len(shown) > 1 else ""
        return f"；正式考试 {len(scores)} 次：" + "、".join(f"{s} 分" for s in shown) + latest
    if not scores:
        return "; no official exam taken yet"
    latest = f"; latest {shown[-1]}" if len(shown) > 1 else ""
    return f"; official exam: {count(len(scores), 'attempt')} ({', '.join(shown)}{latest})"


def _plain_line(course, names: Names, language: str) -> str:
    """The course line without exam attempts."""
    state = "overdue" if course.overdue else course.status
    due = numbers.day(course.due_on, language)
    flag = " ⚠" if course.overdue or course.behind else ""
    title = names.course(course.course_code, language)
    if language == "zh":
        done = f"，完成于 {numbers.day(course.completed_on, 'zh')}" if course.completed_on else ""
        behind = "（进度落后）" if course.behind and not course.overdue else ""
        return f"- {title}：{words.status(state, 'zh')}{behind}，进度 {course.progress_pct}%，截止 {due}{done}{flag}"
    done = f", completed {numbers.day(course.completed_on, 'en')}" if course.completed_on else ""
    behind = " (behind)" if course.behind and not course.overdue else ""
    return f"- {title}: {words.status(state, 'en')}{behind}, {course.progress_pct}% done, due {due}{done}{flag}"


def render_person(progress, names: Names, language: str, only: str | None = None, own: bool = True,
                  exams: bool = False, course: str | None = None) -> str:
    """Head line with the completion rate, then the courses (or only the asked-for subset); exams: each course line
    also gives its official exam attempts and scores; course: the one course asked about (when the person is not
    enrolled in it, that is said, not "no courses enrolled")."""
    zh = language == "zh"
    who = ("你" if own else f"{progress.name}（{progress.employee_id}）") if zh else \
        ("Your" if own else f"{progress.name} ({progress.employee_id})'s")
    period = f"{progress.period} " if progress.period else ""
    rate = numbers.rate(progress.completion.numerator, progress.completion.denominator, language)
    head = (f"{who}的{period}学习进度：到期课程完成率 {rate}" if zh
            else f"{who} {period}learning progress: completion of courses due {rate}")
    courses = subset(progress.courses, only)
    lines = [head]
    if only:
        label = _ONLY_WORDS[only][0 if zh else 1]
        if only == "next":
            lines.append("最先到期的课程：" if zh else "Due first:")
        else:
            lines.append(f"{label}课程（{len(courses)} 门）：" if zh else f"Courses {label} ({len(courses)}):")
    lines += [course_line(c, names, language, exams) for c in courses]
    if not courses and course and not any(c.course_code == course for c in progress.courses):
        title = names.course(course, language)
        lines.append((f"{'你' if own else progress.name}没有报名 {title}。") if zh
                     else f"{'You are' if own else f'{progress.name} is'} not enrolled in {title}.")
    elif not courses:
        lines.append(("没有" + _ONLY_WORDS[only][0] + "课程。" if only else "没有报名任何课程。") if zh
                     else (f"No {_ONLY_WORDS[only][1]} courses." if only else "No courses enrolled."))
    return "\n".join(lines)


def render_team(team, names: Names, language: str, scope: str, only: str | None = None, limit: int = 15,
                course: str | None = None) -> str:
    """The team's combined rate (of one course when the view is of one), who is behind (named with their courses)
    and how many are on track."""
    zh = language == "zh"
    rate = numbers.rate(team.completion.numerator, team.completion.denominator, language)
    period = f"{team.period} " if team.period else ""
    if course:
        lines = [f"{scope}（{len(team.members)} 人）{period}{course} 的到期完成率 {rate}" if zh
                 else f"{scope} ({count(len(team.members), 'person')}) {period}{course}: completion of enrollments "
                      f"due {rate}"]
    else:
        lines = [f"{scope}（{len(team.members)} 人）{period}到期课程完成率 {rate}" if zh
                 else f"{scope} ({count(len(team.members), 'person')}) {period}completion of courses due: {rate}"]
    flagged = [m for m in team.members if any(keep(c, only or "behind") for c in m.courses)]
    flagged.sort(key=lambda m: (-sum(c.overdue for c in m.courses), m.employee_id))
    word = _ONLY_WORDS[only or "behind"][0 if zh else 1]
    behind_only = (only or "behind") == "behind"
    if not flagged:
        nobody_en = "Nobody is behind on any course." if behind_only else f"Nobody has {word} courses."
        lines.append((f"没有人有{word}课程。" if zh else nobody_en) + " 👍")
        return "\n".join(lines)
    many_en = f"People behind on courses ({len(flagged)}):" if behind_only else \
        f"People with {word} courses ({len(flagged)}):"
    lines.append(f"有{word}课程的人（{len(flagged)} 人）：" if zh else many_en)
    for member in flagged[:limit]:
        courses = [c for c in member.courses if keep(c, only or "behind")]
        shown = ("、" if zh else ", ").join(names.course(c.course_code, language) + _state_mark(c, zh) for c in courses)
        lines.append(f"- {member.name}（{member.employee_id}）：{shown}" if zh
                     else f"- {member.name} ({member.employee_id}): {shown}")
    if len(flagged) > limit:
        lines.append(f"……另有 {len(flagged) - limit} 人" if zh else f"…and {len(flagged) - limit} more")
    on_track = len(team.members) - len(flagged)
    if on_track and not only:
        lines.append(f"其余 {on_track} 人没有落后。" if zh else f"The other {on_track} are on track.")
    return "\n".join(lines)


def _state_mark(course, zh: bool) -> str:
    """" 已逾期" / " overdue", or " 进度落后" / " behind" for a course behind schedule but not yet due."""
    if course.overdue:
        return " 已逾期" if zh else " overdue"
    if course.behind:
        return " 进度落后" if zh else " behind"
    return ""
