//! Timeline: one lane per plan with its period, dates and target years, a "today" line, zoom, and a
//! table with the same content for screen readers and print.

use crate::i18n::{Lang, Msg, Tr};
use crate::view_state::{View, YEAR_MAX, YEAR_MIN};
use leptos::prelude::*;
use plan_analysis::export::{timeline, timeline_csv};
use plan_analysis::geometry::{
    default_years, fit_label, lanes_in_view, layout_timeline, timeline_lanes, Lane, MilestoneKind,
    TimelineLayout, LABEL_WIDTH,
};
use plan_analysis::selection::drawn_range;
use std::ops::Range;
use wasm_bindgen::JsCast;

use super::picker::PlanPicker;
use super::widgets::{export_bar, image_buttons, pager, plan_label, short_label, table_region};
use crate::state::{app_state, data, Data};

const SVG_ID: &str = "pc-timeline-svg";
/// Plans listed at once in the table under the chart.
const TABLE_LANES: usize = 25;
/// Above this many lanes the chart scrolls inside its own box and draws only the lanes in view.
const SCROLLING_FROM: usize = 16;

fn milestone_date(m: &plan_analysis::geometry::Milestone) -> String {
    m.date.clone()
}

/// Today as a fractional year, from the browser's clock.
fn today() -> f64 {
    let now = js_sys::Date::new_0();
    f64::from(now.get_full_year())
        + (f64::from(now.get_month()) + (f64::from(now.get_date()) - 1.0) / 31.0) / 12.0
}

/// Width available to the chart, from the page's width.
fn available_width() -> f64 {
    let width = document()
        .document_element()
        .map_or(960, |e| e.client_width());
    (f64::from(width) - 48.0).clamp(300.0, 1100.0)
}

#[component]
pub fn Timeline(lang: Lang) -> impl IntoView {
    let data = data();
    let app = app_state();
    let width = RwSignal::new(available_width());
    let resize = window_event_listener(leptos::ev::resize, move |_| width.set(available_width()));
    on_cleanup(move || resize.remove());
    let tooltip = RwSignal::new(String::new());
    let lanes = {
        let data = data.clone();
        Memo::new(move |_| {
            app.state
                .with(|s| timeline_lanes(&data.plans, &data.selected(s)))
        })
    };
    let full = Memo::new(move |_| lanes.with(|l| default_years(l)).unwrap_or((2018, 2030)));
    let shown = Memo::new(move |_| app.state.with(|s| s.span).unwrap_or_else(|| full.get()));
    let zoom = move |delta: i32| {
        let (from, to) = shown.get_untracked();
        let (from, to) = (i32::from(from) + delta, i32::from(to) - delta);
        if to - from < 1 {
            return;
        }
        let clamp = |y: i32| y.clamp(i32::from(YEAR_MIN), i32::from(YEAR_MAX)) as u16;
        app.update(false, |s| s.span = Some((clamp(from), clamp(to))));
    };

    let layout =
        Memo::new(move |_| lanes.with(|l| layout_timeline(l, shown.get(), width.get(), today())));
    // The part of the chart in view, in SVG units: (top, height). Before the first scroll, the
    // top of the chart and the window's height.
    let viewport = RwSignal::new((0.0, window_height()));
    let in_view = Memo::new(move |_| {
        let (top, height) = viewport.get();
        lanes_in_view(lanes.with(Vec::len), top, height)
    });
    let on_scroll = move |ev: leptos::ev::Event| {
        let Some(chart) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // The SVG may be drawn narrower than its own units (narrow columns scale it down).
        let drawn = chart
            .first_element_child()
            .map_or(0.0, |svg| svg.get_bounding_client_rect().width());
        let scale = layout.with_untracked(|l| if drawn > 0.0 { l.width / drawn } else { 1.0 });
        viewport.set((
            f64::from(chart.scroll_top()) * scale,
            f64::from(chart.client_height()) * scale,
        ));
    };
    let scrolling = move || lanes.with(Vec::len) > SCROLLING_FROM;
    let first_table_lane = RwSignal::new(0usize);
    Effect::new(move |_| {
        lanes.track();
        first_table_lane.set(0);
    });

    let (csv_data, json_data, table_data, svg_data) =
        (data.clone(), data.clone(), data.clone(), data.clone());
    let csv = move || {
        let table = lanes.with_untracked(|l| timeline(&csv_data.plans, l));
        crate::download::save_csv("plan-compare-timeline.csv", &timeline_csv(&table));
    };
    let json = move || {
        let table = lanes.with_untracked(|l| timeline(&json_data.plans, l));
        crate::download::save_json("plan-compare-timeline.json", &table);
    };

    view! {
        <section class="pc-view pc-timeline" aria-labelledby="pc-timeline-h" data-testid="view-timeline">
            <h2 id="pc-timeline-h">{Msg::TimelineHeading.text(lang)}</h2>
            <p class="pc-small">{Msg::TimelineHelp.text(lang)}</p>
            <PlanPicker lang testid="timeline-plans"/>
            <div class="pc-timeline__controls" role="group" aria-label=Msg::YearsShown.text(lang)>
                <button type="button" class="pc-button" on:click=move |_| zoom(1) data-testid="zoom-in">{Msg::ZoomIn.text(lang)}</button>
                <button type="button" class="pc-button" on:click=move |_| zoom(-1) data-testid="zoom-out">{Msg::ZoomOut.text(lang)}</button>
                <button type="button" class="pc-button" on:click=move |_| app.update(false, |s| s.span = None) data-testid="fit">{Msg::FitWidth.text(lang)}</button>
                <span class="pc-small" data-testid="years-shown">{Msg::YearsShown.text(lang)} ": " {move || { let (a, b) = shown.get(); format!("{a}–{b}") }}</span>
                {image_buttons(lang, SVG_ID.to_string(), "plan-compare-timeline".to_string())}
                {export_bar(lang, csv, json, "timeline-export")}
            </div>
            <div class="pc-timeline__chart" class:pc-timeline__chart--scrolling=scrolling on:scroll=on_scroll data-testid="timeline-scroller">
                {move || lanes.with(|l| layout.with(|placed| chart(&svg_data, l, placed, in_view.get(), tooltip, lang)))}
            </div>
            <p class="pc-tooltip" aria-live="polite" data-testid="timeline-tooltip">{move || tooltip.get()}</p>
            <div class="pc-legend pc-small" aria-hidden="true">
                <span class="pc-legend__item"><svg width="14" height="14"><rect x="1" y="4" width="12" height="6" fill="#9cc3ea"/></svg>{Msg::ColumnPeriod.text(lang)}</span>
                <span class="pc-legend__item"><svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#1b1f24"/></svg>{MilestoneKind::Issued.tr(lang)}</span>
                <span class="pc-legend__item"><svg width="14" height="14"><rect x="2" y="2" width="10" height="10" fill="#8a5a00"/></svg>{MilestoneKind::CommentDeadline.tr(lang)}</span>
                <span class="pc-legend__item"><svg width="14" height="14"><polygon points="7,1 13,7 7,13 1,7" fill="#6b2fa0"/></svg>{MilestoneKind::ValidUntil.tr(lang)}</span>
                <span class="pc-legend__item"><svg width="14" height="14"><polygon points="7,1 13,13 1,13" fill="#b3261e"/></svg>{MilestoneKind::TargetYear.tr(lang)}</span>
                <span class="pc-legend__item"><svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#ffffff" stroke="#1e6b34" stroke-width="2.5"/></svg>{MilestoneKind::Reported.tr(lang)}</span>
            </div>
            {move || lanes.with(|l| pager(lang, "timeline-table-pager", l.len(), TABLE_LANES, first_table_lane))}
            {move || lanes.with(|l| {
                let shown = drawn_range(l.len(), first_table_lane.get(), TABLE_LANES);
                table(&table_data, &l[shown], lang)
            })}
        </section>
    }
}

/// The window's height in CSS pixels.
fn window_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0)
}

/// The chart; of a long timeline only the lanes `in_view` (and their milestones) are drawn, in an
/// SVG as tall as all of them, so that the scroll bar stays true.
fn chart(
    data: &Data,
    lanes: &[Lane],
    layout: &TimelineLayout,
    in_view: Range<usize>,
    tooltip: RwSignal<String>,
    lang: Lang,
) -> impl IntoView {
    let app = app_state();
    let ticks = layout
        .ticks
        .iter()
        .map(|(x, year)| {
            view! {
                <g>
                    <line x1=*x x2=*x y1=18.0 y2=layout.height stroke="#d5dae1" stroke-width="1"/>
                    <text x=*x y=14.0 text-anchor="middle" fill="#4a5360" font-size="11">{year.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let lane_views = lanes[in_view.clone()]
        .iter()
        .zip(&layout.lanes[in_view.clone()])
        .map(|(lane, placed)| {
            let plan = &data.plans[lane.plan];
            let label = short_label(data, lane.plan, lang);
            let bar = placed.bar.map(|(a, b)| {
                let dash = if lane.open_start { "4 3" } else { "none" };
                view! {
                    <rect x=a y=placed.y - 7.0 width=(b - a).max(1.0) height=14.0 fill="#9cc3ea" stroke="#0b5cad" stroke-dasharray=dash>
                        <title>{format!("{}: {}", Msg::ColumnPeriod.text(lang), super::widgets::period_text(plan, lang))}</title>
                    </rect>
                }
            });
            view! {
                <g data-testid="timeline-lane" data-plan-id=plan.id.clone()>
                    <text x=LABEL_WIDTH - 8.0 y=placed.y + 4.0 text-anchor="end" fill="#1b1f24" font-size="12">
                        {fit_label(&label, LABEL_WIDTH - 12.0, 12.0).into_owned()}
                        <title>{label.clone()}</title>
                    </text>
                    <line x1=LABEL_WIDTH x2=layout.plot_right y1=placed.y y2=placed.y stroke="#eef0f3" stroke-width="1"/>
                    {bar}
                </g>
            }
        })
        .collect_view();
    let markers = layout
        .milestones
        .iter()
        .filter(|m| !m.clipped && in_view.contains(&m.lane))
        .map(|placed| {
            let lane = &lanes[placed.lane];
            let plan = &data.plans[lane.plan];
            let m = &lane.milestones[placed.index];
            let label = format!("{} · {} · {}: {}", short_label(data, lane.plan, lang), m.kind.tr(lang), milestone_date(m), m.quote);
            let (x, y) = (placed.x, placed.y);
            let shape = match m.kind {
                MilestoneKind::Issued => view! { <circle cx=x cy=y r=6.0 fill="#1b1f24"/> }.into_any(),
                MilestoneKind::CommentDeadline => view! { <rect x=x - 5.0 y=y - 5.0 width=10.0 height=10.0 fill="#8a5a00"/> }.into_any(),
                MilestoneKind::ValidUntil => view! { <polygon points=format!("{x},{} {},{y} {x},{} {},{y}", y - 7.0, x + 7.0, y + 7.0, x - 7.0) fill="#6b2fa0"/> }.into_any(),
                MilestoneKind::TargetYear => view! { <polygon points=format!("{x},{} {},{} {},{}", y - 8.0, x + 7.0, y + 6.0, x - 7.0, y + 6.0) fill="#b3261e"/> }.into_any(),
                MilestoneKind::Reported => view! { <circle cx=x cy=y r=5.0 fill="#ffffff" stroke="#1e6b34" stroke-width="2.5"/> }.into_any(),
            };
            let (plan_id, year) = (plan.id.clone(), m.year);
            let is_target = matches!(m.kind, MilestoneKind::TargetYear | MilestoneKind::Reported);
            let open = move || {
                let plan_id = plan_id.clone();
                app.update(false, move |s| {
                    *s = s.cleared_filters();
                    s.view = View::Explore;
                    s.plans = vec![plan_id];
                    s.years = Some((year, year));
                    s.figures_only = is_target;
                })
            };
            let open_key = open.clone();
            let (show_a, show_b, aria) = (label.clone(), label.clone(), label.clone());
            view! {
                <g
                    class="pc-milestone"
                    tabindex="0"
                    role="button"
                    aria-label=aria
                    data-testid="milestone"
                    data-kind=format!("{:?}", m.kind)
                    on:mouseenter=move |_| tooltip.set(show_a.clone())
                    on:focus=move |_| tooltip.set(show_b.clone())
                    on:mouseleave=move |_| tooltip.set(String::new())
                    on:blur=move |_| tooltip.set(String::new())
                    on:click=move |_| open()
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            open_key();
                        }
                    }
                >
                    <title>{label}</title>
                    {shape}
                </g>
            }
        })
        .collect_view();
    let today_line = layout.today.map(|x| {
        view! {
            <g data-testid="today">
                <line x1=x x2=x y1=18.0 y2=layout.height stroke="#b3261e" stroke-width="2" stroke-dasharray="5 3"/>
                <text x=x + 4.0 y=layout.height - 4.0 fill="#b3261e" font-size="11">{Msg::Today.text(lang)}</text>
            </g>
        }
    });
    view! {
        <svg
            id=SVG_ID
            class="pc-svg pc-timeline__svg"
            viewBox=format!("0 0 {} {}", layout.width, layout.height)
            width=layout.width
            height=layout.height
            role="group"
            aria-label=Msg::TimelineHeading.text(lang)
            xmlns="http://www.w3.org/2000/svg"
            data-testid="timeline"
        >
            <rect x=0 y=0 width=layout.width height=layout.height fill="#ffffff"/>
            {ticks}
            {lane_views}
            {today_line}
            {markers}
        </svg>
    }
}

fn table(data: &Data, lanes: &[Lane], lang: Lang) -> impl IntoView {
    let rows = lanes
        .iter()
        .map(|lane| {
            let plan = &data.plans[lane.plan];
            let period = super::widgets::period_text(plan, lang);
            let note = lane.open_start.then(|| format!(" ({})", Msg::OpenPeriodNote.text(lang)));
            let milestones = lane
                .milestones
                .iter()
                .map(|m| view! { <tr><td></td><td>{milestone_date(m)}</td><td>{m.kind.tr(lang)}</td><td lang="zh-CN">{m.quote.clone()}</td></tr> })
                .collect_view();
            view! {
                <tr class="pc-table__group">
                    <th scope="rowgroup">{plan_label(data, lane.plan, lang)}</th>
                    <td>{period}{note}</td>
                    <td>{Msg::ColumnPeriod.text(lang)}</td>
                    <td></td>
                </tr>
                {milestones}
            }
        })
        .collect_view();
    table_region(
        "pc-tl-caption",
        "timeline-table",
        "",
        view! { <strong>{Msg::TimelineTable.text(lang)}</strong> },
        view! {
            <th scope="col">{Msg::FilterPlans.text(lang)}</th>
            <th scope="col">{Msg::Date.text(lang)}</th>
            <th scope="col">{Msg::Event.text(lang)}</th>
            <th scope="col">{Msg::Quote.text(lang)}</th>
        },
        rows,
    )
}
