"""People named in free text: every carrier of a name is found, and the HR service (not the bot) marks whom the caller
may see; a departed employee's name is not found."""

from __future__ import annotations

from hr.db import session_scope
from hr.models import Employee


def _rename(engine, names: dict[str, str], inactive: tuple[str, ...] = ()) -> None:
    with session_scope(engine, write=True) as db:
        for pid, name in names.items():
            person = db.get(Employee, pid)
            person.name = name
            person.active = pid not in inactive
            db.add(person)


def test_shared_name_lists_both_people_with_the_callers_visibility(hr, engine):
    _rename(engine, {"e1": "王军", "s1": "王军", "e2": "王军伟"})
    text = "王军的学习进度怎么样"
    by_hr = hr.people_named(hr.caller_for("hr1"), text)
    assert [p.name for p in by_hr] == ["王军"]
    assert [(c.id, c.visible) for c in by_hr[0].candidates] == [("e1", True), ("s1", True)]
    by_manager = hr.people_named(hr.caller_for("m2"), text)[0]
    assert [(c.id, c.visible) for c in by_manager.candidates] == [("e1", True), ("s1", False)]
    by_peer = hr.people_named(hr.caller_for("e2"), text)[0]
    assert not any(c.visible for c in by_peer.candidates)
    assert [p.name for p in hr.people_named(hr.caller_for("hr1"), "王军伟呢")] == ["王军伟"], "longest name first"


def test_names_in_finds_latin_names_and_skips_people_who_left(hr, engine):
    _rename(engine, {"e1": "Anna Lee", "s1": "Bo Chen"}, inactive=("s1",))
    assert hr.names_in("How is anna lee doing? and Bo Chen?") == ["Anna Lee"]
    assert hr.names_in("Joanna Leeds") == []
