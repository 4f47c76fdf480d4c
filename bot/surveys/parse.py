"""Read a reply to "rate this course 1-5": the rating, an optional comment, a refusal, or not a rating at all.

Strict on purpose: only a reply that is plainly a rating counts ("4", "四分，讲得清楚", "4/5 too long", "I'd give it a
four"), so a question typed while a survey is open ("SEC-101 考80分及格吗？") is never taken as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "one": 1, "two": 2, "three": 3, "four": 4,
                 "five": 5}
_NUMBER = r"(?<![\d.])(?P<d>\d{1,2})(?![\d%]|\.\d)|(?P<zh>[一二两三四五])|\b(?P<en>one|two|three|four|five)\b"
_UNIT = r"(?:\s*(?P<unit>分|颗星|星|stars?\b|points?\b|/\s*5|out of 5))?(?:吧|啦|了|呗|哈)?"
_FILLER = r"(?:(?:那就|那|就|嗯+|好吧|好的?|ok(?:ay)?|well|then|hmm+)[\s,，]*)*"
_LEAD = (r"^" + _FILLER + r"(?P<lead>(?:我|I)?\s*(?:给|打|评|评分|打分|评为|rating|rate it|score|my rating is|i(?:'d| would)? give it|"
         r"i(?:'d| would)? rate it|give it)\s*(?:a|an|个)?\s*[:：]?\s*)?")
_STARS = re.compile(r"^\s*([★⭐]{1,10})\s*(.*)$", re.S)
_AT_START = re.compile(_LEAD + r"(?:" + _NUMBER + r")" + _UNIT + r"(?P<rest>.*)$", re.I | re.S)
_AT_END = re.compile(r"^(?P<rest>.*?)[\s，,。.;；:：!！~～-]*" + _FILLER + r"(?:给|打|评)?\s*(?:" + _NUMBER + r")\s*"
                     r"(?:分|颗星|星|stars?|/\s*5|out of 5)(?:吧|啦|了|呗|哈)?\s*[。.!！~～]*\s*$", re.I | re.S)
_DECLINE = re.compile(r"^\s*(?:跳过|不评了?|不想评(?:价|分)?|不打分|算了|以后再说|下次吧?|不用了?|skip(?: it)?|no thanks|"
                      r"not now|pass|later|maybe later|no)\s*[。.!！~]*\s*$", re.I)
_SEPARATORS = " \t\n，,。.;；:：!！-—~～、"
# What follows a number that counts something else than a rating ("3 people", "5 days", "2 more questions").
_COUNTED = re.compile(r"(?:[\d天人门%岁年月号次个]|(?:more|other|of|x|times?|days?|hours?|weeks?|months?|years?|people|"
                      r"persons?|courses?|questions?|minutes?|percent|yuan|rmb|pm|am|th|st|nd|rd)\b)", re.I)


@dataclass(frozen=True)
class Rating:
    """A 1-5 rating and the comment that came with it (possibly empty)."""

    value: int
    comment: str


@dataclass(frozen=True)
class OutOfRange:
    """A number that is plainly meant as a rating but is not 1-5 ("6分", "0")."""

    value: int


@dataclass(frozen=True)
class Declined:
    """The person does not want to rate ("跳过", "no thanks")."""


def _value(match: re.Match) -> int:
    """The number a match found, as an int, whichever way it was written."""
    digits, chinese, english = match.group("d"), match.group("zh"), match.group("en")
    if digits:
        return int(digits)
    return _NUMBER_WORDS[(chinese or english).lower()]


def _clean(comment: str) -> str:
    """The comment without the separators around it."""
    return comment.strip(_SEPARATORS)[:2000]


def read_survey_reply(text: str) -> Rating | OutOfRange | Declined | None:
    """Classify a reply; None when it is not an answer to the survey (a question, a request, anything else)."""
    message = (text or "").strip()
    if not message or message.endswith(("?", "？")):
        return None
    if _DECLINE.match(message):
        return Declined()
    stars = _STARS.match(message)
    if stars:
        count = len(stars.group(1))
        return Rating(count, _clean(stars.group(2))) if count <= 5 else OutOfRange(count)
    match = _AT_START.match(message)
    if match and _starts_cleanly(match.group("rest")) and _plainly_a_rating(match):
        return _rated(_value(match), match.group("rest"))
    match = _AT_END.match(message)
    if match:
        return _rated(_value(match), match.group("rest"))
    return None


def _plainly_a_rating(match: re.Match) -> bool:
    """A digit may stand alone; a number word ("一般", "one more thing") needs a unit, a lead phrase or nothing else."""
    return bool(match.group("d") or match.group("unit") or match.group("lead") or not match.group("rest").strip())


def _starts_cleanly(rest: str) -> bool:
    """After the number comes nothing, a separator, or a comment ("5 really clear", "4 讲得清楚"): not more digits,
    a word glued to the number ("5th") or a unit of something else ("5天", "3 people", "2 more questions")."""
    if not rest:
        return True
    if rest[0] in _SEPARATORS:
        return not _COUNTED.match(rest.lstrip(_SEPARATORS))
    return not re.match(r"[\dA-Za-z天人门%岁年月号次个]", rest)


def _rated(value: int, rest: str) -> Rating | OutOfRange:
    """A rating when 1-5, else OutOfRange (so the mentor can ask again for 1-5)."""
    return Rating(value, _clean(rest)) if 1 <= value <= 5 else OutOfRange(value)
