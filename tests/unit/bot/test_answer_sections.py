"""Other sections of a document found in the other language are candidates for the answer too."""

from bot.answering.sections import with_sections
from retrieval.types import Passage


def _passage(chunk_id, text, source, language, dense=None, heading=""):
    return Passage(chunk_id, text, 0.5, source, source.upper(), heading, language=language, dense_score=dense)


FOUND = [_passage("faq-1", "离职须提前30天提出。", "faq.txt", "zh", 0.88),
         _passage("rw-1", "Remote work is open to employees after probation.", "remote.md", "en", 0.80),
         _passage("ex-1", "Claims are paid within 10 working days.", "expense.md", "en", 0.79)]
REMOTE = [_passage("rw-1", "Remote work is open to employees after probation.", "remote.md", "en"),
          _passage("rw-2", "A manager may end a remote arrangement with two weeks' notice.", "remote.md", "en"),
          _passage("rw-3", "Core hours are 10:00 to 16:00.", "remote.md", "en")]


FAQ = [_passage("faq-1", "离职须提前30天提出。", "faq.txt", "zh"), _passage("faq-2", "试用期内须提前3天提出。", "faq.txt", "zh")]


def _sections(source):
    return {"remote.md": REMOTE, "faq.txt": FAQ}.get(source, [])


def _cosines(texts):
    return [0.79 if "arrangement" in t else 0.70 for t in texts]


def test_the_other_sections_of_the_first_other_language_document_follow_the_passages():
    out = with_sections(FOUND, "zh", _sections, _cosines, documents=1, per_document=1)
    assert [p.chunk_id for p in out] == ["faq-1", "rw-1", "ex-1", "rw-2"]
    assert out[-1].dense_score == 0.79  # scored by the question's cosine, not left without one


def test_closest_sections_first_and_none_twice():
    out = with_sections(FOUND, "zh", _sections, _cosines, documents=1, per_document=5)
    assert [p.chunk_id for p in out[3:]] == ["rw-2", "rw-3"]


def test_documents_in_the_question_language_are_not_expanded():
    out = with_sections(FOUND, "en", _sections, _cosines, documents=2, per_document=5)
    assert [p.chunk_id for p in out] == ["faq-1", "rw-1", "ex-1", "faq-2"]


def test_off_by_default():
    assert with_sections(FOUND, "zh", _sections, _cosines, documents=0, per_document=5) == FOUND


def test_a_section_never_scores_above_its_documents_best_found_passage():
    """The language levelling is measured on what the search found; a closer unfound section must not move it."""
    out = with_sections(FOUND, "zh", _sections, lambda texts: [0.95 for _ in texts], documents=1, per_document=5)
    assert [p.dense_score for p in out[3:]] == [0.80, 0.80]
