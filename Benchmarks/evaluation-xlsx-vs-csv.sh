#!/usr/bin/env bash
# Benchmark (issue 12): `kenshu evaluate` on ROWS responses × 40 items as an Excel workbook
# (.xlsx, every text cell a shared string as Excel writes it, deflate) against the same cells as
# CSV. The data are those of `kenshu bench evaluation --write-csv`; the project and the .xlsx are
# made by scripts/generate-xlsx-benchmark.py. The two runs alternate, RUNS times each, so both
# meet the same machine load; each run is timed with /usr/bin/time (wall, user+sys CPU, peak
# RSS). Prints the medians and the xlsx/csv ratios. Before timing, checks that both inputs give
# the same summary.json (apart from the file name).
#
# Usage: Benchmarks/evaluation-xlsx-vs-csv.sh [ROWS=100000] [RUNS=5]
# Needs: python3, GNU time (/usr/bin/time). KENSHU=path skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
runs=${2:-5}
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install time" >&2; exit 2; }

if [ -z "${KENSHU:-}" ]; then
  echo "building kenshu (release)…" >&2
  swift build -c release --product kenshu >&2
  KENSHU="$(swift build -c release --show-bin-path)/kenshu"
fi
kenshu=$(realpath "$KENSHU")
work=$(mktemp -d /tmp/kenshu-xlsx-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$kenshu" bench evaluation --rows "$rows" --write-csv "$work/generated.csv" >/dev/null
python3 scripts/generate-xlsx-benchmark.py "$work/generated.csv" "$work/project"
cd "$work/project"
echo "inputs: responses.csv $(stat -c %s responses.csv) bytes, responses.xlsx $(stat -c %s responses.xlsx) bytes" >&2

# One run: prints "wall cpu rss_kb".
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    "$kenshu" evaluate --survey bench --responses "responses.$1" --by prof -o "out-$1" 2>"$work/stderr" \
    || { cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}

measure csv >/dev/null
measure xlsx >/dev/null
strip() { sed 's/responses\.\(csv\|xlsx\)\( \[Sheet1\]\)\{0,1\}/responses/g' "$1"; }
cmp -s <(strip out-csv/summary.json) <(strip out-xlsx/summary.json) \
  || { echo "summary.json differs between the CSV and the xlsx input" >&2; exit 1; }

csv_wall=() csv_cpu=() csv_rss=() xlsx_wall=() xlsx_cpu=() xlsx_rss=()
for run in $(seq "$runs"); do
  read -r w c m < <(measure csv)
  csv_wall+=("$w") csv_cpu+=("$c") csv_rss+=("$m")
  read -r w2 c2 m2 < <(measure xlsx)
  xlsx_wall+=("$w2") xlsx_cpu+=("$c2") xlsx_rss+=("$m2")
  echo "run $run: csv ${w}s cpu ${c}s ${m} KB; xlsx ${w2}s cpu ${c2}s ${m2} KB" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
cw=$(median "${csv_wall[@]}") cc=$(median "${csv_cpu[@]}") cm=$(median "${csv_rss[@]}")
xw=$(median "${xlsx_wall[@]}") xc=$(median "${xlsx_cpu[@]}") xm=$(median "${xlsx_rss[@]}")
echo "median of $runs runs, $rows rows × 40 items:"
awk -v w="$cw" -v c="$cc" -v m="$cm" 'BEGIN { printf "  csv:  wall %.2f s, cpu %.2f s, peak RSS %.0f MB\n", w, c, m / 1024 }'
awk -v w="$xw" -v c="$xc" -v m="$xm" 'BEGIN { printf "  xlsx: wall %.2f s, cpu %.2f s, peak RSS %.0f MB\n", w, c, m / 1024 }'
awk -v a="$xw" -v b="$cw" -v c="$xc" -v d="$cc" -v e="$xm" -v f="$cm" \
  'BEGIN { printf "  xlsx/csv: wall %.2f×, cpu %.2f×, peak RSS %.2f×\n", a / b, c / d, e / f }'
