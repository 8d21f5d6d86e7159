#!/usr/bin/env bash
# How costs grow from 5 to 100 to 1,000 plans (issue "1,000 plans without slowing down").
# Not a test: numbers to read, on a noisy machine. See docs/synthetic-plans.md.
#
# 1. Natively (crates/plan-synth/examples/bench_scale.rs, one process per size so that each peak
#    RSS is its own): the five bundled seeds, then 100 and 1,000 synthetic plans (plan-synth,
#    seed 1). Each size runs BENCH_RUNS times (default 3); times are the best run, sizes are exact.
#    Prints a table: one row per measure, columns 5 / 100 / 1,000 and the growth factors.
# 2. In headless Chromium (scripts/bench-scale-browser.mjs) against the release build: 100 and
#    1,000 synthetic plans imported through "Import workspace file", beside the five seeds.
#
# Usage: bash scripts/bench-scale.sh [--native-only] [--no-build]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

native_only=no
build=yes
for arg in "$@"; do
  case "$arg" in
    --native-only) native_only=yes ;;
    --no-build) build=no ;;
    *) die "unknown argument $arg (usage: bash scripts/bench-scale.sh [--native-only] [--no-build])" ;;
  esac
done
runs="${BENCH_RUNS:-3}"
seed="${BENCH_SEED:-1}"
work="$(mktemp -d "${TMPDIR:-/tmp}/plan-compare-scale.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say "building the native benchmark and the generator"
cargo build --quiet --release -p plan-synth --example bench_scale --bin plan-synth
bench="$CARGO_TARGET_DIR/release/examples/bench_scale"
synth="$CARGO_TARGET_DIR/release/plan-synth"

for size in seeds 100 1000; do
  for run in $(seq 1 "$runs"); do
    say "native: $size plans, run $run of $runs"
    "$bench" "$size" "$seed" > "$work/native-$size-$run.tsv"
  done
done

# Best of the runs per measure (times vary with the machine's load; counts and sizes do not).
best() {
  awk -F'\t' '{ if (!($1 in v) || $2 < v[$1]) v[$1] = $2; u[$1] = $3; l[$1] = $4; if (!($1 in o)) o[$1] = NR }
    END { for (k in v) printf "%d\t%s\t%s\t%s\t%s\n", o[k], k, v[k], u[k], l[k] }' "$@" | sort -n | cut -f2-
}
best "$work"/native-seeds-*.tsv > "$work/seeds.tsv"
best "$work"/native-100-*.tsv > "$work/100.tsv"
best "$work"/native-1000-*.tsv > "$work/1000.tsv"

echo
echo "Native (release build; best of $runs runs; 5 = the bundled seeds, 100 and 1,000 = synthetic, seed $seed)"
awk -F'\t' '
  FNR == 1 { file++ }
  { key = $1; val[file, key] = $2; unit[key] = $3; label[key] = $4; if (file == 1) order[++n] = key }
  END {
    printf "%-58s %10s %10s %10s %8s %8s\n", "measure", "5", "100", "1,000", "x100/5", "x1000/100"
    for (i = 1; i <= n; i++) {
      k = order[i]; a = val[1, k]; b = val[2, k]; c = val[3, k]
      name = label[k] (unit[k] != "" ? " (" unit[k] ")" : "")
      g1 = (a > 0) ? sprintf("%.1f", b / a) : "-"; g2 = (b > 0) ? sprintf("%.1f", c / b) : "-"
      fmt = (a >= 100 || b >= 100 || c >= 100) ? "%10.0f" : "%10.2f"
      printf "%-58s " fmt " " fmt " " fmt " %8s %8s\n", name, a, b, c, g1, g2
    }
    print "(plan count grows x20 then x10: a measure that grows linearly shows 20 and 10)"
  }' "$work/seeds.tsv" "$work/100.tsv" "$work/1000.tsv" | tee "$work/native-table.txt"

[ "$native_only" = yes ] && exit 0

echo
say "writing the synthetic workspace files"
"$synth" --count 100 --seed "$seed" --workspace "$work/synthetic-100.json"
"$synth" --count 1000 --seed "$seed" --workspace "$work/synthetic-1000.json"
if [ "$build" = yes ]; then
  bash scripts/build.sh
fi
[ -f dist/index.html ] || die "dist/ is empty; run: bash scripts/build.sh"
node scripts/bench-scale-browser.mjs "$work/synthetic-100.json" "$work/synthetic-1000.json"
