"""A quiz in a thread: questions from a course, a hint before the key, the score kept as practice (not an exam)."""

from __future__ import annotations

from sqlmodel import Session, select

from bot.messages import IncomingMessage
from bot.store.quiz_sessions import QuizSessionStore
from hr.models import ExamAttempt, PracticeAttempt

LEARNER = "E0056"


def say(chat, text: str, thread: str = "quiz", **extra):
    """One message from the learner."""
    return chat.handle(IncomingMessage(employee_id=LEARNER, text=text, channel="cli", thread_id=thread, **extra))


def wrong_answer(item) -> str:
    """An answer that is certainly wrong for the item."""
    if item.kind == "mcq":
        return next(letter for letter in "ABCD" if letter != item.answer)
    if item.kind == "true_false":
        return "false" if item.answer == "true" else "true"
    return "zzz"


def test_quiz_hint_then_key_then_recorded_attempt(chat, engine):
    start = say(chat, "考考我信息安全基础，出2道题")
    assert start.tools[0].name == "generate_quiz" and start.tools[0].ok
    store = QuizSessionStore(engine)
    active = store.current("cli", "quiz", LEARNER)
    assert active and len(active.quiz.items) == 2 and active.quiz.course == "SEC-101"
    first, second = active.quiz.items
    assert first.answer not in start.text.split("\n")[0] or first.kind == "mcq"
    assert first.evidence not in start.text, "the question must not give away its proof"

    hint = say(chat, wrong_answer(first))
    assert hint.private and hint.tools[0].name == "grade_answer"
    assert "Hint" in hint.text or "提示" in hint.text
    assert first.evidence not in hint.text, "a first miss gets a hint, not the key"

    revealed = say(chat, wrong_answer(first))
    assert first.evidence in revealed.text
    if second.kind == "mcq":
        done = say(chat, "", action={"kind": "quiz_answer", "value": {"answer": second.answer}})
    else:
        done = say(chat, second.answer)
    assert "1/2" in done.text or "50.0" in done.text
    with Session(engine) as db:
        practice = db.exec(select(PracticeAttempt).where(PracticeAttempt.employee_id == LEARNER,
                                                         PracticeAttempt.course_code == "SEC-101")).all()
        exams = db.exec(select(ExamAttempt).where(ExamAttempt.employee_id == LEARNER,
                                                  ExamAttempt.course_code == "SEC-101")).all()
    assert [(p.score, p.correct, p.questions) for p in practice] == [(50.0, 1, 2)]
    assert not any(abs(a.score - 50.0) < 0.01 for a in exams), "a chat quiz is practice, never an exam attempt"
    assert store.current("cli", "quiz", LEARNER) is None


def test_quiz_on_a_topic_without_course(chat):
    reply = say(chat, "quiz me on phishing, 2 questions", thread="topic")
    assert reply.tools[0].name == "generate_quiz"
    assert reply.tools[0].ok, reply.text


def test_answer_without_quiz_says_so(chat):
    reply = say(chat, "我选B", thread="noquiz")
    assert reply.tools[0].name == "grade_answer" and not reply.tools[0].ok


def test_questions_during_a_quiz_are_not_taken_as_answers(chat, engine):
    say(chat, "quiz me on AI-101, 3 questions", thread="mid")
    before = QuizSessionStore(engine).current("cli", "mid", LEARNER)
    reply = say(chat, "年假有几天", thread="mid")
    assert reply.tools[0].name == "search_knowledge"
    after = QuizSessionStore(engine).current("cli", "mid", LEARNER)
    assert (after.position, after.tries_on_current) == (before.position, before.tries_on_current)
    graded = say(chat, "few-shot prompting", thread="mid")
    assert graded.tools[0].name == "grade_answer"


def test_wordless_replies_in_a_chinese_quiz_stay_in_the_quiz_and_in_chinese(chat, engine):
    """"B", "2", "ok", "👍" carry no language and no request: they are answer attempts, answered in the quiz's language."""
    say(chat, "考考我信息安全基础，出3道题", thread="wordless")
    store = QuizSessionStore(engine)
    for text in ("B", "b", "2", "ok", "👍"):
        if store.current("cli", "wordless", LEARNER) is None:
            break
        reply = say(chat, text, thread="wordless")
        assert reply.tools and reply.tools[0].name == "grade_answer", (text, reply.text)
        assert reply.act != "help", (text, reply.text)
        assert not any(w in reply.text for w in ("Not quite", "Try once more", "Hint", "Correct", "couldn't read")), \
            (text, reply.text)
        assert "提示： 提示" not in reply.text and "提示：提示" not in reply.text, reply.text


def test_a_hint_is_announced_once_in_english(chat, engine):
    say(chat, "quiz me on information security basics, 2 questions", thread="hint-en")
    first = QuizSessionStore(engine).current("cli", "hint-en", LEARNER).quiz.items[0]
    hint = say(chat, wrong_answer(first), thread="hint-en")
    assert "Hint:" in hint.text and hint.text.count("Hint") == 1, hint.text


def _miss_twice(chat, engine, thread: str, first_message: str, give_up: str):
    """Start a quiz, give up twice on its first question; returns (start reply, item, hint reply, key reply)."""
    start = say(chat, first_message, thread=thread)
    item = QuizSessionStore(engine).current("cli", thread, LEARNER).quiz.items[0]
    return start, item, say(chat, give_up, thread=thread), say(chat, give_up, thread=thread)


def test_an_english_quiz_on_chinese_material_marks_the_quoted_source(chat, engine):
    """ONB-101 is written in Chinese: the English reader gets English labels, and the source sentence as a marked,
    glossed quote (never an unannounced Chinese sentence)."""
    start, item, hint, key = _miss_twice(chat, engine, "en-on-zh", "quiz me on ONB-101, 2 questions", "I don't know")
    assert start.act == "quiz_start" and "the questions quote it as written" in start.text, start.text
    assert item.language == "zh"
    assert "here's a hint: review the section" in hint.text and "复习" not in hint.text, hint.text
    assert "The answer is" in key.text and "quoted in the original Chinese" in key.text, key.text
    assert item.evidence in key.text and "依据" not in key.text and "提示" not in key.text, key.text


def test_a_chinese_quiz_on_english_material_marks_the_quoted_source(chat, engine):
    """AI-101 is written in English: the Chinese reader gets Chinese labels, and the source as a marked quote."""
    start, item, hint, key = _miss_twice(chat, engine, "zh-on-en", "考考我提示词工程，出2道题", "不知道")
    assert start.act == "quiz_start" and "资料是英文的" in start.text, start.text
    assert item.language == "en"
    assert "给你一个提示：复习" in hint.text and "review" not in hint.text and "Hint" not in hint.text, hint.text
    assert "正确答案是" in key.text and "英文原文" in key.text and item.evidence in key.text, key.text
    assert "From \"" not in key.text and "Try once more" not in key.text, key.text


def test_switching_language_mid_quiz_switches_every_label(chat, engine):
    """Started in Chinese on Chinese material, continued in English: the hint, question lead and source label follow
    the message, and the Chinese source sentence is marked as a quote."""
    start, item, hint, key = _miss_twice(chat, engine, "switch", "考考我新员工入职培训，出2道题", "I don't know")
    assert item.language == "zh" and "资料是" not in start.text, start.text
    assert "hint: review the section" in hint.text and "复习" not in hint.text and "提示" not in hint.text, hint.text
    assert "quoted in the original Chinese" in key.text and "依据" not in key.text, key.text
    for lead in ("选择填入空白处的正确选项", "以下哪一项符合这个描述", "判断对错", "填空："):
        assert lead not in hint.text and lead not in key.text, (lead, key.text)
    back = say(chat, "不知道", thread="switch")
    assert "给你一个提示：复习" in back.text and "review" not in back.text and "Hint" not in back.text, back.text
