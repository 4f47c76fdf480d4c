"""A regional rule answers questions about its own region only.

"上海的专业技术人员每年继续教育要多少学时" quoting 《北京市专业技术人员继续教育规定》 answers for the wrong city: when the
quoted document's title is a city's or province's rule and the question names a place (jieba's place tag) but not that
one, the quote cannot be the answer (eval/results/answer_tuning.txt §13)."""

from __future__ import annotations

import logging
import re
import threading

_REGIONAL_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(市|省|自治区|特别行政区)")
_lock = threading.Lock()


def _places(question: str) -> list[str]:
    """Place names in a Chinese question (jieba's part-of-speech tag 'ns'), loaded on first use."""
    import jieba
    import jieba.posseg as posseg

    with _lock:
        jieba.setLogLevel(logging.WARNING)
        return [word for word, flag in posseg.lcut(question) if flag == "ns" and len(word) >= 2]


def other_region(question: str, title: str) -> bool:
    """The quoted document is a regional rule (its title starts with a city or province) and the question names a
    place, but not that region."""
    match = _REGIONAL_TITLE.match(title or "")
    if match is None or not re.search(r"[\u4e00-\u9fff]", question):
        return False
    region = match.group(1)
    places = _places(question)
    return bool(places) and not any(region in place or place in region for place in places) and region not in question
