#!/usr/bin/env bash
# Mutation testing of the model with cargo-mutants: each mutant is one
# small change to src/model (an operator flipped, a function returning a
# constant); a mutant the host tests let through ("missed") is a figure no
# test pins down. Slow, so never part of `make test`.
#   scripts/mutants.sh                          every file of src/model
#   scripts/mutants.sh src/model/summary.rs …   those files only (any
#                                               file of the pure core, src/ui too)
# MUTANTS_JOBS (default 1) mutants build and test at once; MUTANTS_ARGS
# adds cargo-mutants options. Results land in mutants.out/ (not in git).
set -euo pipefail
. "$(dirname "$0")/env.sh"
. "$(dirname "$0")/versions.sh"
cd "$ROOT"

if ! cargo mutants --version 2>/dev/null | grep -qx "cargo-mutants $CARGO_MUTANTS_VERSION"; then
    echo "Installing cargo-mutants $CARGO_MUTANTS_VERSION (several minutes, once)"
    cargo install --locked cargo-mutants --version "$CARGO_MUTANTS_VERSION"
fi

files=("$@")
[ ${#files[@]} -eq 0 ] && files=(src/model/*.rs)
args=()
for f in "${files[@]}"; do args+=(--file "$f"); done

# The model's own host tests and the pure UI core's (ui_*.rs and the lib's
# unit tests): the codec's tests (link.rs, files.rs and the lib's codec::
# unit tests, one of which takes over a minute in a debug build) add
# minutes per mutant and test the model only through the codec. When every
# file is in src/ui, only the tests that use src/ui run (the lib's and
# ui_*.rs; no other test or binary reaches it), which halves each mutant's
# build. No debug info, to shorten each mutant's build.
ui_tests=(--lib --test ui_state --test ui_keeper --test ui_room --test ui_workshop --test ui_uncertainty)
tests=(--bins --test sections --test validation --test properties --test golden --test cli
       --test review --test french --test shape --test v2 --test seek --test uncertainty "${ui_tests[@]}")
only_ui=1
for f in "${files[@]}"; do [[ "$f" == src/ui/* ]] || only_ui=0; done
[ "$only_ui" = 1 ] && tests=("${ui_tests[@]}")
# shellcheck disable=SC2086
CARGO_PROFILE_DEV_DEBUG=0 cargo mutants --test-tool cargo --jobs "${MUTANTS_JOBS:-1}" \
    --minimum-test-timeout 120 "${args[@]}" ${MUTANTS_ARGS:-} \
    -- "${tests[@]}" -- --skip codec::
