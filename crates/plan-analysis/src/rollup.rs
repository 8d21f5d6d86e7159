//! The roll-up: local targets of the same metric and year summed beside the national plan's
//! (an editor's reference data, [`plan_model::reference`]), with the plans that contribute and the
//! scope each states; targets of another scope or year are listed, never summed.

use plan_model::reference::{ReferenceTarget, NATIONAL_TARGETS};
use plan_model::{FigureKind, MeasureType, Plan};

use crate::history::{group_by_place, plan_time};

/// A local figure beside a national target.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub plan: usize,
    pub figure: usize,
}

/// One national target and the local targets that answer it.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupRow {
    pub reference: &'static ReferenceTarget,
    /// Targets of the same metric, year and scope (or no stated scope): summed.
    pub summed: Vec<Contribution>,
    /// Sum of the contributions' lower and upper values (normalised).
    pub total: (f64, f64),
    /// Targets of the same metric and year whose scope differs (核心及相关产业, 产业总产值): shown,
    /// not summed.
    pub other_scope: Vec<Contribution>,
    /// Targets of an earlier plan of a place whose newer plan is summed: shown, not summed twice.
    pub superseded: Vec<Contribution>,
}

impl RollupRow {
    /// The summed lower value as a share of the national figure.
    pub fn share(&self) -> f64 {
        self.total.0 / self.reference.value
    }
}

/// Whether a local figure's scope is the national target's: the same, or not stated.
fn same_scope(scope: Option<&str>, reference: &ReferenceTarget) -> bool {
    scope.is_none_or(|s| s == reference.scope)
}

/// A plan's statement of a reference target's metric and year: its first level target of that
/// metric and year (a plan that states its target twice, in its goals and again in a task, counts
/// once).
fn stated(plan: &Plan, reference: &ReferenceTarget) -> Option<usize> {
    plan.figures.iter().position(|f| {
        f.kind == FigureKind::Target
            && f.measure == MeasureType::Level
            && f.metric == Some(reference.metric)
            && f.year == Some(reference.year)
    })
}

/// The roll-up of the plans at `selected` against every national target: per place, its newest
/// plan that states the target is summed, earlier ones are listed as superseded.
pub fn rollup(plans: &[Plan], selected: &[usize]) -> Vec<RollupRow> {
    let places = group_by_place(plans, selected);
    NATIONAL_TARGETS
        .iter()
        .map(|reference| {
            let mut row = RollupRow {
                reference,
                summed: Vec::new(),
                total: (0.0, 0.0),
                other_scope: Vec::new(),
                superseded: Vec::new(),
            };
            for place in &places {
                let mut stating: Vec<Contribution> = place
                    .iter()
                    .filter_map(|&p| {
                        stated(&plans[p], reference).map(|figure| Contribution { plan: p, figure })
                    })
                    .collect();
                plan_sort::sort_by(&mut stating, |a, b| {
                    plan_time(&plans[a.plan]).total_cmp(&plan_time(&plans[b.plan]))
                });
                let Some(newest) = stating.pop() else {
                    continue;
                };
                row.superseded.extend(stating);
                let f = &plans[newest.plan].figures[newest.figure];
                if same_scope(f.scope, reference) {
                    let (low, high) = f.normalized_range();
                    row.total = (row.total.0 + low, row.total.1 + high);
                    row.summed.push(newest);
                } else {
                    row.other_scope.push(newest);
                }
            }
            row
        })
        .collect()
}

/// Targets of the national metrics in years the national plan does not name (e.g. 2023): listed
/// beside the roll-up so that no local target of these metrics is silently left out.
pub fn off_year_targets(plans: &[Plan], selected: &[usize]) -> Vec<Contribution> {
    selected
        .iter()
        .flat_map(|&p| {
            plans[p]
                .figures
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.kind == FigureKind::Target
                        && NATIONAL_TARGETS.iter().any(|r| f.metric == Some(r.metric))
                        && !NATIONAL_TARGETS
                            .iter()
                            .any(|r| f.metric == Some(r.metric) && f.year == Some(r.year))
                })
                .map(move |(i, _)| Contribution { plan: p, figure: i })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_seeds;

    #[test]
    fn national_rollup_sums_the_right_plans() {
        let plans = extract_seeds();
        let all: Vec<usize> = (0..plans.len()).collect();
        let rows = rollup(&plans, &all);
        let id = |c: &Contribution| plans[c.plan].id[..3].to_string();
        let row = |metric: &str, year: u16| {
            rows.iter()
                .find(|r| r.reference.metric == metric && r.reference.year == year)
                .unwrap()
        };
        // 2020 core: Tianjin's 150亿元 only; Wuhan's reply forecasts 100亿元 of 产业总产值, a
        // forecast and of another scope, and is not summed.
        let core_2020 = row("ai_industry_scale", 2020);
        assert_eq!(core_2020.summed.iter().map(id).collect::<Vec<_>>(), ["003"]);
        assert_eq!(core_2020.total, (1.5e10, 1.5e10));
        assert!((core_2020.share() - 0.1).abs() < 1e-12);
        let core_2025 = row("ai_industry_scale", 2025);
        assert_eq!(core_2025.summed.iter().map(id).collect::<Vec<_>>(), ["001"]);
        assert_eq!(core_2025.total.0, 4e10);
        let related_2020 = row("related_industry_scale", 2020);
        assert_eq!(
            related_2020.summed.iter().map(id).collect::<Vec<_>>(),
            ["003"]
        );
        assert_eq!(related_2020.total.0, 1.3e11);
        let related_2025 = row("related_industry_scale", 2025);
        assert_eq!(
            related_2025.summed.iter().map(id).collect::<Vec<_>>(),
            ["001"]
        );
        assert_eq!(related_2025.total.0, 4e11);
        assert!(row("ai_industry_scale", 2030).summed.is_empty());
        // Changsha's 核心及相关产业 target for 2023 is listed, not summed.
        let off: Vec<String> = off_year_targets(&plans, &all).iter().map(id).collect();
        assert_eq!(off, ["002"]);
    }

    #[test]
    fn another_scope_is_shown_not_summed() {
        let plans = vec![plan_extract::extract_plan(
            "x.txt",
            "一、发展目标\n到2025年，人工智能核心及相关产业规模达到800亿元。\n",
        )];
        let rows = rollup(&plans, &[0]);
        let core = rows
            .iter()
            .find(|r| r.reference.metric == "ai_industry_scale" && r.reference.year == 2025)
            .unwrap();
        assert!(core.summed.is_empty());
        assert_eq!(core.other_scope.len(), 1);
    }

    /// A plan that states its target twice counts once; of two plans of one place, the newer
    /// is summed and the older listed as superseded.
    #[test]
    fn each_place_counts_once() {
        let twice = plan_extract::extract_plan(
            "a.txt",
            "某市行动计划（2023—2025年）\n一、发展目标\n到2025年，人工智能核心产业规模达到400亿元。\n二、重点任务\n1.壮大产业。到2025年，人工智能核心产业规模达到400亿元。\n",
        );
        let rows = rollup(std::slice::from_ref(&twice), &[0]);
        let core = rows
            .iter()
            .find(|r| r.reference.metric == "ai_industry_scale" && r.reference.year == 2025)
            .unwrap();
        assert_eq!((core.summed.len(), core.total.0), (1, 4e10));
        let older = plan_extract::extract_plan(
            "b.txt",
            "武汉市人工智能行动计划（2021—2025年）\n一、发展目标\n到2025年，人工智能核心产业规模达到300亿元。\n",
        );
        let newer = plan_extract::extract_plan(
            "c.txt",
            "武汉市人工智能实施方案（2023—2025年）\n一、发展目标\n到2025年，人工智能核心产业规模达到400亿元。\n",
        );
        let plans = [older, newer];
        let rows = rollup(&plans, &[0, 1]);
        let core = rows
            .iter()
            .find(|r| r.reference.metric == "ai_industry_scale" && r.reference.year == 2025)
            .unwrap();
        assert_eq!(core.summed, [Contribution { plan: 1, figure: 0 }]);
        assert_eq!(core.superseded, [Contribution { plan: 0, figure: 0 }]);
        assert_eq!(core.total.0, 4e10);
    }
}
