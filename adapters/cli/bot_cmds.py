"""`mentor chat` (terminal conversation, piped input too) and `mentor quiz` (generate, export to Moodle XML / GIFT)."""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

import typer

from adapters.settings import load_settings


def _print_reply(reply, as_json: bool) -> None:
    """One reply on stdout: Markdown text with sources and buttons, or one JSON line."""
    if as_json:
        sys.stdout.write(json.dumps(reply_to_dict(reply), ensure_ascii=False) + "\n")
        return
    if reply.notice:
        sys.stdout.write(f"({reply.notice})\n")
    sys.stdout.write(reply.text + "\n")
    if reply.citations and reply.mode == "llm":  # offline answers already list their sources in the text
        for c in reply.citations:
            sys.stdout.write(f"[{c.n}] {c.title} > {c.heading} ({c.source})\n")
    for attachment in reply.attachments:
        sys.stdout.write(f"[attachment {attachment.filename}: {len(attachment.content)} bytes]\n")
    if reply.actions:
        sys.stdout.write("[" + " | ".join(a.label for a in reply.actions) + "]\n")
    sys.stdout.flush()


def reply_to_dict(reply) -> dict:
    """The JSON shape shared by `mentor ask --json` and `mentor chat --json`."""
    return {"answer": reply.text,
            "citations": [{"n": c.n, "source": c.source, "title": c.title, "heading": c.heading,
                           "chunk_id": c.chunk_id, "text": c.text} for c in reply.citations],
            "abstained": reply.abstained, "private": reply.private,
            "tools": [{"name": t.name, "args": t.args, "ok": t.ok} for t in reply.tools],
            "mode": reply.mode, "notice": reply.notice, "act": reply.act, "subject": reply.subject,
            "actions": [{"label": a.label, "kind": a.kind, "value": a.value} for a in reply.actions]}


def ask_turn(settings, question: str, employee_id: str | None) -> dict:
    """`mentor ask`: one ChatService turn for a known employee; the public extractive answer for no one."""
    if not employee_id:
        from adapters.ask_turn import run_ask

        result = run_ask(settings, question, None)
        return {**result, "private": False, "mode": "offline", "notice": None, "actions": [],
                "tools": [{"name": "search_knowledge", "args": {"question": question}, "ok": True}]}
    from adapters.wiring import build_chat_service
    from bot.messages import IncomingMessage

    service = build_chat_service(settings)
    reply = service.handle(IncomingMessage(employee_id=employee_id, text=question, channel="cli",
                                           thread_id=f"ask-{uuid.uuid4().hex[:8]}"))
    return reply_to_dict(reply)


def chat(as_employee: str = typer.Option(..., "--as", help="Employee id to talk as (e.g. E0056)."),
         as_json: bool = typer.Option(False, "--json", help="Print each reply as one JSON line."),
         thread: str = typer.Option(None, help="Thread id; history is kept per thread (default: a new one).")) -> None:
    """Talk with the mentor in the terminal; with piped input, one reply per line, exit at end of input."""
    from adapters.wiring import build_chat_service
    from bot.messages import IncomingMessage

    service = build_chat_service(load_settings())
    thread_id = thread or f"cli-{uuid.uuid4().hex[:8]}"
    interactive = sys.stdin.isatty()
    if interactive:
        sys.stdout.write("Mentor — type a message (Ctrl-D to quit).\n")
    while True:
        if interactive:
            sys.stdout.write("> ")
            sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        reply = service.handle(IncomingMessage(employee_id=as_employee, text=text, channel="cli", thread_id=thread_id))
        _print_reply(reply, as_json)


def quiz(course: str = typer.Option(None, "--course", help="Course code, e.g. SEC-101."),
         topic: str = typer.Option(None, "--topic", help="A topic instead of a course."),
         n: int = typer.Option(5, "--n", min=1, max=20, help="Number of questions."),
         as_json: bool = typer.Option(False, "--json", help="Print the quiz as JSON."),
         fmt: str = typer.Option(None, "--format", help="Export format: moodle (XML) or gift."),
         output: Path = typer.Option(None, "--output", "-o", help="Write the export to this file."),
         as_employee: str = typer.Option(None, "--as", help="Build from what this employee may read.")) -> None:
    """Generate checked quiz items from course material; export them for an LMS."""
    from adapters.wiring import build_index, reader_audience
    from bot.quiz.export_gift import to_gift
    from bot.quiz.export_moodle import to_moodle_xml
    from bot.quiz.generator import NoMaterial, QuizGenerator

    if not course and not topic:
        raise typer.BadParameter("give --course CODE or --topic TEXT")
    if fmt and fmt not in ("moodle", "gift"):
        raise typer.BadParameter("--format must be moodle or gift")
    settings = load_settings()
    chat_model = None
    if settings.llm.base_url:
        from bot.agent.model_factory import build_chat_model

        chat_model = build_chat_model(settings.llm.base_url, settings.llm.api_key.get_secret_value(),
                                      settings.llm.model, settings.llm.timeout_s)
    index = build_index(settings)
    try:
        built, report = QuizGenerator(index, chat_model).generate(
            reader_audience(settings, as_employee), course=course.upper() if course else None, topic=topic, n=n)
    except NoMaterial:
        typer.echo(f"No material found for {course or topic}; ingest the course documents with `mentor ingest`.",
                   err=True)
        raise typer.Exit(code=1) from None
    finally:
        index.close()
    text = None
    if fmt == "moodle":
        text = to_moodle_xml(built)
    elif fmt == "gift":
        text = to_gift(built)
    elif as_json:
        text = json.dumps({**built.to_dict(), "report": {"candidates": report.candidates, "kept": report.kept,
                                                         "dropped": dict(report.dropped)}}, ensure_ascii=False, indent=2)
    else:
        text = "\n\n".join(f"{i}. [{item.kind}] {item.question}\n" + "\n".join(
            f"   {chr(65 + k)}. {o}" for k, o in enumerate(item.options)) + f"\n   key: {item.answer}"
            for i, item in enumerate(built.items, 1))
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(built.items)} items to {output}", err=True)
    else:
        sys.stdout.write(text + "\n")


def register(app: typer.Typer) -> None:
    """Attach the bot commands to the root CLI."""
    app.command()(chat)
    app.command()(quiz)
