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

/// A fresh folder for one test's files.
fn folder(test: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the test folder");
    dir
}

/// A published text (all of it GBK characters), as the user's own file would hold it.
const PLAN: &str = include_str!("../../../seeds/000_8433abb47693ddfb.txt");

/// The plan written as UTF-8, GBK and UTF-16LE with a BOM, and a PNG named `.txt`.
fn write_files(dir: &std::path::Path) -> [String; 4] {
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(PLAN);
    assert!(!unmappable, "the plan is all GBK characters");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(PLAN.encode_utf16().flat_map(u16::to_le_bytes));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02".to_vec();
    let files = [
        ("wuhan-utf8.txt", PLAN.as_bytes().to_vec()),
        ("wuhan-gbk.txt", gbk.into_owned()),
        ("wuhan-utf16.txt", utf16),
        ("photo.txt", png),
    ];
    files.map(|(name, bytes)| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write a test file");
        path.to_string_lossy().into_owned()
    })
}

#[test]
fn extracts_files_in_any_encoding_and_names_the_one_it_cannot_read() {
    let dir = folder("extract-json");
    let [utf8, gbk, utf16, png] = write_files(&dir);
    let out = plans(&["extract", &utf8, &png, &gbk, &utf16]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        format!(
            "plans: cannot read {png}: not a text document (a PNG image); \
             use a .txt, .html or .docx file"
        )
    );
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let extracted = data["plans"].as_array().expect("plans[]");
    let ids: Vec<&str> = extracted
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["wuhan-utf8", "wuhan-gbk", "wuhan-utf16"]);
    let sources: Vec<&str> = extracted
        .iter()
        .map(|p| p["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["wuhan-utf8.txt", "wuhan-gbk.txt", "wuhan-utf16.txt"]
    );
    // The same text in three encodings is the same plan: the same targets, quotes and places.
    let targets = data["targets"].as_array().expect("targets[]");
    let of = |plan: &str| -> Vec<(String, String)> {
        targets
            .iter()
            .filter(|t| t["plan"] == plan)
            .map(|t| (t["quote"].to_string(), t["location"].to_string()))
            .collect()
    };
    assert!(of("wuhan-utf8").len() > 5);
    assert_eq!(of("wuhan-utf8"), of("wuhan-gbk"));
    assert_eq!(of("wuhan-utf8"), of("wuhan-utf16"));
    assert!(targets
        .iter()
        .any(|t| t["plan"] == "wuhan-gbk"
            && t["quote"].as_str().is_some_and(|q| q.contains("4亿元"))));
    // Ids are stable: the same files give the same dataset, wherever they are.
    let again = plans(&["extract", &utf16, &gbk]);
    assert!(again.status.success());
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).expect("valid JSON");
    assert_eq!(again["plans"][1], data["plans"][1]);
}

#[test]
fn extracts_files_as_csv() {
    let dir = folder("extract-csv");
    let [utf8, gbk, ..] = write_files(&dir);
    let out = plans(&["extract", "--format", "csv", &utf8, &gbk]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .is_some_and(|h| h.starts_with("id,plan,item,metric")));
    let rows: Vec<&str> = lines.collect();
    let utf8_rows = rows.iter().filter(|r| r.contains(",wuhan-utf8,")).count();
    let gbk_rows = rows.iter().filter(|r| r.contains(",wuhan-gbk,")).count();
    assert!(utf8_rows > 5);
    assert_eq!(utf8_rows, gbk_rows);
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = folder("extract-missing");
    let missing = dir.join("nowhere.txt").to_string_lossy().into_owned();
    let out = plans(&["extract", &missing]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        format!("plans: cannot read {missing}: no such file")
    );
    // Still the documented (empty) dataset on stdout.
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(data["plans"].as_array().map(Vec::len), Some(0));
}

#[test]
fn pdfs_directories_and_clashing_names_are_explained() {
    let dir = folder("extract-explained");
    let pdf = dir.join("plan.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n1 0 obj").unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("a/plan.txt"), PLAN).unwrap();
    let clash = dir.join("plan.txt");
    std::fs::write(&clash, PLAN).unwrap();
    let out = plans(&[
        "extract",
        &dir.join("a/plan.txt").to_string_lossy(),
        &pdf.to_string_lossy(),
        &clash.to_string_lossy(),
        &dir.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].contains("plan.pdf: a PDF cannot be read directly") && lines[0].contains("Ctrl+A")
    );
    assert!(
        lines[1].contains("plan id `plan` is already taken by plan.txt"),
        "{err}"
    );
    assert!(lines[2].ends_with("it is a directory"), "{err}");
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(data["plans"][0]["id"], "plan");
}

#[test]
fn extract_without_files_gets_usage() {
    let out = plans(&["extract"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs at least one file") && err.contains("plans extract FILE..."));
}
