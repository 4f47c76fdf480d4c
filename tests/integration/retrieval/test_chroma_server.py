"""MENTOR_CHROMA_URL: the same index code against a real Chroma server process (`chroma run`)."""

import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from knowledge.ingest import Ingestor
from retrieval.index import KnowledgeIndex
from retrieval.types import Audience
from tests.integration.retrieval.conftest import write

CHROMA = Path(__file__).resolve().parents[3] / ".venv" / "bin" / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    binary = str(CHROMA) if CHROMA.exists() else shutil.which("chroma")
    if not binary:
        pytest.skip("the chroma CLI (from chromadb) is not installed")
    port = _free_port()
    process = subprocess.Popen([binary, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("chroma server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_index_against_chroma_server(tmp_path, embedder, chroma_server):
    write(tmp_path / "kb" / "a.md", "---\ntitle: Travel\n---\n# Travel\nHotel nights are capped at 600 yuan.\n")
    write(tmp_path / "kb" / "b.md", "---\ntitle: Secret\naudience: [hr]\n---\n# Secret\nSalary bands are private.\n")
    index = KnowledgeIndex(tmp_path / "index", embedder, chroma_url=chroma_server)
    try:
        assert Ingestor(index).ingest([tmp_path / "kb"]).ok
        assert index.search("hotel cap", Audience.of("employee"), 3, "dense")[0].source == "a.md"
        assert all(p.source != "b.md" for p in index.search("salary bands", Audience.of("employee"), 3, "dense"))
        assert index.stats()["vectors"] == 2
    finally:
        index.close()
