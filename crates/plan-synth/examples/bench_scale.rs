//! Native costs of one plan set, for `scripts/bench-scale.sh` (which runs this once per size, so
//! that each process's peak memory is its own): extraction, the heap the extracted plans hold,
//! Explore's filter and facets per keystroke (scanning every item, and through the search index),
//! Compare's and Timeline's computations over every plan
//! (the views' default selection), and the workspace file written and read back.
//!
//! `cargo run --release -p plan-synth --example bench_scale -- seeds|COUNT [SEED]`
//!
//! Prints one `key<TAB>value<TAB>unit<TAB>label` line per measure. Not a test: numbers to read.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use plan_analysis::query::{departments_in_use, facets, filter_items, search_terms, Filter};
use plan_analysis::search::SearchIndex;
use plan_model::Plan;

/// The system allocator, counting the bytes live: what the extracted plans hold, exactly.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A line of `/proc/self/status` in kB (VmHWM: peak resident set; VmRSS: now).
fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Median milliseconds of `runs` calls of `f`.
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn out(key: &str, value: f64, unit: &str, label: &str) {
    println!("{key}\t{value:.3}\t{unit}\t{label}");
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "seeds".into());
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);

    // The texts: the five bundled seeds, or COUNT synthetic plans.
    let texts: Vec<(String, String)> = if which == "seeds" {
        plan_extract::seeds::SEEDS
            .iter()
            .map(|s| (s.source.to_string(), s.text.to_string()))
            .collect()
    } else {
        let count: usize = which.parse().expect("seeds or a count");
        plan_synth::generate(count, seed)
            .into_iter()
            .map(|p| (p.file_name, p.text))
            .collect()
    };
    let n = texts.len();
    let text_bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    out("plans", n as f64, "", "plans");
    out(
        "text_kb",
        text_bytes as f64 / 1024.0,
        "KB",
        "source text (UTF-8)",
    );

    // Extraction: the first run is measured for memory and kept; more runs for the time.
    let rss_before = status_kb("VmRSS:").unwrap_or(0);
    let live_before = LIVE.load(Ordering::Relaxed);
    let start = Instant::now();
    let plans: Vec<Plan> = texts
        .iter()
        .map(|(name, text)| plan_extract::extract_plan(name, text))
        .collect();
    let first = start.elapsed().as_secs_f64() * 1000.0;
    let heap = LIVE.load(Ordering::Relaxed) - live_before;
    let hwm_extracted = status_kb("VmHWM:").unwrap_or(0);
    let runs = (2000 / n).clamp(3, 50);
    let extract = median_ms(runs, || {
        texts
            .iter()
            .map(|(name, text)| plan_extract::extract_plan(name, text))
            .collect::<Vec<Plan>>()
    })
    .min(first);
    let items: usize = plans.iter().map(|p| p.items.len()).sum();
    let figures: usize = plans.iter().map(|p| p.figures.len()).sum();
    let headings: usize = plans.iter().map(|p| p.outline.len()).sum();
    out("items", items as f64, "", "items extracted");
    out("figures", figures as f64, "", "figures extracted");
    out("headings", headings as f64, "", "headings extracted");
    out("extract_ms", extract, "ms", "extraction, all plans");
    out(
        "extract_per_plan_ms",
        extract / n as f64,
        "ms",
        "extraction per plan",
    );
    out(
        "heap_mb",
        heap as f64 / 1048576.0,
        "MB",
        "heap held by the extracted plans (counted)",
    );
    out(
        "heap_per_text",
        heap as f64 / text_bytes as f64,
        "x",
        "heap ÷ source text bytes",
    );
    out(
        "rss_extracted_mb",
        hwm_extracted.saturating_sub(rss_before) as f64 / 1024.0,
        "MB",
        "peak RSS growth through extraction (VmHWM)",
    );

    // Explore: every prefix of a few queries, typed one character at a time; by the scan of every
    // item, and by the search index (built first, once, as the app does per plan set).
    let live_before_index = LIVE.load(Ordering::Relaxed);
    let start = Instant::now();
    let index = SearchIndex::new(&plans);
    let index_build = start.elapsed().as_secs_f64() * 1000.0;
    let index_heap = LIVE.load(Ordering::Relaxed) - live_before_index;
    out(
        "index_build_ms",
        median_ms(3, || SearchIndex::new(&plans)).min(index_build),
        "ms",
        "search index built (once per plan set)",
    );
    out(
        "index_heap_mb",
        index_heap as f64 / 1048576.0,
        "MB",
        "heap held by the search index (counted)",
    );
    let all: Vec<usize> = (0..n).collect();
    let reps = (200 / n).clamp(1, 20);
    let typed: Vec<Filter> = ["机器人", "数据", "智能制造", "人才", "2025"]
        .iter()
        .flat_map(|query| {
            let chars: Vec<char> = query.chars().collect();
            (1..=chars.len()).map(move |k| Filter {
                terms: search_terms(&chars[..k].iter().collect::<String>()),
                ..Default::default()
            })
        })
        .collect();
    let keystrokes = |label: &str, mut run: Box<dyn FnMut(&Filter) -> usize + '_>| {
        let mut times: Vec<f64> = typed
            .iter()
            .map(|filter| median_ms(reps, || run(filter)))
            .collect();
        times.sort_by(f64::total_cmp);
        let at =
            |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
        out(
            &format!("{label}_median_ms"),
            at(0.5),
            "ms",
            &format!("filter + facets per keystroke, {label}, median"),
        );
        out(
            &format!("{label}_p95_ms"),
            at(0.95),
            "ms",
            &format!("filter + facets per keystroke, {label}, p95"),
        );
        out(
            &format!("{label}_max_ms"),
            at(1.0),
            "ms",
            &format!("filter + facets per keystroke, {label}, max"),
        );
    };
    keystrokes(
        "scan",
        Box::new(|filter| filter_items(&plans, filter).len() + facets(&plans, filter).kinds.len()),
    );
    keystrokes(
        "indexed",
        Box::new(|filter| {
            let found = index.search(&plans, filter);
            found.items.len() + found.facets.kinds.len()
        }),
    );
    let matches = filter_items(
        &plans,
        &Filter {
            terms: search_terms("数据"),
            ..Default::default()
        },
    )
    .len();
    out("hits_data", matches as f64, "", "items matching 数据");
    let unfiltered = median_ms(reps, || {
        (
            filter_items(&plans, &Filter::default()),
            facets(&plans, &Filter::default()),
        )
    });
    out(
        "unfiltered_ms",
        unfiltered,
        "ms",
        "filter + facets, no query (Explore's first render), scan",
    );
    out(
        "unfiltered_indexed_ms",
        median_ms(reps, || index.search(&plans, &Filter::default())),
        "ms",
        "filter + facets, no query, indexed",
    );
    out(
        "departments_in_use_ms",
        median_ms(reps, || departments_in_use(&plans)),
        "ms",
        "departments in use (Explore's facet list)",
    );

    // Compare and Timeline over every plan (the default selection).
    let matrix = plan_analysis::compare::metric_matrix(&plans, &all, true);
    out(
        "metric_matrix_ms",
        median_ms(reps, || {
            plan_analysis::compare::metric_matrix(&plans, &all, true)
        }),
        "ms",
        "compare::metric_matrix (goals + reported rows)",
    );
    out(
        "matrix_cells",
        matrix.iter().map(|r| r.cells.len()).sum::<usize>() as f64,
        "",
        "matrix cells (rows × plans)",
    );
    out(
        "yearly_ms",
        median_ms(1, || {
            let mut readings = 0;
            for row in &matrix {
                for cell in &row.cells {
                    for &f in &cell.figures {
                        black_box(plan_analysis::compare::yearly(&plans, cell.plan, f));
                        readings += 1;
                    }
                }
            }
            readings
        }),
        "ms",
        "compare::yearly for every figure in the matrix",
    );
    out(
        "yearly_indexed_ms",
        median_ms(1, || {
            // The place index is built inside: once per plan set, as a view would.
            let places = plan_analysis::history::PlaceIndex::new(&plans);
            let mut readings = 0;
            for row in &matrix {
                for cell in &row.cells {
                    for &f in &cell.figures {
                        black_box(plan_analysis::compare::yearly_in(
                            &plans, &places, cell.plan, f,
                        ));
                        readings += 1;
                    }
                }
            }
            readings
        }),
        "ms",
        "compare::yearly_in for every figure (place index built)",
    );
    out(
        "compare_tables_ms",
        median_ms(reps, || {
            (
                plan_analysis::compare::sector_heatmap(&plans, &all),
                plan_analysis::compare::department_matrix(&plans, &all),
                plan_analysis::support::support_measures(&plans, &all),
                plan_analysis::rollup::rollup(&plans, &all),
                plan_analysis::history::place_histories(&plans, &all),
            )
        }),
        "ms",
        "sector, department, support, roll-up and place tables",
    );
    out(
        "timeline_ms",
        median_ms(reps, || {
            plan_analysis::geometry::timeline_lanes(&plans, &all)
        }),
        "ms",
        "geometry::timeline_lanes",
    );

    // The workspace file: written (as "Export workspace file" and the browser store do) and read
    // back and merged beside the seeds (as "Import workspace file" does).
    let docs: Vec<plan_library::ImportedDoc> = texts
        .iter()
        .map(|(name, text)| plan_library::ImportedDoc {
            id: plan_model::plan_id(name),
            file_name: name.clone(),
            added: "2026-01-01T00:00:00Z".into(),
            hash: plan_library::content_hash(text),
            text: text.clone(),
        })
        .collect();
    let json = plan_library::workspace_json(&docs);
    out(
        "workspace_kb",
        json.len() as f64 / 1024.0,
        "KB",
        "workspace JSON size",
    );
    out(
        "workspace_write_ms",
        median_ms(reps, || plan_library::workspace_json(&docs)),
        "ms",
        "workspace JSON written",
    );
    out(
        "workspace_read_ms",
        median_ms(reps, || plan_library::parse_workspace(&json)),
        "ms",
        "workspace JSON parsed (hashes recomputed)",
    );
    let taken: Vec<&str> = plan_extract::seeds::SEEDS
        .iter()
        .map(|s| s.source.trim_end_matches(".txt"))
        .collect();
    out(
        "workspace_merge_ms",
        median_ms(reps, || {
            let incoming = plan_library::parse_workspace(&json).unwrap_or_default();
            plan_library::merge(&[], incoming, &taken)
        }),
        "ms",
        "workspace parsed and merged beside the seeds (import)",
    );
    out(
        "rss_peak_mb",
        status_kb("VmHWM:").unwrap_or(0) as f64 / 1024.0,
        "MB",
        "peak RSS of the whole run (VmHWM)",
    );
    black_box(&plans);
}
