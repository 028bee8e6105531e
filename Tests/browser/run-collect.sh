#!/usr/bin/env bash
# Headless-Chromium test of collection (issue 7): serves a copy of the sample project with
# `kenshu serve --collect` (SQLite under the copy's private/), fills and submits a real survey
# form, then checks `responses export` and `kenshu evaluate`. Then the outbox (issue 14) on a
# second copy: server stopped, submit, server restarted, page reopened → stored exactly once.
# Uses web-check's venv (selenium).
# usage: Tests/browser/run-collect.sh [SURVEY_ID]   (uses .build/debug/kenshu)
set -euo pipefail
cd "$(dirname "$0")/../.."
survey=${1:-bcp-workshop-eval}
python=${KENSHU_BROWSER_PYTHON:-${WEB_CHECK_HOME:-$HOME/.cache/kenshu-web-check}/venv/bin/python}
[ -x .build/debug/kenshu ] || swift build --product kenshu
kenshu=$PWD/.build/debug/kenshu
work=$(mktemp -d)
cp -r kenshu.xml curricula content rosters "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec "$kenshu" serve --collect --no-watch --port "$port" >"$work/serve.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
"$python" Tests/browser/collect_form.py "http://127.0.0.1:$port/" "$survey" "$kenshu" "$work" "$work"
kill $server 2>/dev/null || true
wait $server 2>/dev/null || true
mkdir "$work/outbox"
cp -r kenshu.xml curricula content rosters "$work/outbox/"
"$python" Tests/browser/outbox_test.py "$kenshu" "$work/outbox" "$survey"
