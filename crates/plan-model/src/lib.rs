//! The data model of AI Plan Compare (人工智能规划对比): what extraction produces, every analysis
//! reads and every export writes.
//!
//! A leaf crate: it depends on nothing of ours and has no web dependency. It changes when the shape
//! of the data changes, and for no other reason.
//!
//! - [`plan`]: [`Plan`], [`Item`], [`Figure`], [`Heading`] …, and [`Span`], the byte range every quote
//!   is cut from.
//! - [`vocab`]: the shared vocabularies (sectors, policy instruments, metrics, canonical
//!   departments) whose keys the data carries.
//! - [`places`]: cities with province and administrative level.
//! - [`stored`]: a plan's stored form (JSON without its text), read back instead of extracted again.

pub mod interned;
pub mod places;
pub mod plan;
pub mod reference;
pub mod stored;
pub mod vocab;

pub use plan::*;
