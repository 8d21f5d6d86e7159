//! Analysis of extracted plans for AI Plan Compare (人工智能规划对比): everything the views compute
//! from [`plan_model::Plan`]s, as plain data, tested natively.
//!
//! No web dependency and no interface language: results are keys, numbers and quotes; the app turns
//! them into words. It changes when what we compute changes, not when the text or the UI does.
//!
//! - [`query`]: Explore's filters, facet counts and search highlighting.
//! - [`compare`]: the metric × plan matrix, per-year values, sector heatmap, department matrix.
//! - [`geometry`]: bar chart and timeline layout in SVG units.
//! - [`reader`]: the source text cut into runs for highlighting.
//! - [`similarity`]: similar tasks across plans (character-bigram TF-IDF, cosine) and the
//!   plan × plan similarity.
//! - [`export`]: the flat tables of `docs/data-format.md`, for the CLI and the app's downloads.
//! - [`overview`]: a plan's counts. [`selection`]: which plans are chosen, and toggling one.

pub mod compare;
pub mod export;
pub mod geometry;
pub mod overview;
pub mod query;
pub mod reader;
pub mod selection;
pub mod similarity;
