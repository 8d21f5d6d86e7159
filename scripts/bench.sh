#!/usr/bin/env bash
# Benchmarks of the release build (not tests: numbers to read, not to fail on):
# - size: every file in dist/ raw, gzip -9 and brotli -q 11, and what a first visit transfers;
# - speed: native extraction, and in headless Chromium first paint, in-browser extraction and the
#   work of each search keystroke (performance marks the app sets).
# Usage: bash scripts/bench.sh [--no-build]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
[ "${1:-}" = --no-build ] || bash scripts/build.sh
command -v brotli >/dev/null || die "brotli not found; run: apt-get install brotli"
[ -f dist/index.html ] || die "dist/ is empty; run: bash scripts/build.sh"

# Files a first visit loads: the page, its stylesheet and the one script (glue, wasm and boot).
# plan-compare.html is the offline single file, downloaded on request only.
first_visit=(index.html style.css plan-compare.bundle.js)
printf '%-28s %10s %10s %10s  %s\n' file raw gzip brotli first-visit
total_raw=0; total_gz=0; total_br=0
for file in $(cd dist && find . -type f | sed 's|^\./||' | sort); do
  raw=$(wc -c < "dist/$file")
  gz=$(gzip -9 -c "dist/$file" | wc -c)
  br=$(brotli -q 11 -c "dist/$file" | wc -c)
  loaded=no
  for f in "${first_visit[@]}"; do [ "$f" = "$file" ] && loaded=yes; done
  if [ $loaded = yes ]; then
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  fi
  printf '%-28s %10d %10d %10d  %s\n' "$file" "$raw" "$gz" "$br" "$loaded"
done
printf '%-28s %10d %10d %10d\n' "FIRST VISIT TOTAL" "$total_raw" "$total_gz" "$total_br"
budget=$((120 * 1024))
if [ "$total_br" -le "$budget" ]; then
  echo "first visit: $total_br bytes brotli, within the 120 KB budget"
else
  echo "first visit: $total_br bytes brotli, OVER the 120 KB budget ($budget bytes)"
fi

echo
cargo run --quiet --release -p plan-analysis --example bench_extract
node scripts/bench-browser.mjs
