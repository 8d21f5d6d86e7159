#!/usr/bin/env bash
# Release build into dist/: trunk build --release (wasm-opt -Oz), then scripts/bundle.mjs, which
# writes the classic-script bundle the page loads and the single-file plan-compare.html, then
# scripts/prerender.mjs, which writes the overview as the app draws it into dist/index.html (in
# headless Chromium, which setup installs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
[ "$(wasm_mode)" != unknown ] && [ -x "$CHROMIUM" ] || bash scripts/setup.sh --serve
with_wasm_env trunk build --release --offline --quiet "$@"
node scripts/bundle.mjs
node scripts/prerender.mjs
