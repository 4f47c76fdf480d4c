"""Colleagues named in a chat message: the per-turn name lookup on a large SQLite organisation, with and without
the lower(trim(name)) index (migration hr_0009).

Every turn asks which of the message's candidate strings (hr/services/names.candidate_strings) are active
employees' names. Run: .venv/bin/python -m eval.benchmarks.name_lookup [--employees 100000]
-> eval/results/name_lookup.json
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from eval.benchmarks.machine import load_snapshot, write_result
from eval.metrics import percentile

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏宇浩然子轩梓涵一诺欣怡"
MESSAGES = ["王超这个季度的学习进度怎么样？", "帮张艳霞报名信息安全基础", "How is Ada Lovelace doing on SEC-101?",
            "提醒一下研发部逾期的人", "我入职三年了，一年能休几天年假？", "Enroll 刘洋 in the secure development workshop"]


def fill(engine, employees: int) -> None:
    """A flat organisation of `employees` people with varied Chinese and some English names."""
    rng = random.Random(11)
    rows = []
    for n in range(employees):
        if n % 10 == 0:
            name = f"{rng.choice(['Ada', 'Grace', 'Alan', 'Linus', 'Barbara'])} {rng.choice(['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Smith'])}{n}"
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        rows.append({"id": f"E{n:06d}", "name": name, "department_id": "d1", "role": "employee", "job_title": "",
                     "skills": "", "learning_preference": "text", "active": True})
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO hr_department (id, name) VALUES ('d1', 'R&D')"))
        conn.execute(text("INSERT INTO hr_employee (id, name, department_id, role, job_title, skills, "
                          "learning_preference, active) VALUES (:id, :name, :department_id, :role, :job_title, "
                          ":skills, :learning_preference, :active)"), rows)


def timings(engine, rounds: int) -> dict:
    """Milliseconds per lookup over the sample messages."""
    from hr.repositories import org_repo
    from hr.services.names import candidate_strings

    measured = []
    with Session(engine) as db:
        for _ in range(rounds):
            for message in MESSAGES:
                started = time.perf_counter()
                org_repo.active_names_among(db, candidate_strings(message))
                measured.append((time.perf_counter() - started) * 1000)
    return {"lookups": len(measured), "p50_ms": round(percentile(measured, 50), 2),
            "p95_ms": round(percentile(measured, 95), 2)}


def main() -> None:
    """Both conditions on one database; writes the result file."""
    from adapters.wiring import build_engine_at

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    load_before = load_snapshot()
    with tempfile.TemporaryDirectory(prefix="mentor-names-") as tmp:
        engine = build_engine_at(f"sqlite:///{Path(tmp) / 'hr.db'}")
        fill(engine, args.employees)
        indexed = timings(engine, args.rounds)
        with engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_employee_name_key"))
        scanned = timings(engine, args.rounds)
        engine.dispose()
    data = {"employees": args.employees, "messages": MESSAGES, "with name key index": indexed,
            "without it (table scan)": scanned}
    print(data)
    print("wrote", write_result("name_lookup", data, load_before))


if __name__ == "__main__":
    main()
