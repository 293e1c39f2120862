# Sourced by the other scripts: the PATH and variables every build needs.
# Host builds (tests, the CLI) use the rustup toolchain in their own target
# dir; wasm builds use whichever wasm32 route set-up found (see setup.sh).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export HOST_TARGET_DIR="$ROOT/target/host"
# Set-up writes this file only when rustup could not add the wasm32 target
# and Debian's toolchain builds std from source instead.
WASM_ENV_FILE="$ROOT/target/wasm-toolchain.env"

# Runs a command with the environment of the wasm toolchain.
wasm_env() {
    if [ -f "$WASM_ENV_FILE" ]; then
        ( set -a; . "$WASM_ENV_FILE"; set +a; "$@" )
    else
        "$@"
    fi
}
