#!/usr/bin/env bash
# Benchmark (issues 6 and 18): the evaluation pipeline against pandas computing the same counts,
# means, SDs, medians, top-2-box with Wilson intervals, crosstabs by profession and Cronbach's
# alphas (scripts/bench-pandas.py), on the same generated CSV of ROWS responses × 40 items
# (`kenshu bench evaluation --write-csv`). Each run, in turn:
#   - `kenshu bench evaluation` (release build): in-process time of parse + import + statistics +
#     summary.json + index.html, against pandas' own timer (read_csv + the figures);
#   - `kenshu evaluate --by profession` on a real project with that CSV (scripts/generate-xlsx-
#     benchmark.py --no-xlsx), writing every file, and `python3 scripts/bench-pandas.py` on the
#     same CSV, both as whole processes under /usr/bin/time: wall, CPU (user + sys) and peak RSS.
#     pandas' process includes starting Python and importing pandas (≈ 0.3 s); kenshu's includes
#     writing summary.json, index.html and every CSV table (freetext.csv: 400,000 answers).
# The runs alternate so that all meet the same machine load; medians and ratios are printed.
#
# Usage: Benchmarks/evaluation-vs-pandas.sh [ROWS=100000] [RUNS=5]
# Needs: python3 with pandas and numpy (pip install pandas), GNU time (/usr/bin/time).
# KENSHU=path skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
runs=${2:-5}
python3 -c 'import pandas' 2>/dev/null || { echo "pandas missing: pip install pandas" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install time" >&2; exit 2; }

if [ -z "${KENSHU:-}" ]; then
  echo "building kenshu (release)…" >&2
  swift build -c release --product kenshu >&2
  KENSHU="$(swift build -c release --show-bin-path)/kenshu"
fi
kenshu=$(realpath "$KENSHU")
pandas_script=$(realpath scripts/bench-pandas.py)
# The figures are read from kenshu's English lines, as from pandas'.
export KENSHU_LANG=en
work=$(mktemp -d /tmp/kenshu-evaluation-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$kenshu" bench evaluation --rows "$rows" --write-csv "$work/generated.csv" >/dev/null
python3 scripts/generate-xlsx-benchmark.py --no-xlsx "$work/generated.csv" "$work/project"
csv="$work/project/responses.csv"

# One whole-process run under GNU time: prints "wall cpu rss_kb".
timed() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" \
    || { cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}
evaluate() {
  (cd "$work/project" && timed "$kenshu" evaluate --survey bench --responses responses.csv \
    --by profession -o "$work/out")
}

bench_ms=() bench_cpu=() pandas_ms=() ew=() ec=() em=() pw=() pc=() pm=()
for run in $(seq "$runs"); do
  k=$("$kenshu" bench evaluation --rows "$rows")
  bench_ms+=("$(echo "$k" | sed -n 's/^  total: \([0-9.]*\) ms.*/\1/p')")
  bench_cpu+=("$(echo "$k" | sed -n 's/^  total: .*(CPU \([0-9.]*\) ms).*/\1/p')")
  read -r w c m < <(evaluate)
  ew+=("$w") ec+=("$c") em+=("$m")
  read -r w2 c2 m2 < <(timed python3 "$pandas_script" "$csv")
  p=$(cat "$work/stdout")
  pandas_ms+=("$(echo "$p" | sed -n 's/^  total: \([0-9.]*\) ms.*/\1/p')")
  pw+=("$w2") pc+=("$c2") pm+=("$m2")
  echo "run $run: bench kenshu ${bench_ms[-1]} ms (CPU ${bench_cpu[-1]} ms), pandas ${pandas_ms[-1]} ms;" \
    "evaluate ${w} s / CPU ${c} s / ${m} KB; pandas process ${w2} s / CPU ${c2} s / ${m2} KB" >&2
done
echo "$k"
echo "$p"
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
bm=$(median "${bench_ms[@]}") bc=$(median "${bench_cpu[@]}") pt=$(median "${pandas_ms[@]}")
ewm=$(median "${ew[@]}") ecm=$(median "${ec[@]}") emm=$(median "${em[@]}")
pwm=$(median "${pw[@]}") pcm=$(median "${pc[@]}") pmm=$(median "${pm[@]}")
echo "median of $runs interleaved runs, $rows responses × 40 items:"
awk -v k="$bm" -v c="$bc" -v p="$pt" 'BEGIN {
  printf "  in-process: kenshu %.1f ms (CPU %.1f ms), pandas %.1f ms, ratio %.2f×\n", k, c, p, k / p }'
awk -v w="$ewm" -v c="$ecm" -v m="$emm" 'BEGIN {
  printf "  kenshu evaluate (every file): wall %.2f s, CPU %.2f s, peak RSS %.0f MB\n", w, c, m / 1024 }'
awk -v w="$pwm" -v c="$pcm" -v m="$pmm" 'BEGIN {
  printf "  pandas process:               wall %.2f s, CPU %.2f s, peak RSS %.0f MB\n", w, c, m / 1024 }'
awk -v a="$ewm" -v b="$pwm" -v c="$ecm" -v d="$pcm" -v e="$emm" -v f="$pmm" 'BEGIN {
  printf "  kenshu / pandas process: wall %.2f×, CPU %.2f×, peak RSS %.2f×\n", a / b, c / d, e / f }'
