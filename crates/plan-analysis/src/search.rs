//! Explore's search index: built once per plan set, so that a keystroke looks up the items that
//! can hold the query instead of scanning every item's text.
//!
//! Every item's searchable text (the text [`crate::query`]'s matcher searches) is indexed by its
//! characters and its pairs of adjacent characters (bigrams). An item holding a term holds each of
//! the term's bigrams (or, for a one-character term, that character), so the postings of those
//! keys, intersected, are a superset of the items that match; the candidates of longer terms are
//! then checked by the same matcher as the scan ([`crate::query::text_matches`]; for terms of one
//! or two characters the postings are already exact), so the results are identical to
//! [`crate::query::filter_items`] and [`crate::query::facets`]. Chinese has no spaces, and most
//! queries are a few characters: bigrams need no word list and no segmenter.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use plan_model::{ItemKind, Plan};

use crate::query::{
    departments_in_use, filters_anything_but_text, searchable_text, text_matches, FacetKeys,
    Facets, Failures, Filter, ItemRef, Tally,
};

/// What Explore shows for one filter: the items that pass it, in document order, and the facet
/// counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub items: Vec<ItemRef>,
    pub facets: Facets,
}

/// The search index of one plan set. Build once per plan set ([`SearchIndex::new`]) and query it
/// with the same plans.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every item, numbered in document order: a posting is an index into this.
    items: Vec<ItemRef>,
    /// Each item's [`FacetKeys`], side by side, so that counting thousands of hits reads a few
    /// arrays rather than every item's own vectors: item `n`'s keys are
    /// `facet_keys[facet_starts[n]..facet_starts[n + 1]]`, its sectors first, then its
    /// instruments, then its departments, `facet_lens[n]` saying how many sectors and instruments.
    facet_keys: Vec<&'static str>,
    facet_starts: Vec<u32>,
    facet_lens: Vec<[u16; 2]>,
    kinds: Vec<ItemKind>,
    /// Keys (see [`char_key`], [`bigram_key`]) in ascending order, each with where its postings
    /// are. A key in more than one item in [`DENSE_SHARE`] keeps a bitset of the items (common
    /// characters such as 智 are in most items: 4 bytes an item as a list, 1 bit as a set); the
    /// others keep a list of item numbers, ascending. Both live in flat arrays, not a vector per
    /// key: far fewer allocations, and no per-key overhead.
    keys: Vec<u64>,
    places: Vec<Place>,
    lists: Vec<u32>,
    bits: Vec<u64>,
    /// The counts with no query and no filter (Explore's first render, and every cleared search).
    unfiltered: Facets,
    departments_in_use: Vec<&'static str>,
}

/// Past one item in this many, a key's items are kept as a bitset rather than a list (where the
/// set is the smaller).
const DENSE_SHARE: usize = 32;

/// Where a key's postings are.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// `lists[start..end]`.
    List { start: u32, end: u32 },
    /// `bits[start..start + words]` (`words` being the items' count in 64-bit words), `count` set.
    Bits { start: u32, count: u32 },
}

/// A key's items.
#[derive(Debug, Clone, Copy)]
enum Postings<'a> {
    List(&'a [u32]),
    Bits { words: &'a [u64], count: usize },
}

impl Postings<'_> {
    fn len(&self) -> usize {
        match self {
            Postings::List(list) => list.len(),
            Postings::Bits { count, .. } => *count,
        }
    }

    fn to_vec(self) -> Vec<u32> {
        match self {
            Postings::List(list) => list.to_vec(),
            Postings::Bits { words, count } => {
                let mut out = Vec::with_capacity(count);
                for (w, &word) in words.iter().enumerate() {
                    let mut word = word;
                    while word != 0 {
                        out.push((w * 64) as u32 + word.trailing_zeros());
                        word &= word - 1;
                    }
                }
                out
            }
        }
    }
}

/// The key of one character. Characters are below 2^21, so it never meets a bigram's key.
fn char_key(c: char) -> u64 {
    u64::from(c)
}

/// The key of two adjacent characters.
fn bigram_key(a: char, b: char) -> u64 {
    ((u64::from(a) + 1) << 32) | u64::from(b)
}

/// A hasher for the build's map of keys: keys are already well spread integers, and the
/// standard SipHash would cost more than the rest of the build.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, key: u64) {
        // Fibonacci hashing, folded so that the low bits (the bucket) see the high ones.
        let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }
}

/// Terms of up to this many characters are answered exactly by their postings (the item holds
/// the character, or the bigram, or not), so their candidates need no check.
const EXACT_TERM_CHARS: usize = 2;

impl SearchIndex {
    pub fn new(plans: &[Plan]) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut departments = Vec::new();
        let mut map: HashMap<u64, Vec<u32>, BuildHasherDefault<KeyHasher>> = HashMap::default();
        for (p, plan) in plans.iter().enumerate() {
            for (i, item) in plan.items.iter().enumerate() {
                let number = index.items.len() as u32;
                index.items.push(ItemRef { plan: p, item: i });
                let keys = FacetKeys::of(item, &mut departments);
                index.facet_starts.push(index.facet_keys.len() as u32);
                index.facet_keys.extend(
                    keys.sectors
                        .iter()
                        .chain(keys.instruments)
                        .chain(keys.departments),
                );
                index
                    .facet_lens
                    .push([keys.sectors.len() as u16, keys.instruments.len() as u16]);
                index.kinds.push(keys.kind);
                let mut post = |key: u64| {
                    let list = map.entry(key).or_default();
                    // Items come in order: a repeat within one item is the list's last entry.
                    if list.last() != Some(&number) {
                        list.push(number);
                    }
                };
                let mut previous: Option<char> = None;
                for c in searchable_text(item).chars() {
                    post(char_key(c));
                    if let Some(a) = previous {
                        post(bigram_key(a, c));
                    }
                    previous = Some(c);
                }
            }
        }
        index.facet_starts.push(index.facet_keys.len() as u32);
        let mut entries: Vec<(u64, Vec<u32>)> = map.into_iter().collect();
        // Hot (every posting of every plan, once per plan set): the standard sort, not
        // `plan_sort`'s positions.
        entries.sort_unstable_by_key(|(key, _)| *key);
        let items = index.items.len();
        let words = items.div_ceil(64);
        let dense = |list: &Vec<u32>| list.len() * DENSE_SHARE > items;
        let (dense_keys, list_total) = entries.iter().fold((0, 0), |(d, l), (_, list)| {
            if dense(list) {
                (d + 1, l)
            } else {
                (d, l + list.len())
            }
        });
        index.keys.reserve_exact(entries.len());
        index.places.reserve_exact(entries.len());
        index.lists.reserve_exact(list_total);
        index.bits.reserve_exact(dense_keys * words);
        for (key, list) in entries {
            index.keys.push(key);
            if dense(&list) {
                let start = index.bits.len();
                index.bits.resize(start + words, 0);
                for n in &list {
                    index.bits[start + *n as usize / 64] |= 1 << (n % 64);
                }
                index.places.push(Place::Bits {
                    start: start as u32,
                    count: list.len() as u32,
                });
            } else {
                let start = index.lists.len() as u32;
                index.lists.extend_from_slice(&list);
                index.places.push(Place::List {
                    start,
                    end: index.lists.len() as u32,
                });
            }
        }
        let every: Vec<u32> = (0..index.items.len() as u32).collect();
        index.unfiltered = index
            .filter_and_count(plans, &every, &Filter::default())
            .facets;
        index.departments_in_use = departments_in_use(plans);
        index
    }

    /// The items that pass `filter` and the facet counts: what [`crate::query::filter_items`] and
    /// [`crate::query::facets`] give, from the candidates of the query's keys only.
    pub fn search(&self, plans: &[Plan], filter: &Filter) -> Search {
        debug_assert_eq!(
            self.items.len(),
            plans.iter().map(|p| p.items.len()).sum::<usize>(),
            "an index is queried with the plans it was built from"
        );
        let hits = self.text_hits(plans, &filter.terms);
        if hits.is_none() && !filters_anything_but_text(filter) {
            // No query and no filter: every item, and the counts kept from the build.
            return Search {
                items: self.items.clone(),
                facets: self.unfiltered.clone(),
            };
        }
        let numbers = hits.unwrap_or_else(|| (0..self.items.len() as u32).collect());
        self.filter_and_count(plans, &numbers, filter)
    }

    /// Of the items numbered `numbers` (whose text holds every term, ascending), those that pass
    /// the other filters, and the facet counts: one pass.
    fn filter_and_count(&self, plans: &[Plan], numbers: &[u32], filter: &Filter) -> Search {
        let mut items = Vec::new();
        let mut tally = Tally::new(plans);
        for &n in numbers {
            let r = self.items[n as usize];
            let plan = &plans[r.plan];
            let failures = Failures::of(plan, &plan.items[r.item], filter);
            if failures.none() {
                items.push(r);
            }
            tally.add(r.plan, failures, self.facet_keys_of(n as usize));
        }
        Search {
            items,
            facets: tally.finish(plans),
        }
    }

    fn facet_keys_of(&self, n: usize) -> FacetKeys<'_> {
        let keys =
            &self.facet_keys[self.facet_starts[n] as usize..self.facet_starts[n + 1] as usize];
        let [sectors, instruments] = self.facet_lens[n].map(usize::from);
        FacetKeys {
            sectors: &keys[..sectors],
            instruments: &keys[sectors..sectors + instruments],
            departments: &keys[sectors + instruments..],
            kind: self.kinds[n],
        }
    }

    /// Keys of the canonical departments some item names, in vocabulary order (as
    /// [`crate::query::departments_in_use`]), worked out when the index was built.
    pub fn departments_in_use(&self) -> &[&'static str] {
        &self.departments_in_use
    }

    /// Bytes the index holds on the heap (its arrays and counts, not the plans).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let facets = &self.unfiltered;
        self.items.capacity() * size_of::<ItemRef>()
            + self.facet_keys.capacity() * size_of::<&str>()
            + self.facet_starts.capacity() * size_of::<u32>()
            + self.facet_lens.capacity() * size_of::<[u16; 2]>()
            + self.kinds.capacity() * size_of::<ItemKind>()
            + self.keys.capacity() * size_of::<u64>()
            + self.places.capacity() * size_of::<Place>()
            + self.lists.capacity() * size_of::<u32>()
            + self.bits.capacity() * size_of::<u64>()
            + self.departments_in_use.capacity() * size_of::<&str>()
            + facets.plans.keys().map(|k| k.len() + 48).sum::<usize>()
            + (facets.sectors.len() + facets.instruments.len() + facets.departments.len()) * 32
            + facets.kinds.len() * 24
    }

    /// Numbers of the items whose text holds every term, ascending; `None` when no term narrows anything
    /// (there is none, or only empty ones: every item holds them).
    fn text_hits(&self, plans: &[Plan], terms: &[String]) -> Option<Vec<u32>> {
        let mut lists: Vec<Postings> = Vec::new();
        for term in terms {
            let chars: Vec<char> = term.chars().collect();
            let keys: Vec<u64> = match chars.as_slice() {
                // An empty term is in every text.
                [] => continue,
                [c] => vec![char_key(*c)],
                _ => chars.windows(2).map(|w| bigram_key(w[0], w[1])).collect(),
            };
            for key in keys {
                match self.postings_of(key) {
                    Some(list) => lists.push(list),
                    // A key no item has: no item holds the term.
                    None => return Some(Vec::new()),
                }
            }
        }
        if lists.is_empty() {
            return None;
        }
        plan_sort::sort_by_key(&mut lists, |l| l.len());
        let mut candidates: Vec<u32> = lists[0].to_vec();
        for &list in &lists[1..] {
            intersect(&mut candidates, list);
            if candidates.is_empty() {
                break;
            }
        }
        let unsure: Vec<String> = terms
            .iter()
            .filter(|t| t.chars().count() > EXACT_TERM_CHARS)
            .cloned()
            .collect();
        if !unsure.is_empty() {
            candidates.retain(|&n| {
                let r = self.items[n as usize];
                text_matches(&plans[r.plan].items[r.item], &unsure)
            });
        }
        Some(candidates)
    }

    fn postings_of(&self, key: u64) -> Option<Postings<'_>> {
        let at = self.keys.binary_search(&key).ok()?;
        Some(match self.places[at] {
            Place::List { start, end } => Postings::List(&self.lists[start as usize..end as usize]),
            Place::Bits { start, count } => {
                let start = start as usize;
                Postings::Bits {
                    words: &self.bits[start..start + self.items.len().div_ceil(64)],
                    count: count as usize,
                }
            }
        })
    }
}

/// Keeps the numbers of `candidates` (ascending) that `postings` also holds. A bitset answers
/// each number at once; a short candidate list looks each number up in a long list; lists of like
/// length are merged.
fn intersect(candidates: &mut Vec<u32>, postings: Postings) {
    let list = match postings {
        Postings::Bits { words, .. } => {
            candidates.retain(|&n| words[n as usize / 64] & (1 << (n % 64)) != 0);
            return;
        }
        Postings::List(list) => list,
    };
    if candidates.len() * 16 < list.len() {
        candidates.retain(|n| list.binary_search(n).is_ok());
        return;
    }
    let mut at = 0;
    candidates.retain(|&n| {
        while at < list.len() && list[at] < n {
            at += 1;
        }
        at < list.len() && list[at] == n
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{facets, filter_items, search_terms};
    use plan_model::ItemKind;

    /// The five seeds and some synthetic plans: real and generated phrasing, Latin letters in
    /// both cases, full-width forms, digits.
    fn corpus() -> Vec<Plan> {
        let mut plans: Vec<Plan> = plan_extract::seeds::SEEDS
            .iter()
            .map(|s| plan_extract::extract_plan(s.source, s.text))
            .collect();
        plans.extend(
            plan_synth::generate(12, 7)
                .iter()
                .map(|p| plan_extract::extract_plan(&p.file_name, &p.text)),
        );
        plans
    }

    /// A splitmix64 step: deterministic queries without a dependency.
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Queries typed by hand (empty, one character, mixed Latin and Chinese, absent from the
    /// corpus, several terms) and pieces cut from the items' own text, 1 to 6 characters long,
    /// some upper-cased, some glued to a character no plan has.
    fn queries(plans: &[Plan]) -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            " ",
            "　",
            "机",
            "器",
            "机器人",
            "数据 平台",
            "ai",
            "AI",
            "Ai 模型",
            "ai大模型",
            "5g",
            "5G",
            "2025",
            "2025年",
            "人工智能 2025",
            "a",
            "e",
            "%",
            "（",
            "(",
            "，",
            "龘",
            "智能 龘",
            "zzz",
            "区块链",
            "Ｉ",
            "ＡＩ",
            "机 器",
            "器机",
            "人才 人才",
            "的",
            "发展 的 建设",
            "亿元",
            "pflops",
            "PFlops",
            "算力券",
            "牵头单位",
            "。",
            "；",
        ]
        .iter()
        .map(|q| q.to_string())
        .collect();
        let texts: Vec<&str> = plans
            .iter()
            .flat_map(|p| &p.items)
            .map(|i| i.quote.as_str())
            .collect();
        let mut state = 11;
        for n in 0..100 {
            let text: Vec<char> = texts[next(&mut state) as usize % texts.len()]
                .chars()
                .collect();
            if text.is_empty() {
                continue;
            }
            let len = 1 + next(&mut state) as usize % 6;
            let start = next(&mut state) as usize % text.len();
            let mut piece: String = text[start..(start + len).min(text.len())].iter().collect();
            match n % 8 {
                0 => piece = piece.to_uppercase(),
                1 => piece.push('龘'),
                2 => {
                    let other = texts[next(&mut state) as usize % texts.len()];
                    piece.push(' ');
                    piece.extend(other.chars().take(2));
                }
                _ => {}
            }
            out.push(piece);
        }
        out
    }

    /// Filters beside the query: none, and each facet's kind of filter, to reach every facet's
    /// "all but my own" count.
    fn filters(plans: &[Plan]) -> Vec<Filter> {
        vec![
            Filter::default(),
            Filter {
                sectors: vec!["health".into(), "manufacturing".into()],
                ..Default::default()
            },
            Filter {
                plans: vec![plans[0].id.clone(), plans[7].id.clone()],
                kinds: vec![ItemKind::Task],
                ..Default::default()
            },
            Filter {
                instruments: vec!["funding".into()],
                departments: vec!["science_tech".into()],
                ..Default::default()
            },
            Filter {
                years: Some((2024, 2026)),
                figures_only: true,
                ..Default::default()
            },
        ]
    }

    #[test]
    fn the_index_finds_what_the_scan_finds() {
        let plans = corpus();
        let index = SearchIndex::new(&plans);
        let mut found_some = 0;
        for query in queries(&plans) {
            for mut filter in filters(&plans) {
                filter.terms = search_terms(&query);
                let expected = Search {
                    items: filter_items(&plans, &filter),
                    facets: facets(&plans, &filter),
                };
                assert_eq!(
                    index.search(&plans, &filter),
                    expected,
                    "query {query:?}, filter {filter:?}"
                );
                if !expected.items.is_empty() {
                    found_some += 1;
                }
            }
        }
        assert!(found_some > 150, "the queries find things: {found_some}");
    }

    #[test]
    fn terms_set_by_hand_match_as_in_the_scan() {
        // Not through search_terms: an empty term, an upper-case one, a repeated one.
        let plans = corpus();
        let index = SearchIndex::new(&plans);
        for terms in [
            vec![String::new()],
            vec![String::new(), "数据".into()],
            vec!["AI".into()],
            vec!["数据".into(), "数据".into()],
        ] {
            let filter = Filter {
                terms,
                ..Default::default()
            };
            assert_eq!(
                index.search(&plans, &filter).items,
                filter_items(&plans, &filter),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn latin_capitals_are_found_by_lower_case_terms() {
        let plans = vec![plan_extract::extract_plan(
            "x.txt",
            "二、重点任务\n1.发展AI芯片。建设GPU集群。\n2.建设数据中心。\n",
        )];
        let index = SearchIndex::new(&plans);
        let hits = |q: &str| {
            let filter = Filter {
                terms: search_terms(q),
                ..Default::default()
            };
            index.search(&plans, &filter).items.len()
        };
        assert_eq!(hits("ai芯片"), 1);
        assert_eq!(hits("Gpu"), 1);
        assert_eq!(hits("数据"), 1);
        assert_eq!(hits("p"), 1);
        assert_eq!(hits("x"), 0);
        assert_eq!(hits("数据 ai"), 0);
    }

    #[test]
    fn departments_in_use_are_kept() {
        let plans = corpus();
        assert_eq!(
            SearchIndex::new(&plans).departments_in_use(),
            departments_in_use(&plans).as_slice()
        );
    }

    #[test]
    fn intersect_keeps_the_common_numbers() {
        for (a, b, both) in [
            (vec![1, 3, 5, 7], vec![2, 3, 4, 7, 9], vec![3, 7]),
            (vec![4], (0..100).collect::<Vec<u32>>(), vec![4]),
            (vec![100], (0..100).collect(), vec![]),
            (vec![], vec![1], vec![]),
            ((0..50).collect(), vec![], vec![]),
            (
                (0..200).collect(),
                vec![0, 63, 64, 65, 127, 128, 199],
                vec![0, 63, 64, 65, 127, 128, 199],
            ),
        ] {
            let mut candidates = a.clone();
            intersect(&mut candidates, Postings::List(&b));
            assert_eq!(candidates, both, "{a:?} ∩ {b:?}");
            // The same items as a bitset.
            let mut words = vec![0u64; 4];
            for n in &b {
                words[*n as usize / 64] |= 1 << (n % 64);
            }
            let bits = Postings::Bits {
                words: &words,
                count: b.len(),
            };
            assert_eq!(bits.to_vec(), b);
            let mut candidates = a.clone();
            intersect(&mut candidates, bits);
            assert_eq!(candidates, both, "{a:?} ∩ bits of {b:?}");
        }
    }
}
