#!/usr/bin/env bash
# Browser tests of the self-study module (issue 4) in headless Chromium:
#   (a) the sample quiz on the built site: answer, score, reload, progress kept, reset; axe-core
#       on the answered pages;
#   (b) the SCORM package's runtime against a fake LMS page over loopback http;
#   (c) offline use over http: the service worker, the server stopped, the outbox after.
# Usage: Tests/browser/run-module-tests.sh   (from the repository root; builds kenshu if needed)
# Needs chromium + chromium-driver and the web-check venv (../shared/tools/web-check sets both up).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${WEB_CHECK_HOME:-$HOME/.cache/kenshu-web-check}/venv
[ -x "$venv/bin/python" ] || { echo "no venv at $venv: run ../shared/tools/web-check once"; exit 2; }
[ -x .build/debug/kenshu ] || swift build --product kenshu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/kenshu build --output "$work/site" >/dev/null
.build/debug/kenshu export scorm harassment-prevention --out "$work/package.zip" 2>/dev/null
mkdir -p "$work/lms/pkg"
cp Tests/browser/fake-lms/* "$work/lms/"
(cd "$work/lms/pkg" && "$venv/bin/python" -m zipfile -e "$work/package.zip" .)
SE_OFFLINE=true "$venv/bin/python" Tests/browser/module_test.py "$work/site" "$work/lms" harassment-prevention
# (c) offline use: the service worker keeps the module; served with the server stopped; the
#     outbox delivers after it is back, once (a copy of the project served by serve --collect).
mkdir "$work/offline"
cp -r kenshu.xml curricula content rosters "$work/offline/"
SE_OFFLINE=true "$venv/bin/python" Tests/browser/offline_test.py "$PWD/.build/debug/kenshu" "$work/offline" \
  harassment-prevention bcp-workshop-eval
