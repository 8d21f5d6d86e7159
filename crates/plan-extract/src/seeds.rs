//! The five source documents, embedded at compile time.
//!
//! A seed's file name is its identity: it is kept as the plan's `source` and must never change.
//! `seeds/` at the repository root holds them byte-identical to the shared originals (a test
//! checks their SHA-256).

/// One source document as published, with its file name as identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    /// File name under `seeds/`, e.g. `000_8433abb47693ddfb.txt`.
    pub source: &'static str,
    /// Full text, verbatim.
    pub text: &'static str,
}

/// All bundled seeds, in file-name order.
pub const SEEDS: &[Seed] = &[
    Seed {
        source: "000_8433abb47693ddfb.txt",
        text: include_str!("../../../seeds/000_8433abb47693ddfb.txt"),
    },
    Seed {
        source: "001_7750412351cae417.txt",
        text: include_str!("../../../seeds/001_7750412351cae417.txt"),
    },
    Seed {
        source: "002_efbdcff6e01d2b71.txt",
        text: include_str!("../../../seeds/002_efbdcff6e01d2b71.txt"),
    },
    Seed {
        source: "003_e974f5983be240f5.txt",
        text: include_str!("../../../seeds/003_e974f5983be240f5.txt"),
    },
    Seed {
        source: "004_0464be91846ce881.txt",
        text: include_str!("../../../seeds/004_0464be91846ce881.txt"),
    },
];
