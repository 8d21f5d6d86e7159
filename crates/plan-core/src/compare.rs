//! Compare: like targets side by side, sector coverage and department leadership.
//!
//! Figures line up by metric (see [`crate::taxonomy::METRICS`]). Values are compared in normalised
//! units (yuan, people, the counted noun); figures whose scope differs from the metric's plain
//! meaning (核心及相关产业 against 核心产业) stay in the same row with a footnote rather than being
//! silently forced together.

use crate::i18n::Lang;
use crate::model::{Figure, FigureKind, Plan, Role};
use crate::taxonomy::{Metric, UnitClass, DEPARTMENTS, METRICS, SECTORS};

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

/// Labels of normalised units: `(zh, en)`.
pub fn unit_label(noun: &str) -> (&'static str, &'static str) {
    match noun {
        "yuan" => ("元", "yuan"),
        "%" => ("%", "%"),
        "people" => ("人", "people"),
        "enterprises" => ("家", "enterprises"),
        "platforms" => ("个平台", "platforms"),
        "projects" => ("个项目", "projects"),
        "scenarios" => ("个场景", "scenarios"),
        "standards" => ("项标准", "standards"),
        "teams" => ("个团队", "teams"),
        "factories" => ("个", "factories"),
        "consortia" => ("个", "consortia"),
        "products" => ("项", "products"),
        "schools" => ("所", "schools"),
        "kinds" => ("种", "kinds"),
        "categories" => ("类", "categories"),
        _ => ("个", "items"),
    }
}

/// A normalised value in readable units: money in 亿元 (zh) or billion yuan (en), people in 万 when
/// large, counts as they are.
pub fn format_value(value: f64, noun: &str, lang: Lang) -> String {
    match (noun, lang) {
        ("yuan", Lang::Zh) if value.abs() < 1e8 && value != 0.0 => {
            format!("{}万元", format_number(value / 1e4, 2))
        }
        ("yuan", Lang::Zh) => format!("{}亿元", format_number(value / 1e8, 2)),
        ("yuan", Lang::En) if value.abs() < 1e9 && value != 0.0 => {
            format!("¥{} m", format_number(value / 1e6, 2))
        }
        ("yuan", Lang::En) => format!("¥{} bn", format_number(value / 1e9, 3)),
        ("%", _) => format!("{}%", format_number(value, 1)),
        ("people", Lang::Zh) if value >= 1e4 => format!("{}万人", format_number(value / 1e4, 2)),
        (noun, lang) => {
            let (zh, en) = unit_label(noun);
            match lang {
                Lang::Zh => format!("{}{zh}", format_number(value, 1)),
                Lang::En => format!("{} {en}", format_number(value, 1)),
            }
        }
    }
}

/// A figure's normalised value or range, with its unit, e.g. `3–5 platforms`, `400亿元`.
pub fn format_range(low: f64, high: f64, noun: &str, lang: Lang) -> String {
    if (high - low).abs() < f64::EPSILON * high.abs().max(1.0) {
        return format_value(low, noun, lang);
    }
    let low_text = format_value(low, noun, lang);
    let high_text = format_value(high, noun, lang);
    // `3–5 platforms` rather than `3 platforms–5 platforms` where the unit is a suffix.
    let unit_suffix = common_suffix(&low_text, &high_text);
    let low_bare = &low_text[..low_text.len() - unit_suffix.len()];
    format!("{low_bare}–{high_text}")
}

fn common_suffix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y && !x.is_ascii_digit())
        .map(|(c, _)| c.len_utf8())
        .sum::<usize>();
    &a[a.len() - n..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_plan;

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
    fn formatting() {
        assert_eq!(format_value(4e10, "yuan", Lang::Zh), "400亿元");
        assert_eq!(format_value(4e10, "yuan", Lang::En), "¥40 bn");
        assert_eq!(format_value(20000.0, "people", Lang::Zh), "2万人");
        assert_eq!(
            format_range(3.0, 5.0, "platforms", Lang::En),
            "3–5 platforms"
        );
        assert_eq!(format_range(3.0, 5.0, "platforms", Lang::Zh), "3–5个平台");
        assert_eq!(format_range(1e8, 1e8, "yuan", Lang::Zh), "1亿元");
        assert_eq!(format_number(2.50, 2), "2.5");
        assert_eq!(format_value(5e6, "yuan", Lang::Zh), "500万元");
        assert_eq!(format_value(5e6, "yuan", Lang::En), "¥5 m");
    }
}
