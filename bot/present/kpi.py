"""A KPI explanation in the reader's language: each figure, its working in words, the policy it rests on, what-ifs."""

from __future__ import annotations

from bot.present import numbers, words
from hr.plural import count, noun

_KIND_TITLE = {
    "employee": ("{name}（{id}）· {period} 培训 KPI", "{name} ({id}) · {period} training KPI"),
    "department": ("{name} · {period} 部门培训 KPI", "{name} · {period} department training KPI"),
    "company": ("{period} 培训专员 KPI（全公司）", "{period} training-specialist KPIs (whole company)"),
    "kirkpatrick": ("{period} 柯氏四级评估 · {name}", "{period} Kirkpatrick evaluation · {name}"),
}


def render_kpi(explanation, language: str, subject_name: str | None = None) -> str:
    """The whole explanation as Markdown lines; `subject_name` overrides HR's name (a department in English)."""
    zh = language == "zh"
    template = _KIND_TITLE.get(explanation.subject_kind, ("{name} · {period}", "{name} · {period}"))
    name = subject_name or explanation.subject_name
    lines = [f"**{(template[0] if zh else template[1]).format(name=name, id=explanation.subject_id, period=explanation.period)}**"]
    quoted: set[str] = set()
    for item in explanation.items:
        lines.append("- " + item_line(item, language))
        if item.clause and item.clause.key not in quoted and (item.clause.text_zh or item.clause.text_en):
            quoted.add(item.clause.key)
            lines.append(f"  {'依据' if zh else 'Policy'}：{item.clause.text_zh}" if zh
                         else f"  Policy: {item.clause.text_en}")
    for note in explanation.notes_zh if zh else explanation.notes_en:
        lines.append(f"* {note}")
    if explanation.what_ifs:
        lines.append("")
        lines.append("可以这样提升：" if zh else "What would change it:")
        lines += [f"→ {w.action_zh if zh else w.action_en}" for w in explanation.what_ifs]
    return "\n".join(lines)


def item_line(item, language: str) -> str:
    """One figure as a sentence that says what it means ("可评优秀：否（完成率 50.0% 低于 90%）")."""
    zh = language == "zh"
    label = item.label_zh if zh else item.label_en
    sep = "：" if zh else ": "
    if item.unit == "bool":
        return label + sep + _gate(item, language)
    if item.name == "training_points":
        return label + sep + _points(item, language)
    if item.name == "performance_adjustment":
        return label + sep + _adjustment(item, language)
    if item.verdict == "not_counted" and not (item.inputs or {}).get("denominator"):
        return label + sep + ("没有选修课程" if zh else "no optional courses")  # not "无数据（0/0），不计入"
    value = _value(item, language)
    detail = _detail(item, language)
    # "not counted" is in the label already ("选修课程完成（不计入）"): saying it again after the figure is noise
    verdict = "" if item.verdict == "not_counted" else words.verdict(item.verdict, language)
    target = _target(item, language)
    tail = "，".join(p for p in (verdict, target) if p) if zh else ", ".join(p for p in (verdict, target) if p)
    if zh and detail and value.endswith("）"):  # "80.4 分（满分 100，98 份问卷）", not two brackets in a row
        text = f"{value[:-1]}，{detail}）"
    else:
        text = value + (f"（{detail}）" if zh and detail else f" ({detail})" if detail else "")
    return label + sep + text + (("，" if zh else ", ") + tail if tail else "")


def _value(item, language: str) -> str:
    """The figure itself: a percentage for rates, a rounded number otherwise."""
    if item.unit == "rate":
        if item.name.endswith("_delta") and item.value is not None:
            return ("+" if item.value > 0 else "") + numbers.percent(item.value, language)
        return numbers.percent(item.value, language)
    if item.unit == "score":
        shown = numbers.number(item.value, language)
        return shown if item.value is None else (f"{shown} 分（满分 100）" if language == "zh" else f"{shown} / 100")
    return numbers.number(item.value, language)


def _detail(item, language: str) -> str:
    """The counts behind a figure: numerator/denominator, responses, or the groups compared."""
    zh = language == "zh"
    inputs = item.inputs or {}
    if "numerator" in inputs and "denominator" in inputs and item.unit == "rate":
        return f"{numbers.number(inputs['numerator'], language)}/{numbers.number(inputs['denominator'], language)}"
    if "responses" in inputs:
        return f"{inputs['responses']} 份问卷" if zh else count(inputs['responses'], 'response')
    if "trained_people" in inputs:
        return (f"受训 {inputs['trained_people']} 人 vs 未受训 {inputs['untrained_people']} 人" if zh
                else f"{inputs['trained_people']} trained vs {inputs['untrained_people']} untrained")
    return ""


def _target(item, language: str) -> str:
    """The bar the figure is judged against ("达标线 95%，优秀线 98%")."""
    thresholds = item.thresholds or {}
    if "met" not in thresholds:
        return ""
    shown = numbers.bar if item.unit == "rate" else (lambda v: numbers.number(v, language))
    if language == "zh":
        return f"达标线 {shown(thresholds['met'])}，优秀线 {shown(thresholds.get('excellent', thresholds['met']))}"
    return f"target {shown(thresholds['met'])}, excellent at {shown(thresholds.get('excellent', thresholds['met']))}"


def _gate(item, language: str) -> str:
    """A yes/no rule with its reason: "否（完成率 50.0% 低于 90%）"."""
    floor = (item.thresholds or {}).get("min_completion_rate")
    inputs = item.inputs or {}
    completion = numbers.rate(inputs.get("numerator", 0), inputs.get("denominator", 0), language) \
        if inputs.get("denominator") else numbers.percent(None, language)
    allowed = bool(item.value)
    answer = words.yes_no(allowed, language)
    if floor is None:
        return answer
    bar = numbers.bar(floor)
    if not inputs.get("denominator"):
        return (f"{answer}（本期没有到期课程，按规则视为满足 {bar} 的要求）" if language == "zh" and allowed
                else f"{answer}（本期没有到期课程）" if language == "zh"
                else f"{answer} (nothing was due this period, which counts as meeting the {bar} bar)" if allowed
                else f"{answer} (nothing was due this period)")
    if language == "zh":
        return f"{answer}（完成率 {completion} {'不低于' if allowed else '低于'} {bar}）"
    return f"{answer} (completion {completion} is {'at or above' if allowed else 'below'} {bar})"


def _points(item, language: str) -> str:
    """Training points with the parts they add up from."""
    inputs = item.inputs or {}
    maximum = (item.thresholds or {}).get("max")
    total = numbers.number(item.value, language)
    parts = (numbers.number(inputs.get("completion_part"), language), numbers.number(inputs.get("exam_part"), language))
    if language == "zh":
        head = f"{total} 分" + (f"（满分 {numbers.number(maximum, language)}）" if maximum else "")
        return f"{head} = 完成率得分 {parts[0]} + 考试通过率得分 {parts[1]}"
    head = f"{total} {noun(item.value, 'point')}" + (f" (out of {numbers.number(maximum, language)})" if maximum else "")
    return f"{head} = {parts[0]} for completion + {parts[1]} for exam passes"


def _adjustment(item, language: str) -> str:
    """A department's band adjustment with the reason it applies (or does not)."""
    inputs = item.inputs or {}
    completion = numbers.rate(inputs.get("numerator", 0), inputs.get("denominator", 0), language)
    below = (item.thresholds or {}).get("below")
    at_least = (item.thresholds or {}).get("at_least")
    value = numbers.signed(item.value or 0, language)
    if language == "zh":
        if item.verdict == "penalty" and below is not None:
            return f"{value}（完成率 {completion} 低于 {numbers.bar(below)}，扣分）"
        if item.verdict == "bonus" and at_least is not None:
            return f"{value}（完成率 {completion} 达到 {numbers.bar(at_least)}，加分）"
        bar = f"，不低于 {numbers.bar(below)}" if below is not None else ""
        return f"{value}（完成率 {completion}{bar}，不扣分也不加分）"
    if item.verdict == "penalty" and below is not None:
        return f"{value} (completion {completion} is below {numbers.bar(below)}: penalty)"
    if item.verdict == "bonus" and at_least is not None:
        return f"{value} (completion {completion} reaches {numbers.bar(at_least)}: bonus)"
    bar = f", not below {numbers.bar(below)}" if below is not None else ""
    return f"{value} (completion {completion}{bar}: no penalty or bonus)"


def render_department_table(explanations, names, language: str) -> str:
    """Every department's KPI side by side, lowest completion first (those the penalty band hits lead)."""
    zh = language == "zh"
    if not explanations:
        return "没有可以查看的部门。" if zh else "There is no department you may see."
    period = explanations[0].period
    rows = sorted(explanations, key=lambda k: (k.item("completion_rate").value is None,
                                               k.item("completion_rate").value or 0.0, k.subject_id))
    head = f"**{period} 各部门培训 KPI**（按完成率从低到高）" if zh else \
        f"**{period} training KPI by department** (lowest completion first)"
    columns = ("部门", "完成率", "绩效调整", "考试通过率", "按时完成率") if zh else \
        ("Department", "Completion", "Adjustment", "Exam pass rate", "On time")
    table = ["| " + " | ".join(columns) + " |", "|---|---|---|---|---|"]
    for kpi in rows:
        completion, adjustment = kpi.item("completion_rate"), kpi.item("performance_adjustment")
        cells = (names.department(kpi.subject_id, language), _rate_cell(completion, language),
                 numbers.signed(adjustment.value or 0.0, language),
                 _rate_cell(kpi.item("exam_pass_rate"), language), _rate_cell(kpi.item("timeliness_rate"), language))
        table.append("| " + " | ".join(cells) + " |")
    clause = next((k.item("performance_adjustment").clause for k in rows if k.item("performance_adjustment").clause),
                  None)
    lines = [head, "", *table, ""]
    lines.append("口径：完成率含下级部门；绩效调整按部门完成率所在区间计。" if zh else
                 "Completion includes sub-departments; the adjustment follows the band the department's completion falls in.")
    if clause:
        lines.append(f"依据：{clause.text_zh}" if zh else f"Policy: {clause.text_en}")
    lines.append("想看某个部门的计算过程，可以说“研发部的KPI”。" if zh else
                 "For one department's working, ask e.g. \"R&D's KPI\".")
    return "\n".join(lines)


def _rate_cell(item, language: str) -> str:
    """A rate with its counts for a table cell: "51.2% (22/43)"."""
    inputs = item.inputs or {}
    if item.value is None or "denominator" not in inputs:
        return numbers.percent(item.value, language)
    return numbers.rate(inputs["numerator"], inputs["denominator"], language)
