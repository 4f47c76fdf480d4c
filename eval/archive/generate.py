"""Generate the harder collection: a policy archive of yearly, per-department versions of the same rules.

Real archives hold many long, near-duplicate passages: the travel rules of 2021 and 2022 differ in one number, and
every department has its own page written from the same template. Keyword search finds "the lodging rule" easily but
cannot tell the versions apart, and readers do not use the archive's words ("R&D" for 研发部, "hotel" for 住宿).

`python -m eval.archive.generate --out DIR` writes the documents under DIR and the questions to
DIR/questions.jsonl (the gold format of eval/gold/), split like the gold sets into questions.dev.jsonl (tune on it)
and questions.test.jsonl (report it). Everything is drawn from a seeded random generator, so the same
seed gives byte-identical files; nothing is committed but this script.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

from eval.gold.split import split_rows

SEED = 2026
YEARS = list(range(2019, 2027))
SITES = [("bj", "北京", "Beijing"), ("sh", "上海", "Shanghai"), ("sz", "深圳", "Shenzhen")]


@dataclass(frozen=True)
class Department:
    """A department page's owner: its id, names, the language its pages are written in and how readers call it."""

    key: str
    zh: str
    en: str
    language: str
    zh_aliases: tuple[str, ...]
    en_aliases: tuple[str, ...]


DEPARTMENTS = [
    Department("rnd", "研发部", "R&D", "zh", ("研发的同事", "研发团队", "研发中心"), ("engineering", "R&D team", "developers")),
    Department("sales", "销售部", "Sales", "zh", ("销售团队", "做销售的同事", "销售线"), ("sales team", "sales reps", "Sales")),
    Department("mkt", "市场部", "Marketing", "zh", ("市场团队", "市场线", "做市场的同事"), ("marketing team", "marketers", "Marketing")),
    Department("cs", "客户服务部", "Customer Service", "zh", ("客服部", "客服团队", "客服的同事"),
               ("customer support", "support agents", "the service desk team")),
    Department("ops", "运营部", "Operations", "zh", ("运营团队", "运营的同事", "运营线"), ("ops team", "operations staff", "Ops")),
    Department("fin", "财务部", "Finance", "en", ("财务部", "财务的同事", "财务团队"), ("finance team", "accounting staff", "Finance")),
    Department("hrd", "人力资源部", "Human Resources", "en", ("人事部", "HR部门", "人力的同事"), ("HR team", "people team", "HR")),
    Department("it", "信息技术部", "IT", "en", ("IT部门", "信息技术部", "IT的同事"), ("IT team", "IT staff", "tech support")),
]

# topic: (zh heading, en heading, value range, zh value format, en value format, zh question forms, en question forms)
TOPICS = {
    "lodging": ("差旅住宿标准", "Travel lodging", (450, 900, 50), "每晚{v}元", "RMB {v} per night",
                ["{y}年{d}出差住酒店一晚最多能报多少？", "{d}{y}年的住宿报销上限是多少钱一晚？"],
                ["In {y}, how much could {d} claim for a hotel night?", "What was the {y} nightly hotel cap for {d}?"]),
    "meal": ("餐费补助", "Meal allowance", (60, 150, 10), "每天{v}元", "RMB {v} a day",
             ["{y}年{d}出差每天的饭补是多少？", "{d}在{y}年出差一天给多少餐补？"],
             ["What daily food allowance did {d} get on trips in {y}?", "{y}: meal money per day for {d} travellers?"]),
    "overtime": ("加班与调休", "Overtime and time off in lieu", (20, 48, 4), "每月不超过{v}小时", "no more than {v} hours a month",
                 ["{y}年{d}每个月最多能加多少小时班？", "{d}{y}年加班时长上限是多少？"],
                 ["How many overtime hours per month were allowed for {d} in {y}?", "{d} monthly overtime ceiling in {y}?"]),
    "training": ("培训预算", "Training budget", (2000, 9000, 500), "每人每年{v}元", "RMB {v} per person per year",
                 ["{y}年{d}每个人一年的培训经费有多少？", "{d}{y}年给每位员工的学习预算是多少？"],
                 ["How much training money did each {d} employee have in {y}?", "Per-head learning budget for {d} in {y}?"]),
    "remote": ("远程办公", "Remote work", (1, 4, 1), "每周最多{v}天", "up to {v} days a week",
               ["{y}年{d}一周可以在家办公几天？", "{d}{y}年居家办公每周几天？"],
               ["How many days a week could {d} work from home in {y}?", "Home-working days per week for {d} in {y}?"]),
    "oncall": ("值班补贴", "On-call allowance", (80, 300, 20), "每晚{v}元", "RMB {v} per night on call",
               ["{y}年{d}晚上值班一次补贴多少？", "{d}{y}年的夜间值班费是多少？"],
               ["What did {d} pay for a night on call in {y}?", "{y} on-call pay per night for {d}?"]),
    "laptop": ("设备更新", "Equipment refresh", (2, 5, 1), "每{v}年更换一次", "replaced every {v} years",
               ["{y}年{d}的笔记本电脑几年能换一次？", "{d}{y}年电脑更新周期是几年？"],
               ["How often could {d} get a new laptop in {y}?", "{y} laptop replacement cycle for {d}?"]),
}
BOILERPLATE_ZH = [
    "本规定依据公司整体制度制定，由{d}负责人组织实施，人力资源部和财务部负责解释与监督。",
    "各项标准每年复核一次，复核结果在新年度版本中发布，上一年度版本同时归档备查。",
    "员工应当如实申报，虚报、多报或拆分报销的，一经查实，按照公司奖惩制度处理，并追回已支付的款项。",
    "本条所列标准为上限，实际发生额低于标准的按实际发生额报销，超出部分由个人承担，特殊情况须事先书面审批。",
    "跨部门借调人员执行借入部门的标准，借调期不足一个月的仍执行原部门标准。",
]
BOILERPLATE_EN = [
    "This page is maintained by the {d} leadership team together with Human Resources and Finance, who interpret it.",
    "Every figure is reviewed once a year; the new version is published at the start of the year and the previous "
    "one is archived for reference.",
    "Claims must be truthful. Inflated, duplicated or split claims are handled under the disciplinary policy and any "
    "amount paid is recovered.",
    "The figures below are ceilings: actual spending below a ceiling is reimbursed as spent, anything above it is "
    "borne by the employee unless approved in writing in advance.",
    "Staff seconded from another department follow this page; secondments shorter than a month keep their home rules.",
]
PROGRAMMES = [
    ("mentoring", "导师计划", "Mentoring programme"), ("rotation", "轮岗计划", "Job rotation programme"),
    ("degree", "学历资助计划", "Degree sponsorship"), ("trainer", "内部讲师计划", "Internal trainer programme"),
    ("leadership", "领导力发展计划", "Leadership development programme"), ("bootcamp", "新人训练营", "New-hire bootcamp"),
]


def _value(rng: random.Random, low: int, high: int, step: int) -> int:
    """One value of a rule, on the rule's grid."""
    return rng.randrange(low, high + step, step)


def build(out: Path, seed: int = SEED) -> dict[str, int]:
    """Write the archive and its questions; returns counts."""
    rng = random.Random(seed)
    values: dict[tuple[str, str, int, str], int] = {}
    documents = 0
    for department in DEPARTMENTS:
        for site in SITES:
            base = {topic: _value(rng, *spec[2]) for topic, spec in TOPICS.items()}
            for year in YEARS:
                for topic, spec in TOPICS.items():
                    if rng.random() < 0.35:  # most rules stay the same from one year to the next
                        base[topic] = _value(rng, *spec[2])
                    values[(department.key, site[0], year, topic)] = base[topic]
                _write_department_page(out, department, site, year, values, rng)
                documents += 1
    for key, zh, en in PROGRAMMES:
        for year in YEARS[2:]:
            _write_programme_page(out, key, zh, en, year, rng)
            documents += 1
    questions = _questions(values, rng)
    dev, test = split_rows(questions)
    for name, rows in (("questions.jsonl", questions), ("questions.dev.jsonl", dev), ("questions.test.jsonl", test)):
        (out / name).write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows), encoding="utf-8")
    return {"documents": documents, "questions": len(questions)}


def _source(department: Department, site: tuple[str, str, str], year: int) -> str:
    """Where a department's page of a site and year lives."""
    return f"{year}/{site[0]}/{department.key}-expenses-and-working-time.md"


def _write_department_page(out: Path, department: Department, site: tuple[str, str, str], year: int, values: dict,
                           rng: random.Random) -> None:
    """One department's rules at one site for one year, in the department's language, each rule a long section."""
    zh = department.language == "zh"
    title = (f"{site[1]}{department.zh}费用与工时管理规定（{year}年版）" if zh
             else f"{department.en} ({site[2]} office) expenses and working time rules ({year} edition)")
    lines = ["---", f"title: {title}", f"lang: {department.language}", "---", "", f"# {title}", ""]
    boiler = BOILERPLATE_ZH if zh else BOILERPLATE_EN
    name = department.zh if zh else department.en
    lines += ["## 总则" if zh else "## General", "", " ".join(b.format(d=name) for b in boiler[:3]), ""]
    for topic, spec in TOPICS.items():
        value = values[(department.key, site[0], year, topic)]
        rule = (spec[3] if zh else spec[4]).format(v=value)
        extra = rng.sample(boiler, 2)
        if zh:
            body = (f"{year}年度，{site[1]}{department.zh}员工{spec[0]}为{rule}。" + "".join(e.format(d=name) for e in extra)
                    + f"本标准自{year}年1月1日起执行，至新版本发布之日止。")
        else:
            body = (f"For {year}, the {spec[1].lower()} for {department.en} staff in {site[2]} is {rule}. "
                    + " ".join(e.format(d=name) for e in extra)
                    + f" This applies from 1 January {year} until the next edition is published.")
        lines += [f"## {spec[0] if zh else spec[1]}", "", body, ""]
    path = out / _source(department, site, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_programme_page(out: Path, key: str, zh: str, en: str, year: int, rng: random.Random) -> None:
    """One development programme's page of one year (English), long and mostly the same every year."""
    title = f"{en} {year}"
    months = rng.randrange(3, 13)
    tenure = rng.randrange(1, 4)
    seats = rng.randrange(10, 60, 5)
    text = (f"The {en.lower()} ({zh}) runs for {months} months in {year}. Employees with at least {tenure} years of "
            f"service may apply through the learning platform; {seats} places are offered company-wide. "
            + " ".join(b.format(d="Human Resources") for b in BOILERPLATE_EN[1:4]))
    lines = ["---", f"title: {title}", "lang: en", "---", "", f"# {title}", "", "## Overview", "", text, "",
             "## Selection", "", " ".join(rng.sample(BOILERPLATE_EN, 3)).format(d="Human Resources"), ""]
    path = out / "programmes" / f"{key}-{year}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def _questions(values: dict, rng: random.Random, n: int = 160) -> list[dict]:
    """Questions as an employee would ask: aliases for departments, other words for the topic, half of them in the
    other language than the page; the answer is the rule's value as the page writes it."""
    out = []
    for i in range(n):
        department = rng.choice(DEPARTMENTS)
        site = rng.choice(SITES)
        year = rng.choice(YEARS)
        topic = rng.choice(list(TOPICS))
        spec = TOPICS[topic]
        lang = rng.choice(["zh", "en"])
        name = (f"{site[1]}的" + rng.choice(department.zh_aliases) if lang == "zh"
                else rng.choice(department.en_aliases) + f" in {site[2]}")
        question = rng.choice(spec[5] if lang == "zh" else spec[6]).format(y=year, d=name)
        value = values[(department.key, site[0], year, topic)]
        answer = (spec[3] if department.language == "zh" else spec[4]).format(v=value)
        out.append({"id": f"arc-{i + 1:03d}", "question": question, "gold_sources": [_source(department, site, year)],
                    "answers": [answer], "expect": "answer", "lang": lang,
                    "cross_lingual": lang != department.language})
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: write the archive to --out."""
    parser = argparse.ArgumentParser(description="Generate the policy-archive collection and its questions.")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created; existing files replaced)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    counts = build(args.out, args.seed)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
