"""Shared setup for the channel benchmarks: the app over real HTTP against fake platform APIs, and result files."""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path

from adapters.channels import build_channels
from adapters.settings import ApiSettings, DatabaseSettings, Settings, SlackSettings, WeComSettings

RESULTS = Path(__file__).resolve().parents[1] / "results"
SLACK_SECRET = "bench-signing-secret"
WECOM = {"token": "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "aes_key": "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
         "corp_id": "ww1436e0e65a779aee", "secret": "bench-secret"}


def bench_settings(home: Path, slack_url: str | None = None, wecom_url: str | None = None, threads: int = 4) -> Settings:
    """SQLite under `home`, in-process worker, channels pointed at local fakes."""
    return Settings(
        home=home, redis_url=None, database=DatabaseSettings(database_url=f"sqlite:///{home / 'bench.db'}"),
        slack=SlackSettings(bot_token="xoxb-bench", signing_secret=SLACK_SECRET, api_url=slack_url)
        if slack_url else SlackSettings(bot_token=None, signing_secret=None),
        wecom=WeComSettings(corp_id=WECOM["corp_id"], agent_id="1000002", secret=WECOM["secret"],
                            token=WECOM["token"], aes_key=WECOM["aes_key"], api_url=wecom_url, max_skew_s=300)
        if wecom_url else WeComSettings(corp_id=None, agent_id=None, secret=None, token=None, aes_key=None),
        api=ApiSettings(worker_threads=threads))


def channels_for(settings: Settings, chat, directory):
    """Build channels the way `mentor serve` does."""
    return build_channels(settings, chat, directory)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, int(round(q / 100 * len(ordered) + 0.5)))
    return ordered[min(rank, len(ordered)) - 1]


def write_result(name: str, data: dict) -> Path:
    """eval/results/<name>.json with the machine and time of the run."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"benchmark": name, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
               "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()}, **data}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def free_port() -> int:
    """A port the OS says is free right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServeProcess:
    """`mentor serve` in its own process (as deployed), so the load generator does not share its interpreter."""

    def __init__(self, env: dict[str, str], services: str = "adapters.fakes.chat:scripted_backends") -> None:
        """Environment (MENTOR_* settings) and the backends factory for the server."""
        self._env = env
        self._services = services
        self._process = None
        self.url = ""

    def __enter__(self) -> ServeProcess:
        """Start and wait (bounded) until /health answers."""
        import os
        import subprocess
        import sys

        import httpx

        port = free_port()
        mentor = str(Path(sys.executable).with_name("mentor"))
        self._process = subprocess.Popen([mentor, "serve", "--port", str(port), "--services", self._services],
                                         env={**os.environ, **self._env}, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"mentor serve exited with {self._process.returncode}")
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise TimeoutError("mentor serve did not become healthy in 60 s")

    def __exit__(self, *exc) -> None:
        """SIGTERM, then wait (the in-process queue drains on shutdown)."""
        import subprocess

        self._process.terminate()
        try:
            self._process.wait(30)
        except subprocess.TimeoutExpired:
            self._process.kill()


class WorkerProcess:
    """`mentor worker` (arq) in its own process, for the Redis-backed runs."""

    def __init__(self, env: dict[str, str], services: str = "adapters.fakes.chat:scripted_backends") -> None:
        """Same environment as the API processes."""
        self._env = env
        self._services = services
        self._process = None

    def __enter__(self) -> WorkerProcess:
        """Start (it connects to Redis and waits for jobs)."""
        import os
        import subprocess
        import sys

        mentor = str(Path(sys.executable).with_name("mentor"))
        self._process = subprocess.Popen([mentor, "worker", "--services", self._services],
                                         env={**os.environ, **self._env}, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
        return self

    def __exit__(self, *exc) -> None:
        """SIGTERM (arq finishes running jobs), then wait."""
        import subprocess

        self._process.terminate()
        try:
            self._process.wait(30)
        except subprocess.TimeoutExpired:
            self._process.kill()
