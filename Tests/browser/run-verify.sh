#!/usr/bin/env bash
# Certificates verified in headless Chromium (issue 15): on a copy of the sample project,
# records attendance for the sample programme (the reception sheet's own CSV, every session
# marked ○), issues its certificates, builds the site, and opens verify/?n=…&c=… from file://
# and over http: a real code reads valid, a forged one invalid; after --revoke and a rebuild the
# same code reads revoked. Every certificate page is printed to A4 PDF (one page each; all.html
# one page per certificate), kept in $KENSHU_VERIFY_PDF when set.
# Uses web-check's venv (selenium). usage: Tests/browser/run-verify.sh   (uses .build/debug/kenshu)
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${KENSHU_BROWSER_PYTHON:-${WEB_CHECK_HOME:-$HOME/.cache/kenshu-web-check}/venv/bin/python}
[ -x .build/debug/kenshu ] || swift build --product kenshu
kenshu=$PWD/.build/debug/kenshu
repo=$PWD
programme=tashokushu-2026
work=$(mktemp -d)
cp -r kenshu.xml curricula content rosters "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
"$kenshu" attendance sheet "$programme" >/dev/null 2>&1
# Every trainee present at every session the sheet asks about.
python3 - "private/attendance/reception-$programme.csv" attendance.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
header = rows[0]
sessions = [i for i, h in enumerate(header) if h.startswith("t-")]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["participant"] + [header[i] for i in sessions])
    for row in rows[1:]:
        writer.writerow([row[0]] + ["○" for _ in sessions])
PY
"$kenshu" attendance import attendance.csv --programme "$programme" >/dev/null
"$kenshu" certificates "$programme" --format json --date 2026-10-20 --site-url "http://127.0.0.1:$port/" >issued.json
read -r number code < <(python3 -c 'import json,sys; c=json.load(open("issued.json"))["issued"][0]; print(c["number"], c["code"])')
echo "issued $(python3 -c 'import json; print(len(json.load(open("issued.json"))["issued"]))') certificates; checking $number"
"$kenshu" build >/dev/null 2>&1
(cd site && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/verify/" >/dev/null 2>&1 && break; sleep 0.1; done
pdf=${KENSHU_VERIFY_PDF:-$work/pdf}
mkdir -p "$pdf"
status=0
SE_OFFLINE=true "$python" "$repo/Tests/browser/verify_test.py" site "http://127.0.0.1:$port/" "$number" "$code" valid \
  "$pdf" "private/certificates/$programme" || status=1
"$kenshu" certificates "$programme" --revoke "$number" --date 2026-10-20 >/dev/null
"$kenshu" build >/dev/null 2>&1
SE_OFFLINE=true "$python" "$repo/Tests/browser/verify_test.py" site "http://127.0.0.1:$port/" "$number" "$code" revoked || status=1
exit $status
