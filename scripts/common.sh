# Shared by the project's scripts: where the cache lives and how to run the wasm toolchain.
# Source it; it defines functions and variables and changes nothing on the machine.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tools and build output survive between clones here, so a second run (or CI on the same machine)
# is fast. Override with PLAN_COMPARE_CACHE.
CACHE="${PLAN_COMPARE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/plan-compare}"
TOOLS="$CACHE/tools"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$PATH"
TRUNK_VERSION="0.21.14"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER_BIN="${CHROMEDRIVER:-/usr/bin/chromedriver}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# How this machine builds wasm32, as decided by setup.sh: "rustup" (the target is installed) or
# "debian" (Debian's rustc-web with its std source, built by cargo's build-std).
wasm_mode() {
  cat "$CACHE/wasm-mode" 2>/dev/null || echo unknown
}

# Runs a command with the environment that builds wasm32 on this machine. In debian mode, Debian's
# cargo and rustc come first on PATH and cargo builds std from source; native commands are unaffected
# because only this function sets those variables.
with_wasm_env() {
  case "$(wasm_mode)" in
    rustup) "$@" ;;
    debian)
      env PATH="$TOOLS/bin:$ROOT/node_modules/.bin:/usr/bin:$PATH" \
        RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
        CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
        CARGO_TARGET_DIR="$CARGO_TARGET_DIR/debian-wasm" \
        "$@" ;;
    *) die "the wasm toolchain is not set up; run: bash scripts/setup.sh" ;;
  esac
}
