#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm32), native tests, wasm-bindgen-test in
# headless Chromium, and the browser end-to-end tests against the optimised release build.
# Installs what it needs first (scripts/setup.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
started=$SECONDS
bash scripts/setup.sh
# Test output is also kept here, to count what ran for the summary line at the end.
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

step() { say "$1 ($((SECONDS - started)) s)"; }

step "cargo fmt --check"
cargo fmt --all -- --check || die "formatting differs; run: cargo fmt --all"

step "clippy, native"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "clippy, wasm32"
with_wasm_env cargo clippy -p plan-compare -p plan-sort -p plan-model -p plan-extract -p plan-analysis -p plan-library -p plan-import --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "native tests"
cargo test --workspace --quiet 2>&1 | tee -a "$results"

step "wasm-bindgen-test in headless Chromium"
# webdriver.json (repository root) gives ChromeDriver the Chromium flags this machine needs.
with_wasm_env env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$CHROMEDRIVER_BIN" WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test -p plan-compare --target wasm32-unknown-unknown --test web 2>&1 | tee -a "$results"

step "release build (trunk, wasm-opt -Oz)"
bash scripts/build.sh

step "synthetic plan generator (tests/e2e/storage.test.mjs imports hundreds of plans)"
cargo build --quiet --release -p plan-synth --bin plan-synth

step "browser end-to-end tests (Playwright on Chromium, release build)"
bindgen_dir="$CARGO_TARGET_DIR"
[ "$(wasm_mode)" = debian ] && bindgen_dir="$CARGO_TARGET_DIR/debian-wasm"
PLAN_COMPARE_BINDGEN_WASM="$bindgen_dir/wasm-bindgen/release/plan-compare_bg.wasm" \
  PLAN_SYNTH_BIN="$CARGO_TARGET_DIR/release/plan-synth" \
  node --test --test-concurrency=1 tests/e2e/ 2>&1 | tee -a "$results"

passed=$(sed -nE 's/^test result: ok\. ([0-9]+) passed.*/\1/p; s/^# pass ([0-9]+)$/\1/p' "$results" | awk '{ n += $1 } END { print n + 0 }')
step "all tests passed in $((SECONDS - started)) s"
echo "$passed passed, 0 failed"
