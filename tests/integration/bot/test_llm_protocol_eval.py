"""The llm-protocol eval itself, run against the scripted local server (the real-server run is an eval, not a test)."""

from __future__ import annotations

import json

from eval.llm_protocol import run_checks

from .fake_openai import FakeOpenAI, text, tool_call


def test_protocol_checks_pass_against_a_compliant_server():
    draft = {"items": [{"kind": "true_false", "question": "Passwords need 12 characters.", "options": [],
                        "answer": "true", "explanation": "rule", "difficulty": 1, "chunk_id": "c1",
                        "evidence": "passwords need 12 characters"}]}
    script = [text("Hello!"), tool_call("search_knowledge", {"question": "annual leave"}), text(json.dumps(draft)),
              tool_call("search_knowledge", {"question": "annual leave"}), text("5 days [1]")]
    with FakeOpenAI(script) as server:
        result = run_checks(server.base_url, "fake-model", timeout_s=5)
    assert result["protocol_ok"], result
    assert [c["ok"] for c in result["checks"]] == [True, True, True, True]
    assert result["checks"][2]["detail"] == "parsed"


def test_protocol_checks_report_a_broken_server():
    with FakeOpenAI([("status", 500)] * 6) as server:
        result = run_checks(server.base_url, "fake-model", timeout_s=5)
    assert not result["protocol_ok"]
    assert "500" in result["checks"][0]["detail"]
