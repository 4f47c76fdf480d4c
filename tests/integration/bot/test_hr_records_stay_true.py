"""Chat cannot change HR records by accident: a practice quiz answered wrongly to the end moves no KPI figure of the
learner or their department (SQLite and PostgreSQL), and a confirmed nudge with no channel is queued, not "sent"."""

from __future__ import annotations

import shutil

import pytest
from sqlmodel import select

from adapters.wiring import build_engine_at, build_hr_service
from bot.assembly import assemble_chat_service
from bot.messages import IncomingMessage
from bot.store.quiz_sessions import QuizSessionStore
from hr.db import session_scope
from hr.importer.run import import_org
from hr.models import ExamAttempt, NotificationLog, PracticeAttempt
from tests.integration.bot.conftest import FIXED_NOW, ROOT
from tests.postgres_schema import migrated_postgres_schema

LEARNER, MANAGER, HR_STAFF = "E0056", "E0054", "E0170"


@pytest.fixture(scope="module")
def migrated_org(tmp_path_factory):
    """The sample organisation in a SQLite file whose schema Alembic made (as every process now does)."""
    path = tmp_path_factory.mktemp("alembic-org") / "org.db"
    engine = build_engine_at(f"sqlite:///{path}")
    assert import_org(engine, ROOT / "hr" / "samples" / "org").written
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request, migrated_org, tmp_path, kb_index):
    """(chat, hr, engine) over the sample organisation with delivery off, as wiring builds it with no channel."""
    if request.param == "sqlite":
        shutil.copy(migrated_org, tmp_path / "org.db")
        engine = build_engine_at(f"sqlite:///{tmp_path / 'org.db'}")
        yield _world(engine, kb_index)
        engine.dispose()
        return
    with migrated_postgres_schema() as url:
        engine = build_engine_at(url)
        assert import_org(engine, ROOT / "hr" / "samples" / "org").written
        yield _world(engine, kb_index)
        engine.dispose()


def _world(engine, kb_index):
    """The chat and HR services the composition root would build (no Slack/WeCom configured)."""
    hr = build_hr_service(None, engine, clock=lambda: FIXED_NOW)
    return assemble_chat_service(hr, kb_index, engine), hr, engine


def say(chat, who: str, text: str, thread: str, **extra):
    """One message in a thread."""
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="cli", thread_id=thread, **extra))


def wrong(item) -> str:
    """An answer certainly wrong for the item."""
    if item.kind == "mcq":
        return next(letter for letter in "ABCD" if letter != item.answer)
    if item.kind == "true_false":
        return "false" if item.answer == "true" else "true"
    return "zzz"


def kpi_figures(hr) -> dict:
    """Every KPI figure of the learner and of their department (values and inputs)."""
    staff = hr.caller_for(HR_STAFF)
    person = hr.explain_employee_kpi(staff, LEARNER)
    department = hr.department_kpi(staff, "sales")
    return {f"{scope}.{item.name}": (item.value, item.inputs) for scope, result in (("me", person), ("dept", department))
            for item in result.items}


def test_practice_quiz_answered_wrongly_to_the_end_moves_no_kpi_figure(world):
    chat, hr, engine = world
    before = kpi_figures(hr)
    with session_scope(engine) as db:
        exams_before = len(db.exec(select(ExamAttempt).where(ExamAttempt.employee_id == LEARNER)).all())
    start = say(chat, LEARNER, "考考我信息安全基础，出3道题", "practice")
    assert start.tools[0].name == "generate_quiz" and start.tools[0].ok, start.text
    items = QuizSessionStore(engine).current("cli", "practice", LEARNER).quiz.items
    for item in items:
        say(chat, LEARNER, wrong(item), "practice")
        done = say(chat, LEARNER, wrong(item), "practice")
    assert "练习" in done.text or "practice" in done.text.lower()
    assert kpi_figures(hr) == before
    with session_scope(engine) as db:
        assert len(db.exec(select(ExamAttempt).where(ExamAttempt.employee_id == LEARNER)).all()) == exams_before
        practice = db.exec(select(PracticeAttempt).where(PracticeAttempt.employee_id == LEARNER)).all()
    assert [(p.course_code, p.score, p.questions) for p in practice] == [("SEC-101", 0.0, len(items))]


def test_confirmed_nudge_without_a_channel_is_queued_and_says_what_to_set(world):
    chat, _hr, engine = world
    preview = say(chat, MANAGER, "nudge my team", "nudge")
    assert preview.tools[0].name == "nudge_team" and preview.tools[0].ok, preview.text
    confirm = next(a for a in preview.actions if a.kind == "confirm")
    done = say(chat, MANAGER, "", "nudge", action={"kind": confirm.kind, "value": confirm.value})
    assert "queued" in done.text or "排队" in done.text, done.text
    assert "MENTOR_SLACK_BOT_TOKEN" in done.text and "已提醒" not in done.text and "Nudged" not in done.text
    with session_scope(engine) as db:
        statuses = {row.status for row in db.exec(select(NotificationLog).where(NotificationLog.kind == "nudge"))}
    assert statuses == {"pending"}
