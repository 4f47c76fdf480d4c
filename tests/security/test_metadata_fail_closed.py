"""Finding 1: a restriction that does not parse never makes a document public, in every loader (md, txt, html, pdf,
docx); a folder can declare a default audience; the previous version of a rejected document stays searchable."""

from __future__ import annotations

import pytest

from knowledge.document import LoadError
from knowledge.ingest import Ingestor
from knowledge.loaders import load_file
from retrieval.types import Audience
from tests.security.conftest import KNOWN_TAGS, make_docx, make_pdf, write

SECRET = "Band seven pays forty thousand zebra coins a month."
QUESTION = "how much does band seven pay in zebra coins"
EMPLOYEE = Audience.of("employee", "sales", "corp", "e0009")
HR = Audience.of("hr", "hrd", "corp", "e0001")


def _md(front: str) -> str:
    """A Markdown file with the given front-matter lines and the secret body."""
    return f"---\ntitle: Pay bands\n{front}\n---\n# Pay bands\n{SECRET}\n"


# The eight reproduced leaks of finding 1, one per row: (file name, writer).
LEAKS = {
    "misspelt-key.md": lambda p: write(p, _md("audince: [hrd]")),
    "roles-key.md": lambda p: write(p, _md("roles: [hrd]")),
    "blank-line-first.md": lambda p: write(p, "\n" + _md("audience: [hrd]")),
    "misspelt-meta.html": lambda p: write(p, '<html><head><meta name="audiance" content="hrd"><title>Pay</title>'
                                              f'</head><body><h1>Pay bands</h1><p>{SECRET}</p></body></html>'),
    "colon-keywords.docx": lambda p: make_docx(p, SECRET, keywords="audience: hrd"),
    "comma-keywords.docx": lambda p: make_docx(p, SECRET, keywords="lang=zh, audience=hrd"),
    "colon-keywords.pdf": lambda p: make_pdf(p, SECRET, keywords="audience: hrd"),
    "comma-keywords.pdf": lambda p: make_pdf(p, SECRET, keywords="lang=zh, audience=hrd"),
}


@pytest.mark.parametrize("name", sorted(LEAKS))
def test_a_malformed_restriction_never_reaches_an_ordinary_employee(index, tmp_path, name):
    """Each reproduced leak is now an ingest error naming the file, or a correctly restricted document."""
    path = LEAKS[name](tmp_path / "kb" / name)
    report = Ingestor(index, known_audience=KNOWN_TAGS).ingest([tmp_path / "kb"])
    if report.failed:
        assert report.failed[0].path == str(path) and report.failed[0].reason
    else:
        assert index.catalog.document(name).audience == ("hrd",)
        assert index.search(QUESTION, HR, 3)[0].source == name
    assert all(p.source != name for p in index.search(QUESTION, EMPLOYEE, 5))
    assert all(p.source != name for p in index.search(QUESTION, Audience.everyone(), 5))


def test_an_unknown_tag_is_an_error_with_a_suggestion(index, tmp_path):
    """`audience: [mangaer]` is refused, naming the tag and the likely one."""
    write(tmp_path / "kb" / "typo.md", _md("audience: [mangaer]"))
    report = Ingestor(index, known_audience=KNOWN_TAGS).ingest([tmp_path / "kb"])
    assert "mangaer" in report.failed[0].reason and "manager" in report.failed[0].reason


# The same class, per loader: anything audience-like that does not parse is a LoadError.
CLASS_CASES = {
    "md: unknown key": ("a.md", lambda p: write(p, _md("visibility: hrd"))),
    "md: duplicate key": ("b.md", lambda p: write(p, _md("audience: [hrd]\nAudience: [all]"))),
    "md: all mixed with a tag": ("c.md", lambda p: write(p, _md("audience: [all, hrd]"))),
    "md: nested list": ("d.md", lambda p: write(p, _md("audience: [[hrd]]"))),
    "md: mapping": ("e.md", lambda p: write(p, _md("audience: {hrd: true}"))),
    "md: empty": ("f.md", lambda p: write(p, _md("audience:"))),
    "md: unclosed block": ("g.md", lambda p: write(p, "---\naudience: [hrd]\n# Pay\n" + SECRET)),
    "md: no dashes": ("h.md", lambda p: write(p, "audience: hrd\n\n# Pay\n" + SECRET)),
    "md: toml": ("i.md", lambda p: write(p, '+++\naudience = ["hrd"]\n+++\n# Pay\n' + SECRET)),
    "txt: misspelt key": ("j.txt", lambda p: write(p, "---\naudiance: hrd\n---\n" + SECRET)),
    "txt: spaces before dashes": ("k.txt", lambda p: write(p, "  \n---\naudience: hrd\n---\n" + SECRET)),
    "html: dublin core": ("l.html", lambda p: write(p, '<meta name="DC.audience" content="hrd"><p>' + SECRET)),
    "html: meta twice": ("m.html", lambda p: write(p, '<meta name="audience" content="hrd">'
                                                      '<meta name="audience" content="all"><p>' + SECRET)),
    "html: keywords": ("n.html", lambda p: write(p, '<meta name="keywords" content="audience: hrd"><p>' + SECRET)),
    "html: in noscript": ("o.html", lambda p: write(p, '<noscript><meta name="audince" content="hrd"></noscript>'
                                                       '<p>' + SECRET)),
    "docx: unknown key": ("p.docx", lambda p: make_docx(p, SECRET, keywords="roles=hrd")),
    "docx: free text": ("q.docx", lambda p: make_docx(p, SECRET, keywords="audience hrd only")),
    "docx: subject": ("r.docx", lambda p: make_docx(p, SECRET, subject="audience: hrd")),
    "docx: custom property": ("s.docx", lambda p: make_docx(p, SECRET, custom={"Audience": "hrd"})),
    "pdf: unknown key": ("t.pdf", lambda p: make_pdf(p, SECRET, keywords="visible_to=hrd")),
    "pdf: subject": ("u.pdf", lambda p: make_pdf(p, SECRET, subject="roles: hrd")),
    "pdf: custom info entry": ("v.pdf", lambda p: make_pdf(p, SECRET, extra_info={"/Audience": "hrd"})),
}


@pytest.mark.parametrize("case", sorted(CLASS_CASES))
def test_every_loader_fails_closed(tmp_path, case):
    """md, txt, html, docx and pdf all refuse audience-like metadata they cannot read."""
    name, build = CLASS_CASES[case]
    path = build(tmp_path / name)
    with pytest.raises(LoadError):
        from knowledge.audience import audience_of

        audience_of(load_file(path).meta, known=KNOWN_TAGS)


def test_well_formed_metadata_still_loads_in_every_format(tmp_path):
    """The strictness does not refuse what the samples and users write."""
    from knowledge.audience import audience_of

    cases = [write(tmp_path / "a.md", _md("audience: [hrd, manager]\ncourse: SEC-101\nlang: en")),
             write(tmp_path / "b.txt", "---\naudience: hrd, manager\n---\n" + SECRET),
             write(tmp_path / "c.html", '<meta charset="utf-8"><meta name="description" content="pay">'
                                        '<meta name="viewport" content="width=device-width">'
                                        '<meta name="audience" content="hrd,manager"><p>' + SECRET),
             make_docx(tmp_path / "d.docx", SECRET, keywords="course=SEC-101; audience=hrd,manager; lang=en",
                       subject="Course handout: security basics"),
             make_pdf(tmp_path / "e.pdf", SECRET, keywords="audience=hrd, manager; lang=en", subject="Pay")]
    for path in cases:
        assert audience_of(load_file(path).meta, known=KNOWN_TAGS) == ("hrd", "manager"), path


def test_folder_default_audience_applies_unless_a_file_says_otherwise(index, tmp_path):
    """`hr-internal/.audience.yaml` restricts files without their own audience; a file may still widen itself."""
    write(tmp_path / "kb" / "hr-internal" / ".audience.yaml", "audience: [hrd]\n")
    write(tmp_path / "kb" / "hr-internal" / "bands.md", f"---\ntitle: Pay bands\n---\n# Pay bands\n{SECRET}\n")
    write(tmp_path / "kb" / "hr-internal" / "holidays.md", "---\ntitle: Holidays\naudience: [all]\n---\n# Holidays"
                                                            "\nThe office closes for the zebra festival.\n")
    report = Ingestor(index, known_audience=KNOWN_TAGS).ingest([tmp_path / "kb"])
    assert report.ok, report.failed
    assert index.catalog.document("hr-internal/bands.md").audience == ("hrd",)
    assert index.catalog.document("hr-internal/holidays.md").audience == ("all",)
    assert all(p.source != "hr-internal/bands.md" for p in index.search(QUESTION, EMPLOYEE, 5))
    # the file ingested alone gets the same audience (the walk does not depend on the root given)
    assert Ingestor(index).ingest([tmp_path / "kb" / "hr-internal" / "bands.md"]).ok
    assert index.catalog.document("bands.md").audience == ("hrd",)


def test_editing_the_folder_default_re_ingests_unchanged_files(index, tmp_path):
    """Tightening `.audience.yaml` takes effect on files whose bytes did not change."""
    write(tmp_path / "kb" / "internal" / "bands.md", f"---\ntitle: Pay bands\n---\n# Pay bands\n{SECRET}\n")
    Ingestor(index).ingest([tmp_path / "kb"])
    assert index.catalog.document("internal/bands.md").audience == ("all",)
    write(tmp_path / "kb" / "internal" / ".audience.yaml", "audience: [hrd]\n")
    report = Ingestor(index).ingest([tmp_path / "kb"])
    assert report.updated == ["internal/bands.md"]
    assert index.catalog.document("internal/bands.md").audience == ("hrd",)


def test_a_broken_folder_default_blocks_its_files_and_names_itself(index, tmp_path):
    """A folder file that does not parse fails its documents (never public), naming the folder file."""
    write(tmp_path / "kb" / "internal" / ".audience.yaml", "audince: [hrd]\n")
    write(tmp_path / "kb" / "internal" / "bands.md", f"---\ntitle: Pay bands\n---\n# Pay bands\n{SECRET}\n")
    write(tmp_path / "kb" / "public.md", "---\ntitle: Travel\n---\n# Travel\nTrains are booked by the desk.\n")
    report = Ingestor(index).ingest([tmp_path / "kb"])
    assert report.added == ["public.md"]
    assert ".audience.yaml" in report.failed[0].reason and report.failed[0].path.endswith("bands.md")


def test_a_rejected_edit_keeps_the_previous_version_and_the_rest_is_reported(index, tmp_path):
    """The restricted version stays searchable (still restricted) when an edit breaks its metadata."""
    bands = write(tmp_path / "kb" / "bands.md", _md("audience: [hrd]"))
    write(tmp_path / "kb" / "travel.md", "---\ntitle: Travel\n---\n# Travel\nTrains are booked by the desk.\n")
    assert Ingestor(index, known_audience=KNOWN_TAGS).ingest([tmp_path / "kb"]).ok
    write(bands, _md("audince: [hrd]").replace("forty", "fifty"))
    write(tmp_path / "kb" / "new.md", "---\ntitle: Parking\n---\n# Parking\nThe zebra garage opens at six.\n")
    report = Ingestor(index, known_audience=KNOWN_TAGS).ingest([tmp_path / "kb"])
    assert report.added == ["new.md"] and report.unchanged == ["travel.md"]
    assert [f.path for f in report.failed] == [str(bands)] and "audience" in report.failed[0].reason
    assert "forty" in index.search(QUESTION, HR, 1)[0].text
    assert all(p.source != "bands.md" for p in index.search(QUESTION, EMPLOYEE, 5))


def test_the_sample_hr_internal_folder_uses_a_folder_default():
    """The sample KB shows the feature: hr-internal/ is restricted by its folder file."""
    from pathlib import Path

    from knowledge.audience import audience_of
    from knowledge.folder_audience import folder_audience

    doc = Path("knowledge/samples/kb/hr-internal/training-budget-rules.md")
    assert "audience" not in load_file(doc).meta
    assert audience_of(load_file(doc).meta, folder_audience(doc)) == ("hrd", "training_specialist")
