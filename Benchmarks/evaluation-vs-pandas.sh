#!/usr/bin/env bash
# Benchmark: the evaluation pipeline (`kenshu bench evaluation`, release build) against pandas
# computing the same counts, means, SDs, medians, top-2-box with Wilson intervals, crosstabs by
# profession and Cronbach's alphas (scripts/bench-pandas.py), on the same generated CSV of
# ROWS responses × 40 items. The two run alternately, RUNS times each, so that both meet the
# same machine load; the medians and their ratio are printed.
#
# Usage: Benchmarks/evaluation-vs-pandas.sh [ROWS=100000] [RUNS=5]
# Needs: python3 with pandas and numpy (pip install pandas).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
runs=${2:-5}
python3 -c 'import pandas' 2>/dev/null || { echo "pandas missing: pip install pandas" >&2; exit 2; }

echo "building kenshu (release)…" >&2
swift build -c release --product kenshu >&2
kenshu="$(swift build -c release --show-bin-path)/kenshu"
# The figures are read from kenshu's English lines, as from pandas'.
export KENSHU_LANG=en
csv=$(mktemp /tmp/kenshu-evaluation-bench.XXXXXX.csv)
trap 'rm -f "$csv"' EXIT
"$kenshu" bench evaluation --rows "$rows" --write-csv "$csv" >/dev/null

kenshu_ms=()
pandas_ms=()
for run in $(seq "$runs"); do
  k=$("$kenshu" bench evaluation --rows "$rows")
  p=$(python3 scripts/bench-pandas.py "$csv")
  kenshu_ms+=("$(echo "$k" | sed -n 's/^  total: \([0-9.]*\) ms.*/\1/p')")
  pandas_ms+=("$(echo "$p" | sed -n 's/^  total: \([0-9.]*\) ms.*/\1/p')")
  echo "run $run: kenshu ${kenshu_ms[-1]} ms, pandas ${pandas_ms[-1]} ms" >&2
done
echo "$k"
echo "$p"
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
km=$(median "${kenshu_ms[@]}")
pm=$(median "${pandas_ms[@]}")
echo "median of $runs runs: kenshu $km ms, pandas $pm ms, ratio $(awk -v k="$km" -v p="$pm" 'BEGIN { printf "%.2f", k / p }')×"
