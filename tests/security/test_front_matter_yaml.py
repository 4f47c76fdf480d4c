"""Finding 4: front-matter YAML cannot explode (aliases/anchors refused, size and depth bounded), in bounded memory."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from knowledge.document import LoadError
from knowledge.front_matter import split_front_matter
from knowledge.loaders import load_file
from tests.security.conftest import write

# The 504-byte kind of file from the report: nine levels of aliases, each nine times the one before.
ALIAS_BOMB = "---\n" + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
    f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8)) + "---\n# Bomb\ntext\n"


def test_an_alias_bomb_is_refused_quickly_in_little_memory(tmp_path):
    """The file is an ingest error, found in milliseconds and well under a megabyte."""
    path = write(tmp_path / "bomb.md", ALIAS_BOMB)
    assert path.stat().st_size < 700
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(LoadError, match="alias|anchor"):
            load_file(path)
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0 and peak < 1_000_000


@pytest.mark.parametrize("block", [
    "a: &x 1\nb: 2",  # an anchor alone
    "a: 1\nb: *x",  # an alias to nothing
    "base: &b {audience: [all]}\n<<: *b",  # a merge key needs an alias
    "a: " + "[" * 50 + "]" * 50,  # nesting
    "title: " + "x" * 9000,  # size
    "title: !!python/object:os.system {}",  # unsafe tags
])
def test_hostile_yaml_is_a_clear_error(block):
    """Each YAML trick is a one-line LoadError, never an exception of another kind."""
    with pytest.raises(LoadError) as error:
        split_front_matter(f"---\n{block}\n---\nbody\n")
    assert "\n" not in str(error.value)


def test_ordinary_front_matter_still_parses():
    """Plain mappings, lists, dates and Chinese text are fine."""
    meta, body = split_front_matter("---\ntitle: 制度 2026-01-01\ncourse: SEC-101\naudience: [hrd, manager]\n"
                                    "lang: zh\n---\n正文\n")
    assert meta["audience"] == ["hrd", "manager"] and body == "正文\n"
