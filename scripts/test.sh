#!/usr/bin/env bash
# Runs the test layers and prints one summary line per layer, then a total:
#   host  cargo test: model, codec and CLI on the native toolchain
#   web   wasm-bindgen-test: components in headless Chromium
#   e2e   the release dist/ served on loopback, driven by playwright-core
#   size  the release dist/'s first-load size against its gzip budget
# Usage: scripts/test.sh [host|web|e2e|size ...]   (default: all four)
# A layer that fails, or that runs no test, fails the run; so does a
# first load over budget.
set -uo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"

layers=("$@")
[ ${#layers[@]} -eq 0 ] && layers=(host web e2e size)

summaries=()
total_pass=0
total_fail=0
status=0

# Sums the "test result:" lines of cargo and wasm-bindgen-test-runner.
cargo_counts() {
    awk '/^test result:/ { for (i = 1; i <= NF; i++) {
            if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
         END { printf "%d %d\n", p, f }' "$1"
}
# node --test's closing lines: "ℹ pass N" / "ℹ fail N" (or "# pass N").
node_counts() {
    awk '/^(ℹ|#) pass / { p = $3 } /^(ℹ|#) fail / { f = $3 } END { printf "%d %d\n", p, f }' "$1"
}

run_layer() {
    local name=$1 log="$LOGS/$1.log" rc counts pass fail
    shift
    echo "== $name tests"
    "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    if [ "$name" = e2e ]; then counts=$(node_counts "$log"); else counts=$(cargo_counts "$log"); fi
    read -r pass fail <<<"$counts"
    if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
    if [ "$pass" -eq 0 ]; then
        echo "$name: ran no test" >&2
        rc=1
    fi
    [ "$rc" -ne 0 ] && status=1
    summaries+=("$name: $pass passed, $fail failed")
    total_pass=$((total_pass + pass))
    total_fail=$((total_fail + fail))
}

# The benchmarks are built too (not run): a model change that breaks one
# fails here, not at the next `make bench`.
host_tests() {
    CARGO_TARGET_DIR="$HOST_TARGET_DIR" cargo check --locked --quiet --benches || return 1
    CARGO_TARGET_DIR="$HOST_TARGET_DIR" cargo test --locked
}

web_tests() {
    local args=()
    for f in tests/web_*.rs; do [ -e "$f" ] && args+=(--test "$(basename "$f" .rs)"); done
    [ ${#args[@]} -eq 0 ] && { echo "no tests/web_*.rs"; return 1; }
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
        wasm_env cargo test --locked --target wasm32-unknown-unknown "${args[@]}"
}

e2e_tests() {
    bash scripts/build.sh >/dev/null || return 1
    CARGO_TARGET_DIR="$HOST_TARGET_DIR" cargo build --locked --quiet --release --bin sunset || return 1
    SUNSET_BIN="$HOST_TARGET_DIR/release/sunset" node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
}

# The size layer: prints the figures and fails the run when over budget.
size_layer() {
    local log="$LOGS/size.log" rc total
    echo "== size"
    { bash scripts/build.sh >/dev/null && bash scripts/size.sh; } 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    total=$(awk '$1 == "total" { print $3 }' "$log")
    if [ "$rc" -eq 0 ]; then
        summaries+=("size: ${total} bytes gzip, within budget")
    else
        summaries+=("size: ${total:-?} bytes gzip, over budget or not built")
        status=1
    fi
}

for layer in "${layers[@]}"; do
    case "$layer" in
        host) run_layer host host_tests ;;
        web) run_layer web web_tests ;;
        e2e) run_layer e2e e2e_tests ;;
        size) size_layer ;;
        *) echo "unknown layer: $layer (host, web, e2e or size)" >&2; exit 2 ;;
    esac
done

echo
echo "== summary"
for s in "${summaries[@]}"; do echo "$s"; done
echo "total: $total_pass passed, $total_fail failed"
exit $status
