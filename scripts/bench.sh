#!/usr/bin/env bash
# Benchmarks that print figures (never pass/fail on time):
#   model  criterion: evaluate the default plan and a 60-year, 10-item plan;
#          Monte Carlo runs of 1,000, 10,000 and 100,000 paths and each
#          goal-seek question on the default plan
#   ui     a slider dragged through 100 positions in headless Chromium:
#          input-to-DOM and input-to-next-frame p50/p95/max
# Usage: scripts/bench.sh [model|ui ...]   (default: both)
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
which=("$@")
[ ${#which[@]} -eq 0 ] && which=(model ui)
for b in "${which[@]}"; do
    case "$b" in
        model) CARGO_TARGET_DIR="$HOST_TARGET_DIR" cargo bench --locked --bench evaluate --bench uncertainty ;;
        ui) bash scripts/build.sh >/dev/null && node tests/e2e/bench/slider.mjs ;;
        *) echo "unknown benchmark: $b (model or ui)" >&2; exit 2 ;;
    esac
done
