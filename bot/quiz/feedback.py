"""Quiz wording in the reader's language at the moment it is shown: question leads, hints and the source quote.

An item is stored once, but the learner may switch language mid-quiz, and its material may be in the other language.
So the words around the material are written here per turn, in the reader's language, and a source sentence in the
other language is shown as a marked quote with a dictionary gloss (like the answer engine's quotes), never silently."""

from __future__ import annotations

from bot.quiz.model import QuizItem
from retrieval.language import detect_language

# The instruction that leads each offline question, in both languages (the generator writes one of them).
LEADS = {
    "fill_option": ("选择填入空白处的正确选项：", "Choose the option that fills the blank: "),
    "term": ("以下哪一项符合这个描述？", "Which term matches this description? "),
    "true_false": ("判断对错：", "True or false: "),
    "cloze": ("填空：", "Fill in the blank: "),
    "table": ("根据表格，选出这一行对应的内容：", "From the table, choose the entry for this row: "),
}
_LANGUAGE_NAME = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}


def lead(key: str, language: str) -> str:
    """One question lead in the given language."""
    zh, en = LEADS[key]
    return zh if language == "zh" else en


def question_for(item: QuizItem, language: str) -> str:
    """The question with its lead in the reader's language; material in the other language after the lead is shown
    as written inside quotation marks, so the reader can tell the quote from the instruction."""
    for zh, en in LEADS.values():
        for lead_text in (zh, en):
            if item.question.startswith(lead_text):
                wanted = zh if language == "zh" else en
                rest = item.question[len(lead_text):]
                if material_language(item) != language:
                    rest = f"“{rest}”" if language == "zh" else f"\"{rest}\""
                return wanted + rest
    return item.question


def material_language(item: QuizItem) -> str:
    """The language of the sentence the item quotes (its evidence), whatever language the quiz was framed in."""
    return detect_language(item.evidence) if item.evidence.strip() else item.language


def material_note(language: str, material: str) -> str:
    """A one-line notice that the course material is in the other language and is quoted as written ('' if not)."""
    if material == language:
        return ""
    zh_name, en_name = _LANGUAGE_NAME.get(material, _LANGUAGE_NAME["en"])
    return (f"（这门课的资料是{zh_name}的，题目里的句子按原文引用。）" if language == "zh"
            else f"(The material for this is in {en_name}; the questions quote it as written.)")


def hint_for(item: QuizItem, language: str) -> str:
    """Where to look, without the key: the section and the document, named as written."""
    heading = item.heading if item.heading and item.heading != item.title else ""
    if language == "zh":
        return f"复习《{item.title}》中的“{heading}”一节。" if heading else f"复习《{item.title}》。"
    return f"review the section \"{heading}\" of \"{item.title}\"." if heading else f"review \"{item.title}\"."


def explanation_for(item: QuizItem, language: str, glosser=None) -> str:
    """Why the key is right, in the reader's language: the model's explanation when it is written in that language,
    else the source sentence, quoted as written and, when it is in the other language, marked and glossed.

    glosser(sentence, sentence_language) returns a short gloss or None (bot.answering.gloss bound to a lexicon)."""
    if item.origin == "llm" and item.explanation.strip() and detect_language(item.explanation) == language:
        return item.explanation
    sentence = item.evidence.strip()
    source = material_language(item)
    heading = item.heading if item.heading and item.heading != item.title else ""
    if source == language:
        if language == "zh":
            return f"依据《{item.title}》{heading}：“{sentence}”"
        return f"From \"{item.title}\"{f' ({heading})' if heading else ''}: \"{sentence}\""
    note = glosser(sentence, source) if glosser is not None else None
    zh_name, en_name = _LANGUAGE_NAME.get(source, _LANGUAGE_NAME["en"])
    if language == "zh":
        where = f"《{item.title}》" + (f"“{heading}”一节" if heading else "")
        return f"依据{where}的{zh_name}原文：“{sentence}”" + (note or "")
    where = f"\"{item.title}\"" + (f", section \"{heading}\"" if heading else "")
    return f"From {where}, quoted in the original {en_name}: \"{sentence}\"" + (f" {note}" if note else "")
