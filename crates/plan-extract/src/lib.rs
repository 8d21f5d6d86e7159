//! Extraction for AI Plan Compare (人工智能规划对比): from a plan document's text to a
//! [`plan_model::Plan`].
//!
//! It never panics, never loops and never fails: what it cannot read becomes a
//! [`plan_model::Diagnostic`]. It is deterministic: the same text gives the same plan, ids and order.
//! No web dependency: the same code runs natively (tests, the `plans` CLI) and in the browser.
//!
//! - [`document`]: the walk over the text (outline, items, paragraphs) and [`extract_plan`].
//! - [`normalize`]: the view of a PDF copy with line breaks joined and page footers removed, and
//!   the map back to the original.
//! - [`header`]: document facts (title, number, dates, period, status, citations).
//! - [`outline`]: heading markers. [`departments`]: `(牵头单位:…)` and `(A、B按职责分工负责)`.
//! - [`figures`]: numbers with units, qualifiers, years and metrics.
//! - [`vocab_match`], [`places`]: the shared vocabularies (departments by rule) and the plan's
//!   place (any province, prefecture or county) in text.
//! - [`text`]: lines, sentences, numerals and [`text::KeywordSet`], the one-pass multi-keyword search.
//! - [`curation`]: editors' facts where the text is silent. [`seeds`]: the bundled documents.

pub mod curation;
pub mod departments;
pub mod document;
pub mod figures;
pub mod header;
pub mod normalize;
pub mod outline;
pub mod places;
pub mod seeds;
pub mod tables;
pub mod text;
pub mod vocab_match;

pub use document::extract_plan;
pub use figures::{read_unit, sentence_year, UnitReading};
pub use header::date_at;

use plan_model::Plan;

/// Extracts every bundled seed, in file-name order.
pub fn extract_seeds() -> Vec<Plan> {
    seeds::SEEDS
        .iter()
        .map(|seed| extract_plan(seed.source, seed.text))
        .collect()
}
