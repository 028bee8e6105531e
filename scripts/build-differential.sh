#!/usr/bin/env bash
# The long run of the build differential test (issue 17): seeded sequences of realistic edits
# (Markdown, titles, rosters and qualifications, glossary, site settings, files added and
# removed), each incremental rebuild compared byte for byte with a cold build of the same
# sources. `swift test` runs 3 seeds × 8 steps; this runs STEPS (default 200) per seed.
#
#   scripts/build-differential.sh [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
KENSHU_DIFFERENTIAL_STEPS="${1:-200}" swift test --filter IncrementalBuildDifferentialTests
