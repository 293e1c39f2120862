#!/usr/bin/env bash
# The release build: dist/ with the wasm optimised by wasm-opt -Oz, the
# first load's scripts minified (scripts/minify.mjs), then the first view
# drawn into the page (scripts/first-view.mjs) and the page's Content
# Security Policy (scripts/strict-page.mjs).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
wasm_env trunk build --release --locked "$@"
node scripts/minify.mjs dist >/dev/null
node scripts/first-view.mjs dist >/dev/null
node scripts/strict-page.mjs dist/index.html >/dev/null
