"""A rule of one jurisdiction does not answer a question about another's.

"国家规定的婚假是几天？" quoting the US federal handbook's leave page, or "How much severance do federal employees get
in a reduction in force?" quoting the PRC Labour Contract Law, quotes a real rule of the wrong body of law
(eval/results/answer_tuning.txt §19). Both sides are read from what they say, never from the quote's language (a
company policy may restate Chinese law in English):
- the question names a jurisdiction: a government word ("federal", "联邦", "PRC", "国家规定", "法定") or a country
  together with a word about rules ("statutory sick pay in the UK"); a country named alone is a place, not a body of
  law ("飞去美国可以订商务舱吗");
- the document's jurisdiction is the one its whole text (title and every chunk) names clearly most often (at least
  DOCUMENT_MIN_MENTIONS times and DOCUMENT_LEAD times the next one); a company policy that names none stays unknown
  and is never judged."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

DOCUMENT_MIN_MENTIONS = 2
DOCUMENT_LEAD = 2.0

# Names a document uses for its own jurisdiction: governments, their agencies and the country (not the adjective
# "Chinese", which documents mostly use for the language).
_DOCUMENT_NAMES = {
    "cn": r"中华人民共和国|中国|国务院|全国人民代表大会|国家|\bPRC\b|(?i:People's Republic of China|\bChina\b)",
    "us": r"(?i:\bfederal\b|\bUnited States\b|\bOPM\b|\bGSA\b)|\bU\.S\.|\bUSA\b|美国|联邦",
    "uk": r"(?i:\bUnited Kingdom\b|\bBritain\b|\bEngland\b)|\bUK\b|英国",
    "hk": r"(?i:\bHong Kong\b)|香港",
    "sg": r"(?i:\bSingapore\b)|新加坡",
    "jp": r"(?i:\bJapan\b)|日本",
    "de": r"(?i:\bGermany\b)|德国",
    "eu": r"(?i:\bEuropean Union\b)|\bEU\b|欧盟",
}
# Words that name a government's rules by themselves: a question holding one asks about that jurisdiction.
_GOVERNMENT_NAMES = {
    "cn": r"中华人民共和国|国务院|\bPRC\b|"
          r"(?:按照?|依照?|根据)国家|国家(?=[^，。？?,]{0,3}(?:规定|给|法|标准|政策|要求))",
    "us": r"(?i:\bfederal\b|\bOPM\b|\bGSA\b)|联邦",
}
# A country named next to one of these words is asked about as a body of law ("statutory sick pay in the UK").
_COUNTRY_NAMES = {
    **_DOCUMENT_NAMES,
    "cn": r"中国|(?i:\bChina\b|\bChinese\b|People's Republic of China)",
    "us": r"\bU\.S\.|\bUS\b|\bUSA\b|(?i:\bUnited States\b|\bAmerican?\b)|美国",
}
_RULE_WORDS = re.compile(r"\blaws?\b|\blegal(?:ly)?\b|\bstatutory\b|\bregulations?\b|\brules?\b|\bgovernment\b|\bby law\b|"
                         r"法律|法规|法定|规定|条例|政府|劳动法", re.IGNORECASE)
# A Chinese question that asks what the law prescribes, naming no country, asks about Chinese law.
_CHINESE_LAW_WORDS = re.compile(r"法律|法定|法规|劳动法")


def _count(patterns: dict[str, str], text: str) -> Counter:
    """How often each jurisdiction's names occur in the text."""
    return Counter({name: len(re.findall(pattern, text)) for name, pattern in patterns.items()})


def named_jurisdictions(question: str) -> set[str]:
    """The jurisdictions whose rules the question asks about (empty: it names none)."""
    named = {name for name, pattern in _GOVERNMENT_NAMES.items() if re.search(pattern, question)}
    if _RULE_WORDS.search(question):
        named |= {name for name, pattern in _COUNTRY_NAMES.items() if re.search(pattern, question)}
    if not named and re.search(r"[\u4e00-\u9fff]", question) and _CHINESE_LAW_WORDS.search(question):
        named = {"cn"}
    return named


def document_jurisdiction(text: str) -> str | None:
    """The jurisdiction a document's text names clearly most often, or None (it names none, or several alike)."""
    counts = _count(_DOCUMENT_NAMES, text).most_common(2)
    first, most = counts[0]
    runner_up = counts[1][1] if len(counts) > 1 else 0
    if most < DOCUMENT_MIN_MENTIONS or most < DOCUMENT_LEAD * runner_up:
        return None
    return first


def other_jurisdiction(question: str, document_text: str) -> bool:
    """The question asks about one jurisdiction's rules and the quoted document is clearly another's."""
    named = named_jurisdictions(question)
    if not named:
        return False
    own = document_jurisdiction(document_text)
    return own is not None and own not in named


def within_named(picks: list, question: str, document_text: Callable[[str], str]) -> tuple[list, bool]:
    """The candidate sentences whose documents may answer for the jurisdiction the question names, and whether any
    were set aside. `document_text(source)` gives a document's whole text (read only when the question names one).
    All candidates of other jurisdictions leave an empty list: the material does not hold that jurisdiction's rule."""
    named = named_jurisdictions(question)
    if not named or not picks:
        return picks, False
    known: dict[str, str | None] = {}
    for pick in picks:
        source = pick.passage.source
        if source not in known:
            known[source] = document_jurisdiction(f"{pick.passage.title}\n{document_text(source)}")
    kept = [p for p in picks if known[p.passage.source] is None or known[p.passage.source] in named]
    return kept, len(kept) < len(picks)
