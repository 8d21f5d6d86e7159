//! Pure logic of AI Plan Compare (人工智能规划对比).
//!
//! No web dependencies: everything here compiles and is tested natively with `cargo test`, and the
//! same code runs in the browser. The app crate only wires signals to these functions.
//!
//! - [`seeds`]: the bundled source documents.
//! - [`extract`]: turns a document's text into a [`model::Plan`]; never fails, reports diagnostics.
//! - [`i18n`]: interface language and message catalogue.
//! - [`gazetteer`]: cities, provinces, administrative levels.

pub mod compare;
pub mod curation;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod geometry;
pub mod i18n;
pub mod model;
pub mod query;
pub mod reader;
pub mod seeds;
pub mod taxonomy;
pub mod text;
pub mod url_state;
pub mod view_state;

use model::Plan;

/// Extracts every bundled seed, in file-name order.
pub fn extract_seeds() -> Vec<Plan> {
    seeds::SEEDS
        .iter()
        .map(|seed| extract::extract_plan(seed.source, seed.text))
        .collect()
}
