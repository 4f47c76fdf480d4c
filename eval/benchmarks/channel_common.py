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
