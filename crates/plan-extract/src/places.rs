//! Placing a plan: the province, prefecture or county it belongs to, from the whole list of
//! divisions in `plan_model::places`.
//!
//! A plan names its place first where it names itself: the issuer (`深圳市南山区人民政府办公室`),
//! the title (`浙江省人民政府关于…`), the lines above the body. There the place is the *leading
//! chain* of names (a name at the start, each next one right after the previous: 深圳市 + 南山区),
//! and the deepest consistent one wins. Only when no such line names a place does the text vote:
//! the province or prefecture named most often.
//!
//! Full names are matched anywhere; short forms (杭州, 浙江, 黔南) only for provinces and
//! prefectures, and in a leading chain only at its start or before a government word. A county
//! name shared by several counties (鼓楼区, 朝阳区) is resolved by the parent named in the chain or
//! most often in the text, else left out.

use plan_model::places::{divisions, parent, place, short_name, City, Division};

use crate::text::KeywordSet;

/// Words that may follow a place's short form at the start of an issuer or title.
const GOVERNMENT_WORDS: &[&str] = &[
    "人民政府",
    "政府",
    "办公厅",
    "办公室",
    "委",
    "局",
    "厅",
    "州",
    "党委",
    "人大",
    "政协",
];

struct Gazetteer {
    set: KeywordSet,
    /// The names of provinces and prefectures only (full and short): what the text votes with.
    upper: KeywordSet,
    /// Per keyword id: the divisions of that name (several for shared county names) and whether
    /// the keyword is a short form.
    names: Vec<(Vec<usize>, bool)>,
}

fn gazetteer() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        let all = divisions();
        let mut keywords: Vec<(&'static str, bool)> = Vec::new();
        let mut names: Vec<(Vec<usize>, bool)> = Vec::new();
        // Keyword → id through a map: ~3,600 names, so a scan per name (quadratic) would cost
        // tens of milliseconds at start-up in the browser.
        let mut ids: std::collections::HashMap<(&'static str, bool), usize> =
            std::collections::HashMap::with_capacity(4096);
        let mut add =
            |keyword: &'static str, short: bool, index: usize| match ids.get(&(keyword, short)) {
                Some(&id) => names[id].0.push(index),
                None => {
                    ids.insert((keyword, short), keywords.len());
                    keywords.push((keyword, short));
                    names.push((vec![index], short));
                }
            };
        for (i, d) in all.iter().enumerate() {
            add(d.name, false, i);
            let short = short_name(d.name);
            if d.level <= 2 && short != d.name && short.chars().count() >= 2 {
                add(short, true, i);
            }
        }
        let set = KeywordSet::new(keywords.iter().enumerate().map(|(id, (k, _))| (*k, id)));
        let upper = KeywordSet::new(
            keywords
                .iter()
                .enumerate()
                .filter(|(id, _)| names[*id].0.iter().all(|&i| all[i].level <= 2))
                .map(|(id, (k, _))| (*k, id)),
        );
        Gazetteer { set, upper, names }
    })
}

/// Non-overlapping name matches in `s`, longest first at each position: (start, end, keyword id).
fn matches(s: &str) -> Vec<(usize, usize, usize)> {
    matches_in(&gazetteer().set, s)
}

fn matches_in(set: &KeywordSet, s: &str) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (at, keyword, id) in set.find_all(s) {
        let end = at + keyword.len();
        match out.last_mut() {
            Some(last) if last.0 == at && end > last.1 => *last = (at, end, id),
            Some(last) if at < last.1 => {}
            _ => out.push((at, end, id)),
        }
    }
    out
}

fn is_within(d: &Division, ancestor: &Division) -> bool {
    let mut up = parent(d);
    while let Some(p) = up {
        if p.code == ancestor.code {
            return true;
        }
        up = parent(p);
    }
    false
}

/// How often each province and prefecture is named in `text` (by full or short name), with the
/// first mention.
fn mention_counts(text: &str) -> Vec<(usize, usize)> {
    let g = gazetteer();
    let all = divisions();
    let mut counts = vec![(0usize, usize::MAX); all.len()];
    for (at, _, id) in matches_in(&g.upper, text) {
        let (candidates, _) = &g.names[id];
        if candidates.len() == 1 {
            let entry = &mut counts[candidates[0]];
            entry.0 += 1;
            entry.1 = entry.1.min(at);
        }
    }
    counts
}

/// The deepest division of the leading chain of names in `hint`, given `counts` to resolve a
/// shared county name.
fn leading_place<'c>(
    hint: &str,
    counts: &dyn Fn() -> &'c [(usize, usize)],
) -> Option<&'static Division> {
    let g = gazetteer();
    let all = divisions();
    let mut current: Option<&'static Division> = None;
    let mut chain_end = hint.len() - hint.trim_start().len();
    for (start, end, id) in matches(hint) {
        if start != chain_end {
            break;
        }
        let (candidates, short) = &g.names[id];
        let rest = &hint[end..];
        if *short && start > 0 && !GOVERNMENT_WORDS.iter().any(|w| rest.starts_with(w)) {
            break;
        }
        let candidates: Vec<&'static Division> = candidates.iter().map(|&i| &all[i]).collect();
        let chosen = match current {
            Some(c) => candidates.iter().copied().find(|d| is_within(d, c)),
            None if candidates.len() == 1 => Some(candidates[0]),
            // A shared name: the candidate whose parents the text names most often.
            None => candidates
                .iter()
                .copied()
                .map(|d| {
                    let votes: usize = std::iter::successors(parent(d), |p| parent(p))
                        .map(|p| {
                            all.binary_search_by_key(&p.code, |x| x.code)
                                .map_or(0, |i| counts()[i].0)
                        })
                        .sum();
                    (votes, d)
                })
                .filter(|(votes, _)| *votes > 0)
                .max_by_key(|(votes, d)| (*votes, std::cmp::Reverse(d.code)))
                .map(|(_, d)| d),
        };
        match chosen {
            Some(d) => current = Some(d),
            None => break,
        }
        chain_end = end;
    }
    current
}

/// `name` without the place names it starts with (`杭州市西湖区科技局` → `科技局`, `重庆高新区管委会` →
/// `高新区管委会`).
pub fn strip_place_prefix(name: &str) -> &str {
    let mut at = 0;
    for (start, end, _) in matches(name) {
        if start != at || end >= name.len() {
            break;
        }
        at = end;
    }
    &name[at..]
}

/// The place of a plan: from `hints` (issuer, title, header lines; first that names one, made
/// more specific by later ones), else the province or prefecture `text` names most often.
pub fn place_of(text: &str, hints: &[&str]) -> Option<City> {
    // Counted only when needed (a shared county name, or no hint names a place).
    let cache: std::cell::OnceCell<Vec<(usize, usize)>> = std::cell::OnceCell::new();
    let counts = || cache.get_or_init(|| mention_counts(text)).as_slice();
    let mut found: Option<&'static Division> = None;
    for hint in hints {
        let Some(d) = leading_place(hint, &counts) else {
            continue;
        };
        match found {
            None => found = Some(d),
            Some(f) if is_within(d, f) => found = Some(d),
            Some(_) => {}
        }
    }
    let found = found.or_else(|| {
        let all = divisions();
        counts()
            .iter()
            .enumerate()
            .filter(|(i, (count, _))| *count > 0 && all[*i].level <= 2)
            .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
            .map(|(i, _)| &all[i])
    })?;
    place(found.code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_model::places::AdminLevel;

    fn check(
        text: &str,
        hints: &[&str],
        expected: Option<(&str, Option<&str>, Option<&str>, AdminLevel)>,
    ) {
        let got =
            place_of(text, hints).map(|c| (c.province_zh, c.prefecture_zh, c.county_zh, c.level));
        assert_eq!(got, expected, "{hints:?} {text}");
    }

    #[test]
    fn issuer_chains_and_levels() {
        use AdminLevel::*;
        check(
            "",
            &["深圳市南山区人民政府办公室"],
            Some(("广东省", Some("深圳市"), Some("南山区"), District)),
        );
        check(
            "",
            &["浙江省人民政府"],
            Some(("浙江省", None, None, Province)),
        );
        check(
            "",
            &["重庆市人民政府办公厅"],
            Some(("重庆市", None, None, Municipality)),
        );
        check(
            "",
            &["黔南州大数据发展管理局"],
            Some(("贵州省", Some("黔南布依族苗族自治州"), None, Prefecture)),
        );
        check(
            "",
            &["桐乡市人民政府办公室"],
            Some(("浙江省", Some("嘉兴市"), Some("桐乡市"), County)),
        );
        check(
            "",
            &["武汉市人民政府"],
            Some(("湖北省", Some("武汉市"), None, SubProvincial)),
        );
    }

    #[test]
    fn shared_county_names_need_a_parent() {
        use AdminLevel::*;
        check("", &["鼓楼区人民政府"], None);
        check(
            "南京市鼓楼区……南京市",
            &["鼓楼区人民政府"],
            Some(("江苏省", Some("南京市"), Some("鼓楼区"), District)),
        );
        check(
            "",
            &["北京市朝阳区人民政府"],
            Some(("北京市", None, Some("朝阳区"), District)),
        );
    }

    #[test]
    fn text_votes_without_hints() {
        assert_eq!(
            place_of("武汉市…武汉…北京", &[]).map(|c| c.en),
            Some("Wuhan")
        );
        assert_eq!(place_of("长沙和天津", &[]).map(|c| c.en), Some("Changsha"));
        assert_eq!(place_of("没有城市", &[]), None);
        // A place named later in the title is not the issuer's place.
        assert_eq!(place_of("", &["关于支持北京发展的意见"]), None);
    }
}
