//! Compare goals: the metric × plan matrix, a chart for every metric two or more plans state,
//! sector coverage and lead departments.

use leptos::prelude::*;
use plan_analysis::compare::{
    chart_value, department_matrix, format_number, heat_level, instrument_heatmap, metric_matrix,
    sector_heatmap, yearly, MetricRow, Yearly,
};
use plan_analysis::export::{
    dataset_of_comparison, figures_csv, plan_similarity, plan_similarity_csv,
};
use plan_analysis::geometry::{bar_chart, fit_label, BAR_HEIGHT};
use plan_analysis::selection::drawn_range;
use plan_model::vocab::{INSTRUMENTS, SECTORS};
use plan_model::MeasureType;

use crate::i18n::{format_value, implied_growth_text, scope_note, Lang, Msg, Tr};
use crate::view_state::{View, ViewState};

use super::picker::PlanPicker;
use super::widgets::{
    city_name, department_name, export_bar, figure_link, figure_text, image_buttons,
    instrument_name, metric_name, pager, plan_label, sector_name, short_label, table_region,
};
use crate::state::{app_state, data, Data};

const CHART_WIDTH: f64 = 640.0;
/// Plans compared side by side at once: wider tables stop being readable, and a library of a
/// thousand plans would draw hundreds of thousands of cells.
const COMPARE_COLUMNS: usize = 8;

#[component]
pub fn Compare(lang: Lang) -> impl IntoView {
    let data = data();
    let app = app_state();
    let selected = {
        let data = data.clone();
        Memo::new(move |_| app.state.with(|s| data.selected(s)))
    };
    let per_year = Memo::new(move |_| app.state.with(|s| s.per_year));
    let reported = Memo::new(move |_| app.state.with(|s| s.reported));
    // The metric a link points at (`metric=…`): its row is marked and scrolled to.
    let metric = Memo::new(move |_| app.state.with(|s| s.metric.clone()));
    Effect::new(move |_| {
        if let Some(key) = metric.get() {
            request_animation_frame(move || {
                let row = document()
                    .query_selector(&format!(
                        "[data-testid=matrix] tr[data-metric=\"{key}\"][data-reported=false]"
                    ))
                    .ok()
                    .flatten();
                if let Some(row) = row {
                    row.scroll_into_view();
                }
            });
        }
    });
    // A long selection is compared a window of columns at a time; a new selection starts at its
    // first plans.
    let first_column = RwSignal::new(0usize);
    Effect::new(move |_| {
        selected.track();
        first_column.set(0);
    });

    let (csv_data, json_data) = (data.clone(), data.clone());
    // Downloads are tidy (one target a row) in the documented schema, what analysts load.
    let csv = move || {
        let data = dataset_of_comparison(&csv_data.plans, &selected.get_untracked());
        crate::download::save_csv("plan-compare-goals.csv", &figures_csv(&data));
    };
    let json = move || {
        let data = dataset_of_comparison(&json_data.plans, &selected.get_untracked());
        crate::download::save_json("plan-compare-goals.json", &data);
    };

    let body_data = data.clone();
    view! {
        <section class="pc-view pc-compare" aria-labelledby="pc-compare-h" data-testid="view-compare">
            <h2 id="pc-compare-h">{View::Compare.tr(lang)}</h2>
            <div class="pc-compare__controls">
                <PlanPicker lang testid="compare-plans"/>
                <div class="pc-facet pc-facet--single">
                    <input type="checkbox" id="pc-per-year" prop:checked=move || per_year.get()
                        on:change=move |_| app.update(false, |s| s.per_year = !s.per_year) data-testid="per-year"/>
                    <label for="pc-per-year">{Msg::PerYear.text(lang)}</label>
                </div>
                <div class="pc-facet pc-facet--single">
                    <input type="checkbox" id="pc-reported" prop:checked=move || reported.get()
                        on:change=move |_| app.update(false, |s| s.reported = !s.reported) data-testid="show-reported"/>
                    <label for="pc-reported">{Msg::ShowReported.text(lang)}</label>
                </div>
                {export_bar(lang, csv, json, "compare-export")}
            </div>
            {move || {
                let count = selected.with(Vec::len);
                (count > COMPARE_COLUMNS).then(|| view! {
                    <p class="pc-small pc-muted" data-testid="compare-window-help">{Msg::CompareWindowHelp.text(lang)}</p>
                    {pager(lang, "compare-pager", count, COMPARE_COLUMNS, first_column)}
                })
            }}
            {move || {
                let data = body_data.clone();
                let all = selected.get();
                let sel = all[drawn_range(all.len(), first_column.get(), COMPARE_COLUMNS)].to_vec();
                let per_year = per_year.get();
                let state = app.state.get_untracked();
                let rows = metric_matrix(&data.plans, &sel, reported.get());
                let focused = metric.get();
                view! {
                    {matrix(&data, &rows, &sel, &state, focused.as_deref(), per_year, lang)}
                    {charts(&data, &rows, per_year, lang)}
                    {super::targets::support_table(&data, &sel, &state, lang)}
                    // The national roll-up sums every chosen plan, not only the columns in view.
                    {super::targets::rollup_table(&data, &all, &state, lang)}
                    {super::targets::histories(&data, &sel, &state, lang)}
                    {sector_coverage(&data, &sel, lang)}
                    {instrument_coverage(&data, &sel, lang)}
                    {similarity(&data, &sel, lang)}
                    {departments(&data, &sel, lang)}
                }
            }}
        </section>
    }
}

fn matrix(
    data: &Data,
    rows: &[MetricRow],
    sel: &[usize],
    state: &ViewState,
    focused: Option<&str>,
    per_year: bool,
    lang: Lang,
) -> impl IntoView {
    let app = app_state();
    let mut notes: Vec<String> = Vec::new();
    let head = sel
        .iter()
        .map(|&p| view! { <th scope="col">{plan_label(data, p, lang)}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .map(|cell| {
                    let plan = &data.plans[cell.plan];
                    if cell.figures.is_empty() {
                        return view! { <td class="pc-empty-cell">"—"</td> }.into_any();
                    }
                    let entries = cell
                        .figures
                        .iter()
                        .map(|&f| {
                            let figure = &plan.figures[f];
                            let note = figure.scope.map(|scope| {
                                let text = scope_note(&city_name(plan, lang), &metric_name(row.metric.key, lang), scope, lang);
                                let number = notes.iter().position(|n| *n == text).unwrap_or_else(|| {
                                    notes.push(text);
                                    notes.len() - 1
                                }) + 1;
                                view! { <sup class="pc-noteref" title=format!("{} {number}", Msg::ScopeNote.text(lang))>{number}</sup> }
                            });
                            let yearly = per_year.then(|| {
                                view! { <div class="pc-small pc-derived" data-testid="per-year-reading">{yearly_text(data, cell.plan, f, lang)}</div> }
                            });
                            view! {
                                <li>
                                    {figure_link(state, plan, figure, "matrix-figure", lang)}
                                    {note}
                                    {yearly}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <td><ul class="pc-cell-list">{entries}</ul></td> }.into_any()
                })
                .collect_view();
            let key = row.metric.key;
            let link = move || app.linked(|s| s.metric = Some(key.to_string()));
            let reported = row.reported.then(|| {
                view! { <span class="pc-badge pc-badge--reported">{Msg::ReportedRow.text(lang)}</span> }
            });
            view! {
                <tr data-metric=key data-reported=row.reported.to_string() class:pc-focus=focused == Some(key) && !row.reported class:pc-reported-row=row.reported>
                    <th scope="row"><a href=link class="pc-row-link">{metric_name(key, lang)}</a>" "{reported}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let footnotes = notes
        .into_iter()
        .map(|n| view! { <li>{n}</li> })
        .collect_view();
    let caption = view! {
        <strong>{Msg::MatrixHeading.text(lang)}</strong>
        " "
        <span class="pc-small">{Msg::MatrixCaption.text(lang)}</span>
    };
    view! {
        {table_region(
            "pc-matrix-caption",
            "matrix",
            "pc-matrix",
            caption,
            view! { <th scope="col">{Msg::Metric.text(lang)}</th>{head} },
            body,
        )}
        <ol class="pc-footnotes pc-small" data-testid="footnotes" aria-label=Msg::ScopeNote.text(lang)>{footnotes}</ol>
    }
}

fn charts(data: &Data, rows: &[MetricRow], per_year: bool, lang: Lang) -> impl IntoView {
    let shared: Vec<&MetricRow> = rows
        .iter()
        .filter(|r| !r.reported && r.plans_stating() >= 2)
        .collect();
    let charts = shared
        .iter()
        .map(|row| chart(data, row, per_year, lang))
        .collect_view();
    view! {
        <section class="pc-charts" aria-labelledby="pc-charts-h" data-testid="charts">
            <h3 id="pc-charts-h">{Msg::ChartsHeading.text(lang)}</h3>
            {shared.is_empty().then(|| view! { <p class="pc-empty">{Msg::NoCharts.text(lang)}</p> })}
            <div class="pc-chart-grid">{charts}</div>
        </section>
    }
}

/// A bar of a chart: plan label, value range (none when it cannot be computed), value label.
type ChartEntry = (String, Option<(f64, f64)>, String);

fn chart(data: &Data, row: &MetricRow, per_year: bool, lang: Lang) -> impl IntoView {
    // One bar per plan that states the metric: its leading figure. Per year, a level's bar is the
    // growth it implies (percent), so the axis is in percent.
    let row_measure = row.measure(&data.plans);
    let growth_axis = per_year && row_measure == Some(MeasureType::Level);
    let entries: Vec<ChartEntry> = row
        .cells
        .iter()
        .filter_map(|c| c.figures.first().map(|&f| (c.plan, f)))
        .map(|(p, f)| {
            let figure = &data.plans[p].figures[f];
            // Per year, a bar of another measure than the row's would be in another unit.
            let fits = !per_year || row_measure == Some(figure.measure);
            let value = chart_value(&data.plans, p, f, per_year).filter(|_| fits);
            let unit = if growth_axis {
                "%"
            } else {
                figure.unit_normalized.as_str()
            };
            let label = match value {
                Some((low, high)) if (high - low).abs() > f64::EPSILON => {
                    format!(
                        "{}–{}",
                        format_value(low, unit, lang),
                        format_value(high, unit, lang)
                    )
                }
                Some((low, _)) => format_value(low, unit, lang),
                None => Msg::PerYearUnknown.text(lang).to_string(),
            };
            (short_label(data, p, lang), value, label)
        })
        .collect();
    let values: Vec<(f64, f64)> = entries
        .iter()
        .map(|(_, v, _)| v.unwrap_or((0.0, 0.0)))
        .collect();
    let geometry = bar_chart(&values, CHART_WIDTH);
    let svg_id = format!("pc-chart-{}", row.metric.key);
    let title = metric_name(row.metric.key, lang);
    let alt = entries
        .iter()
        .map(|(city, _, label)| format!("{city}: {label}"))
        .collect::<Vec<_>>()
        .join("; ");
    let noun = if growth_axis {
        "%".to_string()
    } else {
        row.cells
            .iter()
            .find_map(|c| {
                c.figures
                    .first()
                    .map(|&f| data.plans[c.plan].figures[f].unit_normalized.clone())
            })
            .unwrap_or_default()
    };
    let bars = entries
        .iter()
        .zip(&geometry.bars)
        .map(|((city, value, label), bar)| {
            let text_y = bar.y + BAR_HEIGHT / 2.0 + 4.0;
            let upper = (bar.x_high - bar.x_low).max(0.0);
            view! {
                <g>
                    <text x=geometry.plot_left - 6.0 y=text_y text-anchor="end" class="pc-svg-label" fill="#1b1f24" font-size="12">
                        {fit_label(city, geometry.plot_left - 10.0, 12.0).into_owned()}
                        <title>{city.clone()}</title>
                    </text>
                    <rect x=bar.x0 y=bar.y width=(bar.x_low - bar.x0).max(0.0) height=bar.height fill="#0b5cad"/>
                    <rect x=bar.x_low y=bar.y width=upper height=bar.height fill="#7fb0e0"/>
                    <text x=bar.x_high + 4.0 y=text_y class="pc-svg-value" fill="#1b1f24" font-size="11">{if value.is_some() { label.clone() } else { format!("({label})") }}</text>
                </g>
            }
        })
        .collect_view();
    let ticks = geometry
        .ticks
        .iter()
        .map(|t| {
            view! {
                <g>
                    <line x1=t.x x2=t.x y1=0.0 y2=geometry.height - 20.0 stroke="#d5dae1" stroke-width="1"/>
                    <text x=t.x y=geometry.axis_y text-anchor="middle" fill="#4a5360" font-size="10">{format_value(t.value, &noun, lang)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="pc-chart" data-testid="chart" data-metric=row.metric.key>
            <figcaption>
                <strong>{title.clone()}</strong>
                {per_year.then(|| {
                    let what = if growth_axis { Msg::ImpliedGrowth } else { Msg::PerYearFigure };
                    view! { " " <span class="pc-small">"(" {what.text(lang)} ")"</span> }
                })}
                " " {image_buttons(lang, svg_id.clone(), format!("plan-compare-{}", row.metric.key))}
            </figcaption>
            <svg
                id=svg_id
                class="pc-svg"
                viewBox=format!("0 0 {} {}", geometry.width, geometry.height)
                width=geometry.width
                height=geometry.height
                role="img"
                aria-label=format!("{title}. {}{alt}", Msg::ChartAltPrefix.text(lang))
                xmlns="http://www.w3.org/2000/svg"
            >
                <rect x=0 y=0 width=geometry.width height=geometry.height fill="#ffffff"/>
                {ticks}
                {bars}
            </svg>
            <p class="pc-visually-hidden">{Msg::ChartAltPrefix.text(lang)} {alt}</p>
        </figure>
    }
}

/// A coverage table: one row per key of a vocabulary, one column per plan, shaded by count.
fn heatmap(
    data: &Data,
    rows: Vec<(usize, Vec<usize>)>,
    names: Vec<(String, &'static str)>,
    (caption_id, testid): (&'static str, &'static str),
    (heading, column): (Msg, Msg),
    lang: Lang,
) -> impl IntoView {
    let max = rows
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let head = rows
        .iter()
        .map(|(p, _)| view! { <th scope="col">{short_label(data, *p, lang)}</th> })
        .collect_view();
    let body = names
        .into_iter()
        .enumerate()
        .map(|(ki, (name, key))| {
            let cells = rows
                .iter()
                .map(|(_, counts)| {
                    let n = counts[ki];
                    let level = heat_level(n, max);
                    view! { <td class=format!("pc-heat pc-heat--{level}")>{n}</td> }
                })
                .collect_view();
            view! { <tr data-key=key><th scope="row">{name}</th>{cells}</tr> }
        })
        .collect_view();
    table_region(
        caption_id,
        testid,
        "pc-heatmap",
        view! { <strong>{heading.text(lang)}</strong> },
        view! { <th scope="col">{column.text(lang)}</th>{head} },
        body,
    )
}

fn sector_coverage(data: &Data, sel: &[usize], lang: Lang) -> impl IntoView {
    let names = SECTORS
        .iter()
        .map(|s| (sector_name(s.key, lang), s.key))
        .collect();
    heatmap(
        data,
        sector_heatmap(&data.plans, sel),
        names,
        ("pc-heat-caption", "heatmap"),
        (Msg::HeatmapHeading, Msg::Sector),
        lang,
    )
}

fn instrument_coverage(data: &Data, sel: &[usize], lang: Lang) -> impl IntoView {
    let names = INSTRUMENTS
        .iter()
        .map(|i| (instrument_name(i.key, lang), i.key))
        .collect();
    heatmap(
        data,
        instrument_heatmap(&data.plans, sel),
        names,
        ("pc-instrument-caption", "instrument-heatmap"),
        (Msg::InstrumentHeatmapHeading, Msg::FilterInstruments),
        lang,
    )
}

/// Plan × plan similarity of tasks, as percentages, the diagonal left blank, with its download.
fn similarity(data: &Data, sel: &[usize], lang: Lang) -> impl IntoView {
    let table = std::sync::Arc::new(plan_similarity(&data.plans, &data.similarity_index(), sel));
    let matrix = table.matrix.clone();
    let (csv_table, json_table) = (table.clone(), table);
    let downloads = view! {
        <p class="pc-export" role="group" aria-label=Msg::ExportLabel.text(lang) data-testid="similarity-export">
            <button type="button" class="pc-button pc-button--small" data-testid="export-csv"
                on:click=move |_| crate::download::save_csv("plan-compare-similarity.csv", &plan_similarity_csv(&csv_table))>
                {Msg::ExportCsv.text(lang)}
            </button>
            " "
            <button type="button" class="pc-button pc-button--small" data-testid="export-json"
                on:click=move |_| crate::download::save_json("plan-compare-similarity.json", &*json_table)>
                {Msg::ExportJson.text(lang)}
            </button>
        </p>
    };
    let head = sel
        .iter()
        .map(|&p| view! { <th scope="col">{short_label(data, p, lang)}</th> })
        .collect_view();
    let body = sel
        .iter()
        .zip(&matrix)
        .enumerate()
        .map(|(a, (&p, row))| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(b, v)| {
                    if a == b {
                        return view! { <td class="pc-empty-cell">"—"</td> }.into_any();
                    }
                    let level = heat_level((v * 100.0).round() as usize, 12);
                    view! { <td class=format!("pc-heat pc-heat--{level}") data-testid="similarity-cell">{format!("{}%", format_number(v * 100.0, 1))}</td> }.into_any()
                })
                .collect_view();
            view! { <tr data-plan-id=data.plans[p].id.clone()><th scope="row">{short_label(data, p, lang)}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        {table_region(
            "pc-similarity-caption",
            "similarity-matrix",
            "pc-heatmap",
            view! {
                <strong>{Msg::SimilarityHeading.text(lang)}</strong>
                " "
                <span class="pc-small">{Msg::SimilarityCaption.text(lang)}</span>
            },
            view! { <th scope="col">{Msg::FilterPlans.text(lang)}</th>{head} },
            body,
        )}
        {downloads}
    }
}

fn departments(data: &Data, sel: &[usize], lang: Lang) -> impl IntoView {
    let rows = department_matrix(&data.plans, sel);
    let head = sel
        .iter()
        .map(|&p| view! { <th scope="col">{short_label(data, p, lang)}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|(key, counts)| {
            let cells = counts
                .into_iter()
                .map(|n| view! { <td>{if n == 0 { "—".to_string() } else { n.to_string() }}</td> })
                .collect_view();
            view! { <tr><th scope="row">{department_name(key, lang)}</th>{cells}</tr> }
        })
        .collect_view();
    table_region(
        "pc-dept-caption",
        "department-matrix",
        "",
        view! { <strong>{Msg::DepartmentsHeading.text(lang)}</strong> },
        view! { <th scope="col">{Msg::Department.text(lang)}</th>{head} },
        body,
    )
}

/// A figure read per year, in words: a flow as stated, a level as the growth it implies (derived,
/// with where it starts), or why it is not read per year.
fn yearly_text(data: &Data, plan: usize, figure: usize, lang: Lang) -> String {
    match yearly(&data.plans, plan, figure) {
        Yearly::Flow(..) | Yearly::Rate(..) => figure_text(&data.plans[plan].figures[figure], lang),
        Yearly::Implied(g) => {
            let base = &data.plans[g.from_plan].figures[g.from_figure];
            let (low, _) = base.normalized_range();
            implied_growth_text(
                &g,
                &format_value(low, &base.unit_normalized, lang),
                &short_label(data, g.from_plan, lang),
                lang,
            )
        }
        Yearly::NoBase => Msg::NoBase.text(lang).to_string(),
        Yearly::NotApplicable => Msg::NotPerYear.text(lang).to_string(),
    }
}
