//! Small pieces shared by the views.

use leptos::prelude::*;
use plan_core::compare::format_range;
use plan_core::i18n::{Lang, Msg};
use plan_core::model::{Figure, Plan, PlanDate};
use plan_core::taxonomy::{department_by_key, metric_by_key, sector_by_key};
use plan_core::view_state::{View, ViewState};

/// The link to a figure's sentence in the source reader.
pub fn figure_href(state: &ViewState, plan: &Plan, figure: &Figure) -> String {
    // Only language and embedding carry over: the link stays right whatever filters change later.
    ViewState {
        view: View::Reader,
        lang: state.lang,
        embed: state.embed,
        doc: Some(plan.id.clone()),
        focus: Some(figure.id.clone()),
        ..ViewState::default()
    }
    .to_hash()
}

/// The city of a plan in `lang`, or its id.
pub fn city_name(plan: &Plan, lang: Lang) -> String {
    plan.city
        .map_or_else(|| plan.id.clone(), |c| lang.pick(c.zh, c.en).to_string())
}

/// A short label for a plan: city and (in Chinese) a shortened title.
pub fn plan_label(plan: &Plan, lang: Lang) -> String {
    let year = plan
        .period
        .as_ref()
        .and_then(|p| p.end)
        .or(plan.issue_date.year);
    let kind = plan.kind.label();
    match year {
        Some(y) => format!(
            "{} · {} · {y}",
            city_name(plan, lang),
            lang.pick(kind.0, kind.1)
        ),
        None => format!("{} · {}", city_name(plan, lang), lang.pick(kind.0, kind.1)),
    }
}

/// The shortest label that tells plans apart: city and the plan's end year (or its kind).
pub fn short_label(plan: &Plan, lang: Lang) -> String {
    let city = city_name(plan, lang);
    match plan
        .period
        .as_ref()
        .and_then(|p| p.end)
        .or(plan.issue_date.year)
    {
        Some(year) => format!("{city} {year}"),
        None => {
            let (zh, en) = plan.kind.label();
            format!("{city}({})", lang.pick(zh, en))
        }
    }
}

pub fn sector_name(key: &str, lang: Lang) -> String {
    sector_by_key(key).map_or_else(|| key.to_string(), |s| lang.pick(s.zh, s.en).to_string())
}

pub fn department_name(key: &str, lang: Lang) -> String {
    department_by_key(key).map_or_else(|| key.to_string(), |d| lang.pick(d.zh, d.en).to_string())
}

pub fn metric_name(key: &str, lang: Lang) -> String {
    metric_by_key(key).map_or_else(|| key.to_string(), |m| lang.pick(m.zh, m.en).to_string())
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

/// A figure as a compact phrase: value or range with unit, qualifier, year.
pub fn figure_text(figure: &Figure, lang: Lang) -> String {
    let (low, high) = figure.normalized_range();
    let mut text = format_range(low, high, &figure.unit_normalized, lang);
    if let Some(q) = &figure.qualifier {
        if matches!(
            figure.bound,
            plan_core::model::Bound::AtLeast
                | plan_core::model::Bound::MoreThan
                | plan_core::model::Bound::About
                | plan_core::model::Bound::AtMost
        ) {
            text = match lang {
                Lang::Zh => format!("{text}({q})"),
                Lang::En => format!("{text} ({})", bound_en(figure.bound)),
            };
        }
    }
    if matches!(
        figure.kind,
        plan_core::model::FigureKind::Forecast | plan_core::model::FigureKind::Status
    ) {
        let (zh, en) = figure.kind.label();
        text = format!("{text} [{}]", lang.pick(zh, en));
    }
    if figure.per_year {
        text = format!("{text} / {}", Msg::PerYearFigure.text(lang));
    }
    if let Some(year) = figure.year {
        // A target is due *by* its year; a statement of status holds *in* it.
        let by = !matches!(figure.kind, plan_core::model::FigureKind::Status);
        text = match (lang, by) {
            (Lang::Zh, true) => format!("{text},到{year}年"),
            (Lang::Zh, false) => format!("{text},{year}年"),
            (Lang::En, true) => format!("{text}, by {year}"),
            (Lang::En, false) => format!("{text}, in {year}"),
        };
    }
    text
}

fn bound_en(bound: plan_core::model::Bound) -> &'static str {
    match bound {
        plan_core::model::Bound::AtLeast => "at least",
        plan_core::model::Bound::MoreThan => "more than",
        plan_core::model::Bound::About => "about",
        plan_core::model::Bound::AtMost => "at most",
        plan_core::model::Bound::Exact => "",
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
