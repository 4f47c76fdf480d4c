"""Secrets never reach a log line: every record from every logger (ours, httpx, slack_sdk, uvicorn, arq...) is
redacted when it is created, and repeated warnings are rate-limited so a flood of bad requests cannot fill a disk.

Redacting in the log-record factory, not in one handler, is the point: it covers loggers that bring their own
handlers (uvicorn), exception tracebacks (an httpx error carries its URL with `access_token=`), and libraries we
never configured."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable

MASK = "[REDACTED]"
_PATTERNS: tuple[tuple[re.Pattern, str], ...] = (
    # query strings: WeCom gettoken?corpsecret=..., message/send?access_token=..., ?token=, ?key=
    (re.compile(r"(?i)([?&;](?:access_token|corpsecret|secret|client_secret|token|api_key|apikey|key|password|"
                r"passwd|code|sig|signature|msg_signature|echostr)=)[^&\s\"'<>]+"), r"\1" + MASK),
    (re.compile(r"xox[abposre]-[A-Za-z0-9-]+"), "xox-" + MASK),  # Slack bot/user/app tokens
    (re.compile(r"xapp-[A-Za-z0-9-]+"), "xapp-" + MASK),
    (re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 " + MASK),  # Authorization values
    (re.compile(r"(?i)(['\"]?authorization['\"]?\s*[:=]\s*['\"]?)[^'\",}\s]+"), r"\1" + MASK),
    (re.compile(r"mtr_[A-Za-z0-9_-]{6,}"), "mtr_" + MASK),  # our API tokens
    (re.compile(r"\bsk-[A-Za-z0-9_-]{12,}"), "sk-" + MASK),  # OpenAI-style keys
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^:/\s@]*:)[^@\s/]+@"), r"\1" + MASK + "@"),  # redis://:pw@, pg://u:pw@
    (re.compile(r"(?i)(['\"]?\b(?:access_token|corpsecret|secret|signing_secret|client_secret|api_key|password|"
                r"aes_key|encoding_aes_key)['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}&]{4,}"), r"\1" + MASK),
)


class Redactor:
    """Known secret values (from settings) plus the patterns above."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        """Secrets shorter than 6 characters are ignored (they would mask ordinary words)."""
        self._secrets: set[str] = set()
        self._lock = threading.Lock()
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        """Register more exact values to mask (e.g. when settings are loaded)."""
        with self._lock:
            self._secrets |= {s for s in secrets if s and len(s) >= 6}

    def redact(self, text: str) -> str:
        """The text with every known secret and token-looking value replaced by [REDACTED]."""
        for secret in sorted(self._secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, MASK)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


_redactor = Redactor()
_installed = False
_install_lock = threading.Lock()


def redactor() -> Redactor:
    """The process-wide redactor (tests read it to check what is masked)."""
    return _redactor


def _clean_arg(value):
    """A log argument with secrets masked; unchanged (same type) when it holds none, so %d still formats."""
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    text = str(value)
    clean = _redactor.redact(text)
    return value if clean == text else clean


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask secrets in the message, its arguments and any traceback of one record."""
    if isinstance(record.msg, str):
        record.msg = _redactor.redact(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_clean_arg(a) for a in record.args)
    elif isinstance(record.args, dict):
        record.args = {k: _clean_arg(v) for k, v in record.args.items()}
    if record.exc_info and not record.exc_text:
        record.exc_text = _redactor.redact(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = _redactor.redact(record.stack_info)
    return record


class RepeatFilter(logging.Filter):
    """Let at most `burst` WARNING+ records with the same logger and template through per window; say how many
    were dropped when the window ends (a flood of bad requests must not become a flood of log lines)."""

    def __init__(self, burst: int = 10, window_s: float = 60.0) -> None:
        """Counts per (logger, template) in the current window."""
        super().__init__()
        self._burst, self._window = burst, window_s
        self._counts: dict[tuple[str, str], tuple[float, int]] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        """True to emit."""
        if record.levelno < logging.WARNING:
            return True
        key = (record.name, str(record.msg)[:200])
        now = time.monotonic()
        with self._lock:
            started, count = self._counts.get(key, (now, 0))
            if now - started >= self._window:
                if count > self._burst:
                    record.msg = f"{record.msg} (and {count - self._burst} similar messages suppressed)"
                started, count = now, 0
            self._counts[key] = (started, count + 1)
            if len(self._counts) > 10_000:
                self._counts.clear()
        return count < self._burst


class RepeatLimiter:
    """Rate-limited warnings at one call site, keyed by a short name (e.g. 'slack-signature')."""

    def __init__(self, logger: logging.Logger, burst: int = 5, window_s: float = 60.0) -> None:
        """Wrap one logger."""
        self._log = logger
        self._burst, self._window = burst, window_s
        self._state: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def warning(self, key: str, message: str, *args) -> None:
        """Log the first `burst` per window, then one line saying how many were suppressed."""
        now = time.monotonic()
        with self._lock:
            started, count = self._state.get(key, (now, 0))
            if now - started >= self._window:
                if count > self._burst:
                    self._log.warning("%d more like this suppressed: " + message, count - self._burst, *args)
                started, count = now, 0
            self._state[key] = (started, count + 1)
        if count < self._burst:
            self._log.warning(message, *args)


_repeat_filter = RepeatFilter()


def install_redaction(secrets: Iterable[str] = ()) -> Redactor:
    """Redact every log record of this process from now on (idempotent), and rate-limit repeated warnings on the
    handlers configured so far (call again after a server configures its own logging)."""
    global _installed
    _redactor.add(secrets)
    with _install_lock:
        if not _installed:
            previous = logging.getLogRecordFactory()

            def factory(*args, **kwargs) -> logging.LogRecord:
                return redact_record(previous(*args, **kwargs))

            logging.setLogRecordFactory(factory)
            _installed = True
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access"):
        for handler in logging.getLogger(name).handlers:
            if _repeat_filter not in handler.filters:
                handler.addFilter(_repeat_filter)
    return _redactor


def settings_secrets(settings) -> list[str]:
    """Every secret value in the settings tree (Slack, WeCom, LLM, embeddings, URLs with passwords)."""
    from adapters.settings import _secret_values

    values = [value for _name, value in _secret_values(settings)]
    for url in (settings.redis_url, settings.database.database_url):
        match = re.search(r"://[^:/\s@]*:([^@\s/]+)@", url or "")
        if match:
            values.append(match.group(1))
    return values
