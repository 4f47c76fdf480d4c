"""What kind of answer a question wants (a number of days, an amount, a time) and whether a sentence offers one.

"年假有几天？" is answered by "……年休假5天", which shares few words with the question; knowing that the question asks
for a count of days lets the sentence with "5天" win over sentences that only repeat "年假"."""

from __future__ import annotations

import re

_NUMBER = (r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万半]+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a|an|half an?))")
_FREQUENCY = re.compile(_NUMBER + r"\s*(次|回|times?)|\b(once|twice|daily|weekly|biweekly|fortnightly|monthly|quarterly|"
                        r"annually|yearly)\b|每.{0,3}(年|季度|月|周|星期|天|日)|"
                        r"\bevery\s+(\w+\s+)?(days?|weeks?|months?|quarters?|years?)\b|"
                        r"\b(a|per)\s+(day|week|month|quarter|year)\b", re.I)
_DURATION = re.compile(_NUMBER + r"\s*(天|日|个?(自然|日历|工作)日|周|个?星期|个?月|年|小时|学时|days?|weeks?|months?|years?|"
                                 r"hours?|working days?|business days?|calendar days?|分钟|minutes?)|"
                                 # "how long must a password be?" asks for a length
                                 r"\d+\s*(characters?|digits?|letters?|words?|pages?|个?字符|位)", re.I)
# (question cue, sentence pattern that offers that kind of answer, strict); the first matching cue decides. A strict
# kind's pattern covers the ways the corpora write such values (amounts, durations, clock times, percentages and
# shares), so a quote without one cannot be the answer; dates, counts and scores are written too many ways for that
# (relevance.lacks_asked_value).
_KINDS: list[tuple[re.Pattern[str], re.Pattern[str], bool]] = [
    (re.compile(r"几点|what time", re.I),
     re.compile(r"\d{1,2}[:：]\d{2}|\d{1,2}\s*(点|时)|\b\d{1,2}\s*(am|pm)\b|noon|midnight|中午|午夜", re.I), True),
    (re.compile(r"什么时间|什么时候开始|\bwhen does\b", re.I),
     re.compile(r"\d{1,2}[:：]\d{2}|\d{1,2}\s*(点|时)|\b\d{1,2}\s*(am|pm)\b|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*日前|"
                r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|"
                r"\b\d{1,2}(st|nd|rd|th)\b", re.I), False),
    (re.compile(r"多少钱|多少元|多少块|多少美元|多少人民币|金额|报多少|补贴多少|补助多少|how many (dollars|yuan|rmb|usd)\b|"
                r"how much (money|is|are|do|does|can|will|did)|"
                r"\b(allowance|budget|cap|limit|reimburse)\b.*\bhow much\b|\bhow much\b.*\b(allowance|budget|cap|cost)", re.I),
     # a share written out ("70 percent") answers "how much does X count toward…" as "70%" does
     re.compile(_NUMBER + r"\s*(元|块|万元|yuan|rmb|%|％|percent\b|per cent\b)|[¥$￥]\s*\d|\b\d+\s*(dollars|usd|cny)\b|"
                r"\b(rmb|cny|usd)\s*\d", re.I), True),
    # "多久必须改一次密码" asks how often, not how long: read before the duration cue (its "12 characters long" was
    # taken as the length asked for). A frequency is written as 每…/every…/once/twice/N次, so the kind is strict.
    # "多久要第一次回复" (the first reply) asks how soon: 第一次 is no "once every"
    (re.compile(r"(多久|多长时间|隔多久|多少天|几天|几个月|几年).{0,10}(?<!第)一次|how often", re.I), _FREQUENCY, True),
    (re.compile(r"几天|多少天|多久|多长时间|几个月|几周|几年|几小时|多少小时|多少学时|how (many|much) (days?|weeks?|months?|"
                r"years?|hours?|time|notice)|how long|how (soon|quickly|fast|far in advance)|提前多久|多快", re.I),
     _DURATION, True),
    # "the longest non-compete period / probation" asks for a duration as "how long" does, but not strictly: "the
    # longest day I can work" is answered by "…in a single day is 12"
    (re.compile(r"\b(longest|shortest)\b", re.I), _DURATION, False),
    (re.compile(r"几次|多少次|how many times", re.I), _FREQUENCY, False),
    (re.compile(r"多少分|几分|(及格|合格)(线|分|标准)|\bscore\b|pass mark|passing (mark|score|grade)", re.I),
     re.compile(_NUMBER + r"\s*(%|％|分|points?)|\bpass(ing)?\s+(mark|score|grade)\b[^.。]*\d|\bout of \d+|"
                r"(及格|合格)线?为?\s*\d", re.I), False),
    (re.compile(r"百分之|比例|占比|权重|percentage|what (share|fraction|percent)|\bweight\b", re.I),
     re.compile(_NUMBER + r"\s*(%|％|分|points?|percent|per cent)|分之|一半|半数|\bhalf\b", re.I), True),
    (re.compile(r"几|多少|how many|how much", re.I),
     re.compile(r"\d|[一二两三四五六七八九十百千万]+\s*(个|名|人|次|天|日|年|月|周|小时|学时|元|分|%|倍|项|门|级|类|种|条|位|层|声|"
                r"步|张|份)|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)\b", re.I), False),
]


class AnswerType:
    """Built once per question; `offers(sentence)` says whether a sentence contains the kind of value asked for."""

    def __init__(self, question: str) -> None:
        kind = next(((offer, strict) for cue, offer, strict in _KINDS if cue.search(question)), (None, False))
        self._offer, self._strict = kind

    @property
    def wants_value(self) -> bool:
        """True when the question asks for a number, amount, duration or time."""
        return self._offer is not None

    @property
    def strict(self) -> bool:
        """True when the asked-for kind (an amount, a duration) is always written in a way `offers` recognises."""
        return self._strict

    def offers(self, sentence: str) -> bool:
        """True when the sentence holds a value of the kind the question asks for."""
        return self._offer is not None and self._offer.search(sentence) is not None
