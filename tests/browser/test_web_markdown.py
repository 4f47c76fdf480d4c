"""Replies render as markdown (tables, bold, lists, links, code, the quiz blank) and hostile markup stays inert text.

The page runs under its own Content-Security-Policy (no bypass): any script error or CSP violation fails the test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from adapters.api.app import create_app
from adapters.channels import build_channels
from adapters.fakes.chat import StaticDirectory
from adapters.fakes.live_server import LiveServer
from bot.messages import Action, BotReply, Citation, IncomingMessage
from tests.browser.conftest import NO_CHROMIUM, ask, watch_problems
from tests.integration.adapters.conftest import channel_settings

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(NO_CHROMIUM, reason="Debian chromium missing: run scripts/ensure_chromium.sh")]

RICH = """**销售部**本季度完成率如下：

| 部门 | 完成率 | 完成/应完成 |
|---|---|---|
| 销售部 (sales) | 83.3% | 5/6 |
| 研发部 (rnd) | **50%** | 1/2 |

- 第一条：`SEC-101` 必修
- 第二条：详见 [培训制度](https://example.com/policy) [1]
1. one
2. two

填空：员工每年享有 ____ 天带薪年假。"""

PAYLOADS = ("<script>window.__pwned = 'script'</script>", "<img src=x onerror=\"window.__pwned='img'\">",
            "[click me](javascript:window.__pwned='link')", "<a href=\"javascript:window.__pwned='a'\">raw link</a>",
            "<svg onload=\"window.__pwned='svg'\"></svg>", "**<b onmouseover=\"window.__pwned='bold'\">x</b>**",
            "| <img src=x onerror=\"window.__pwned='cell'\"> | y |\n|---|---|\n| `<script>1</script>` | z |")
EVIL = "\n\n".join(PAYLOADS)


@dataclass
class MarkdownChat:
    """Implements ChatHandler: answers with fixed markdown replies (rich or hostile), recording what it was asked."""

    received: list[IncomingMessage] = field(default_factory=list)

    def handle(self, msg: IncomingMessage) -> BotReply:
        """`rich` -> a table/list/link reply; `evil` -> every payload in text, citation, notice and button label."""
        self.received.append(msg)
        citation = Citation(n=1, source="kb/<img src=x onerror=\"window.__pwned='source'\">.md",
                            title="<script>window.__pwned='title'</script>Handbook", heading="年假",
                            chunk_id="c1", text="员工每年享有 10 天带薪年假。<img src=x onerror=\"window.__pwned='cite'\">")
        if "evil" in msg.text:
            return BotReply(text="见 [1]\n\n" + EVIL, citations=[citation],
                            notice="<img src=x onerror=\"window.__pwned='notice'\">",
                            actions=[Action(label="<img src=x onerror=\"window.__pwned='button'\">", kind="confirm",
                                            value={"kind": "confirm"})])
        return BotReply(text=RICH, citations=[citation])


@pytest.fixture
def site(tmp_path):
    """The app on a real port over the markdown chat handler."""
    chat = MarkdownChat()
    settings = channel_settings(tmp_path)
    channels = build_channels(settings, chat, StaticDirectory())
    app = create_app(settings, channels)
    token = app.state.tokens.create("E0001")
    with LiveServer(app) as server:
        yield server.url, token
    channels.close()


def open_chat(chromium, url: str, token: str):
    """A fresh page, under the app's own CSP, signed in with the token."""
    page = chromium.new_page()
    problems = watch_problems(page)
    page.goto(f"{url}/#token={token}")
    page.wait_for_selector("#who:has-text('E0001')", timeout=10_000)
    return page, problems


def test_reply_markdown_renders_tables_bold_lists_links_code_and_the_quiz_blank(site, chromium, tmp_path):
    """The completion table is a real table; bold, lists, code, links, [n] and ____ render as such."""
    page, problems = open_chat(chromium, *site)
    ask(page, "rich")
    answer = page.wait_for_selector(".msg.bot .answer table", timeout=10_000)
    cells = page.eval_on_selector_all(".msg.bot .answer table tr",
                                      "rows => rows.map(r => [...r.children].map(c => c.textContent))")
    assert cells == [["部门", "完成率", "完成/应完成"], ["销售部 (sales)", "83.3%", "5/6"], ["研发部 (rnd)", "50%", "1/2"]]
    assert answer.query_selector("strong").inner_text() == "50%"
    assert page.inner_text(".msg.bot .answer > p > strong") == "销售部"
    assert page.eval_on_selector_all(".msg.bot .answer ul > li", "xs => xs.length") == 2
    assert page.eval_on_selector_all(".msg.bot .answer ol > li", "xs => xs.map(x => x.textContent)") == ["one", "two"]
    assert page.inner_text(".msg.bot .answer li code") == "SEC-101"
    link = page.locator(".msg.bot .answer a[href^='https://']")
    assert link.get_attribute("href") == "https://example.com/policy" and link.inner_text() == "培训制度"
    assert "noopener" in link.get_attribute("rel")
    assert page.locator(".msg.bot .answer a.cite").inner_text() == "[1]"
    assert page.locator(".msg.bot .answer .blank").inner_text() == "____"
    assert "**" not in page.inner_text(".msg.bot .answer") and "|---" not in page.inner_text(".msg.bot .answer")
    page.click(".msg.bot .answer a.cite")
    page.wait_for_function("document.querySelector('.citations details').open === true", timeout=5_000)
    page.screenshot(path=str(tmp_path / "markdown.png"), full_page=True)
    assert problems == []


def test_hostile_markup_in_a_reply_or_a_cited_document_renders_inert(site, chromium):
    """<script>, onerror=, onload=, javascript: links anywhere in a reply show as text and never run."""
    page, problems = open_chat(chromium, *site)
    ask(page, "evil")
    page.wait_for_selector(".msg.bot .actions button", timeout=10_000)
    page.hover(".msg.bot .answer")  # would fire an onmouseover, were one ever attached
    page.click(".msg.bot .answer a.cite")
    page.wait_for_timeout(300)  # give any injected image time to fail and fire its handler
    assert page.evaluate("window.__pwned === undefined")
    log = page.locator("#log")
    for selector in ("script", "img", "svg", "b", "a[href^='javascript']", "[onerror]", "[onload]", "[onmouseover]"):
        assert log.locator(selector).count() == 0, selector
    shown = page.inner_text("#log")
    for literal in ("<script>window.__pwned = 'script'</script>", "onerror=", "[click me](javascript:",
                    "<a href=\"javascript:", "<svg onload=", "<script>window.__pwned='title'</script>Handbook"):
        assert literal in shown, literal
    assert page.inner_text(".msg.bot .actions button").startswith("<img src=x onerror=")
    assert page.inner_text(".msg.bot .notice").startswith("<img")
    assert page.locator(".msg.bot .answer table td code").inner_text() == "<script>1</script>"
    assert problems == []


def test_markdown_renderer_never_links_unsafe_schemes(site, chromium):
    """Only http(s) and mailto become links; javascript:, data: and vbscript: (any case, padded) stay text."""
    page, _ = open_chat(chromium, *site)
    verdicts = page.evaluate("""() => [
        'https://a.example/x', 'http://a.example', 'mailto:hr@example.com', 'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', '//evil.example',
        '/relative'].map(MentorMarkdown.safeHref)""")
    assert verdicts == ["https://a.example/x", "http://a.example", "mailto:hr@example.com", None, None, None, None,
                        None, None]
