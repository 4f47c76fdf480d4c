"""Rewrite a follow-up ("那补考呢？", "what about managers?") into a standalone question using the previous one."""

from __future__ import annotations

import re

_ZH_FOLLOWUP = re.compile(r"^(?:那如果是|那如果|那么|那|如果是|换成|还有)\s*(.{1,15}?)\s*(?:呢|怎么样|怎么办|又如何)?\s*[?？]?$"
                          r"|^(.{1,12}?)\s*呢\s*[?？]?$"
                          r"|^(?:那)?([^，,。？?]{1,12}?)\s*呢\s*[，,]\s*[^，,。？?]{1,14}[?？。]?$")  # "其他城市住宿呢，不是省会的那种"
# "after 5 days?", "more than 3 days?", "during probation?": a bare case of the last question, no question of its own
_EN_CASE = re.compile(r"^(?:(?:and|but|so|ok|okay|also),?\s+)?((?:after|over|beyond|past|more than|less than|fewer than|"
                      r"under|above|below|during|within|before|without|with|on|in)\s+[^?？]{1,40}?)\s*[?？]$",
                      re.IGNORECASE)
_EN_ASKS = re.compile(r"\b(what|how|when|where|who|whom|which|why|can|could|do|does|did|is|are|was|were|will|would|"
                      r"should|must|may|might|have|has|need|i|we|you)\b", re.IGNORECASE)
_EN_FOLLOWUP = re.compile(r"^(?:(?:ok|okay|so|well|fine|alright|hmm),?\s+)?(?:and\s+)?(?:what|how)\s+about\s+(.{1,60}?)\s*\??$|^and\s+(?:for\s+)?(.{1,40}?)\s*\?$",
                          re.IGNORECASE)
# Where the asking part of a Chinese question starts: the subject sits before it.
_ZH_PREDICATE = re.compile(r"(有几|有多少|几天|几次|多少|怎么|如何|是什么|是多少|能不能|可以|可不可以|需要|要|吗|是否|多久|多长)")
# "and can I carry unused days over?": "and" before a question of its own joins a new question, not a new subject.
_EN_QUESTION_START = re.compile(r"^(?:can|could|do|does|did|is|are|was|were|will|would|should|shall|may|might|must|"
                                r"have|has|how|what|when|where|why|who|which|whose|i|we|it|there)\b", re.IGNORECASE)
_EN_PEOPLE = re.compile(r"\b(employees?|staff|i|we|me|new hires?|managers?|interns?|contractors?|everyone|people|"
                        r"sales people|engineers?)\b", re.IGNORECASE)


def follow_up_focus(text: str) -> str | None:
    """The new subject of a follow-up ("补考", "managers"); None when the message stands on its own."""
    stripped = text.strip()
    if m := _ZH_FOLLOWUP.match(stripped):
        if m.group(1) and not re.search(r"(呢|怎么样|怎么办|又如何)\s*[?？]?$", stripped) \
                and _ZH_PREDICATE.search(m.group(1)):
            return None  # "那客户送的礼品多少钱以内可以收": a whole question of its own, not a subject to swap in
        return (m.group(1) or m.group(2) or m.group(3) or "").strip() or None
    if m := _EN_FOLLOWUP.match(stripped):
        if m.group(2) and _EN_QUESTION_START.match(m.group(2)):
            return None
        return (m.group(1) or m.group(2) or "").strip() or None
    if (m := _EN_CASE.match(stripped)) and not _EN_ASKS.search(m.group(1)) and len(m.group(1).split()) <= 6:
        return m.group(1).strip()
    return None


_HEAD_NOUNS = ("补贴", "津贴", "补助", "费用", "报销", "标准", "福利", "奖金", "待遇", "假", "费")


def _swap_shared_word(core: str, previous: str) -> str:
    """"工作时间内" after "内部讲师下班时间上课…": the word sharing two characters with the focus is replaced."""
    for size in range(min(len(core), 4), 1, -1):
        for start in range(len(core) - size + 1):
            common = core[start:start + size]
            at = previous.find(common)
            if at < 0 or not re.fullmatch(r"[\u4e00-\u9fff]+", common):
                continue
            left = at
            while left > 0 and at - left < 2 and re.match(r"[\u4e00-\u9fff]", previous[left - 1]) \
                    and previous[left - 1] not in core:
                left -= 1
            right = at + size
            return previous[:left] + core + previous[right:]
    return ""


def _swap_modifier(core: str, previous: str) -> str:
    """"交通" after "公司午餐补贴一天给多少" -> "公司交通补贴一天给多少"; "病假" after "年假有几天" -> "病假有几天"."""
    for head in _HEAD_NOUNS:
        at = previous.find(head)
        if at <= 0:
            continue
        start = max(0, at - 2)
        while start < at and not re.match(r"[\u4e00-\u9fff]", previous[start]):
            start += 1
        if core.endswith(head):
            return previous[:start] + core + previous[at + len(head):]
        return previous[:start] + core + previous[at:]
    return ""


_EN_HEADS = re.compile(r"\b([a-z][a-z-]*)\s+(allowances?|subsid(?:y|ies)|limits?|leave|budgets?|fees?|bonus(?:es)?|"
                       r"benefits?|insurance|reimbursements?|expenses?|claims?|policy|policies|rates?|caps?)\b",
                       re.IGNORECASE)


# "does the company reimburse gym memberships?": an auxiliary, who acts, one verb, then what it acts on
_EN_VERB_OBJECT = re.compile(r"^((?:do|does|did|can|could|will|would|should|may|must)\s+(?:i|we|you|they|employees|staff|"
                             r"the company|the firm|hr|(?:my|our|the)\s+(?:manager|team|company|employer|department))\s+"
                             r"(?!have\b|get\b|need\b|be\b)[a-z]+)\s+([^?？]+?)\s*([?？]?)$", re.IGNORECASE)


_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def _swap_english_object(focus: str, previous: str) -> str:
    """"books for work" after "does the company reimburse gym memberships?" -> "does the company reimburse books for
    work?": the thing asked about is swapped; gluing it on ("…gym memberships for books for work?") asked about
    neither. Only a question shaped auxiliary + who + verb + object; have/get/need take their own phrases."""
    m = _EN_VERB_OBJECT.match(previous.strip())
    if m is None or re.match(r"(in|at|to|for|on|during|after|before|with|without)\b", focus, re.IGNORECASE):
        return ""
    thing = _ARTICLE.sub("", focus)
    return f"{m.group(1)} {thing}{m.group(3) or '?'}"


def _swap_english_modifier(focus: str, previous: str) -> str:
    """"transport" after "How much is the lunch allowance?" -> "How much is the transport allowance?"."""
    words = focus.split()
    if not 1 <= len(words) <= 2 or not all(re.fullmatch(r"[A-Za-z-]+", w) for w in words):
        return ""
    if len(words) == 1 and re.search(r"[^s]s$", words[0].lower()):
        return ""  # a noun used as a modifier is singular ("transport allowance"); "hotels" is a subject of its own
    m = _EN_HEADS.search(previous)
    if m is None or m.group(1).lower() in ("the", "a", "an", "my", "our", "your", "of", "per"):
        return ""
    head = m.group(2)
    core = focus[: -len(words[-1])].strip() if words[-1].lower() == head.lower() else focus
    return previous[: m.start(1)] + (core or focus) + previous[m.end(1):]


_NUMBER = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"


def _swap_number(focus: str, previous: str) -> str:
    """"满20年" after "工作满10年的话年假有几天" -> "工作满20年的话年假有几天": the same question with another value
    (also "20 years" after "...after 10 years?"); the words around the number must match the previous question's."""
    core = re.sub(r"(的话|的)$", "", focus.strip())
    numbers = list(re.finditer(_NUMBER, core))
    if len(numbers) != 1:
        return ""
    number = numbers[0]
    for left in range(number.start() + 1):  # the longest frame first: "满…年", then "…年"
        before, after = core[left:number.start()], core[number.end():]
        if not (before or after):
            return ""
        m = re.search(re.escape(before) + _NUMBER + re.escape(after), previous, re.IGNORECASE)
        if m and m.group(0) != core[left:]:
            return previous[:m.start()] + core[left:] + previous[m.end():]
    return ""


# A follow-up that is a situation of its own ("补考还是没过呢", "要是迟到了呢"): what happens then, not a subject to swap
_ZH_CONDITION = re.compile(r"没有|(没|未)(能|再)?(过|通过|及格|合格|批|同意|到|赶上|完成|交|提交|参加|去|来|考|带|拿|收到|"
                           r"签|打卡|报|请)|不(及格|合格|通过|批|同意|去|来|参加|交)|(迟到|逾期|超时|过期|挂科|丢|忘)了|了$")
# A follow-up that narrows the previous question to a part or a case ("超过5天的部分呢", "试用期内的呢"): the same
# question, asked of that part; swapping it in for a word of the previous question loses what was asked
_ZH_QUALIFIER = re.compile(r"超过|超出|多于|少于|不足|不满|不到|以上|以下|以内|之内|之后|以后|之前|以前|期间|期内|部分|"
                           r"情况|的时候")
_CITIES = ("北京|上海|广州|深圳|天津|重庆|杭州|南京|成都|武汉|西安|苏州|长沙|郑州|青岛|厦门|沈阳|大连|济南|合肥|"
           "福州|昆明|哈尔滨|宁波|无锡|东莞|佛山|香港|澳门|台北")
_ZH_PLACE = re.compile(rf"^(?:去|到|在)?((?:其他|其它|别的|另外的?)?(?:{_CITIES}|[\u4e00-\u9fff]{{0,6}}"
                       r"(?:城市|省会|省|市|县|地区|国外|境外|海外|国内|外地|本地|异地)))$")
_ZH_PLACE_IN = re.compile(rf"{_CITIES}|(?<=[去到在赴])[\u4e00-\u9fff]{{2,6}}?(?=出差|出行|开会|培训|办事|工作|住宿|的|[，,])")


def _ask_of_condition(core: str) -> str:
    """"补考还是没过" -> "补考还是没过怎么办？": a new situation is asked about as one."""
    if re.search(r"\d", core) or not _ZH_CONDITION.search(core):
        return ""
    return f"{core}怎么办？"


def _narrow(core: str, previous: str) -> str:
    """"超过5天的部分" after "请病假的话工资怎么发？" -> "请病假的话工资怎么发，超过5天的部分？"."""
    if not _ZH_QUALIFIER.search(core):
        return ""
    return f"{previous.rstrip('？?。 ')}，{core}？"


def _swap_place(core: str, previous: str) -> str:
    """"其他省会城市" after "去上海出差，酒店每晚能报多少？" -> "去其他省会城市出差，酒店每晚能报多少？"."""
    place = _ZH_PLACE.match(core)
    where = _ZH_PLACE_IN.search(previous)
    if place is None or where is None:
        return ""
    return previous[:where.start()] + place.group(1) + previous[where.end():]


# "and after that?", "and then?", "what about that?": no new subject, only the last question carried on
_EN_NO_SUBJECT = re.compile(r"^(?:(?:after|before|besides|apart from|other than|beyond|past)\s+)?"
                            r"(?:that|this|it|then|those|these|them)$", re.IGNORECASE)
_EN_PLACE_FOCUS = re.compile(r"^(in|at|to|for)\s+((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)$")
_EN_PLACE_IN = re.compile(r"\b(in|at|to)\s+((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)")


def _swap_english_place(focus: str, previous: str) -> str:
    """"in Chengdu" after "What's the hotel limit in Shanghai?" -> "What's the hotel limit in Chengdu?"."""
    place, where = _EN_PLACE_FOCUS.match(focus), _EN_PLACE_IN.search(previous)
    if place is None or where is None:
        return ""
    return previous[:where.start()] + f"{place.group(1)} {place.group(2)}" + previous[where.end():]


def rewrite(text: str, previous_question: str | None) -> str:
    """A standalone question: the previous question asked again about the follow-up's subject."""
    focus = follow_up_focus(text)
    if not focus or not previous_question or _EN_NO_SUBJECT.match(focus):
        return text
    previous = previous_question.strip()
    if swapped := _swap_number(focus, previous):
        return swapped
    if re.search(r"[\u4e00-\u9fff]", previous):
        core = re.sub(r"(的话|的)$", "", focus)
        swapped = (_ask_of_condition(core) or _narrow(core, previous) or _swap_place(core, previous)
                   or _swap_shared_word(core, previous) or _swap_modifier(core, previous))
        if swapped:
            return swapped
        m = _ZH_PREDICATE.search(previous)
        if m and m.start() > 0:
            return core + previous[m.start():]
        return f"{core}：{previous}"
    if _EN_PEOPLE.search(previous) and _EN_PEOPLE.fullmatch(focus.split()[-1] if focus.split() else ""):
        return _EN_PEOPLE.sub(focus, previous, count=1)
    if swapped := _swap_english_place(focus, previous):
        return swapped
    if re.match(r"(in|at|to|for|on|during|after|before|with|without|within|over|beyond|past|under|above|below|"
                r"more than|less than|fewer than)\b", focus, re.IGNORECASE):
        return f"{previous.rstrip('?？ ')} {focus}?"  # a case of the same question ("during probation"), no subject
    if swapped := _swap_english_modifier(focus, previous) or _swap_english_object(focus, previous):
        return swapped
    return f"{previous.rstrip('?？ ')} for {focus}?"
