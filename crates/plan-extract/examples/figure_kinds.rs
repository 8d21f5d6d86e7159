//! Prints every figure of the bundled plans (or of the files given) with its kind, rule,
//! confidence, measure and what it counts: the review sheet for the target model.

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let plans = if files.is_empty() {
        plan_extract::extract_seeds()
    } else {
        files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).unwrap_or_default();
                plan_extract::extract_plan(f, &text)
            })
            .collect()
    };
    for plan in &plans {
        println!("== {}", plan.id);
        for f in &plan.figures {
            println!(
                "{:<10} {:<22} {:<7} {:<6} {:<12} {:<24} {:?} cue={:?} counted={:?} base={:?}",
                f.kind.key(),
                f.kind_rule.key(),
                f.confidence.key(),
                f.measure.key(),
                f.raw,
                f.metric.unwrap_or("-"),
                f.year,
                f.kind_cue,
                f.counted,
                f.baseline.as_ref().map(|b| (b.value, b.year)),
            );
        }
    }
}
