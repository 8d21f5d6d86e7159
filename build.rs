//! At build time:
//! - extracts the built-in plans and writes their stored form (`plan_model::stored`) for
//!   `src/builtin.rs`, so that the browser reads them back at start-up instead of extracting them.
//!   The file is, per seed in `plan_extract::seeds::SEEDS` order, the stored form's length as four
//!   bytes (little-endian) and the stored form;
//! - fingerprints the extraction (`PLAN_EXTRACTION_VERSION`: a hash of the sources of `plan-extract`
//!   and `plan-model`), so that an imported plan's stored extraction is used only by the code that
//!   wrote it (`src/library.rs`).
//!
//! Cargo reruns this whenever `plan-extract` or `plan-model` changes (they are build dependencies).

use std::path::{Path, PathBuf};

/// What the extraction's output depends on: its code, the model and the model's data.
const EXTRACTION_SOURCES: [&str; 4] = [
    "crates/plan-extract/src",
    "crates/plan-extract/Cargo.toml",
    "crates/plan-model/src",
    "crates/plan-model/data",
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut file = Vec::new();
    for plan in plan_extract::extract_seeds() {
        let stored = plan_model::stored::to_bytes(&plan);
        let length = u32::try_from(stored.len()).expect("a stored plan is under 4 GB");
        file.extend(length.to_le_bytes());
        file.extend(stored);
    }
    std::fs::write(out_dir.join("builtin-plans.bin"), file).expect("OUT_DIR is writable");

    let mut files = Vec::new();
    for source in EXTRACTION_SOURCES {
        println!("cargo:rerun-if-changed={source}");
        collect_files(Path::new(source), &mut files);
    }
    files.sort();
    // FNV-1a over each file's path and bytes: the same sources give the same version on any
    // machine and compiler.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &files {
        let bytes = std::fs::read(path).expect("a source file is readable");
        for byte in path.to_string_lossy().bytes().chain([0]).chain(bytes) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=PLAN_EXTRACTION_VERSION={hash:016x}");
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("a source directory is readable") {
            collect_files(&entry.expect("a directory entry").path(), files);
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
}
