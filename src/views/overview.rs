//! Overview: every plan as a card.

use leptos::prelude::*;
use plan_analysis::overview::plan_counts;
use plan_model::Plan;

use crate::i18n::{editor_note, plan_counts_text, province, Lang, Msg, Tr};
use crate::view_state::View;

use plan_analysis::selection::drawn_range;

use super::widgets::{city_name, date_text, import_origin, pager, period_text, sector_name};
use crate::state::{app_state, data};

/// Plan cards drawn at once; a longer library pages through them.
const CARDS_AT_ONCE: usize = 24;

#[component]
pub fn Overview(lang: Lang) -> impl IntoView {
    let data = data();
    let app = app_state();
    let total = data.plans.len();
    let first_card = RwSignal::new(0usize);
    let cards = move || {
        drawn_range(total, first_card.get(), CARDS_AT_ONCE)
            .map(|index| card(&data.plans[index], data.import_of(index), lang, &app))
            .collect_view()
    };
    view! {
        <section class="pc-view" aria-labelledby="pc-overview-h" data-testid="view-overview">
            <h2 id="pc-overview-h">{Msg::PlansHeading.text(lang)} " (" {total} ")"</h2>
            {pager(lang, "overview-pager", total, CARDS_AT_ONCE, first_card)}
            <ul class="pc-cards" data-testid="plan-list">{cards}</ul>
            {pager(lang, "overview-pager-end", total, CARDS_AT_ONCE, first_card)}
        </section>
    }
}

fn card(
    plan: &Plan,
    imported: Option<&plan_library::ImportedDoc>,
    lang: Lang,
    app: &crate::state::AppState,
) -> impl IntoView {
    let id = plan.id.clone();
    let counts = plan_counts(plan);
    let sector_count = counts.sectors.len();
    let sectors = counts
        .sectors
        .iter()
        .map(|k| view! { <li class="pc-chip">{sector_name(k, lang)}</li> })
        .collect_view();
    // Links follow the rest of the state (language, embedding) as it changes.
    let app = *app;
    let reader_id = id.clone();
    let reader = move || {
        app.linked(|s| {
            s.view = View::Reader;
            s.doc = Some(reader_id.clone());
            s.focus = None;
        })
    };
    let explore = move || {
        app.linked(|s| {
            *s = s.cleared_filters();
            s.view = View::Explore;
            s.plans = vec![id.clone()];
        })
    };
    let city = city_name(plan, lang);
    let province = plan.city.map(|c| province(&c, lang)).unwrap_or_default();
    let level = plan.city.map(|c| c.level.tr(lang)).unwrap_or_default();
    let counts = plan_counts_text(&counts, lang);
    let curated_note = plan.title.curated.then(|| {
        let note = match (&plan.title.note, &plan.title.note_en) {
            (Some(zh), Some(en)) => editor_note(zh, en, lang).to_string(),
            _ => String::new(),
        };
        view! { <p class="pc-muted pc-small" data-testid="curated-note">{Msg::CuratedTitle.text(lang)} " " {note}</p> }
    });
    let curated_mark = plan
        .kind_from_curated_title
        .then(|| view! { " " <span class="pc-muted pc-small" data-testid="curated-kind">{Msg::CuratedKindStatus.text(lang)}</span> });
    view! {
        <li class="pc-card" data-testid="plan" data-plan-id=plan.id.clone()>
            <h3 class="pc-card__title">
                <span class="pc-card__city" data-testid="plan-city">{city}</span>
                " "
                <span lang="zh-CN">{plan.title.text.clone()}</span>
            </h3>
            {curated_note}
            {imported.map(|doc| import_note(doc, lang))}
            {plan.truncated.then(|| view! {
                <p class="pc-warning" role="note" data-testid="truncated-warning">{Msg::TruncatedWarning.text(lang)}</p>
            })}
            <dl class="pc-facts">
                <div><dt>{Msg::ColumnCity.text(lang)}</dt><dd>{province} " · " {level}</dd></div>
                <div><dt>{Msg::ColumnKind.text(lang)}</dt><dd>{plan.kind.tr(lang)}{curated_mark}</dd></div>
                <div><dt>{Msg::ColumnStatus.text(lang)}</dt><dd data-testid="plan-status">{plan.status.tr(lang)}</dd></div>
                <div><dt>{Msg::ColumnPeriod.text(lang)}</dt><dd>{period_text(plan, lang)}</dd></div>
                <div><dt>{Msg::ColumnIssued.text(lang)}</dt><dd>{date_text(&plan.issue_date, lang)}</dd></div>
                {plan.issuer.as_ref().map(|q| view! { <div><dt>{Msg::ColumnIssuer.text(lang)}</dt><dd lang="zh-CN">{q.text.clone()}</dd></div> })}
                {plan.doc_number.as_ref().map(|q| view! { <div><dt>{Msg::ColumnDocNumber.text(lang)}</dt><dd lang="zh-CN">{q.text.clone()}</dd></div> })}
                {plan.validity.as_ref().map(|d| view! { <div><dt>{Msg::ColumnValidUntil.text(lang)}</dt><dd>{date_text(d, lang)}</dd></div> })}
                {plan.comment_deadline.as_ref().map(|d| view! { <div><dt>{Msg::ColumnCommentDeadline.text(lang)}</dt><dd>{date_text(d, lang)}</dd></div> })}
                <div><dt>{Msg::ColumnItems.text(lang)}</dt><dd data-testid="plan-counts">{counts}</dd></div>
            </dl>
            <p class="pc-small">{Msg::ColumnSectors.text(lang)} " (" {sector_count} ")"</p>
            <ul class="pc-chips">{sectors}</ul>
            <p class="pc-card__links">
                <a href=reader data-testid="open-reader">{Msg::OpenReader.text(lang)}</a>
                " · "
                <a href=explore data-testid="open-explore">{Msg::OpenExplore.text(lang)}</a>
                " · "
                <span class="pc-muted pc-small">{Msg::ColumnSource.text(lang)} ": " <code>{plan.source.clone()}</code></span>
            </p>
        </li>
    }
}

/// Where an imported plan came from, and a way to remove it.
fn import_note(doc: &plan_library::ImportedDoc, lang: Lang) -> impl IntoView {
    let library = crate::library::library();
    let id = doc.id.clone();
    view! {
        <p class="pc-import-note pc-small" data-testid="imported-note">
            {import_origin(doc, lang)}
            " "
            <button type="button" class="pc-button pc-button--small" on:click=move |_| library.remove(&id) data-testid="remove-plan">
                {Msg::Remove.text(lang)}
            </button>
        </p>
    }
}
