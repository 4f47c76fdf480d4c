"""The bounded fuzz pass (Hypothesis): Slack and WeCom callbacks and the JSON API against the live app on
127.0.0.1:0, and the front-matter / keyword / <meta> parsers. 0 server errors, memory bounded. The long run is
`python -m eval.hardening.run` (eval/results/hardening.json)."""

from __future__ import annotations

import pytest

from eval.hardening.probes import api_probe, fuzz_app, measured, parser_probe, slack_probe, wecom_probe

EXAMPLES, SECONDS = 60, 20.0


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """One running app for the module's probes."""
    with fuzz_app(tmp_path_factory.mktemp("fuzz")) as running:
        yield running


@pytest.mark.parametrize("name", ["slack", "wecom", "api"])
def test_fuzzing_the_running_app_finds_no_server_error(live, name):
    """Any shape of body, header and query: 4xx or 2xx, never a 5xx or a dropped connection."""
    client, token, _channels = live
    probe = {"slack": lambda r: slack_probe(client, EXAMPLES, SECONDS, r),
             "wecom": lambda r: wecom_probe(client, EXAMPLES, SECONDS, r),
             "api": lambda r: api_probe(client, token, EXAMPLES, SECONDS, r)}[name]
    result = measured(name, probe)
    assert result.tries >= 20 and result.failures == 0, result.examples
    assert result.peak_mib < 64 and result.retained_mib < 16, result.to_dict()


def test_fuzzing_the_metadata_parsers_finds_only_clear_errors():
    """front-matter, Keywords and <meta>: metadata or a LoadError, never another exception."""
    result = measured("parsers", lambda r: parser_probe(EXAMPLES * 2, SECONDS, r))
    assert result.tries >= 40 and result.failures == 0, result.examples
    assert result.peak_mib < 64, result.to_dict()


def test_fuzzing_every_json_route_with_hr_wired_finds_no_server_error(tmp_path):
    """Reports, KPI, progress and admin ingest run their real code as each role: no 5xx, all `no-store`, each route
    reached (issue 12 follow-up: without HR those routes only ever answered 503)."""
    from eval.hardening.api_routes import every_route_probe, reports_app

    with reports_app(tmp_path) as (client, tokens, routes):
        paths = {path for _method, path, _query, _body in routes}
        assert {"/api/progress", "/api/kpi", "/api/reports/completion", "/api/admin/ingest", "/api/chat",
                "/api/feedback", "/api/me"} <= paths
        result = measured("routes", lambda r: every_route_probe(client, tokens, routes, EXAMPLES, 30.0, r))
    baseline = len(routes) * len(tokens)  # each route once per role, well-formed, before the fuzzing
    assert result.tries >= baseline + 10 and result.failures == 0, result.examples
    assert result.peak_mib < 64, result.to_dict()
