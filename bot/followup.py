"""Rewrite a follow-up ("那补考呢？", "what about managers?") into a standalone question using the previous one."""

from __future__ import annotations

import re

_ZH_FOLLOWUP = re.compile(r"^(?:那如果是|那如果|那么|那|如果是|换成|还有)\s*(.{1,15}?)\s*(?:呢|怎么样|怎么办|又如何)?\s*[?？]?$"
                          r"|^(.{1,12}?)\s*呢\s*[?？]?$")
_EN_FOLLOWUP = re.compile(r"^(?:and\s+)?(?:what|how)\s+about\s+(.{1,60}?)\s*\??$|^and\s+(?:for\s+)?(.{1,40}?)\s*\?$",
                          re.IGNORECASE)
# Where the asking part of a Chinese question starts: the subject sits before it.
_ZH_PREDICATE = re.compile(r"(有几|有多少|几天|几次|多少|怎么|如何|是什么|是多少|能不能|可以|可不可以|需要|要|吗|是否|多久|多长)")
_EN_PEOPLE = re.compile(r"\b(employees?|staff|i|we|me|new hires?|managers?|interns?|contractors?|everyone|people|"
                        r"sales people|engineers?)\b", re.IGNORECASE)


def follow_up_focus(text: str) -> str | None:
    """The new subject of a follow-up ("补考", "managers"); None when the message stands on its own."""
    stripped = text.strip()
    if m := _ZH_FOLLOWUP.match(stripped):
        return (m.group(1) or m.group(2) or "").strip() or None
    if m := _EN_FOLLOWUP.match(stripped):
        return (m.group(1) or m.group(2) or "").strip() or None
    return None


def rewrite(text: str, previous_question: str | None) -> str:
    """A standalone question: the previous question asked again about the follow-up's subject."""
    focus = follow_up_focus(text)
    if not focus or not previous_question:
        return text
    previous = previous_question.strip()
    if re.search(r"[\u4e00-\u9fff]", previous):
        m = _ZH_PREDICATE.search(previous)
        if m and m.start() > 0:
            return focus + previous[m.start():]
        return f"{focus}：{previous}"
    if _EN_PEOPLE.search(previous) and _EN_PEOPLE.fullmatch(focus.split()[-1] if focus.split() else ""):
        return _EN_PEOPLE.sub(focus, previous, count=1)
    return f"{previous.rstrip('?？ ')} for {focus}?"
