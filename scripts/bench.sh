#!/usr/bin/env bash
# Benchmarks that print figures (never pass/fail on time):
#   model  criterion: evaluate the default plan and a 60-year, 10-item plan;
#          Monte Carlo runs of 1,000, 10,000 and 100,000 paths and each
#          goal-seek question on the default plan
#   ui     a slider dragged through 100 positions in headless Chromium:
#          input-to-DOM and input-to-next-frame p50/p95/max
#   fan    the Monte Carlo fan in Chromium: slider release to the
#          10,000-path fan, the 1,000-path preview, input-to-DOM with the
#          fan on, and each goal-seek answer (with the load average)
# Usage: scripts/bench.sh [model|ui|fan ...]   (default: all three)
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
which=("$@")
[ ${#which[@]} -eq 0 ] && which=(model ui fan)
for b in "${which[@]}"; do
    case "$b" in
        model) CARGO_TARGET_DIR="$HOST_TARGET_DIR" cargo bench --locked --bench evaluate --bench uncertainty ;;
        ui) bash scripts/build.sh >/dev/null && node tests/e2e/bench/slider.mjs ;;
        fan) bash scripts/build.sh >/dev/null && node tests/e2e/bench/fan.mjs ;;
        *) echo "unknown benchmark: $b (model, ui or fan)" >&2; exit 2 ;;
    esac
done
