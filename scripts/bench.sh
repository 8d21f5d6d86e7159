#!/usr/bin/env bash
# Benchmarks of the release build (not tests: these machines are noisy; see docs/benchmarks.md):
# - size: every file in dist/ raw, gzip -9 and brotli -q 11, and what a first visit transfers;
# - speed: native extraction, and in headless Chromium first paint, the first view painted,
#   interactive, in-browser extraction and the work of each search keystroke (bench-browser.mjs);
# - the timeline's first draw beside TimelineJS3 3.9.11 with the same events (bench-timeline.mjs);
# - Lighthouse desktop scores of every view (bench-lighthouse.mjs).
# Usage: bash scripts/bench.sh [--no-build] [--check]
#   --no-build  use dist/ as it is
#   --check     then print every figure beside its budget (below), PASS/FAIL, and exit 1 if any
#               budget is missed (a figure that cannot be measured here is SKIPPED, with why)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Budgets of the issue "Fast at any size": the one place they are kept.
# figure                    test limit unit   what
BUDGETS='
first_visit_brotli          <=   150 KB     first visit: page + CSS + script + wasm (data inside), brotli
first_view_painted          <=   100 ms     first view painted (largest contentful paint), Chromium
interactive                 <=   300 ms     interactive (app mounted, main thread free), Chromium
keystroke_p95               <=    16 ms     search keystroke, filter + facets + redraw, p95
extract_at_startup          <=    20 ms     in-browser extraction of the seeds at start-up
timeline_ratio              >=     2 x      timeline drawn: TimelineJS3 3.9.11 / ours (medians)
lighthouse_performance      >=  1.00 score  Lighthouse desktop performance
lighthouse_accessibility    >=  1.00 score  Lighthouse desktop accessibility
lighthouse_best_practices   >=  1.00 score  Lighthouse desktop best practices
lighthouse_seo              >=  1.00 score  Lighthouse desktop SEO
scale_startup               <=  1500 ms     1,005 plans stored: reload to every plan listed
scale_memory                <=   300 MB     1,005 plans: wasm memory, most through import and every view
scale_keystroke_p95         <=    16 ms     1,005 plans: search keystroke, p95
'

build=1
check=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --check) check=1 ;;
    *) die "unknown option $arg; usage: bash scripts/bench.sh [--no-build] [--check]" ;;
  esac
done
cd "$ROOT"
[ $build = 0 ] || bash scripts/build.sh
command -v brotli >/dev/null || die "brotli not found; run: apt-get install brotli"
[ -f dist/index.html ] || die "dist/ is empty; run: bash scripts/build.sh"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Figures for --check, one a line: "figure[:which] value", value a number in the budget's unit,
# "absent" (not done at all), "failed:<what>" or "skipped:<reason>".
figures="$out/figures"
: > "$figures"

# Files a first visit loads: the page, its stylesheet, first-view.js, the one script (glue and boot)
# and the wasm it fetches. plan-compare.html is the offline single file, downloaded on request only;
# plan-compare.wasm.js is loaded only by a copy of the page opened from disk.
first_visit=(index.html style.css first-view.js plan-compare.bundle.js plan-compare_bg.wasm)
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
budget_kb=$(awk '$1 == "first_visit_brotli" { print $3 }' <<< "$BUDGETS")
if [ "$total_br" -le $((budget_kb * 1024)) ]; then
  echo "first visit: $total_br bytes brotli, within the $budget_kb KB budget"
else
  echo "first visit: $total_br bytes brotli, OVER the $budget_kb KB budget ($((budget_kb * 1024)) bytes)"
fi
echo "first_visit_brotli $(awk -v b="$total_br" 'BEGIN { printf "%.1f", b / 1024 }')" >> "$figures"

echo
cargo run --quiet --release -p plan-analysis --example bench_extract
# A script that fails leaves its figures out: --check then reports them as not measured.
node scripts/bench-browser.mjs --json "$out/browser.json" || echo "bench-browser.mjs failed (exit $?)"
node scripts/bench-timeline.mjs --json "$out/timeline.json" || echo "bench-timeline.mjs failed (exit $?)"
node scripts/bench-lighthouse.mjs --json "$out/lighthouse.json" || echo "bench-lighthouse.mjs failed (exit $?)"
# 1,000 synthetic plans (crates/plan-synth, seed 1) imported beside the five built-in ones.
cargo build --quiet --release -p plan-synth --bin plan-synth
"$CARGO_TARGET_DIR/release/plan-synth" --count 1000 --seed 1 --workspace "$out/synthetic-1000.json"
node scripts/bench-scale-browser.mjs --json "$out/scale.json" "$out/synthetic-1000.json" || echo "bench-scale-browser.mjs failed (exit $?)"
[ $check = 1 ] || exit 0

# The scripts' JSON as figure lines.
node - "$out" >> "$figures" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const read = (name) => { try { return JSON.parse(fs.readFileSync(`${dir}/${name}`, 'utf8')); } catch { return null; } };
const b = read('browser.json');
if (b) {
  console.log(`first_view_painted ${b.firstViewPainted}`);
  console.log(`interactive ${b.controlsRespond ? b.interactive : 'failed:the language switch did not respond'}`);
  console.log(`keystroke_p95 ${b.keystrokeP95}`);
  console.log(`extract_at_startup ${b.extractAtStartUp === null ? 'absent' : b.extractAtStartUp}`);
}
const s = read('scale.json');
if (s) {
  console.log(`scale_startup ${s.startupAllPlans ?? 'failed:the stored plans did not all come back'}`);
  console.log(`scale_memory ${s.wasmMemoryMaxMB ?? 'failed:not measured'}`);
  console.log(`scale_keystroke_p95 ${s.keystrokeP95 ?? 'failed:Explore did not draw'}`);
}
const t = read('timeline.json');
if (t) console.log(`timeline_ratio ${t.ratio}`);
const l = read('lighthouse.json');
const categories = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best_practices', seo: 'seo' };
for (const [category, key] of Object.entries(categories)) {
  if (l?.skipped) console.log(`lighthouse_${key} skipped:${l.skipped}`);
  // As Lighthouse shows it: round(score × 100), here divided by 100.
  else if (l) for (const [view, scores] of Object.entries(l.views)) console.log(`lighthouse_${key}:${view} ${Math.round(scores[category] * 100) / 100}`);
}
JS

echo
echo "Budgets (bash scripts/bench.sh --check; docs/benchmarks.md says what each figure means):"
failed=0; skipped=0
while read -r key test limit unit what; do
  [ -n "$key" ] || continue
  lines=$(awk -v k="$key" '{ split($1, p, ":"); if (p[1] == k) print }' "$figures")
  [ -n "$lines" ] || lines="$key notmeasured"
  while read -r name value; do
    which=""; [[ "$name" == *:* ]] && which=" #view=${name#*:}"
    label="$what$which"
    budget="$test $limit $unit"
    case "$value" in
      absent)
        shown="not at start-up"; status=PASS ;;
      skipped:*)
        printf '%-8s %-72s %s\n' SKIPPED "$label" "(${value#skipped:})"
        skipped=$((skipped + 1)); continue ;;
      failed:*)
        shown="${value#failed:}"; status=FAIL ;;
      notmeasured)
        shown="not measured (see above)"; status=FAIL ;;
      *)
        case "$unit" in
          KB|ms|MB) shown=$(awk -v v="$value" -v u="$unit" 'BEGIN { printf "%.1f %s", v, u }') ;;
          x) shown=$(awk -v v="$value" 'BEGIN { printf "%.2f x", v }') ;;
          *) shown=$(awk -v v="$value" 'BEGIN { printf "%.2f", v }') ;;
        esac
        if awk -v v="$value" -v l="$limit" -v t="$test" 'BEGIN { exit !((t == "<=") ? v <= l : v >= l) }'; then
          status=PASS
        else
          status=FAIL
        fi ;;
    esac
    [ "$status" = PASS ] || failed=$((failed + 1))
    printf '%-8s %-72s %-22s budget %s\n' "$status" "$label" "$shown" "$budget"
  done <<< "$lines"
done <<< "$BUDGETS"
note=""; [ $skipped = 0 ] || note=" ($skipped skipped)"
if [ $failed -gt 0 ]; then
  echo "check: FAIL, $failed budget(s) missed$note"
  exit 1
fi
echo "check: PASS, every budget met$note"
