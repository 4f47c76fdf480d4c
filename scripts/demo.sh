#!/usr/bin/env bash
# `make demo`: load the sample organisation and knowledge base into MENTOR_HOME, then start chatting.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
mentor=.venv/bin/mentor
demo_user=${MENTOR_DEMO_EMPLOYEE:-E0002}
echo "== database schema"
$mentor db upgrade
echo "== sample organisation (hr/samples/org)"
$mentor org import hr/samples/org
echo "== sample knowledge base (knowledge/samples/kb)"
$mentor ingest knowledge/samples/kb
if [ -t 0 ]; then
  echo
  echo "Chatting as $demo_user (set MENTOR_DEMO_EMPLOYEE to change). Try: 年假有几天？ / my progress / quiz me on SEC-101"
  echo "The web chat and the channels: .venv/bin/mentor serve  (see README)"
  exec $mentor chat --as "$demo_user"
else
  echo "年假有几天？" | $mentor chat --as "$demo_user"
fi
