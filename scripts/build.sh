#!/usr/bin/env bash
# Release build into dist/: trunk build --release, which optimises the wasm with wasm-opt -Oz.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
[ "$(wasm_mode)" != unknown ] || bash scripts/setup.sh --serve
with_wasm_env trunk build --release --offline --quiet "$@"
