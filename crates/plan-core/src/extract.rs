//! Extraction: from a document's text to a [`Plan`]. It never panics and never fails.

use crate::curation;
use crate::gazetteer::dominant_city;
use crate::model::{plan_id, Plan, Span, Title};

/// Plan-kind words that a title line carries.
const TITLE_KEYWORDS: &[&str] = &["行动计划", "实施方案", "发展规划", "答复"];

/// Extracts a plan from `text`, identified by its file name `source`.
pub fn extract_plan(source: &str, text: &str) -> Plan {
    Plan {
        id: plan_id(source),
        source: source.to_string(),
        city: dominant_city(text).copied(),
        title: find_title(source, text),
        truncated: is_truncated(text),
    }
}

fn lines_with_spans(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        (Span::new(start, start + line.len()), line)
    })
}

fn find_title(source: &str, text: &str) -> Title {
    let from_text = lines_with_spans(text).take(40).find(|(_, line)| {
        let line = line.trim();
        let chars = line.chars().count();
        (8..=80).contains(&chars)
            && TITLE_KEYWORDS.iter().any(|k| line.contains(k))
            && !line.contains("关于印发")
            && !line.starts_with('《')
            && !line.contains(['。', ':', ':', ','])
    });
    match (
        from_text,
        curation::for_source(source).and_then(|c| c.title.map(|t| (t, c.note))),
    ) {
        (Some((span, line)), _) => Title {
            text: line.to_string(),
            curated: false,
            span: Some(span),
            note: None,
        },
        (None, Some((title, note))) => Title {
            text: title.to_string(),
            curated: true,
            span: None,
            note: Some(note.to_string()),
        },
        (None, None) => Title {
            text: String::new(),
            curated: false,
            span: None,
            note: None,
        },
    }
}

/// A text is cut off when its last line of content does not end a sentence.
fn is_truncated(text: &str) -> bool {
    let last = text.trim_end();
    !last.is_empty() && !last.ends_with(['。', '!', '?', '”', '"', '.', ')', ')', '》'])
}
