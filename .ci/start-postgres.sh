#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback for the collection tests and benchmarks:
# initdb in a temporary folder, as the postgres user, on a free port, with a database `kenshu`.
# Prints the connection URL on stdout (nothing else); exits non-zero when it cannot.
# The data folder is printed on stderr; `.ci/start-postgres.sh stop DIR` stops and removes it.
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  runuser -u postgres -- "$bin/pg_ctl" -D "$2" -m fast stop >/dev/null 2>&1 || true
  case "$2" in /tmp/kenshu-pg.*/db) rm -rf "$(dirname "$2")" ;; esac
  exit 0
fi

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >/dev/null 2>&1 || true
  fi
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "postgresql is not installed" >&2; exit 1; }
id postgres >/dev/null 2>&1 || { echo "no postgres user" >&2; exit 1; }

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

data=$(mktemp -d /tmp/kenshu-pg.XXXXXX)
chown postgres "$data"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_postgres "$bin/initdb" -D "$data/db" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$data/db" -w -t 30 -l "$data/log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=on -c synchronous_commit=on" start >/dev/null
as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres kenshu
echo "postgres data folder: $data/db (stop: .ci/start-postgres.sh stop $data/db)" >&2
echo "postgres://postgres@127.0.0.1:$port/kenshu?sslmode=disable"
