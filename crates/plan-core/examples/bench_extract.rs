//! Native extraction timing, for `scripts/bench.sh`: extracts the five seeds repeatedly and prints
//! the median and the best time per full extraction.

use std::time::Instant;

fn main() {
    let runs = 200;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let plans = plan_core::extract_seeds();
            std::hint::black_box(&plans);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let plans = plan_core::extract_seeds();
    let items: usize = plans.iter().map(|p| p.items.len()).sum();
    let figures: usize = plans.iter().map(|p| p.figures.len()).sum();
    println!(
        "native extraction of {} seeds ({items} items, {figures} figures): median {:.2} ms, best {:.2} ms over {runs} runs",
        plans.len(),
        times[runs / 2],
        times[0]
    );
}
