"""Moodle XML export, so an LMS can import the same checked items (multichoice, truefalse, shortanswer)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from bot.quiz.model import BLANK, Quiz, QuizItem


def _text_node(parent: ET.Element, tag: str, text: str, fmt: str | None = None) -> ET.Element:
    """<tag [format=...]><text>...</text></tag>, the shape Moodle uses for every text field."""
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = text
    return node


def _question(quiz_el: ET.Element, item: QuizItem, number: int) -> None:
    """One <question> element for an item."""
    qtype = {"mcq": "multichoice", "true_false": "truefalse", "cloze": "shortanswer"}[item.kind]
    q = ET.SubElement(quiz_el, "question", {"type": qtype})
    _text_node(q, "name", f"Q{number} {item.heading or item.title}"[:250])
    _text_node(q, "questiontext", item.question.replace(BLANK, "_____"), "plain_text")
    _text_node(q, "generalfeedback", item.explanation, "plain_text")
    ET.SubElement(q, "defaultgrade").text = "1"
    ET.SubElement(q, "tags")
    tag = ET.SubElement(q.find("tags"), "tag")
    ET.SubElement(tag, "text").text = f"difficulty-{item.difficulty}"
    if item.kind == "mcq":
        ET.SubElement(q, "single").text = "true"
        ET.SubElement(q, "shuffleanswers").text = "true"
        ET.SubElement(q, "answernumbering").text = "ABCD"
        for option in item.options:
            _answer(q, option, 100 if option == item.correct_text else 0)
    elif item.kind == "true_false":
        _answer(q, "true", 100 if item.answer == "true" else 0)
        _answer(q, "false", 100 if item.answer == "false" else 0)
    else:
        ET.SubElement(q, "usecase").text = "0"
        _answer(q, item.answer, 100)


def _answer(question: ET.Element, text: str, fraction: int) -> None:
    """An <answer fraction=...> choice."""
    answer = ET.SubElement(question, "answer", {"fraction": str(fraction), "format": "plain_text"})
    ET.SubElement(answer, "text").text = text


def to_moodle_xml(quiz: Quiz) -> str:
    """The whole quiz as a Moodle XML document (UTF-8 text)."""
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    _text_node(category, "category", f"$course$/Mentor/{quiz.course or quiz.topic}")
    for number, item in enumerate(quiz.items, 1):
        _question(root, item, number)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
