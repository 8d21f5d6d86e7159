//! The whole view state, read from and written to the URL hash.
//!
//! Every view is a link: `#view=compare&plans=a,b&lang=en`. The hash (not the query string) holds
//! it because a hash works from `file://`, survives a saved page and never reaches a server. Reading
//! never fails: unknown plans, garbage values and reversed or absurd year ranges fall back to
//! sensible defaults, each with a [`Notice`] the UI shows.

use crate::i18n::Lang;
use plan_analysis::query::{search_terms, Filter};
use plan_model::ItemKind;

use crate::url_state::parse_params;

/// The views of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Explore,
    Compare,
    Timeline,
    Reader,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Overview,
        View::Explore,
        View::Compare,
        View::Timeline,
        View::Reader,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Explore => "explore",
            View::Compare => "compare",
            View::Timeline => "timeline",
            View::Reader => "reader",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// Something in the URL that could not be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownView(String),
    UnknownLang(String),
    UnknownPlans(Vec<String>),
    UnknownSectors(Vec<String>),
    UnknownInstruments(Vec<String>),
    UnknownDepartments(Vec<String>),
    UnknownKinds(Vec<String>),
    UnknownMetric(String),
    BadYears(String),
    ReversedYears(u16, u16),
    UnknownItem(String),
}

/// Which end of the target-year range a control sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearBound {
    From,
    To,
}

/// Earliest and latest years a range may name; anything outside is absurd for these plans.
pub const YEAR_MIN: u16 = 2000;
pub const YEAR_MAX: u16 = 2050;
/// Longest text query kept from a URL, in characters.
const MAX_QUERY_CHARS: usize = 100;

/// What the URL may name, so that reading can check it.
pub struct Known<'a> {
    pub plans: &'a [&'a str],
    pub sectors: &'a [&'a str],
    pub instruments: &'a [&'a str],
    pub departments: &'a [&'a str],
    pub metrics: &'a [&'a str],
}

/// Everything a view shows, as the URL says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub view: View,
    pub lang: Lang,
    /// Selected plans; empty means all.
    pub plans: Vec<String>,
    pub sectors: Vec<String>,
    /// Policy-instrument keys (`instruments=funding,pilot`).
    pub instruments: Vec<String>,
    pub departments: Vec<String>,
    pub kinds: Vec<ItemKind>,
    /// Inclusive target-year range.
    pub years: Option<(u16, u16)>,
    pub figures_only: bool,
    pub query: String,
    /// Compare: read figures per year (flows as stated, levels as implied growth).
    pub per_year: bool,
    /// Compare: list reported and forecast figures in rows of their own beside the goals.
    pub reported: bool,
    pub metric: Option<String>,
    /// Reader: the plan shown.
    pub doc: Option<String>,
    /// An item or figure id to scroll to and highlight.
    pub focus: Option<String>,
    /// Timeline: the years shown (zoom); `None` fits every plan.
    pub span: Option<(u16, u16)>,
    /// Embedded in another page: compact chrome, height messages to the parent.
    pub embed: bool,
    /// Embedded pages offer "Add a plan" only when the host asks for it (`import=1`); the
    /// standalone app always offers it.
    pub import: bool,
}

fn split_list(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if !out.iter().any(|o| o == part) {
            out.push(part.to_string());
        }
    }
    out
}

/// Keeps the known entries of `values`; reports the others.
fn keep_known(
    values: Vec<String>,
    known: &[&str],
    notice: fn(Vec<String>) -> Notice,
    notices: &mut Vec<Notice>,
) -> Vec<String> {
    let (good, bad): (Vec<String>, Vec<String>) = values
        .into_iter()
        .partition(|v| known.contains(&v.as_str()));
    if !bad.is_empty() {
        notices.push(notice(bad));
    }
    good
}

fn parse_years(value: &str, notices: &mut Vec<Notice>) -> Option<(u16, u16)> {
    let parsed = value
        .split_once(['-', '~', ','])
        .and_then(|(a, b)| Some((a.trim().parse::<u16>().ok()?, b.trim().parse::<u16>().ok()?)));
    let Some((from, to)) = parsed
        .filter(|(a, b)| (YEAR_MIN..=YEAR_MAX).contains(a) && (YEAR_MIN..=YEAR_MAX).contains(b))
    else {
        notices.push(Notice::BadYears(value.chars().take(20).collect()));
        return None;
    };
    if from > to {
        notices.push(Notice::ReversedYears(from, to));
        return Some((to, from));
    }
    Some((from, to))
}

fn flag(value: &str) -> bool {
    matches!(value, "1" | "true" | "yes" | "on" | "")
}

impl ViewState {
    /// Explore's filters as this state sets them.
    pub fn filter(&self) -> Filter {
        Filter {
            plans: self.plans.clone(),
            sectors: self.sectors.clone(),
            instruments: self.instruments.clone(),
            departments: self.departments.clone(),
            kinds: self.kinds.clone(),
            years: self.years,
            figures_only: self.figures_only,
            terms: search_terms(&self.query),
        }
    }

    /// Reads the state from a URL's query string and hash (the hash wins), checking every name
    /// against `known`.
    pub fn from_url(query: &str, hash: &str, known: &Known) -> (ViewState, Vec<Notice>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        // Query-string parameters first, so that the hash's win.
        let params: Vec<(String, String)> = parse_params(query)
            .into_iter()
            .chain(parse_params(hash))
            .collect();
        for (key, value) in params {
            let value = value.trim().to_string();
            match key.as_str() {
                "view" => match View::from_key(&value) {
                    Some(v) => state.view = v,
                    None => notices.push(Notice::UnknownView(value.chars().take(20).collect())),
                },
                "lang" => match Lang::from_param(&value) {
                    Some(l) => state.lang = l,
                    None => notices.push(Notice::UnknownLang(value.chars().take(20).collect())),
                },
                "plans" => {
                    state.plans = keep_known(
                        split_list(&value),
                        known.plans,
                        Notice::UnknownPlans,
                        &mut notices,
                    )
                }
                "sectors" => {
                    state.sectors = keep_known(
                        split_list(&value),
                        known.sectors,
                        Notice::UnknownSectors,
                        &mut notices,
                    )
                }
                "instruments" => {
                    state.instruments = keep_known(
                        split_list(&value),
                        known.instruments,
                        Notice::UnknownInstruments,
                        &mut notices,
                    )
                }
                "depts" => {
                    state.departments = keep_known(
                        split_list(&value),
                        known.departments,
                        Notice::UnknownDepartments,
                        &mut notices,
                    )
                }
                "kinds" => {
                    let (good, bad): (Vec<_>, Vec<_>) = split_list(&value)
                        .into_iter()
                        .partition(|k| ItemKind::from_key(k).is_some());
                    state.kinds = good.iter().filter_map(|k| ItemKind::from_key(k)).collect();
                    if !bad.is_empty() {
                        notices.push(Notice::UnknownKinds(bad));
                    }
                }
                "years" => state.years = parse_years(&value, &mut notices),
                "span" => state.span = parse_years(&value, &mut notices),
                "figures" => state.figures_only = flag(&value),
                "q" => state.query = value.chars().take(MAX_QUERY_CHARS).collect(),
                "per_year" => state.per_year = flag(&value),
                "reported" => state.reported = flag(&value),
                "metric" => {
                    if known.metrics.contains(&value.as_str()) {
                        state.metric = Some(value);
                    } else if !value.is_empty() {
                        notices.push(Notice::UnknownMetric(value.chars().take(40).collect()));
                    }
                }
                "doc" => {
                    if known.plans.contains(&value.as_str()) {
                        state.doc = Some(value);
                    } else if !value.is_empty() {
                        notices.push(Notice::UnknownPlans(vec![value.chars().take(60).collect()]));
                    }
                }
                "focus" => {
                    state.focus = (!value.is_empty()).then(|| value.chars().take(80).collect())
                }
                "embed" => state.embed = flag(&value),
                "import" => state.import = flag(&value),
                // Unknown keys are ignored silently: host pages add their own parameters.
                _ => {}
            }
        }
        (state, notices)
    }

    /// The hash that reproduces this state (`#view=…&…`), listing only what differs from the
    /// defaults, in a fixed order.
    pub fn to_hash(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if self.view != View::Overview {
            parts.push(("view", self.view.key().to_string()));
        }
        if self.lang != Lang::Zh {
            parts.push(("lang", self.lang.code().to_string()));
        }
        let list = |v: &Vec<String>| v.join(",");
        if !self.plans.is_empty() {
            parts.push(("plans", list(&self.plans)));
        }
        if !self.sectors.is_empty() {
            parts.push(("sectors", list(&self.sectors)));
        }
        if !self.instruments.is_empty() {
            parts.push(("instruments", list(&self.instruments)));
        }
        if !self.departments.is_empty() {
            parts.push(("depts", list(&self.departments)));
        }
        if !self.kinds.is_empty() {
            parts.push((
                "kinds",
                self.kinds
                    .iter()
                    .map(|k| k.key())
                    .collect::<Vec<_>>()
                    .join(","),
            ));
        }
        if let Some((from, to)) = self.years {
            parts.push(("years", format!("{from}-{to}")));
        }
        if self.figures_only {
            parts.push(("figures", "1".into()));
        }
        if !self.query.is_empty() {
            parts.push(("q", self.query.clone()));
        }
        if self.per_year {
            parts.push(("per_year", "1".into()));
        }
        if self.reported {
            parts.push(("reported", "1".into()));
        }
        if let Some(m) = &self.metric {
            parts.push(("metric", m.clone()));
        }
        if let Some(d) = &self.doc {
            parts.push(("doc", d.clone()));
        }
        if let Some(f) = &self.focus {
            parts.push(("focus", f.clone()));
        }
        if let Some((from, to)) = self.span {
            parts.push(("span", format!("{from}-{to}")));
        }
        if self.embed {
            parts.push(("embed", "1".into()));
        }
        if self.import {
            parts.push(("import", "1".into()));
        }
        let body: Vec<String> = parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
            .collect();
        format!("#{}", body.join("&"))
    }

    /// The explore filters cleared, keeping view, language, embedding and plan selection.
    pub fn cleared_filters(&self) -> ViewState {
        ViewState {
            view: self.view,
            lang: self.lang,
            embed: self.embed,
            import: self.import,
            doc: self.doc.clone(),
            ..ViewState::default()
        }
    }

    /// Sets one end of the target-year range from what a user typed: an empty or unreadable value
    /// opens that end; ends given the wrong way round are swapped; the full range is no filter.
    pub fn set_year_bound(&mut self, bound: YearBound, typed: &str) {
        let parsed = typed
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|y| (YEAR_MIN..=YEAR_MAX).contains(y));
        let (mut from, mut to) = self.years.unwrap_or((YEAR_MIN, YEAR_MAX));
        match bound {
            YearBound::From => from = parsed.unwrap_or(YEAR_MIN),
            YearBound::To => to = parsed.unwrap_or(YEAR_MAX),
        }
        if from > to {
            std::mem::swap(&mut from, &mut to);
        }
        self.years = (from != YEAR_MIN || to != YEAR_MAX).then_some((from, to));
    }

    /// Whether any explore filter is set.
    pub fn has_filters(&self) -> bool {
        !(self.plans.is_empty()
            && self.sectors.is_empty()
            && self.instruments.is_empty()
            && self.departments.is_empty()
            && self.kinds.is_empty()
            && self.years.is_none()
            && !self.figures_only
            && self.query.is_empty())
    }
}

/// Escapes what a hash parameter value cannot hold as is (`&`, `=`, `#`, `%`, spaces, controls).
/// Chinese text stays readable.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' | '=' | '#' | '%' | '+' | '?' | '"' | '<' | '>' | '`' | ' ' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Tr;

    const KNOWN: Known = Known {
        plans: &["p1", "p2"],
        sectors: &["health", "robots"],
        instruments: &["funding", "pilot"],
        departments: &["science_tech"],
        metrics: &["ai_industry_scale"],
    };

    fn read(hash: &str) -> (ViewState, Vec<Notice>) {
        ViewState::from_url("", hash, &KNOWN)
    }

    #[test]
    fn round_trips_through_the_hash() {
        let state = ViewState {
            view: View::Explore,
            lang: Lang::En,
            plans: vec!["p2".into()],
            sectors: vec!["health".into(), "robots".into()],
            instruments: vec!["pilot".into(), "funding".into()],
            departments: vec!["science_tech".into()],
            kinds: vec![ItemKind::Goal, ItemKind::Task],
            years: Some((2020, 2025)),
            figures_only: true,
            query: "人工智能 & 100%".into(),
            per_year: true,
            reported: true,
            metric: Some("ai_industry_scale".into()),
            doc: Some("p1".into()),
            focus: Some("p1-f001".into()),
            span: Some((2018, 2030)),
            embed: true,
            import: true,
        };
        let (back, notices) = read(&state.to_hash());
        assert_eq!(back, state);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(ViewState::default().to_hash(), "#");
    }

    #[test]
    fn garbage_falls_back_with_notices() {
        let (state, notices) = read("#view=nope&plans=p1,zzz&sectors=health,x&instruments=pilot,nope&years=2030-2020&kinds=goal,bad&lang=fr&metric=m");
        assert_eq!(state.view, View::Overview);
        assert_eq!(state.plans, vec!["p1"]);
        assert_eq!(state.sectors, vec!["health"]);
        assert_eq!(state.instruments, vec!["pilot"]);
        assert!(notices.contains(&Notice::UnknownInstruments(vec!["nope".into()])));
        assert_eq!(state.years, Some((2020, 2030)));
        assert_eq!(state.kinds, vec![ItemKind::Goal]);
        assert_eq!(state.lang, Lang::Zh);
        assert_eq!(notices.len(), 8, "{notices:?}");
        for n in &notices {
            assert!(!n.tr(Lang::Zh).is_empty() && !n.tr(Lang::En).is_empty());
        }
    }

    #[test]
    fn year_bounds_from_typed_values() {
        let mut state = ViewState::default();
        state.set_year_bound(YearBound::From, "2023");
        assert_eq!(state.years, Some((2023, YEAR_MAX)));
        state.set_year_bound(YearBound::To, "2020");
        assert_eq!(state.years, Some((2020, 2023)), "swapped");
        state.set_year_bound(YearBound::From, "abc");
        state.set_year_bound(YearBound::To, "");
        assert_eq!(state.years, None, "the full range is no filter");
        state.set_year_bound(YearBound::To, "1800");
        assert_eq!(state.years, None, "absurd years open the end");
    }

    #[test]
    fn absurd_years_are_dropped() {
        for bad in ["1-99999", "abc", "2025", "1900-2020", "2020-3000", "--"] {
            let (state, notices) = read(&format!("#years={bad}"));
            assert_eq!(state.years, None, "{bad}");
            assert!(
                matches!(notices.as_slice(), [Notice::BadYears(_)]),
                "{bad}: {notices:?}"
            );
        }
    }

    #[test]
    fn hash_overrides_query_and_unknown_keys_are_ignored() {
        let (state, notices) =
            ViewState::from_url("?view=compare&utm_source=x", "#view=timeline", &KNOWN);
        assert_eq!(state.view, View::Timeline);
        assert!(notices.is_empty());
    }

    #[test]
    fn long_queries_are_cut() {
        let (state, _) = read(&format!("#q={}", "字".repeat(500)));
        assert_eq!(state.query.chars().count(), 100);
    }
}
