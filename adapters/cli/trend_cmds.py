"""`mentor report trend|exams`: completion over time and exam results per course, as text (or JSON) and a chart."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from adapters.cli.hr_cmds import AS, JSON, LANG, PERIOD, _caller, _fail, _service, report_app
from hr.errors import HRError


def _names(service):
    """Course and department names for the text form, in both languages."""
    from bot.tools.catalog_loader import load_catalog, names_of

    return names_of(load_catalog(service.engine))


def report_trend(step: str = typer.Option("month", "--by", help="month or quarter"),
                 points: int = typer.Option(None, "--last", help="How many months or quarters back, ending now."),
                 period: str = typer.Option(None, "--period", help="A year (2026) or quarter (2026Q3) to show."),
                 department: str = typer.Option(None, "--department", help="Department id, e.g. rnd."),
                 course: str = typer.Option(None, "--course", help="Course code, e.g. SEC-101."),
                 chart: Path = typer.Option(None, "--chart", help="Write a PNG here."),
                 as_id: str = AS, as_json: bool = JSON, lang: str = LANG) -> None:
    """Completion per month or quarter (the last 6 months by default), with the change and a line chart."""
    from bot.present.trends import render_trend

    service = _service()
    try:
        trend = service.completion_trend(_caller(service, as_id), step, period, points, department, course)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(json.dumps(trend.to_dict(), ensure_ascii=False, indent=2) if as_json
               else render_trend(trend, _names(service), lang))
    if chart:
        chart.write_bytes(service.trend_chart(trend, lang))
        typer.echo(f"chart written to {chart}", err=True)


def report_exams(period: str = PERIOD, department: str = typer.Option(None, "--department", help="Department id."),
                 course: str = typer.Option(None, "--course", help="One course code (default: every course)."),
                 as_id: str = AS, as_json: bool = JSON, lang: str = LANG) -> None:
    """Official exam results per course, the lowest pass rate first (practice quizzes never count)."""
    from bot.present.trends import render_exam_report

    service = _service()
    try:
        report = service.exam_report(_caller(service, as_id), period, department, course)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json
               else render_exam_report(report, _names(service), lang))


def register(app: typer.Typer) -> None:
    """Add the commands to `mentor report` (the group hr_cmds attaches to the root CLI)."""
    report_app.command("trend")(report_trend)
    report_app.command("exams")(report_exams)
