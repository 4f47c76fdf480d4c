"""`mentor eval conversations --base-url`: the same scripts through the real ChatService in LLM mode, against the
scripted local OpenAI-compatible server (the run against a real model is an eval, recorded in eval/results)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from .fake_openai import FakeOpenAI, tool_call

pytestmark = pytest.mark.slow

SCRIPT = {"id": "c-zh-900", "lang": "zh", "as": "E0012", "channel": "wecom", "covers": ["survey"], "turns": [
    {"say": "我想给信息安全基础这门课打个分", "expect": {"act": "survey_prompt", "subject": {"course": "SEC-101"},
                                                  "contains_any": ["1-5"]}},
    {"say": "4分吧，讲得挺清楚", "expect": {"act": "survey_recorded", "subject": {"course": "SEC-101"}}}]}


def _run(args: list[str]):
    """`mentor eval conversations ...` in this process."""
    from adapters.cli.main import build_app

    return CliRunner().invoke(build_app(), ["eval", "conversations", *args])


def test_llm_mode_plays_the_scripts_through_the_model_and_records_each_turn(tmp_path):
    """Routed mode: the model is forced to call rate_course; the reply to the survey needs no model; both turns right."""
    scripts = tmp_path / "one.jsonl"
    scripts.write_text(json.dumps(SCRIPT, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "result.json"
    with FakeOpenAI([tool_call("rate_course", {"course": "SEC-101"})]) as fake:
        done = _run(["--scripts", str(scripts), "--base-url", fake.base_url, "--model", "fake-model",
                     "--tool-mode", "routed", "--out", str(out)])
    assert done.exit_code == 0, done.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["mode"] == "llm" and report["tool_mode"] == "routed" and report["model"] == "fake-model"
    assert report["conversations"] == {"n": 1, "right": 1, "share": 1.0}
    first, second = report["llm_turns"]
    assert first["mode"] == "llm" and first["tools"][0]["name"] == "rate_course" and first["notice"] is None
    assert second["act"] == "survey_recorded"
    assert fake.requests[-1]["tool_choice"] == {"type": "function", "function": {"name": "rate_course"}}


def test_llm_mode_refuses_a_dead_endpoint_before_building_anything(tmp_path):
    """Nothing listening: a clear error naming the URL, at once."""
    done = _run(["--base-url", "http://127.0.0.1:9/v1", "--ids", "c-zh-001"])
    assert done.exit_code != 0 and "no OpenAI-compatible server answers" in done.output
