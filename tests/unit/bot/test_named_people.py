"""People named by full name: found longest-first, placed as the subject of a person-taking tool, never guessed;
and a name or course title does not decide the reply's language."""

from __future__ import annotations

from datetime import date

import pytest

from bot.chat_service import message_language
from bot.dialogue.people import apply_named_person, which_one
from bot.dialogue.resolve import Resolved
from bot.dialogue.state import DialogueState
from bot.routing.router import IntentRouter
from hr.caller import Caller
from hr.services.names import Candidate, NamedPerson, name_spans
from tests.unit.bot.test_routing import CATALOG

TODAY = date(2026, 8, 17)
HR = Caller("E0168", "hr", "hrd")


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


def person(name: str, *candidates: tuple[str, str, bool]) -> NamedPerson:
    return NamedPerson(name, tuple(Candidate(i, name, d, v) for i, d, v in candidates))


def test_longest_name_wins_and_shorter_names_inside_it_are_not_found():
    assert name_spans(["张艳", "张艳霞", "林涛"], "给张艳霞报名数据分析基础") == ["张艳霞"]
    assert name_spans(["张艳", "张艳霞"], "张艳和张艳霞") == ["张艳霞", "张艳"]


def test_latin_names_match_whole_words_only_and_short_ones_are_ignored():
    assert name_spans(["Anna Lee", "Tom"], "how is anna lee doing, Tom?") == ["Anna Lee"]
    assert name_spans(["Anna Lee"], "Joanna Leest") == []


def test_a_named_person_becomes_the_subject_of_a_person_tool(router):
    resolved = Resolved("enroll", {"course": "DATA-101"})
    asked = apply_named_person(resolved, [person("林杰婷", ("E0024", "rnd", True))], HR, "给林杰婷报名DATA-101",
                               router, TODAY)
    assert asked == () and resolved.slots == {"course": "DATA-101", "employee": "E0024"}


def test_a_group_view_naming_one_person_becomes_that_persons_progress(router):
    resolved = Resolved("completion_report", {"by": "department"})
    apply_named_person(resolved, [person("胡静", ("E0058", "sales", True))], HR, "胡静的培训完成情况怎么样", router,
                       TODAY)
    assert resolved.intent == "my_progress" and resolved.slots.get("employee") == "E0058"
    assert "by" not in resolved.slots


def test_a_shared_name_asks_which_of_the_people_the_asker_may_see(router):
    resolved = Resolved("my_progress", {})
    shared = person("黄洋", ("E0078", "sales", True), ("E0119", "cs", True))
    asked = apply_named_person(resolved, [shared], HR, "黄洋的学习进度", router, TODAY)
    assert [c.id for c in asked] == ["E0078", "E0119"] and "employee" not in resolved.slots
    zh, en = which_one(asked, router.catalog.department_names)
    assert "E0078" in zh and "E0119" in zh and "E0119" in en and "Which one" in en


def test_a_shared_name_with_one_visible_person_is_that_person(router):
    resolved = Resolved("my_progress", {})
    asked = apply_named_person(resolved, [person("张艳", ("E0066", "sales", True), ("E0159", "fin", False))],
                               Caller("E0054", "manager", "sales"), "张艳的进度", router, TODAY)
    assert asked == () and resolved.slots["employee"] == "E0066"


def test_nobody_visible_goes_to_the_hr_service_which_refuses(router):
    resolved = Resolved("my_progress", {})
    asked = apply_named_person(resolved, [person("赵博", ("E0127", "cs", False), ("E0132", "ops", False))],
                               Caller("E0056", "employee", "sales"), "赵博的进度", router, TODAY)
    assert asked == () and resolved.slots["employee"] in ("E0127", "E0132")


def test_an_employee_id_written_out_wins_over_a_name(router):
    resolved = Resolved("my_progress", {"employee": "E0060"})
    apply_named_person(resolved, [person("胡静", ("E0058", "sales", True))], HR, "胡静 E0060 的进度", router, TODAY)
    assert resolved.slots["employee"] == "E0060"


@pytest.mark.parametrize("text", ["年假有几天？胡静问的", "胡静如何申请培训报销？", "what training does 胡静 need to apply for leave?"])
def test_a_knowledge_question_mentioning_a_name_stays_a_question(router, text):
    resolved = Resolved("search_knowledge", {})
    apply_named_person(resolved, [person("胡静", ("E0058", "sales", True))], HR, text, router, TODAY)
    assert resolved.intent == "search_knowledge"


@pytest.mark.parametrize("text,names,expected", [
    ("Please enroll 林杰婷 in DATA-101", ["林杰婷"], "en"),
    ("How is 胡静 doing on training?", ["胡静"], "en"),
    ("can you nudge 林涛 about his SEC-201 workshop?", ["林涛"], "en"),
    ("Is 数据分析基础 still open for me?", ["数据分析基础"], "en"),
    ("给林杰婷报名 Data Analysis Basics", ["林杰婷", "Data Analysis Basics"], "zh"),
    ("胡静的学习进度", ["胡静"], "zh"),
])
def test_names_and_titles_do_not_decide_the_language(text, names, expected):
    assert message_language(text, DialogueState(), names) == expected


def test_a_message_that_is_only_a_name_keeps_the_threads_language():
    assert message_language("胡静", DialogueState(language="en"), ["胡静"]) == "en"
    assert message_language("胡静", DialogueState(), ["胡静"]) == "zh"


def test_candidate_strings_hold_every_whole_name_the_text_can_contain():
    from hr.services.names import candidate_strings

    found = candidate_strings("给张艳霞报名，How is Anna Lee doing? 迪丽·热巴呢")
    assert {"张艳霞", "张艳", "anna lee", "anna", "迪丽·热巴"} <= found
    assert "报名，how" not in found and "annalee" not in found
    long_message = "请" * 4000
    assert len(candidate_strings(long_message)) == 5, "repeated text gives few distinct candidates"
