"""What kind of answer a question wants (a number of days, an amount, a time) and whether a sentence offers one.

"年假有几天？" is answered by "……年休假5天", which shares few words with the question; knowing that the question asks
for a count of days lets the sentence with "5天" win over sentences that only repeat "年假"."""

from __future__ import annotations

import re

_NUMBER = (r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万半]+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a|an|half an?))")
# (question cue, sentence pattern that offers that kind of answer); the first matching cue decides.
_KINDS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (re.compile(r"几点|什么时间|什么时候开始|what time|\bwhen does\b", re.I),
     re.compile(r"\d{1,2}[:：]\d{2}|\d{1,2}\s*(点|时)|\b\d{1,2}\s*(am|pm)\b", re.I)),
    (re.compile(r"多少钱|多少元|多少块|金额|报多少|补贴多少|补助多少|how much (money|is|do|does|can|will)|"
                r"\b(allowance|budget|cap|limit|reimburse)\b.*\bhow much\b|\bhow much\b.*\b(allowance|budget|cap|cost)", re.I),
     re.compile(_NUMBER + r"\s*(元|块|万元|yuan|rmb|%|％)|[¥$￥]\s*\d|\b\d+\s*(dollars|usd|cny)\b", re.I)),
    (re.compile(r"几天|多少天|多久|多长时间|几个月|几周|几年|几小时|多少小时|多少学时|how (many|much) (days?|weeks?|months?|"
                r"years?|hours?|time|notice)|how long|how (soon|quickly|fast|far in advance)|提前多久|多快", re.I),
     re.compile(_NUMBER + r"\s*(天|日|个?工作日|周|个?星期|个?月|年|小时|学时|days?|weeks?|months?|years?|hours?|"
                          r"working days?|business days?|calendar days?)", re.I)),
    (re.compile(r"几次|多少次|how many times|how often", re.I),
     re.compile(_NUMBER + r"\s*(次|回|times?)|\b(once|twice)\b|每(年|季度|月|周)", re.I)),
    (re.compile(r"百分之|比例|占比|权重|多少分|几分|(及格|合格)(线|分|标准)|percentage|what (share|fraction|percent)|\bweight\b|score", re.I),
     re.compile(_NUMBER + r"\s*(%|％|分|points?)|百分之", re.I)),
    (re.compile(r"几|多少|how many|how much", re.I), re.compile(r"\d|[一二两三四五六七八九十百千万]")),
]


class AnswerType:
    """Built once per question; `offers(sentence)` says whether a sentence contains the kind of value asked for."""

    def __init__(self, question: str) -> None:
        self._offer = next((offer for cue, offer in _KINDS if cue.search(question)), None)

    @property
    def wants_value(self) -> bool:
        """True when the question asks for a number, amount, duration or time."""
        return self._offer is not None

    def offers(self, sentence: str) -> bool:
        """True when the sentence holds a value of the kind the question asks for."""
        return self._offer is not None and self._offer.search(sentence) is not None
