#!/usr/bin/env bash
# The one test command (`make test`, `.ci/run`): lint, import layers, then the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
# One thread per native pool unless set (see retrieval/embedders/threads.py); tests/conftest.py applies it.
export MENTOR_EMBED_THREADS=${MENTOR_EMBED_THREADS:-1}
echo "== ruff"
.venv/bin/ruff check .
echo "== import layers"
.venv/bin/lint-imports
echo "== browser for the web chat tests"
bash scripts/ensure_chromium.sh
echo "== CJK font for Chinese chart labels"
bash scripts/ensure_cjk_font.sh
echo "== pytest"
.venv/bin/python -m pytest "$@"
