//! Explore: filtering items, facet counts and search highlighting.
//!
//! Search is a plain character substring match (Chinese has no spaces to split words on). Several
//! terms separated by spaces must all occur. Facet counts follow the usual rule: each facet counts
//! what the *other* filters leave, so that choosing a value never makes its own siblings vanish.
//!
//! [`filter_items`] and [`facets`] scan every item's text: fine for a few plans, and the reference
//! the search index ([`crate::search::SearchIndex`]) is tested against. Explore, which asks on
//! every keystroke, uses the index; both share the matchers here.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
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

/// The text a search looks in: the item's quote, lower-cased only when it has Latin capitals
/// (Chinese has no case, and most quotes need no copy). The search index ([`crate::search`])
/// indexes exactly this text, so its candidates are a superset of what [`text_matches`] accepts.
pub(crate) fn searchable_text(item: &Item) -> Cow<'_, str> {
    if item.quote.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(item.quote.to_lowercase())
    } else {
        Cow::Borrowed(&item.quote)
    }
}

/// Whether an item's text holds every search term: the one text matcher, used by the scan and
/// by the index to verify its candidates.
pub(crate) fn text_matches(item: &Item, terms: &[String]) -> bool {
    if terms.is_empty() {
        return true;
    }
    let text = searchable_text(item);
    terms.iter().all(|t| text.contains(t.as_str()))
}

/// The filters other than the search terms that an item fails, one bit each. A facet counts an
/// item when the item fails no filter but (at most) that facet's own (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Failures(u8);

/// Whether a filter on keys rules an item out: it names some keys (`wanted`; none means any) and
/// the item has none of them.
fn rules_out<'k>(wanted: &[String], mut keys: impl Iterator<Item = &'k str>) -> bool {
    !wanted.is_empty() && !keys.any(|key| wanted.iter().any(|w| w == key))
}

impl Failures {
    const PLANS: u8 = 1;
    const SECTORS: u8 = 1 << 1;
    const INSTRUMENTS: u8 = 1 << 2;
    const DEPARTMENTS: u8 = 1 << 3;
    const KINDS: u8 = 1 << 4;
    /// Years and "figures only": no facet leaves them out.
    const UNSKIPPABLE: u8 = 1 << 5;

    /// Which filters `item` fails: the one matcher of filters, for the scan and the index alike.
    pub(crate) fn of(plan: &Plan, item: &Item, filter: &Filter) -> Failures {
        let mut bits = 0;
        if !filter.plans.is_empty() && !filter.plans.contains(&plan.id) {
            bits |= Self::PLANS;
        }
        if rules_out(&filter.sectors, item.sectors.iter().copied()) {
            bits |= Self::SECTORS;
        }
        if rules_out(&filter.instruments, item.instruments.iter().copied()) {
            bits |= Self::INSTRUMENTS;
        }
        let departments = item.departments.iter().filter_map(|d| d.canonical);
        if rules_out(&filter.departments, departments) {
            bits |= Self::DEPARTMENTS;
        }
        if !filter.kinds.is_empty() && !filter.kinds.contains(&item.kind) {
            bits |= Self::KINDS;
        }
        if let Some((from, to)) = filter.years {
            if !item_years(plan, item)
                .iter()
                .any(|y| (from..=to).contains(y))
            {
                bits |= Self::UNSKIPPABLE;
            }
        }
        if filter.figures_only && item.figures.is_empty() {
            bits |= Self::UNSKIPPABLE;
        }
        Failures(bits)
    }

    pub(crate) fn none(self) -> bool {
        self.0 == 0
    }

    /// Whether the item passes once the filter of facet `facet` (one of the bits) is left out.
    pub(crate) fn passes_without(self, facet: u8) -> bool {
        self.0 & !facet == 0
    }
}

/// Whether a filter narrows by anything but the search terms.
pub(crate) fn filters_anything_but_text(filter: &Filter) -> bool {
    let Filter {
        plans,
        sectors,
        instruments,
        departments,
        kinds,
        years,
        figures_only,
        terms: _,
    } = filter;
    !plans.is_empty()
        || !sectors.is_empty()
        || !instruments.is_empty()
        || !departments.is_empty()
        || !kinds.is_empty()
        || years.is_some()
        || *figures_only
}

fn refs(plans: &[Plan]) -> impl Iterator<Item = ItemRef> + '_ {
    plans
        .iter()
        .enumerate()
        .flat_map(|(p, plan)| (0..plan.items.len()).map(move |i| ItemRef { plan: p, item: i }))
}

/// Items that pass every filter, in document order: a scan of every item's text. Explore uses
/// [`crate::search::SearchIndex::search`], which gives the same items without the scan.
pub fn filter_items(plans: &[Plan], filter: &Filter) -> Vec<ItemRef> {
    refs(plans)
        .filter(|r| {
            let plan = &plans[r.plan];
            let item = &plan.items[r.item];
            text_matches(item, &filter.terms) && Failures::of(plan, item, filter).none()
        })
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
/// department facet offers only these. One pass over the items, whatever the vocabulary's size.
pub fn departments_in_use(plans: &[Plan]) -> Vec<&'static str> {
    let named: HashSet<&str> = plans
        .iter()
        .flat_map(|p| &p.items)
        .flat_map(|i| &i.departments)
        .filter_map(|d| d.canonical)
        .collect();
    plan_model::vocab::DEPARTMENTS
        .iter()
        .map(|d| d.key)
        .filter(|key| named.contains(key))
        .collect()
}

/// What an item adds to the facet counts: its keys, each department once (an item naming one as
/// lead and as responsible counts once). The index keeps these for every item, side by side.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FacetKeys<'a> {
    pub(crate) sectors: &'a [&'static str],
    pub(crate) instruments: &'a [&'static str],
    pub(crate) departments: &'a [&'static str],
    pub(crate) kind: ItemKind,
}

impl<'a> FacetKeys<'a> {
    /// The keys of `item`, its distinct departments gathered in `departments`.
    pub(crate) fn of(item: &'a Item, departments: &'a mut Vec<&'static str>) -> FacetKeys<'a> {
        departments.clear();
        for c in item.departments.iter().filter_map(|d| d.canonical) {
            if !departments.contains(&c) {
                departments.push(c);
            }
        }
        FacetKeys {
            sectors: &item.sectors,
            instruments: &item.instruments,
            departments,
            kind: item.kind,
        }
    }
}

/// Counts per key, for the few keys of one facet (a vocabulary's tens): a short list searched in
/// place beats a map's ordered inserts when every hit adds to it.
struct KeyCounts<K>(Vec<(K, usize)>);

impl<K: PartialEq + Copy + Ord> KeyCounts<K> {
    fn add(&mut self, key: K) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => self.0.push((key, 1)),
        }
    }

    fn into_map(self) -> BTreeMap<K, usize> {
        self.0.into_iter().collect()
    }
}

/// Facet counts as items are added: each facet counts an item that fails no filter but its own.
pub(crate) struct Tally {
    /// Per plan index: the facet is keyed by id, and cloning an id per item would dominate.
    per_plan: Vec<usize>,
    sectors: KeyCounts<&'static str>,
    instruments: KeyCounts<&'static str>,
    departments: KeyCounts<&'static str>,
    kinds: KeyCounts<ItemKind>,
}

impl Tally {
    pub(crate) fn new(plans: &[Plan]) -> Tally {
        Tally {
            per_plan: vec![0; plans.len()],
            sectors: KeyCounts(Vec::new()),
            instruments: KeyCounts(Vec::new()),
            departments: KeyCounts(Vec::new()),
            kinds: KeyCounts(Vec::new()),
        }
    }

    /// Adds an item whose text holds every term, of plan `plan`.
    pub(crate) fn add(&mut self, plan: usize, failures: Failures, keys: FacetKeys) {
        if failures.passes_without(Failures::PLANS) {
            self.per_plan[plan] += 1;
        }
        if failures.passes_without(Failures::SECTORS) {
            keys.sectors.iter().for_each(|&k| self.sectors.add(k));
        }
        if failures.passes_without(Failures::INSTRUMENTS) {
            keys.instruments
                .iter()
                .for_each(|&k| self.instruments.add(k));
        }
        if failures.passes_without(Failures::DEPARTMENTS) {
            keys.departments
                .iter()
                .for_each(|&k| self.departments.add(k));
        }
        if failures.passes_without(Failures::KINDS) {
            self.kinds.add(keys.kind);
        }
    }

    pub(crate) fn finish(self, plans: &[Plan]) -> Facets {
        let mut out = Facets {
            plans: BTreeMap::new(),
            sectors: self.sectors.into_map(),
            instruments: self.instruments.into_map(),
            departments: self.departments.into_map(),
            kinds: self.kinds.into_map(),
        };
        for (plan, n) in plans.iter().zip(self.per_plan) {
            if n > 0 {
                // Two plans may share an id: their counts add up.
                *out.plans.entry(plan.id.clone()).or_default() += n;
            }
        }
        out
    }
}

/// Facet counts for `filter`: a scan of every item's text (see [`filter_items`]).
pub fn facets(plans: &[Plan], filter: &Filter) -> Facets {
    let mut tally = Tally::new(plans);
    let mut departments = Vec::new();
    for r in refs(plans).filter(|r| text_matches(&plans[r.plan].items[r.item], &filter.terms)) {
        let plan = &plans[r.plan];
        let item = &plan.items[r.item];
        let failures = Failures::of(plan, item, filter);
        tally.add(r.plan, failures, FacetKeys::of(item, &mut departments));
    }
    tally.finish(plans)
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
    plan_sort::sort_by_key(&mut hits, |r| (r.start, r.end));
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
