"""Completion trends and exam results per course as text: a table, the change or the weakest line, the definition."""

from __future__ import annotations

from bot.present import numbers
from bot.present.names import Names


def scope_note(scope: str, names: Names, language: str) -> str:
    """"范围：全公司" / "Scope: your team" / "Scope: R&D" from a report's scope label."""
    kind, _, key = scope.partition(":")
    zh = language == "zh"
    if kind == "department":
        name = names.department(key, language)
        return f"范围：{name}（含下级部门）。" if zh else f"Scope: {name}, including its sub-departments."
    if kind == "team":
        return "范围：你的团队（含下级团队）。" if zh else "Scope: your team, including sub-teams."
    return "范围：全公司。" if zh else "Scope: the whole company."


def render_trend(trend, names: Names, language: str) -> str:
    """Head, the change from the first to the last finished step, a table oldest first, definition and scope."""
    zh = language == "zh"
    points = trend.points
    step_word = ("按月" if trend.step == "month" else "按季度") if zh else ("by month" if trend.step == "month"
                                                                         else "by quarter")
    focus = names.course(trend.course_code, language) if trend.course_code else ""
    span = f"{points[0].period}–{points[-1].period}" if points else ""
    head = (f"**培训完成率趋势（{step_word}，{span}）{'· ' + focus if focus else ''}**" if zh
            else f"**Training completion trend ({step_word}, {span}){' · ' + focus if focus else ''}**")
    table = ["| " + " | ".join(("期间", "完成率", "已完成/应完成") if zh else ("Period", "Completion", "Done/Due")) + " |",
             "|---|---|---|"]
    for p in points:
        mark = ("（进行中）" if zh else " (in progress)") if p.partial else ""
        table.append(f"| {p.period}{mark} | {numbers.percent(p.completion.value, language)} | "
                     f"{p.completion.numerator}/{p.completion.denominator} |")
    definition = ("口径：每期的完成率 = 该期到期且已完成的报名数 ÷ 该期到期的报名数；进行中的一期还有未到期的课程。" if zh
                  else "Definition: each period's completion = enrollments due in it and completed ÷ enrollments due "
                       "in it; the period in progress still has courses not yet due.")
    return "\n".join([head, *_change(trend, language), "", *table, "", definition,
                      scope_note(trend.scope, names, language)])


def _change(trend, language: str) -> list[str]:
    """"从 2026-07 的 90.9% 到 2026-11 的 78.9%，下降 12.0 个百分点；最低 2026-10 78.1%" over finished steps."""
    done = [p for p in trend.counted() if not p.partial]
    zh = language == "zh"
    if not done:
        return ["这段时间没有到期的课程。" if zh else "Nothing was due in this span."]
    if len(done) == 1:
        return []
    first, last = done[0], done[-1]
    delta = 100 * (last.completion.value - first.completion.value)
    pct = numbers.percent
    if abs(delta) < 0.05:
        moved = "持平" if zh else "unchanged"
    else:
        moved = (f"{'上升' if delta > 0 else '下降'} {numbers.number(abs(delta), language)} 个百分点" if zh
                 else f"{'up' if delta > 0 else 'down'} {numbers.number(abs(delta), language)} points")
    low = min(done, key=lambda p: (p.completion.value, p.period))
    high = max(done, key=lambda p: (p.completion.value, p.period))
    if zh:
        return [f"变化：从 {first.period} 的 {pct(first.completion.value, language)} 到 {last.period} 的 "
                f"{pct(last.completion.value, language)}，{moved}；最低 {low.period} "
                f"{pct(low.completion.value, language)}，最高 {high.period} {pct(high.completion.value, language)}。"]
    return [f"Change: from {pct(first.completion.value, language)} in {first.period} to "
            f"{pct(last.completion.value, language)} in {last.period}, {moved}; lowest {low.period} "
            f"{pct(low.completion.value, language)}, highest {high.period} {pct(high.completion.value, language)}."]


def render_exam_report(report, names: Names, language: str) -> str:
    """Official exam results per course, lowest pass rate first, with the weakest course named and the definitions."""
    zh = language == "zh"
    head = (f"**{report.period} 各课程考试结果（正式考试，通过率从低到高）**" if zh
            else f"**{report.period} exam results by course (official exams, lowest pass rate first)**")
    if getattr(report, "course_code", None):
        one = names.course(report.course_code, language)
        head = f"**{report.period} {one} 考试结果（正式考试）**" if zh else f"**{report.period} {one} exam results (official exams)**"
    if not report.rows:
        return "\n".join([head, "这一期没有正式考试记录。" if zh else "No official exams in this period.",
                          scope_note(report.scope, names, language)])
    table = ["| " + " | ".join(("课程", "通过率", "首考通过率", "平均分（及格线）", "考试次数") if zh
                                 else ("Course", "Pass rate", "First-attempt pass", "Mean score (pass mark)",
                                       "Attempts")) + " |", "|---|---|---|---|---|"]
    for r in report.rows:
        table.append(f"| {names.course(r.course_code, language)} | "
                     f"{numbers.rate(r.passed.numerator, r.passed.denominator, language)} | "
                     f"{numbers.percent(r.first_attempt.value, language)} | "
                     f"{numbers.number(r.mean_score, language)}（{numbers.number(r.passing_score, language)}） | "
                     f"{r.attempts} |" if zh else
                     f"| {names.course(r.course_code, language)} | "
                     f"{numbers.rate(r.passed.numerator, r.passed.denominator, language)} | "
                     f"{numbers.percent(r.first_attempt.value, language)} | "
                     f"{numbers.number(r.mean_score, language)} ({numbers.number(r.passing_score, language)}) | "
                     f"{r.attempts} |")
    lead = _weakest(report.rows, names, language)
    definition = ("口径：通过率 = 通过的人数 ÷ 参加考试的人数（同一人同一课程计一次，补考通过也算）；首考通过率只看第一次考试；"
                  "练习测验不计入。" if zh else
                  "Definition: pass rate = people who passed ÷ people examined (one per person and course, a passed "
                  "retake counts); first-attempt pass looks at the first exam only; practice quizzes never count.")
    return "\n".join([head, lead, "", *table, "", definition, scope_note(report.scope, names, language)])


def _weakest(rows, names: Names, language: str) -> str:
    """The course people fail most; when every pass rate ties, the one with the lowest first-attempt pass rate."""
    weakest, pct = rows[0], numbers.percent
    course = names.course(weakest.course_code, language)
    if len(rows) == 1:  # one course asked for ("只看 SEC-101"): its own rate, nothing to rank
        return (f"{course} 通过率 {pct(weakest.passed.value, language)}" if language == "zh"
                else f"{course}: pass rate {pct(weakest.passed.value, language)}")
    if len(rows) > 1 and weakest.passed.value == rows[-1].passed.value:
        shared = pct(weakest.passed.value, language)
        first = pct(weakest.first_attempt.value, language)
        return (f"各课程通过率相同（{shared}）；首考通过率最低：{course} {first}" if language == "zh"
                else f"Every course's pass rate is {shared}; lowest first-attempt pass rate: {course} {first}")
    return (f"通过率最低：{course} {pct(weakest.passed.value, language)}" if language == "zh"
            else f"Lowest pass rate: {course} {pct(weakest.passed.value, language)}")


def render_matrix(matrix, names: Names, language: str) -> str:
    """Rows (departments or courses) by steps (months or quarters), each cell a completion rate, with the change
    over the finished steps and the row that fell most."""
    zh = language == "zh"
    step_word = ("按月" if matrix.step == "month" else "按季度") if zh else ("by month" if matrix.step == "month"
                                                                           else "by quarter")
    by_word = ("部门" if matrix.by == "department" else "课程") if zh else matrix.by
    span = f"{matrix.periods[0]}–{matrix.periods[-1]}" if matrix.periods else ""
    head = (f"**培训完成率趋势 · 按{by_word}（{step_word}，{span}）**" if zh
            else f"**Training completion trend by {by_word} ({step_word}, {span})**")
    mark = "（进行中）" if zh else " (in progress)"
    columns = [p + (mark if p == matrix.partial else "") for p in matrix.periods]
    table = ["| " + " | ".join([by_word.capitalize() if not zh else by_word, *columns, "变化" if zh else "Change"]) + " |",
             "|" + "---|" * (len(columns) + 2)]
    finished = [i for i, p in enumerate(matrix.periods) if p != matrix.partial]
    changes = []
    for key, _label, rates in matrix.rows:
        name = names.department(key, language) if matrix.by == "department" else names.course(key, language)
        cells = [numbers.percent(r.value, language) if r.denominator else "—" for r in rates]
        seen = [rates[i].value for i in finished if rates[i].denominator]
        delta = 100 * (seen[-1] - seen[0]) if len(seen) > 1 else None
        if delta is not None:
            changes.append((delta, name))
        table.append(f"| {name} | " + " | ".join(cells) + f" | {_points(delta, language)} |")
    lines = [head]
    if changes and (worst := min(changes))[0] < 0:
        lines.append(f"下降最多：{worst[1]}（{_points(worst[0], language)}）" if zh
                     else f"Fell most: {worst[1]} ({_points(worst[0], language)})")
    definition = ("口径：每格 = 该期到期且已完成的报名数 ÷ 该期到期的报名数；“变化”比较已结束的第一期和最后一期；— 表示该期没有到期课程。"
                  if zh else "Definition: each cell = enrollments due in that period and completed ÷ enrollments due "
                  "in it; Change compares the first and last finished periods; — means nothing was due.")
    return "\n".join([*lines, "", *table, "", definition, scope_note(matrix.scope, names, language)])


def _points(delta: float | None, language: str) -> str:
    """"+3.2 个百分点" / "-5 points" / "—"."""
    if delta is None:
        return "—"
    shown = ("+" if delta > 0 else "") + numbers.number(delta, language)
    return f"{shown} 个百分点" if language == "zh" else f"{shown} points"
