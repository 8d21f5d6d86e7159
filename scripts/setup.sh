#!/usr/bin/env bash
# Installs what building and testing need, and nothing that is already there. Idempotent: a second
# run only checks. Works on an ordinary machine with rustup and internet, and on a Debian 12 machine
# whose rustup cannot download the wasm32 target (then it uses Debian's rustc-web and build-std; see
# shared notes/wasm-toolchain.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
mkdir -p "$TOOLS/bin"
started=$SECONDS
# --serve: only what building and serving need (Chromium, which the build uses, but no driver).
for_serve=0
[ "${1:-}" = --serve ] && for_serve=1

need() { command -v "$1" >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  need apt-get || die "missing $*; install it with your system's package manager (on Debian: apt-get install $*)"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ $apt_updated = 0 ]; then
    say "apt-get update"
    $sudo apt-get update -qq || die "apt-get update failed; fix the package sources, then run: apt-get install $*"
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null \
    || die "could not install $*; run: apt-get install $*"
}

# 1. Rust for the host.
need cargo || die "cargo not found; install Rust with rustup (https://rustup.rs) or: apt-get install cargo"
if need rustup; then
  for component in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component" \
      || die "rustup could not add $component; run: rustup component add $component"
  done
fi

# 2. The wasm32 toolchain: rustup's target where it can be had, otherwise Debian's recipe.
if [ "${PLAN_COMPARE_WASM_TOOLCHAIN:-}" = debian ]; then
  mode=debian
elif need rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  mode=rustup
elif need rustup && timeout 300 rustup target add wasm32-unknown-unknown >&2; then
  mode=rustup
else
  mode=debian
fi
if [ "$mode" = debian ]; then
  say "wasm32 via Debian's rustc-web and build-std"
  missing=()
  # Leptos 0.8 needs rustc >= 1.88; Debian's plain rustc package is older than that.
  minor="$(/usr/bin/rustc --version 2>/dev/null | sed -nE 's/^rustc 1\.([0-9]+).*/\1/p')"
  [ "${minor:-0}" -ge 88 ] || missing+=(rustc-web cargo-web)
  [ -d /usr/lib/rustlib/src/rust/library ] || missing+=(rust-web-src)
  [ -e /usr/bin/rust-lld ] && [ -e "$(readlink -f /usr/bin/rust-lld)" ] || missing+=(lld-22)
  [ -x /usr/bin/cargo-clippy ] || [ -x /usr/bin/clippy-driver ] || missing+=(rust-web-clippy)
  [ ${#missing[@]} = 0 ] || apt_install "${missing[@]}"
fi
echo "$mode" > "$CACHE/wasm-mode"

# 3. Host tools, built once into the cache. Fat LTO is switched off: it made Trunk take 12 minutes.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --quiet --root "$TOOLS" "$@" \
    || die "cargo install $* failed; run it by hand to see why: cargo install --root $TOOLS $*"
}
bindgen_version="$(wasm_bindgen_version)"
[ -n "$bindgen_version" ] || die "no wasm-bindgen in Cargo.lock; run: cargo generate-lockfile"
if ! "$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | grep -qF " $bindgen_version"; then
  say "installing wasm-bindgen-cli $bindgen_version (about 5 minutes)"
  # Not --locked: one locked transitive version is missing from the registry mirror.
  fast_install wasm-bindgen-cli --version "=$bindgen_version" --force
fi
grep -qF "wasm_bindgen = \"$bindgen_version\"" "$ROOT/Trunk.toml" \
  || die "Trunk.toml [tools] wasm_bindgen must be \"$bindgen_version\" (the version in Cargo.lock)"
if ! "$TOOLS/bin/trunk" --version 2>/dev/null | grep -qF " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (several minutes)"
  # --locked: a newer transitive crate breaks its build; 0.22 needs a newer rustc than ours.
  fast_install trunk --version "=$TRUNK_VERSION" --locked --force
fi

# 4. Node test dependencies (playwright-core, axe-core) and wasm-opt from npm's binaryen, which
# produces working output; Debian's binaryen 108 silently breaks the build.
need node && need npm || apt_install nodejs npm
if ! ( cd "$ROOT" && [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json node_modules/.package-lock.json.src 2>/dev/null ); then
  say "npm ci"
  ( cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2 && cp package-lock.json node_modules/.package-lock.json.src ) \
    || die "npm ci failed; run: npm ci"
fi
wasm-opt --version 2>/dev/null | grep -q 'version 132' || die "wasm-opt 132 not found in node_modules; run: npm ci"

# 5. Chromium for the build (scripts/prerender.mjs) and the browser tests; ChromeDriver for the
# tests; brotli for the size report; a Chinese font for the tests and benchmarks. Every reader of
# the app has one: without it Chromium searches its fallback fonts for every Chinese character and
# then draws boxes, so the layout tests would not see the text as a reader does, and the
# benchmarks would time that search (measured 2026-12-04: text shaping per search keystroke 6 ms
# without a Chinese font, 3 ms with Noto CJK).
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if [ $for_serve = 0 ]; then
  [ -x "$CHROMEDRIVER_BIN" ] || missing+=(chromium-driver)
  need brotli || missing+=(brotli)
  fc-list :lang=zh family 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} = 0 ] || apt_install "${missing[@]}"

say "setup done in $((SECONDS - started)) s (wasm toolchain: $mode; cache: $CACHE)"
