"""The server under load: 20 and 50 simulated users over the JSON API, and signed Slack events, against
(a) one `mentor serve` process with the embedded defaults and (b) the multi-process deployment of deploy/local.sh
(PostgreSQL, Redis, a Chroma server, two API processes on two ports, one `mentor worker`).

The real offline bot answers (sample organisation, sample knowledge base); Slack replies go to a local fake Slack
Web API. Reported per run: throughput, p50/p95/p99, error rate, and the resident memory of every server process.
Targets: chat p95 <= 1 s at 20 users (offline), Slack ack p99 <= 200 ms at 50 concurrent events (deployment).
Run: .venv/bin/python -m eval.benchmarks.deploy_load [--duration 30] [--only deployment] [--lock FILE]
     -> eval/results/deploy_load.json  (--lock: hold an flock on FILE while timing only, not while seeding)
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx

from eval.benchmarks.channel_common import free_port
from eval.benchmarks.load_users import chat_requests, run_load, slack_requests
from eval.benchmarks.machine import load_snapshot, write_result

ROOT = Path(__file__).resolve().parents[2]
MENTOR = str(Path(sys.executable).with_name("mentor"))
SLACK_SECRET = "load-signing-secret"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
REDIS_URL = os.environ.get("MENTOR_BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
TARGET_CHAT_P95_MS = 1000.0
TARGET_SLACK_P99_MS = 200.0
EXTRA_QUESTIONS = ["我的培训进度怎么样？", "What courses must I finish this month?", "年假有几天？",
                   "How do I book a seat in a live session?", "信息安全课多少分及格？", "What is my KPI?"]


def questions() -> list[str]:
    """The sample gold questions plus a few HR requests, so turns exercise search and tools alike."""
    lines = (ROOT / "eval" / "gold" / "sample_kb.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()] + EXTRA_QUESTIONS


def rss_mb(pid: int) -> float | None:
    """Resident memory of one process in MB (None when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    """Direct children of a process (uvicorn's worker processes)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def memory(processes: dict[str, int]) -> dict[str, float | None]:
    """RSS of each named process and of its child processes."""
    out: dict[str, float | None] = {}
    for name, pid in processes.items():
        out[name] = rss_mb(pid)
        for child in children(pid):
            if (value := rss_mb(child)) and value > 60:  # skip multiprocessing's small resource tracker
                out[f"{name} child {child}"] = value
    return out


def mentor(env: dict[str, str], *args: str) -> str:
    """Run a mentor command in the benchmark's environment; its output (fails loudly)."""
    done = subprocess.run([MENTOR, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"mentor {' '.join(args)} failed: {done.stderr[-1500:]}")
    return done.stdout


def seed(env: dict[str, str], users: int) -> list[str]:
    """Sample organisation and knowledge base; one API token per simulated user."""
    mentor(env, "db", "upgrade")
    mentor(env, "org", "import", str(ROOT / "hr" / "samples" / "org"))
    mentor(env, "ingest", str(ROOT / "knowledge" / "samples" / "kb"))
    return _tokens(env, users)


def _tokens(env: dict[str, str], users: int) -> list[str]:
    """Tokens created in this process (one CLI start per token would take minutes)."""
    from adapters.api.tokens import TokenStore
    from adapters.channels import make_channel_engine
    from adapters.settings import load_settings
    from adapters.tables import ensure_channel_tables

    settings = load_settings(home=Path(env["MENTOR_HOME"]))
    if env.get("MENTOR_DATABASE_URL"):
        settings.database.database_url = env["MENTOR_DATABASE_URL"]
    engine = make_channel_engine(settings)
    ensure_channel_tables(engine)
    store = TokenStore(engine)
    tokens = [store.create(f"E{n + 1:04d}", "load benchmark") for n in range(users)]
    engine.dispose()
    return tokens


def base_env(home: Path, slack_url: str) -> dict[str, str]:
    """What every server process of a run gets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTOR_")}
    env.update({"MENTOR_HOME": str(home), "MENTOR_EMBED_THREADS": os.environ.get("MENTOR_EMBED_THREADS", "1"),
                "MENTOR_SLACK_BOT_TOKEN": "xoxb-load", "MENTOR_SLACK_SIGNING_SECRET": SLACK_SECRET,
                "MENTOR_SLACK_API_URL": slack_url, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"})
    return env


@contextlib.contextmanager
def one_process(home: Path, slack_url: str, users: int) -> Iterator[tuple[list[str], list[str], dict[str, int]]]:
    """`mentor serve` alone: SQLite, embedded Chroma, in-process worker."""
    env = base_env(home, slack_url)
    tokens = seed(env, users)
    port = free_port()
    with open(home / "serve.log", "wb") as log:
        proc = subprocess.Popen([MENTOR, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_healthy(url, proc)
            yield [url], tokens, {"mentor serve": proc.pid}
        finally:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextlib.contextmanager
def deployment(home: Path, slack_url: str, users: int,
               api_workers: int = 1, ports: int = 2) -> Iterator[tuple[list[str], list[str], dict[str, int]]]:
    """deploy/local.sh up with a fresh database, a private Redis prefix and free ports; down afterwards."""
    run_id = uuid.uuid4().hex[:8]
    database = f"mentor_bench_{run_id}"
    api_ports = [free_port() for _ in range(ports)]
    env = base_env(home, slack_url)
    env.update({"MENTOR_DEPLOY_RUN": str(home / "run"), "MENTOR_DEPLOY_API_PORTS": " ".join(map(str, api_ports)),
                "MENTOR_DEPLOY_CHROMA_PORT": str(free_port()), "MENTOR_DEPLOY_API_WORKERS": str(api_workers),
                "MENTOR_DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}",
                "MENTOR_REDIS_URL": REDIS_URL, "MENTOR_API_REDIS_PREFIX": f"mentor-load-{run_id}:"})
    env["MENTOR_CHROMA_URL"] = f"http://127.0.0.1:{env['MENTOR_DEPLOY_CHROMA_PORT']}"
    script = str(ROOT / "deploy" / "local.sh")
    try:
        subprocess.run(["bash", script, "up"], env=env, check=True, stdout=subprocess.DEVNULL)
        tokens = seed(env, users)
        pids = {path.stem: int(path.read_text()) for path in (home / "run").glob("*.pid")}
        yield [f"http://127.0.0.1:{p}" for p in api_ports], tokens, pids
    finally:
        subprocess.run(["bash", script, "down"], env=env, check=False, stdout=subprocess.DEVNULL)
        _drop_database(database)
        _remove_redis_keys(env["MENTOR_API_REDIS_PREFIX"])


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Bounded poll of /health."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"mentor serve exited with {proc.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return
        time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy in {timeout}s")


def _drop_database(name: str) -> None:
    """Remove the run's database."""
    import sqlalchemy

    from adapters.wiring import build_admin_engine

    engine = build_admin_engine(PG_ADMIN)
    with engine.connect() as conn:
        conn.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def _remove_redis_keys(prefix: str) -> None:
    """Delete the run's dedupe and queue keys."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(prefix + "*"):
        client.delete(key)
    client.close()


@contextlib.contextmanager
def timing_lock(path: str | None) -> Iterator[None]:
    """Exclusive flock on `path` while timing (other benchmarks on a shared machine wait); nothing when None."""
    if not path:
        yield
        return
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def measure(topology: str, args, fake) -> dict:
    """Chat users (20, 50) then Slack bursts (50 concurrent) against one topology."""
    out: dict = {}
    users = max(args.users)
    with tempfile.TemporaryDirectory(prefix=f"mentor-load-{topology}-") as tmp:
        home = Path(tmp)
        starter = one_process if topology == "one process" else deployment
        with starter(home, fake.url, users) as (urls, tokens, pids), timing_lock(args.lock):
            out["load_before"] = load_snapshot()
            asked = questions()
            # Not measured: each question once (first turns load models and dictionaries, and each answer's candidate
            # sentences are embedded once and cached), as on a server that has been up for a while.
            warmers = 4 * len(urls)
            every = chat_requests(tokens, asked, stride=warmers)
            out["warm_up"] = run_load(urls, warmers, every, think_s=0.0, duration_s=600,
                                      max_requests_per_user=-(-len(asked) // warmers)).summary()
            for count in args.users:
                result = run_load(urls, count, chat_requests(tokens, asked), think_s=args.think,
                                  duration_s=args.duration)
                out[f"chat {count} users"] = result.summary()
                print(topology, count, "chat users", out[f"chat {count} users"], flush=True)
            capacity = run_load(urls, min(args.users), chat_requests(tokens, asked), think_s=0.0,
                                duration_s=args.duration)
            out[f"chat {min(args.users)} users, no think time (capacity)"] = capacity.summary()
            out["memory_mb_after_chat"] = memory(pids)
            before = len(fake.calls_to("chat.postMessage"))
            slack_users = [f"U{n + 1:07d}" for n in range(users)]
            burst = run_load(urls, args.slack_concurrency, slack_requests(SLACK_SECRET, slack_users, asked,
                                                                          uuid.uuid4().hex[:8]),
                             think_s=0.0, duration_s=args.duration, max_requests_per_user=args.slack_waves)
            sent = len(burst.latencies_ms)
            replies = _wait_replies(fake, before + sent, timeout=args.reply_wait)
            summary = burst.summary()
            summary.update({"replies_posted": replies - before, "events_acked": sent,
                            "reply_wait_limit_s": args.reply_wait})
            out[f"slack {args.slack_concurrency} concurrent events"] = summary
            print(topology, "slack", summary, flush=True)
            out["memory_mb_after_slack"] = memory(pids)
            out["load_after"] = load_snapshot()
    return out


def _wait_replies(fake, expected: int, timeout: float) -> int:
    """Bounded wait until the worker posted every reply; the count posted by then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(fake.calls_to("chat.postMessage")) < expected:
        time.sleep(0.5)
    return len(fake.calls_to("chat.postMessage"))


def main() -> None:
    """Both topologies (or --only one); writes eval/results/deploy_load.json."""
    from adapters.fakes.slack_web_api import FakeSlackWebApi

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--think", type=float, default=2.0,
                        help="mean seconds a user reads and types between messages (uniform 0.5x-1.5x)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per load run")
    parser.add_argument("--slack-concurrency", type=int, default=50)
    parser.add_argument("--slack-waves", type=int, default=4, help="events each concurrent sender posts")
    parser.add_argument("--reply-wait", type=float, default=180.0)
    parser.add_argument("--only", choices=["one process", "deployment"], default=None)
    parser.add_argument("--lock", default=None,
                        help="file to flock while timing (e.g. /work/coord/bench.lock); seeding runs without it")
    args = parser.parse_args()
    load_before = load_snapshot()
    results = {}
    emails = {}
    with FakeSlackWebApi(emails) as fake:
        for topology in (["one process", "deployment"] if args.only is None else [args.only]):
            results[topology] = measure(topology, args, fake)
    chat20 = [r.get(f"chat {20} users", {}).get("latency_ms", {}).get("p95") for r in results.values()]
    slack = results.get("deployment", {}).get(f"slack {args.slack_concurrency} concurrent events", {})
    data = {"setup": {"think_s_mean": args.think, "duration_s": args.duration, "users": args.users,
                      "slack_events_per_sender": args.slack_waves, "bot": "offline engine, real sample org and KB",
                      "load_generator": "eval/benchmarks/load_users.py (uvloop + raw keep-alive HTTP/1.1, same machine)"},
            "results": results,
            "targets": {"chat_p95_ms_at_20_users": TARGET_CHAT_P95_MS, "slack_ack_p99_ms": TARGET_SLACK_P99_MS},
            "passed": {"chat": all(p is not None and p <= TARGET_CHAT_P95_MS for p in chat20),
                       "slack_deployment": bool(slack) and slack["latency_ms"]["p99"] <= TARGET_SLACK_P99_MS
                       and slack["error_rate"] == 0}}
    print("wrote", write_result("deploy_load", data, load_before))


if __name__ == "__main__":
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads()
    main()
