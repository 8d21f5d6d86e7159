//! Overview: every plan as a card.

use leptos::prelude::*;
use plan_core::i18n::{Lang, Msg};
use plan_core::model::{ItemKind, Plan};
use plan_core::taxonomy::SECTORS;
use plan_core::view_state::View;

use super::widgets::{city_name, date_text, period_text, sector_name};
use crate::state::{app_state, data};

#[component]
pub fn Overview(lang: Lang) -> impl IntoView {
    let data = data();
    let app = app_state();
    let cards = data
        .plans
        .iter()
        .map(|plan| card(plan, lang, &app))
        .collect_view();
    view! {
        <section class="pc-view" aria-labelledby="pc-overview-h" data-testid="view-overview">
            <h2 id="pc-overview-h">{Msg::PlansHeading.text(lang)} " (" {data.plans.len()} ")"</h2>
            <ul class="pc-cards" data-testid="plan-list">{cards}</ul>
        </section>
    }
}

fn card(plan: &Plan, lang: Lang, app: &crate::state::AppState) -> impl IntoView {
    let id = plan.id.clone();
    let (kind_zh, kind_en) = plan.kind.label();
    let (status_zh, status_en) = plan.status.label();
    let tasks = plan
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Task | ItemKind::Measure))
        .count();
    let goals = plan
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Goal)
        .count();
    let covered: Vec<&str> = SECTORS
        .iter()
        .map(|s| s.key)
        .filter(|k| plan.items.iter().any(|i| i.sectors.contains(k)))
        .collect();
    let sector_count = covered.len();
    let sectors = covered
        .into_iter()
        .map(|k| view! { <li class="pc-chip">{sector_name(k, lang)}</li> })
        .collect_view();
    let reader = app.href(|s| {
        s.view = View::Reader;
        s.doc = Some(id.clone());
        s.focus = None;
    });
    let explore = app.href(|s| {
        *s = s.cleared_filters();
        s.view = View::Explore;
        s.plans = vec![id.clone()];
    });
    let city = city_name(plan, lang);
    let province = plan
        .city
        .map(|c| lang.pick(c.province_zh, c.province_en).to_string())
        .unwrap_or_default();
    let level = plan
        .city
        .map(|c| lang.pick(c.level.label().0, c.level.label().1).to_string())
        .unwrap_or_default();
    let counts = match lang {
        Lang::Zh => format!(
            "{} 个数字目标 · {goals} 条目标 · {tasks} 项任务与措施 · 共 {} 条",
            plan.figures.len(),
            plan.items.len()
        ),
        Lang::En => format!(
            "{} figures · {goals} goals · {tasks} tasks and measures · {} items in all",
            plan.figures.len(),
            plan.items.len()
        ),
    };
    view! {
        <li class="pc-card" data-testid="plan" data-plan-id=plan.id.clone()>
            <h3 class="pc-card__title">
                <span class="pc-card__city" data-testid="plan-city">{city}</span>
                " "
                <span lang="zh-CN">{plan.title.text.clone()}</span>
            </h3>
            {plan.title.curated.then(|| {
                let note = plan_core::curation::for_source(&plan.source).map(|c| lang.pick(c.note, c.note_en).to_string());
                view! { <p class="pc-muted pc-small" data-testid="curated-note">{Msg::CuratedTitle.text(lang)} " " {note}</p> }
            })}
            {plan.truncated.then(|| view! {
                <p class="pc-warning" role="note" data-testid="truncated-warning">{Msg::TruncatedWarning.text(lang)}</p>
            })}
            <dl class="pc-facts">
                <div><dt>{Msg::ColumnCity.text(lang)}</dt><dd>{province} " · " {level}</dd></div>
                <div><dt>{Msg::ColumnKind.text(lang)}</dt><dd>{lang.pick(kind_zh, kind_en).to_string()}</dd></div>
                <div><dt>{Msg::ColumnStatus.text(lang)}</dt><dd data-testid="plan-status">{lang.pick(status_zh, status_en).to_string()}</dd></div>
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
