"""Quiz building, the support check, grading and LMS export on hand-made passages."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from bot.quiz.export_gift import escape, to_gift
from bot.quiz.export_moodle import to_moodle_xml
from bot.quiz.grading import grade
from bot.quiz.model import BLANK, Quiz, QuizItem
from bot.quiz.offline_generator import OfflineQuizBuilder
from bot.quiz.validate import problems
from retrieval.types import Passage

ZH = Passage(chunk_id="c1", score=1.0, source="onb.md", title="新员工入职培训", heading="必修课程", course="ONB-101",
             text="入职当天系统会分配三门必修课程。前两门须在30天内完成，CMP-101须在60天内完成。试用期一般为3个月。"
                  "首次登录须修改初始密码，并在24小时内完成多因素认证绑定。", language="zh")
EN = Passage(chunk_id="c2", score=1.0, source="sec.md", title="Information Security Basics", heading="Levels",
             course="SEC-101", language="en",
             text="Data has four levels: - Public: may be shared with anyone. - Internal: for employees only. "
                  "- Confidential: limited to people who need it. - Restricted: the highest level, such as ID numbers. "
                  "Company passwords must be at least 12 characters long. Report incidents within 1 hour.")


def _valid_items(passages, limit=30):
    chunks = {p.chunk_id: p.text for p in passages}
    items = []
    for item in OfflineQuizBuilder(passages).candidates():
        items.append((item, problems(item, chunks[item.chunk_id])))
        if len(items) >= limit:
            break
    return items


def test_offline_items_are_supported_by_their_chunk():
    built = _valid_items([ZH, EN])
    assert {i.kind for i, _ in built} == {"mcq", "true_false", "cloze"}
    valid = [i for i, issues in built if not issues]
    assert len(valid) / len(built) >= 0.9
    for item in valid:
        if item.kind == "mcq":
            assert len(set(item.options)) == 4
            assert sum(1 for o in item.options if item.stem.replace(BLANK, o) in item.evidence or o in item.evidence) >= 1


def test_term_mcq_uses_sibling_terms_as_distractors():
    items = [i for i, issues in _valid_items([EN]) if not issues and i.kind == "mcq" and i.difficulty == 3]
    assert items
    assert set(items[0].options) == {"Public", "Internal", "Confidential", "Restricted"}


def _item(**changes):
    base = dict(kind="mcq", question="Q: passwords must be at least ____ long", stem="Company passwords must be at "
                "least ____ long", answer="A", options=["12 characters", "8 characters", "6 characters", "24 characters"],
                explanation="", difficulty=2, chunk_id="c2", source="sec.md", title="t", heading="h",
                evidence="Company passwords must be at least 12 characters long.")
    base.update(changes)
    return QuizItem(**base)


def test_check_rejects_a_wrong_key():
    assert problems(_item(answer="B"), EN.text)


def test_check_rejects_duplicate_options():
    assert "options are not distinct" in problems(_item(options=["12 characters", "12 Characters", "6 characters",
                                                                  "24 characters"]), EN.text)


def test_check_rejects_evidence_not_in_chunk():
    assert "evidence is not in the cited chunk" in problems(_item(evidence="Passwords must be 8 characters."), EN.text)


def test_check_rejects_a_true_statement_absent_from_the_chunk():
    item = _item(kind="true_false", answer="true", options=[], stem="Passwords must be at least 8 characters long.")
    assert problems(item, EN.text)


def test_check_accepts_a_good_item():
    assert problems(_item(), EN.text) == []


def test_grading_reads_letters_words_and_numbers():
    assert grade(_item(), "a").correct and not grade(_item(), "B").correct
    assert grade(_item(), "12 characters").correct
    cloze = _item(kind="cloze", answer="30天", options=[], stem="前两门须在____内完成")
    assert grade(cloze, "30").correct and grade(cloze, "30 天").correct and not grade(cloze, "60天").correct
    tf = _item(kind="true_false", answer="false", options=[])
    assert grade(tf, "错").correct and not grade(tf, "true").correct and not grade(tf, "maybe").understood


def test_moodle_xml_is_well_formed_with_one_right_answer():
    quiz = Quiz("SEC-101", [_item(), _item(kind="true_false", answer="true", options=[]),
                            _item(kind="cloze", answer="12 characters", options=[])], course="SEC-101")
    root = ET.fromstring(to_moodle_xml(quiz))
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert [q.get("type") for q in questions] == ["multichoice", "truefalse", "shortanswer"]
    mcq = questions[0]
    assert [a.get("fraction") for a in mcq.findall("answer")] == ["100", "0", "0", "0"]


def test_gift_escapes_and_marks_the_key():
    quiz = Quiz("SEC-101", [_item(question="Rule: passwords must be at least ____ long")], course="SEC-101")
    text = to_gift(quiz)
    assert "=12 characters" in text and "~8 characters" in text
    assert "Rule\\:" in text
    assert escape("a{b}=c~d#e") == "a\\{b\\}\\=c\\~d\\#e"
