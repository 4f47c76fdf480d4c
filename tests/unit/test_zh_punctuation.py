"""Chinese messages use full-width punctuation: a half-width ',' or ':' between Chinese words reads as a typo."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "hr", "adapters", "knowledge", "retrieval")  # eval/ holds what users type, not messages
CJK = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e"
IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
HALF_WIDTH_NEXT_TO_CJK = re.compile(rf"[{CJK}][,.:;?!()]|[,:;?!()][{CJK}]")
# Data, not messages: audience tags are written "english;中文" in the org files and the catalogue.
DATA_VALUES = {"manager;经理"}


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of docstring nodes (developer prose, not messages)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _is_pattern(source: str, node: ast.Constant, parent: ast.AST | None) -> bool:
    """Regular expressions and character sets are written as raw strings; they match input, nobody reads them."""
    holder = parent if isinstance(parent, ast.JoinedStr) else node
    segment = ast.get_source_segment(source, holder) or ""
    return segment[:1] in "rR" or segment[:2].lower() in ("fr", "rf")


def zh_messages_with_half_width() -> list[str]:
    """Every string literal in the product code that puts half-width punctuation next to a Chinese character."""
    bad = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            tree = ast.parse(source)
            skip = _docstrings(tree)
            parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
                    continue
                if node.value in DATA_VALUES or _is_pattern(source, node, parents.get(id(node))):
                    continue
                if IDEOGRAPH.search(node.value) and HALF_WIDTH_NEXT_TO_CJK.search(node.value):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    return bad


def test_no_zh_message_mixes_half_width_punctuation_into_chinese() -> None:
    assert zh_messages_with_half_width() == []


def test_the_scan_sees_a_half_width_comma_between_chinese_words() -> None:
    assert HALF_WIDTH_NEXT_TO_CJK.search("尚未配置聊天渠道,提醒已排队")
    assert HALF_WIDTH_NEXT_TO_CJK.search("跳过:已提醒")
    assert not HALF_WIDTH_NEXT_TO_CJK.search("尚未配置聊天渠道，提醒已排队（Slack）")
