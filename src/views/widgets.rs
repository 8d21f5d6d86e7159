//! Small pieces shared by the views.

use crate::i18n::{Lang, Msg, Tr};
use leptos::prelude::*;
use plan_model::vocab::{department_by_key, instrument_by_key, metric_by_key, sector_by_key};
use plan_model::{Confidence, Figure, Item, Plan, PlanDate};

pub use crate::i18n::figure_text;
use crate::state::Data;
use crate::view_state::{View, ViewState};

/// The link to a figure's sentence in the source reader.
pub fn figure_href(state: &ViewState, plan: &Plan, figure: &Figure) -> String {
    // Only language and embedding carry over: the link stays right whatever filters change later.
    ViewState {
        view: View::Reader,
        lang: state.lang,
        embed: state.embed,
        import: state.import,
        doc: Some(plan.id.clone()),
        focus: Some(figure.id.clone()),
        ..ViewState::default()
    }
    .to_hash()
}

/// A figure as a link to its sentence, with what it counts (so that it reads alone) and its
/// confidence when that is not high.
pub fn figure_link(
    state: &ViewState,
    plan: &Plan,
    figure: &Figure,
    testid: &'static str,
    lang: Lang,
) -> impl IntoView {
    let counted = figure
        .counted
        .clone()
        .map(|c| view! { " " <span class="pc-counted" lang="zh-CN">{c}</span> });
    let confidence = (figure.confidence != Confidence::High).then(|| {
        view! {
            " " <span class="pc-badge pc-badge--confidence" data-testid="confidence"
                title=format!("{}: {}", figure.kind_rule.tr(lang), figure.kind_cue.clone().unwrap_or_default())>
                {figure.confidence.tr(lang)}
            </span>
        }
    });
    view! {
        <a href=figure_href(state, plan, figure) data-testid=testid title=figure.quote.clone()>{figure_text(figure, lang)}</a>
        {counted}
        {confidence}
    }
}

/// The link to an item in the source reader; like [`figure_href`], only language and embedding
/// carry over.
pub fn item_href(state: &ViewState, plan: &Plan, item: &Item) -> String {
    ViewState {
        view: View::Reader,
        lang: state.lang,
        embed: state.embed,
        import: state.import,
        doc: Some(plan.id.clone()),
        focus: Some(item.id.clone()),
        ..ViewState::default()
    }
    .to_hash()
}

/// The city of a plan in `lang`, or its id.
pub fn city_name(plan: &Plan, lang: Lang) -> String {
    plan.city
        .map_or_else(|| plan.id.clone(), |c| c.tr(lang).into_owned())
}

/// The mark on a plan the user imported, wherever its label appears.
fn imported_mark(data: &Data, index: usize, lang: Lang) -> String {
    if data.import_of(index).is_some() {
        format!(" · {}", Msg::ImportedBadge.text(lang))
    } else {
        String::new()
    }
}

/// A plan's label: place, kind and year, marked when the user imported it.
pub fn plan_label(data: &Data, index: usize, lang: Lang) -> String {
    format!(
        "{}{}",
        plain_label(&data.plans[index], lang),
        imported_mark(data, index, lang)
    )
}

/// The shortest label that tells plans apart, marked when the user imported it.
pub fn short_label(data: &Data, index: usize, lang: Lang) -> String {
    format!(
        "{}{}",
        plain_short_label(&data.plans[index], lang),
        imported_mark(data, index, lang)
    )
}

/// A short label for a plan: city, kind and end year.
fn plain_label(plan: &Plan, lang: Lang) -> String {
    let year = plan
        .period
        .as_ref()
        .and_then(|p| p.end)
        .or(plan.issue_date.year);
    let kind = plan.kind.tr(lang);
    match year {
        Some(y) => format!("{} · {kind} · {y}", city_name(plan, lang)),
        None => format!("{} · {kind}", city_name(plan, lang)),
    }
}

/// City and the plan's end year (or its kind).
fn plain_short_label(plan: &Plan, lang: Lang) -> String {
    let city = city_name(plan, lang);
    match plan
        .period
        .as_ref()
        .and_then(|p| p.end)
        .or(plan.issue_date.year)
    {
        Some(year) => format!("{city} {year}"),
        None => format!("{city}({})", plan.kind.tr(lang)),
    }
}

pub fn sector_name(key: &str, lang: Lang) -> String {
    sector_by_key(key).map_or_else(|| key.to_string(), |s| s.tr(lang).into_owned())
}

pub fn instrument_name(key: &str, lang: Lang) -> String {
    instrument_by_key(key).map_or_else(|| key.to_string(), |i| i.tr(lang).into_owned())
}

pub fn department_name(key: &str, lang: Lang) -> String {
    department_by_key(key).map_or_else(|| key.to_string(), |d| d.tr(lang).into_owned())
}

pub fn metric_name(key: &str, lang: Lang) -> String {
    metric_by_key(key).map_or_else(|| key.to_string(), |m| m.tr(lang).into_owned())
}

pub fn date_text(date: &PlanDate, lang: Lang) -> String {
    date.iso()
        .unwrap_or_else(|| Msg::Unknown.text(lang).to_string())
}

pub fn period_text(plan: &Plan, lang: Lang) -> String {
    let unknown = Msg::Unknown.text(lang);
    match plan.period.as_ref() {
        Some(p) => {
            let start = p.start.map_or_else(|| "?".to_string(), |y| y.to_string());
            let end = p.end.map_or_else(|| "?".to_string(), |y| y.to_string());
            format!("{start}–{end}")
        }
        None => unknown.to_string(),
    }
}

/// The buttons that export what a view shows.
pub fn export_bar(
    lang: Lang,
    on_csv: impl Fn() + 'static,
    on_json: impl Fn() + 'static,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="pc-export" role="group" aria-label=Msg::ExportLabel.text(lang) data-testid=testid>
            <button type="button" class="pc-button" on:click=move |_| on_csv() data-testid="export-csv">
                {Msg::ExportCsv.text(lang)}
            </button>
            <button type="button" class="pc-button" on:click=move |_| on_json() data-testid="export-json">
                {Msg::ExportJson.text(lang)}
            </button>
            <button type="button" class="pc-button" on:click=move |_| crate::download::print() data-testid="print">
                {Msg::Print.text(lang)}
            </button>
        </div>
    }
}

/// SVG and PNG download buttons for the chart whose `<svg>` has id `svg_id`.
pub fn image_buttons(lang: Lang, svg_id: String, name: String) -> impl IntoView {
    let (svg_a, name_a) = (svg_id.clone(), name.clone());
    view! {
        <span class="pc-image-buttons">
            <button type="button" class="pc-button pc-button--small" on:click=move |_| crate::download::save_svg(&svg_a, &format!("{name_a}.svg")) data-testid="export-svg">
                {Msg::ExportSvg.text(lang)}
            </button>
            <button type="button" class="pc-button pc-button--small" on:click=move |_| crate::download::save_png(&svg_id, &format!("{name}.png")) data-testid="export-png">
                {Msg::ExportPng.text(lang)}
            </button>
        </span>
    }
}

/// A table in a scrollable region that keyboard users can reach and screen readers can name by
/// its caption. `head` is the header row's cells.
pub fn table_region(
    id: &'static str,
    testid: &'static str,
    class: &'static str,
    caption: impl IntoView + 'static,
    head: impl IntoView + 'static,
    body: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="pc-table-wrap" tabindex="0" role="region" aria-labelledby=id>
            <table class=format!("pc-table {class}") data-testid=testid>
                <caption id=id>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// Where an imported plan came from: the "added by you" badge, its file name and when it was added.
pub fn import_origin(doc: &plan_library::ImportedDoc, lang: Lang) -> impl IntoView {
    view! {
        <span class="pc-badge">{Msg::ImportedBadge.text(lang)}</span>
        " " <span lang="zh-CN">{doc.file_name.clone()}</span>
        " · " {Msg::AddedOn.text(lang)} " " {added_text(&doc.added)}
    }
}

/// `2026-11-25T03:04:05Z` as `2026-11-25 03:04 UTC`.
pub fn added_text(iso: &str) -> String {
    let minutes = iso.get(..16).unwrap_or(iso);
    format!("{} UTC", minutes.replace('T', " "))
}

/// Previous/next controls over a long list drawn a window at a time: `start` is the first entry
/// drawn, `size` how many. Nothing is drawn when the whole list fits.
pub fn pager(
    lang: Lang,
    testid: &'static str,
    total: usize,
    size: usize,
    start: RwSignal<usize>,
) -> impl IntoView {
    use plan_analysis::selection::drawn_range;
    (total > size).then(|| {
        let range = move || drawn_range(total, start.get(), size);
        view! {
            <div class="pc-pager" role="group" aria-label=move || crate::i18n::pager_range(&range(), total, lang) data-testid=testid>
                <button type="button" class="pc-button pc-button--small" data-testid="pager-previous"
                    prop:disabled=move || range().start == 0
                    on:click=move |_| start.set(range().start.saturating_sub(size))>
                    {Msg::PagerPrevious.text(lang)}
                </button>
                " "
                <span class="pc-small" aria-live="polite" data-testid="pager-range">{move || crate::i18n::pager_range(&range(), total, lang)}</span>
                " "
                <button type="button" class="pc-button pc-button--small" data-testid="pager-next"
                    prop:disabled=move || { range().end >= total }
                    on:click=move |_| start.set(range().end)>
                    {Msg::PagerNext.text(lang)}
                </button>
            </div>
        }
    })
}
