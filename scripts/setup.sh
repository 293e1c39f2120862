#!/usr/bin/env bash
# Installs everything the app's build and its three test layers need, on a
# fresh Debian machine with only package registries reachable. Idempotent:
# each step checks first and a second run does no install work and prints
# one line.
set -euo pipefail
. "$(dirname "$0")/env.sh"
. "$ROOT/scripts/versions.sh"
cd "$ROOT"

say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing ${missing[*]} (Debian packages)"
    if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. The wasm32 standard library. rustup is the usual route; when it cannot
#    be reached in time, Debian's rustc-web builds std from source.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target with rustup"
    if ! timeout 300 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
        say "rustup could not add wasm32; using Debian's rustc-web with build-std"
        apt_install rustc-web cargo-web rust-web-src lld-22
        mkdir -p target
        # Debian's cargo must come before rustup's for the wasm build, and
        # the project's wasm-opt before any other.
        cat > "$WASM_ENV_FILE" <<ENV
PATH=$ROOT/node_modules/.bin:/usr/bin:$PATH
RUSTC_BOOTSTRAP=1
CARGO_UNSTABLE_BUILD_STD=std,panic_abort
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld
ENV
    fi
fi
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    rm -f "$WASM_ENV_FILE"
fi

# 2. A browser and its driver, for the component and end-to-end tests.
apt_install chromium chromium-driver

# 3. Trunk and wasm-bindgen at the pinned versions.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "building trunk $TRUNK_VERSION (several minutes, once)"
    cargo install --quiet --locked trunk --version "$TRUNK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Not --locked: its own lock file pins a crate version the registry lacks.
    cargo install --quiet --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 4. npm packages: playwright-core (drives Debian's Chromium; it never
#    downloads a browser) and binaryen's wasm-opt.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

# 5. Every crate, for every platform, so later builds run offline.
cargo fetch --locked --quiet
wasm_env cargo fetch --locked --quiet --target wasm32-unknown-unknown

say "ready"
