"""What the machine was doing while a benchmark ran: load averages and the busiest processes, read from /proc.

Why: numbers taken on a shared 2-core machine mean little without the load beside them, so every result file
written through `write_result` carries a snapshot taken at the start and one at the end of the measurement.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "results"
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_ticks() -> dict[int, tuple[int, str]]:
    """(user+system ticks, command line) of every process we may read."""
    out: dict[int, tuple[int, str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, IndexError):
            continue
        out[int(entry.name)] = (int(fields[11]) + int(fields[12]), command[:120])
    return out


def load_snapshot(sample_s: float = 0.5, top: int = 5) -> dict:
    """Load averages and the processes that used the most CPU over the last `sample_s` seconds."""
    before = _cpu_ticks()
    time.sleep(sample_s)
    after = _cpu_ticks()
    busiest = []
    for pid, (ticks, command) in after.items():
        used = ticks - before.get(pid, (ticks, ""))[0]
        if used > 0:
            busiest.append({"pid": pid, "cpu_percent": round(100 * used / _TICKS / sample_s), "command": command})
    busiest.sort(key=lambda p: -p["cpu_percent"])
    return {"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(),
            "busiest": busiest[:top]}


class BusyProcesses:
    """N processes spinning `while True: pass` (the issue's 'two busy processes beside it'), ended by pid."""

    def __init__(self, count: int) -> None:
        """How many spinners to start."""
        self.count = count
        self._procs: list[subprocess.Popen] = []

    def __enter__(self) -> BusyProcesses:
        """Start them and give the scheduler a moment to see them."""
        for _ in range(self.count):
            self._procs.append(subprocess.Popen([sys.executable, "-c", "while True: pass"]))
        time.sleep(0.5 if self.count else 0)
        return self

    def __exit__(self, *exc) -> None:
        """Stop exactly the processes we started."""
        for proc in self._procs:
            proc.terminate()
        for proc in self._procs:
            proc.wait(10)
        self._procs.clear()


def write_result(name: str, data: dict, load_before: dict | None = None) -> Path:
    """eval/results/<name>.json with the machine, the time and the load before/after the measurement."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"benchmark": name, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
               "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                           "embed_threads": os.environ.get("MENTOR_EMBED_THREADS")},
               "load_before": load_before, "load_after": load_snapshot(), **data}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
