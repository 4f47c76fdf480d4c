#!/usr/bin/env bash
# `make demo`: load the sample organisation and knowledge base into MENTOR_HOME, start the web chat, chat in the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
mentor=.venv/bin/mentor
demo_user=${MENTOR_DEMO_EMPLOYEE:-E0002}
port=${MENTOR_DEMO_PORT:-8000}
bash scripts/ensure_cjk_font.sh
echo "== database schema"
$mentor db upgrade
echo "== sample organisation (hr/samples/org)"
$mentor org import hr/samples/org
echo "== sample knowledge base (knowledge/samples/kb)"
$mentor ingest knowledge/samples/kb
token=$($mentor tokens create --employee "$demo_user" --label demo)
$mentor serve --host 127.0.0.1 --port "$port" > "${MENTOR_HOME:-.mentor}/demo-serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
echo
echo "Web chat as $demo_user:  http://127.0.0.1:$port/#token=$token"
echo "API docs:               http://127.0.0.1:$port/docs"
if [ -t 0 ]; then
  echo "Terminal chat as $demo_user (MENTOR_DEMO_EMPLOYEE changes who; Ctrl-D quits and stops the web server)."
  echo "Try: 年假有几天？ | my progress | 我的KPI怎么算的？ | quiz me on SEC-101 | 给我推荐课程"
  $mentor chat --as "$demo_user"
else
  printf '年假有几天？\nmy progress\n' | $mentor chat --as "$demo_user"
fi
