#!/usr/bin/env bash
# Headless-Chromium test of the survey forms: builds the sample site, fills a form, and checks
# the downloaded CSV with `kenshu evaluate`; then the site search from file:// (ranking,
# precision, snippets, readings). Needs Debian chromium + chromium-driver and a
# Python with selenium (web-check's venv, ~/.cache/kenshu-web-check/venv, has it).
# usage: Tests/browser/run.sh [SURVEY_ID]   (from anywhere; uses .build/debug/kenshu)
set -euo pipefail
cd "$(dirname "$0")/../.."
survey=${1:-tashokushu-2026-eval}
python=${KENSHU_BROWSER_PYTHON:-${WEB_CHECK_HOME:-$HOME/.cache/kenshu-web-check}/venv/bin/python}
[ -x .build/debug/kenshu ] || swift build --product kenshu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/kenshu build --output "$work/site" >/dev/null
"$python" Tests/browser/survey_form.py "$work/site" "$survey" "$PWD/.build/debug/kenshu" "$PWD" "$work"
"$python" Tests/browser/search_test.py "$work/site"
