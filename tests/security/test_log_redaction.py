"""Finding 5: no secret or token reaches any log (httpx/httpcore, slack_sdk, uvicorn, bolt, ours, tracebacks), no
unauthenticated body is logged, and repeated warnings are rate-limited."""

from __future__ import annotations

import io
import logging

import pytest

from adapters.log_redaction import RepeatLimiter, install_redaction, redactor

CORP_SECRET = "corp-secret-9f8e7d6c5b4a"
SLACK_TOKEN = "xoxb-1111-2222-abcdefABCDEF"
API_TOKEN = "mtr_" + "Q" * 43


@pytest.fixture
def captured():
    """Every record of every logger at DEBUG, formatted with tracebacks, as one string (read after the test)."""
    install_redaction([CORP_SECRET])
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "slack_sdk", "slack_bolt")}
    for name in quiet:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        for name, level in quiet.items():
            logging.getLogger(name).setLevel(level)


def test_httpx_never_logs_the_wecom_secret_or_access_tokens(captured, fake_wecom):
    """gettoken?corpsecret=... and message/send?access_token=... are logged by httpx at INFO: both masked."""
    from adapters.wecom.client import WeComClient

    fake_wecom.secret = CORP_SECRET
    client = WeComClient(fake_wecom.url, fake_wecom.corp_id, CORP_SECRET, "1000002")
    try:
        client.send("zhangsan", {"msgtype": "text", "text": {"content": "hi"}})
    finally:
        client.close()
    out = captured.getvalue()
    assert "gettoken" in out and "message/send" in out  # the lines are there, only the secrets are not
    assert CORP_SECRET not in out and "access_token=token-" not in out and "[REDACTED]" in out


def test_slack_sdk_never_logs_the_bot_token(captured, fake_slack):
    """slack_sdk's DEBUG request log and our calls keep the xoxb- token out."""
    from adapters.slack.bolt_app import make_web_client

    make_web_client(SLACK_TOKEN, fake_slack.url).auth_test()
    logging.getLogger("adapters.test").warning("calling slack with %s", SLACK_TOKEN)
    out = captured.getvalue()
    assert "auth.test" in out and SLACK_TOKEN not in out and "2222-abcdef" not in out


def test_authorization_headers_api_tokens_and_tracebacks_are_masked(captured):
    """Headers dumped by any library, our mtr_ tokens, and URLs inside exception messages."""
    log = logging.getLogger("some.library")
    log.debug("headers: %s", {"Authorization": f"Bearer {API_TOKEN}", "Accept": "*/*"})
    log.info("token %s used", API_TOKEN)
    try:
        raise RuntimeError(f"500 for url https://qyapi.example/cgi-bin/message/send?access_token=tok-123456&x=1 "
                           f"corpsecret={CORP_SECRET}")
    except RuntimeError:
        log.exception("send failed")
    log.info("db at %s", "postgresql+psycopg://mentor:hunter2pass@db:5432/mentor")
    out = captured.getvalue()
    for secret in (API_TOKEN, "Q" * 20, "tok-123456", CORP_SECRET, "hunter2pass"):
        assert secret not in out, secret
    assert "Traceback" in out and "send failed" in out and "&x=1" in out


def test_uvicorn_access_lines_still_format_after_redaction():
    """uvicorn's access formatter unpacks record.args: redaction keeps that tuple shape."""
    from uvicorn.logging import AccessFormatter

    install_redaction()
    record = logging.getLogger("uvicorn.access").makeRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/x?token={API_TOKEN}&a=1", "1.1", 200), None)
    line = AccessFormatter("%(client_addr)s %(request_line)s %(status_code)s", use_colors=False).format(record)
    assert API_TOKEN not in line and "200" in line and "a=1" in line


def test_unauthenticated_slack_bodies_are_never_logged_and_warnings_are_rate_limited(captured, full_app):
    """50 forged posts: the body never appears, and only a handful of warning lines are written."""
    client, _channels, _token = full_app
    marker = "FORGED-BODY-MARKER"
    for i in range(50):
        response = client.post("/slack/events", content=f'{{"event": "{marker}{i}", "pad": "{"x" * 5000}"}}',
                               headers={"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=" + "0" * 64})
        assert response.status_code == 401
    out = captured.getvalue()
    assert marker not in out
    assert out.count("slack request refused") <= 6
    assert len(out) < 20_000


def test_wecom_rejections_are_rate_limited(captured, full_app):
    """A flood of bad WeCom callbacks writes a few lines, not one per request."""
    client, _channels, _token = full_app
    for _ in range(40):
        assert client.post("/wecom/callback?msg_signature=x&timestamp=abc&nonce=n", content=b"<xml/>").status_code == 400
    assert captured.getvalue().count("wecom callback rejected") <= 6


def test_repeat_limiter_reports_what_it_suppressed():
    """After the window, one line says how many were dropped."""
    stream = io.StringIO()
    log = logging.getLogger("tests.security.repeat")
    log.addHandler(logging.StreamHandler(stream))
    log.propagate = False
    limiter = RepeatLimiter(log, burst=2, window_s=0.05)
    for _ in range(10):
        limiter.warning("k", "bad thing")
    import time

    time.sleep(0.06)
    limiter.warning("k", "bad thing")
    lines = stream.getvalue().splitlines()
    assert lines.count("bad thing") == 3 and any("8 more like this suppressed" in line for line in lines)


def test_settings_secrets_are_masked_by_value():
    """Secrets from settings are masked even when they look like ordinary words."""
    from adapters.log_redaction import settings_secrets
    from adapters.settings import Settings, SlackSettings

    settings = Settings(slack=SlackSettings(bot_token="xoxb-z", signing_secret="plainwordsecret"),
                        redis_url="redis://:redispass99@127.0.0.1:6379/0")
    install_redaction(settings_secrets(settings))
    assert "plainwordsecret" not in redactor().redact("secret is plainwordsecret")
    assert "redispass99" not in redactor().redact("connecting redispass99")
