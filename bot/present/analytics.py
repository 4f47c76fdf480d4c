"""HR analytics as text: completion tables, satisfaction, course health, with definitions in the reader's language."""

from __future__ import annotations

from bot.present import numbers, words
from bot.present.names import Names
from hr.plural import be, count


def row_label(row, by: str, names: Names, language: str) -> str:
    """A report row's name: the department or course in the reader's language."""
    return names.department(row.key, language) if by == "department" else names.course(row.key, language)


def render_completion(report, rows, names: Names, language: str, scope_note: str, only=None) -> str:
    """Head with the total (or with the one row asked for, `only`), a Markdown table of the rows, the definition of
    the figure and its scope."""
    zh = language == "zh"
    by_word = ("部门" if report.by == "department" else "课程") if zh else report.by
    total = numbers.rate(report.total.numerator, report.total.denominator, language)
    head = (f"**{report.period} 培训完成率（按{by_word}）**，合计 {total}" if zh
            else f"**{report.period} training completion by {by_word}**: total {total}")
    if only is not None:  # "only R&D" after the table: that row's figure leads, the total is context
        label = row_label(only, report.by, names, language)
        rate = numbers.rate(only.completion.numerator, only.completion.denominator, language)
        head = (f"**{report.period} 培训完成率 · {label}**：{rate}（报表合计 {total}）" if zh
                else f"**{report.period} training completion · {label}**: {rate} (report total {total})")
    table = ["| " + " | ".join(("名称", "完成率", "已完成/应完成") if zh else ("Name", "Completion", "Done/Due")) + " |",
             "|---|---|---|"]
    for row in rows:
        rate = row.completion
        table.append(f"| {row_label(row, report.by, names, language)} | {numbers.percent(rate.value, language)} | "
                     f"{rate.numerator}/{rate.denominator} |")
    definition = ("口径：完成率 = 本期到期且已完成的报名数 ÷ 本期到期的报名数。" if zh else
                  "Definition: completion = enrollments due in the period and completed ÷ enrollments due in the period.")
    extremes = [] if only is not None else _extremes(report, rows, names, language)
    return "\n".join([head, *extremes, "", *table, "", definition, scope_note])


def _extremes(report, rows, names: Names, language: str) -> list[str]:
    """"最低：销售部 74.8%；最高：财务部 96.8%" over the rows that are parts of the whole (a row covering everything
    counted, such as the head office holding the whole company, is the total again), so "哪个部门最低？" is answered."""
    parts = [r for r in rows if r.completion.denominator and r.completion.denominator != report.total.denominator]
    if len(parts) < 3:
        return []
    low = min(parts, key=lambda r: (r.completion.value, r.key))
    high = max(parts, key=lambda r: (r.completion.value, r.key))
    if low.completion.value == high.completion.value:
        return []

    def shown(row):
        return f"{row_label(row, report.by, names, language)} {numbers.percent(row.completion.value, language)}"

    return [f"最低：{shown(low)}；最高：{shown(high)}" if language == "zh"
            else f"Lowest: {shown(low)}; highest: {shown(high)}"]


def render_satisfaction(rows, names: Names, language: str, period: str) -> str:
    """Per course: responses, average rating out of 5 and the share rated 4 or 5, best first."""
    zh = language == "zh"
    rated = sorted((r for r in rows if r.responses), key=lambda r: (-(r.average or 0), r.course_code))
    head = f"**{period} 课程满意度（一级评估：学员反应）**" if zh else f"**{period} course satisfaction (level 1: reaction)**"
    if not rated:
        return head + "\n" + ("这一期没有收到问卷。" if zh else "No survey responses in this period.")
    table = ["| " + " | ".join(("课程", "平均分（满分5）", "好评率", "问卷数") if zh
                                 else ("Course", "Average (of 5)", "Rated 4-5", "Responses")) + " |", "|---|---|---|---|"]
    for r in rated:
        table.append(f"| {names.course(r.course_code, language)} | {numbers.number(r.average, language)} | "
                     f"{numbers.percent(r.good_share, language)} | {r.responses} |")
    silent = [names.course(r.course_code, language) for r in rows if not r.responses]
    tail = [_overall_rating(rated, language)]
    if len(rated) > 1:  # the lowest named first: "that course" in a follow-up is the one to look at
        low, high = rated[-1], rated[0]
        tail.insert(0, f"最低：{names.course(low.course_code, language)} {numbers.number(low.average, language)} 分；"
                       f"最高：{names.course(high.course_code, language)} {numbers.number(high.average, language)} 分"
                    if zh else f"Lowest: {names.course(low.course_code, language)} "
                               f"{numbers.number(low.average, language)}; highest: "
                               f"{names.course(high.course_code, language)} {numbers.number(high.average, language)}")
    if silent:
        tail.append(("没有问卷的课程：" if zh else "No responses yet: ") + ("、" if zh else ", ").join(silent))
    return "\n".join([head, "", *table, "", *tail])


def lowest_rated(rows) -> str | None:
    """The course with the lowest average rating among those rated (None when fewer than two were rated)."""
    rated = sorted((r for r in rows if r.responses), key=lambda r: (-(r.average or 0), r.course_code))
    return rated[-1].course_code if len(rated) > 1 else None


def _overall_rating(rated, language: str) -> str:
    """"全部课程：平均 4.1 分（满分5），共 339 份问卷" over every response, each course weighted by its responses."""
    responses = sum(r.responses for r in rated)
    mean = sum((r.average or 0) * r.responses for r in rated) / responses
    return (f"全部课程：平均 {numbers.number(mean, language)} 分（满分5），共 {responses} 份问卷" if language == "zh"
            else f"All courses: average {numbers.number(mean, language)} of 5 over {responses} responses")


def render_health(rows, names: Names, language: str, period: str) -> str:
    """Which courses to redesign and which to promote, each with the figures that decided it, and the rule."""
    zh = language == "zh"
    lines = [f"**{period} 课程健康度**" if zh else f"**{period} course health**"]
    for verdict in ("redesign", "promote"):
        picked = [r for r in rows if r.verdict == verdict]
        label = words.verdict(verdict, language)
        lines.append("")
        lines.append(f"{label}（{len(picked)} 门）：" if zh else f"{label.capitalize()} ({len(picked)}):")
        if not picked:
            lines.append("- 无" if zh else "- none")
        for r in picked:
            quarters = ("，" if zh else ", ").join(f"{name} {numbers.percent(rate.value, language)}"
                                                  for name, rate in r.quarters)
            good = numbers.rate(r.good_ratings.numerator, r.good_ratings.denominator, language)
            lines.append(f"- {names.course(r.course_code, language)}：完成率 {quarters}；好评率 {good}" if zh
                         else f"- {names.course(r.course_code, language)}: completion {quarters}; rated 4-5 {good}")
    fine = [names.course(r.course_code, language) for r in rows if r.verdict not in ("redesign", "promote")]
    if fine:
        lines.append("")
        lines.append(("其余课程正常：" if zh else "The rest are fine: ") + ("、" if zh else ", ").join(fine))
    clause = rows[0].clause if rows else None
    if clause:
        lines.append("")
        lines.append(f"依据：{clause.text_zh}" if zh else f"Policy: {clause.text_en}")
    return "\n".join(lines)


def render_nudge_plan(plan_items, language: str, names: Names, limit: int | None = None) -> str:
    """Who would get a reminder and for which courses; who would be skipped and why (the first `limit` people by
    name, then how many more, so a company-wide preview stays readable)."""
    zh = language == "zh"
    sendable = [i for i in plan_items if not i.skip_reason]
    if sendable or not plan_items:
        head = f"将提醒 {len(sendable)} 人：" if zh else f"I would remind {count(len(sendable), 'person')}:"
    else:  # everyone behind is skipped: say who is behind rather than "I would remind 0 people"
        head = f"落后的 {len(plan_items)} 人现在都不能提醒：" if zh else \
            f"{count(len(plan_items), 'person')} {be(len(plan_items))} behind, but none can be reminded right now:"
    lines = [head]
    shown = plan_items if limit is None else plan_items[:limit]
    for item in shown:
        courses = ("、" if zh else ", ").join(names.course(c, language) for c in item.courses)
        skip = ""
        if item.skip_reason:
            reason = words.skip_reason(item.skip_reason, language)
            skip = f"（跳过：{reason}）" if zh else f" (skipped: {reason})"
        lines.append(f"- {item.name}（{item.employee_id}）：{courses}{skip}" if zh
                     else f"- {item.name} ({item.employee_id}): {courses}{skip}")
    if len(shown) < len(plan_items):
        more = len(plan_items) - len(shown)
        lines.append(f"……另有 {more} 人" if zh else f"… and {more} more")
    return "\n".join(lines)
