//! Compare: like targets side by side, sector coverage and department leadership.
//!
//! Figures line up by metric (see [`plan_model::vocab::METRICS`]). Values are compared in normalised
//! units (yuan, people, the counted noun); figures whose scope differs from the metric's plain
//! meaning (核心及相关产业 against 核心产业) stay in the same row with a footnote rather than being
//! silently forced together.

use plan_model::vocab::{Metric, UnitClass, DEPARTMENTS, METRICS, SECTORS};
use plan_model::{Figure, FigureKind, Plan, Role};

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
    pub cells: Vec<Cell>,
}

impl MetricRow {
    /// How many plans state this metric.
    pub fn plans_stating(&self) -> usize {
        self.cells.iter().filter(|c| !c.figures.is_empty()).count()
    }
}

/// Figures that say where a plan wants to go: targets, forecasts and funding, not statements of
/// the present.
pub fn is_comparable(figure: &Figure) -> bool {
    figure.kind != FigureKind::Status && figure.metric.is_some()
}

/// The metric × plan matrix for the plans at `selected` (indices into `plans`). Rows without any
/// figure are left out; rows stated by more plans come first.
pub fn metric_matrix(plans: &[Plan], selected: &[usize]) -> Vec<MetricRow> {
    let mut rows: Vec<MetricRow> = METRICS
        .iter()
        .map(|metric| MetricRow {
            metric,
            cells: selected
                .iter()
                .map(|&p| {
                    let plan = &plans[p];
                    let mut figures: Vec<usize> = plan
                        .figures
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| is_comparable(f) && f.metric == Some(metric.key))
                        .map(|(i, _)| i)
                        .collect();
                    // Targets before forecasts and funding; larger first within a kind.
                    figures.sort_by(|&a, &b| {
                        let (fa, fb) = (&plan.figures[a], &plan.figures[b]);
                        (fa.kind, fb.normalized_range().1)
                            .partial_cmp(&(fb.kind, fa.normalized_range().1))
                            .unwrap_or(std::cmp::Ordering::Equal)
                    });
                    Cell { plan: p, figures }
                })
                .collect(),
        })
        .filter(|row| row.plans_stating() > 0)
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.plans_stating()));
    rows
}

/// Years of a plan's period, when both ends are known.
pub fn period_years(plan: &Plan) -> Option<u16> {
    let period = plan.period.as_ref()?;
    Some(period.end?.checked_sub(period.start?)? + 1)
}

/// A figure's value for charts: normalised, optionally divided by the years of its plan's period.
/// `None` when per-year is asked and the period is unknown, or for growth rates and per-year
/// figures, which are already per year.
pub fn chart_value(plan: &Plan, figure: &Figure, per_year: bool) -> Option<(f64, f64)> {
    let (low, high) = figure.normalized_range();
    if !per_year || figure.per_year || figure.growth_rate || figure.unit_class == UnitClass::Percent
    {
        return Some((low, high));
    }
    let years = f64::from(period_years(plan)?);
    Some((low / years, high / years))
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

/// Sector coverage: for each selected plan, the number of items per sector (in taxonomy order).
pub fn sector_heatmap(plans: &[Plan], selected: &[usize]) -> Vec<(usize, Vec<usize>)> {
    selected
        .iter()
        .map(|&p| {
            (
                p,
                SECTORS
                    .iter()
                    .map(|s| {
                        plans[p]
                            .items
                            .iter()
                            .filter(|i| i.sectors.contains(&s.key))
                            .count()
                    })
                    .collect(),
            )
        })
        .collect()
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
        let rows = metric_matrix(&plans, &[0, 1]);
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
    }

    #[test]
    fn per_year_divides_by_the_period() {
        let plans = two_plans();
        let f = plans[0]
            .figures
            .iter()
            .find(|f| f.metric == Some("ai_industry_scale"))
            .unwrap();
        assert_eq!(chart_value(&plans[0], f, false), Some((4e10, 4e10)));
        let (low, _) = chart_value(&plans[0], f, true).unwrap();
        assert!((low - 4e10 / 3.0).abs() < 1.0);
        let g = &plans[1].figures[0];
        assert_eq!(
            chart_value(&plans[1], g, true),
            None,
            "no period, no per-year value"
        );
    }

    #[test]
    fn heatmap_and_department_matrix() {
        let plans = two_plans();
        let heat = sector_heatmap(&plans, &[0, 1]);
        let health = SECTORS.iter().position(|s| s.key == "health").unwrap();
        assert_eq!((heat[0].1[health], heat[1].1[health]), (1, 1));
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
