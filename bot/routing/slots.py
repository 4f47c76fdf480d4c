"""Slot filling: the course, department, period, count, answer or colleague a message names."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.routing import intents as I
from bot.routing.catalog import Catalog
from bot.routing.numbers import chinese_number
from bot.routing.periods import parse_month, parse_period, parse_session_day
from bot.routing.trend_window import over_time

_MONTHLY = {I.COMPLETION_REPORT, "team_progress", "my_progress"}  # a KPI stays a quarter or a year, as HR scores it
DEFAULT_EMPLOYEE_ID = r"(?<![A-Za-z0-9])[Ee]\d{3,6}(?![0-9])"
_COUNT_ZH = re.compile(r"([0-9]+|[一二三四五六七八九十两]{1,3})\s*(道|个|题)")
_COUNT_EN = re.compile(r"(?<![a-z0-9])(\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+|-)"
                       r"(?:[a-z\-]+\s+){0,2}(questions?|items?|qs|q's|q)\b")
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10}
_LETTER_ANSWER = [
    re.compile(r"(?:选项|选|答案是|答案|我的答案是|我选的是|选择|我觉得是|我猜是?)\s*[:：]?\s*([ABCDabcd])(?![a-z])"),
    re.compile(r"\b(?:answer(?: is)?|i (?:choose|pick|select|go with|think it'?s)|i'?ll go with|go(?:ing)? with|it'?s|option)"
               r"\s*[:：]?\s*([abcd])\b"),
    re.compile(r"^\s*([ABCDabcd])\s*[.)。!！]?\s*$"),
    re.compile(r"^\s*([ABCDabcd])\s*(?:吧|啊|呀|呢|嘛)"),
    re.compile(r"应该(?:是|选)\s*([ABCDabcd])(?![a-z])"),
]
_TRUE_FALSE = [
    (re.compile(r"^(对|正确|是的|true|yes|right|t)([.。!！]?$|\s*[,，:：])|答案(是)?\s*[:：]?\s*(对|正确)|\bit'?s true\b|\bi think it'?s true\b"), "true"),
    (re.compile(r"^(错|错误|不对|false|no|wrong|f)([.。!！]?$|\s*[,，:：])|答案(是)?\s*[:：]?\s*(错|错误)|\bit'?s false\b|\bi think it'?s false\b"), "false"),
]
_FREE_ANSWER = re.compile(r"(?:我的答案是|答案是|答案|my answer is|answer)\s*[:：]?\s*(.+)$", re.IGNORECASE)
_BY_COURSE = re.compile(r"哪些课|哪门课|哪几门|每门课|每个课程|各(门)?课程?|按课程|分课程|课程(的)?完成率|课程排名|[0-9两三四五]门课|所有课程|全部课程|课程按|all (the )?courses|排名.{0,6}课程|前[0-9一二三四五六七八九十]+.{0,4}课|which courses?|by course|"
                        r"per[- ]course|each course|every course|course'?s completion|course[- ]level|\bcourses\b")
_BY_DEPARTMENT = re.compile(r"各部门|按部门|分部门|部门(之间|对比|排名)|by department|per department|each department|across departments")
_LONE_LETTER = re.compile(r"(?<![A-Za-z'’])([ABCDabcd])(?![A-Za-z'’])")
_TRUE_WORDS = re.compile(r"(?<!不)(对|正确)|没错|\b(true|correct|right)\b")
_FALSE_WORDS = re.compile(r"不对|不正确|(?<!没)错|\b(false|wrong|incorrect)\b")
_ARTICLE_A = re.compile(r"a\s+(?!(?:is|it|i|final|then|please|probably|maybe|or|and)\b)[a-z]{2,}")  # "a trick"
_NEGATION = re.compile(r"\b(not|don'?t|isn'?t|aren'?t|doesn'?t|no)\b|n't\b")


# "哪门最急？" / "which one is due first?": the one open course due soonest (asked before the other subsets' words)
_ONLY = [("next", re.compile(r"最急|最紧急|最赶|最先到期|最早到期|最早截止|最先截止|先(学|做|完成|搞定)哪|哪门.{0,2}先|"
                             r"\b(due|expires?|ends?) (first|soonest|next)\b|most urgent|\bsoonest\b|\bnext (one )?due\b|"
                             r"\bwhich (one|course)s? (should i do |to do |to finish |do i do )?first\b|"
                             r"\b(do|finish|start|tackle) first\b")),
         ("overdue", re.compile(r"逾期|过期|超期|overdue|past due|late\b")),
         ("behind", re.compile(r"落后|拖了?.{0,2}后腿|拉低|掉队|没跟上|behind|falling behind|lagging|stragglers?")),
         ("open", re.compile(r"没完成|未完成|没学完|还没(学|做)完|还差|剩下|unfinished|not (yet )?(finished|done|completed)|"
                             r"still (open|to do)|outstanding|left to|\bstill (need|have|got) to\b|\bremaining\b|\bpending\b|"
                             r"\bhaven'?t (yet )?(finished|completed|done)\b")),
         ("completed", re.compile(r"(已经|已)(完成|学完)|完成了哪些|学完了哪些|\b(finished|completed|done) (ones|courses)\b|"
                                  r"which (ones )?(have i|did i) (finish|complete)"))]
_OWN_TEAM = re.compile(r"我(的|们)?(团队|小组|组)|咱们(团队|组)|团队|手下|下属|\b(my|our) (team|group|reports|direct reports|"
                       r"people)\b|\bpeople i manage\b")
_OWN_DEPARTMENT = re.compile(r"我们部门|本部门|我(的)?部门|咱们部门|我所在的部门|\b(my|our) (dep[a-z]{2,8}t|dept|division)\b")  # typos: departmnet
# "部门KPI怎么样" / "department KPI?": a KPI asked of "the department" with no name is the asker's own department; not
# "各部门" / "其他部门" / "which department" / "by department", which ask about others
_BARE_DEPARTMENT = re.compile(r"(?<![各每全其他哪个些跨])(?<!别的)部门(?!之间|间)|(?<!each )(?<!every )(?<!other )(?<!which )"
                              r"(?<!by )(?<!per )(?<!all )(?<!another )\b(?:the )?(?:department|dept)\b(?! by)")
# "各部门的KPI" / "KPI for every department": every department side by side, not one
_EVERY_DEPARTMENT = re.compile(r"各(个)?部门|每(个|一个)部门|所有(的)?部门|全部(的)?部门|(?<!其他)(?<!其它)部门之间|"
                               r"\b(each|every|all)( of the| the)? (departments?|depts?)\b|\bby (department|dept)\b|"
                               r"\bdepartments'? kpis?\b|\bkpis? (for|of|across) (the )?departments\b")
_TOPIC_WORDS = re.compile(r"考考我|出\s*\S{0,3}\s*(道|个)?题(目)?|给我|测验|小测|练习题|一下|关于|的|吧|"
                          r"\b(quiz|test|me|on|about|questions?|give|please|pls|some|a|few|\d+)\b", re.IGNORECASE)


class SlotFiller:
    """Reads slot values out of a message for a given intent, using the organisation's catalog."""

    def __init__(self, catalog: Catalog, employee_id_pattern: str = DEFAULT_EMPLOYEE_ID):
        """Keep the catalog and the shape of employee ids used to spot a colleague named by id."""
        self.catalog = catalog
        self._employee = re.compile(employee_id_pattern)

    def fill(self, intent: str, text: str, today: date, wanted: tuple[str, ...] | None = None) -> dict[str, Any]:
        """Every slot the intent takes (`wanted`, from the tool registry) that the text fills; absent ones left out."""
        if wanted is None:  # the tool registry says which slots an intent's tool takes
            from bot.tools.registry import get

            tool = get(intent)
            wanted = tool.slots if tool is not None else ()
        slots: dict[str, Any] = {}
        course = self.catalog.find_course(text) if "course" in wanted else None
        if course:
            slots["course"] = course.value
        if "period" in wanted and (period := parse_period(text, today)):
            slots["period"] = period
        if "period" in wanted and intent in _MONTHLY and (month := parse_month(text, today)):
            slots["period"] = month  # completion and progress are counted by due date, so a month is a period too
        if "every_department" in wanted and _EVERY_DEPARTMENT.search(text.lower()):
            slots["every_department"] = True
        elif "department" in wanted:
            department = self.catalog.find_department(text)
            # a bare "sales" may be a course; with no course named, a plain department name ("R&D") is the department
            by_code = bool(course) and course.span.strip().upper() == course.value.upper()  # "SEC-101": no word
            # of the department's name was taken for the course
            if department and _changes_people(intent) and self._describes_the_asker(department.value, text):
                pass  # "我是财务部的，能报SEC-201吗": the asker's own department, no one to enroll or remind
            elif department and (intent == I.COMPLETION_REPORT or department.score >= 95 or not course or by_code):
                slots["department"] = department.value
                if course and self._course_is_department_word(department.value, course.span):
                    slots.pop("course", None)
            elif _OWN_DEPARTMENT.search(text.lower()) or (intent == "explain_kpi"
                                                          and _BARE_DEPARTMENT.search(text.lower())):
                slots["own_department"] = True
            elif intent == "explain_kpi" and _OWN_TEAM.search(text.lower()):
                slots["own_team"] = True  # a KPI "for my team": the team's figures, not the asker's own KPI
        if "by" in wanted:
            lowered = text.lower()
            slots["by"] = "course" if _BY_COURSE.search(lowered) and not _BY_DEPARTMENT.search(lowered) else "department"
            step, points = over_time(text)
            if step:  # "完成率趋势": cut over time; "各部门近几个季度的变化": each department over time
                slots["step" if names_grouping(text, over_time_too=False) else "by"] = step
                if points:  # "the last 3 months" counts back from now
                    slots["points"] = points
                    slots.pop("period", None)
        if "employee" in wanted and (m := self._employee.search(text)):
            slots["employee"] = m.group(0).upper()
        if "n" in wanted and (n := parse_count(text)):
            slots["n"] = n
        if "answer" in wanted and (answer := parse_answer(text)):
            slots["answer"] = answer
        if "only" in wanted and (only := parse_only(text)) and (only != "next" or intent == "my_progress"):
            slots["only"] = only  # "due first" is one person's soonest course; a team has no one course to name
        if "session" in wanted and (day := parse_session_day(text)):
            slots["session"] = day
        if "topic" in wanted and not slots.get("course") and (topic := quiz_topic(text)):
            slots["topic"] = topic
        return slots

    def _describes_the_asker(self, department_id: str, text: str) -> bool:
        """The department is named where the asker says who they are ("我是财务部的", "I'm in finance")."""
        names = [n.lower() for n in self.catalog.department_names(department_id) if n]
        names += [n.removesuffix("部") for n in names if len(n) >= 4 and n.endswith("部")]
        lowered = text.lower()
        return any(name in lowered[m.end():m.end() + 16] for m in _SELF_INTRO.finditer(lowered) for name in names)

    def _course_is_department_word(self, department_id: str, course_span: str) -> bool:
        """True when the words taken for a course only name the department ("销售部" is not 销售基础)."""
        name_zh, name_en = self.catalog.department_names(department_id)
        span = course_span.lower().strip()
        return bool(span) and (span in name_zh or span in name_en.lower() or name_zh.removesuffix("部") in span)




# where a person says who they are: the department that follows is their own, not one to act on
_SELF_INTRO = re.compile(r"我(?:是|在|属于|来自)|\b(?:i'?m|i am|i work|we'?re|we are)\s+(?:in|from|on|with|at|part of)\b")


def _changes_people(intent: str) -> bool:
    """A tool whose department slot means everyone in it is changed (enrolled, withdrawn, reminded)."""
    from bot.tools.registry import get

    tool = get(intent)
    return tool is not None and tool.confirm is not None


def names_grouping(text: str, over_time_too: bool = True) -> bool:
    """True when the message says how to group a report ("by course", "各部门", and unless told not to, "按月"), so a
    follow-up's grouping is its own."""
    lowered = text.lower()
    return bool(_BY_COURSE.search(lowered) or _BY_DEPARTMENT.search(lowered)
                or (over_time_too and over_time(text)[0]))


def parse_only(text: str) -> str | None:
    """Which subset of courses a message asks about (overdue, behind, open, completed), if any."""
    lowered = text.lower()
    return next((name for name, pattern in _ONLY if pattern.search(lowered)), None)


def quiz_topic(text: str) -> str:
    """The topic words of a quiz request without the asking words ("quiz me on phishing" -> "phishing")."""
    return re.sub(r"\s+", " ", _TOPIC_WORDS.sub(" ", text)).strip(" ,，。.?？")


def parse_count(text: str) -> int | None:
    """How many questions the text asks for ("5道题", "three questions"), capped to 1-20."""
    value: int | None = None
    if m := _COUNT_ZH.search(text):
        value = chinese_number(m.group(1))
    elif m := _COUNT_EN.search(text.lower()):
        raw = m.group(1)
        value = int(raw) if raw.isdigit() else _EN_NUMBERS[raw]
    if value is None or value <= 0:
        return None
    return min(value, 20)


def parse_answer(text: str) -> str | None:
    """The learner's answer: a letter A-D, "true"/"false", or the free text after "my answer is"."""
    stripped = text.strip()
    for pattern in _LETTER_ANSWER:
        if m := pattern.search(stripped if re.search(r"[\u4e00-\u9fff]", pattern.pattern) else stripped.lower()):
            return m.group(1).upper()
    lowered = stripped.lower()
    for pattern, value in _TRUE_FALSE:
        if pattern.search(lowered):
            return value
    if m := _FREE_ANSWER.search(stripped):
        return m.group(1).strip().rstrip("。.!！")
    return _loose_answer(stripped)


def _loose_answer(text: str) -> str | None:
    """A short reply naming exactly one option letter or one truth value ("hmm c i guess", "我觉得这句是对的")."""
    if len(text) > 40:
        return None
    letters = {m.group(1).upper() for m in _LONE_LETTER.finditer(text)
               if not (m.group(1) == "a" and _ARTICLE_A.match(text, m.start()))}
    if len(letters) == 1:
        return letters.pop()
    lowered = text.lower()
    if _NEGATION.search(lowered):
        return None  # "not true", "I don't think that's right": leave it to the grader's free-text path
    truth = {value for value, pattern in (("true", _TRUE_WORDS), ("false", _FALSE_WORDS))
             if pattern.search(_FALSE_WORDS.sub(" ", lowered) if value == "true" else lowered)}
    return truth.pop() if len(truth) == 1 else None
