"""Only the composition root (adapters/wiring.py) constructs HRService, a database engine or a notifier.

Scans every production module (adapters, bot, hr, knowledge, retrieval, eval) for calls to those constructors,
following import aliases (`from hr.service import HRService as S; S(...)`) and attribute calls (`hr.db.make_engine(...)`).
Two places are allowed by design: hr/db.py, whose make_engine *is* the engine factory wiring calls, and Alembic's
env.py, which opens its own migration connection only when run from a bare URL (tests, tools)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("adapters", "bot", "hr", "knowledge", "retrieval", "eval")
ENGINE_FACTORIES = {"make_engine", "create_engine", "create_async_engine", "engine_from_config"}
COMPOSITION_ROOT = "adapters/wiring.py"
ALLOWED = {"hr/db.py": {"create_engine"}, "adapters/migrations/env.py": {"engine_from_config"}}


def constructed(source: str) -> list[tuple[int, str]]:
    """(line, constructor) for every call that builds HRService, an engine or a notifier in this source."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for name in node.names:
                aliases[name.asname or name.name] = name.name
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        name = aliases.get(name, name) if isinstance(func, ast.Name) else name
        if name and (name == "HRService" or name in ENGINE_FACTORIES or name.endswith("Notifier")):
            found.append((node.lineno, name))
    return found


def production_modules() -> list[Path]:
    """Every Python file of the shipped packages."""
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py") if ".venv" not in p.parts)


def test_nothing_outside_the_composition_root_constructs_the_shared_services():
    violations = []
    for path in production_modules():
        relative = path.relative_to(ROOT).as_posix()
        if relative == COMPOSITION_ROOT:
            continue
        allowed = ALLOWED.get(relative, set())
        violations += [f"{relative}:{line} constructs {name}" for line, name in
                       constructed(path.read_text(encoding="utf-8")) if name not in allowed]
    assert violations == [], "build these in adapters/wiring.py and pass them in:\n" + "\n".join(violations)


def test_the_scan_sees_what_it_must_refuse_and_the_root_really_builds_them():
    sneaky = ("from hr.service import HRService as Service\nimport hr.db\nfrom adapters.notifier import "
              "ChannelNotifier\nService(hr.db.make_engine('sqlite://'), None, notifier=ChannelNotifier())\n")
    assert sorted(name for _line, name in constructed(sneaky)) == ["ChannelNotifier", "HRService", "make_engine"]
    root = {name for _line, name in constructed((ROOT / COMPOSITION_ROOT).read_text(encoding="utf-8"))}
    assert {"HRService", "make_engine", "ChannelNotifier"} <= root


def schema_writers(source: str) -> list[tuple[int, str]]:
    """(line, call) for every call that creates tables outside Alembic (metadata.create_all and its old wrappers)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("create_all", "create_missing_tables", "create_bot_tables"):
                found.append((node.lineno, name))
    return found


def test_alembic_is_the_only_schema_source_of_every_process():
    writers = [f"{p.relative_to(ROOT).as_posix()}:{line} calls {name}" for p in production_modules()
               for line, name in schema_writers(p.read_text(encoding="utf-8"))]
    assert writers == [], "tables come from Alembic only (adapters/migrations):\n" + "\n".join(writers)
    assert schema_writers("from sqlmodel import SQLModel\nSQLModel.metadata.create_all(engine)\n") == [
        (2, "create_all")]
