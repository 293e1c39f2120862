#!/usr/bin/env bash
# Fuzz the share-link decoder and the plan-file/record parser with
# cargo-fuzz (libFuzzer) for SECONDS in all (default 300), split between
# the two targets, then print the executions and crashes of each.
#
# Installs cargo-fuzz on first use. On a stable toolchain it
# runs with RUSTC_BOOTSTRAP=1 and no sanitizer (safe Rust; panics and
# aborts are what we look for). Crashing inputs land in
# fuzz/artifacts/<target>/; replay one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -s none <target> <file>
set -euo pipefail

SECONDS_TOTAL="${1:-300}"
. "$(dirname "$0")/env.sh"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (once)"
  cargo install --quiet --locked cargo-fuzz
fi
cd "$ROOT/fuzz"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"

targets=(link_decode plan_parse)
per_target=$(( SECONDS_TOTAL / ${#targets[@]} ))
(( per_target >= 1 )) || per_target=1

# Seed corpora from the committed fixtures.
mkdir -p corpus/link_decode corpus/plan_parse
for f in ../tests/fixtures/links/*.link ../tests/fixtures/hostile/*.link; do
  cp -f "$f" "corpus/link_decode/seed-$(basename "$f")"
done
for f in ../tests/fixtures/links/*.plan.json; do
  cp -f "$f" "corpus/plan_parse/seed-$(basename "$f")"
done

cargo fuzz build -s none -O >/dev/null 2>&1 || cargo fuzz build -s none -O

total_runs=0
total_crashes=0
for t in "${targets[@]}"; do
  mkdir -p "artifacts/$t"
  before=$(find "artifacts/$t" -type f | wc -l)
  log=$(mktemp)
  set +e
  cargo fuzz run -s none -O "$t" "corpus/$t" -- \
    -max_total_time="$per_target" -max_len=8192 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  runs=${runs:-0}
  after=$(find "artifacts/$t" -type f | wc -l)
  crashes=$(( after - before ))
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  echo "$t: ${runs} executions in ${per_target} s, ${crashes} crashes (${cov:-cov: ?}, exit ${status})"
  if (( crashes > 0 )); then
    grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5 || true
  fi
  total_runs=$(( total_runs + runs ))
  total_crashes=$(( total_crashes + crashes ))
  rm -f "$log"
done
echo "total: ${total_runs} executions, ${total_crashes} crashes"
(( total_crashes == 0 ))
