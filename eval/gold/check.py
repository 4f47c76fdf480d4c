"""Check a gold question set against its corpus, so a broken gold set fails loudly instead of skewing scores.

Usage: `python -m eval.gold.check --corpus knowledge/samples/kb --questions eval/gold/sample_kb.jsonl`.
It checks the schema, unique ids, that every gold source exists, that every expected answer string occurs in at
least one gold source (whitespace-insensitive, case-insensitive), that abstain items carry no sources or answers,
and it warns when a question copies a long stretch of its source (the sets are meant to be paraphrased).
Exit code 0 when the set is sound, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED_KEYS = ("id", "question", "gold_sources", "answers", "expect")
OPTIONAL_KEYS = ("lang", "audience", "cross_lingual", "note")
EXPECT_VALUES = ("answer", "abstain")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
LANGUAGE_SHARE = 0.25  # a document "is in" a language when that language carries at least this share of it
COPY_LIMIT_ZH = 10  # a question sharing this many consecutive characters with its source is not a paraphrase
COPY_LIMIT_EN = 40


@dataclass
class Report:
    """Problems (the set is wrong) and warnings (the set is weaker than it should be)."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def normalise(text: str) -> str:
    """Collapse whitespace and lower-case, so line breaks in a PDF do not hide an answer."""
    return _SPACE.sub(" ", text).strip().lower()


def extract_text(path: Path) -> str:
    """The readable text of one corpus file, by extension (md, txt, html, pdf, docx)."""
    suffix = path.suffix.lower()
    if suffix in {".md", ".markdown", ".txt"}:
        return path.read_text(encoding="utf-8")
    if suffix in {".html", ".htm"}:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        return soup.get_text(" ")
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    if suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    raise ValueError(f"{path}: unsupported file type {suffix!r}; the gold checker reads md, txt, html, pdf and docx")


def languages_of(text: str) -> frozenset[str]:
    """The languages that carry a real share of `text` ("zh", "en"); a bilingual FAQ has both."""
    zh = len(_CJK.findall(text))
    en = 2 * len(_LATIN_WORD.findall(text))  # one English word weighs about two Chinese characters
    total = zh + en
    if not total:
        return frozenset()
    return frozenset(lang for lang, n in (("zh", zh), ("en", en)) if n / total >= LANGUAGE_SHARE)


def question_language(question: str) -> str:
    """ "zh" when the question has any Chinese, else "en"."""
    return "zh" if _CJK.search(question) else "en"


def longest_shared_run(question: str, source: str) -> int:
    """Length of the longest substring of `question` that also occurs in `source` (both normalised)."""
    best = 0
    for start in range(len(question)):
        length = best + 1
        while start + length <= len(question) and question[start : start + length] in source:
            best = length
            length += 1
    return best


def load_rows(path: Path, report: Report) -> list[dict]:
    """Parse the JSONL file; a line that is not a JSON object is a problem naming its line number."""
    rows: list[dict] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            report.problems.append(f"{path}:{number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            report.problems.append(f"{path}:{number}: each line must be a JSON object")
            continue
        rows.append(row)
    return rows


def check_row(row: dict, corpus: Path, texts: dict[str, str], report: Report) -> None:
    """All checks for one question; appends to the report."""
    qid = row.get("id", "?")
    missing = [key for key in REQUIRED_KEYS if key not in row]
    if missing:
        report.problems.append(f"{qid}: missing keys {missing}")
        return
    unknown = sorted(set(row) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        report.problems.append(f"{qid}: unknown keys {unknown}")
    if row["expect"] not in EXPECT_VALUES:
        report.problems.append(f"{qid}: expect must be one of {EXPECT_VALUES}, not {row['expect']!r}")
    if not isinstance(row["question"], str) or not row["question"].strip():
        report.problems.append(f"{qid}: question must be a non-empty string")
        return
    if row["expect"] == "abstain":
        if row["gold_sources"] or row["answers"]:
            report.problems.append(f"{qid}: an abstain item must have empty gold_sources and answers")
        return
    if not row["gold_sources"] or not row["answers"]:
        report.problems.append(f"{qid}: an answer item needs at least one gold source and one answer string")
        return
    for source in row["gold_sources"]:
        if source not in texts:
            path = corpus / source
            if not path.is_file():
                report.problems.append(f"{qid}: gold source {source} not found under {corpus}")
                continue
            texts[source] = normalise(extract_text(path))
    known = [texts[s] for s in row["gold_sources"] if s in texts]
    asked_in = question_language(row["question"])
    if row.get("lang", asked_in) != asked_in:
        report.problems.append(f"{qid}: lang is {row['lang']!r} but the question is written in {asked_in!r}")
    crossing = bool(known) and not any(asked_in in languages_of(text) for text in known)
    if crossing != bool(row.get("cross_lingual", False)):
        report.problems.append(
            f"{qid}: cross_lingual should be {str(crossing).lower()} (question in {asked_in!r}, "
            f"gold sources in {sorted(set().union(*(languages_of(t) for t in known)))})"
        )
    for answer in row["answers"]:
        if not any(normalise(answer) in text for text in known):
            report.problems.append(f"{qid}: answer {answer!r} occurs in none of its gold sources")
    question = normalise(row["question"])
    limit = COPY_LIMIT_ZH if _CJK.search(question) else COPY_LIMIT_EN
    run = max((longest_shared_run(question, text) for text in known), default=0)
    if run >= limit:
        report.warnings.append(f"{qid}: question shares {run} consecutive characters with its source; paraphrase it")


def check(corpus: Path, questions: Path) -> Report:
    """Check every question of `questions` against the files under `corpus`."""
    report = Report()
    if not corpus.is_dir():
        report.problems.append(f"corpus folder {corpus} not found")
        return report
    rows = load_rows(questions, report)
    texts: dict[str, str] = {}
    seen: set[str] = set()
    for row in rows:
        qid = str(row.get("id", "?"))
        if qid in seen:
            report.problems.append(f"{qid}: duplicate id")
        seen.add(qid)
        check_row(row, corpus, texts, report)
    report.counts = {
        "questions": len(rows),
        "answer": sum(1 for r in rows if r.get("expect") == "answer"),
        "abstain": sum(1 for r in rows if r.get("expect") == "abstain"),
        "zh": sum(1 for r in rows if _CJK.search(str(r.get("question", "")))),
        "cross_lingual": sum(1 for r in rows if r.get("cross_lingual")),
        "sources_used": len({s for r in rows for s in r.get("gold_sources", [])}),
    }
    return report


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print counts, warnings and problems; exit 1 on any problem."""
    parser = argparse.ArgumentParser(description="Check a gold question set (JSONL) against its corpus folder.")
    parser.add_argument("--corpus", type=Path, required=True, help="folder the gold_sources are relative to")
    parser.add_argument("--questions", type=Path, required=True, help="JSONL file, one question object a line")
    args = parser.parse_args(argv)
    report = check(args.corpus, args.questions)
    print(json.dumps(report.counts, ensure_ascii=False))
    for line in report.warnings:
        print(f"warning: {line}")
    for line in report.problems:
        print(f"problem: {line}", file=sys.stderr)
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
