#!/usr/bin/env bash
# Benchmark: `kenshu validate` (release build) against `xmllint --noout --relaxng` on the same
# N synthetic programme files. Prints files/s for both and the ratio.
#
# Usage: Benchmarks/validate-vs-xmllint.sh [N=1000] [RUNS=5]
# Needs: python3, xmllint (Debian libxml2-utils); uses hyperfine when installed
# (apt-get install -y hyperfine), otherwise times repeated runs with date +%s%N.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
count=${1:-1000}
runs=${2:-5}

command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install -y libxml2-utils" >&2; exit 2; }

echo "building kenshu (release)…" >&2
swift build -c release --product kenshu >&2
kenshu="$(swift build -c release --show-bin-path)/kenshu"

project=$(mktemp -d /tmp/kenshu-bench.XXXXXX)
trap 'rm -rf "$project"' EXIT
python3 Benchmarks/generate-programmes.py "$count" "$project"
files=$(find "$project/curricula" -name '*.xml' | wc -l)
bytes=$(du -sb "$project/curricula" | cut -f1)
echo "generated $files files, $((bytes / files)) bytes on average, in $project" >&2

cd "$project"
# Both must accept the files, or the comparison means nothing.
"$kenshu" validate 2>/dev/null || { echo "kenshu rejected the generated files" >&2; "$kenshu" validate 2>&1 | tail -5; exit 1; }
xmllint --noout --relaxng "$repo/schema/kenshu.rng" curricula/*.xml 2>/dev/null \
  || { echo "xmllint rejected the generated files" >&2; exit 1; }

kenshu_cmd="$kenshu validate"
xmllint_cmd="xmllint --noout --relaxng $repo/schema/kenshu.rng curricula/*.xml"

# Mean wall-clock seconds of a command.
mean_seconds() {
  local cmd=$1
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$project/h.json" "$cmd" >/dev/null 2>&1
    python3 -c "import json; print(json.load(open('$project/h.json'))['results'][0]['mean'])"
  else
    bash -c "$cmd" >/dev/null 2>&1 || true
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do bash -c "$cmd" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    python3 -c "print(($end - $start) / 1e9 / $runs)"
  fi
}

# Mean CPU seconds (user + system, all threads) of a command: unlike wall time, barely moved by
# other processes on a shared machine, and the fair per-file cost of a parallel program.
cpu_seconds() {
  python3 - "$1" "$runs" <<'PY'
import resource, subprocess, sys
command, runs = sys.argv[1], int(sys.argv[2])
subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
before = resource.getrusage(resource.RUSAGE_CHILDREN)
for _ in range(runs):
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / runs)
PY
}

kenshu_s=$(mean_seconds "$kenshu_cmd")
xmllint_s=$(mean_seconds "$xmllint_cmd")
kenshu_cpu=$(cpu_seconds "$kenshu_cmd")
xmllint_cpu=$(cpu_seconds "$xmllint_cmd")

python3 - "$files" "$kenshu_s" "$xmllint_s" "$(nproc)" "$kenshu_cpu" "$xmllint_cpu" <<'PY'
import sys
files, k, x, cores = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
kc, xc = float(sys.argv[5]), float(sys.argv[6])
print(f"files: {files} on {cores} cores")
print(f"kenshu validate : {k:8.3f} s  {files / k:9.0f} files/s  (parse + RELAX NG + structure + semantic checks, parallel)")
print(f"xmllint --relaxng: {x:8.3f} s  {files / x:9.0f} files/s  (parse + RELAX NG, one thread)")
print(f"ratio kenshu/xmllint time: {k / x:.2f}x  (target: at most 1.2x)")
print(f"CPU per file (user+sys, all threads): kenshu {kc / files * 1e6:.0f} us, xmllint {xc / files * 1e6:.0f} us"
      f"  (ratio {kc / xc:.2f}x)")
PY
