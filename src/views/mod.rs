//! The five views. Each reads the view state and the plans, calls into the pure crates, and draws.

mod compare;
mod explore;
mod import;
mod overview;
mod picker;
mod reader;
mod review;
mod targets;
mod timeline;
mod widgets;

pub use compare::Compare;
pub use explore::Explore;
pub use import::{ExtractionProgress, ImportPanel};
pub use overview::Overview;
pub use reader::Reader;
pub use timeline::Timeline;
pub use widgets::plan_label;
