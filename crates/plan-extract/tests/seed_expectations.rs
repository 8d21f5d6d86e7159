//! Each seed against its expectations in `tests/expectations/<seed>.toml` (see the README there).
#![cfg(not(target_arch = "wasm32"))]

use plan_extract::seeds::SEEDS;
use plan_model::{Plan, Role};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    source: String,
    city: String,
    province: String,
    level: String,
    title: String,
    title_curated: bool,
    doc_number: String,
    issuer: String,
    issue_date: String,
    issue_date_precision: String,
    period: [u16; 2],
    kind: String,
    status: String,
    valid_until: String,
    comment_deadline: String,
    truncated: bool,
    truncated_item: Option<String>,
    cites: Vec<String>,
    headings_per_level: [usize; 4],
    min_items: usize,
    #[serde(default)]
    target: Vec<TargetExpectation>,
    #[serde(default)]
    item: Vec<ItemExpectation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetExpectation {
    raw: String,
    in_quote: String,
    metric: Option<String>,
    scope: Option<String>,
    kind: Option<String>,
    bound: Option<String>,
    qualifier: Option<String>,
    year: Option<u16>,
    year_source: Option<String>,
    normalized: Option<[f64; 2]>,
    unit_normalized: Option<String>,
    measure: Option<String>,
    counted: Option<String>,
    kind_rule: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemExpectation {
    starts_with: String,
    kind: Option<String>,
    lead: Option<Vec<String>>,
    responsible: Option<Vec<String>>,
    sectors_include: Option<Vec<String>>,
    instruments_include: Option<Vec<String>>,
    heading_path_ends: Option<String>,
}

/// The serde name of a value (`ActionPlan` → `action_plan`).
fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json_like(value)
}

fn serde_json_like<T: serde::Serialize>(value: &T) -> String {
    toml::Value::try_from(SingleField { v: value })
        .ok()
        .and_then(|t| t.get("v").and_then(|v| v.as_str().map(str::to_string)))
        .unwrap_or_default()
}

#[derive(serde::Serialize)]
struct SingleField<'a, T: serde::Serialize> {
    v: &'a T,
}

fn load(source: &str) -> Expectation {
    let path = format!(
        "{}/tests/expectations/{}.toml",
        env!("CARGO_MANIFEST_DIR"),
        source.trim_end_matches(".txt")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn check_plan(plan: &Plan, exp: &Expectation) -> Vec<String> {
    let mut errors = Vec::new();
    let mut check = |what: &str, got: String, want: &str| {
        if got != want {
            errors.push(format!("{what}: got {got:?}, want {want:?}"));
        }
    };
    check("source", plan.source.clone(), &exp.source);
    check(
        "city",
        plan.city.map(|c| c.en.to_string()).unwrap_or_default(),
        &exp.city,
    );
    check(
        "province",
        plan.city
            .map(|c| c.province_zh.to_string())
            .unwrap_or_default(),
        &exp.province,
    );
    check(
        "level",
        plan.city.map(|c| name(&c.level)).unwrap_or_default(),
        &exp.level,
    );
    check("title", plan.title.text.clone(), &exp.title);
    check(
        "title_curated",
        plan.title.curated.to_string(),
        &exp.title_curated.to_string(),
    );
    check(
        "doc_number",
        plan.doc_number
            .as_ref()
            .map(|q| q.text.clone())
            .unwrap_or_default(),
        &exp.doc_number,
    );
    check(
        "issuer",
        plan.issuer
            .as_ref()
            .map(|q| q.text.clone())
            .unwrap_or_default(),
        &exp.issuer,
    );
    check(
        "issue_date",
        plan.issue_date.iso().unwrap_or_default(),
        &exp.issue_date,
    );
    check(
        "issue_date_precision",
        name(&plan.issue_date.precision),
        &exp.issue_date_precision,
    );
    let period = plan
        .period
        .as_ref()
        .map_or([0, 0], |p| [p.start.unwrap_or(0), p.end.unwrap_or(0)]);
    check(
        "period",
        format!("{period:?}"),
        &format!("{:?}", exp.period),
    );
    check("kind", name(&plan.kind), &exp.kind);
    check("status", name(&plan.status), &exp.status);
    check(
        "valid_until",
        plan.validity
            .as_ref()
            .and_then(|d| d.iso())
            .unwrap_or_default(),
        &exp.valid_until,
    );
    check(
        "comment_deadline",
        plan.comment_deadline
            .as_ref()
            .and_then(|d| d.iso())
            .unwrap_or_default(),
        &exp.comment_deadline,
    );
    check(
        "truncated",
        plan.truncated.to_string(),
        &exp.truncated.to_string(),
    );
    let cites: Vec<String> = plan
        .cites
        .iter()
        .map(|c| c.number.clone().or(c.title.clone()).unwrap_or_default())
        .collect();
    check("cites", format!("{cites:?}"), &format!("{:?}", exp.cites));
    let per_level: Vec<usize> = (1..=4)
        .map(|l| plan.outline.iter().filter(|h| h.level == l).count())
        .collect();
    check(
        "headings_per_level",
        format!("{per_level:?}"),
        &format!("{:?}", exp.headings_per_level),
    );
    if plan.items.len() < exp.min_items {
        errors.push(format!(
            "items: {} found, at least {} expected",
            plan.items.len(),
            exp.min_items
        ));
    }
    if let Some(start) = &exp.truncated_item {
        let at = plan.truncated_at.map(|s| s.start).unwrap_or(usize::MAX);
        let item = plan
            .item_at(at)
            .map(|i| plan.items[i].quote.clone())
            .unwrap_or_default();
        if !item.starts_with(start.as_str()) {
            errors.push(format!(
                "truncated in {item:?}, expected in the item starting {start:?}"
            ));
        }
    }
    errors
}

fn check_targets(plan: &Plan, exp: &Expectation) -> Vec<String> {
    let mut errors = Vec::new();
    for t in &exp.target {
        let Some(f) = plan
            .figures
            .iter()
            .find(|f| f.raw == t.raw && f.quote.contains(&t.in_quote))
        else {
            errors.push(format!(
                "no figure {:?} in a sentence containing {:?}",
                t.raw, t.in_quote
            ));
            continue;
        };
        let mut check = |what: &str, got: String, want: Option<String>| {
            if let Some(want) = want {
                if got != want {
                    errors.push(format!(
                        "{} ({}): {what} is {got:?}, want {want:?}",
                        t.raw, t.in_quote
                    ));
                }
            }
        };
        check(
            "metric",
            f.metric.unwrap_or("").to_string(),
            t.metric.clone(),
        );
        check("scope", f.scope.unwrap_or("").to_string(), t.scope.clone());
        check("kind", name(&f.kind), t.kind.clone());
        check("bound", name(&f.bound), t.bound.clone());
        check(
            "qualifier",
            f.qualifier.clone().unwrap_or_default(),
            t.qualifier.clone(),
        );
        check(
            "year",
            format!("{:?}", f.year),
            t.year.map(|y| format!("{:?}", Some(y))),
        );
        check(
            "year_source",
            f.year_source.map(|s| name(&s)).unwrap_or_default(),
            t.year_source.clone(),
        );
        check(
            "normalized",
            format!("{:?}", f.normalized_range()),
            t.normalized.map(|[a, b]| format!("{:?}", (a, b))),
        );
        check(
            "unit_normalized",
            f.unit_normalized.clone(),
            t.unit_normalized.clone(),
        );
        check("measure", f.measure.key().to_string(), t.measure.clone());
        check(
            "counted",
            f.counted.clone().unwrap_or_default(),
            t.counted.clone(),
        );
        check(
            "kind_rule",
            f.kind_rule.key().to_string(),
            t.kind_rule.clone(),
        );
    }
    errors
}

fn check_items(plan: &Plan, exp: &Expectation) -> Vec<String> {
    let mut errors = Vec::new();
    for e in &exp.item {
        let Some(item) = plan
            .items
            .iter()
            .find(|i| i.quote.starts_with(&e.starts_with))
        else {
            errors.push(format!("no item starting {:?}", e.starts_with));
            continue;
        };
        let keys = |role: Role| -> Vec<String> {
            let mut keys: Vec<String> = Vec::new();
            for d in item.departments.iter().filter(|d| d.role == role) {
                let key = d.canonical.unwrap_or("?").to_string();
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            keys
        };
        let mut check = |what: &str, got: String, want: Option<String>| {
            if let Some(want) = want {
                if got != want {
                    errors.push(format!(
                        "item {:?}: {what} is {got:?}, want {want:?}",
                        e.starts_with
                    ));
                }
            }
        };
        check("kind", name(&item.kind), e.kind.clone());
        check(
            "lead",
            format!("{:?}", keys(Role::Lead)),
            e.lead.as_ref().map(|l| format!("{l:?}")),
        );
        check(
            "responsible",
            format!("{:?}", keys(Role::Responsible)),
            e.responsible.as_ref().map(|l| format!("{l:?}")),
        );
        // The heading the item stands under (its own heading, if it has one, excluded).
        let parent = item
            .heading_path
            .iter()
            .rev()
            .find(|&&h| Some(h) != item.heading);
        let last_heading = parent
            .map(|&h| plan.outline[h].title.clone())
            .unwrap_or_default();
        check("last heading", last_heading, e.heading_path_ends.clone());
        for sector in e.sectors_include.iter().flatten() {
            if !item.sectors.contains(&sector.as_str()) {
                errors.push(format!(
                    "item {:?}: sector {sector} missing from {:?}",
                    e.starts_with, item.sectors
                ));
            }
        }
        for instrument in e.instruments_include.iter().flatten() {
            if !item.instruments.contains(&instrument.as_str()) {
                errors.push(format!(
                    "item {:?}: instrument {instrument} missing from {:?}",
                    e.starts_with, item.instruments
                ));
            }
        }
    }
    errors
}

#[test]
fn every_seed_meets_its_expectations() {
    let mut report = Vec::new();
    for seed in SEEDS {
        let exp = load(seed.source);
        let plan = plan_extract::extract_plan(seed.source, seed.text);
        let errors: Vec<String> = [
            check_plan(&plan, &exp),
            check_targets(&plan, &exp),
            check_items(&plan, &exp),
        ]
        .into_iter()
        .flatten()
        .collect();
        report.extend(errors.into_iter().map(|e| format!("{}: {e}", seed.source)));
    }
    assert!(
        report.is_empty(),
        "{} expectation(s) not met:\n{}",
        report.len(),
        report.join("\n")
    );
}
