#!/usr/bin/env bash
# The release build: dist/ with the wasm optimised by wasm-opt -Oz.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
wasm_env trunk build --release --locked "$@"
