"""Every Slack signing vector through the verifier the app uses (clock fixed at the vector's 'now')."""

from __future__ import annotations

import pytest

from adapters.slack.verify import FixedClock, SystemClock, make_verifier
from tests.unit.adapters.vectors import requires_vectors, vectors

SLACK = vectors("slack_vectors.json")


@requires_vectors
def test_the_vector_file_has_the_published_example():
    """The vector file has the published example."""
    assert any(v["id"] == "slack-doc-example" and v["expected_valid"] for v in SLACK)


@requires_vectors
@pytest.mark.parametrize("vector", SLACK, ids=lambda v: v["id"])
def test_slack_vector(vector):
    """Slack vector."""
    clock = FixedClock(vector["now"]) if isinstance(vector["now"], int) else SystemClock()
    verifier = make_verifier(vector["signing_secret"], clock)
    headers = vector["headers"] or {}
    valid = verifier.is_valid(vector["body"], headers.get("X-Slack-Request-Timestamp"),
                              headers.get("X-Slack-Signature"))
    assert valid is vector["expected_valid"]
    if vector.get("expected_signature"):
        assert verifier.generate_signature(timestamp=vector["timestamp"], body=vector["body"]) == \
            vector["expected_signature"]
