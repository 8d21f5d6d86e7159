//! Compare: like targets side by side, sector coverage and department leadership.
//!
//! Figures line up by metric (see [`plan_model::vocab::METRICS`]). Values are compared in normalised
//! units (yuan, people, the counted noun); figures whose scope differs from the metric's plain
//! meaning (核心及相关产业 against 核心产业) stay in the same row with a footnote rather than being
//! silently forced together.

use plan_model::vocab::{Metric, DEPARTMENTS, INSTRUMENTS, METRICS, SECTORS};
use plan_model::{Figure, FigureKind, Item, MeasureType, Plan, Role};

use crate::history::{implied_growth, implied_growth_in, ImpliedGrowth, PlaceIndex};

/// One plan's figures for one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Index into the plan list.
    pub plan: usize,
    /// Indices into that plan's figures, strongest statement first.
    pub figures: Vec<usize>,
}

/// A metric and, for each selected plan, what it states.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    pub metric: &'static Metric,
    /// `false`: targets only (the goal matrix); `true`: what plans report or forecast for the
    /// metric, a row of its own, never mixed with goals.
    pub reported: bool,
    pub cells: Vec<Cell>,
}

impl MetricRow {
    /// How many plans state this metric.
    pub fn plans_stating(&self) -> usize {
        self.cells.iter().filter(|c| !c.figures.is_empty()).count()
    }

    /// The measure type most of the row's figures have (a row's chart and per-year reading follow it).
    pub fn measure(&self, plans: &[Plan]) -> Option<MeasureType> {
        let mut counts = [0usize; MeasureType::ALL.len()];
        for cell in &self.cells {
            for &f in &cell.figures {
                let m = plans[cell.plan].figures[f].measure;
                counts[MeasureType::ALL.iter().position(|x| *x == m).unwrap_or(0)] += 1;
            }
        }
        let (at, &most) = counts
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (**c, usize::MAX - i))?;
        (most > 0).then(|| MeasureType::ALL[at])
    }
}

/// A goal: a target with a metric. Forecasts, reported facts, funding and eligibility thresholds
/// are not goals and never enter the goal matrix.
pub fn is_goal(figure: &Figure) -> bool {
    figure.kind == FigureKind::Target && figure.metric.is_some()
}

/// What a plan reports or expects for a metric: status and forecasts.
pub fn is_reported(figure: &Figure) -> bool {
    matches!(figure.kind, FigureKind::Status | FigureKind::Forecast) && figure.metric.is_some()
}

fn cell(plans: &[Plan], p: usize, metric: &str, keep: fn(&Figure) -> bool) -> Cell {
    let plan = &plans[p];
    let mut figures: Vec<usize> = plan
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| keep(f) && f.metric == Some(metric))
        .map(|(i, _)| i)
        .collect();
    // Later years first, then larger values: the furthest-reaching statement leads.
    plan_sort::sort_by(&mut figures, |&a, &b| {
        let (fa, fb) = (&plan.figures[a], &plan.figures[b]);
        (fb.year, fb.normalized_range().1)
            .partial_cmp(&(fa.year, fa.normalized_range().1))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Cell { plan: p, figures }
}

/// The metric × plan goal matrix for the plans at `selected` (indices into `plans`): targets
/// only; with `reported`, each metric's status and forecasts follow in a marked row of their own.
/// Rows without any figure are left out; metrics stated by more plans come first.
pub fn metric_matrix(plans: &[Plan], selected: &[usize], reported: bool) -> Vec<MetricRow> {
    let mut groups: Vec<(usize, Vec<MetricRow>)> = METRICS
        .iter()
        .map(|metric| {
            let row = |reported: bool, keep: fn(&Figure) -> bool| MetricRow {
                metric,
                reported,
                cells: selected
                    .iter()
                    .map(|&p| cell(plans, p, metric.key, keep))
                    .collect(),
            };
            let mut rows = vec![row(false, is_goal)];
            if reported {
                rows.push(row(true, is_reported));
            }
            rows.retain(|r| r.plans_stating() > 0);
            (rows.first().map_or(0, MetricRow::plans_stating), rows)
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    plan_sort::sort_by_key(&mut groups, |(stating, _)| std::cmp::Reverse(*stating));
    groups.into_iter().flat_map(|(_, rows)| rows).collect()
}

/// A figure read per year, as far as its measure allows.
#[derive(Debug, Clone, PartialEq)]
pub enum Yearly {
    /// A flow: already a quantity per year (low, high; normalised).
    Flow(f64, f64),
    /// A growth rate: already per year (low, high; percent).
    Rate(f64, f64),
    /// A level: the annual growth its target implies from the latest stated status (derived).
    Implied(ImpliedGrowth),
    /// A level with no earlier status of its place to grow from.
    NoBase,
    /// A count or a share: no yearly reading means anything.
    NotApplicable,
}

/// How a figure reads per year. Never a level divided by years: a stock's size in its target
/// year is not spread over the period.
pub fn yearly(plans: &[Plan], plan: usize, figure: usize) -> Yearly {
    read_yearly(plans, plan, figure, || implied_growth(plans, plan, figure))
}

/// [`yearly`], the same answer, with a level's base found through `places` (built from the same
/// `plans`): for reading many figures, such as every cell of the matrix.
pub fn yearly_in(plans: &[Plan], places: &PlaceIndex, plan: usize, figure: usize) -> Yearly {
    read_yearly(plans, plan, figure, || {
        implied_growth_in(plans, places, plan, figure)
    })
}

fn read_yearly(
    plans: &[Plan],
    plan: usize,
    figure: usize,
    growth: impl FnOnce() -> Option<ImpliedGrowth>,
) -> Yearly {
    let f = &plans[plan].figures[figure];
    let (low, high) = f.normalized_range();
    match f.measure {
        MeasureType::Flow => Yearly::Flow(low, high),
        MeasureType::Growth => Yearly::Rate(low, high),
        MeasureType::Level => growth().map_or(Yearly::NoBase, Yearly::Implied),
        MeasureType::Count | MeasureType::Share => Yearly::NotApplicable,
    }
}

/// A figure's value for charts: normalised; per year only where the measure allows (flows and
/// rates as they are, levels as their implied growth in percent). `None` when not applicable.
pub fn chart_value(
    plans: &[Plan],
    plan: usize,
    figure: usize,
    per_year: bool,
) -> Option<(f64, f64)> {
    if !per_year {
        return Some(plans[plan].figures[figure].normalized_range());
    }
    match yearly(plans, plan, figure) {
        Yearly::Flow(low, high) | Yearly::Rate(low, high) => Some((low, high)),
        Yearly::Implied(g) => Some((g.rate * 100.0, g.rate * 100.0)),
        Yearly::NoBase | Yearly::NotApplicable => None,
    }
}

/// The shade of a heatmap cell, 0 (none) to 4 (the most), for `count` items where the fullest cell
/// has `max`: any item at all is at least 1, so a single mention never looks like none.
pub fn heat_level(count: usize, max: usize) -> usize {
    if count == 0 {
        0
    } else {
        1 + (count * 3 / max.max(1)).min(3)
    }
}

/// Coverage by a vocabulary: for each selected plan, the number of items carrying each key (in
/// the vocabulary's order). `of` gives an item's keys (its sectors, its policy instruments).
pub fn coverage(
    plans: &[Plan],
    selected: &[usize],
    keys: &[&str],
    of: fn(&Item) -> &[&'static str],
) -> Vec<(usize, Vec<usize>)> {
    selected
        .iter()
        .map(|&p| {
            let counts = keys
                .iter()
                .map(|k| plans[p].items.iter().filter(|i| of(i).contains(k)).count())
                .collect();
            (p, counts)
        })
        .collect()
}

/// Sector coverage: for each selected plan, the number of items per sector (in taxonomy order).
pub fn sector_heatmap(plans: &[Plan], selected: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let keys: Vec<&str> = SECTORS.iter().map(|s| s.key).collect();
    coverage(plans, selected, &keys, |i| &i.sectors)
}

/// Policy-instrument coverage: for each selected plan, the number of items per instrument.
pub fn instrument_heatmap(plans: &[Plan], selected: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let keys: Vec<&str> = INSTRUMENTS.iter().map(|s| s.key).collect();
    coverage(plans, selected, &keys, |i| &i.instruments)
}

/// Department leadership: for each canonical department that leads anything, how many items it
/// leads in each selected plan.
pub fn department_matrix(plans: &[Plan], selected: &[usize]) -> Vec<(&'static str, Vec<usize>)> {
    DEPARTMENTS
        .iter()
        .map(|d| {
            let counts: Vec<usize> = selected
                .iter()
                .map(|&p| {
                    plans[p]
                        .items
                        .iter()
                        .filter(|i| {
                            i.departments
                                .iter()
                                .any(|r| r.role == Role::Lead && r.canonical == Some(d.key))
                        })
                        .count()
                })
                .collect();
            (d.key, counts)
        })
        .filter(|(_, counts)| counts.iter().any(|&c| c > 0))
        .collect()
}

/// A number with at most `decimals` decimals and no trailing zeros.
pub fn format_number(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_plan;

    fn two_plans() -> Vec<Plan> {
        vec![
            extract_plan("a.txt", "某市行动计划(2023-2025年)\n一、建设目标\n到2025年,人工智能核心产业规模达400亿元,建设3-5个创新平台。\n二、重点任务\n1.智能医疗。建设医院。(牵头单位:市科技局)\n"),
            extract_plan("b.txt", "一、发展目标\n到2020年,人工智能核心及相关产业规模达到1000亿元。\n二、主要任务\n1.智能医疗。建设医院。(市科委、市卫计委等按职责分工负责)\n"),
        ]
    }

    #[test]
    fn matrix_lines_up_metrics_and_keeps_scopes() {
        let plans = two_plans();
        let rows = metric_matrix(&plans, &[0, 1], false);
        let scale = rows
            .iter()
            .find(|r| r.metric.key == "ai_industry_scale")
            .unwrap();
        assert_eq!(scale.plans_stating(), 2);
        assert_eq!(
            rows[0].metric.key, "ai_industry_scale",
            "rows stated by more plans first"
        );
        let b = &plans[1].figures[scale.cells[1].figures[0]];
        assert_eq!(b.scope, Some("核心及相关产业"));
        let platforms = rows.iter().find(|r| r.metric.key == "platforms").unwrap();
        assert_eq!(platforms.plans_stating(), 1);
        assert!(rows.iter().all(|r| !r.reported));
    }

    /// The seeds' goal matrix holds targets only: no eligibility threshold (软硬件投入达到500万元
    /// (含)以上), no grant (每个平台给予100万元), no fund, no reported fact, no forecast.
    #[test]
    fn goal_matrix_holds_targets_only() {
        let plans = plan_extract::extract_seeds();
        let all: Vec<usize> = (0..plans.len()).collect();
        let rows = metric_matrix(&plans, &all, false);
        let in_matrix: Vec<&Figure> = rows
            .iter()
            .flat_map(|r| r.cells.iter())
            .flat_map(|c| c.figures.iter().map(|&f| &plans[c.plan].figures[f]))
            .collect();
        assert!(in_matrix.len() > 30, "{}", in_matrix.len());
        assert!(in_matrix.iter().all(|f| f.kind == FigureKind::Target));
        // The threshold, the grant, the fund and the budget exist, of their kinds, and stay out.
        for (raw, kind) in [
            ("500万元(含)以上", FigureKind::Threshold),
            ("100万元", FigureKind::Funding),
            ("100 亿", FigureKind::Funding),
        ] {
            let found: Vec<&Figure> = plans
                .iter()
                .flat_map(|p| &p.figures)
                .filter(|f| f.raw == raw)
                .collect();
            assert!(!found.is_empty(), "{raw} is read");
            assert!(found.iter().all(|f| f.kind == kind), "{raw}: {found:?}");
            assert!(
                !in_matrix.iter().any(|f| f.raw == raw),
                "{raw} is not a goal"
            );
        }
        assert!(!in_matrix.iter().any(|f| f.quote.contains("每个平台给予")));
        assert!(!in_matrix.iter().any(|f| f.quote.contains("对软硬件投入")));
        // With reported rows, Wuhan's forecast sits in a marked row of its own.
        let with_reported = metric_matrix(&plans, &all, true);
        let reported = with_reported
            .iter()
            .find(|r| r.reported && r.metric.key == "ai_industry_scale")
            .expect("a reported row for the industry scale");
        assert_eq!(reported.plans_stating(), 1);
        let at = with_reported
            .iter()
            .position(|r| std::ptr::eq(r, reported))
            .unwrap();
        assert_eq!(with_reported[at - 1].metric.key, "ai_industry_scale");
        assert!(!with_reported[at - 1].reported, "after its goal row");
    }

    /// Per year is never a level divided by years: flows and rates as they are, a level as the
    /// growth it implies from an earlier status, counts and shares not at all.
    #[test]
    fn per_year_never_offered_for_a_level() {
        let plans = plan_extract::extract_seeds();
        let places = PlaceIndex::new(&plans);
        for (p, plan) in plans.iter().enumerate() {
            for (i, f) in plan.figures.iter().enumerate() {
                let y = yearly(&plans, p, i);
                assert_eq!(yearly_in(&plans, &places, p, i), y, "{}", f.raw);
                match f.measure {
                    MeasureType::Level => assert!(
                        matches!(y, Yearly::Implied(_) | Yearly::NoBase),
                        "{}: {y:?}",
                        f.raw
                    ),
                    MeasureType::Flow => assert!(matches!(y, Yearly::Flow(..))),
                    MeasureType::Growth => assert!(matches!(y, Yearly::Rate(..))),
                    _ => assert_eq!(y, Yearly::NotApplicable),
                }
            }
        }
        let tianjin = plans.iter().position(|p| p.id.starts_with("003")).unwrap();
        let scale = plans[tianjin]
            .figures
            .iter()
            .position(|f| f.metric == Some("ai_industry_scale"))
            .unwrap();
        assert_eq!(
            chart_value(&plans, tianjin, scale, false),
            Some((1.5e10, 1.5e10))
        );
        assert_eq!(
            chart_value(&plans, tianjin, scale, true),
            None,
            "no base to grow from"
        );
        let wuhan = plans.iter().position(|p| p.id.starts_with("001")).unwrap();
        let talent = plans[wuhan]
            .figures
            .iter()
            .position(|f| f.raw == "万人以上")
            .unwrap();
        assert_eq!(
            chart_value(&plans, wuhan, talent, true),
            Some((1e4, 1e4)),
            "每年培养…万人以上 is a flow"
        );
    }

    #[test]
    fn heatmap_and_department_matrix() {
        let plans = two_plans();
        let heat = sector_heatmap(&plans, &[0, 1]);
        let health = SECTORS.iter().position(|s| s.key == "health").unwrap();
        assert_eq!((heat[0].1[health], heat[1].1[health]), (1, 1));
        let instruments = instrument_heatmap(&plans, &[0, 1]);
        assert_eq!(instruments.len(), 2);
        assert_eq!(instruments[0].1.len(), INSTRUMENTS.len());
        let platform = INSTRUMENTS
            .iter()
            .position(|s| s.key == "platform")
            .unwrap();
        assert!(
            instruments[0].1[platform] >= 1,
            "建设3-5个创新平台: {instruments:?}"
        );
        let depts = department_matrix(&plans, &[0, 1]);
        assert_eq!(depts, vec![("science_tech", vec![1, 1])]);
    }

    #[test]
    fn heat_levels_keep_one_mention_visible() {
        assert_eq!(heat_level(0, 10), 0);
        assert_eq!(heat_level(1, 10), 1);
        assert_eq!(heat_level(10, 10), 4);
        assert_eq!(heat_level(5, 0), 4);
    }

    #[test]
    fn number_formatting_drops_trailing_zeros() {
        assert_eq!(format_number(2.50, 2), "2.5");
    }
}
