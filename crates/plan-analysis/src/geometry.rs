//! Chart and timeline geometry: plain numbers for the SVG the components draw.
//!
//! SVG has its origin at the top left and y grows downwards; values here are already in SVG user
//! units. Components only place what these functions computed.

use crate::compare::is_reported;
use crate::history::{group_by_place, plan_time, reported_year};
use plan_model::{DatePrecision, FigureKind, ItemKind, Plan};

/// `1, 2, 5 × 10^k` step that cuts `span` into about `count` intervals.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let nice = if residual <= 1.0 {
        1.0
    } else if residual <= 2.0 {
        2.0
    } else if residual <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// One horizontal bar: solid to `x_low`, lighter from `x_low` to `x_high` (a range's upper part).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub y: f64,
    pub height: f64,
    pub x0: f64,
    pub x_low: f64,
    pub x_high: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub value: f64,
}

/// A horizontal bar chart: one row per value, labels in the left margin.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
    /// Baseline of the axis labels.
    pub axis_y: f64,
}

pub const BAR_ROW: f64 = 28.0;
pub const BAR_HEIGHT: f64 = 18.0;
pub const LABEL_WIDTH: f64 = 96.0;
const AXIS_HEIGHT: f64 = 22.0;
const RIGHT_PAD: f64 = 56.0;

/// Lays out bars for `values` (`(low, high)`, low ≤ high, both ≥ 0) in a chart `width` wide.
pub fn bar_chart(values: &[(f64, f64)], width: f64) -> BarChart {
    let width = width.max(LABEL_WIDTH + RIGHT_PAD + 40.0);
    let plot_left = LABEL_WIDTH;
    let plot_right = width - RIGHT_PAD;
    let max = values.iter().map(|(l, h)| l.max(*h)).fold(0.0f64, f64::max);
    let step = nice_step(max, 4);
    let top = if max > 0.0 {
        (max / step).ceil() * step
    } else {
        1.0
    };
    let scale = |v: f64| plot_left + (v.clamp(0.0, top) / top) * (plot_right - plot_left);
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, (low, high))| {
            let (low, high) = (low.min(*high).max(0.0), high.max(*low).max(0.0));
            Bar {
                y: i as f64 * BAR_ROW + (BAR_ROW - BAR_HEIGHT) / 2.0,
                height: BAR_HEIGHT,
                x0: plot_left,
                x_low: scale(low),
                x_high: scale(high),
            }
        })
        .collect();
    let tick_count = (top / step).round() as usize;
    let ticks = (0..=tick_count)
        .map(|i| i as f64 * step)
        .map(|v| Tick {
            x: scale(v),
            value: v,
        })
        .collect();
    let axis_y = values.len() as f64 * BAR_ROW + AXIS_HEIGHT - 6.0;
    BarChart {
        width,
        height: values.len() as f64 * BAR_ROW + AXIS_HEIGHT,
        plot_left,
        plot_right,
        bars,
        ticks,
        axis_y,
    }
}

/// What a timeline marker stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MilestoneKind {
    Issued,
    CommentDeadline,
    ValidUntil,
    /// A stage of the plan's goals: the year its goals (numeric or not) and targets are set for.
    TargetYear,
    /// The year a status or forecast figure reports on.
    Reported,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 5] = [
        MilestoneKind::Issued,
        MilestoneKind::CommentDeadline,
        MilestoneKind::ValidUntil,
        MilestoneKind::TargetYear,
        MilestoneKind::Reported,
    ];
}

/// A dated event of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub kind: MilestoneKind,
    /// Position on the year axis (2018-10-22 → 2018.80; a target year Y → the end of Y).
    pub at: f64,
    pub year: u16,
    /// The date as far as known: `2018-10-22`, `2023-03`, or the target year.
    pub date: String,
    /// For target years and reports: indices of the plan's figures; otherwise empty.
    pub figures: Vec<usize>,
    /// For target years: the goal items that set out for the year (到2025年，…); otherwise empty.
    pub items: Vec<usize>,
    /// The words of the source the milestone comes from.
    pub quote: String,
}

/// A plan's period bar and milestones, before layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub plan: usize,
    /// Start and end on the year axis; an unknown start is drawn from the issue date, if any.
    pub period: Option<(f64, f64)>,
    /// `true` when the start of the period is not stated.
    pub open_start: bool,
    pub milestones: Vec<Milestone>,
}

/// The first sentence of a text (to its first 。), for a milestone's label.
fn first_sentence(text: &str) -> String {
    text.find('。')
        .map_or(text, |i| &text[..i + '。'.len_utf8()])
        .to_string()
}

/// The plans at `selected` with the plans of one place next to each other (in the order the
/// place first appears, oldest plan first), so that a city's plans over time are adjacent lanes.
pub fn lane_order(plans: &[Plan], selected: &[usize]) -> Vec<usize> {
    let mut groups = group_by_place(plans, selected);
    for group in &mut groups {
        plan_sort::sort_by(group, |&a, &b| {
            plan_time(&plans[a]).total_cmp(&plan_time(&plans[b]))
        });
    }
    groups.concat()
}

/// Lanes for the plans at `selected`, the plans of one place adjacent (see [`lane_order`]).
pub fn timeline_lanes(plans: &[Plan], selected: &[usize]) -> Vec<Lane> {
    lane_order(plans, selected)
        .iter()
        .map(|&p| {
            let plan = &plans[p];
            let mut milestones = Vec::new();
            let dated = |kind, date: &plan_model::PlanDate, milestones: &mut Vec<Milestone>| {
                if let (Some(at), Some(year)) = (date.fractional_year(), date.year) {
                    let quote = date
                        .quote
                        .as_ref()
                        .map_or_else(String::new, |q| q.text.clone());
                    milestones.push(Milestone {
                        kind,
                        at,
                        year,
                        date: date.iso().unwrap_or_else(|| year.to_string()),
                        figures: Vec::new(),
                        items: Vec::new(),
                        quote,
                    });
                }
            };
            dated(MilestoneKind::Issued, &plan.issue_date, &mut milestones);
            if let Some(d) = &plan.comment_deadline {
                dated(MilestoneKind::CommentDeadline, d, &mut milestones);
            }
            if let Some(d) = &plan.validity {
                dated(MilestoneKind::ValidUntil, d, &mut milestones);
            }
            // Every stage of the goals: goal items with a year (numeric or not) and targets.
            let goal_items = |year: u16| -> Vec<usize> {
                plan.items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.kind == ItemKind::Goal && i.target_year == Some(year))
                    .map(|(i, _)| i)
                    .collect()
            };
            let targets = |year: u16| -> Vec<usize> {
                plan.figures
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.kind == FigureKind::Target && f.year == Some(year))
                    .map(|(i, _)| i)
                    .collect()
            };
            let mut years: Vec<u16> = plan
                .figures
                .iter()
                .filter(|f| f.kind == FigureKind::Target)
                .filter_map(|f| f.year)
                .chain(
                    plan.items
                        .iter()
                        .filter(|i| i.kind == ItemKind::Goal)
                        .filter_map(|i| i.target_year),
                )
                .collect();
            plan_sort::sort(&mut years);
            years.dedup();
            for year in years {
                let (items, figures) = (goal_items(year), targets(year));
                let quote = items.first().map_or_else(
                    || {
                        figures
                            .first()
                            .map_or_else(String::new, |&f| plan.figures[f].quote.clone())
                    },
                    |&i| first_sentence(&plan.items[i].quote),
                );
                milestones.push(Milestone {
                    kind: MilestoneKind::TargetYear,
                    at: f64::from(year) + 1.0,
                    year,
                    date: year.to_string(),
                    figures,
                    items,
                    quote,
                });
            }
            // What the plan reports, on the years it reports on.
            let mut reported: Vec<(u16, usize)> = plan
                .figures
                .iter()
                .enumerate()
                .filter(|(_, f)| is_reported(f))
                .filter_map(|(i, f)| Some((reported_year(plan, f)?, i)))
                .collect();
            plan_sort::sort(&mut reported);
            for group in reported.chunk_by(|a, b| a.0 == b.0) {
                let year = group[0].0;
                milestones.push(Milestone {
                    kind: MilestoneKind::Reported,
                    at: f64::from(year) + 1.0,
                    year,
                    date: year.to_string(),
                    figures: group.iter().map(|(_, f)| *f).collect(),
                    items: Vec::new(),
                    quote: plan.figures[group[0].1].quote.clone(),
                });
            }
            plan_sort::sort_by(&mut milestones, |a, b| {
                a.at.total_cmp(&b.at).then(a.kind.cmp(&b.kind))
            });
            let issue = plan
                .issue_date
                .fractional_year()
                .filter(|_| plan.issue_date.precision != DatePrecision::Unknown);
            let (period, open_start) = match &plan.period {
                Some(period) => match (period.start, period.end) {
                    (Some(s), Some(e)) => (Some((f64::from(s), f64::from(e) + 1.0)), false),
                    (None, Some(e)) => (issue.map(|i| (i, f64::from(e) + 1.0)), true),
                    _ => (None, false),
                },
                None => (None, false),
            };
            Lane {
                plan: p,
                period,
                open_start,
                milestones,
            }
        })
        .collect()
}

/// The year range that shows every lane, padded to whole years.
pub fn default_years(lanes: &[Lane]) -> Option<(u16, u16)> {
    let points = lanes.iter().flat_map(|l| {
        l.milestones
            .iter()
            .map(|m| m.at)
            .chain(l.period.iter().flat_map(|(a, b)| [*a, *b]))
    });
    let (min, max) = points.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    (min <= max).then(|| {
        (
            min.floor() as u16,
            (max.ceil() as u16).max(min.floor() as u16 + 1),
        )
    })
}

/// A milestone placed on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedMilestone {
    pub lane: usize,
    pub index: usize,
    pub x: f64,
    pub y: f64,
    /// Hidden because it falls outside the zoomed range.
    pub clipped: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLane {
    pub y: f64,
    pub bar: Option<(f64, f64)>,
}

/// The timeline in SVG units.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub lanes: Vec<PlacedLane>,
    pub milestones: Vec<PlacedMilestone>,
    /// Year ticks: x and year.
    pub ticks: Vec<(f64, u16)>,
    pub today: Option<f64>,
}

pub const LANE_HEIGHT: f64 = 44.0;
const TIMELINE_AXIS: f64 = 24.0;

/// Places `lanes` on a `width`-wide chart showing the years `from..=to`; `today` is a fractional
/// year. Milestones of the same lane that would overlap are stacked.
pub fn layout_timeline(
    lanes: &[Lane],
    (from, to): (u16, u16),
    width: f64,
    today: f64,
) -> TimelineLayout {
    let width = width.max(LABEL_WIDTH + 120.0);
    let (from, to) = (f64::from(from.min(to)), f64::from(to.max(from)) + 1.0);
    let plot_left = LABEL_WIDTH;
    let plot_right = width - 16.0;
    let x = |year: f64| plot_left + (year - from) / (to - from) * (plot_right - plot_left);
    let inside = |v: f64| (from..=to).contains(&v);
    let mut milestones = Vec::new();
    let placed_lanes = lanes
        .iter()
        .enumerate()
        .map(|(li, lane)| {
            let y = TIMELINE_AXIS + li as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0;
            let bar = lane
                .period
                .and_then(|(a, b)| (b >= from && a <= to).then(|| (x(a.max(from)), x(b.min(to)))));
            let mut last_x = f64::MIN;
            let mut stack = 0.0;
            for (mi, m) in lane.milestones.iter().enumerate() {
                let mx = x(m.at.clamp(from, to));
                stack = if mx - last_x < 12.0 { stack + 1.0 } else { 0.0 };
                last_x = mx;
                let offset = if stack % 2.0 == 0.0 {
                    -stack / 2.0
                } else {
                    (stack + 1.0) / 2.0
                } * 10.0;
                milestones.push(PlacedMilestone {
                    lane: li,
                    index: mi,
                    x: mx,
                    y: y + offset,
                    clipped: !inside(m.at),
                });
            }
            PlacedLane { y, bar }
        })
        .collect();
    let span = (to - from).max(1.0);
    let step = nice_step(span, ((plot_right - plot_left) / 60.0).max(1.0) as usize).max(1.0);
    let ticks = (0..)
        .map(|i| from + i as f64 * step)
        .take_while(|y| *y <= to)
        .map(|y| (x(y), y as u16))
        .collect();
    TimelineLayout {
        width,
        height: TIMELINE_AXIS + lanes.len() as f64 * LANE_HEIGHT + 8.0,
        plot_left,
        plot_right,
        lanes: placed_lanes,
        milestones,
        ticks,
        today: inside(today).then(|| x(today)),
    }
}

/// `label` as it fits in `width` SVG units at `font_size`, cut with "…" when it would not: SVG text
/// does not wrap, and a label anchored at its end would run off the left of the chart. Widths are
/// estimated (a Chinese character 1 em, a digit or lower-case letter about 0.55 em, a capital
/// 0.7 em), on the side of cutting too early.
pub fn fit_label(label: &str, width: f64, font_size: f64) -> std::borrow::Cow<'_, str> {
    let em = |c: char| -> f64 {
        if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
            0.7
        } else if c.is_ascii() {
            0.55
        } else {
            1.0
        }
    };
    let room = width / font_size;
    if label.chars().map(em).sum::<f64>() <= room {
        return label.into();
    }
    let mut used = em('…');
    let kept: String = label
        .chars()
        .take_while(|&c| {
            used += em(c);
            used <= room
        })
        .collect();
    format!("{}…", kept.trim_end()).into()
}

/// Lanes drawn beyond each edge of the visible part, so that a quick scroll does not show a gap
/// before the next draw.
const OVERSCAN_LANES: usize = 4;

/// The lanes a chart scrolled to `top` shows in a `height`-tall viewport (both in SVG units from
/// the chart's top), with a margin either side: a long timeline draws only these.
pub fn lanes_in_view(lane_count: usize, top: f64, height: f64) -> std::ops::Range<usize> {
    let lane_at = |y: f64| ((y - TIMELINE_AXIS) / LANE_HEIGHT).floor().max(0.0) as usize;
    let first = lane_at(top).saturating_sub(OVERSCAN_LANES).min(lane_count);
    let last = (lane_at(top + height.max(0.0)) + 1 + OVERSCAN_LANES).min(lane_count);
    first..last.max(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_plan;

    #[test]
    fn nice_steps() {
        for (span, count, step) in [
            (400.0, 4, 100.0),
            (1000.0, 4, 500.0),
            (7.0, 4, 2.0),
            (0.3, 3, 0.1),
            (0.0, 4, 1.0),
            (f64::NAN, 4, 1.0),
        ] {
            assert!(
                (nice_step(span, count) - step).abs() < 1e-9,
                "{span}/{count}"
            );
        }
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let chart = bar_chart(&[(400.0, 400.0), (150.0, 150.0), (3.0, 5.0)], 500.0);
        assert_eq!(chart.bars.len(), 3);
        assert!(
            (chart.bars[0].x_high - chart.plot_right).abs() < 1e-9,
            "400 fills the axis (top tick 400)"
        );
        assert!(chart.bars[1].x_high < chart.bars[0].x_high);
        assert!(chart.bars[2].x_low < chart.bars[2].x_high);
        assert_eq!(chart.ticks.first().map(|t| t.value), Some(0.0));
        assert_eq!(chart.ticks.last().map(|t| t.value), Some(400.0));
        assert!(chart
            .bars
            .iter()
            .all(|b| b.y >= 0.0 && b.y + b.height <= chart.height));
        // Degenerate input still gives a drawable chart.
        let empty = bar_chart(&[(0.0, 0.0)], 10.0);
        assert!(empty.width > 0.0 && empty.bars[0].x_high == empty.plot_left);
    }

    #[test]
    fn timeline_places_periods_and_milestones() {
        let plans = vec![extract_plan(
            "a.txt",
            "某市行动计划(2018—2020年)\n某市人民政府办公厅\n2018年10月22日\n一、发展目标\n到2020年,核心产业规模达到150亿元。\n",
        )];
        let lanes = timeline_lanes(&plans, &[0]);
        assert_eq!(lanes[0].period, Some((2018.0, 2021.0)));
        let kinds: Vec<_> = lanes[0].milestones.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            vec![MilestoneKind::Issued, MilestoneKind::TargetYear]
        );
        assert_eq!(default_years(&lanes), Some((2018, 2021)));
        let layout = layout_timeline(&lanes, (2018, 2021), 600.0, 2019.5);
        let (a, b) = layout.lanes[0].bar.unwrap();
        assert!((a - layout.plot_left).abs() < 1e-9 && b < layout.plot_right);
        assert!(layout.today.is_some_and(|t| t > a && t < b));
        assert_eq!(layout.milestones.len(), 2);
        assert!(layout
            .milestones
            .iter()
            .all(|m| !m.clipped && m.x >= layout.plot_left && m.x <= layout.plot_right));
        // Zoomed out of range: milestones are clipped, today disappears.
        let zoomed = layout_timeline(&lanes, (2030, 2035), 600.0, 2019.5);
        assert!(zoomed.milestones.iter().all(|m| m.clipped));
        assert_eq!(zoomed.today, None);
        assert_eq!(zoomed.lanes[0].bar, None);
    }

    /// Wuwei's plan sets out three stages (到2020年…, 到2025年…, 到2030年…), in words, not numbers:
    /// every stage is a milestone, with the goal item that sets it.
    #[test]
    fn every_staged_goal_is_a_milestone() {
        let plans = plan_extract::extract_seeds();
        let wuwei = plans.iter().position(|p| p.id.starts_with("004")).unwrap();
        let lanes = timeline_lanes(&plans, &[wuwei]);
        let stages: Vec<(u16, usize)> = lanes[0]
            .milestones
            .iter()
            .filter(|m| m.kind == MilestoneKind::TargetYear)
            .map(|m| (m.year, m.items.len()))
            .collect();
        assert_eq!(stages, vec![(2020, 1), (2025, 1), (2030, 1)]);
        let label = &lanes[0]
            .milestones
            .iter()
            .find(|m| m.year == 2030)
            .unwrap()
            .quote;
        assert!(label.starts_with("3.到2030年"), "{label}");
    }

    /// Reported figures are points of their own; the plans of one place are adjacent lanes, oldest
    /// first.
    #[test]
    fn reports_are_points_and_a_places_plans_are_adjacent() {
        let plans = plan_extract::extract_seeds();
        let id = |p: usize| plans[p].id[..3].to_string();
        let order: Vec<String> = lane_order(&plans, &[1, 2, 3, 0, 4])
            .into_iter()
            .map(id)
            .collect();
        assert_eq!(order, ["000", "001", "002", "003", "004"].map(String::from));
        let reply = plans.iter().position(|p| p.id.starts_with("000")).unwrap();
        let lanes = timeline_lanes(&plans, &[reply]);
        let reported: Vec<u16> = lanes[0]
            .milestones
            .iter()
            .filter(|m| m.kind == MilestoneKind::Reported)
            .map(|m| m.year)
            .collect();
        assert!(
            reported.contains(&2018) && reported.contains(&2020),
            "{reported:?}"
        );
    }

    #[test]
    fn only_lanes_near_the_viewport_are_drawn() {
        // 1,000 lanes, a 600-unit viewport at the top: the first 14 visible plus the margin.
        let first = lanes_in_view(1000, 0.0, 600.0);
        assert_eq!(first.start, 0);
        assert!(
            first.end >= 14 && first.end <= 14 + 2 * OVERSCAN_LANES,
            "{first:?}"
        );
        // Scrolled to lane 500: lanes around it, never the whole list.
        let middle = lanes_in_view(1000, TIMELINE_AXIS + 500.0 * LANE_HEIGHT, 600.0);
        assert!(middle.contains(&500) && middle.contains(&510), "{middle:?}");
        assert!(middle.len() < 30, "{middle:?}");
        // Past the end, and a short list, stay inside the lanes.
        assert_eq!(lanes_in_view(1000, 1.0e9, 600.0), 1000..1000);
        assert_eq!(lanes_in_view(5, 0.0, 600.0), 0..5);
        assert_eq!(lanes_in_view(0, 0.0, 600.0), 0..0);
    }

    #[test]
    fn long_labels_are_cut_to_fit_and_short_ones_kept() {
        assert_eq!(fit_label("Wuhan 2025", 96.0, 12.0), "Wuhan 2025");
        assert_eq!(fit_label("武汉 2025", 96.0, 12.0), "武汉 2025");
        let cut = fit_label("Wuhan 2025 · added by you", 96.0, 12.0);
        assert!(cut.ends_with('…') && cut.starts_with("Wuhan 2025"), "{cut}");
        let cut = fit_label("黑龙江省哈尔滨市道里区 2025 · 由你添加", 96.0, 12.0);
        assert!(cut.ends_with('…') && cut.chars().count() <= 9, "{cut}");
    }
}
