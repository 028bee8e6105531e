#!/usr/bin/env bash
# Reception's check-in page in headless Chromium (issue 15): on a copy of the sample project,
# issues the tashokushu-2026 survey's tokens, serves it with `kenshu serve --collect` WITH
# watching on (as on the day), and runs Tests/browser/checkin_test.py: QR link + Enter
# recorded, again already, an unknown code refused, another day's course refused, self check-in from ?t= / #t= links, no
# reload after the check-ins, axe, 390 px. Then says how long a check-in took under serve.
# Uses web-check's venv (selenium). usage: Tests/browser/run-checkin.sh   (uses .build/debug/kenshu)
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${KENSHU_BROWSER_PYTHON:-${WEB_CHECK_HOME:-$HOME/.cache/kenshu-web-check}/venv/bin/python}
[ -x .build/debug/kenshu ] || swift build --product kenshu
kenshu=$PWD/.build/debug/kenshu
repo=$PWD
work=$(mktemp -d)
cp -r kenshu.xml curricula content rosters "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
(cd "$work" && "$kenshu" roster tokens local-2026 --survey tashokushu-2026-eval >/dev/null 2>&1)
# The sample course is on 2026-10-17: serve takes that date as today, as an organiser rehearses.
(cd "$work" && exec "$kenshu" serve --collect --checkin-date 2026-10-17 --port "$port" >"$work/serve.log" 2>&1) &
server=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
status=0
"$python" "$repo/Tests/browser/checkin_test.py" "http://127.0.0.1:$port/" "$work" \
  "$work/private/tokens-tashokushu-2026-eval.csv" || status=$?
# What the watcher did after each check-in, and how long a check-in takes while watching.
cat "$work/serve.log"
token=$(python3 -c 'import csv,sys; print([r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if r["participant"]=="p010"][0]["token"])' \
  "$work/private/tokens-tashokushu-2026-eval.csv")
curl -s -o /dev/null -w 'one check-in under serve --collect (watching): %{time_total} s\n' \
  "http://127.0.0.1:$port/api/checkin" -H 'Content-Type: application/json' \
  -d "{\"token\":\"$token\",\"programme\":\"tashokushu-2026\",\"course\":\"tashokushu-2026-day1\"}"
exit $status
