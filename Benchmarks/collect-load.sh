#!/usr/bin/env bash
# Reliability check for `kenshu serve --collect` (not a unit test; run by hand, ~5 minutes
# after the release build).
#
#   Benchmarks/collect-load.sh [sqlite|postgres|all]   (default: all; postgres when it can start)
#
# For each backend:
#  1. load:  200 concurrent clients post 20,000 responses on loopback (rate limit off); every
#            201 id must be in the database and the count must match exactly.
#  2. crash: the same load, `kill -9` of the server midway, restart on the same port while the
#            clients keep resending what was not acknowledged (same `Idempotency-Key`, same
#            body, for up to 120 s): every submission must end acknowledged and stored exactly
#            once (lost = 0, duplicates = 0: no participant id stored twice) and the database
#            must open cleanly (SQLite: PRAGMA integrity_check = ok).
# Prints throughput and latency (p50/p99) from Benchmarks/collect-load.py.
# Environment: KENSHU_BIN (default: release build), REQUESTS (20000), CONCURRENCY (200).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
which=${1:-all}
requests=${REQUESTS:-20000}
concurrency=${CONCURRENCY:-200}

if [ -z "${KENSHU_BIN:-}" ]; then
  swift build -c release --product kenshu >&2
  KENSHU_BIN="$repo/.build/release/kenshu"
fi

work=$(mktemp -d /tmp/kenshu-collect-load.XXXXXX)
cp -r kenshu.xml curricula content rosters "$work/"
server_pid=""
pg_data=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$pg_data" ] && bash "$repo/.ci/start-postgres.sh" stop "$pg_data" || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_server() { # $1 database, $2 port, $3 log
  (cd "$work" && exec "$KENSHU_BIN" serve --collect --rate-limit 0 --no-watch --host 127.0.0.1 --port "$2" \
    --database "$1" >>"$3" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$2/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited:"; tail -5 "$3"; return 1; }
    sleep 0.1
  done
  echo "server did not start"; return 1
}

db_count() { # $1 backend, $2 database
  if [ "$1" = sqlite ]; then
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from responses').fetchone()[0])" "$2"
  else
    psql -qAt "${2%%\?*}" -c 'select count(*) from responses'
  fi
}

db_duplicates() { # $1 backend, $2 database → rows beyond one per submission (participant)
  local sql='select count(*) - count(distinct participant) from responses'
  if [ "$1" = sqlite ]; then
    python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$2" "$sql"
  else
    psql -qAt "${2%%\?*}" -c "$sql"
  fi
}

db_ids() { # $1 backend, $2 database → ids, sorted
  if [ "$1" = sqlite ]; then
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\n'.join(r[0] for r in c.execute('select id from responses')))" "$2"
  else
    psql -qAt "${2%%\?*}" -c 'select id from responses'
  fi | sort
}

verify() { # $1 backend, $2 database, $3 acknowledged ids file, $4 exact(1)/at-least(0)
  local stored acked lost duplicates
  db_ids "$1" "$2" > "$work/stored"
  sort "$3" > "$work/acked"
  stored=$(wc -l < "$work/stored"); acked=$(wc -l < "$work/acked")
  lost=$(comm -23 "$work/acked" "$work/stored" | wc -l)
  duplicates=$(db_duplicates "$1" "$2")
  echo "  acknowledged (201): $acked   stored: $stored   lost: $lost   duplicates: $duplicates"
  [ "$lost" -eq 0 ] || { echo "  FAIL: acknowledged responses missing"; return 1; }
  [ "$duplicates" -eq 0 ] || { echo "  FAIL: submissions stored more than once"; return 1; }
  if [ "$4" = 1 ] && [ "$stored" -ne "$acked" ]; then echo "  FAIL: count differs"; return 1; fi
  if [ "$1" = sqlite ]; then
    echo "  integrity_check: $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])" "$2")"
  fi
  return 0
}

run_backend() { # $1 backend, $2 database URL for the load run, $3 for the crash run, $4 path for counting
  local backend=$1 port log
  echo "== $backend: load ($requests submissions, $concurrency clients)"
  port=$(free_port); log="$work/$backend-load.log"
  start_server "$2" "$port" "$log"
  python3 Benchmarks/collect-load.py --port "$port" --requests "$requests" --concurrency "$concurrency" \
    --ids "$work/$backend-load.ids"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  verify "$backend" "$4" "$work/$backend-load.ids" 1

  echo "== $backend: crash (kill -9 midway, restart)"
  reset_db "$backend"
  port=$(free_port); log="$work/$backend-crash.log"
  start_server "$2" "$port" "$log"
  python3 Benchmarks/collect-load.py --port "$port" --requests "$requests" --concurrency "$concurrency" \
    --retry-seconds 120 --ids "$work/$backend-crash.ids" > "$work/$backend-crash.json" &
  local client=$!
  for _ in $(seq 1 600); do
    [ "$(db_count "$backend" "$4" 2>/dev/null || echo 0)" -ge $((requests / 2)) ] && break
    sleep 0.1
  done
  kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true
  echo "  killed the server (kill -9) at $(db_count "$backend" "$4") stored responses"
  # Same port: the clients are retrying against it.
  start_server "$2" "$port" "$log" && echo "  restarted: database opened cleanly"
  wait "$client" || true
  cat "$work/$backend-crash.json"
  # With retries every submission ends acknowledged: the count must match exactly.
  verify "$backend" "$4" "$work/$backend-crash.ids" 1
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

reset_db() {
  if [ "$1" = sqlite ]; then rm -f "$work"/private/load.sqlite*; else
    psql -qAt "${pg_url%%\?*}" -c 'drop table if exists responses, completions, tokens, idempotency_keys, anonymous_tokens, anonymous_unused_tokens, kenshu_migrations' >/dev/null
  fi
}

status=0
if [ "$which" = sqlite ] || [ "$which" = all ]; then
  run_backend sqlite "sqlite:private/load.sqlite" "" "$work/private/load.sqlite" || status=1
fi
if [ "$which" = postgres ] || [ "$which" = all ]; then
  if pg_url=$(bash .ci/start-postgres.sh 2>"$work/pg.log"); then
    pg_data=$(sed -n 's/^postgres data folder: \([^ ]*\).*/\1/p' "$work/pg.log")
    run_backend postgres "$pg_url" "" "$pg_url" || status=1
  else
    echo "== postgres: SKIPPED (could not start PostgreSQL: $(tail -1 "$work/pg.log"))"
  fi
fi
exit $status
