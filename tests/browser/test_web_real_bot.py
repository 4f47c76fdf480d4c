"""The web page over the real bot: role examples from the HR records, and a hostile knowledge-base document cited inert.

Real parts end to end: the sample organisation in SQLite, a real (tiny) hybrid index, the offline ChatService,
the FastAPI app on a real port, Debian Chromium under the page's own CSP.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.api.app import create_app
from adapters.channels import build_channels
from adapters.fakes.chat import StaticDirectory
from adapters.fakes.live_server import LiveServer
from tests.browser.conftest import NO_CHROMIUM, ask, watch_problems
from tests.integration.adapters.conftest import channel_settings

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(NO_CHROMIUM, reason="Debian chromium missing: run scripts/ensure_chromium.sh")]

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_DOC = """---
title: Lab Safety <script>window.__pwned='title'</script>
lang: en
audience: [all]
---

# Hardware lab safety <img src=x onerror="window.__pwned='heading'">

Safety goggles must be worn at all times in the hardware lab <script>window.__pwned='body'</script> by every visitor.
Report broken goggles at [the desk](javascript:window.__pwned='link') <img src=x onerror="window.__pwned='img'">.
"""
FIXED_NOW = datetime(2026, 8, 17, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The real offline bot over the sample org and a one-document index holding hostile markup."""
    from adapters.settings import load_settings
    from adapters.wiring import build_engine_at, build_hr_service, build_index
    from bot.assembly import assemble_chat_service
    from hr.importer.run import import_org
    from knowledge.ingest import Ingestor

    home = tmp_path_factory.mktemp("web-real-bot")
    engine = build_engine_at(f"sqlite:///{home / 'org.db'}")  # tables from Alembic, as in every process
    assert import_org(engine, ROOT / "hr" / "samples" / "org").written
    kb = home / "kb"
    kb.mkdir()
    (kb / "lab-safety.md").write_text(HOSTILE_DOC, encoding="utf-8")
    shutil.copy(ROOT / "knowledge" / "samples" / "kb" / "policies" / "leave-policy.md", kb / "leave-policy.md")
    index = build_index(load_settings(home=home))
    assert Ingestor(index).ingest([kb]).ok
    hr = build_hr_service(None, engine, clock=lambda: FIXED_NOW)
    chat = assemble_chat_service(hr, index, engine)
    settings = channel_settings(home)
    channels = build_channels(settings, chat, StaticDirectory(), hr=hr)
    app = create_app(settings, channels)
    tokens = {who: app.state.tokens.create(who) for who in ("E0012", "E0002", "E0168", "E0165")}
    with LiveServer(app) as server:
        yield server.url, tokens
    channels.close()
    index.close()
    engine.dispose()


def open_chat(chromium, url: str, token: str, locale: str):
    """A fresh page in the given browser language, under the app's own CSP."""
    page = chromium.new_context(locale=locale).new_page()
    problems = watch_problems(page)
    page.goto(f"{url}/#token={token}")
    page.wait_for_selector("#starters:not([hidden]) .starter", timeout=15_000)
    return page, problems


def starters_shown(page) -> list[str]:
    """The example buttons' texts."""
    return page.eval_on_selector_all("#starters .starter", "bs => bs.map(b => b.textContent)")


@pytest.mark.parametrize(("employee", "locale", "expected", "absent"), [
    ("E0012", "zh-CN", "年假有几天？", "哪些课程需要重新设计？"),  # an employee: own learning, no analytics
    ("E0002", "en-US", "Who on my team is behind?", "Which courses should we redesign?"),  # a manager: team first
    ("E0168", "zh-CN", "本季度培训专员的KPI", "我的学习进度"),  # HR: analytics first
    ("E0165", "en-US", "Training specialist KPIs this quarter", "What's my progress?"),  # training specialist
])
def test_empty_page_shows_example_requests_for_the_persons_role(site, chromium, employee, locale, expected, absent):
    """The role comes from the HR records behind the token; the examples are in the browser's language."""
    url, tokens = site
    page, problems = open_chat(chromium, url, tokens[employee], locale)
    shown = starters_shown(page)
    assert shown[0] == expected and absent not in shown
    zh = locale.startswith("zh")
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) == zh for text in shown)
    page.click("#starters-lang")  # the other language on request
    other = starters_shown(page)
    assert len(other) == len(shown) and other != shown
    assert problems == []


def test_clicking_an_example_asks_it_and_the_examples_make_way(site, chromium):
    """An employee clicks the leave example; the real bot answers with a cited passage; the examples are gone."""
    url, tokens = site
    page, problems = open_chat(chromium, url, tokens["E0012"], "zh-CN")
    page.click("#starters .starter >> nth=0")
    page.wait_for_selector(".msg.bot .answer", timeout=20_000)
    page.wait_for_selector(".msg.bot .citations details", timeout=20_000)
    assert page.inner_text(".msg.user") == "年假有几天？"
    assert "5天" in page.inner_text(".msg.bot .answer")
    assert page.is_hidden("#starters")
    assert problems == []


def test_a_hostile_document_quoted_by_the_real_bot_stays_inert(site, chromium):
    """A KB document with <script>, onerror= and a javascript: link is answered from and cited: all of it as text."""
    url, tokens = site
    page, problems = open_chat(chromium, url, tokens["E0012"], "en-US")
    ask(page, "Must safety goggles be worn in the hardware lab?")
    page.wait_for_selector(".msg.bot .citations details", timeout=20_000)
    page.click(".msg.bot .citations summary >> nth=0")
    page.wait_for_timeout(300)  # an injected image would have failed and fired its handler by now
    shown = page.inner_text("#log")
    assert "goggles" in shown and ("<script>" in shown or "onerror=" in shown)  # the markup reached the page as text
    assert page.evaluate("window.__pwned === undefined")
    for selector in ("script", "img", "a[href^='javascript']", "[onerror]"):
        assert page.locator("#log").locator(selector).count() == 0, selector
    assert problems == []
