"""Site-generator publishing keys are ignored; keys that restrict or hide a page, or misspell `audience`, are errors."""

import pytest

from knowledge.audience import audience_like, audience_of
from knowledge.document import LoadError
from knowledge.front_matter import split_front_matter
from knowledge.publishing_keys import (
    DEFAULT_IGNORED_KEYS,
    IGNORED_KEYS_SETTING,
    hides_page,
    ignored_keys,
    restricts_readers,
)

JEKYLL = """---
title: Transit Benefit
layout: page
permalink: /transit-benefit/
keywords: transit, benefit, subsidy, transportation, public
questions:
  - co-transit-subsidy@gsa.gov
  - text: Book office hours
    url: https://calendar.example.gov/selfsched?cid=abc
redirect_from:
  - /transit-benefit/
subtitle: "Travel guide: Step 4"
sidebar: travel
step_indicator: travel-guide
cSpell: ignore Sabbers,approvable
date: 2024-02-01
tags: [benefits, commuting]
categories: [hr]
description: How the transit subsidy works.
author: People Ops
weight: 3
draft: false
published: true
---
# Transit Benefit
Body text.
"""


def _front(lines: str) -> str:
    return f"---\ntitle: Pay bands\n{lines}\n---\n# Pay bands\nBand seven pays well.\n"


def test_default_keys_can_neither_restrict_nor_hide_nor_look_like_audience():
    """The built-in list is safe by construction: none of its keys would be refused if an operator listed it."""
    assert not [k for k in DEFAULT_IGNORED_KEYS if restricts_readers(k) or hides_page(k) or audience_like(k)]
    assert ignored_keys() == DEFAULT_IGNORED_KEYS


def test_jekyll_publishing_keys_are_ignored_and_only_mentor_keys_remain():
    """The 18F handbook's keys (any case) load; the metadata holds only what Mentor reads, so the page is public."""
    meta, body = split_front_matter(JEKYLL)
    assert meta == {"title": "Transit Benefit"}
    assert body.startswith("# Transit Benefit")
    assert audience_of(meta) == ("all",)


def test_publishing_keys_do_not_hide_a_real_audience():
    """Ignored keys next to `audience` leave the restriction intact."""
    meta, _ = split_front_matter(_front("layout: page\nkeywords: pay, bands\naudience: [hrd]"))
    assert audience_of(meta) == ("hrd",)


@pytest.mark.parametrize("line", [
    "draft: true", "draft: yes", "draft: 'false'", "published: false", "private: true", "visibility: staff",
    "access: internal", "permissions: [hrd]", "roles: [hrd]", "groups: [managers]", "hidden_from: employees",
    "staff_only: true", "restricted: true", "confidential: true", "internal: true", "unlisted: true",
    "members_only: true", "login_required: true", "publishDate: 2099-01-01", "Private: true", "hidden: true",
])
def test_a_key_that_restricts_or_unpublishes_is_an_error_pointing_to_audience(line):
    """Nothing that sounds like it limits readers is silently ignored; the error says to use `audience`."""
    with pytest.raises(LoadError, match="audience"):
        split_front_matter(_front(line))


@pytest.mark.parametrize("key", ["audince", "audiance", "Audiences", "target_audience", "dc.audience", "受众"])
def test_misspelt_audience_keys_stay_errors(key):
    """Look-alikes of `audience` are refused with 'did you mean', even though they are not restricting words."""
    with pytest.raises(LoadError, match="did you mean 'audience'"):
        split_front_matter(_front(f"{key}: [hrd]"))


@pytest.mark.parametrize("key", ["hide", "search_exclude", "nav_exclude", "sitemap", "noindex", "expiryDate"])
def test_a_key_that_hides_the_page_is_an_error_unless_the_operator_lists_it(key):
    """Hiding on the site is not a restriction in Mentor: refused by default, accepted once listed on purpose."""
    with pytest.raises(LoadError, match=IGNORED_KEYS_SETTING):
        split_front_matter(_front(f"{key}: true"))
    meta, _ = split_front_matter(_front(f"{key}: true"), ignored_keys([key]))
    assert meta == {"title": "Pay bands"}


def test_an_unknown_key_names_the_setting_and_the_setting_accepts_it():
    """A theme's own key fails with the way out; listed in the setting (any case, spaces), it is ignored."""
    with pytest.raises(LoadError) as caught:
        split_front_matter(_front("hero_image: /img/hero.png"))
    assert "hero_image" in str(caught.value) and IGNORED_KEYS_SETTING in str(caught.value)
    meta, _ = split_front_matter(_front("hero_image: /img/hero.png"), ignored_keys([" Hero_Image ", ""]))
    assert meta == {"title": "Pay bands"}


@pytest.mark.parametrize("key", ["roles", "access", "visibility", "private", "draft", "published", "hidden", "audince",
                                 "permissions", "groups", "staff_only", "audience", "title"])
def test_the_setting_refuses_keys_that_restrict_readers_or_that_mentor_reads(key):
    """An operator cannot make a restricting or audience-like key ignorable (the app refuses to start)."""
    with pytest.raises(ValueError, match=key):
        ignored_keys(["hero", key])


@pytest.mark.parametrize("line", [
    'description: "audience: hrd"', "keywords: pay, audience hrd", "tags: [private]", "categories: [Confidential]",
    "keywords: leave, internal-only", "tags: [草稿]", "status: draft", "questions:\n  - text: audiance hrd",
])
def test_an_ignored_key_whose_value_reads_as_a_restriction_is_an_error(line):
    """`tags: [private]` or an audience written into a description must not quietly publish the page."""
    with pytest.raises(LoadError):
        split_front_matter(_front(line))


def test_ordinary_values_of_ignored_keys_pass():
    """Real 18F-style keyword lists and descriptions are not mistaken for restrictions."""
    meta, _ = split_front_matter(_front(
        "keywords: hrlinks, hr links, vacation, funeral, jury duty, military, private sector\n"
        "description: Evidence you need for leave requests"))
    assert meta == {"title": "Pay bands"}


def test_settings_carry_extra_keys_and_refuse_restricting_ones(monkeypatch):
    """MENTOR_INGEST_IGNORED_KEYS adds keys; a restricting one makes settings fail, naming it."""
    from pydantic import ValidationError

    from adapters.settings import load_settings

    monkeypatch.setenv(IGNORED_KEYS_SETTING, "hero_image, banner")
    keys = load_settings().ingest.keys
    assert {"hero_image", "banner", "layout"} <= keys
    monkeypatch.setenv(IGNORED_KEYS_SETTING, "banner,roles")
    with pytest.raises(ValidationError, match="roles"):
        load_settings()


def test_the_cli_names_a_refused_setting_without_a_traceback(tmp_path):
    """`mentor` with a restricting key in MENTOR_INGEST_IGNORED_KEYS exits 1 with one line naming the key."""
    import os
    import subprocess
    import sys

    env = {**os.environ, IGNORED_KEYS_SETTING: "banner,private", "MENTOR_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = 'mentor'; "
                           "from adapters.cli.main import run; run()", "ingest", str(tmp_path / "kb")],
                          env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1
    assert "'private'" in done.stderr and "audience" in done.stderr and "Traceback" not in done.stderr
