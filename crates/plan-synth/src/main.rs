//! Writes synthetic plans (see the crate's documentation): `.txt` files into a directory and/or one
//! workspace file the app imports ("Import workspace file" in the Add-a-plan panel).
//!
//! `plan-synth --count 1000 --seed 1 [--out DIR] [--workspace FILE]`

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: plan-synth [--count N] [--seed S] [--out DIR] [--workspace FILE]\n\
  Writes N synthetic plans (labelled 【合成测试数据，非真实政策文件】, for benchmarks and tests only):\n\
  --out DIR        one synthetic-NNNN-….txt per plan\n\
  --workspace FILE one plan-compare-workspace/1 JSON file with all of them\n\
  defaults: --count 100 --seed 1";

fn main() -> ExitCode {
    let mut count = 100usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut workspace: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next();
        let ok = match arg.as_str() {
            "--count" => value().and_then(|v| v.parse().ok()).map(|v| count = v),
            "--seed" => value().and_then(|v| v.parse().ok()).map(|v| seed = v),
            "--out" => value().map(|v| out = Some(v.into())),
            "--workspace" => value().map(|v| workspace = Some(v.into())),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => None,
        };
        if ok.is_none() {
            eprintln!("plan-synth: bad argument {arg:?}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    if out.is_none() && workspace.is_none() {
        eprintln!("plan-synth: give --out DIR and/or --workspace FILE\n{USAGE}");
        return ExitCode::from(2);
    }
    let plans = plan_synth::generate(count, seed);
    let bytes: usize = plans.iter().map(|p| p.text.len()).sum();
    if let Some(dir) = &out {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("plan-synth: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        for plan in &plans {
            let path = dir.join(&plan.file_name);
            if let Err(e) = std::fs::write(&path, &plan.text) {
                eprintln!("plan-synth: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        eprintln!(
            "plan-synth: wrote {count} synthetic plans ({bytes} bytes of text) to {}",
            dir.display()
        );
    }
    if let Some(file) = &workspace {
        let json = plan_synth::workspace_json(&plans);
        if let Err(e) = std::fs::write(file, &json) {
            eprintln!("plan-synth: cannot write {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
        eprintln!(
            "plan-synth: wrote a workspace file of {count} synthetic plans ({} bytes) to {}",
            json.len(),
            file.display()
        );
    }
    ExitCode::SUCCESS
}
