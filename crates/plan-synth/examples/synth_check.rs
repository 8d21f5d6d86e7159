//! How the extractor reads synthetic plans: per-plan checks summed over a set, and the plans that
//! fail one, so that a change to the generator (or the extractor) can be judged at a glance.
//!
//! `cargo run --release -p plan-synth --example synth_check -- [COUNT] [SEED]`

use plan_model::{FigureKind, ItemKind, Role};

fn main() {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let plans = plan_synth::generate(count, seed);
    let mut checks: Vec<(&str, usize, Vec<String>)> = [
        "outline",
        "goal item with a year",
        "target with a metric",
        "title from the text",
        "issuer",
        "issue date",
        "period",
        "province placed",
        "no unknown-department diagnostic",
    ]
    .into_iter()
    .map(|n| (n, 0, Vec::new()))
    .collect();
    let (mut leads, mut lead_known) = (0, 0);
    let mut unknown: std::collections::BTreeMap<String, usize> = Default::default();
    let (mut items, mut figures) = (0, 0);
    for synth in &plans {
        let plan = plan_extract::extract_plan(&synth.file_name, &synth.text);
        items += plan.items.len();
        figures += plan.figures.len();
        let results = [
            !plan.outline.is_empty(),
            plan.items
                .iter()
                .any(|i| i.kind == ItemKind::Goal && i.target_year.is_some()),
            plan.figures
                .iter()
                .any(|f| f.kind == FigureKind::Target && f.metric.is_some()),
            !plan.title.curated && plan.title.text.contains("人工智能"),
            plan.issuer.is_some(),
            plan.issue_date.year.is_some(),
            plan.period.as_ref().is_some_and(|p| p.end.is_some()),
            plan.city.is_some_and(|c| c.province_zh == synth.province),
            !plan
                .diagnostics
                .iter()
                .any(|d| d.code.key() == "unknown-department"),
        ];
        for (check, ok) in checks.iter_mut().zip(results) {
            if ok {
                check.1 += 1;
            } else if check.2.len() < 5 {
                check.2.push(synth.file_name.clone());
            }
        }
        for d in plan.items.iter().flat_map(|i| &i.departments) {
            if d.role == Role::Lead {
                leads += 1;
                if d.canonical.is_some() {
                    lead_known += 1;
                }
            }
            if d.canonical.is_none() {
                *unknown.entry(d.raw.clone()).or_default() += 1;
            }
        }
    }
    println!("{count} synthetic plans (seed {seed}): {items} items, {figures} figures");
    for (name, ok, failing) in &checks {
        println!("{name:<36} {ok:>5}/{count}  {}", failing.join(" "));
    }
    println!(
        "lead departments with a canonical key: {lead_known}/{leads} ({:.1}%)",
        100.0 * lead_known as f64 / leads.max(1) as f64
    );
    let mut unknown: Vec<_> = unknown.into_iter().collect();
    unknown.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    println!("names without a canonical key (most frequent):");
    for (name, n) in unknown.iter().take(15) {
        println!("  {n:>6} {name}");
    }
}
