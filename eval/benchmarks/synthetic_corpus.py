"""A deterministic bilingual HR-policy corpus of any size, for ingestion and query benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

DEPARTMENTS = ["研发部", "销售部", "市场部", "客户服务部", "运营部", "财务部", "人力资源部", "信息技术部"]
TOPICS = ["年休假", "病假", "加班", "差旅报销", "培训学时", "补考", "绩效考核", "信息安全", "合规", "入职培训",
          "远程办公", "餐补", "交通补贴", "服务期", "课程评估", "晋升", "试用期", "离职交接", "设备领用", "数据保护"]
EN_TOPICS = ["annual leave", "sick leave", "overtime", "travel expenses", "training hours", "make-up exam",
             "performance review", "information security", "compliance", "onboarding", "remote work",
             "meal allowance", "commuting allowance", "service period", "course evaluation", "promotion",
             "probation", "handover", "equipment", "data protection"]
ZH_RULES = [
    "{dept}员工申请{topic}，应当至少提前{n}个工作日通过人事系统提交，经直属经理审批后生效。",
    "{topic}相关费用每人每年不超过{money}元，超出部分须由部门负责人书面批准。",
    "未按规定完成{topic}的，当季度绩效中该项扣除{pct}%，连续两个季度未完成的取消评优资格。",
    "{topic}的考核合格线为{score}分，不合格者可在{n}个自然日内申请补考一次。",
    "{dept}每季度对{topic}执行情况进行复盘，完成率低于{pct}%的团队须提交改进计划。",
]
EN_RULES = [
    "Employees in {dept_en} must request {topic} at least {n} working days in advance through the HR system.",
    "Costs related to {topic} are capped at {money} yuan per person per year unless a director approves more.",
    "Missing the {topic} requirement reduces the quarterly score by {pct} percent for that item.",
    "The passing score for the {topic} assessment is {score}; one retake is allowed within {n} days.",
]
DEPT_EN = ["R&D", "Sales", "Marketing", "Customer Service", "Operations", "Finance", "HR", "IT"]


def _sentence(rng: random.Random, english: bool) -> str:
    """One rule sentence with random slots."""
    slots = {"dept": rng.choice(DEPARTMENTS), "dept_en": rng.choice(DEPT_EN), "n": rng.randint(1, 30),
             "money": rng.choice([500, 800, 1000, 2000, 5000, 12000]), "pct": rng.choice([5, 10, 20, 60, 90]),
             "score": rng.choice([60, 70, 80, 85])}
    if english:
        return rng.choice(EN_RULES).format(topic=rng.choice(EN_TOPICS), **slots)
    return rng.choice(ZH_RULES).format(topic=rng.choice(TOPICS), **slots)


def write_corpus(directory: Path, chunks: int, seed: int = 7, sections_per_file: int = 50) -> int:
    """Write Markdown files holding about `chunks` article-sized chunks (70% Chinese, 30% English)."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    files = max(1, chunks // sections_per_file)
    for number in range(files):
        english = number % 10 >= 7
        lines = [f"---\ntitle: {'Policy' if english else '制度'} {number:05d}\n---\n"]
        for section in range(sections_per_file):
            if english:
                lines.append(f"## Section {section + 1}\n")
            else:
                lines.append(f"## 第{section + 1}条\n")
            lines.append(" ".join(_sentence(rng, english) for _ in range(rng.randint(2, 4))) + "\n")
        (directory / f"policy-{number:05d}.md").write_text("\n".join(lines), encoding="utf-8")
    return files


def queries(count: int, seed: int = 11) -> list[str]:
    """Realistic questions over the synthetic topics, both languages."""
    rng = random.Random(seed)
    zh = ["{topic}需要提前几天申请？", "{dept}的{topic}费用上限是多少？", "没完成{topic}会扣多少绩效？", "{topic}考试多少分及格？"]
    en = ["How early must I request {topic}?", "What is the yearly cap for {topic}?", "What is the pass mark for {topic}?"]
    out = []
    for i in range(count):
        if i % 3 == 2:
            out.append(rng.choice(en).format(topic=rng.choice(EN_TOPICS)))
        else:
            out.append(rng.choice(zh).format(topic=rng.choice(TOPICS), dept=rng.choice(DEPARTMENTS)))
    return out


def embedding_texts(directory: Path, limit: int | None = None) -> list[str]:
    """What ingest hands the embedder for the files under `directory` (title, heading and chunk text)."""
    from knowledge.chunker import chunk_document
    from knowledge.front_matter import audience_of
    from knowledge.loaders import load_file
    from retrieval.index import embedding_text

    texts: list[str] = []
    for path in sorted(directory.glob("*.md")):
        loaded = load_file(path)
        for chunk in chunk_document(path.name, loaded, audience_of(loaded.meta)):
            texts.append(embedding_text(loaded.title, chunk.heading, chunk.text))
            if limit is not None and len(texts) >= limit:
                return texts
    return texts
