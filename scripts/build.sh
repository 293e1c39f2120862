#!/usr/bin/env bash
# The release build: dist/ with the wasm optimised by wasm-opt -Oz, then the
# page's Content Security Policy (scripts/strict-page.mjs).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
wasm_env trunk build --release --locked "$@"
node scripts/strict-page.mjs dist/index.html >/dev/null
