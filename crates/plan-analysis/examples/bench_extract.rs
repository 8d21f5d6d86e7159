//! Native timings for `scripts/bench.sh`: full extraction of the five seeds, and the work one
//! search keystroke asks of the query code (filter and facet counts).

use std::time::Instant;

fn main() {
    let runs = 200;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let plans = plan_extract::extract_seeds();
            std::hint::black_box(&plans);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let plans = plan_extract::extract_seeds();
    let items: usize = plans.iter().map(|p| p.items.len()).sum();
    let figures: usize = plans.iter().map(|p| p.figures.len()).sum();
    println!(
        "native extraction of {} seeds ({items} items, {figures} figures): median {:.2} ms, best {:.2} ms over {runs} runs",
        plans.len(),
        times[runs / 2],
        times[0]
    );

    // Every prefix of a few queries, as typed one character at a time.
    let queries = ["机器人", "数据", "智能制造", "人才", "2025"];
    let mut per_keystroke: Vec<f64> = Vec::new();
    for query in queries {
        let chars: Vec<char> = query.chars().collect();
        for n in 1..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            let filter = plan_analysis::query::Filter {
                terms: plan_analysis::query::search_terms(&typed),
                ..Default::default()
            };
            let start = Instant::now();
            for _ in 0..20 {
                std::hint::black_box(plan_analysis::query::filter_items(&plans, &filter));
                std::hint::black_box(plan_analysis::query::facets(&plans, &filter));
            }
            per_keystroke.push(start.elapsed().as_secs_f64() * 1000.0 / 20.0);
        }
    }
    per_keystroke.sort_by(f64::total_cmp);
    println!(
        "native filter + facets per keystroke: median {:.3} ms, max {:.3} ms over {} keystrokes",
        per_keystroke[per_keystroke.len() / 2],
        per_keystroke[per_keystroke.len() - 1],
        per_keystroke.len()
    );
}
