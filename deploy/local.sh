#!/usr/bin/env bash
# The multi-process deployment on one machine, in one command (the path the benchmarks measure):
#   bash deploy/local.sh up       PostgreSQL + Redis (checked, started if down), a Chroma server, two `mentor serve`
#                                 API processes (ports 8000 and 8002) and one `mentor worker`
#   bash deploy/local.sh seed     load the sample organisation and knowledge base (ingest while serving is fine)
#   bash deploy/local.sh ingest DIR   index more documents into the running deployment (same Chroma server/index)
#   bash deploy/local.sh status   what runs, and each API's /ready
#   bash deploy/local.sh down     stop what `up` started (PostgreSQL/Redis only if `up` had to start them)
# Everything is configurable through the environment (defaults below); state lives in $MENTOR_DEPLOY_RUN.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUN=${MENTOR_DEPLOY_RUN:-$ROOT/deploy/.run}
API_PORTS=${MENTOR_DEPLOY_API_PORTS:-"8000 8002"}
API_HOST=${MENTOR_DEPLOY_API_HOST:-127.0.0.1}
API_WORKERS=${MENTOR_DEPLOY_API_WORKERS:-1}  # processes per API port (mentor serve --workers)
# Replies are background work (the platform already has its 200); on a shared host they yield the CPU to the API
# processes, whose acks and synchronous chat answers someone is waiting for. 0 = same priority.
WORKER_NICE=${MENTOR_DEPLOY_WORKER_NICE:-19}
CHROMA_PORT=${MENTOR_DEPLOY_CHROMA_PORT:-8001}
SERVICES=${MENTOR_DEPLOY_SERVICES:-adapters.channels:default_backends}
MENTOR=${MENTOR_BIN:-$ROOT/.venv/bin/mentor}
CHROMA=${CHROMA_BIN:-$ROOT/.venv/bin/chroma}
export MENTOR_HOME=${MENTOR_HOME:-$RUN/home}
export MENTOR_DATABASE_URL=${MENTOR_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/mentor}
export MENTOR_REDIS_URL=${MENTOR_REDIS_URL:-redis://127.0.0.1:6379/0}
export MENTOR_CHROMA_URL=${MENTOR_CHROMA_URL:-http://127.0.0.1:$CHROMA_PORT}
export MENTOR_EMBED_THREADS=${MENTOR_EMBED_THREADS:-1}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False

say() { echo "[deploy] $*"; }

wait_for() {  # wait_for <what> <seconds> <command...>: poll until the command succeeds
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  say "$what did not come up in ${seconds}s; see $RUN/*.log"; return 1
}

alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

start() {  # start <name> <command...>: run in the background, log and pid under $RUN
  local name=$1; shift
  if alive "$name"; then say "$name already running (pid $(cat "$RUN/$name.pid"))"; return 0; fi
  nohup "$@" >"$RUN/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  say "$name started (pid $!)"
}

pg_hostport() {  # host and port from MENTOR_DATABASE_URL
  python3 - "$MENTOR_DATABASE_URL" <<'EOF'
import sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1].replace("postgresql+psycopg", "postgresql"))
print(u.hostname or "127.0.0.1", u.port or 5432, (u.path or "/mentor").lstrip("/"), u.username or "postgres")
EOF
}

ensure_postgres() {
  read -r host port db user < <(pg_hostport)
  if ! pg_isready -h "$host" -p "$port" >/dev/null 2>&1; then
    say "PostgreSQL is down at $host:$port; starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    touch "$RUN/started-postgres"
    wait_for PostgreSQL 30 pg_isready -h "$host" -p "$port"
  fi
  if ! psql -h "$host" -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" \
      | grep -q 1; then
    psql -h "$host" -p "$port" -U "$user" -d postgres -qc "CREATE DATABASE \"$db\""
    say "created database $db"
  fi
  say "PostgreSQL ok ($host:$port/$db)"
}

ensure_redis() {
  local hostport=${MENTOR_REDIS_URL#redis://}; hostport=${hostport%%/*}
  local host=${hostport%%:*} port=${hostport##*:}
  if ! redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1; then
    say "Redis is down at $host:$port; starting it"
    redis-server --daemonize yes --bind "$host" --port "$port" --save "" --appendonly no \
      --dir "$RUN" --logfile "$RUN/redis.log" --pidfile "$RUN/redis-server.pid"
    touch "$RUN/started-redis"
    wait_for Redis 10 redis-cli -h "$host" -p "$port" ping
  fi
  say "Redis ok ($host:$port)"
}

health() { python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$1"; }

api_ready() {  # api_ready <port>: fails at once (with the log's tail) when the process has died
  local port=$1
  for _ in $(seq 1 600); do
    if ! alive "api-$port"; then say "API on port $port exited:"; tail -n 15 "$RUN/api-$port.log"; return 1; fi
    if health "http://127.0.0.1:$port/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  say "API on port $port did not answer in 120s; see $RUN/api-$port.log"; return 1
}

up() {
  mkdir -p "$RUN" "$MENTOR_HOME"
  ensure_postgres
  ensure_redis
  start chroma "$CHROMA" run --path "$MENTOR_HOME/chroma-server" --host 127.0.0.1 --port "$CHROMA_PORT"
  wait_for "Chroma server" 60 health "$MENTOR_CHROMA_URL/api/v2/heartbeat"
  "$MENTOR" db upgrade >"$RUN/db-upgrade.log" 2>&1 || { say "mentor db upgrade failed: $RUN/db-upgrade.log"; exit 1; }
  start worker nice -n "$WORKER_NICE" "$MENTOR" worker --services "$SERVICES"
  for port in $API_PORTS; do
    start "api-$port" "$MENTOR" serve --host "$API_HOST" --port "$port" --services "$SERVICES" --workers "$API_WORKERS"
  done
  for port in $API_PORTS; do
    api_ready "$port"
    say "API ready: http://127.0.0.1:$port/"
  done
  say "up: APIs on ports $API_PORTS (put any load balancer in front), worker, Chroma :$CHROMA_PORT"
}

seed() {
  "$MENTOR" org import hr/samples/org
  "$MENTOR" ingest knowledge/samples/kb
}

status() {
  for pidfile in "$RUN"/*.pid; do
    [ -e "$pidfile" ] || { say "nothing started"; return 0; }
    name=$(basename "$pidfile" .pid)
    if alive "$name"; then say "$name running (pid $(cat "$pidfile"))"; else say "$name NOT running"; fi
  done
  for port in $API_PORTS; do
    python3 -c "import urllib.request,sys; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())" \
      "http://127.0.0.1:$port/ready" 2>/dev/null | sed "s/^/[deploy] api-$port ready: /" || say "api-$port not answering"
  done
}

stop_pid() {  # stop_pid <name>: TERM, wait up to 20 s, then KILL; only the pid this script recorded
  local name=$1 pid
  alive "$name" || { rm -f "$RUN/$name.pid"; return 0; }
  pid=$(cat "$RUN/$name.pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$RUN/$name.pid"
  say "$name stopped"
}

down() {
  [ -d "$RUN" ] || { say "nothing to stop"; return 0; }
  for port in $API_PORTS; do stop_pid "api-$port"; done
  stop_pid worker
  stop_pid chroma
  if [ -f "$RUN/started-redis" ]; then stop_pid redis-server; rm -f "$RUN/started-redis"; fi
  if [ -f "$RUN/started-postgres" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main stop || true
    rm -f "$RUN/started-postgres"
  fi
}

case "${1:-}" in
  up) up ;;
  seed) seed ;;
  ingest) shift; "$MENTOR" ingest "$@" ;;
  status) status ;;
  down) down ;;
  *) echo "usage: bash deploy/local.sh up|seed|ingest DIR|status|down" >&2; exit 2 ;;
esac
