"""Elliptical follow-ups inherit what they leave out: the previous tool, its subject, its course; a knowledge
question is rewritten to stand alone; a change of subject is said out loud."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.dialogue.ordinals import listed_course
from bot.dialogue.record_questions import HOW_FAR, asks_about_a_record, asks_when_due
from bot.dialogue.state import DialogueState
from bot.followup import follow_up_focus, rewrite
from bot.routing import intents as I
from bot.routing.periods import parse_month, parse_period
from bot.routing.slots import names_grouping
from bot.tools.registry import figure_tools, follow_up_tools

CONTEXT_CONFIDENCE = 0.15  # the classifier's first choice is taken at this level when the thread is about figures
_PERSON_LEVEL = {"team_progress": "my_progress"}  # a follow-up naming one person moves to that person's view
_SCOPE_KEYS = ("employee", "team", "department")
_CONTINUATION = re.compile(r"^(那|那么|还有|另外|再|换成|and\b|also\b|what about\b|how about\b|then\b|same\b|ok,?\s|"
                           r"okay,?\s|just\b|only\b|now\b)", re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"其中|这些|那些|这几个|他们|她们|里面|哪几个|\b(those|these|them|of those|which ones|the ones)\b",
                             re.IGNORECASE)
_THING = re.compile(r"它|这门|那门|这个课|那个课|这课|该课|\b(it|this course|that course|the course|this one|that one)\b",
                    re.IGNORECASE)
# "does it need a doctor's note?" right after the sick-leave rule: "it" is the last question's topic
_IT = re.compile(r"\b(it|that)\b|它", re.IGNORECASE)
_PERSON = re.compile(r"(?<![其])他(?!们)|她(?!们)|\b(he|she|him|her|his|this person|that person)\b", re.IGNORECASE)
_PLACE = re.compile(r"那边|那里|该部门|这个部门|那个部门|他们部门|\b(over there|there|that department|that dept|that team)\b",
                    re.IGNORECASE)
_FIRST_PERSON = re.compile(r"我(?!们)|\b(my|me|i|mine|myself)\b", re.IGNORECASE)
_FILLER_EN = {"ok", "okay", "fine", "then", "thn", "and", "also", "what", "about", "how", "just", "please", "pls",
              "instead", "the", "one", "for", "in", "on", "of", "course", "class", "try", "maybe", "so", "well",
              "alright", "sure", "yes", "hmm", "now", "same", "again", "let's", "lets", "do", "with", "only", "show", "me"}
_FILLER_ZH = re.compile(r"只看|仅看|单看|就看|只要|只|看看|看一下|那就|那个|这个|那门|这门|还是|那|吧|呢|的|了|换成|换|还有|课程|课|也|再|就|呀|啊|好|嗯|行|一下|试试")
_ASKING = re.compile(r"[?？]|吗|什么|怎么|如何|多少|几|哪|为什么|\b(what|how|why|when|where|which|who|can|does|is)\b",
                     re.IGNORECASE)
_GENERIC_ZH = re.compile(r"多少分|几分|几个?小时|多少个?小时|学完|修完|上完|完成|学|要|需要|多久|多长时间|多少|几|什么时候|什么|怎么|如何|吗|呢|之内|以内|内|申请|办理|提交|找谁|谁|哪里|在哪|"
                         r"可以|能|能不能|是|时间|期限|流程|手续|规定|有|没有|啊|呀|吧|的|了|我|还|再|又|那|该|"
                         r"咋办|怎么办|咋|超过|超出|超了|不够|没过|过了|晚了|迟了|逾期|万一|要是|如果|"
                         # what any rule may ask for: approval, in advance, each time ("要提前审批吗", "每次多久")
                         r"审批|批准|同意|提前|事先|预先|报备|每次|每个|每场|每人|各|"
                         # what every course has ("考试多少分算过"): asking about one of these names no topic of its own
                         r"考试|考核|及格线|及格|算过|算通过|通过|分数|补考|先修|学时|时长|小时")
_GENERIC_EN = {"how", "long", "do", "does", "i", "we", "you", "have", "to", "apply", "what", "is", "the", "deadline", "when",
               "can", "it", "that", "this", "where", "who", "should", "ask", "much", "many", "process", "form", "a",
               "an", "for", "by", "need", "submit", "and", "then", "again", "there", "are", "any", "rules", "rule",
               "s", "get", "one", "time", "limit", "within", "days", "soon", "contact", "approve", "approves",
               "if", "go", "goes", "over", "exceed", "exceeds", "more", "than", "late", "miss", "missed", "happens",
               "my", "me", "so", "still",
               # what any rule may ask for: approval, in advance, each time ("do I need sign-off first?", "how long each?")
               "approval", "approved", "permission", "beforehand", "advance", "in", "prior", "first", "sign", "off",
               "sign-off", "each", "every", "per",
               # what every course has: asking about one of these names no topic of its own
               "prereq", "prereqs", "prerequisite", "prerequisites", "pass", "mark", "passing", "score", "finish",
               "complete", "duration", "retake", "exam"}
_OWN_GROUP = re.compile(r"团队|小组|组员|手下|下属|\b(team|group|reports|people)\b", re.IGNORECASE)
_MY_OWN_RATE = re.compile(r"我(个人|自己)?(这个?|本|上个?|今|去)?(季度|月|年|半年)?的(?!团队|部门|组|下属|手下|人)|我(个人|自己)|"
                          r"\bmy\b(?!\s+(team|department|dept|people|group|reports|staff|direct reports|org))",
                          re.IGNORECASE)


# whether a unit's figure costs or earns it something under the policy (its KPI standing), not the figure alone
_STANDING = re.compile(r"扣分|被扣|扣钱|扣绩效|达标|合格线|影响绩效|\b(penali[sz]ed|penalt(y|ies)|docked|lose points|"
                       r"meet the (bar|threshold|target)|on target|below the (bar|threshold))\b", re.IGNORECASE)


# the prerequisite course itself ("那门先修课", "the prerequisite"), not what is required ("要先修完什么")
_PREREQUISITE = re.compile(r"先修课(?!是什么|是哪|有哪|有什么)|前置课|\b(the|that) (prereq|prerequisite)( course)?\b(?! for)",
                           re.IGNORECASE)


# the policy's threshold itself ("低于多少会被扣绩效？", "below what rate is a department penalised?"): a rule
_ASKS_THRESHOLD = re.compile(r"(低于|高于|超过|不到|少于|达到)多少|多少(以下|以上)?(算|才|就|会)|\b(below|above|under) what\b|"
                             r"\bwhat (is|'s) the (threshold|bar|cut-?off)\b", re.IGNORECASE)


# a correction of the request just answered ("make that July only", "改成上季度", "change it to Q2")
_CORRECTION = re.compile(r"^(no,?\s*|不对，?|不是，?)?(make (that|it)|change (that|it) to|switch (that|it) to|改成|换成|改为|换到)",
                         re.IGNORECASE)
_ONLY_SELF = re.compile(r"我自己|我本人|^(那|那么)?我的?(呢)?[?？]?$|\b(mine|me personally|myself|my own)\b|"
                        r"^(and|so|ok|okay)?,?\s*(what|how) about me\b|^and me\b", re.IGNORECASE)


@dataclass
class Resolved:
    """The tool to run, its arguments, the standalone question, and what to say about a change of subject."""

    intent: str
    slots: dict = field(default_factory=dict)
    standalone: str = ""
    announce: dict | None = None  # {"before": {...}, "after": {...}} when the person, team or department changed
    follow_up: bool = False
    needs_person: bool = False  # "him" / "她" with nobody named before: ask who
    candidates: tuple = ()  # several people the asker may see share the name the message gives: ask which
    alternatives: tuple = ()  # other readings of a knowledge question, tried in order when the first finds nothing
    needs_course: bool = False  # "这门课…" with no course named before: ask which course


def is_short(text: str) -> bool:
    """A few words: a follow-up leaning on the previous turn rather than a request of its own."""
    stripped = text.strip()
    return len(stripped) <= 12 if re.search(r"[\u4e00-\u9fff]", stripped) else len(stripped.split()) <= 6


def is_elliptical(text: str) -> bool:
    """A message that leans on the previous turn: "那上季度呢？", "and transport?", "which of those are overdue?"."""
    stripped = text.strip()
    return bool(follow_up_focus(stripped) or _BACK_REFERENCE.search(stripped)
                or (is_short(stripped) and (_CONTINUATION.search(stripped) or stripped.rstrip("?？ ").endswith("呢")
                                            or _ONLY_SELF.search(stripped) or _PLACE.search(stripped))))


def _points_back(text: str) -> bool:
    """A short message about "it" / "that" / "它": the figure or list just shown, not a request of its own."""
    return is_short(text) and bool(_IT.search(text)) and not _FIRST_PERSON_OWN.search(text)


_FIRST_PERSON_OWN = re.compile(r"\b(mine|my own)\b|我自己", re.IGNORECASE)


def resolve(routed, text: str, state: DialogueState, caller, router, today: date) -> Resolved:
    """Combine what the router read from this message with what the thread already established."""
    routed = _figures_of_a_unit(routed, text, router, today)
    intent, slots = routed.intent, dict(routed.slots)
    follow_up = False
    rule = asks_the_rule(routed, text) and not _kpi_what_if(routed, text, state)
    if asks_about_a_record(routed, text, state) or asks_when_due(routed, text):
        intent = "my_progress"  # "CMP-101还差多少", "他CS-101考了几次": that person's progress on the course
        kept = state.args.get("employee") if state.intent == intent and not _FIRST_PERSON.search(text) else None
        slots = {**({"employee": kept} if kept else {}), **router.slots_for(intent, text, today)}
        if not slots.get("course") and state.subject.get("course"):
            slots["course"] = state.subject["course"]
    elif _why_refused(text, state):
        intent, slots = state.intent, _inheritable(state.args)  # "为啥不行" after a refusal: the reason, said again
    elif _names_the_course_asked_for(routed, text, state, router):
        intent, slots = I.SEARCH_KNOWLEDGE, {"course": routed.slots["course"]}  # "合规与商业道德那门" after "哪门课？"
    elif _continues_knowledge(routed, text, state) or rule or asks_a_definition(routed, text):
        intent, slots = I.SEARCH_KNOWLEDGE, router.slots_for(I.SEARCH_KNOWLEDGE, text, today)
    elif _asks_what_drags(text, state):
        # "是哪些课拖了后腿" / "which courses are dragging it down?" right after a person's KPI: that person's courses
        # that are behind or overdue (read alone, the words lean to the catalogue)
        intent, slots = "my_progress", {"only": "behind", **({"employee": state.args["employee"]}
                                                              if state.args.get("employee") else {})}
    elif _asks_manager_contact(text, state):
        # "how do I contact him?" after "who is my manager": that reply again, which has the email ("him" is the
        # manager shown, not a person whose own manager is asked for)
        intent, slots = "my_manager", {"employee": state.args.get("employee") or caller.id}
    elif _asks_session_detail(routed, text, state):
        intent, slots = "session_info", {"course": state.subject["course"]}  # "what time does it start?"
    elif switched := _switches_report(routed, text, state, router):
        intent = switched  # "what about course health?" after satisfaction: the report named, about the same subject
        slots = {**{k: v for k, v in _inheritable(state.args).items() if k in _SUBJECT_KEYS and k in _takes(intent)},
                 **router.slots_for(intent, text, today)}
    elif _asks_extreme(routed, text, state):
        intent, follow_up = state.intent, True  # "lowest one?" after a report: that report, which names its lowest
        slots = _inheritable(state.args)
    elif _keeps_previous_tool(routed, text, state, router, today):
        intent, follow_up = state.intent, True
        slots = {**_inheritable(state.args), **router.slots_for(intent, text, today)}
        _loose_department(router, text, slots, state)
        _keep_grouping(text, slots, state)
    elif not routed.confident and routed.best in follow_up_tools() and state.intent in follow_up_tools() \
            and routed.confidence >= CONTEXT_CONFIDENCE and not _asks_after_refusal(text, state, router, today):
        intent = routed.best  # unsure on its own, but in a conversation about figures its first guess stands
        slots = router.slots_for(intent, text, today)
    elif _continues_into_a_change(routed, text, state):
        intent, follow_up = state.intent, True  # "ok what about 何婷 on my team" after a progress view: that view
        slots = {**_inheritable(state.args), **router.slots_for(intent, text, today)}
    elif (is_elliptical(text) or _points_back(text)) and intent == state.intent and intent in follow_up_tools():
        follow_up = True  # ("why is it low?" after last quarter's KPI: still last quarter's)
        slots = {**_inheritable(state.args), **slots}
        _loose_department(router, text, slots, state)
        _keep_grouping(text, slots, state)
    if follow_up:
        intent = _person_or_self(intent, text, slots, state)
    elif intent == I.SEARCH_KNOWLEDGE and not slots.get("course") and state.args.get("course") \
            and _asks_after_refusal(text, state, router, today):
        # "那我得先学完哪门课才能报？": about the course just refused; "那门先修课要多久学完" / "how long is the
        # prerequisite?": about the prerequisite the refusal named (the thread's focus)
        prerequisite = state.subject.get("course") if _PREREQUISITE.search(text) else None
        slots["course"] = prerequisite if prerequisite and prerequisite != state.args["course"] else state.args["course"]
    if _asks_how_far(intent, text):
        intent = "my_progress"  # "王超的SEC-101呢，还差多少" after an enrollment: a question, not another enrollment
        slots = {**{k: v for k, v in slots.items() if k in ("employee", "course")},
                 **router.slots_for(intent, text, today)}
    _keep_period(intent, text, slots, state, today)
    if slots.pop("own_department", None):
        if intent == "team_progress" and caller.role == "manager":
            slots["team"] = caller.id  # "我们部门" from a manager: the people they manage
        else:
            slots["department"] = caller.department_id
    if slots.pop("own_team", None) and intent == "explain_kpi" and not slots.get("employee"):
        # KPI is kept per person and per department; "my team's KPI" is the team's figures, not the asker's own KPI
        intent, slots = "team_progress", {"team": caller.id} | {k: v for k, v in slots.items() if k == "period"}
    if intent == I.COMPLETION_REPORT and _MY_OWN_RATE.search(text) and not (slots.get("department")
                                                                            or slots.get("course")):
        # "what's my training completion rate for Q3?": the asker's own rate, which their KPI shows with its working
        # (the completion report is across departments or courses, and refused to an employee)
        intent, slots = "explain_kpi", {k: v for k, v in slots.items() if k == "period"}
    elif intent == I.COMPLETION_REPORT and slots.get("department") and not slots.get("course") \
            and _STANDING.search(text) and not _ASKS_THRESHOLD.search(text):
        # "IT部这季度完成率多少？会不会被扣分": the department's KPI, which shows its rate against the policy's bands
        intent, slots = "explain_kpi", {k: v for k, v in slots.items() if k in ("department", "period")}
    if _asks_about_people(intent, text, slots, state, caller):
        intent = "team_progress"  # "which of them are overdue?" from a manager: people, not the manager's own courses
        slots = {k: v for k, v in slots.items() if k in ("only", "course", "period")}
    if state.listed and not slots.get("course") and "course" in _takes(intent):
        if code := listed_course(text, state.listed):
            slots["course"] = code  # "帮我报名第一门" after the catalogue: the first course it listed
        elif named := router.catalog.find_course(text, prefer=state.listed):
            slots["course"] = named.value  # "那门安全课" after a list holding one of the two security courses
    needs_person = _fill_references(text, slots, state, intent)
    _those_listed(intent, text, slots, state)
    standalone, alternatives, needs_course = text.strip(), (), False
    if intent == I.SEARCH_KNOWLEDGE:
        needs_course = _unnamed_course(text, slots, state, router)
        standalone = _standalone_question(text, state, slots, router)
        alternatives = _other_readings(text, standalone, state, slots, router)
        if rule and standalone == text.strip() and (area := _figures_area(state.intent, text)):
            # "what's the target for learner satisfaction?" right after the training-specialist KPIs: asked of
            # that area's rules first, then as it stands
            standalone, alternatives = _about(area, text), (standalone, *alternatives)
    # a manager lookup names whose manager it is in its first words; "now showing you" would only confuse
    announce = _announce(slots, state) if (follow_up or intent == state.intent) and intent != "my_manager" else None
    return Resolved(intent, slots, standalone, announce, follow_up, needs_person, alternatives=alternatives,
                    needs_course=needs_course)


def _figures_of_a_unit(routed, text: str, router, today: date):
    """"销售部这季度部门绩效里培训那块达标了吗": a question naming a department and a period is about that unit's
    figures, not a policy (a rule rarely names both); the classifier's likeliest tool taking both is chosen when it
    reads the message so at least as well as a knowledge search (a question about the rule behind a figure is
    sent back to the knowledge base by `asks_the_rule`)."""
    if routed.intent != I.SEARCH_KNOWLEDGE or _RULE_QUESTION.search(text) or router_employee(text):
        return routed
    if not parse_period(text, today) or not (router.catalog.find_department(text) or _ANY_DEPARTMENT.search(text)):
        return routed  # (cheap checks first: most knowledge questions name no unit and no period)
    from bot.tools.registry import get

    scores = router.probabilities(text)
    asked = scores.get(I.SEARCH_KNOWLEDGE, 0.0)
    for name in sorted(figure_tools(), key=lambda n: -scores.get(n, 0.0)):
        tool = get(name)
        if not {"department", "period"} <= set(tool.slots) or scores.get(name, 0.0) < max(CONTEXT_CONFIDENCE, asked):
            continue
        slots = router.slots_for(name, text, today)
        if (slots.get("department") or slots.get("own_department")) and slots.get("period") \
                and not slots.get("course"):
            return I.Routed(name, slots, scores[name], routed.confident, routed.best)
        return routed
    return routed


_ANY_DEPARTMENT = re.compile(r"部门|\b(department|dept|division)\b", re.IGNORECASE)


# a question about the time, place, trainer or seats of the course the thread is on ("what time does it start?")
_SESSION_DETAIL = re.compile(r"几点|什么时候开始|哪天|在哪|哪里|地点|教室|会议室|谁讲|谁来讲|谁上|讲师|老师是谁|名额|空位|"
                             r"\b(what time|when|where|which room|room|venue|location|who teaches|who'?s teaching|"
                             r"trainer|instructor|seats?|start|starts|begin|begins)\b", re.IGNORECASE)
_DUE = re.compile(r"截止|到期|期限|deadline|\bdue\b|finish|完成", re.IGNORECASE)
_COURSE_REPLIES_WITH_SESSIONS = ("session_info", "enroll")  # replies that show a course's session, time and place


_CONTACT = re.compile(r"邮箱|邮件|电话|联系|找他|找她|工位|\b(e-?mail|mail|contact|reach|phone|call|message|find) ?(him|her|them)?\b",
                      re.IGNORECASE)


_DRAGS = re.compile(r"拖(了)?后腿|拉低|拖累|扣分的|影响(了)?分数|\b(dragg?ing|pulling|bringing|dragged|pulled|brought) "
                    r"(it|me|my [a-z]+|the [a-z]+|him|her|them)? ?down\b|\b(hurting|lowering) (it|my|the)\b",
                    re.IGNORECASE)


def _asks_what_drags(text: str, state: DialogueState) -> bool:
    """Right after a person's KPI, a short question about what pulls it down: the courses behind, not a new topic."""
    return state.intent == "explain_kpi" and state.act == "kpi" and is_short(text) and bool(_DRAGS.search(text)) \
        and not router_employee(text)


def _asks_manager_contact(text: str, state: DialogueState) -> bool:
    """Right after "who is my manager?", a short question about reaching "him"/"her" (email, phone, contact) is
    about that manager, whose reply carries the email (read alone it was a policy question)."""
    if state.act != "manager" or not is_short(text) or not _CONTACT.search(text):
        return False
    return not (router_employee(text) or _NEW_TOPIC.search(text))


def _asks_session_detail(routed, text: str, state: DialogueState) -> bool:
    """Right after a session or an enrollment reply, a short question about when, where or with whom, naming no
    course or person of its own, is about that course's sessions (read alone it reads as a policy question)."""
    if state.intent not in _COURSE_REPLIES_WITH_SESSIONS or not state.subject.get("course") \
            or state.act in ("refused", "clarify", "abstain", "enroll_refused"):
        return False
    if not is_short(text) or not _SESSION_DETAIL.search(text) or _DUE.search(text):
        return False
    if (routed.slots.get("course") not in (None, state.subject["course"])) or router_employee(text):
        return False
    if routed.intent in (I.SEARCH_KNOWLEDGE, I.HELP, "session_info") or routed.confidence < _UNSURE:
        return True
    from bot.tools.registry import get

    tool = get(routed.intent)  # "who's teaching it?": "it" is the course just shown; only a change is a new request
    return bool(_THING.search(text)) and tool is not None and tool.confirm is None


def _asks_how_far(intent: str, text: str) -> bool:
    """A change-making tool (enroll, withdraw) kept by a follow-up that asks how far someone has got ("提醒一下进度
    落后的人" asks nothing: a reminder)."""
    from bot.tools.registry import get

    tool = get(intent)
    return tool is not None and tool.confirm is not None and bool(HOW_FAR.search(text) and _ASKING.search(text))


def _keep_period(intent: str, text: str, slots: dict, state: DialogueState, today: date) -> None:
    """"completion by course" right after this year's completion: the same report, regrouped, keeps its period
    (it named none of its own; the tool's default, the current quarter, was not asked for)."""
    from bot.tools.registry import get

    tool = get(intent)
    if tool is None or not tool.figures or "period" not in tool.slots or intent != state.intent:
        return
    if slots.get("period") or not state.args.get("period") or state.act in ("refused", "clarify"):
        return
    if parse_period(text, today) or parse_month(text, today):
        return
    slots["period"] = state.args["period"]


# "这门课" / "this course": a course the person has in mind, not one the knowledge base can guess
_THIS_COURSE = re.compile(r"这门|那门|这个课|那个课|这课|该课|本课程|\b(this|that) (course|class|training|module)\b",
                          re.IGNORECASE)


def _unnamed_course(text: str, slots: dict, state: DialogueState, router) -> bool:
    """"这门课要在多长时间内学完？" as the thread's first word about a course: which course is meant must be asked
    (a rule quoted for some course would answer a question nobody asked)."""
    if slots.get("course") or state.subject.get("course") or not _THIS_COURSE.search(text):
        return False
    return router.catalog.find_course(text) is None


def _names_the_course_asked_for(routed, text: str, state: DialogueState, router) -> bool:
    """A reply naming only a course right after "which course do you mean?" for a knowledge question."""
    if state.intent != I.SEARCH_KNOWLEDGE or state.act != "clarify" or not state.question:
        return False
    return bool(routed.slots.get("course")) and _names_only_slots(text, router.catalog)


_HOW_WORKED_OUT = re.compile(r"怎么算|如何算|怎么计算|如何计算|怎么得出|怎么来的|计算(方法|方式|公式|过程)|算法|"
                             r"\bhow (is|was|are|were) (that|this|it|these|those|they|my [a-z]+)( [a-z]+)? (calculated|"
                             r"computed|worked out|measured|counted|derived|scored)\b|"
                             r"\bhow (do|did|does) (you|they|we|it|the system) (calculate|compute|work out|measure|count|"
                             r"score|get)\b|\b(what'?s|what is) the (formula|calculation|method)\b", re.IGNORECASE)
_TOPIC_OF_ITS_OWN = ("course", "period", "department", "employee", "team")


_WHY_FIGURE = re.compile(r"(为什么|为啥|怎么).{0,12}(这么|那么|太|偏|很|这样)(低|高|差|少|多)|"
                         r"(为什么|为啥|怎么会?).{0,8}(扣分|扣了|被扣|扣钱|不达标|没达标|不合格|评不了|不能评)|"
                         r"(为什么|为啥|怎么)(会)?(是|得了?|只有|才)(这个|这样的?|这么个)?(分|分数|得分|数|结果)|"
                         r"\b(why|how come)\b.{0,12}\b(this|that|such a) (score|number|result|figure)\b|"
                         r"\b(why|how come)\b.{0,40}\b(low|high|bad|poor|down|up|penali[sz]ed|penalt(y|ies)|"
                         r"deduct(ed|ion)?|docked|lose|lost|below|miss(ed)?)\b", re.IGNORECASE)


def _explains_its_figures(tool_name: str) -> bool:
    """A tool whose reply gives each figure with the policy clause behind it: "how is that calculated?" re-asks it."""
    from bot.tools.registry import get

    tool = get(tool_name)
    return tool is not None and tool.figures and tool.follow_up and tool.act in ("kpi", "department_kpi", "specialist_kpi")


def _continues_knowledge(routed, text: str, state: DialogueState) -> bool:
    """"and for promotion?" right after a rule was quoted: the same question about another case, not the asker's
    own figures (a person-level tool is taken only when the message names a person, themselves, a period or a unit)."""
    from bot.tools.registry import get

    tool = get(routed.intent)
    if state.intent != I.SEARCH_KNOWLEDGE or state.act != "answer" or tool is None or not tool.figures:
        return False
    if not ({"employee", "team"} & set(tool.slots)) or not follow_up_focus(text.strip()) or not is_short(text):
        return False
    return not (_FIRST_PERSON.search(text) or _PERSON.search(text) or _ONLY_SELF.search(text)
                or any(routed.slots.get(k) for k in _TOPIC_OF_ITS_OWN) or router_employee(text))


# what the rules say happens, or what a figure should be: "完成率低于90%会怎么处理", "what's the target for X?"
_RULE_ASKED = re.compile(r"会怎样|会怎么样|怎么办|怎么处理|如何处理|会被怎么|会有什么|什么后果|有什么后果|有什么影响|"
                         r"目标是多少|目标值是|标准是多少|要求是多少|达标线是|门槛是|"
                         r"\b(what happens|what if|consequences?|penalt(y|ies)|"
                         r"what(?:'s| is| are) the (?:targets?|thresholds?|benchmarks?|minimum|bar|goals?)|"
                         r"(?:targets?|thresholds?|benchmarks?|goals?) (?:for|of|on)\b)", re.IGNORECASE)


# what a word in the last reply means: "what exactly counts as 'behind'?", "逾期是怎么定义的", "什么算落后"
_DEFINITION = re.compile(r"\bwhat (?:exactly )?(?:counts|is counted|qualifies) as\b|\bwhat does .{1,30} mean\b|"
                         r"\bhow (?:do you|does (?:the )?(?:policy|company)) define\b|\bdefinition of\b|"
                         r"什么(?:才)?算|怎样(?:才)?算|怎么(?:才)?算是|怎么定义|如何定义|是什么意思|定义是", re.IGNORECASE)


def asks_a_definition(routed, text: str) -> bool:
    """"what exactly counts as 'behind'?" after a team view asks what the policy means by the word, not for the view
    again: when the message alone reads as a knowledge question with confidence, the knowledge base answers it."""
    return routed.intent == I.SEARCH_KNOWLEDGE and routed.confident and bool(_DEFINITION.search(text))


def asks_the_rule(routed, text: str) -> bool:
    """A question about the rule behind a figure (its consequence or its target) is asked of the knowledge base,
    even when its words are those of a report ("部门完成率低于90%会怎么处理" is no completion report); asking who or
    which ("哪些部门低于90%") or how a figure was worked out stays with the report."""
    from bot.tools.registry import get

    tool = get(routed.intent)
    if tool is None or not tool.figures or not (_RULE_ASKED.search(text) or _ASKS_THRESHOLD.search(text)):
        return False
    return not (_WHICH.search(text) or _HOW_WORKED_OUT.search(text) or router_employee(text))


def _figures_area(tool_name: str, text: str) -> str:
    """What a figures tool reports on, in the message's language ("培训专员 KPI", "Training-specialist KPIs")."""
    from bot.tools.registry import get

    tool = get(tool_name)
    if tool is None or not tool.figures:
        return ""
    about = tool.about_zh if re.search(r"[\u4e00-\u9fff]", text) else tool.about_en
    return re.split(r"[:：（(]", about or "")[0].strip()


# "why?", "为啥不行", "how come": asking for the reason of what was just refused, naming nothing else
_BARE_WHY = re.compile(r"^(那|可是|但是|但)?(为啥|为什么|为何|怎么|咋)(不行|不可以|不能|不让|不给|呢|啊|了)?[?？!！。.\s]*$|"
                       r"^(but\s+)?(why|how come)(\s+not|\s+is that|\s+can'?t i|\s+not\s+\?)?[?!.\s]*$", re.IGNORECASE)


def _why_refused(text: str, state: DialogueState) -> bool:
    """A bare "why?" right after a refusal: the refused request again, whose reply says why."""
    return state.act.endswith("refused") and bool(state.intent) and bool(_BARE_WHY.match(text.strip()))


def _asks_after_refusal(text: str, state: DialogueState, router, today: date) -> bool:
    """"那我得先学完哪门课才能报？" right after a refused enrollment: a question that names nothing new for the refused
    request (no course, person, date) asks about the refusal; running the request again would only repeat it."""
    if not state.act.endswith("refused") or not _ASKING.search(text):
        return False
    return not (set(router.slots_for(state.intent, text, today)) - {"by"})


def _keeps_previous_tool(routed, text: str, state: DialogueState, router, today: date) -> bool:
    """A reply to a clarifying question, or an elliptical follow-up that names no request of its own."""
    if state.intent not in follow_up_tools():
        return False
    if _more_about_the_course(routed, text, state, router):
        return True
    if _kpi_what_if(routed, text, state):
        return True
    if _explains_its_figures(state.intent) and state.act != "refused" and is_short(text) \
            and _HOW_WORKED_OUT.search(text) and not routed.slots.get("course"):
        return True  # "how is that calculated?" after a KPI: the KPI again, with its formula and policy clauses
    if _explains_its_figures(state.intent) and state.act != "refused" and is_short(text) and _WHY_FIGURE.search(text) \
            and not any(routed.slots.get(k) for k in ("course", "employee", "department", "own_department", "own_team")):
        return True  # "为什么计划完成率这么低" after the specialists' KPIs: those figures again, not the asker's own KPI
    if state.intent == I.COMPLETION_REPORT and state.act != "refused" and is_short(text) \
            and (not routed.confident or (routed.confidence < _UNSURE and routed.intent != state.intent
                                          and _CORRECTION.search(text))) \
            and (names_grouping(text) or parse_month(text, today) or parse_period(text, today)):
        return True  # "按课程拆开看看" / "只看7月的" / "make that July only" after a completion table: that report,
        # regrouped or for that month
    if state.act == "clarify" and (is_short(text) or not routed.confident) and routed.intent != state.intent:
        return routed.intent in (I.SEARCH_KNOWLEDGE, I.HELP, "my_progress", "explain_kpi") or not routed.confident
    if _BACK_REFERENCE.search(text) and routed.intent in ("my_progress", "team_progress") \
            and state.intent in ("my_progress", "team_progress"):
        return True
    if _narrows_progress(routed, text, state, router, today):
        return True
    if routed.intent != state.intent and _names_only_slots(text, router.catalog):
        return bool(set(router.slots_for(state.intent, text, today)) - {"by"})  # it names what that tool takes
    focus = follow_up_focus(text)  # "ok what about the one on Dec 15 then": the focus alone names a slot
    if focus and routed.intent != state.intent and _names_only_slots(focus, router.catalog):
        return bool(set(router.slots_for(state.intent, focus, today)) - {"by"})
    if not is_elliptical(text) or routed.intent == state.intent:
        return False
    if _asks_after_refusal(text, state, router, today):
        return False
    if routed.intent == I.SEARCH_KNOWLEDGE and routed.confident and _about_a_course(state):
        return False  # "and what's the pass mark?" after a course's sessions: a question about that course
    if routed.intent == I.SEARCH_KNOWLEDGE and routed.confident and _COURSE_RULE.search(text):
        return False  # "那门安全课及格线多少分？" after one's progress: a rule every course has, not the progress again
    return routed.intent == I.HELP or not routed.confident or (routed.intent == I.SEARCH_KNOWLEDGE and is_short(text))


# what the rules say of every course: its pass mark, retakes, hours, deadline to finish
_COURSE_RULE = re.compile(r"及格线|及格分|多少分(算)?(及格|通过)|补考|重考|学时|课时|几天内|多少天内|多久(内)?(要)?(学完|完成)|"
                          r"\b(pass(ing)? (mark|score)|retakes?|resits?|how many hours|within how many days)\b",
                          re.IGNORECASE)


_EXTREME = re.compile(r"最低|最高|最差|最好|最少|最多|垫底|倒数第一|排第一|\b(lowest|highest|worst|best|bottom|top|"
                      r"least|most)\b", re.IGNORECASE)


def _asks_extreme(routed, text: str, state: DialogueState) -> bool:
    """"lowest one?" / "哪个最低" right after a report: the same report (it names its lowest and highest line); a
    message naming a course, person, department or period of its own, or a rule question, is a request of its own."""
    if state.intent not in figure_tools() or state.act in ("refused", "clarify") or not is_short(text):
        return False
    if not _EXTREME.search(text) or _RULE_QUESTION.search(text) or routed.intent == state.intent:
        return False  # (read as the same tool, its own slots say what is asked: "which one is most urgent")
    if routed.confident and routed.intent != I.SEARCH_KNOWLEDGE:
        return False  # another report asked for by name ("best rated courses?" after completion)
    return not any(routed.slots.get(k) for k in ("course", "employee", "department", "period", "team"))


def _about_a_course(state: DialogueState) -> bool:
    """The thread's last tool answered about one course (its sessions, its facts), which a question can go on about."""
    from bot.tools.registry import get

    tool = get(state.intent)
    return tool is not None and tool.inherits_course and bool(state.subject.get("course"))


def _continues_into_a_change(routed, text: str, state: DialogueState) -> bool:
    """An elliptical continuation ("ok what about X", "那X呢") after a view that makes no change asks that view about X:
    a change (a reminder, an enrollment) is asked for in words of its own, so an unsure reading as one is not taken."""
    from bot.tools.registry import get

    tool, previous = get(routed.intent), get(state.intent)
    if tool is None or previous is None or tool.confirm is None or previous.confirm is not None:
        return False
    if routed.intent == state.intent or state.intent not in follow_up_tools() or routed.confidence >= _UNSURE:
        return False
    stripped = text.strip()
    return bool(_CONTINUATION.search(stripped)) and (is_short(stripped) or bool(follow_up_focus(stripped)))


_WHAT_IF = re.compile(r"如果|要是|假如|假设|万一|\b(what if|if i|if we|suppose|supposing|say i)\b", re.IGNORECASE)
def _kpi_what_if(routed, text: str, state: DialogueState) -> bool:
    """"如果我把逾期的都学完呢" / "what if I finish the overdue ones?" after a KPI: what the KPI would become (the KPI
    reply carries its what-ifs), not the course list the words alone suggest, nor a rule's consequence."""
    if state.intent != "explain_kpi" or state.act == "refused" or routed.slots.get("course") \
            or routed.intent not in ("my_progress", I.SEARCH_KNOWLEDGE, "explain_kpi") or router_employee(text):
        return False
    return bool(_WHAT_IF.search(text) and _COMPLETES.search(text) and not _NOT_DONE.search(text))


_COMPLETES = re.compile(r"学完|修完|上完|补完|完成|\b(finish(es|ed)?|complete[sd]?|catch(es)? up|caught up)\b",
                        re.IGNORECASE)
_NOT_DONE = re.compile(r"没|不|未|\b(not|don'?t|didn'?t|never|fail|fails|failed|miss|missed)\b|n't\b", re.IGNORECASE)
_SUBJECT_KEYS = ("period", "course", "department", "team", "employee")


def _takes(intent: str) -> tuple[str, ...]:
    """The router slots a tool takes."""
    from bot.tools.registry import get

    tool = get(intent)
    return tool.slots if tool else ()


def _switches_report(routed, text: str, state: DialogueState, router) -> str | None:
    """"what about course health?" / "那课程健康度呢？" after another report: the follow-up's focus alone names a
    different report with confidence, though the whole message, read alone, leaned elsewhere ("what about" reads
    like a policy question). Returns that report's tool, or None."""
    if state.intent not in follow_up_tools() or state.act in ("refused", "clarify") or routed.confidence >= _UNSURE:
        return None  # a reading just over the floor does not outweigh a focus that clearly names another report
    focus = follow_up_focus(text)
    if not focus or not is_short(text) or _ONLY_SELF.search(text):
        return None  # "and mine personally?" names the asker, not another report
    if _names_only_slots(focus, router.catalog):
        return None  # "只看销售部" / "just sales": a department or course narrows this report, it names no other
    alone = router.route(focus)
    if alone.confident and alone.intent != state.intent and alone.intent in follow_up_tools() \
            and alone.intent in figure_tools():  # another report, never a change ("and mine?" is no reminder)
        return alone.intent
    return None


_UNSURE = 0.5  # a first choice below this does not outweigh the tool the thread is using about its course


def _more_about_the_course(routed, text: str, state: DialogueState, router) -> bool:
    """"who's teaching it?" right after a course's next session: "it" is the thread's course, and when the classifier,
    reading the message alone, is unsure of its first choice and also reads it as the thread's tool, that tool stays
    (a session's reply holds its trainer, place and time; "who's ..." alone leans towards team progress)."""
    from bot.tools.registry import get

    tool = get(state.intent)
    if tool is None or not tool.inherits_course or not state.subject.get("course") \
            or state.act in ("refused", "clarify", "abstain"):
        return False
    if routed.intent == state.intent or routed.confidence >= _UNSURE or not is_short(text) or not _THING.search(text):
        return False
    if routed.slots.get("course") or router_employee(text):
        return False  # a course or person of its own: a new request
    return router.probabilities(text).get(state.intent, 0.0) >= CONTEXT_CONFIDENCE


def _narrows_progress(routed, text: str, state: DialogueState, router, today: date) -> bool:
    """"who is overdue?" / "谁逾期了？" right after a progress list: the same list narrowed to a status, not a
    question for the knowledge base (the message names a status and no request, course or person of its own)."""
    if state.intent not in ("my_progress", "team_progress") or state.act == "refused" or not is_short(text):
        return False
    if routed.intent not in (I.SEARCH_KNOWLEDGE, I.HELP) and routed.confident:
        return False
    if _RULE_QUESTION.search(text) and not _WHICH.search(text):
        return False  # "课程逾期了会怎样？", "what happens if a course is overdue?": a rule, asked of the knowledge base
    slots = router.slots_for(state.intent, text, today)
    return bool(slots.get("only")) and not any(routed.slots.get(k) for k in ("course", "employee"))


_RULE_QUESTION = re.compile(r"会怎样|会怎么样|怎么办|怎么处理|会有什么|什么后果|后果|影响|为什么|如果|"
                            r"\b(what happens|what if|why|consequences?|penalt(y|ies)|if)\b", re.IGNORECASE)
_WHICH = re.compile(r"谁|哪些|哪几|哪个|哪门|有没有人|几个人|多少人|(who|whom|which|any(one|body)|how many)",
                    re.IGNORECASE)


def _names_only_slots(text: str, catalog) -> bool:
    """"fine, DATA-101 then", "E0122", "数据分析那门": a course, person, department or date and nothing else."""
    residue = re.sub(r"(?<![A-Za-z0-9])[A-Za-z]{2,6}-?\d{2,4}(?![0-9])|(?<![A-Za-z0-9])[Ee]\d{3,6}(?![0-9])", " ", text)
    residue = _DAY.sub(" ", residue)  # a session's day ("Dec 15", "12月15日") names a slot too
    residue = _PERIOD_WORDS.sub(" ", residue)  # and so does a period ("上个季度", "last quarter", "Q2", "7月")
    if _ASKING.search(residue):
        return False
    for match in (catalog.find_course(text), catalog.find_department(text)):
        if match is not None and match.span:
            residue = residue.replace(match.span, " ")
    words = re.findall(r"[A-Za-z']+", residue.lower())
    chinese = _FILLER_ZH.sub("", "".join(re.findall(r"[\u4e00-\u9fff]", residue)))
    return residue != text and all(w in _FILLER_EN for w in words) and not chinese


_PERIOD_WORDS = re.compile(r"(上|下|这|本|今|去|前)?(一)?个?(季度|季|月份?|年度?|半年)|(20\d\d)\s*(年|年度)?\s*(第?[一二三四1-4]季度)?|"
                           r"(?<![0-9A-Za-z])[Qq][1-4](?![0-9])|第?[一二三四]季度|\d{1,2}\s*月份?|"
                           r"\b(last|this|next|previous|current|the)\s+(quarter|month|year|half)\b|"
                           r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                  r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|"
                  r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]", re.IGNORECASE)


def topicless(text: str) -> bool:
    """A question with no subject of its own ("要多久之内申请？", "what's the deadline?"): it continues the last one."""
    stripped = text.strip()
    if re.search(r"[\u4e00-\u9fff]", stripped):
        return not _GENERIC_ZH.sub("", re.sub(r"[\W\d_]+", "", stripped))
    words = re.findall(r"[a-z']+", stripped.lower().replace("'s", " is"))
    return bool(words) and all(w in _GENERIC_EN for w in words)


def _inheritable(args: dict) -> dict:
    """The previous arguments a follow-up may keep: who and what it was about, not one-off filters."""
    return {k: v for k, v in args.items() if k not in ("only", "n", "answer", "question", "topic", "session")}


def _keep_grouping(text: str, slots: dict, state: DialogueState) -> None:
    """"上个季度呢" after completion by course stays by course: the report's default grouping is no new request."""
    if state.args.get("by") and "by" in slots and not names_grouping(text):
        slots["by"] = state.args["by"]


def _loose_department(router, text: str, slots: dict, state: DialogueState) -> None:
    """In a follow-up about departments a bare name is enough ("and marketing?")."""
    if "department" not in state.subject and "department" not in slots:
        return
    found = router.catalog.find_department(text)
    if found is not None and found.score >= 80:
        slots["department"] = found.value
        slots.pop("employee", None)
        slots.pop("team", None)


def _person_or_self(intent: str, text: str, slots: dict, state: DialogueState) -> str:
    """"what about E0013?" after a team view is that person's view; "and mine?" drops whoever came before."""
    named = router_employee(text)
    if named:
        for key in ("team", "department"):
            slots.pop(key, None)
        slots["employee"] = named
        return _PERSON_LEVEL.get(intent, intent)
    if _ONLY_SELF.search(text):
        for key in _SCOPE_KEYS:
            slots.pop(key, None)
        if _OWN_GROUP.search(text):
            return intent  # "那我自己团队的呢" after another department's view: the asker's own team, not their own record
        return _PERSON_LEVEL.get(intent, intent)
    return intent


def router_employee(text: str) -> str | None:
    """An employee id written in the message."""
    m = re.search(r"(?<![A-Za-z0-9])[Ee]\d{3,6}(?![0-9])", text)
    return m.group(0).upper() if m else None


def _fill_references(text: str, slots: dict, state: DialogueState, intent: str) -> bool:
    """"it" / "这门课" is the course just discussed, "him" / "她" the person, "there" the department.
    Returns True when "him" points at nobody (the caller should be asked who is meant)."""
    from bot.tools.registry import get

    tool = get(intent)
    wanted = tool.slots if tool is not None else ()
    previous = state.subject
    if "course" in wanted and not slots.get("course") and previous.get("course") and (
            _THING.search(text) or (tool.inherits_course and (is_elliptical(text) or is_short(text)))):
        # a short request naming no course ("直接考正式的吧" after a practice quiz) is about the thread's course
        slots["course"] = previous["course"]
    if "department" in wanted and not slots.get("department") and previous.get("department") and _PLACE.search(text):
        slots["department"] = previous["department"]
    if "employee" in wanted and not slots.get("employee") and _PERSON.search(text) and not _FIRST_PERSON.search(text):
        if previous.get("employee"):
            slots["employee"] = previous["employee"]
        else:
            return True
    return False


_LISTS_PEOPLE = ("team_progress", "completion_report")  # replies that list people behind, by course or department
_ACTS_ON_PEOPLE = ("nudge_team",)


_PEOPLE_PLURAL = re.compile(r"他们|她们|哪些人|哪几个人|几个人|多少人|有没有人|谁|\b(them|they|who|whom|anyone|anybody|"
                            r"which people|how many people)\b", re.IGNORECASE)


def _asks_about_people(intent: str, text: str, slots: dict, state: DialogueState, caller) -> bool:
    """A manager's or HR's "which of them are overdue on SEC-201?" asks about several people (read as the asker's own
    courses, it showed the manager's list); after the asker's own course list "them" is those courses."""
    if intent != "my_progress" or slots.get("employee") or caller.role not in ("manager", "hr", "training_specialist"):
        return False
    if state.intent == "my_progress" and not state.args.get("employee"):
        return False
    return bool(_PEOPLE_PLURAL.search(text)) and not _FIRST_PERSON_SINGULAR.search(text)


_FIRST_PERSON_SINGULAR = re.compile(r"我(?!们)|\b(my|me|i|mine|myself)\b", re.IGNORECASE)


def _those_listed(intent: str, text: str, slots: dict, state: DialogueState) -> None:
    """"帮我催一下他们" / "remind them" right after "who on my team hasn't finished SEC-101?": them is the people just
    listed, so the reminder keeps that list's course and department (not everyone behind on anything)."""
    if intent not in _ACTS_ON_PEOPLE or state.intent not in _LISTS_PEOPLE or not _BACK_REFERENCE.search(text):
        return
    if state.act in ("refused", "clarify") or slots.get("employee"):
        return
    for key in ("course", "department"):
        if state.args.get(key) and not slots.get(key):
            slots[key] = state.args[key]


def _standalone_question(text: str, state: DialogueState, slots: dict, router) -> str:
    """The question as it would be asked with no conversation before it."""
    stripped = text.strip()
    if state.intent == I.SEARCH_KNOWLEDGE and state.act == "clarify" and state.question and slots.get("course") \
            and _names_only_slots(stripped, router.catalog):
        return _about(_course_name(slots["course"], state.question, router), state.question)  # the question asked
    if state.question and state.act != "abstain" and (placed := _in_place(stripped, state.question)):
        return f"{state.source}: {placed}" if state.source else placed  # "there" stays in the document just quoted
    if moved := _to_another_course(stripped, state, slots, router):
        return moved
    rewritten = rewrite(stripped, state.question or None)
    if rewritten != stripped:
        return _in_source(rewritten, state)
    course = slots.get("course") or ""
    if not course and state.subject.get("course") and (_THING.search(stripped) or is_elliptical(stripped)
                                                        or (topicless(stripped) and state.act != "abstain"
                                                            and state.args.get("course") == state.subject["course"]
                                                            and not _course_only_cited(state, router))):
        course = state.subject["course"]  # "要多久之内学完" right after a question about a course is about that course
        slots["course"] = course
    leans = state.question and state.intent == I.SEARCH_KNOWLEDGE and state.act != "abstain"
    if leans and _EN_OWN_QUESTION.match(stripped) and _EN_BACK.search(stripped) \
            and (topic := english_topic(state.question)):
        return f"{topic}: {stripped}"  # "who has to approve it" after "how long does a PIP last?": about a PIP, not how
        # long (the last question's asking words pulled its own answer back); "how many of them have to be met?"
        # after BANT in a course: about BANT in that course (its title prefix is part of the topic)
    if leans and not course and (is_elliptical(stripped) or topicless(stripped) or _IT.search(stripped)):
        return f"{state.question} {stripped}"  # (a question that found nothing is no context for the next one)
    if course:
        named = router.catalog.find_course(stripped)
        name = _course_name(course, stripped, router)
        full = named is not None and named.span == name
        if not full:  # named by its code, part of its title, or only by "it": say which course the question is about
            return _about(name, stripped)  # (a code is no word of the course's pages; its title is)
        if (inside := _title_inside(name, stripped)) != stripped:
            return _about(name, inside)  # "what does BANT stand for in the sales fundamentals course?"
    if thread_course := _course_of_last_answer(stripped, state, router):
        # "给客户打折超过多少要经理批" right after an answer from Sales Fundamentals: asked in that course's terms first
        # (its material outranks a nearby policy), with nothing filtered out; the question alone is the other reading
        return _about(_course_name(thread_course, stripped, router), stripped)
    return stripped if re.search(r"[\u4e00-\u9fff]", stripped) else unjoined(stripped)


# "ok different q", "换个问题": the person says the thread's topic is over
_NEW_TOPIC = re.compile(r"换个问题|换个话题|另一个问题|另外一个问题|别的问题|其他问题|顺便问|不相关|"
                        r"\b(different|another|other|unrelated|separate|new) (q|qn|question|topic|thing)\b|"
                        r"\bchanging (the )?(subject|topic)\b|\bon another note\b", re.IGNORECASE)


# an English question of its own: it starts with a question word or an auxiliary
_EN_BACK = re.compile(r"\b(it|its|that|them|they|those|these|one of them)\b", re.IGNORECASE)
_EN_OWN_QUESTION = re.compile(r"^(?:(?:and|so|ok|okay|also|then),?\s+)?(?:(?:within|in|by|for|from|at|on|after|before|"
                              r"until|under|with)\s+(?=what|which|how|when))?(if|who|whom|what|when|where|which|why|how|can|could|"
                              r"do|does|did|is|are|was|were|will|would|should|must|may|has|have)\b", re.IGNORECASE)
_EN_ASKING_WORDS = re.compile(r"^(?:(?:how\s+(?:long|much|many|often|soon|far|early|late)|what(?:'s|s)?|when|where|who|"
                              r"whom|which|why|how|is|are|was|were|do|does|did|can|could|should|will|would|may|must|"
                              r"has|have|i|we|you|my|our|there|it)\b\s*)+", re.IGNORECASE)

_EN_TRAILING_ASK = re.compile(r"\s+\b(?:do|does|did|can|could|should|will|would|is|are|am)\s+(?:i|we|you|they|it|one)\b.*$",
                              re.IGNORECASE)


def english_topic(question: str) -> str:
    """What an English question is about, without its asking words: "how long does a PIP last?" -> "a PIP last";
    a "Source: " prefix stays. Empty for Chinese or when nothing is left."""
    if re.search(r"[\u4e00-\u9fff]", question.split(":", 1)[-1]):
        return ""
    prefix, _, rest = question.rpartition(": ")
    topic = _EN_ASKING_WORDS.sub("", rest.strip()).strip(" ?？.")
    topic = _EN_TRAILING_ASK.sub("", topic).strip()  # "days of sick leave do I get" -> "days of sick leave"
    if not topic:
        return ""
    return f"{prefix}: {topic}" if prefix else topic


# "in the Sales Fundamentals course": the course a question names by title, set apart from what it asks
_IN_COURSE = r"\s*\b(?:in|of|for|from|on|about)\s+(?:the\s+)?{title}(?:\s+(?:course|class|training|module))?\b"


def _title_inside(title: str, text: str) -> str:
    """An English question naming its course by full title inside the question, without that phrase (the course is
    said in front instead: the phrase's words, translated, pulled the cross-language agreement down and the
    question abstained); the question unchanged otherwise."""
    if re.search(r"[\u4e00-\u9fff]", text) or not title.isascii():
        return text
    pattern = re.compile(_IN_COURSE.format(title=re.escape(title)), re.IGNORECASE)
    cut = pattern.sub("", text, count=1).strip()
    return cut if cut != text.strip() and len(cut.split()) >= 2 else text


def _course_of_last_answer(text: str, state: DialogueState, router) -> str:
    """The course whose material answered the thread's last question, when this one is asked in its wake: that
    question named no course (the person asks about the material's subject: sales, onboarding, passwords), its answer
    came from the course, and this question names no course and does not say it changes the subject."""
    course = state.subject.get("course", "")
    if not course or state.intent != I.SEARCH_KNOWLEDGE or state.act != "answer" or state.args.get("course") != course:
        return ""
    if state.args.get("course_by") != "citations":
        return ""  # the person named the course: a question with a topic of its own is usually about a general rule
    if router.catalog.find_course(text) is not None or _NEW_TOPIC.search(text):
        return ""
    return course


def _to_another_course(text: str, state: DialogueState, slots: dict, router) -> str:
    """"那合规那门呢" after "信息安全基础：考试多少分及格": the last question, asked of the course the follow-up names."""
    focus, new, old = follow_up_focus(text), slots.get("course"), state.subject.get("course")
    if not (focus and new and old and new != old and state.question) or state.act == "abstain":
        return ""
    if not _names_only_slots(focus, router.catalog):
        return ""
    question = state.question
    for title in sorted((t for t in (_course_name(old, "中", router), _course_name(old, "en", router), old) if t),
                        key=len, reverse=True):
        question = re.sub(rf"^{re.escape(title)}\s*[：:]\s*", "", question)  # the old course's prefix goes
        question = question.replace(title, _course_name(new, question, router))
    return _about(_course_name(new, question, router), question)


def _course_only_cited(state: DialogueState, router) -> bool:
    """The last knowledge question named no course; its answer merely quoted one course's material ("how often should
    I hold one-to-ones?" answered from a leadership course): a question with no topic of its own ("how long each?")
    continues that question, not the course as a whole."""
    return (state.intent == I.SEARCH_KNOWLEDGE and bool(state.question)
            and router.catalog.find_course(state.question) is None)


def _in_source(question: str, state: DialogueState) -> str:
    """A rewritten follow-up ("那餐补呢" after the Shanghai hotel limit) asks in the document just quoted first: the
    rewrite keeps the new subject but can drop the previous question's setting (a business trip). An English question
    is not prefixed with a Chinese title: the mixed text is read as Chinese and loses its English key terms."""
    source = state.source if state.act == "answer" and state.intent == I.SEARCH_KNOWLEDGE else ""
    if not source or question.startswith(source):
        return question
    if re.search(r"[\u4e00-\u9fff]", source) and not re.search(r"[\u4e00-\u9fff]", question):
        return question  # a Chinese title would make an English question read as Chinese (paternity became 产假)
    return f"{source}：{question}" if re.search(r"[\u4e00-\u9fff]", question) else f"{source}: {question}"


def _course_name(course: str, text: str, router) -> str:
    """The course's title in the message's language (its code when the catalog has no title)."""
    title = next((c for c in router.catalog.courses if c.code == course), None)
    zh = bool(re.search(r"[\u4e00-\u9fff]", text))
    return ((title.title_zh if zh else title.title_en) if title else "") or course


def _about(name: str, text: str) -> str:
    """The question prefixed with what it is about."""
    return f"{name}：{text}" if re.search(r"[\u4e00-\u9fff]", text) else f"{name}: {unjoined(text)}"


def unjoined(text: str) -> str:
    """An English question without the "and" / "so" that tied it to the last one (it misleads the search)."""
    return re.sub(r"^(and|also|so|ok|okay|then)\b[\s,]*", "", text.strip(), flags=re.IGNORECASE) or text.strip()


_EN_PLACE_BEFORE = re.compile(r"\b(in|at|to)\s+((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)")
_EN_THERE = re.compile(r"\b(over there|there)\b", re.IGNORECASE)


def _in_place(text: str, previous: str) -> str:
    """"meal allowance there?" after "hotel limit per night in Shanghai?" -> "meal allowance in Shanghai?"."""
    place = _EN_PLACE_BEFORE.search(previous)
    if place is None or not _EN_THERE.search(text) or re.search(r"[\u4e00-\u9fff]", text):
        return ""
    return _EN_THERE.sub(f"{place.group(1)} {place.group(2)}", unjoined(text), count=1)


def _other_readings(text: str, standalone: str, state: DialogueState, slots: dict, router) -> tuple:
    """What to ask when the standalone question finds nothing: the message alone (a rewrite onto the previous
    question may have been wrong), then the message about the thread's course (a question in a quiz or after a
    course question, "电脑丢了要多久之内上报", is often about that course's material)."""
    stripped, readings = text.strip(), []
    plain = rewrite(stripped, state.question or None)
    if plain not in (standalone, stripped):
        readings.append(plain)  # the rewrite outside the document just quoted
    if standalone != stripped:
        readings.append(stripped)
    if is_elliptical(stripped) and (in_source := _in_source(stripped, state)) != stripped:
        readings.append(in_source)  # a message leaning on the last answer, asked in the document it quoted
    course = state.subject.get("course")
    if course and not slots.get("course") and router.catalog.find_course(stripped) is None:
        readings.append(_about(_course_name(course, stripped, router), stripped))
    if (thread := _in_thread_topic(stripped, state)) and thread not in readings:
        readings.append(thread)
    return tuple(r for r in readings if r != standalone)


_YES_NO = re.compile(r"^(?:(?:and|so|ok|okay|also|but),?\s+)?(?:do|does|did|is|are|can|could|should|must|will|would|"
                     r"may|need|needs|have|has)\b|[吗么][?？]?$|要不要|能不能|是不是|可不可以|需不需要|有没有|用不用",
                     re.IGNORECASE)
_WH = re.compile(r"什么|啥|哪|几|多少|怎么|谁|为何|为什么|\b(what|which|who|whom|whose|when|where|why|how)\b",
                 re.IGNORECASE)


def _in_thread_topic(text: str, state: DialogueState) -> str:
    """A short question with a topic of its own, right after a knowledge answer, asked within that answer's topic:
    "do I need a doctor's note" after "how is sick leave paid?" finds nothing on its own (a sick note is 病假证明, a
    word the question does not use) but does about sick leave. Tried only when every other reading found nothing,
    and it must pass the same abstention checks as any question."""
    if state.intent != I.SEARCH_KNOWLEDGE or state.act != "answer" or not state.question or not is_short(text):
        return ""
    if not _YES_NO.search(text) or _WH.search(text):
        return ""  # a yes/no question asks whether something holds where the thread is; "what's the share price
        # today?" / "食堂这周五有啥菜" ask about something new (read within the thread they quoted its rule)
    if re.search(r"[\u4e00-\u9fff]", text):
        return f"{state.question.rstrip('？?。 ')}，{text}" if re.search(r"[\u4e00-\u9fff]", state.question) else ""
    topic = english_topic(state.question)
    return f"{topic}: {text}" if topic else ""


def announce_for(resolved: Resolved, state: DialogueState) -> dict | None:
    """The change of subject to say out loud for a resolved request (recomputed once a named person is placed)."""
    return _announce(resolved.slots, state) if resolved.follow_up or resolved.intent == state.intent else None


def _announce(slots: dict, state: DialogueState) -> dict | None:
    """Say so when a follow-up moves to another person, team or department than the previous reply was about."""
    before = {k: state.subject[k] for k in _SCOPE_KEYS if state.subject.get(k)}
    after = {k: slots[k] for k in _SCOPE_KEYS if slots.get(k)}
    if not before or not after or before == after:
        return None
    return {"before": before, "after": after}
