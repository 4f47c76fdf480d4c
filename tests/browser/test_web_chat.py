"""The web chat page in real headless Chromium (Debian's package, driven by Playwright with executable_path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from adapters.api.app import create_app
from adapters.channels import build_channels
from adapters.fakes.chat import ScriptedChat, StaticDirectory
from adapters.fakes.live_server import LiveServer
from tests.integration.adapters.conftest import channel_settings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
                                 reason="Debian chromium missing: run scripts/ensure_chromium.sh")]


@pytest.fixture
def site(tmp_path):
    """The app on a real port with a scripted chat that takes a moment (so progress is visible)."""
    chat = ScriptedChat(delay_s=0.4)
    settings = channel_settings(tmp_path)
    channels = build_channels(settings, chat, StaticDirectory())
    app = create_app(settings, channels)
    token = app.state.tokens.create("E0001")
    with LiveServer(app) as server:
        yield server.url, token, chat, channels
    channels.close()


@pytest.fixture
def browser():
    """Headless Debian Chromium (Playwright never downloads a browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    """A page where the test may evaluate its own JavaScript (the app's CSP forbids eval, so bypass it here)."""
    return browser.new_context(bypass_csp=True).new_page()


def ask(page, text: str) -> None:
    """Type a question and press Enter like a person."""
    page.fill("#question", text)
    page.press("#question", "Enter")


def test_chat_page_streams_cites_quizzes_and_charts(site, page, tmp_path):
    """Chat page streams cites quizzes and charts."""
    url, token, chat, channels = site
    page.goto(f"{url}/#token={token}")
    page.wait_for_function("document.querySelector('#who').textContent === 'E0001'", timeout=10_000)
    assert "token=" not in page.url  # the token leaves the address bar

    ask(page, "年假有几天?")
    page.wait_for_selector("text=Thinking", timeout=10_000)  # progress shown while the answer is computed
    answer = page.wait_for_selector(".msg.bot .answer", timeout=10_000)
    assert "You asked: 年假有几天?" in answer.inner_text()
    assert chat.received[-1].employee_id == "E0001" and chat.received[-1].channel == "web"

    passage = page.locator(".citations details").first
    assert passage.get_attribute("open") is None
    page.click("a.cite")
    page.wait_for_function("document.querySelector('.citations details').open === true", timeout=5_000)
    assert "10 天带薪年假" in passage.inner_text()

    ask(page, "quiz")
    page.wait_for_selector("button:has-text('B. 10')", timeout=10_000).click()
    page.wait_for_selector("text=quiz_answer B", timeout=10_000)
    assert chat.received[-1].action == {"kind": "quiz_answer", "quiz": "q1", "choice": "B"}

    ask(page, "chart")
    image = page.wait_for_selector("img.chart", timeout=10_000)
    page.wait_for_function("document.querySelector('img.chart').naturalWidth > 0", timeout=5_000)
    assert image.get_attribute("src").startswith("data:image/png;base64,")

    page.locator(".feedback button").first.click()
    page.wait_for_selector("text=Thanks!", timeout=5_000)
    assert channels.feedback.count(helpful=True) == 1
    page.screenshot(path=str(tmp_path / "web_chat.png"), full_page=True)


def test_page_works_under_its_own_content_security_policy(site, browser):
    """No CSP bypass: the page's script runs, answers and shows a chart with no script error or CSP violation."""
    url, token, _, _ = site
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{url}/#token={token}")
    page.wait_for_selector("#who:has-text('E0001')", timeout=10_000)
    ask(page, "chart")
    page.wait_for_selector("img.chart", timeout=10_000)
    page.wait_for_selector(".feedback button", timeout=10_000)
    assert problems == []


def test_bad_token_asks_for_a_new_one(site, page):
    """Bad token asks for a new one."""
    url, _, _, _ = site
    page.goto(f"{url}/#token=mtr_wrong")
    page.wait_for_selector("#token-panel:not([hidden])", timeout=10_000)
    assert "令牌无效" in page.inner_text("#token-error")
