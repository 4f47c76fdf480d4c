"""Completion charts as PNG bytes (matplotlib, headless, imported only when a chart is asked for)."""

from __future__ import annotations

import io

from hr.services.reports import CompletionReport


def completion_chart_png(report: CompletionReport, lang: str = "zh", floor: float | None = None) -> bytes:
    """A horizontal bar chart of completion rate per row, with n/N labels and the policy floor line (if any)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    cjk = [f.name for f in font_manager.fontManager.ttflist
           if any(k in f.name for k in ("Noto Sans CJK", "WenQuanYi", "SimHei", "Source Han", "Droid Sans Fallback"))]
    use_zh = lang.startswith("zh") and bool(cjk)
    rows = [r for r in report.rows if r.completion.denominator]
    labels = [(r.label if use_zh else r.key) for r in rows]
    values = [100 * (r.completion.value or 0) for r in rows]
    # Names come from HR's data: '$' or '\\' must be drawn as text, never parsed as matplotlib mathtext.
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        return _draw(plt, report, rows, labels, values, use_zh, cjk, floor)


def _draw(plt, report: CompletionReport, rows, labels, values, use_zh: bool, cjk: list[str],
          floor: float | None) -> bytes:
    """Draw and encode the figure (inside the caller's rc_context)."""
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(rows), 3) + 1.2), dpi=100)
    try:
        if use_zh:
            plt.rcParams["font.sans-serif"] = [cjk[0], "DejaVu Sans"]
        bars = ax.barh(labels, values, color=["#d9534f" if floor is not None and v < floor * 100 else "#5cb85c" for v in values])
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
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(fig)
