"""Markdown tables as lines for chat channels that cannot draw a table (Slack mrkdwn, WeCom markdown)."""

from __future__ import annotations

import re

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def flatten_tables(text: str) -> str:
    """Each markdown table becomes one bullet per row ("• 研发部：完成率 51.2%；已完成/应完成 22/43"), every cell
    named by its column; everything else is left as it is."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if i + 1 < len(lines) and _ROW.match(lines[i]) and _RULE.match(lines[i + 1]):
            header = _cells(lines[i])
            i += 2
            while i < len(lines) and _ROW.match(lines[i]) and not _RULE.match(lines[i]):
                out.append(_bullet(header, _cells(lines[i])))
                i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _cells(line: str) -> list[str]:
    """The cells of one table line, trimmed."""
    return [cell.strip() for cell in _ROW.match(line).group(1).split("|")]


def _bullet(header: list[str], cells: list[str]) -> str:
    """One row: its first cell, then each other cell after its column name."""
    zh = bool(_CJK.search(" ".join(header)))
    named = [f"{name} {value}" for name, value in zip(header[1:], cells[1:], strict=False) if value]
    return f"• {cells[0]}" + (("：" if zh else ": ") + ("；" if zh else "; ").join(named) if named else "")
