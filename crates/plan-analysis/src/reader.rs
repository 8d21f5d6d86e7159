//! The source reader: the full text cut into runs, each knowing which heading, item and figure it
//! belongs to, so that the component can draw highlights and anchors without any logic of its own.

use std::ops::Range;

use plan_model::Plan;

/// A run of the source text with what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub range: Range<usize>,
    /// Index of the heading this run is part of (marker and title).
    pub heading: Option<usize>,
    /// Index of the item this run is part of.
    pub item: Option<usize>,
    /// Index of the figure this run is (the figure as written).
    pub figure: Option<usize>,
}

/// Cuts `plan.text` at every heading, item and figure boundary. The runs cover the text exactly,
/// in order, and none is empty (an empty text gives no runs).
pub fn runs(plan: &Plan) -> Vec<Run> {
    let len = plan.text.len();
    let mut cuts: Vec<usize> = vec![0, len];
    let fits = |r: Range<usize>| {
        r.start <= r.end
            && r.end <= len
            && plan.text.is_char_boundary(r.start)
            && plan.text.is_char_boundary(r.end)
    };
    for h in plan.outline.iter().filter(|h| fits(h.span.range())) {
        cuts.extend([h.span.start, h.span.end]);
    }
    for i in plan.items.iter().filter(|i| fits(i.span.range())) {
        cuts.extend([i.span.start, i.span.end]);
    }
    for f in plan.figures.iter().filter(|f| fits(f.raw_span.range())) {
        cuts.extend([f.raw_span.start, f.raw_span.end]);
    }
    plan_sort::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let range = w[0]..w[1];
            let inside = |r: Range<usize>| r.start <= range.start && range.end <= r.end;
            Run {
                heading: plan.outline.iter().position(|h| inside(h.span.range())),
                item: plan.items.iter().position(|i| inside(i.span.range())),
                figure: plan.figures.iter().position(|f| inside(f.raw_span.range())),
                range,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_plan;

    #[test]
    fn runs_cover_the_text_and_mark_figures() {
        let plan = extract_plan("a.txt", "前言。\n一、目标\n到2025年,规模达400亿元。\n");
        let runs = runs(&plan);
        let joined: String = runs.iter().map(|r| &plan.text[r.range.clone()]).collect();
        assert_eq!(joined, plan.text);
        let figure: Vec<&str> = runs
            .iter()
            .filter(|r| r.figure.is_some())
            .map(|r| &plan.text[r.range.clone()])
            .collect();
        assert_eq!(figure, vec!["400亿元"]);
        assert!(runs.iter().any(|r| r.heading.is_some()));
        assert!(runs
            .iter()
            .filter(|r| r.figure.is_some())
            .all(|r| r.item.is_some()));
        assert!(super::runs(&extract_plan("b.txt", "")).is_empty());
    }
}
