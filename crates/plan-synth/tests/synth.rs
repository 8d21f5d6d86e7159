//! The generator's promises: deterministic bytes, sizes, the synthetic label, spread over the
//! country, and texts the extractor reads as plans. Nothing here is timed (see
//! `scripts/bench-scale.sh` for the scaling measurements).

use plan_model::{FigureKind, ItemKind, Role};
use plan_synth::{generate, generate_one, LABEL, MAX_BYTES, MIN_BYTES};

/// A simple digest of a set of texts (FNV-1a over names and texts), to compare two runs.
fn digest(plans: &[plan_synth::SyntheticPlan]) -> String {
    let mut all = String::new();
    for p in plans {
        all.push_str(&p.file_name);
        all.push('\0');
        all.push_str(&p.text);
    }
    plan_library::content_hash(&all)
}

#[test]
fn same_seed_same_bytes_and_count_does_not_change_a_plan() {
    let a = generate(60, 7);
    let b = generate(60, 7);
    assert_eq!(a, b);
    assert_eq!(digest(&a), digest(&b));
    // Plan i is the same whatever the count: 20 plans are the first 20 of 60.
    assert_eq!(generate(20, 7)[..], a[..20]);
    assert_eq!(generate_one(7, 33), a[33]);
    // Another seed, other plans.
    let c = generate(60, 8);
    assert_ne!(digest(&a), digest(&c));
    // Plans of one set differ from each other.
    let mut texts: Vec<&str> = a.iter().map(|p| p.text.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), a.len());
}

#[test]
fn thousand_plans_are_sized_labelled_named_and_spread() {
    let plans = generate(1000, 1);
    let mut provinces: Vec<&str> = Vec::new();
    let mut places: Vec<&str> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        let len = p.text.len();
        assert!(
            (MIN_BYTES..=MAX_BYTES).contains(&len),
            "{}: {len} bytes",
            p.file_name
        );
        assert_eq!(p.text.lines().next(), Some(LABEL), "{}", p.file_name);
        assert!(
            p.file_name
                .starts_with(&format!("synthetic-{:04}-{}-", i + 1, p.code)),
            "{}",
            p.file_name
        );
        assert!(p.file_name.ends_with(".txt"));
        assert!(p.text.contains(&p.place), "{}", p.file_name);
        provinces.push(p.province);
        places.push(&p.place);
        names.push(&p.file_name);
    }
    provinces.sort_unstable();
    provinces.dedup();
    assert!(provinces.len() >= 25, "{} provinces", provinces.len());
    places.sort_unstable();
    places.dedup();
    assert!(places.len() >= 400, "{} places", places.len());
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 1000, "file names are unique");
}

#[test]
fn styles_vary() {
    let plans = generate(200, 1);
    let count = |needle: &str| plans.iter().filter(|p| p.text.contains(needle)).count();
    for (needle, at_least) in [
        ("行动计划", 20),
        ("实施方案", 20),
        ("若干措施", 10),
        ("的通知", 30),
        ("第一章", 20),
        ("第一条", 10),
        ("（一）", 100),
        ("牵头单位", 50),
        ("按职责分工负责", 30),
        ("配合", 20),
        ("PFlops", 50),
        ("最高", 150),
    ] {
        assert!(count(needle) >= at_least, "{needle}: {}", count(needle));
    }
}

#[test]
fn extraction_reads_them_as_plans() {
    // A sample, not all 1,000: the tests run extraction unoptimised.
    let plans = generate(120, 1);
    let (mut leads, mut leads_known) = (0usize, 0usize);
    let mut placed = 0;
    let mut dated = 0;
    for synth in &plans {
        let plan = plan_extract::extract_plan(&synth.file_name, &synth.text);
        let name = &synth.file_name;
        assert!(!plan.outline.is_empty(), "{name}: no outline");
        assert!(
            plan.items
                .iter()
                .any(|i| i.kind == ItemKind::Goal && i.target_year.is_some()),
            "{name}: no goal with a year"
        );
        // Tasks are items with departments (a lead, or only 责任单位 in some plans). Their kind
        // follows the heading: 重点行动 is not one of the extractor's task words.
        let with_departments = plan
            .items
            .iter()
            .filter(|i| !i.departments.is_empty())
            .count();
        assert!(
            with_departments >= 5,
            "{name}: {with_departments} items with departments"
        );
        let targets = plan
            .figures
            .iter()
            .filter(|f| f.kind == FigureKind::Target && f.metric.is_some() && f.year.is_some())
            .count();
        assert!(
            targets >= 3,
            "{name}: {targets} dated targets with a metric"
        );
        assert!(
            plan.figures.iter().any(|f| f.kind == FigureKind::Funding),
            "{name}: no funding figure"
        );
        assert!(
            !plan.title.curated && plan.title.text.contains("人工智能"),
            "{name}: title"
        );
        assert!(
            plan.period.as_ref().and_then(|p| p.end).is_some(),
            "{name}: no period"
        );
        if plan.city.is_some_and(|c| c.province_zh == synth.province) {
            placed += 1;
        }
        if plan.issue_date.year.is_some() {
            dated += 1;
        }
        for d in plan.items.iter().flat_map(|i| &i.departments) {
            if d.role == Role::Lead {
                leads += 1;
                leads_known += usize::from(d.canonical.is_some());
            }
        }
    }
    assert!(leads > 1000, "{leads} lead departments");
    assert!(
        leads_known * 100 >= leads * 90,
        "{leads_known} of {leads} lead departments have a canonical key"
    );
    assert!(
        placed * 100 >= plans.len() * 95,
        "{placed} placed in their province"
    );
    // About a fifth of the plans carry no signature, as some published texts do.
    assert!(
        dated * 100 >= plans.len() * 65,
        "{dated} with an issue date"
    );
}

#[test]
fn workspace_file_round_trips_through_the_library() {
    let plans = generate(12, 3);
    let json = plan_synth::workspace_json(&plans);
    let docs = plan_library::parse_workspace(&json).expect("a workspace file");
    assert_eq!(docs.len(), plans.len());
    for (doc, plan) in docs.iter().zip(&plans) {
        assert_eq!(doc.text, plan.text);
        assert_eq!(doc.file_name, plan.file_name);
        assert!(doc.id.starts_with("synthetic-"));
    }
    // Importing them next to the seeds keeps every one (ids do not collide).
    let seeds: Vec<&str> = plan_extract::seeds::SEEDS
        .iter()
        .map(|s| s.source.trim_end_matches(".txt"))
        .collect();
    let (added, duplicates) = plan_library::merge(&[], docs, &seeds);
    assert_eq!((added.len(), duplicates), (plans.len(), 0));
}
