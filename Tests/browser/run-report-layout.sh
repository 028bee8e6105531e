#!/usr/bin/env bash
# The evaluation report of the sample survey (tashokushu-2026-eval, 44 responses, broken down
# by profession) in headless Chromium: no overflow at 390 px, and at most 8 A4 pages in print,
# for the organiser's copy and the shareable copy; the same checks for the programme report of
# tashokushu-2026 (8 pages) and the follow-up report of koshi-2022 (its 247-training list makes
# the organiser copy 16 pages: budget 18; the shareable copy has no list: 4). Needs chromium + chromium-driver and
# selenium (web-check's venv). usage: Tests/browser/run-report-layout.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${KENSHU_BROWSER_PYTHON:-${WEB_CHECK_HOME:-$HOME/.cache/kenshu-web-check}/venv/bin/python}
[ -x .build/debug/kenshu ] || swift build --product kenshu
work=$(mktemp -d "$PWD/private/report-layout.XXXXXX" 2>/dev/null || { mkdir -p private && mktemp -d "$PWD/private/report-layout.XXXXXX"; })
trap 'rm -rf "$work"' EXIT
status=0
for copy in organiser shareable; do
  flag=(); [ $copy = shareable ] && flag=(--shareable)
  .build/debug/kenshu evaluate --survey tashokushu-2026-eval \
    --responses responses/tashokushu-2026-eval-google-forms.csv --by profession "${flag[@]}" \
    --out "$work/$copy" >/dev/null 2>&1
  echo "== evaluation report, $copy copy"
  SE_OFFLINE=true "$python" Tests/browser/report_layout.py "$work/$copy/index.html" 8 "$work/$copy.pdf" || status=1
done
for copy in organiser shareable; do
  flag=(); [ $copy = shareable ] && flag=(--shareable)
  .build/debug/kenshu report tashokushu-2026 --responses responses/tashokushu-2026-eval-google-forms.csv \
    "${flag[@]}" --out "$work/report-$copy" >/dev/null 2>&1
  echo "== programme report, $copy copy"
  SE_OFFLINE=true "$python" Tests/browser/report_layout.py "$work/report-$copy/index.html" 8 "$work/report-$copy.pdf" || status=1
  .build/debug/kenshu followup report koshi-2022 "${flag[@]}" --out "$work/followup-$copy" >/dev/null 2>&1
  budget=18; [ $copy = shareable ] && budget=4
  echo "== follow-up report, $copy copy"
  SE_OFFLINE=true "$python" Tests/browser/report_layout.py "$work/followup-$copy/index.html" $budget "$work/followup-$copy.pdf" || status=1
done
exit $status
