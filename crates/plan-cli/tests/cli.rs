//! The `plans` binary as a user runs it.

use std::process::Command;

fn plans(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plans"))
        .args(args)
        .output()
        .expect("run plans")
}

#[test]
fn exports_the_dataset_as_json() {
    let out = plans(&["export", "--format", "json"]);
    assert!(out.status.success());
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let plans = data["plans"].as_array().expect("plans[]");
    assert_eq!(plans.len(), 5);
    assert!(plans
        .iter()
        .all(|p| p["id"].is_string() && p["source"].as_str().is_some_and(|s| s.ends_with(".txt"))));
    let targets = data["targets"].as_array().expect("targets[]");
    assert!(targets.len() > 50);
    for t in targets {
        assert!(t["plan"].is_string() && t["quote"].is_string() && t["unit"].is_string());
        assert!(
            t["value"].is_number() || (t["min"].is_number() && t["max"].is_number()),
            "{t}"
        );
        assert!(t["year"].is_null() || t["year"].is_u64());
    }
    let wuhan = targets
        .iter()
        .find(|t| t["raw"] == "400 亿元")
        .expect("Wuhan's 400亿元");
    assert_eq!(wuhan["value_normalized"], 40_000_000_000.0);
    assert_eq!(wuhan["year"], 2025);
}

#[test]
fn exports_the_figures_as_csv() {
    let out = plans(&["export", "--format", "csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .is_some_and(|h| h.starts_with("id,plan,item,metric")));
    assert!(lines.count() > 50);
}

#[test]
fn bad_arguments_get_usage_and_a_failure_code() {
    for args in [&["export", "--format", "xml"][..], &["frobnicate"], &[]] {
        let out = plans(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("usage: plans export"), "{err}");
        assert!(out.stdout.is_empty());
    }
}
