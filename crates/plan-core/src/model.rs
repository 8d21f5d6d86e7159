//! The data model: what extraction produces and every view reads.
//!
//! Spans are UTF-8 byte offsets into the plan's source text, so `&text[span.range()]` is the quote;
//! the JSON export adds character offsets for consumers in other languages.

use serde::Serialize;

use crate::gazetteer::City;

/// Half-open byte range `[start, end)` into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `source`.
    pub fn slice(self, source: &str) -> &str {
        &source[self.range()]
    }
}

/// A plan's title: from the text (with its span) or supplied by an editor (`curated`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Title {
    pub text: String,
    /// `true` when the text has no title line of its own and an editor supplied this one.
    pub curated: bool,
    /// Where the title stands in the source, when it comes from the source.
    pub span: Option<Span>,
    /// Why a curated title was needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One plan document, as extracted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Stable identifier: the source file name without its extension.
    pub id: String,
    /// The seed's file name, its identity.
    pub source: String,
    pub city: Option<City>,
    pub title: Title,
    /// `true` when the source text stops in the middle (e.g. `004_…` stops inside item 15).
    pub truncated: bool,
}

/// Derives a plan id from a source file name: the name without its extension.
pub fn plan_id(source: &str) -> String {
    source
        .rsplit_once('.')
        .map_or(source, |(stem, _)| stem)
        .to_string()
}
