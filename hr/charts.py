"""Completion charts as PNG bytes (matplotlib, headless, imported only when a chart is asked for)."""

from __future__ import annotations

import io
from contextlib import contextmanager

from hr.services.reports import CompletionReport
from hr.services.trends import CompletionMatrix, CompletionTrend


def _pyplot(lang: str):
    """matplotlib's pyplot on the headless backend, the CJK fonts installed, and whether Chinese labels can be drawn."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    cjk = [f.name for f in font_manager.fontManager.ttflist
           if any(k in f.name for k in ("Noto Sans CJK", "WenQuanYi", "SimHei", "Source Han", "Droid Sans Fallback"))]
    return matplotlib, plt, cjk, lang.startswith("zh") and bool(cjk)


def _png(plt, fig) -> bytes:
    """Encode a finished figure."""
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


@contextmanager
def _figure(lang: str, size: tuple[float, float]):
    """A headless figure and axes, names drawn as plain text and in a CJK font when one is installed; closed after.
    Yields (plt, fig, ax, use_zh)."""
    matplotlib, plt, cjk, use_zh = _pyplot(lang)
    # Names come from HR's data: '$' or '\\' must be drawn as text, never parsed as matplotlib mathtext.
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        fig, ax = plt.subplots(figsize=size, dpi=100)
        try:
            if use_zh:
                plt.rcParams["font.sans-serif"] = [cjk[0], "DejaVu Sans"]
            yield plt, fig, ax, use_zh
        finally:
            plt.close(fig)


def _percent_over_steps(ax, ticks: list[str], floor: float | None) -> None:
    """The axes of completion over months or quarters: one tick per step, 0-110 %, the policy floor dashed."""
    if floor is not None:
        ax.axhline(floor * 100, color="#888", linestyle="--", linewidth=1)
    ax.set_xticks(range(len(ticks)), ticks, rotation=30)
    ax.set_ylim(0, 110)
    ax.set_ylabel("%")


def trend_chart_png(trend: CompletionTrend, lang: str = "zh", floor: float | None = None) -> bytes:
    """A line of completion per month or quarter with n/N labels, the policy floor dashed, the current step hollow."""
    points = trend.points
    values = [None if p.completion.value is None else 100 * p.completion.value for p in points]
    with _figure(lang, (max(6, 0.8 * len(points) + 2), 4)) as (plt, fig, ax, use_zh):
        known = [(i, v) for i, v in enumerate(values) if v is not None]
        ax.plot([i for i, _ in known], [v for _, v in known], color="#337ab7", marker="o")
        for i, v in known:
            point = points[i]
            ax.annotate(f"{point.completion.numerator}/{point.completion.denominator}", (i, v),
                        textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
            if point.partial:
                ax.plot([i], [v], marker="o", color="white", markeredgecolor="#337ab7")
        _percent_over_steps(ax, [p.period for p in points], floor)
        ax.set_title("培训完成率趋势" if use_zh else "Training completion trend")
        return _png(plt, fig)


def matrix_chart_png(matrix: CompletionMatrix, lang: str = "zh", floor: float | None = None,
                     label_of=None) -> bytes:
    """One completion line per department or course over the steps, so 'how did each department change' is seen.

    label_of(key, language) names a row in the language the chart can draw (the bot passes its own names)."""
    names = {key: label for key, label, _ in matrix.rows}
    name = label_of or (lambda key, language: names[key] if language == "zh" else key)
    with _figure(lang, (max(7, 0.8 * len(matrix.periods) + 4), 4.5)) as (plt, fig, ax, use_zh):
        drawn = "zh" if use_zh else "en"  # without a CJK font a Chinese reader's legend falls back to English names
        for key, _label, rates in matrix.rows:
            known = [(i, 100 * r.value) for i, r in enumerate(rates) if r.denominator and r.value is not None]
            if known:
                ax.plot([i for i, _ in known], [v for _, v in known], marker="o", label=name(key, drawn))
        _percent_over_steps(ax, [f"{p}*" if p == matrix.partial else p for p in matrix.periods], floor)
        ax.set_title("各期培训完成率（*为进行中）" if use_zh else "Training completion per period (* in progress)")
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
        return _png(plt, fig)


def completion_chart_png(report: CompletionReport, lang: str = "zh", floor: float | None = None) -> bytes:
    """A horizontal bar chart of completion rate per row, with n/N labels and the policy floor line (if any)."""
    rows = [r for r in report.rows if r.completion.denominator]
    values = [100 * (r.completion.value or 0) for r in rows]
    with _figure(lang, (8, 0.45 * max(len(rows), 3) + 1.2)) as (plt, fig, ax, use_zh):
        labels = [(r.label if use_zh else r.key) for r in rows]
        bars = ax.barh(labels, values, color=["#d9534f" if floor is not None and v < floor * 100 else "#5cb85c"
                                              for v in values])
        for bar, row in zip(bars, rows, strict=True):
            ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2,
                    f"{row.completion.numerator}/{row.completion.denominator}", va="center", fontsize=8)
        if floor is not None:
            ax.axvline(floor * 100, color="#888", linestyle="--", linewidth=1)
        ax.set_xlim(0, 110)
        ax.invert_yaxis()
        title = (f"{report.period} 培训完成率" if use_zh else f"{report.period} training completion") + f" ({report.by})"
        ax.set_title(title)
        ax.set_xlabel("%")
        return _png(plt, fig)
