//! A user's corrections of figures: what is kept, the corrections file, and how corrections are
//! applied on top of an extraction.
//!
//! Corrections are kept apart from the extraction and applied to a fresh one each time, so better
//! extraction still reaches every plan and a correction can always be undone. A correction names
//! its figure by plan and figure id and carries the figure's raw text: when ids shift (a better
//! extraction finds one more figure earlier in the plan), the figure is found again by its text;
//! a correction whose figure is gone is reported, never dropped in silence.

use serde::{Deserialize, Serialize};

use plan_model::vocab::metric_by_key;
use plan_model::{FigureKind, KindRule, MeasureType, Plan};

use crate::LibraryError;

/// The corrections file's schema name.
pub const CORRECTIONS_SCHEMA: &str = "plan-compare-corrections/1";

/// The earliest and latest year a correction may set: plans name years of this century.
pub const YEARS: std::ops::RangeInclusive<u16> = 1949..=2100;

/// One user's correction of one figure. `None` (and `not_target: false`) leaves the extracted
/// reading as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// The plan's id.
    pub plan: String,
    /// The figure's id when the correction was made.
    pub figure: String,
    /// The figure's raw text as extracted (`400 亿元`), to find it again if ids shift.
    pub raw: String,
    /// The value as written, before unit scaling (a range becomes this single value).
    #[serde(default)]
    pub value: Option<f64>,
    /// The unit as written (`亿元`, `家`, `%` …); scale and normalised unit follow from it.
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default, with = "by_key")]
    pub measure: Option<MeasureType>,
    #[serde(default, with = "by_key")]
    pub kind: Option<FigureKind>,
    /// The figure states no target (its kind becomes `other`, whatever `kind` says).
    #[serde(default)]
    pub not_target: bool,
    /// The user's note, if any.
    #[serde(default)]
    pub note: Option<String>,
    /// When it was made, `YYYY-MM-DDTHH:MM:SSZ`: of two corrections of one figure, the newer wins.
    #[serde(default)]
    pub at: String,
}

impl Correction {
    /// A correction of nothing yet, for figure `figure` (id and raw text) of plan `plan`.
    pub fn new(plan: &str, figure: &str, raw: &str, at: &str) -> Correction {
        Correction {
            plan: plan.to_string(),
            figure: figure.to_string(),
            raw: raw.to_string(),
            value: None,
            unit: None,
            year: None,
            measure: None,
            kind: None,
            not_target: false,
            note: None,
            at: at.to_string(),
        }
    }

    /// Whether it corrects nothing (a note alone corrects nothing).
    pub fn is_empty(&self) -> bool {
        self.value.is_none()
            && self.unit.is_none()
            && self.year.is_none()
            && self.measure.is_none()
            && self.kind.is_none()
            && !self.not_target
    }

    /// The kind it sets, if any.
    pub fn kind_set(&self) -> Option<FigureKind> {
        if self.not_target {
            Some(FigureKind::Other)
        } else {
            self.kind
        }
    }

    /// Why it cannot be applied to any figure, if it cannot.
    fn problem(&self) -> Option<String> {
        if self.plan.trim().is_empty() || self.figure.trim().is_empty() {
            return Some("no plan or figure id".to_string());
        }
        if self.value.is_some_and(|v| !v.is_finite() || v < 0.0) {
            return Some(format!(
                "value {:?} is not a number of zero or more",
                self.value
            ));
        }
        if let Some(unit) = &self.unit {
            if plan_extract::read_unit(unit).is_none() {
                return Some(format!("unit {unit:?} is not a unit this tool reads"));
            }
        }
        if let Some(year) = self.year {
            if !YEARS.contains(&year) {
                return Some(format!(
                    "year {year} is outside {}–{}",
                    YEARS.start(),
                    YEARS.end()
                ));
            }
        }
        None
    }

    fn same_figure(&self, other: &Correction) -> bool {
        self.plan == other.plan && self.figure == other.figure
    }
}

/// (De)serialises the model's enums by their keys (`target`, `flow` …), the keys of the export.
mod by_key {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub trait Keyed: Copy {
        const WHAT: &'static str;
        fn key(self) -> &'static str;
        fn from_key(key: &str) -> Option<Self>;
    }

    impl Keyed for plan_model::FigureKind {
        const WHAT: &'static str = "kind";
        fn key(self) -> &'static str {
            plan_model::FigureKind::key(self)
        }
        fn from_key(key: &str) -> Option<Self> {
            plan_model::FigureKind::from_key(key)
        }
    }

    impl Keyed for plan_model::MeasureType {
        const WHAT: &'static str = "measure";
        fn key(self) -> &'static str {
            plan_model::MeasureType::key(self)
        }
        fn from_key(key: &str) -> Option<Self> {
            plan_model::MeasureType::from_key(key)
        }
    }

    pub fn serialize<S: Serializer, T: Keyed>(
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_some(v.key()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Keyed>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|key| {
                T::from_key(&key)
                    .ok_or_else(|| D::Error::custom(format!("unknown {} {key:?}", T::WHAT)))
            })
            .transpose()
    }
}

/// The corrections file of `corrections` (also what the browser store holds).
pub fn corrections_json(corrections: &[Correction]) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        schema: &'a str,
        corrections: &'a [Correction],
    }
    let file = File {
        schema: CORRECTIONS_SCHEMA,
        corrections,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a corrections file (or the store). The whole file is refused, naming the first entry
/// that is wrong, rather than taken in part: a user can fix the file and nothing is half-applied.
pub fn parse_corrections(json: &str) -> Result<Vec<Correction>, LibraryError> {
    #[derive(Deserialize)]
    struct File {
        schema: String,
        corrections: Vec<serde_json::Value>,
    }
    let bad = |why: String| LibraryError::BadCorrections(why);
    let file: File =
        crate::from_json_file(json).map_err(|e| bad(format!("not a corrections file: {e}")))?;
    crate::check_schema(&file.schema, CORRECTIONS_SCHEMA).map_err(bad)?;
    file.corrections
        .into_iter()
        .enumerate()
        .map(|(n, entry)| {
            let correction: Correction = serde_json::from_value(entry)
                .map_err(|e| bad(format!("correction {}: {e}", n + 1)))?;
            match correction.problem() {
                Some(why) => Err(bad(format!("correction {}: {why}", n + 1))),
                None => Ok(correction),
            }
        })
        .collect()
}

/// Puts `correction` into `corrections`, replacing the one of the same figure; one that corrects
/// nothing removes it.
pub fn upsert(corrections: &mut Vec<Correction>, correction: Correction) {
    match corrections.iter().position(|c| c.same_figure(&correction)) {
        Some(at) if correction.is_empty() => {
            corrections.remove(at);
        }
        Some(at) => corrections[at] = correction,
        None if correction.is_empty() => {}
        None => corrections.push(correction),
    }
}

/// Removes the correction of figure `figure` of plan `plan`; whether there was one.
pub fn remove(corrections: &mut Vec<Correction>, plan: &str, figure: &str) -> bool {
    let before = corrections.len();
    corrections.retain(|c| !(c.plan == plan && c.figure == figure));
    corrections.len() != before
}

/// What merging a corrections file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeCount {
    /// Corrections of figures that had none.
    pub added: usize,
    /// Newer than the one kept, which they replaced.
    pub replaced: usize,
    /// Older than (or the same as) the one kept, which stays.
    pub kept: usize,
}

/// Merges the corrections of a file into `corrections`: per figure, the newer one wins.
pub fn merge(corrections: &mut Vec<Correction>, incoming: Vec<Correction>) -> MergeCount {
    let mut count = MergeCount::default();
    for correction in incoming {
        match corrections.iter().position(|c| c.same_figure(&correction)) {
            Some(at) if correction.at > corrections[at].at => {
                corrections[at] = correction;
                count.replaced += 1;
            }
            Some(_) => count.kept += 1,
            None => {
                corrections.push(correction);
                count.added += 1;
            }
        }
    }
    count
}

/// Why a correction was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unapplicable {
    /// No plan has its id (an imported plan removed since).
    NoPlan,
    /// Its plan has no figure with its id and raw text, nor any figure with its raw text.
    NoFigure,
    /// It cannot apply to any figure; what is wrong with it.
    Invalid(String),
}

/// A correction not applied, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Unapplied {
    pub correction: Correction,
    pub reason: Unapplicable,
}

/// The number in a figure id's `-fNNN` ending.
fn figure_number(id: &str) -> Option<usize> {
    id.rsplit_once("-f")?.1.parse().ok()
}

/// The figure of `plan` a correction is about: the one with its id, if its raw text is the same;
/// else the figure with its raw text (of several, the nearest to where its id stood).
pub fn locate(plan: &Plan, correction: &Correction) -> Option<usize> {
    if let Some(at) = plan
        .figures
        .iter()
        .position(|f| f.id == correction.figure && f.raw == correction.raw)
    {
        return Some(at);
    }
    let was = figure_number(&correction.figure).unwrap_or(0);
    plan.figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.raw == correction.raw)
        .min_by_key(|(at, f)| (figure_number(&f.id).unwrap_or(*at + 1).abs_diff(was), *at))
        .map(|(at, _)| at)
}

/// Points each correction at its figure's current id where the figure moved (found again by its
/// raw text), so that correcting it again replaces it instead of adding a second one. Returns how
/// many moved.
pub fn rehome(plans: &[Plan], corrections: &mut [Correction]) -> usize {
    let mut moved = 0;
    for correction in corrections.iter_mut() {
        let Some(plan) = plans.iter().find(|p| p.id == correction.plan) else {
            continue;
        };
        if let Some(at) = locate(plan, correction) {
            if plan.figures[at].id != correction.figure {
                correction.figure.clone_from(&plan.figures[at].id);
                moved += 1;
            }
        }
    }
    moved
}

/// Adds `field` to the fields a figure's reading was corrected in, once.
fn mark(corrected: &mut Vec<&'static str>, field: &'static str) {
    if !corrected.contains(&field) {
        corrected.push(field);
    }
}

/// Applies `corrections` to `plans` (an extraction), in order. Every field set is named in the
/// figure's `corrected`; a kind set makes the rule [`KindRule::Corrected`]. Returns the corrections
/// that could not be applied, each with why.
pub fn apply_corrections(plans: &mut [Plan], corrections: &[Correction]) -> Vec<Unapplied> {
    let mut unapplied = Vec::new();
    for correction in corrections {
        let fail = |reason| Unapplied {
            correction: correction.clone(),
            reason,
        };
        if let Some(why) = correction.problem() {
            unapplied.push(fail(Unapplicable::Invalid(why)));
            continue;
        }
        let Some(plan) = plans.iter_mut().find(|p| p.id == correction.plan) else {
            unapplied.push(fail(Unapplicable::NoPlan));
            continue;
        };
        let Some(at) = locate(plan, correction) else {
            unapplied.push(fail(Unapplicable::NoFigure));
            continue;
        };
        let figure = &mut plan.figures[at];
        if let Some(value) = correction.value {
            figure.value = Some(value);
            figure.min = None;
            figure.max = None;
            mark(&mut figure.corrected, "value");
        }
        if let Some(unit) = &correction.unit {
            // Checked by `problem` above.
            if let Some(reading) = plan_extract::read_unit(unit) {
                figure.unit = unit.trim().to_string();
                figure.unit_class = reading.class;
                figure.scale = reading.scale;
                // The metric's noun where the metric can be stated in the new unit; otherwise the
                // metric no longer fits and the unit's own noun is the normalised unit.
                let metric = figure
                    .metric
                    .and_then(metric_by_key)
                    .filter(|m| !reading.physical && m.units.contains(&reading.class));
                match metric {
                    Some(m) => figure.unit_normalized = m.noun.to_string(),
                    None => {
                        figure.metric = None;
                        figure.scope = None;
                        figure.unit_normalized = reading.noun.to_string();
                    }
                }
                mark(&mut figure.corrected, "unit");
            }
        }
        if let Some(year) = correction.year {
            figure.year = Some(year);
            // The year is the user's, not the sentence's or the section's.
            figure.year_source = None;
            mark(&mut figure.corrected, "year");
        }
        if let Some(measure) = correction.measure {
            figure.measure = measure;
            mark(&mut figure.corrected, "measure");
        }
        if let Some(kind) = correction.kind_set() {
            figure.kind = kind;
            figure.kind_rule = KindRule::Corrected;
            figure.kind_cue = None;
            mark(&mut figure.corrected, "kind");
        }
    }
    unapplied
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_model::vocab::UnitClass;
    use plan_model::YearSource;

    const TEXT: &str = "一、发展目标\n到2025年，全市人工智能核心产业规模达到400亿元，培育企业30—50家。\n二、重点任务\n1.建设平台。建成创新平台10个。\n";

    fn plan() -> Plan {
        plan_extract::extract_plan("p.txt", TEXT)
    }

    fn figure_id(plan: &Plan, raw: &str) -> String {
        plan.figures
            .iter()
            .find(|f| f.raw == raw)
            .unwrap_or_else(|| panic!("no {raw} in {:?}", plan.figures))
            .id
            .clone()
    }

    fn correction(plan: &Plan, raw: &str) -> Correction {
        Correction::new("p", &figure_id(plan, raw), raw, "2026-01-01T00:00:00Z")
    }

    fn applied(corrections: &[Correction]) -> (Plan, Vec<Unapplied>) {
        let mut plans = vec![plan()];
        let unapplied = apply_corrections(&mut plans, corrections);
        (plans.remove(0), unapplied)
    }

    fn find<'a>(plan: &'a Plan, raw: &str) -> &'a plan_model::Figure {
        plan.figures.iter().find(|f| f.raw == raw).unwrap()
    }

    #[test]
    fn the_test_text_has_the_figures_the_tests_use() {
        let p = plan();
        let money = find(&p, "400亿元");
        assert_eq!(
            (money.value, money.scale, money.year),
            (Some(400.0), 1e8, Some(2025))
        );
        assert_eq!(money.metric, Some("ai_industry_scale"));
        assert_eq!(money.kind, FigureKind::Target);
        let range = find(&p, "30—50家");
        assert_eq!(
            (range.value, range.min, range.max),
            (None, Some(30.0), Some(50.0))
        );
        assert!(p.figures.iter().all(|f| f.corrected.is_empty()));
    }

    #[test]
    fn a_value_correction_sets_the_value_and_drops_the_range() {
        let p = plan();
        let mut c = correction(&p, "30—50家");
        c.value = Some(45.0);
        let (p, unapplied) = applied(&[c]);
        assert!(unapplied.is_empty());
        let f = find(&p, "30—50家");
        assert_eq!((f.value, f.min, f.max), (Some(45.0), None, None));
        assert_eq!(f.normalized_range(), (45.0, 45.0));
        assert_eq!(f.corrected, vec!["value"]);
        // Nothing else changed.
        assert_eq!(
            f.kind_rule,
            plan()
                .figures
                .iter()
                .find(|g| g.raw == "30—50家")
                .unwrap()
                .kind_rule
        );
    }

    #[test]
    fn a_unit_correction_rescales_and_keeps_a_metric_that_fits() {
        let p = plan();
        let mut c = correction(&p, "400亿元");
        c.unit = Some(" 万元 ".into());
        let (p, _) = applied(&[c]);
        let f = find(&p, "400亿元");
        assert_eq!(
            (f.unit.as_str(), f.scale, f.unit_class),
            ("万元", 1e4, UnitClass::Money)
        );
        assert_eq!(f.unit_normalized, "yuan");
        assert_eq!(f.metric, Some("ai_industry_scale"));
        assert_eq!(f.normalized_range(), (4e6, 4e6));
        assert_eq!(f.corrected, vec!["unit"]);
    }

    #[test]
    fn a_unit_the_metric_cannot_be_stated_in_drops_the_metric() {
        let p = plan();
        let mut c = correction(&p, "400亿元");
        c.unit = Some("%".into());
        let (p, _) = applied(&[c]);
        let f = find(&p, "400亿元");
        assert_eq!(
            (f.unit_class, f.unit_normalized.as_str(), f.metric),
            (UnitClass::Percent, "%", None)
        );
    }

    #[test]
    fn year_measure_and_kind_corrections() {
        let p = plan();
        let mut c = correction(&p, "400亿元");
        c.year = Some(2027);
        c.measure = Some(MeasureType::Flow);
        c.kind = Some(FigureKind::Forecast);
        let (p, _) = applied(&[c]);
        let f = find(&p, "400亿元");
        assert_eq!((f.year, f.year_source), (Some(2027), None));
        assert_eq!(f.measure, MeasureType::Flow);
        assert_eq!(
            (f.kind, f.kind_rule, f.kind_cue.as_deref()),
            (FigureKind::Forecast, KindRule::Corrected, None)
        );
        assert_eq!(f.corrected, vec!["year", "measure", "kind"]);
        // The figures not corrected keep their reading.
        let other = find(&p, "10个");
        assert!(other.corrected.is_empty());
        assert_ne!(other.kind_rule, KindRule::Corrected);
        assert_eq!(
            find(&plan(), "400亿元").year_source,
            Some(YearSource::Sentence)
        );
    }

    #[test]
    fn not_a_target_makes_the_kind_other_whatever_kind_says() {
        let p = plan();
        let mut c = correction(&p, "10个");
        c.not_target = true;
        c.kind = Some(FigureKind::Funding);
        let (p, _) = applied(&[c]);
        let f = find(&p, "10个");
        assert_eq!(
            (f.kind, f.kind_rule),
            (FigureKind::Other, KindRule::Corrected)
        );
        assert_eq!(f.corrected, vec!["kind"]);
    }

    #[test]
    fn a_figure_whose_id_shifted_is_found_by_its_raw_text() {
        let p = plan();
        let mut c = correction(&p, "10个");
        c.value = Some(12.0);
        // A better extraction found one more figure before it: the stored id now names another.
        let mut shifted = c.clone();
        shifted.figure = figure_id(&p, "400亿元");
        let (q, unapplied) = applied(&[shifted.clone()]);
        assert!(unapplied.is_empty());
        assert_eq!(find(&q, "10个").value, Some(12.0));
        assert_eq!(find(&q, "400亿元").value, Some(400.0));
        // An id that no longer exists at all.
        shifted.figure = "p-f099".into();
        let (q, _) = applied(&[shifted.clone()]);
        assert_eq!(find(&q, "10个").value, Some(12.0));
        // Rehoming points it at the current id.
        let mut list = vec![shifted];
        assert_eq!(rehome(&[plan()], &mut list), 1);
        assert_eq!(list[0].figure, c.figure);
        assert_eq!(rehome(&[plan()], &mut list), 0);
    }

    #[test]
    fn of_several_figures_with_the_raw_text_the_nearest_to_the_old_id_is_taken() {
        let text = "一、发展目标\n建成平台10个。\n培育团队10个。\n引进项目10个。\n";
        let mut plans = vec![plan_extract::extract_plan("q.txt", text)];
        let ids: Vec<String> = plans[0].figures.iter().map(|f| f.id.clone()).collect();
        assert_eq!(ids.len(), 3);
        let mut c = Correction::new("q", "q-f009", "10个", "t");
        c.value = Some(1.0);
        let mut near_last = c.clone();
        near_last.figure = "q-f004".into();
        assert!(apply_corrections(&mut plans, &[near_last]).is_empty());
        let values: Vec<Option<f64>> = plans[0].figures.iter().map(|f| f.value).collect();
        assert_eq!(values, vec![Some(10.0), Some(10.0), Some(1.0)]);
    }

    #[test]
    fn corrections_that_cannot_apply_are_reported_never_dropped() {
        let p = plan();
        let mut gone = correction(&p, "400亿元");
        gone.raw = "999亿元".into();
        gone.value = Some(1.0);
        let mut no_plan = correction(&p, "400亿元");
        no_plan.plan = "removed".into();
        no_plan.value = Some(1.0);
        let mut bad_unit = correction(&p, "400亿元");
        bad_unit.unit = Some("斤两".into());
        let (q, unapplied) = applied(&[gone.clone(), no_plan.clone(), bad_unit.clone()]);
        let reasons: Vec<(String, Unapplicable)> = unapplied
            .into_iter()
            .map(|u| (u.correction.plan, u.reason))
            .collect();
        assert_eq!(reasons[0], ("p".into(), Unapplicable::NoFigure));
        assert_eq!(reasons[1], ("removed".into(), Unapplicable::NoPlan));
        assert!(matches!(&reasons[2].1, Unapplicable::Invalid(why) if why.contains("斤两")));
        assert_eq!(q, plan(), "nothing was changed by them");
    }

    #[test]
    fn upsert_keeps_one_per_figure_and_an_empty_one_removes_it() {
        let p = plan();
        let mut list = Vec::new();
        let mut a = correction(&p, "400亿元");
        a.value = Some(1.0);
        upsert(&mut list, a.clone());
        a.value = Some(2.0);
        upsert(&mut list, a.clone());
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].value, Some(2.0));
        let mut b = correction(&p, "10个");
        b.not_target = true;
        upsert(&mut list, b.clone());
        assert_eq!(list.len(), 2);
        upsert(&mut list, correction(&p, "400亿元"));
        assert_eq!(list, vec![b.clone()]);
        upsert(&mut list, correction(&p, "30—50家"));
        assert_eq!(list.len(), 1, "an empty correction is not kept");
        assert!(remove(&mut list, "p", &b.figure));
        assert!(!remove(&mut list, "p", &b.figure));
        assert!(list.is_empty());
    }

    #[test]
    fn merge_keeps_the_newer_correction_of_each_figure() {
        let p = plan();
        let mut old = correction(&p, "400亿元");
        old.value = Some(1.0);
        old.at = "2026-01-01T00:00:00Z".into();
        let mut new = old.clone();
        new.value = Some(2.0);
        new.at = "2026-02-01T00:00:00Z".into();
        let mut other = correction(&p, "10个");
        other.year = Some(2030);
        let mut list = vec![old.clone()];
        let count = merge(&mut list, vec![new.clone(), other.clone()]);
        assert_eq!(
            count,
            MergeCount {
                added: 1,
                replaced: 1,
                kept: 0
            }
        );
        assert_eq!(list, vec![new.clone(), other.clone()]);
        let count = merge(&mut list, vec![old, other]);
        assert_eq!(
            count,
            MergeCount {
                added: 0,
                replaced: 0,
                kept: 2
            }
        );
        assert_eq!(list[0], new);
    }

    #[test]
    fn the_file_round_trips_with_enums_by_their_keys() {
        let p = plan();
        let mut a = correction(&p, "400亿元");
        a.value = Some(450.5);
        a.unit = Some("亿元".into());
        a.year = Some(2026);
        a.measure = Some(MeasureType::Level);
        a.kind = Some(FigureKind::Forecast);
        a.note = Some("原文为预计".into());
        let mut b = correction(&p, "10个");
        b.not_target = true;
        let json = corrections_json(&[a.clone(), b.clone()]);
        assert!(
            json.contains(r#""schema": "plan-compare-corrections/1""#),
            "{json}"
        );
        assert!(
            json.contains(r#""kind": "forecast""#) && json.contains(r#""measure": "level""#),
            "{json}"
        );
        assert_eq!(parse_corrections(&json).unwrap(), vec![a, b]);
        // With a byte-order mark, and with the optional fields left out.
        let minimal = format!(
            "\u{feff}{{\"schema\":\"{CORRECTIONS_SCHEMA}\",\"corrections\":[{{\"plan\":\"p\",\"figure\":\"p-f001\",\"raw\":\"400亿元\",\"not_target\":true}}]}}"
        );
        let read = parse_corrections(&minimal).unwrap();
        assert_eq!(
            (read[0].not_target, read[0].value, read[0].at.as_str()),
            (true, None, "")
        );
    }

    #[test]
    fn bad_files_are_refused_with_a_reason_naming_the_entry() {
        let why = |json: &str| match parse_corrections(json) {
            Err(LibraryError::BadCorrections(why)) => why,
            other => panic!("{json}: {other:?}"),
        };
        assert!(why("not json").starts_with("not a corrections file"));
        assert!(
            why(r#"{"schema":"plan-compare-workspace/1","documents":[]}"#)
                .starts_with("not a corrections file")
        );
        assert!(why(r#"{"schema":"other","corrections":[]}"#)
            .contains("expected \"plan-compare-corrections/1\""));
        let entry = |e: &str| {
            format!(
                r#"{{"schema":"{CORRECTIONS_SCHEMA}","corrections":[{{"plan":"p","figure":"p-f001","raw":"1个"}},{e}]}}"#
            )
        };
        assert!(why(&entry(r#"{"plan":"p"}"#)).starts_with("correction 2: missing field"));
        assert!(why(&entry(
            r#"{"plan":"p","figure":"f","raw":"1个","kind":"goal"}"#
        ))
        .contains("unknown kind \"goal\""));
        assert!(why(&entry(
            r#"{"plan":"p","figure":"f","raw":"1个","measure":"stock"}"#
        ))
        .contains("unknown measure"));
        assert!(why(&entry(
            r#"{"plan":"p","figure":"f","raw":"1个","unit":"斤"}"#
        ))
        .contains("unit \"斤\""));
        assert!(why(&entry(
            r#"{"plan":"p","figure":"f","raw":"1个","year":3000}"#
        ))
        .contains("year 3000"));
        assert!(why(&entry(
            r#"{"plan":"p","figure":"f","raw":"1个","value":-1}"#
        ))
        .starts_with("correction 2: value"));
        assert!(
            why(&entry(r#"{"plan":"","figure":"f","raw":"1个"}"#)).contains("no plan or figure id")
        );
    }
}
