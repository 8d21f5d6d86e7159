//! The bundled seeds are byte-identical to the published documents.
#![cfg(not(target_arch = "wasm32"))]

use plan_extract::seeds::SEEDS;
use sha2::{Digest, Sha256};

/// SHA-256 of each seed as published in `shared/seeds/`.
const EXPECTED: &[(&str, &str)] = &[
    (
        "000_8433abb47693ddfb.txt",
        "8b46b46a07c7d2d3412e18467be6138b3fc3a8e01b5f3a321572b773a2c8ba7e",
    ),
    (
        "001_7750412351cae417.txt",
        "da1fc34c41b6f472652b902608049296d17f95a39ef953ab838aea345f080391",
    ),
    (
        "002_efbdcff6e01d2b71.txt",
        "89dd5f27e5ea00dd725f370fd76002c44d38aded829db5099caddb8a6ae64bea",
    ),
    (
        "003_e974f5983be240f5.txt",
        "2e75ed596c1787e34336f26b75c6d97f8dfcf04bfea2d884dc11b69b6c70daa0",
    ),
    (
        "004_0464be91846ce881.txt",
        "861bd65f0226b0dde8b134a28e6a419f987bb2980b4105eedeff3d6ada145f5a",
    ),
];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn embedded_seeds_match_published_checksums() {
    let names: Vec<_> = SEEDS.iter().map(|s| s.source).collect();
    let expected_names: Vec<_> = EXPECTED.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected_names);
    for (seed, (_, sha)) in SEEDS.iter().zip(EXPECTED) {
        assert_eq!(
            hex(&Sha256::digest(seed.text.as_bytes())),
            *sha,
            "{} differs",
            seed.source
        );
    }
}

#[test]
fn seeds_directory_matches_shared_originals() {
    // The shared originals sit beside the repository on our machines and in CI. Without them this
    // test cannot check anything, so it fails rather than pass in silence.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/seeds");
    assert!(
        shared.is_dir(),
        "{} not found: the project is checked against the shared originals beside it",
        shared.display()
    );
    for (name, sha) in EXPECTED {
        let original = std::fs::read(shared.join(name)).expect("shared seed readable");
        let ours = std::fs::read(root.join("seeds").join(name)).expect("project seed readable");
        assert_eq!(
            ours, original,
            "seeds/{name} differs from shared/seeds/{name}"
        );
        assert_eq!(hex(&Sha256::digest(&original)), *sha);
    }
}
