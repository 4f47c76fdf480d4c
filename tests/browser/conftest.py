"""Shared browser fixtures: Debian's headless Chromium through Playwright (never a downloaded browser)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
NO_CHROMIUM = not Path(CHROMIUM).exists() or shutil.which("chromium") is None


@pytest.fixture
def chromium():
    """A headless Debian Chromium for one test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def watch_problems(page) -> list[str]:
    """Collect script errors and console errors (CSP violations are console errors) seen by the page."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    return problems


def ask(page, text: str) -> None:
    """Type a question and press Enter like a person."""
    page.fill("#question", text)
    page.press("#question", "Enter")
