//! Explore: facets with live counts, Chinese full-text search with highlights, results.

use leptos::prelude::*;
use plan_analysis::export::{dataset_of_items, items_csv};
use plan_analysis::query::{highlight, ItemRef};
use plan_analysis::similarity::is_compared;
use plan_model::vocab::{INSTRUMENTS, SECTORS};
use plan_model::{Item, ItemKind, Role};

use crate::i18n::{results_count, Lang, Msg, Tr};
use crate::view_state::{View, ViewState, YearBound, YEAR_MAX, YEAR_MIN};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use super::picker::PlanPicker;
use super::widgets::{
    department_name, export_bar, figure_href, figure_text, instrument_name, item_href, plan_label,
    sector_name, short_label,
};
use crate::state::{app_state, data, Data};

/// Results drawn at once; the count says how many there are in all, the export has them all.
const MAX_SHOWN: usize = 40;
/// Results a search keystroke draws anew in its own frame: more than a screenful at any width.
/// Below them, rows already on the page stay; the other new rows, up to [`MAX_SHOWN`], follow in
/// a task after that frame, so typing waits only for what is on screen (the rows below it were
/// most of a keystroke's DOM work, layout and paint).
const FIRST_SHOWN: usize = 12;
/// "Similar tasks": the best matches shown per other plan, and the least score worth showing
/// (below it, two tasks share little more than the genre's words).
const SIMILAR_PER_PLAN: usize = 2;
const SIMILAR_MIN_SCORE: f64 = 0.05;

fn toggle<T: PartialEq + Clone>(list: &mut Vec<T>, value: &T) {
    if let Some(at) = list.iter().position(|v| v == value) {
        list.remove(at);
    } else {
        list.push(value.clone());
    }
}

/// Search keystrokes so far: each keystroke's start mark is its own
/// (`plan-compare:filter:start:N`), so that one whose frame comes after the next keystroke has
/// started is still measured from its own start.
static KEYSTROKES: AtomicU32 = AtomicU32::new(0);

/// Marks the start of a search keystroke's work; returns the mark's name for [`mark_filter_done`].
fn mark_filter_start() -> String {
    let start = format!(
        "plan-compare:filter:start:{}",
        KEYSTROKES.fetch_add(1, Ordering::Relaxed)
    );
    crate::perf::mark(&start);
    start
}

/// Ends the benchmark's measures of a search keystroke (see docs/benchmarks.md):
/// - `plan-compare:filter`: until the browser has drawn the keystroke's frame: a task queued from
///   the next animation frame's callback runs after that frame's style, layout, paint and commit,
///   so the measure covers filter, facets, the DOM update and the browser's rendering of it;
/// - `plan-compare:filter-dom` (the measure's definition until 2026-11): until a task queued now
///   runs, after Leptos's effects (microtasks) have updated the DOM. The browser renders whenever
///   its next frame comes, before or after that task, so it covers the rendering only sometimes.
fn mark_filter_done(start: String) {
    let dom_start = start.clone();
    set_timeout(
        move || crate::perf::measure_from("plan-compare:filter-dom", &dom_start),
        Duration::ZERO,
    );
    after_next_frame(move || {
        crate::perf::measure_from("plan-compare:filter", &start);
        crate::perf::clear_mark(&start);
    });
}

/// Runs `f` in a task after the browser's next frame is drawn (a task queued from that frame's
/// animation callback runs after its style, layout and paint).
fn after_next_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// A group of checkboxes whose rows stay in place while counts change, so focus is never lost.
fn checkbox_group(
    legend: &'static str,
    testid: &'static str,
    options: Vec<(String, String)>,
    checked: impl Fn(&ViewState, &str) -> bool + Copy + Send + Sync + 'static,
    count: impl Fn(&str) -> usize + Copy + Send + Sync + 'static,
    on_toggle: impl Fn(&mut ViewState, &str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = app_state();
    // One memo of the group's boxes reads the state, not one per row: every change of the state
    // (each keystroke) wakes each of the state's readers.
    let keys: Vec<String> = options.iter().map(|(key, _)| key.clone()).collect();
    let ticked = Memo::new(move |_| {
        app.state
            .with(|s| keys.iter().map(|k| checked(s, k)).collect::<Vec<bool>>())
    });
    let rows = options
        .into_iter()
        .enumerate()
        .map(|(row, (key, label))| {
            let id = format!("pc-f-{testid}-{key}");
            let (k2, k3) = (key.clone(), key.clone());
            // Memos: the DOM is touched only when this row's box or count really changes, not on
            // every keystroke.
            let is_checked = Memo::new(move |_| ticked.with(|t| t[row]));
            let n = Memo::new(move |_| count(&k3));
            view! {
                <li class="pc-facet">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=is_checked
                        on:change=move |_| app.update(false, |s| on_toggle(s, &k2))
                        data-key=key.clone()
                    />
                    <label for=id>{label} " " <span class="pc-count">{move || format!("({})", n.get())}</span></label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="pc-fieldset" data-testid=format!("facet-{testid}")>
            <legend>{legend}</legend>
            <ul class="pc-facet-list">{rows}</ul>
        </fieldset>
    }
}

#[component]
pub fn Explore(lang: Lang) -> impl IntoView {
    let data = data();
    let app = app_state();
    let filter = Memo::new(move |_| app.state.with(ViewState::filter));
    // The items found and the facet counts, in one pass over the query's candidates from the
    // search index (built once per plan set, see `Data::search_index`).
    let index = data.search_index();
    let plans = data.plans.clone();
    let found = Memo::new(move |_| filter.with(|f| index.search(&plans, f)));
    let terms = Memo::new(move |_| filter.with(|f| f.terms.clone()));
    let query = Memo::new(move |_| app.state.with(|s| s.query.clone()));
    let figures_only = Memo::new(move |_| app.state.with(|s| s.figures_only));

    let plan_ids = data.plans.clone();
    let plan_count = Callback::new(move |i: usize| {
        found.with(|s| s.facets.plans.get(&plan_ids[i].id).copied().unwrap_or(0))
    });
    let sector_options: Vec<(String, String)> = SECTORS
        .iter()
        .map(|s| (s.key.to_string(), sector_name(s.key, lang)))
        .collect();
    let instrument_options: Vec<(String, String)> = INSTRUMENTS
        .iter()
        .map(|i| (i.key.to_string(), instrument_name(i.key, lang)))
        .collect();
    let dept_options: Vec<(String, String)> = data
        .search_index()
        .departments_in_use()
        .iter()
        .map(|&key| (key.to_string(), department_name(key, lang)))
        .collect();
    let kind_options: Vec<(String, String)> = ItemKind::ALL
        .iter()
        .map(|k| (k.key().to_string(), k.tr(lang).into_owned()))
        .collect();

    // Whether every result up to [`MAX_SHOWN`] is drawn: not while a search keystroke is drawn
    // (see [`FIRST_SHOWN`]); `drawn` is what the list holds, the rows a keystroke keeps.
    let all_rows = RwSignal::new(true);
    let drawn = StoredValue::new(Vec::<ItemRef>::new());
    let rows = move || {
        let all = all_rows.get();
        let rows: Vec<ItemRef> = drawn.with_value(|before| {
            found.with(|s| {
                s.items
                    .iter()
                    .take(MAX_SHOWN)
                    .enumerate()
                    .filter(|(i, r)| all || *i < FIRST_SHOWN || before.contains(r))
                    .map(|(_, r)| *r)
                    .collect()
            })
        });
        drawn.set_value(rows.clone());
        rows
    };
    let on_search = move |ev: leptos::ev::Event| {
        let start = mark_filter_start();
        let value = event_target_value(&ev);
        all_rows.set(false);
        app.update(true, |s| s.query = value);
        mark_filter_done(start);
        after_next_frame(move || all_rows.set(true));
    };
    let set_year = move |which: usize, value: String| {
        app.update(false, |s| {
            if which == 0 {
                s.set_year_bound(YearBound::From, &value)
            } else {
                s.set_year_bound(YearBound::To, &value)
            }
        })
    };
    let years = Memo::new(move |_| app.state.with(|s| s.years));
    let year_value = move |which: usize| {
        move || {
            years
                .get()
                .map(|(a, b)| if which == 0 { a } else { b }.to_string())
                .unwrap_or_default()
        }
    };

    let export_data = data.clone();
    let export_json_data = data.clone();
    let csv = move || {
        let data = found.with_untracked(|s| dataset_of_items(&export_data.plans, &s.items));
        crate::download::save_csv("plan-compare-explore.csv", &items_csv(&data));
    };
    let json = move || {
        let data = found.with_untracked(|s| dataset_of_items(&export_json_data.plans, &s.items));
        crate::download::save_json("plan-compare-explore.json", &data);
    };

    let list_data = data.clone();
    view! {
        <section class="pc-view" aria-labelledby="pc-explore-h" data-testid="view-explore">
            <h2 id="pc-explore-h">{View::Explore.tr(lang)}</h2>
            <div class="pc-explore">
                // autocomplete="off": the browser does not keep these controls' state itself (the
                // URL does), so it no longer serialises all ~80 of them on every history update, as
                // it did on each keystroke's replaceState (4-6 ms of a keystroke in Chromium).
                <form class="pc-filters" autocomplete="off" on:submit=|ev| ev.prevent_default() data-testid="filters">
                    <div class="pc-search">
                        <label for="pc-search-input">{Msg::SearchLabel.text(lang)}</label>
                        <input
                            id="pc-search-input"
                            type="search"
                            autocomplete="off"
                            placeholder=Msg::SearchPlaceholder.text(lang)
                            prop:value=query
                            on:input=on_search
                            data-testid="search"
                        />
                    </div>
                    <button type="button" class="pc-button" on:click=move |_| app.update(false, |s| *s = s.cleared_filters()) data-testid="clear-all">
                        {Msg::ClearAll.text(lang)}
                    </button>
                    <PlanPicker lang testid="facet-plans" filter=true count=plan_count/>
                    {checkbox_group(Msg::FilterKinds.text(lang), "kinds", kind_options,
                        |s, k| s.kinds.iter().any(|x| x.key() == k),
                        move |k| found.with(|s| ItemKind::from_key(k).and_then(|x| s.facets.kinds.get(&x).copied()).unwrap_or(0)),
                        |s, k| if let Some(kind) = ItemKind::from_key(k) { toggle(&mut s.kinds, &kind) })}
                    <fieldset class="pc-fieldset" data-testid="facet-years">
                        <legend>{Msg::FilterYears.text(lang)}</legend>
                        <label for="pc-year-from">{Msg::FilterYearFrom.text(lang)}</label>
                        <input id="pc-year-from" type="number" inputmode="numeric" min=YEAR_MIN max=YEAR_MAX
                            prop:value=year_value(0) on:change=move |ev| set_year(0, event_target_value(&ev)) data-testid="year-from"/>
                        <label for="pc-year-to">{Msg::FilterYearTo.text(lang)}</label>
                        <input id="pc-year-to" type="number" inputmode="numeric" min=YEAR_MIN max=YEAR_MAX
                            prop:value=year_value(1) on:change=move |ev| set_year(1, event_target_value(&ev)) data-testid="year-to"/>
                    </fieldset>
                    <div class="pc-facet pc-facet--single">
                        <input type="checkbox" id="pc-figures-only"
                            prop:checked=figures_only
                            on:change=move |_| app.update(false, |s| s.figures_only = !s.figures_only)
                            data-testid="figures-only"/>
                        <label for="pc-figures-only">{Msg::FiguresOnly.text(lang)}</label>
                    </div>
                    {checkbox_group(Msg::FilterSectors.text(lang), "sectors", sector_options,
                        |s, k| s.sectors.iter().any(|x| x == k),
                        move |k| found.with(|s| s.facets.sectors.get(k).copied().unwrap_or(0)),
                        |s, k| toggle(&mut s.sectors, &k.to_string()))}
                    {checkbox_group(Msg::FilterInstruments.text(lang), "instruments", instrument_options,
                        |s, k| s.instruments.iter().any(|x| x == k),
                        move |k| found.with(|s| s.facets.instruments.get(k).copied().unwrap_or(0)),
                        |s, k| toggle(&mut s.instruments, &k.to_string()))}
                    {checkbox_group(Msg::FilterDepartments.text(lang), "departments", dept_options,
                        |s, k| s.departments.iter().any(|x| x == k),
                        move |k| found.with(|s| s.facets.departments.get(k).copied().unwrap_or(0)),
                        |s, k| toggle(&mut s.departments, &k.to_string()))}
                </form>
                <div class="pc-results" data-testid="results">
                    <div class="pc-results__bar">
                        <p class="pc-results__count" aria-live="polite" data-testid="result-count">
                            {move || results_count(found.with(|s| s.items.len()), MAX_SHOWN, lang)}
                        </p>
                        {export_bar(lang, csv, json, "explore-export")}
                    </div>
                    {move || found.with(|s| s.items.is_empty()).then(|| view! {
                        <p class="pc-empty" data-testid="empty-state">{Msg::EmptyResults.text(lang)}</p>
                    })}
                    <ol class="pc-result-list" data-testid="result-list">
                        // Keyed rows: a keystroke adds and removes rows and re-marks the text of
                        // the rows that stay, instead of rebuilding the whole list.
                        <For
                            each=rows
                            key=|r| *r
                            children=move |r| result(&list_data, r, terms, &app.state.get_untracked(), lang)
                        />
                    </ol>
                </div>
            </div>
        </section>
    }
}

fn result(
    data: &Data,
    r: ItemRef,
    terms: Memo<Vec<String>>,
    state: &ViewState,
    lang: Lang,
) -> impl IntoView {
    let plan = &data.plans[r.plan];
    let item = &plan.items[r.item];
    let path = plan
        .heading_titles(item)
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" › ");
    let quote = item.quote.clone();
    let runs = move || {
        terms.with(|terms| {
            highlight(&quote, terms)
                .into_iter()
                .map(|(range, hit)| {
                    let text = quote[range].to_string();
                    // The text between hits is a bare text node: a row's paragraph has one
                    // element per hit, not per run.
                    if hit {
                        view! { <mark class="pc-hit">{text}</mark> }.into_any()
                    } else {
                        text.into_any()
                    }
                })
                .collect_view()
        })
    };
    let lead = names(item, Role::Lead, lang).join("、");
    let responsible = names(item, Role::Responsible, lang).join("、");
    let figures = item
        .figures
        .iter()
        .map(|&f| {
            let figure = &plan.figures[f];
            view! { <li><a class="pc-figure-link" href=figure_href(state, plan, figure) data-testid="figure-link">{figure_text(figure, lang)}</a></li> }
        })
        .collect_view();
    view! {
        <li class="pc-result" data-testid="result" data-item-id=item.id.clone()>
            <p class="pc-result__meta">
                <strong>{plan_label(data, r.plan, lang)}</strong>
                {format!(" · {}", item.kind.tr(lang))}
                {(!path.is_empty()).then(|| view! { " · " <span lang="zh-CN">{path}</span> })}
            </p>
            <p class="pc-result__text" lang="zh-CN">{runs}</p>
            {(!item.sectors.is_empty()).then(|| view! {
                <ul class="pc-chips">{item.sectors.iter().map(|s| view! { <li class="pc-chip">{sector_name(s, lang)}</li> }).collect_view()}</ul>
            })}
            {(!item.instruments.is_empty()).then(|| view! {
                <ul class="pc-chips" aria-label=Msg::FilterInstruments.text(lang) data-testid="instrument-chips">
                    {item.instruments.iter().map(|i| view! { <li class="pc-chip pc-chip--instrument" data-key=*i>{instrument_name(i, lang)}</li> }).collect_view()}
                </ul>
            })}
            // One text node each (not three): fewer nodes to create per row.
            {(!lead.is_empty()).then(|| view! { <p class="pc-small">{format!("{}: {lead}", Msg::LeadDept.text(lang))}</p> })}
            {(!responsible.is_empty()).then(|| view! { <p class="pc-small">{format!("{}: {responsible}", Msg::ResponsibleDept.text(lang))}</p> })}
            {(!item.figures.is_empty()).then(|| view! { <ul class="pc-figures">{figures}</ul> })}
            {is_compared(item).then(|| similar_tasks(data.clone(), r, state.clone(), lang))}
        </li>
    }
}

/// "Similar tasks": the item's best matches in other plans, worked out when the disclosure is
/// first opened (the index itself once per plan set, see [`Data::similarity_index`]).
fn similar_tasks(data: Data, r: ItemRef, state: ViewState, lang: Lang) -> impl IntoView {
    let opened = RwSignal::new(false);
    let list = move || {
        opened.get().then(|| {
            let matches = data.similarity_index().similar(
                r.plan,
                r.item,
                SIMILAR_PER_PLAN,
                SIMILAR_MIN_SCORE,
            );
            if matches.is_empty() {
                return view! { <p class="pc-small" data-testid="no-similar">{Msg::NoSimilar.text(lang)}</p> }.into_any();
            }
            let rows = matches
                .iter()
                .map(|m| {
                    let plan = &data.plans[m.plan];
                    let item = &plan.items[m.item];
                    let percent = format!("{}%", (m.score * 100.0).round());
                    view! {
                        <li class="pc-similar__match" data-testid="similar-match" data-plan-id=plan.id.clone() data-item-id=item.id.clone()>
                            <a href=item_href(&state, plan, item) title=Msg::OpenInSource.text(lang) data-testid="similar-link">
                                {short_label(&data, m.plan, lang)} " · " {item.kind.tr(lang)}
                            </a>
                            " " <span class="pc-similar__score">{Msg::SimilarityScore.text(lang)} " " {percent}</span>
                            // Clamped to a few lines by the stylesheet; the whole text is there (and
                            // in the reader the link opens).
                            <p class="pc-similar__text" lang="zh-CN" title=item.quote.clone()>{item.quote.clone()}</p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="pc-small">{Msg::SimilarHelp.text(lang)}</p>
                <ol class="pc-similar__list" data-testid="similar-list">{rows}</ol>
            }
            .into_any()
        })
    };
    view! {
        // The first toggle is always an opening.
        <details class="pc-similar" data-testid="similar" on:toggle=move |_| opened.set(true)>
            <summary data-testid="similar-summary">{Msg::SimilarTasks.text(lang)}</summary>
            {list}
        </details>
    }
}

fn names(item: &Item, role: Role, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in item.departments.iter().filter(|d| d.role == role) {
        let name = d
            .canonical
            .map_or_else(|| d.raw.clone(), |c| department_name(c, lang));
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}
