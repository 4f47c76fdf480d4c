"""Catalog reads used by search: documents of many sources in one query, chunks without their BM25 tokens."""

from dataclasses import replace

from retrieval.catalog import Catalog, ChunkRow, DocumentRow


def _publish(catalog, source, audience=("all",)):
    document = DocumentRow(source, f"Title {source}", "hash", audience, None, "en", 1)
    chunk = ChunkRow(f"{source}#0", source, 0, "text", "heading", None, "en", ("annual", "leave"))
    catalog.publish(document, [chunk])
    return document, chunk


def test_documents_of_returns_published_ones_only(tmp_path):
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    a, _ = _publish(catalog, "a.md")
    b, _ = _publish(catalog, "b.md", ("manager",))
    assert catalog.documents_of(["a.md", "b.md", "gone.md"]) == {"a.md": a, "b.md": b}
    assert catalog.documents_of([]) == {}
    catalog.close()


def test_chunks_without_tokens_keep_everything_else(tmp_path):
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    _, chunk = _publish(catalog, "a.md")
    full = catalog.chunks([chunk.chunk_id, "missing#0"])
    light = catalog.chunks([chunk.chunk_id], tokens=False)
    assert full == {chunk.chunk_id: chunk}
    assert light == {chunk.chunk_id: replace(chunk, tokens=())}
    catalog.close()
