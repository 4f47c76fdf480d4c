"""A question naming a course by its title, not its code ("提示词工程那门课要学多久？"), is about that course: other
courses' pages are left out, the course's own sentences lead a policy line that only lists it, and a quote from the
course's page in the other language is judged with the page's title (issue 14, §22: the pooled sample dev quoted the
training policy's list of electives, or abstained, for four such questions)."""

from types import SimpleNamespace

import pytest

from bot.answering.agreement import cross_agreement
from bot.answering.compose import Pick, rank_sentences
from bot.answering.extractive import course_titles, titled_course
from retrieval.types import Passage

TITLES = {"AI-101": "Prompt Engineering Fundamentals", "DATA-101": "数据分析基础", "SAL-101": "销售基础",
          "SEC-101": "Information Security Basics", "LDR-301": "Leadership for New Managers",
          "CS-101": "客户服务沟通"}


@pytest.mark.parametrize(("question", "translation", "code"), [
    ("提示词工程那门课大概要学多长时间？", "prompt engineering how long", "AI-101"),  # English title, via the lexicon
    ("数据分析基础这门课报名以后多久之内要学完？", "data analysis", "DATA-101"),  # the Chinese title as written
    ("数据分析那门课讲几种图表？", "data analysis chart", "DATA-101"),  # without 基础: four characters left
    ("In the data analysis course, which chart shows a trend?", "数据分析 课程 图表", "DATA-101"),  # via the lexicon
    ("新任经理领导力课要学多久", "manager leadership", "LDR-301"),  # "managers" in the title, "manager" asked
    ("销售人员自己能给多少折扣？", "salesperson discount", None),  # 销售 alone is no course title
    ("How do sales reps get discount approval?", "销售 折扣", None),  # one distinctive word is not enough
    ("Is information security basics harder than data analysis?", "信息安全 数据分析", None),  # two courses: neither
])
def test_the_one_course_a_question_names_by_title(question, translation, code):
    assert titled_course(TITLES, question, translation) == code


def test_course_titles_come_from_the_indexed_documents_without_their_codes():
    documents = [SimpleNamespace(course="AI-101", title="Prompt Engineering Fundamentals (AI-101)"),
                 SimpleNamespace(course="DATA-101", title="数据分析基础（DATA-101）"),
                 SimpleNamespace(course=None, title="员工培训管理制度")]
    index = SimpleNamespace(catalog=SimpleNamespace(documents=lambda: documents))
    assert course_titles(index) == {"AI-101": "Prompt Engineering Fundamentals", "DATA-101": "数据分析基础"}


class _Coverage:
    language = "zh"

    def of(self, text, language=None):
        return 0.0

    def of_known(self, text, language=None):
        return 0.0


POLICY = Passage("p-1", "选修课程由员工自愿报名，例如提示词工程入门（AI-101）和数据分析基础（DATA-101）。", 0.0,
                 "policies/training.md", "员工培训管理制度", "第二条 培训分类", language="zh", dense_score=0.86)
COURSE = Passage("c-1", "It takes about 2 hours across six short lessons.", 0.0, "courses/ai-101.md",
                 "Prompt Engineering Fundamentals (AI-101)", "", course="AI-101", language="en", dense_score=0.86)


def _similarity(texts):
    return [0.80 if "选修" in text else 0.77 for text in texts]  # the policy's list reads closer to the question


def test_the_named_courses_own_sentence_leads_a_policy_line_that_lists_it():
    assert rank_sentences(_Coverage(), [POLICY, COURSE], similarity=_similarity)[0].passage is POLICY
    ranked = rank_sentences(_Coverage(), [POLICY, COURSE], similarity=_similarity, course="AI-101")
    assert ranked[0].passage is COURSE


class _Index:
    def __init__(self):
        self.asked = []

    def passage_similarities(self, query, texts, kept=False):
        self.asked.append(list(texts))
        return [0.9 for _ in texts]


def test_a_quote_from_the_named_courses_page_is_judged_with_its_title():
    pick = Pick(COURSE.text, 0, 0, 9.0, COURSE)
    index = _Index()
    cross_agreement(index, "prompt engineering how long", [pick], "zh", "AI-101")
    assert index.asked == [[f"Prompt Engineering Fundamentals (AI-101)\n{COURSE.text}"]]
    index = _Index()
    cross_agreement(index, "prompt engineering how long", [pick], "zh")  # no course named: the sentence alone
    assert index.asked == [[COURSE.text]]


def test_only_a_course_the_question_names_lifts_its_own_sentences(monkeypatch):
    """A course from the conversation ("if I fail can I retake it?" after the compliance exam) narrows the search but
    does not lift the course page over the training policy's retake rule (heldout_h8 c-en-802 lost its answer when it
    did); one the question names, by code or title, does."""
    from bot.answering import extractive
    from tests.unit.bot.test_answer_cross_agreement import _AnswerIndex

    asked = []
    real = extractive.rank_sentences
    monkeypatch.setattr(extractive, "rank_sentences", lambda *a, **k: asked.append(k.get("course")) or real(*a, **k))
    index = _AnswerIndex(0.93)
    extractive.answer_question(index, "if I fail can I retake it?", course="CMP-101")
    extractive.answer_question(index, "What is the pass mark of CMP-101?", course="CMP-101")
    extractive.answer_question(index, "What is the pass mark of CMP-101?")
    # the conversation puts its course's title before a follow-up: not the person naming it (heldout_h12 c-en-1203)
    monkeypatch.setattr(extractive, "course_titles", lambda index: {"SEC-101": "Information Security Basics"})
    extractive.answer_question(index, "Information Security Basics: how long do I have to apply for a retake?",
                               course="SEC-101")
    extractive.answer_question(index, "Information Security Basics: how long do I have to apply for a retake?")
    assert asked == [None, "CMP-101", "CMP-101", None, "SEC-101"]
