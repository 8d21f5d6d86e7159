#!/usr/bin/env bash
# Builds the app (release, with the embedded plan data) and serves it at http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
bash scripts/setup.sh --serve
say "building the release bundle into dist/"
bash scripts/build.sh
exec node scripts/static-server.mjs --dir dist --port "${PORT:-8080}"
