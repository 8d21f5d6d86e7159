//! Explore: filtering items, facet counts and search highlighting.
//!
//! Search is a plain character substring match (Chinese has no spaces to split words on, and the
//! seeds are small: a scan takes well under a millisecond). Several terms separated by spaces must
//! all occur. Facet counts follow the usual rule: each facet counts what the *other* filters leave,
//! so that choosing a value never makes its own siblings vanish.

use std::collections::BTreeMap;
use std::ops::Range;

use plan_model::{Item, ItemKind, Plan};

/// An item of one plan: indices into the plan list and into that plan's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub plan: usize,
    pub item: usize,
}

/// The filters of the explore view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub plans: Vec<String>,
    pub sectors: Vec<String>,
    /// Policy-instrument keys: an item passes when it uses any of them.
    pub instruments: Vec<String>,
    pub departments: Vec<String>,
    pub kinds: Vec<ItemKind>,
    pub years: Option<(u16, u16)>,
    pub figures_only: bool,
    pub terms: Vec<String>,
}

/// The terms of a query: split on whitespace, lower-cased (for Latin letters), without repeats.
pub fn search_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for term in query
        .split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .filter(|t| !t.is_empty())
    {
        let term = term.to_lowercase();
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}

/// Which facet to leave out when counting (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skip {
    None,
    Plans,
    Sectors,
    Instruments,
    Departments,
    Kinds,
}

/// The years an item is about: those its figures target, else those its text names.
pub fn item_years(plan: &Plan, item: &Item) -> Vec<u16> {
    let from_figures: Vec<u16> = item
        .figures
        .iter()
        .filter_map(|&f| plan.figures.get(f).and_then(|f| f.year))
        .collect();
    if from_figures.is_empty() {
        item.years.clone()
    } else {
        from_figures
    }
}

/// Whether an item's text holds every search term. Computed once per item and filter run: the
/// facets ask four times per item.
fn text_matches(item: &Item, terms: &[String]) -> bool {
    if terms.is_empty() {
        return true;
    }
    // Chinese has no case; only text with Latin capitals needs lower-casing.
    if item.quote.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = item.quote.to_lowercase();
        terms.iter().all(|t| lower.contains(t.as_str()))
    } else {
        terms.iter().all(|t| item.quote.contains(t.as_str()))
    }
}

fn matches(plan: &Plan, item: &Item, filter: &Filter, skip: Skip, text_ok: bool) -> bool {
    if skip != Skip::Plans && !filter.plans.is_empty() && !filter.plans.contains(&plan.id) {
        return false;
    }
    if skip != Skip::Sectors
        && !filter.sectors.is_empty()
        && !item
            .sectors
            .iter()
            .any(|s| filter.sectors.iter().any(|f| f == s))
    {
        return false;
    }
    if skip != Skip::Instruments
        && !filter.instruments.is_empty()
        && !item
            .instruments
            .iter()
            .any(|s| filter.instruments.iter().any(|f| f == s))
    {
        return false;
    }
    if skip != Skip::Departments
        && !filter.departments.is_empty()
        && !item.departments.iter().any(|d| {
            d.canonical
                .is_some_and(|c| filter.departments.iter().any(|f| f == c))
        })
    {
        return false;
    }
    if skip != Skip::Kinds && !filter.kinds.is_empty() && !filter.kinds.contains(&item.kind) {
        return false;
    }
    if let Some((from, to)) = filter.years {
        if !item_years(plan, item)
            .iter()
            .any(|y| (from..=to).contains(y))
        {
            return false;
        }
    }
    if filter.figures_only && item.figures.is_empty() {
        return false;
    }
    text_ok
}

fn refs<'a>(plans: &'a [Plan]) -> impl Iterator<Item = (ItemRef, &'a Plan, &'a Item)> + 'a {
    plans.iter().enumerate().flat_map(|(p, plan)| {
        plan.items
            .iter()
            .enumerate()
            .map(move |(i, item)| (ItemRef { plan: p, item: i }, plan, item))
    })
}

/// Items that pass every filter, in document order.
pub fn filter_items(plans: &[Plan], filter: &Filter) -> Vec<ItemRef> {
    refs(plans)
        .filter(|(_, plan, item)| {
            matches(
                plan,
                item,
                filter,
                Skip::None,
                text_matches(item, &filter.terms),
            )
        })
        .map(|(r, _, _)| r)
        .collect()
}

/// Live counts for the facets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub plans: BTreeMap<String, usize>,
    pub sectors: BTreeMap<&'static str, usize>,
    pub instruments: BTreeMap<&'static str, usize>,
    pub departments: BTreeMap<&'static str, usize>,
    pub kinds: BTreeMap<ItemKind, usize>,
}

/// Keys of the canonical departments some item of `plans` names, in vocabulary order: the
/// department facet offers only these.
pub fn departments_in_use(plans: &[Plan]) -> Vec<&'static str> {
    plan_model::vocab::DEPARTMENTS
        .iter()
        .map(|d| d.key)
        .filter(|key| {
            plans.iter().any(|p| {
                p.items
                    .iter()
                    .any(|i| i.departments.iter().any(|r| r.canonical == Some(*key)))
            })
        })
        .collect()
}

pub fn facets(plans: &[Plan], filter: &Filter) -> Facets {
    let mut out = Facets::default();
    for (_, plan, item) in refs(plans) {
        let text_ok = text_matches(item, &filter.terms);
        if !text_ok {
            continue;
        }
        if matches(plan, item, filter, Skip::Plans, text_ok) {
            *out.plans.entry(plan.id.clone()).or_default() += 1;
        }
        if matches(plan, item, filter, Skip::Sectors, text_ok) {
            for s in &item.sectors {
                *out.sectors.entry(s).or_default() += 1;
            }
        }
        if matches(plan, item, filter, Skip::Instruments, text_ok) {
            for s in &item.instruments {
                *out.instruments.entry(s).or_default() += 1;
            }
        }
        if matches(plan, item, filter, Skip::Departments, text_ok) {
            let mut seen: Vec<&str> = Vec::new();
            for c in item.departments.iter().filter_map(|d| d.canonical) {
                if !seen.contains(&c) {
                    seen.push(c);
                    *out.departments.entry(c).or_default() += 1;
                }
            }
        }
        if matches(plan, item, filter, Skip::Kinds, text_ok) {
            *out.kinds.entry(item.kind).or_default() += 1;
        }
    }
    out
}

/// Splits `text` into runs, marking those that match a term (case-insensitive for Latin letters).
/// Overlapping matches merge. The runs cover `text` exactly, in order.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(Range<usize>, bool)> {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII; match on the original then.
    let haystack = if lower.len() == text.len() {
        lower.as_str()
    } else {
        text
    };
    let mut hits: Vec<Range<usize>> = Vec::new();
    for term in terms.iter().filter(|t| !t.is_empty()) {
        hits.extend(
            haystack
                .match_indices(term.as_str())
                .map(|(i, m)| i..i + m.len()),
        );
    }
    hits.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for hit in hits {
        match merged.last_mut() {
            Some(last) if hit.start <= last.end => last.end = last.end.max(hit.end),
            _ => merged.push(hit),
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for hit in merged {
        if hit.start > at {
            out.push((at..hit.start, false));
        }
        out.push((hit.clone(), true));
        at = hit.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((at..text.len(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_plan;

    fn plans() -> Vec<Plan> {
        vec![
            extract_plan("a.txt", "一、建设目标\n到2025年,培育10家以上领军企业。\n二、重点任务\n1.智能医疗。建设智慧医院。(牵头单位:市卫计委)\n2.智能制造。推广工业机器人。(牵头单位:市工信委)\n"),
            extract_plan("b.txt", "一、重点任务\n1.智能医疗。推广手术机器人。(市科委负责)\n"),
        ]
    }

    fn filter(f: impl FnOnce(&mut Filter)) -> Filter {
        let mut out = Filter::default();
        f(&mut out);
        out
    }

    #[test]
    fn filters_combine() {
        let plans = plans();
        assert_eq!(filter_items(&plans, &Filter::default()).len(), 4);
        assert_eq!(
            filter_items(&plans, &filter(|f| f.sectors = vec!["health".into()])).len(),
            2
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.terms = search_terms("机器人"))).len(),
            2
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.terms = search_terms("机器人 手术"))).len(),
            1
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.plans = vec!["b".into()])).len(),
            1
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.figures_only = true)).len(),
            1
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.years = Some((2025, 2025)))).len(),
            1
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.years = Some((2030, 2035)))).len(),
            0
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.departments = vec!["health".into()])).len(),
            1
        );
        assert_eq!(
            filter_items(&plans, &filter(|f| f.kinds = vec![ItemKind::Goal])).len(),
            1
        );
        // Only the goal names an instrument (领军企业: enterprise cultivation).
        let enterprise = filter(|f| f.instruments = vec!["enterprise".into()]);
        let found = filter_items(&plans, &enterprise);
        assert_eq!(found, vec![ItemRef { plan: 0, item: 0 }]);
        assert_eq!(
            filter_items(
                &plans,
                &filter(|f| f.instruments = vec!["enterprise".into(), "funding".into()])
            ),
            found,
            "any of the instruments"
        );
        assert!(filter_items(
            &plans,
            &filter(|f| {
                f.instruments = vec!["enterprise".into()];
                f.sectors = vec!["health".into()];
            })
        )
        .is_empty());
    }

    #[test]
    fn instrument_facet_counts_what_the_other_filters_leave() {
        let plans = vec![extract_plan(
            "c.txt",
            "一、重点任务\n1.建设创新平台。给予资金补贴。\n2.建设重点实验室。\n3.开展试点示范。给予奖励。\n",
        )];
        let f = filter(|f| f.instruments = vec!["platform".into()]);
        assert_eq!(filter_items(&plans, &f).len(), 2);
        let counts = facets(&plans, &f);
        assert_eq!(counts.instruments.get("platform"), Some(&2));
        assert_eq!(
            counts.instruments.get("funding"),
            Some(&2),
            "its own filter left out"
        );
        assert_eq!(counts.instruments.get("pilot"), Some(&1));
        assert_eq!(
            counts.kinds.get(&ItemKind::Task),
            Some(&2),
            "others follow it"
        );
        let searched = filter(|f| f.terms = search_terms("实验室"));
        assert_eq!(facets(&plans, &searched).instruments.get("funding"), None);
    }

    #[test]
    fn facets_ignore_their_own_filter() {
        let plans = plans();
        let f = filter(|f| f.sectors = vec!["health".into()]);
        let counts = facets(&plans, &f);
        assert_eq!(
            counts.sectors.get("robots"),
            Some(&2),
            "siblings keep their counts"
        );
        assert_eq!(counts.plans.get("a"), Some(&1));
        assert_eq!(counts.plans.get("b"), Some(&1));
        assert_eq!(counts.kinds.get(&ItemKind::Task), Some(&2));
    }

    #[test]
    fn highlight_covers_text_and_merges() {
        let text = "人工智能产业,人工智能";
        let runs = highlight(text, &search_terms("人工 智能"));
        let covered: String = runs.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(covered, text);
        let marked: Vec<&str> = runs
            .iter()
            .filter(|(_, m)| *m)
            .map(|(r, _)| &text[r.clone()])
            .collect();
        assert_eq!(marked, vec!["人工智能", "人工智能"]);
        assert_eq!(
            highlight("AI and ai", &search_terms("Ai"))
                .iter()
                .filter(|(_, m)| *m)
                .count(),
            2
        );
        assert_eq!(highlight("", &search_terms("x")), vec![(0..0, false)]);
    }

    #[test]
    fn departments_in_use_are_those_items_name() {
        let plans = vec![extract_plan(
            "x.txt",
            "二、重点任务\n1.建设算力平台。(牵头单位:市科技局;责任单位:市财政局)",
        )];
        assert_eq!(
            departments_in_use(&plans),
            vec!["science_tech", "finance_bureau"]
        );
    }
}
