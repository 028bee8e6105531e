#!/usr/bin/env bash
# End-to-end check of response collection from a real browser (headless Chromium, Debian's
# `chromium`): serves a copy of the sample project with `kenshu serve --collect`, loads a page
# of the served site whose script (same origin, the site's CSP) posts one response, then checks
# that `kenshu responses export` has it and `kenshu evaluate` summarises it with the free text
# escaped. Until the site's survey forms post by themselves, the page is a stand-in written
# into the built site. Usage: scripts/collect-browser-check.sh [path/to/kenshu]
set -euo pipefail
cd "$(dirname "$0")/.."
kenshu=${1:-$(pwd)/.build/debug/kenshu}
work=$(mktemp -d /tmp/kenshu-browser-check.XXXXXX)
cp -r kenshu.xml curricula content rosters "$work/"
cd "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$kenshu" serve --collect --no-watch --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 0.2; done

mkdir -p site/_collect-check
cat > site/_collect-check/index.html <<'HTML'
<!doctype html><html lang="ja"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src 'self'">
<title>collect check</title></head><body><p id="out">pending</p><script src="check.js"></script></body></html>
HTML
cat > site/_collect-check/check.js <<'JS'
fetch("/api/surveys/bcp-workshop-eval/responses", {method: "POST", headers: {"Content-Type": "application/json"},
  body: JSON.stringify({participant: "browser-1", answers: {profession: "看護師", "provider-type": "薬局",
    "bcp-status": "作成中", satisfaction: 4, comments: "<img src=x onerror=alert(1)> ブラウザから"}})})
  .then(r => r.text().then(t => { document.getElementById("out").textContent = r.status + " " + t; }))
  .catch(e => { document.getElementById("out").textContent = "failed " + e; });
JS
result=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom \
  "http://127.0.0.1:$port/_collect-check/" 2>/dev/null | grep -o '<p id="out">[^<]*' || true)
echo "browser: ${result#<p id=\"out\">}"
case "$result" in *'>201 {"id":'*) ;; *) echo "FAIL: no 201"; exit 1 ;; esac
"$kenshu" responses export bcp-workshop-eval --out private/export.csv
grep -q '^browser-1,看護師,薬局,作成中,4' private/export.csv || { echo "FAIL: not exported"; exit 1; }
"$kenshu" evaluate --survey bcp-workshop-eval --responses private/export.csv --out private/report >/dev/null 2>&1 || true
grep -q '&lt;img src=x onerror=alert(1)&gt;' private/report/index.html || { echo "FAIL: free text not escaped"; exit 1; }
echo "ok: Chromium → 201 → SQLite → responses export → evaluate (free text escaped)"
