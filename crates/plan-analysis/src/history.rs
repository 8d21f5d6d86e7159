//! One place over time: the plans of a city or province in order, what each set and reported for
//! every metric, the latest flagged; and the yearly growth a level target implies from the place's
//! latest stated status (derived, never extracted).

use std::collections::HashMap;

use plan_model::{Figure, FigureKind, MeasureType, Plan};

/// Whether two plans are of the same place (the same division code, or the same name in the
/// same province where no code is known).
pub fn same_place(a: &Plan, b: &Plan) -> bool {
    match (&a.city, &b.city) {
        (Some(x), Some(y)) if x.code != 0 && y.code != 0 => x.code == y.code,
        (Some(x), Some(y)) => x.zh == y.zh && x.province_zh == y.province_zh,
        _ => false,
    }
}

/// The plans at `selected` grouped by place, in the order each place first appears; plans
/// without a place are groups of their own.
pub fn group_by_place(plans: &[Plan], selected: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &p in selected {
        match groups
            .iter_mut()
            .find(|g| same_place(&plans[g[0]], &plans[p]))
        {
            Some(group) => group.push(p),
            None => groups.push(vec![p]),
        }
    }
    groups
}

/// The year a reported figure stands for: its own, else its plan's issue year (a fact reported
/// in a document is true when it was written).
pub fn reported_year(plan: &Plan, figure: &Figure) -> Option<u16> {
    figure.year.or(plan.issue_date.year)
}

/// A plan's place in time: its issue date, else the start of its period, else the year after
/// the latest year it reports on (a reply without a date is written after what it reports), else
/// the end of its period.
pub fn plan_time(plan: &Plan) -> f64 {
    let period = plan.period.as_ref();
    let reported = plan
        .figures
        .iter()
        .filter(|f| f.kind == FigureKind::Status)
        .filter_map(|f| f.year)
        .max();
    plan.issue_date
        .fractional_year()
        .or_else(|| period.and_then(|p| p.start).map(f64::from))
        .or_else(|| reported.map(|y| f64::from(y) + 1.0))
        .or_else(|| period.and_then(|p| p.end).map(f64::from))
        .unwrap_or(f64::MAX)
}

/// The annual growth a level target implies from an earlier stated value of its place.
#[derive(Debug, Clone, PartialEq)]
pub struct ImpliedGrowth {
    /// The plan and figure the growth starts from (a status or forecast).
    pub from_plan: usize,
    pub from_figure: usize,
    pub from_year: u16,
    pub to_year: u16,
    /// Compound annual rate (0.32 = 32 % a year), from the base to the target's lower value.
    pub rate: f64,
    /// The base states another scope than the target (产业总产值 against 核心产业): the rate
    /// is shown with both scopes named, for a reader to weigh.
    pub scope_differs: bool,
}

/// The plans of each place and each plan's place in time, worked out once per plan set. With it, a
/// target's implied growth looks only at its own place's plans: [`implied_growth`] scans every
/// plan for each target, which made Compare's per-year readings of every plan quadratic.
#[derive(Debug, Clone, Default)]
pub struct PlaceIndex {
    /// [`plan_time`] of each plan.
    times: Vec<f64>,
    /// Plans by division code (places with a known code) and by name and province (every
    /// place), ascending: together they hold every plan [`same_place`] can accept.
    by_code: HashMap<u32, Vec<usize>>,
    by_name: HashMap<(&'static str, &'static str), Vec<usize>>,
    /// Per plan, its figures that can be a base ([`can_be_base`]), ascending: a plan states
    /// a handful, against dozens of targets.
    bases: Vec<Vec<usize>>,
}

impl PlaceIndex {
    pub fn new(plans: &[Plan]) -> PlaceIndex {
        let mut index = PlaceIndex {
            times: plans.iter().map(plan_time).collect(),
            bases: plans
                .iter()
                .map(|plan| {
                    (0..plan.figures.len())
                        .filter(|&f| can_be_base(&plan.figures[f]))
                        .collect()
                })
                .collect(),
            ..PlaceIndex::default()
        };
        for (p, plan) in plans.iter().enumerate() {
            if let Some(city) = &plan.city {
                if city.code != 0 {
                    index.by_code.entry(city.code).or_default().push(p);
                }
                index
                    .by_name
                    .entry((city.zh, city.province_zh))
                    .or_default()
                    .push(p);
            }
        }
        index
    }

    /// The figures that can be a base in plan `plan` and the plans of its place, ascending.
    fn bases_of_place(&self, plans: &[Plan], plan: usize) -> Vec<(usize, usize)> {
        self.own_and_same_place(plans, plan)
            .into_iter()
            .flat_map(|p| self.bases[p].iter().map(move |&f| (p, f)))
            .collect()
    }

    /// Plan `plan` and the plans of its place, ascending.
    fn own_and_same_place(&self, plans: &[Plan], plan: usize) -> Vec<usize> {
        let target = &plans[plan];
        let Some(city) = &target.city else {
            return vec![plan];
        };
        let by_code = (city.code != 0)
            .then(|| self.by_code.get(&city.code))
            .flatten();
        let by_name = self.by_name.get(&(city.zh, city.province_zh));
        let mut out: Vec<usize> = by_code
            .into_iter()
            .chain(by_name)
            .flatten()
            .copied()
            .filter(|&p| same_place(target, &plans[p]))
            .chain([plan])
            .collect();
        plan_sort::sort(&mut out);
        out.dedup();
        out
    }
}

/// The growth a level target (`plans[plan].figures[figure]`) implies from the latest status or
/// forecast of the same metric that its own plan or another plan of its place states for an
/// earlier year. `None` for anything but a level target, or without such a base.
///
/// Scans every plan for the target's place: for one figure. For many, use [`implied_growth_in`].
pub fn implied_growth(plans: &[Plan], plan: usize, figure: usize) -> Option<ImpliedGrowth> {
    growth_among(
        plans,
        plan,
        figure,
        || {
            (0..plans.len())
                .filter(|&p| p == plan || same_place(&plans[plan], &plans[p]))
                .flat_map(|p| {
                    (0..plans[p].figures.len())
                        .filter(move |&f| can_be_base(&plans[p].figures[f]))
                        .map(move |f| (p, f))
                })
                .collect()
        },
        |p| plan_time(&plans[p]),
    )
}

/// [`implied_growth`], the same answer, with the place's plans and their times looked up in
/// `places` (built from the same `plans`).
pub fn implied_growth_in(
    plans: &[Plan],
    places: &PlaceIndex,
    plan: usize,
    figure: usize,
) -> Option<ImpliedGrowth> {
    growth_among(
        plans,
        plan,
        figure,
        || places.bases_of_place(plans, plan),
        |p| places.times[p],
    )
}

/// Whether a figure can be the base a target grows from (of the target's metric): a stated level
/// (status or forecast) above zero.
fn can_be_base(f: &Figure) -> bool {
    matches!(f.kind, FigureKind::Status | FigureKind::Forecast)
        && f.measure == MeasureType::Level
        && f.normalized_range().0 > 0.0
}

/// The implied growth with the base sought among `bases_of_place()` (the figures that
/// [`can_be_base`] of plan `plan` and of the plans of its place, as (plan, figure), ascending) and
/// `time` giving a plan's [`plan_time`].
fn growth_among(
    plans: &[Plan],
    plan: usize,
    figure: usize,
    bases_of_place: impl FnOnce() -> Vec<(usize, usize)>,
    time: impl Fn(usize) -> f64,
) -> Option<ImpliedGrowth> {
    let target = &plans[plan].figures[figure];
    if target.kind != FigureKind::Target || target.measure != MeasureType::Level {
        return None;
    }
    let to_year = target.year?;
    let to_value = target.normalized_range().0;
    let (from_plan, from_figure, from_year) = bases_of_place()
        .into_iter()
        // Its own plan or an earlier plan of its place: a later plan's report is hindsight.
        .filter(|&(p, _)| p == plan || time(p) <= time(plan))
        .filter_map(|(p, i)| {
            let f = &plans[p].figures[i];
            (f.metric == target.metric).then_some((p, i, reported_year(&plans[p], f)?))
        })
        .filter(|(_, _, year)| *year < to_year)
        // The latest year, then the latest plan; of equals, the last (as `max_by` keeps).
        .max_by(|a, b| {
            (a.2, time(a.0))
                .partial_cmp(&(b.2, time(b.0)))
                .unwrap_or(std::cmp::Ordering::Equal)
        })?;
    let base = plans[from_plan].figures[from_figure].normalized_range().0;
    let years = f64::from(to_year - from_year);
    (to_value > 0.0).then(|| ImpliedGrowth {
        from_plan,
        from_figure,
        from_year,
        to_year,
        rate: (to_value / base).powf(1.0 / years) - 1.0,
        scope_differs: plans[from_plan].figures[from_figure].scope != target.scope,
    })
}

/// One figure in a place's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub plan: usize,
    pub figure: usize,
    /// The year it is for (a target's year; a report's own or its plan's).
    pub year: Option<u16>,
    /// The newest plan's statement of this kind (target, or report) for the metric.
    pub latest: bool,
}

/// What the plans of one place said about one metric, oldest plan first.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    pub metric: &'static str,
    pub targets: Vec<HistoryEntry>,
    pub reported: Vec<HistoryEntry>,
}

/// A place with two or more plans.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceHistory {
    /// Its plans, oldest first (indices into the plan list).
    pub plans: Vec<usize>,
    pub rows: Vec<HistoryRow>,
}

/// The places that two or more of the plans at `selected` belong to, each with its plans in
/// order and, per metric, every target and report, the newest flagged.
pub fn place_histories(plans: &[Plan], selected: &[usize]) -> Vec<PlaceHistory> {
    let groups = group_by_place(plans, selected);
    groups
        .into_iter()
        .filter(|g| g.len() > 1 && plans[g[0]].city.is_some())
        .map(|mut group| {
            plan_sort::sort_by(&mut group, |&a, &b| {
                plan_time(&plans[a]).total_cmp(&plan_time(&plans[b]))
            });
            let rows = plan_model::vocab::METRICS
                .iter()
                .filter_map(|metric| {
                    let entries = |keep: fn(&Figure) -> bool| {
                        let mut out: Vec<HistoryEntry> = group
                            .iter()
                            .flat_map(|&p| {
                                plans[p]
                                    .figures
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, f)| keep(f) && f.metric == Some(metric.key))
                                    .map(move |(i, f)| HistoryEntry {
                                        plan: p,
                                        figure: i,
                                        year: if f.kind == FigureKind::Target {
                                            f.year
                                        } else {
                                            reported_year(&plans[p], f)
                                        },
                                        latest: false,
                                    })
                            })
                            .collect();
                        // The newest plan's entries, and within it the furthest year, are the latest.
                        let newest = out
                            .iter()
                            .map(|e| (group.iter().position(|&p| p == e.plan), e.year))
                            .max();
                        for e in &mut out {
                            e.latest =
                                Some((group.iter().position(|&p| p == e.plan), e.year)) == newest;
                        }
                        out
                    };
                    let targets = entries(crate::compare::is_goal);
                    let reported = entries(crate::compare::is_reported);
                    (!targets.is_empty() || !reported.is_empty()).then_some(HistoryRow {
                        metric: metric.key,
                        targets,
                        reported,
                    })
                })
                .collect();
            PlaceHistory { plans: group, rows }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_seeds;

    fn seed(plans: &[Plan], prefix: &str) -> usize {
        plans.iter().position(|p| p.id.starts_with(prefix)).unwrap()
    }

    #[test]
    fn wuhan_over_time_reply_then_plan() {
        let plans = extract_seeds();
        let all: Vec<usize> = (0..plans.len()).collect();
        let histories = place_histories(&plans, &all);
        assert_eq!(histories.len(), 1, "only Wuhan has two plans");
        let wuhan = &histories[0];
        assert_eq!(
            wuhan.plans,
            vec![seed(&plans, "000"), seed(&plans, "001")],
            "the 2019 reply before the 2023 plan"
        );
        let scale = wuhan
            .rows
            .iter()
            .find(|r| r.metric == "ai_industry_scale")
            .unwrap();
        // The reply forecasts 2020; the plan targets 2025, which is the latest.
        assert_eq!(scale.reported.len(), 1);
        assert_eq!(scale.reported[0].year, Some(2020));
        let latest: Vec<_> = scale.targets.iter().filter(|e| e.latest).collect();
        assert_eq!(latest.len(), 1);
        assert_eq!(latest[0].plan, seed(&plans, "001"));
        assert_eq!(latest[0].year, Some(2025));
    }

    #[test]
    fn level_target_implies_growth_from_the_places_latest_status() {
        let plans = extract_seeds();
        let wuhan = seed(&plans, "001");
        let target = plans[wuhan]
            .figures
            .iter()
            .position(|f| f.metric == Some("ai_industry_scale") && f.kind == FigureKind::Target)
            .unwrap();
        let g = implied_growth(&plans, wuhan, target).expect("the reply's 2020 figure is a base");
        assert_eq!(
            (g.from_plan, g.from_year, g.to_year),
            (seed(&plans, "000"), 2020, 2025)
        );
        // 100亿元 (2020) to 400亿元 (2025): 4^(1/5) − 1 ≈ 31.95 % a year.
        assert!((g.rate - (4f64.powf(0.2) - 1.0)).abs() < 1e-9, "{}", g.rate);
        assert!(g.scope_differs, "产业总产值 then, 核心产业 now: said so");
        // Tianjin states no earlier status: nothing to grow from.
        let tianjin = seed(&plans, "003");
        let t = plans[tianjin]
            .figures
            .iter()
            .position(|f| f.metric == Some("ai_industry_scale"))
            .unwrap();
        assert_eq!(implied_growth(&plans, tianjin, t), None);
    }

    /// The index changes where the base is sought, never what is found: every figure of the seeds
    /// and of synthetic plans gives the same answer both ways. The synthetic plans are moved into
    /// a few places (the generator rarely gives two plans one place) so that each place has many
    /// plans, earlier and later.
    #[test]
    fn the_place_index_gives_the_same_growth() {
        let mut plans = extract_seeds();
        let seeds = plans.len();
        plans.extend(
            plan_synth::generate(60, 3)
                .iter()
                .map(|p| plan_extract::extract_plan(&p.file_name, &p.text)),
        );
        for p in seeds..plans.len() {
            plans[p].city = plans[seeds + p % 6].city;
        }
        let places = PlaceIndex::new(&plans);
        let mut implied = 0;
        for (p, plan) in plans.iter().enumerate() {
            for f in 0..plan.figures.len() {
                let expected = implied_growth(&plans, p, f);
                implied += usize::from(expected.as_ref().is_some_and(|g| g.from_plan != p));
                assert_eq!(implied_growth_in(&plans, &places, p, f), expected);
            }
        }
        assert!(
            implied > 20,
            "some targets grow from another plan: {implied}"
        );
    }
}
