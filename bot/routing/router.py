"""The offline intent router: cue phrases plus similarity to examples, then slot filling."""

from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date

from bot.routing import intents as I
from bot.routing.catalog import Catalog
from bot.routing.examples import training_examples
from bot.routing.patterns import pattern_scores
from bot.routing.semantic import MeaningClassifier, QueryEncoder
from bot.routing.similarity import ExampleMatcher
from bot.routing.slots import DEFAULT_EMPLOYEE_ID, SlotFiller

log = logging.getLogger(__name__)
_SIMILARITY_WEIGHT = 2.0
_MIN_CUE = 1.0  # hints alone ("公司", "overdue") do not make a request
_MIN_SIMILARITY = 0.55  # below this and with no cue, the message is not a known request
_MEANING_WEIGHT = 3.0  # times the classifier's probability (leave-one-set-out best on the blind sets)
_MIN_MEANING = 0.3  # with no cue and no close n-gram match, the classifier must be at least this sure
_QUESTIONISH = re.compile(r"[?？]|吗|呢|什么|怎么|如何|多少|几|哪|是否|能否|可以|\b(what|how|why|when|where|which|who|can|is|are|do|does|should)\b")


_CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u4e00-\u9fff])")


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, single spaces, a space where Chinese meets Latin ("各部门completion"),
    so English cues with word boundaries match inside mixed messages."""
    text = _CJK_LATIN.sub(" ", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text).strip().lower()


class IntentRouter:
    """Decides which tool a message asks for and fills its slots; unknown requests go to search or help."""

    def __init__(self, catalog: Catalog, employee_id_pattern: str = DEFAULT_EMPLOYEE_ID,
                 encoder: QueryEncoder | None = None):
        """Index the example utterances once; with an encoder (the knowledge index) paraphrases route by meaning."""
        examples = training_examples()
        self._matcher = ExampleMatcher(examples)
        self._meaning = _meaning_classifier(encoder, examples) if encoder is not None else None
        self._slots = SlotFiller(catalog, employee_id_pattern)

    def route(self, text: str, today: date | None = None) -> I.Routed:
        """The intent and slots of one message."""
        today = today or date.today()
        normal = normalise(text)
        if not normal:
            return I.Routed(I.HELP, {}, 1.0, True)
        meaning = self._meaning.probabilities(text.strip()) if self._meaning else {}
        intent, confidence, cued = self._classify(normal, self._mask_courses(normal), meaning)
        slots = self._slots.fill(intent, unicodedata.normalize("NFKC", text).strip(), today)
        return I.Routed(intent, slots, confidence, cued)

    def slots_for(self, intent: str, text: str, today: date | None = None) -> dict:
        """The slots a message fills for a given intent (used when a follow-up keeps the previous intent)."""
        return self._slots.fill(intent, unicodedata.normalize("NFKC", text).strip(), today or date.today())

    def _mask_courses(self, normal: str) -> str:
        """The message with its course named generically, so similarity weighs the request, not the course."""
        course = self._slots.catalog.find_course(normal)
        if course and course.span and course.span.lower() in normal:
            return normal.replace(course.span.lower(), " course ")
        return normal

    def _classify(self, normal: str, masked: str, meaning: dict[str, float]) -> tuple[str, float, bool]:
        """Pick the intent with the best combined cue, n-gram and meaning score."""
        cues = pattern_scores(normal)
        similar = self._matcher.best_per_intent(masked)
        _apply_precedence(cues, normal, names_department=self._slots.catalog.find_department(normal) is not None)
        combined = {intent: cues.get(intent, 0.0) + _SIMILARITY_WEIGHT * similar.get(intent, 0.0)
                    + _MEANING_WEIGHT * meaning.get(intent, 0.0)
                    for intent in I.ALL_INTENTS}
        best = max(combined, key=combined.__getitem__)
        if cues.get(best, 0.0) < _MIN_CUE and similar.get(best, 0.0) < _MIN_SIMILARITY \
                and meaning.get(best, 0.0) < _MIN_MEANING:
            fallback = I.SEARCH_KNOWLEDGE if _QUESTIONISH.search(normal) or len(normal) >= 6 else I.HELP
            return fallback, 0.3, False
        top = sorted(combined.values(), reverse=True)
        margin = top[0] - (top[1] if len(top) > 1 else 0.0)
        return best, min(1.0, 0.5 + margin / 4), cues.get(best, 0.0) >= _MIN_CUE


def _meaning_classifier(encoder: QueryEncoder, examples: dict[str, list[str]]) -> MeaningClassifier | None:
    """The meaning-level classifier, or None when the embedder cannot embed the examples (routing works without)."""
    try:
        return MeaningClassifier(encoder, examples)
    except Exception as exc:
        log.warning("routing without embeddings: the examples could not be embedded (%s)", exc)
        return None


def _apply_precedence(cues: dict[str, float], normal: str, names_department: bool = False) -> None:
    """Resolve the overlaps cue phrases cannot: a team nudge is not a team report, a report is not my progress."""
    first_person = re.search(r"我|\bmy\b|\bi\b|\bme\b", normal)
    if I.EXPLAIN_KPI in cues and (not first_person or re.search(r"一般|通常|\bin general\b|\bgenerally\b", normal)) \
            and not re.search(r"[a-z]\d{3,6}", normal) and re.search(
            r"怎么(计算|算)|如何(计算|算)|规则|政策|什么意思|定义|一般|通常|构成|calculated|computed|policy|rules?|mean|"
            r"in general|\bwork(s)?\b|counts? (toward|towards|for)", normal):
        cues[I.EXPLAIN_KPI] -= 2.5  # how points are calculated in general is a policy question
        cues[I.SEARCH_KNOWLEDGE] = cues.get(I.SEARCH_KNOWLEDGE, 0.0) + 1.5
    if I.EXPLAIN_KPI in cues and I.MY_PROGRESS in cues and re.search(r"kpi|积分|绩效|points|score", normal):
        cues[I.MY_PROGRESS] -= 2.0  # "my training KPI" is about the KPI
    if I.MY_PROGRESS in cues and re.search(r"^(who|whom|what happens|what if|where|how do i|how can i|can i|is it|are)\b|"
                                           r"^(谁|如果|要是|假如)", normal) \
            and not re.search(r"progress|finished|completed|done|overdue|behind|status|left|进度|完成|学完|逾期", normal):
        cues[I.MY_PROGRESS] -= 1.5  # "who approves my training budget" asks about a rule, not my record
        cues[I.SEARCH_KNOWLEDGE] = cues.get(I.SEARCH_KNOWLEDGE, 0.0) + 1.0
    if I.TEAM_PROGRESS in cues and I.MY_PROGRESS in cues:
        cues[I.MY_PROGRESS] -= 2.5
    if I.NUDGE_TEAM in cues and I.TEAM_PROGRESS in cues:
        cues[I.TEAM_PROGRESS] = min(cues[I.TEAM_PROGRESS], cues[I.NUDGE_TEAM] - 2.0)
    if I.NUDGE_TEAM in cues and re.search(r"提醒我(?!的)|remind me\b", normal) \
            and not re.search(r"团队|下属|组员|组里|同事|大家|他们|team|reports|everyone|them\b", normal):
        cues[I.NUDGE_TEAM] -= 3.0  # "remind me" is about the learner's own deadlines
        cues[I.MY_PROGRESS] = cues.get(I.MY_PROGRESS, 0.0) + 2.0
    if I.NUDGE_TEAM in cues and re.search(r"会不会|是否|还是|吗[?？]?$|^(does|do|will|is|are|would|what'?s|how)\b.*\?$", normal) \
            and not re.search(r"帮我|帮忙|请|替我|给(我的?)?(组员|下属|团队|他们)|\bplease\b|\bcan you\b|\bcould you\b|\bfor me\b", normal):
        cues[I.NUDGE_TEAM] -= 2.5  # "will the reminder email also go to my manager?" asks how reminders work
        cues[I.SEARCH_KNOWLEDGE] = cues.get(I.SEARCH_KNOWLEDGE, 0.0) + 1.5
    if I.COMPLETION_REPORT in cues and I.TEAM_PROGRESS in cues and not re.search(r"各部门|部门之间|departments", normal):
        cues[I.COMPLETION_REPORT] -= 1.5  # "my team's completion rate" is the team view
    if I.COMPLETION_REPORT in cues and re.search(r"我的|\bmy\b|\bi\b", normal) and I.TEAM_PROGRESS not in cues \
            and not names_department and not re.search(r"部门|公司|department|company|courses", normal):
        cues[I.COMPLETION_REPORT] -= 1.5
        cues[I.MY_PROGRESS] = cues.get(I.MY_PROGRESS, 0.0) + 1.5
    if I.GENERATE_QUIZ in cues and I.GRADE_ANSWER in cues and re.search(r"我选|答案|answer|pick|choose", normal):
        cues[I.GENERATE_QUIZ] -= 2.0
    if I.GENERATE_QUIZ in cues and re.search(r"\bwhat (percentage|percent|share|portion)\b|\bhow (much|many|long|is|are|does)\b|"
                                              r"多少|比例|权重|占比|规则|怎么算", normal) \
            and not re.search(r"\b(quiz|test|drill) me\b|考考我|给我出|出(几|些|点)|\bgive me\b", normal):
        cues[I.GENERATE_QUIZ] -= 3.0  # "what percentage of the grade comes from the quiz?" asks about the rules
        cues[I.SEARCH_KNOWLEDGE] = cues.get(I.SEARCH_KNOWLEDGE, 0.0) + 1.5
    if I.ENROLL in cues and I.SEARCH_KNOWLEDGE in cues and re.search(
            r"怎么|如何|how|规则|条件|流程|截止|deadline|allowed|permitted|policy|允许|可不可以|能不能|是否", normal):
        cues[I.ENROLL] -= 1.5
