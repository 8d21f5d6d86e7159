//! Analysis of extracted plans for AI Plan Compare (人工智能规划对比): everything the views compute
//! from [`plan_model::Plan`]s, as plain data, tested natively.
//!
//! No web dependency and no interface language: results are keys, numbers and quotes; the app turns
//! them into words. It changes when what we compute changes, not when the text or the UI does.
//!
//! - [`query`]: Explore's filters, facet counts and search highlighting.
//! - [`search`]: Explore's search index (character and bigram postings), built once per plan set.
//! - [`compare`]: the goal matrix (targets only; reports in rows of their own), per-year readings
//!   (flows as stated, levels as implied growth), sector heatmap, department matrix.
//! - [`support`]: support measures (grants, caps, funds) with who is eligible.
//! - [`rollup`]: local targets summed beside the national plan's.
//! - [`history`]: one place over time, and the growth a level target implies.
//! - [`geometry`]: bar chart and timeline layout in SVG units.
//! - [`reader`]: the source text cut into runs for highlighting.
//! - [`similarity`]: similar tasks across plans (character-bigram TF-IDF, cosine) and the
//!   plan × plan similarity.
//! - [`export`]: the flat tables of `docs/data-format.md`, for the CLI and the app's downloads.
//! - [`overview`]: a plan's counts. [`selection`]: which plans are chosen, and toggling one.

pub mod compare;
pub mod export;
pub mod geometry;
pub mod history;
pub mod overview;
pub mod query;
pub mod reader;
pub mod rollup;
pub mod search;
pub mod selection;
pub mod similarity;
pub mod support;
