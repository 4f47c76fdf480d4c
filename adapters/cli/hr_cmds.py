"""`mentor db|org|kpi|report|enroll|progress|jobs`: the HR commands (thin: parse, call HRService, print)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from hr.caller import Caller
from hr.errors import HRError

ADMIN = Caller(id="cli-admin", role="hr", department_id="corp")

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
org_app = typer.Typer(help="Organisation data (CSV import).", no_args_is_help=True)
kpi_app = typer.Typer(help="KPI standing with the working shown.", no_args_is_help=True)
report_app = typer.Typer(help="Completion reports and charts.", no_args_is_help=True)
jobs_app = typer.Typer(help="Scheduled work (run from cron every minute).", no_args_is_help=True)
exam_app = typer.Typer(help="Official exams: schedule one for someone, or enter a result held elsewhere.",
                       no_args_is_help=True)
notices_app = typer.Typer(help="The notification outbox: pending, sent, failed and skipped notices.",
                          no_args_is_help=True)

PERIOD = typer.Option(None, "--period", help="2026Q3 or 2026; default the current quarter.")
POLICY = typer.Option(None, "--policy", help="Policy YAML; default MENTOR_HR_POLICY_FILE or the bundled one.")
AS = typer.Option(None, "--as", help="Act as this employee id (RBAC applies); default an HR operator.")
JSON = typer.Option(False, "--json", help="Print JSON.")
LANG = typer.Option("zh", "--lang", help="zh or en for text output.")


def _settings():
    """Settings read now (never at import time)."""
    from adapters.settings import load_settings

    return load_settings()


def _service(policy: Path | None = None):
    """The HR service from the composition root (the configured database, policy and Slack/WeCom delivery; with no
    channel configured, notices are queued, not printed or marked sent)."""
    from adapters.wiring import build_hr_command_context

    return build_hr_command_context(_settings(), policy).hr


def _caller(service, as_id: str | None) -> Caller:
    """The acting identity."""
    return service.caller_for(as_id) if as_id else ADMIN


def _fail(exc: HRError, lang: str = "zh") -> None:
    """Print a refusal and exit non-zero."""
    typer.secho(f"{exc.code}: {exc.message(lang)}", err=True, fg="red")
    raise typer.Exit(2)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every migration branch up to its head (safe to repeat)."""
    from adapters.wiring import migrate

    typer.echo(f"database at heads: {migrate(_settings())}")


@org_app.command("import")
def org_import(directory: Path = typer.Argument(..., help="Folder with departments.csv, employees.csv, ..."),
               skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Write the valid rows anyway."),
               assign_required: bool = typer.Option(
                   False, "--assign-required", help="Enroll new hires and people whose role, title or department "
                   "changed in the courses now required for them."),
               as_json: bool = JSON) -> None:
    """Validate every file first; write nothing unless all rows are valid (or --skip-invalid)."""
    from hr.importer.run import import_org
    from hr.policy import load_policy

    service = _service()
    policy = load_policy(_settings().hr_policy_file)
    report = import_org(service.engine, directory, skip_invalid=skip_invalid, timezone=policy.notifications.timezone,
                        default_due_days=policy.progress.default_due_days)
    assigned = 0
    if assign_required and report.written:
        assigned = sum(r.created for who in report.hired_or_moved for r in service.auto_assign_required(ADMIN, who))
    if as_json:
        typer.echo(json.dumps({**report.to_dict(), "auto_assigned": assigned}, ensure_ascii=False, indent=2))
    else:
        if assign_required:
            typer.echo(f"auto-assigned {assigned} required enrollments to {len(report.hired_or_moved)} people")
        for problem in report.problems:
            typer.echo(str(problem), err=True)
        state = "written" if report.written else "NOTHING written (fix the rows above or use --skip-invalid)"
        typer.echo(f"{state}; read {report.rows_read}; changed {report.rows_changed}; {report.seconds:.1f}s")
    if report.problems and not report.written:
        raise typer.Exit(1)


@kpi_app.command("explain")
def kpi_explain(employee: str = typer.Option(..., "--employee", help="Employee id."), period: str = PERIOD,
                policy: Path = POLICY, as_id: str = AS, as_json: bool = JSON, lang: str = LANG) -> None:
    """An employee's training points, floors and what-ifs, with formula, inputs and policy clause."""
    service = _service(policy)
    try:
        result = service.explain_employee_kpi(_caller(service, as_id), employee, period)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(result.to_json() if as_json else result.to_text(lang))


@kpi_app.command("department")
def kpi_department(department_id: str = typer.Argument(..., help="Department id, e.g. sales."), period: str = PERIOD,
                   policy: Path = POLICY, as_id: str = AS, as_json: bool = JSON, lang: str = LANG) -> None:
    """A department's completion, adjustment band and rates."""
    service = _service(policy)
    try:
        result = service.department_kpi(_caller(service, as_id), department_id, period)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(result.to_json() if as_json else result.to_text(lang))


@kpi_app.command("specialist")
def kpi_specialist(period: str = PERIOD, policy: Path = POLICY, as_id: str = AS, as_json: bool = JSON,
                   lang: str = LANG) -> None:
    """Training-specialist KPIs for the company."""
    service = _service(policy)
    try:
        result = service.specialist_kpis(_caller(service, as_id), period)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(result.to_json() if as_json else result.to_text(lang))


@kpi_app.command("kirkpatrick")
def kpi_kirkpatrick(period: str = PERIOD, course: str = typer.Option(None, "--course"), policy: Path = POLICY,
                    as_id: str = AS, as_json: bool = JSON, lang: str = LANG) -> None:
    """Kirkpatrick levels 1-4 (trained vs untrained for 3 and 4)."""
    service = _service(policy)
    try:
        result = service.kirkpatrick(_caller(service, as_id), period, course)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(result.to_json() if as_json else result.to_text(lang))


@kpi_app.command("course-health")
def kpi_course_health(period: str = PERIOD, policy: Path = POLICY, as_id: str = AS, as_json: bool = JSON) -> None:
    """Courses to redesign or promote."""
    service = _service(policy)
    try:
        rows = service.course_health(_caller(service, as_id), period)
    except HRError as exc:
        _fail(exc)
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    for row in rows:
        quarters = ", ".join(f"{name} {rate.percent()}" for name, rate in row.quarters)
        typer.echo(f"{row.course_code} {row.title}: {row.verdict} | {quarters} | good ratings {row.good_ratings.percent()}")


@report_app.command("completion")
def report_completion(by: str = typer.Option("department", "--by", help="department or course"),
                      period: str = PERIOD, chart: Path = typer.Option(None, "--chart", help="Write a PNG here."),
                      as_id: str = AS, as_json: bool = JSON, lang: str = LANG) -> None:
    """Completion of enrollments due in the period, grouped, with numerator and denominator."""
    service = _service()
    try:
        report = service.completion_report(_caller(service, as_id), by, period)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else report.to_text(lang))
    if chart:
        chart.write_bytes(service.completion_chart(report, lang))
        typer.echo(f"chart written to {chart}", err=True)


@report_app.command("practice")
def report_practice(period: str = PERIOD, as_id: str = AS, as_json: bool = JSON, lang: str = LANG) -> None:
    """Practice quizzes per course (chat self-tests), shown apart: they are never exams and never in a KPI."""
    service = _service()
    try:
        report = service.practice_report(_caller(service, as_id), period)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else report.to_text(lang))


def enroll_cmd(employee: str = typer.Option(..., "--employee"), course: str = typer.Option(..., "--course"),
               session: int = typer.Option(None, "--session", help="Session id for live courses and workshops."),
               as_id: str = AS, lang: str = LANG) -> None:
    """Enroll a person in a course (idempotent)."""
    service = _service()
    try:
        result = service.enroll(_caller(service, as_id), course, employee, session)
    except HRError as exc:
        _fail(exc, lang)
    e = result.enrollment
    typer.echo(f"{'enrolled' if result.created else 'already enrolled'}: {e.employee_id} {e.course_code} "
               f"status={e.status} due={e.due_on} session={e.session_id or '-'}")


def progress_cmd(employee: str = typer.Option(None, "--employee", help="Whose progress (default: --as)."),
                 team: bool = typer.Option(False, "--team", help="The whole subtree of the manager --employee."),
                 period: str = PERIOD, as_id: str = AS, lang: str = LANG) -> None:
    """A person's progress, or a manager's team."""
    service = _service()
    caller = _caller(service, as_id)
    try:
        if team:
            result = service.team_progress(caller, period, manager_id=employee)
        else:
            result = service.employee_progress(caller, employee or caller.id, period)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(result.to_text(lang))


@jobs_app.command("run-due")
def jobs_run_due(as_json: bool = JSON) -> None:
    """Queue due session reminders and overdue notices (each once) and deliver everything pending through Slack or
    WeCom (quiet hours respected); with no channel configured they stay pending and the reason is printed."""
    report = _service().run_due_jobs()
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else str(report.to_dict()))
    if report.delivery_off and not as_json:
        typer.echo(f"delivery is off: {report.delivery_off}", err=True)


@exam_app.command("schedule")
def exam_schedule(employee: str = typer.Option(..., "--employee"), course: str = typer.Option(..., "--course"),
                  as_id: str = AS, lang: str = LANG) -> None:
    """Open an official exam for someone (HR, or their manager with --as); they take it in chat ("the SEC-101 exam")."""
    service = _service()
    try:
        started = service.start_exam(_caller(service, as_id), course, employee)
    except HRError as exc:
        _fail(exc, lang)
    state = "already open" if started.resumed else "opened"
    typer.echo(f"{state}: exam #{started.sitting_id} {started.course_code} for {started.employee_id}, "
               f"{started.question_count} questions, pass mark {started.passing_score:g}")


@exam_app.command("record")
def exam_record(employee: str = typer.Option(..., "--employee"), course: str = typer.Option(..., "--course"),
                score: float = typer.Option(..., "--score", help="0-100"), as_id: str = AS, lang: str = LANG) -> None:
    """Enter the result of an official exam held elsewhere (HR / training specialists; the retake limit applies)."""
    service = _service()
    try:
        result = service.record_exam_attempt(_caller(service, as_id), course, score, employee)
    except HRError as exc:
        _fail(exc, lang)
    typer.echo(result.to_text(lang))


@notices_app.command("status")
def notices_status(as_json: bool = JSON, as_id: str = AS) -> None:
    """Notices per state, whether delivery is on, and the latest failures with the channel's reason."""
    service = _service()
    try:
        counts, failed = service.notice_summary(_caller(service, as_id))
    except HRError as exc:
        _fail(exc)
    delivery = service.delivery_off.reason_en if service.delivery_off else "on"
    if as_json:
        typer.echo(json.dumps({"counts": counts, "delivery": delivery, "failed": [
            {"id": n.id, "kind": n.kind, "recipient_id": n.recipient_id, "attempts": n.attempts, "reason": n.reason}
            for n in failed]}, ensure_ascii=False, indent=2))
        return
    typer.echo("notices: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))
    typer.echo(f"delivery: {delivery}")
    for n in failed:
        typer.echo(f"failed #{n.id} {n.kind} -> {n.recipient_id} after {n.attempts} tries: {n.reason}")


@notices_app.command("requeue-unconfirmed")
def notices_requeue_unconfirmed(as_id: str = AS) -> None:
    """Overdue notices marked sent before receipts were kept (e.g. while no channel was configured) go back to
    pending when the course is still overdue; the next `jobs run-due` or the server delivers them."""
    service = _service()
    try:
        count = service.requeue_unconfirmed_overdue(_caller(service, as_id))
    except HRError as exc:
        _fail(exc)
    typer.echo(f"requeued {count} overdue notice(s)")


def register(app: typer.Typer) -> None:
    """Attach the HR commands to the root CLI."""
    app.add_typer(db_app, name="db")
    app.add_typer(org_app, name="org")
    app.add_typer(kpi_app, name="kpi")
    app.add_typer(report_app, name="report")
    app.add_typer(jobs_app, name="jobs")
    app.add_typer(notices_app, name="notices")
    app.add_typer(exam_app, name="exam")
    app.command("enroll")(enroll_cmd)
    app.command("progress")(progress_cmd)
