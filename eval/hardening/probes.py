"""Hypothesis fuzz probes against the running app (uvicorn on 127.0.0.1, port 0) and the metadata parsers.

Each probe counts tries, failures (a 5xx other than a deliberate 503, a hung request, or a parser raising anything
but LoadError) and the peak memory it took. The test suite runs them with a few dozen examples; `python -m
eval.hardening.run` runs them longer and writes eval/results/hardening.json."""

from __future__ import annotations

import contextlib
import gc
import json
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

SLACK_SECRET = "fuzz-signing-secret-0123456789"
WECOM = {"token": "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "aes_key": "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
         "corp_id": "ww1436e0e65a779aee"}


@dataclass
class ProbeResult:
    """What one probe saw."""

    name: str
    tries: int = 0
    failures: int = 0
    examples: list[str] = field(default_factory=list)  # the first few failing inputs, shortened
    peak_mib: float = 0.0
    retained_mib: float = 0.0  # traced memory still held after the probe (growth), once garbage is collected
    seconds: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)

    def fail(self, what: str) -> None:
        """Count a failure and keep its first examples."""
        self.failures += 1
        if len(self.examples) < 5:
            self.examples.append(what[:300])

    def to_dict(self) -> dict:
        """JSON form."""
        return {"tries": self.tries, "failures": self.failures, "peak_mib": round(self.peak_mib, 1),
                "retained_mib": round(self.retained_mib, 2), "seconds": round(self.seconds, 1),
                "statuses": dict(sorted(self.statuses.items())), "failing_examples": self.examples}


_warm = threading.Event()


def warm_up() -> None:
    """Let Hypothesis build its one-off tables (the Unicode character map) before memory is traced: under
    tracemalloc that first build is ~100x slower and would be counted against the probe."""
    if _warm.is_set():
        return

    @settings(max_examples=3, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(TEXT, JSON, SLACK_LIKE, HEADER_TEXT, WECOM_FIELDS, YAMLISH)
    def draw(a, b, c, d, e, f) -> None:
        return None

    draw()
    _warm.set()


def measured(name: str, body: Callable[[ProbeResult], None]) -> ProbeResult:
    """Run a probe under tracemalloc: peak memory during it, and what it still holds afterwards."""
    warm_up()
    result = ProbeResult(name)
    gc.collect()
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    try:
        body(result)
    finally:
        result.seconds = time.perf_counter() - started
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    result.peak_mib = (peak - baseline) / 2**20
    result.retained_mib = max(0, current - baseline) / 2**20
    return result


class OutOfTime(Exception):
    """The probe's wall-clock budget is spent: Hypothesis stops generating (generation itself is slow under
    tracemalloc, so merely skipping the remaining examples overran the budget by minutes)."""


def _run(test, examples: int) -> None:
    """Run a Hypothesis test function for at most `examples` examples or until its deadline raises OutOfTime."""
    with contextlib.suppress(OutOfTime):
        settings(max_examples=examples, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
                 report_multiple_bugs=False, print_blob=False, verbosity=Verbosity.quiet,
                 suppress_health_check=list(HealthCheck))(test)()


def _deadline(seconds: float) -> Callable[[], bool]:
    """A check for each example: False while the budget lasts, then it raises OutOfTime to end the run."""
    end = time.monotonic() + seconds

    def over() -> bool:
        if time.monotonic() > end:
            raise OutOfTime(f"{seconds:g} s spent")
        return False

    return over


# ---------------------------------------------------------------- strategies

_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                       st.text(max_size=40))
JSON = st.recursive(_json_leaf, lambda children: st.one_of(st.lists(children, max_size=5),
                                                           st.dictionaries(st.text(max_size=12), children, max_size=5)),
                    max_leaves=25)
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300) | st.text(max_size=300)
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
                      max_size=40)  # what an HTTP header value can carry at all
SLACK_KEYS = st.sampled_from(["type", "event", "event_id", "user", "text", "channel", "ts", "thread_ts", "actions",
                              "payload", "command", "user_id", "channel_id", "trigger_id", "value", "blocks"])
SLACK_LIKE = st.recursive(_json_leaf, lambda c: st.one_of(st.lists(c, max_size=4),
                                                          st.dictionaries(SLACK_KEYS, c, max_size=6)), max_leaves=30)


def _slack_body(draw_json, form: bool) -> bytes:
    """JSON, or the form encoding slash commands and interactivity use."""
    from urllib.parse import urlencode

    data = json.dumps(draw_json, ensure_ascii=False, allow_nan=True)
    return (urlencode({"payload": data}) if form else data).encode("utf-8", "surrogatepass")


def slack_probe(client, examples: int, seconds: float, result: ProbeResult) -> None:
    """Signed and unsigned bodies of any shape, any headers, on /slack/events."""
    from slack_sdk.signature import SignatureVerifier

    verifier = SignatureVerifier(SLACK_SECRET)
    over = _deadline(seconds)

    @given(body=SLACK_LIKE, form=st.booleans(), sign=st.sampled_from(["good", "none", "bad", "stale"]),
           timestamp=HEADER_TEXT, raw=st.none() | st.binary(max_size=2000))
    def probe(body, form, sign, timestamp, raw):
        if over():
            return
        content = raw if raw is not None else _slack_body(body, form)
        now = str(int(time.time()))
        headers = {"Content-Type": "application/x-www-form-urlencoded" if form else "application/json"}
        if sign in ("good", "stale"):
            stamp = now if sign == "good" else "1531420618"
            headers["X-Slack-Request-Timestamp"] = stamp
            headers["X-Slack-Signature"] = verifier.generate_signature(
                timestamp=stamp, body=content.decode("utf-8", "replace"))
            if raw is not None:  # binary bodies cannot be signed as text: sign the exact bytes
                import hashlib
                import hmac

                digest = hmac.new(SLACK_SECRET.encode(), b"v0:" + stamp.encode() + b":" + content, hashlib.sha256)
                headers["X-Slack-Signature"] = "v0=" + digest.hexdigest()
        elif sign == "bad":
            headers["X-Slack-Request-Timestamp"] = timestamp.encode("latin-1")
            headers["X-Slack-Signature"] = "v0=" + "ab" * 32
        _send(client, result, "POST", "/slack/events", content=content, headers=headers)

    _run(probe, examples)


def _wecom_xml(fields: dict[str, str]) -> str:
    """A WeCom-style XML message with the given (possibly hostile) field values."""
    from xml.sax.saxutils import escape

    return "<xml>" + "".join(f"<{k}>{escape(v)}</{k}>" for k, v in fields.items()) + "</xml>"


WECOM_FIELDS = st.dictionaries(st.sampled_from(["ToUserName", "FromUserName", "CreateTime", "MsgType", "Content",
                                                "MsgId", "Event", "EventKey", "TaskId", "ResponseCode", "AgentID"]),
                               st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")),
                                       max_size=80) | st.sampled_from(["text", "event", "template_card_event",
                                                                       "zhangsan", "mentor:eyJraW5kIjoiY29uZmlybSJ9"]),
                               max_size=9)


def wecom_probe(client, examples: int, seconds: float, result: ProbeResult) -> None:
    """Query strings, envelopes and (correctly encrypted and signed) inner XML of any shape on /wecom/callback."""
    from adapters.wecom.crypto import WeComCrypto

    crypto = WeComCrypto(WECOM["token"], WECOM["aes_key"], WECOM["corp_id"])
    over = _deadline(seconds)

    @given(method=st.sampled_from(["GET", "POST"]), signed=st.booleans(), fields=WECOM_FIELDS,
           timestamp=st.text(max_size=20) | st.just(str(int(time.time()))), nonce=st.text(max_size=20),
           envelope=st.sampled_from(["xml", "json", "raw"]), raw=st.binary(max_size=500))
    def probe(method, signed, fields, timestamp, nonce, envelope, raw):
        if over():
            return
        stamp = str(int(time.time())) if signed else timestamp
        encrypted, signature = crypto.encrypt(_wecom_xml(fields), stamp, nonce)
        if not signed:
            signature = "0" * 40
        params = {"msg_signature": signature, "timestamp": stamp, "nonce": nonce}
        if method == "GET":
            _send(client, result, "GET", "/wecom/callback", params={**params, "echostr": encrypted})
            return
        content = {"xml": f"<xml><Encrypt>{encrypted}</Encrypt></xml>".encode(),
                   "json": json.dumps({"Encrypt": encrypted}).encode(), "raw": raw}[envelope]
        _send(client, result, "POST", "/wecom/callback", params=params, content=content)

    _run(probe, examples)


def api_probe(client, token: str, examples: int, seconds: float, result: ProbeResult) -> None:
    """Any JSON on the chat, stream, feedback and admin routes, with and without a token."""
    fields = st.fixed_dictionaries({}, optional={"text": TEXT | JSON, "thread_id": TEXT | JSON,
                                                 "action": JSON, "message_ref": TEXT | JSON, "helpful": JSON,
                                                 "paths": JSON, "prune": JSON})
    over = _deadline(seconds)

    @given(path=st.sampled_from(["/api/chat", "/api/chat/stream", "/api/feedback", "/api/admin/ingest", "/api/me",
                                 "/api/progress", "/api/kpi", "/api/reports/completion"]),
           body=fields | JSON, authed=st.booleans(), raw=st.none() | st.binary(max_size=400),
           query=st.dictionaries(st.sampled_from(["period", "lang", "by"]), st.text(max_size=12), max_size=3))
    def probe(path, body, authed, raw, query):
        if over():
            return
        headers = {"Content-Type": "application/json"}
        if authed:
            headers["Authorization"] = f"Bearer {token}"
        content = raw if raw is not None else json.dumps(body, ensure_ascii=False, allow_nan=True).encode(
            "utf-8", "surrogatepass")
        method = "GET" if path in ("/api/me", "/api/progress", "/api/kpi", "/api/reports/completion") else "POST"
        _send(client, result, method, path, params=query, content=content, headers=headers)

    _run(probe, examples)


def _send(client, result: ProbeResult, method: str, path: str, **kwargs) -> None:
    """One request; a 5xx (except the deliberate 503 'not wired here'), a timeout or a broken connection fails."""
    import httpx

    try:
        response = client.request(method, path, timeout=30, **kwargs)
    except httpx.LocalProtocolError:  # the client refused to send it (e.g. a header value HTTP cannot carry)
        result.statuses["not sendable"] = result.statuses.get("not sendable", 0) + 1
        return
    except httpx.HTTPError as error:
        result.tries += 1
        result.statuses["error"] = result.statuses.get("error", 0) + 1
        result.fail(f"{method} {path}: {type(error).__name__}")
        return
    result.tries += 1
    key = str(response.status_code)
    result.statuses[key] = result.statuses.get(key, 0) + 1
    if response.status_code >= 500 and response.status_code != 503:
        result.fail(f"{method} {path} -> {response.status_code}: {kwargs!r}")


# ---------------------------------------------------------------- parsers

FRONT_KEYS = st.sampled_from(["title", "course", "audience", "lang", "audince", "Audience", "roles", "<<", "a", "b"])
YAMLISH = st.lists(st.one_of(
    st.builds(lambda k, v: f"{k}: {v}", FRONT_KEYS, TEXT.map(lambda t: t.replace("\n", " "))),
    st.builds(lambda k, v: f"{k}: [{v}]", FRONT_KEYS, st.text(alphabet="abchrdmnger, &*[]{}!|>-", max_size=30)),
    st.sampled_from(["a: &x [1,2]", "b: *x", "<<: *x", "- item", "? key", "!!python/object:os.system {}",
                     "audience: !!binary aGVsbG8=", "%YAML 1.1", "---", "...", "\t", "audience: [[[[[[[[[[[all]]]]]]]]]]"]),
    TEXT), max_size=12)


def parser_probe(examples: int, seconds: float, result: ProbeResult) -> None:
    """front-matter, keyword and HTML <meta> parsers: any input ends in metadata or a LoadError, nothing else."""
    from bs4 import BeautifulSoup

    from knowledge.audience import audience_of
    from knowledge.document import LoadError
    from knowledge.front_matter import split_front_matter
    from knowledge.loaders.html import html_meta
    from knowledge.property_meta import meta_from_keywords

    over = _deadline(seconds)

    @given(lines=YAMLISH, prefix=st.sampled_from(["---\n", "\n---\n", "\ufeff---\n", "+++\n", "", "---\r\n"]),
           close=st.sampled_from(["\n---\n", "\n...\n", "\n", ""]), body=TEXT,
           keywords=TEXT | st.builds(lambda k, v: f"{k}{v}", st.sampled_from(["audience=", "lang=zh, audience:",
                                                                               "course: ", "roles=", ""]), TEXT),
           meta_name=st.sampled_from(["audience", "audiance", "keywords", "description", "DC.audience", "lang"]))
    def probe(lines, prefix, close, body, keywords, meta_name):
        if over():
            return
        result.tries += 1
        for label, call in (
                ("front-matter", lambda: audience_of(split_front_matter(prefix + "\n".join(lines) + close + body)[0],
                                                     known={"all", "hrd", "manager"})),
                ("keywords", lambda: audience_of(meta_from_keywords(keywords))),
                ("html", lambda: audience_of(html_meta(BeautifulSoup(
                    f'<meta name="{meta_name}" content="{keywords.replace(chr(34), "")}"><p>x</p>', "html.parser"))))):
            try:
                call()
            except LoadError:
                result.statuses[label + ":refused"] = result.statuses.get(label + ":refused", 0) + 1
            except Exception as error:  # anything else is a parser bug: a crash instead of a clear ingest error
                result.fail(f"{label}: {type(error).__name__}: {error!s:.120} for {prefix!r}{lines!r}{keywords!r}")
            else:
                result.statuses[label + ":ok"] = result.statuses.get(label + ":ok", 0) + 1

    _run(probe, examples)


# ---------------------------------------------------------------- the app under test

def fuzz_app(home: Path):
    """The real FastAPI app with Slack and WeCom mounted, pointed at local fake platform APIs; returns a context
    manager yielding (httpx client to the live server, token)."""
    from contextlib import contextmanager

    @contextmanager
    def running():
        import httpx

        from adapters.api.app import create_app
        from adapters.channels import build_channels
        from adapters.fakes.chat import StaticDirectory
        from adapters.fakes.live_server import LiveServer
        from adapters.fakes.slack_web_api import FakeSlackWebApi
        from adapters.fakes.wecom_api import FakeWeComApi
        from adapters.settings import ApiSettings, DatabaseSettings, Settings, SlackSettings, WeComSettings

        with FakeSlackWebApi() as slack, FakeWeComApi(corp_id=WECOM["corp_id"], secret="app-secret") as wecom:
            settings = Settings(
                home=home, redis_url=None, database=DatabaseSettings(database_url=f"sqlite:///{home / 'mentor.db'}"),
                slack=SlackSettings(bot_token="xoxb-fuzz", signing_secret=SLACK_SECRET, api_url=slack.url),
                wecom=WeComSettings(corp_id=WECOM["corp_id"], agent_id="1000002", secret="app-secret",
                                    token=WECOM["token"], aes_key=WECOM["aes_key"], api_url=wecom.url),
                api=ApiSettings(reminder_interval_s=0, turn_timeout_s=10))
            channels = build_channels(settings, EchoChat(), StaticDirectory(slack={"U_KNOWN": "E0001"},
                                                                            wecom={"zhangsan": "E0003"}),
                                      wecom_sleep=lambda s: None)
            app = create_app(settings, channels)
            token = app.state.tokens.create("E0001")
            try:
                with LiveServer(app) as server, httpx.Client(base_url=server.url) as client:
                    yield client, token, channels
            finally:
                channels.close()

    return running()


class EchoChat:
    """A recording ChatHandler (the adapters are under test here, not the bot): answers every turn briefly."""

    def __init__(self) -> None:
        """Count turns."""
        self.turns = 0
        self._lock = threading.Lock()

    def handle(self, msg):
        """A short reply with a button, so every rendering path runs."""
        from bot.messages import Action, BotReply

        with self._lock:
            self.turns += 1
        return BotReply(text=f"ok ({len(msg.text)})", actions=[Action(label="A", kind="quiz_answer",
                                                                       value={"quiz": "q", "choice": "A"})])
