//! Facts an editor supplied where the source text does not state them.
//!
//! Extraction prefers what the text says; these entries fill gaps only, and everything taken from
//! here is marked `curated` in the data so that a reader can tell it from the source's own words.

/// Editorial facts for one source document, keyed by its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Curation {
    pub source: &'static str,
    /// Title to show when the text carries none on a line of its own.
    pub title: Option<&'static str>,
    /// Why the entry exists, shown to users next to curated values (Chinese).
    pub note: &'static str,
    /// The same note in English.
    pub note_en: &'static str,
}

pub const CURATIONS: &[Curation] = &[
    Curation {
        source: "000_8433abb47693ddfb.txt",
        title: Some("对市政协十三届三次会议第20190462号提案的答复"),
        note: "标题在原文中分两行排列,此处合并为一行。",
        note_en: "The source sets the title over two lines; it is joined into one here.",
    },
    Curation {
        source: "002_efbdcff6e01d2b71.txt",
        title: Some("长沙国家新一代人工智能创新发展试验区建设行动计划"),
        note: "原文无标题,依据正文首句“为推进长沙国家新一代人工智能创新发展试验区建设……特制定本行动计划”整理。",
        note_en: "The source has no title; this one is taken from its first sentence (“为推进长沙国家新一代人工智能创新发展试验区建设……特制定本行动计划”).",
    },
];

/// The curation entry of `source`, if any.
pub fn for_source(source: &str) -> Option<&'static Curation> {
    CURATIONS.iter().find(|c| c.source == source)
}
