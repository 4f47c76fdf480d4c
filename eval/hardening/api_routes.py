"""Hypothesis over every JSON route of the running app with the HR service and a knowledge index wired in, so the
report, KPI, progress and admin-ingest routes run their real code (without HR they only answer 503).

Routes, methods, query parameters and body fields are read from the app itself, so a route added later is fuzzed
without editing this file. Each request goes out as one of the sample organisation's roles (employee, manager, HR,
training specialist, the CEO), with a bad token or with none; parameters are valid values, near misses or any text.
Every route is first called once per role with well-formed values, then fuzzed. A failure is any 5xx, a dropped
connection, an `/api/*` answer without `Cache-Control: no-store`, a 2xx JSON answer that is not JSON, or a route
that never once answered 2xx (the probe did not really reach its code)."""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from eval.hardening.probes import JSON, TEXT, EchoChat, ProbeResult, _deadline, _run

ROOT = Path(__file__).resolve().parents[2]
ROLES = {"employee": "E0012", "manager": "E0002", "hr": "E0168", "training_specialist": "E0165", "ceo": "E0001"}
SKIPPED_PREFIXES = ("/slack", "/wecom", "/static", "/docs", "/redoc", "/openapi")  # fuzzed elsewhere / not JSON
# Values a parameter or field of that name really takes, and near misses, mixed with any text by the strategy.
VALID = {
    "period": ["2026Q3", "2026Q1", "2026", "2025Q4", "2026Q5", "2026Q0", "Q3", "26Q3", "2026q3", "9999Q4", ""],
    "lang": ["zh", "en", "fr", "ZH", ""], "by": ["department", "course", "employee", ""],
    "text": ["年假有几天", "my progress", "SEC-101 的考试", ""], "thread_id": ["web", "t-1", ""],
    "message_ref": ["web:t-1:1", "x", ""], "helpful": [True, False, "yes", 1],
    "paths": [["handbook"], ["handbook/leave.md"], ["."], ["handbook", "handbook/bad.md"], ["handbook/pay.md"],
              ["../outside"], ["/etc/passwd"], [], ["missing"]],
    "prune": [False, True, "no"],
    "action": [{"kind": "confirm", "value": "x"}, {"kind": "quiz_answer", "quiz": "q", "choice": "A"}, {}],
}
KB = {  # the ingest root: Jekyll-shaped pages, a restricted page and one the ingest refuses
    "handbook/leave.md": "---\ntitle: Leave\nlayout: page\nredirect_from:\n  - /leave/\n---\n# Leave\nTen days.\n",
    "handbook/pay.md": "---\ntitle: Pay\naudience: [hrd]\n---\n# Pay\nBands.\n",
    "handbook/bad.md": "---\ntitle: Bad\nroles: [hrd]\n---\n# Bad\nRefused.\n",
}


class HashingEmbedder:
    """Deterministic cheap vectors: the routes are under test here, not retrieval quality."""

    name, dim = "hardening-hashing", 16

    def embed_passages(self, texts):
        return np.vstack([self.embed_query(t) for t in texts]) if len(texts) else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text):
        vector = np.frombuffer(hashlib.sha256(text.encode("utf-8")).digest()[:self.dim], np.uint8).astype(np.float32)
        return vector / (np.linalg.norm(vector) or 1.0)


@contextmanager
def reports_app(home: Path):
    """The real app over the sample organisation (SQLite), an index and an ingest root; yields (client, tokens by
    role, the JSON routes as (method, path, query names, body names))."""
    import httpx

    from adapters.api.app import create_app
    from adapters.channels import build_channels
    from adapters.fakes.chat import StaticDirectory
    from adapters.fakes.live_server import LiveServer
    from adapters.settings import ApiSettings, DatabaseSettings, Settings
    from adapters.wiring import build_engine_at, build_hr_service
    from hr.importer.run import import_org
    from retrieval.index import KnowledgeIndex

    for name, text in KB.items():
        (home / "kb" / name).parent.mkdir(parents=True, exist_ok=True)
        (home / "kb" / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{home / 'mentor.db'}"
    engine = build_engine_at(url)
    report = import_org(engine, ROOT / "hr" / "samples" / "org")
    if not report.written:
        raise RuntimeError(f"sample organisation did not import: {report.problems[:3]}")
    settings = Settings(home=home, redis_url=None, database=DatabaseSettings(database_url=url),
                        api=ApiSettings(reminder_interval_s=0, turn_timeout_s=10, ingest_root=home / "kb"))
    index = KnowledgeIndex(home / "index", HashingEmbedder(), embedding_cache=home / "cache.sqlite3")
    channels = build_channels(settings, EchoChat(), StaticDirectory(), hr=build_hr_service(settings, engine),
                              index=index, engine=engine)
    app = create_app(settings, channels)
    tokens = {role: app.state.tokens.create(employee) for role, employee in ROLES.items()}
    try:
        with LiveServer(app) as server, httpx.Client(base_url=server.url) as client:
            routes = json_routes(app)
            # Untraced warm-up: lazy imports and one-off caches (policy, report code, the index) load here, so the
            # traced probe's retained memory is growth, not first use.
            _well_formed_pass(client, tokens, routes, ProbeResult("warm-up"), {})
            channels.queue.wait_idle(60)
            yield client, tokens, routes
    finally:
        channels.queue.wait_idle(60)
        channels.close()
        index.close()
        engine.dispose()


def json_routes(app) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(method, path, query parameter names, body field names) of every JSON route, from the app's OpenAPI schema
    (the contract clients see; FastAPI nests included routers, so app.routes does not list them flat)."""
    schema = app.openapi()
    components = schema.get("components", {}).get("schemas", {})
    routes = []
    for path, operations in sorted(schema.get("paths", {}).items()):
        if path.startswith(SKIPPED_PREFIXES) or path == "/":
            continue
        for method, operation in sorted(operations.items()):
            query = tuple(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query")
            body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get(
                "schema", {})
            reference = body_schema.get("$ref", "").rsplit("/", 1)[-1]
            body = tuple(components.get(reference, body_schema).get("properties", {}))
            routes.append((method.upper(), path, query, body))
    return routes


def _value(name: str):
    """A valid value or near miss for `name`, else anything."""
    if name not in VALID:
        return TEXT | JSON
    known = st.sampled_from(VALID[name])
    return st.one_of(known, known, known, TEXT, JSON)  # mostly well-formed, so the code behind validation runs too


def every_route_probe(client, tokens: dict[str, str], routes, examples: int, seconds: float,
                      result: ProbeResult) -> None:
    """Any role, token, method, query and body on every JSON route; see the module docstring for what fails."""
    answered: dict[str, int] = {f"{m} {p}": 0 for m, p, _q, _b in routes}

    @st.composite
    def request(draw):
        method, path, query_names, body_names = draw(st.sampled_from(routes))
        if draw(st.integers(0, 9)) == 0:
            method = draw(st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH"]))  # the wrong verb now and then
        names = query_names + ("x",)
        query = draw(st.dictionaries(st.sampled_from(names), st.deferred(lambda: st.text(max_size=20)), max_size=3))
        for name in query_names:
            if draw(st.booleans()):
                picked = draw(_value(name))
                query[name] = picked if isinstance(picked, str) else json.dumps(picked, ensure_ascii=False)
        if body_names:
            fields = {n: draw(_value(n)) for n in body_names if draw(st.integers(0, 4))}
            body = fields if draw(st.integers(0, 3)) else draw(JSON)
        else:
            body = draw(st.none() | JSON)
        raw = draw(st.none() | st.none() | st.none() | st.binary(max_size=300))
        who = draw(st.sampled_from([*tokens, *tokens, None, "bad"]))
        return method, path, query, body, raw, who

    _well_formed_pass(client, tokens, routes, result, answered)
    over = _deadline(seconds)  # the fuzzing's own budget, after the baseline

    @given(req=request())
    def probe(req):
        if over():
            return
        method, path, query, body, raw, who = req
        headers = {"Content-Type": "application/json"}
        if who == "bad":
            headers["Authorization"] = "Bearer mtr_not-a-real-token"
        elif who is not None:
            headers["Authorization"] = f"Bearer {tokens[who]}"
        content = raw if raw is not None else (None if body is None else json.dumps(
            body, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass"))
        _check(client, result, answered, method, path, params=query, content=content, headers=headers)

    _run(probe, examples)
    for route, hits in answered.items():
        result.statuses["2xx " + route] = hits
        if hits == 0:
            result.fail(f"{route} never answered 2xx: the probe did not reach its code")


def _well_formed_pass(client, tokens: dict[str, str], routes, result: ProbeResult, answered: dict[str, int]) -> None:
    """Every route once per role with the first valid value of each parameter: the baseline the fuzzing varies."""
    for method, path, query_names, body_names in routes:
        params = {name: VALID[name][0] for name in query_names if name in VALID}
        body = {name: VALID[name][0] for name in body_names if name in VALID}
        for token in tokens.values():
            _check(client, result, answered, method, path, params=params, headers={
                "Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                content=json.dumps(body).encode() if body_names else None)


def _check(client, result: ProbeResult, answered: dict[str, int], method: str, path: str, **kwargs) -> None:
    """One request and the invariants every JSON route keeps."""
    import httpx

    try:
        response = client.request(method, path, timeout=30, **kwargs)
    except httpx.LocalProtocolError:
        result.statuses["not sendable"] = result.statuses.get("not sendable", 0) + 1
        return
    except httpx.HTTPError as error:
        result.tries += 1
        result.fail(f"{method} {path}: {type(error).__name__}")
        return
    result.tries += 1
    status = response.status_code
    result.statuses[str(status)] = result.statuses.get(str(status), 0) + 1
    if status >= 500:
        result.fail(f"{method} {path} -> {status}: {kwargs.get('params')!r} {str(kwargs.get('content'))[:120]}")
    if path.startswith("/api/") and "no-store" not in response.headers.get("cache-control", ""):
        result.fail(f"{method} {path} -> {status} without Cache-Control: no-store")
    if 200 <= status < 300:
        key = f"{method} {path}"
        if key in answered:
            answered[key] += 1
        if status != 204 and "json" in response.headers.get("content-type", ""):
            try:
                response.json()
            except ValueError:
                result.fail(f"{method} {path} -> {status} with a body that is not JSON")
