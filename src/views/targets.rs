//! Compare's tables beside the goal matrix: support measures, the roll-up against the national
//! plan, and one place over time. Thin: `plan_analysis::{support, rollup, history}` decide what is
//! shown; this wires it to words.

use leptos::prelude::*;
use plan_analysis::history::{implied_growth, place_histories, HistoryEntry};
use plan_analysis::rollup::{off_year_targets, rollup, Contribution};
use plan_analysis::support::support_measures;
use plan_model::reference::NATIONAL_PLAN;

use crate::i18n::{
    bound_words, format_value, implied_growth_text, reference_caption, Lang, Msg, Tr,
};
use crate::state::Data;
use crate::view_state::ViewState;

use super::widgets::{city_name, figure_href, figure_link, metric_name, short_label, table_region};

/// Support measures: form, amounts, who is eligible, the sentence.
pub fn support_table(data: &Data, sel: &[usize], state: &ViewState, lang: Lang) -> impl IntoView {
    let measures = support_measures(&data.plans, sel);
    if measures.is_empty() {
        return view! {
            <section class="pc-support" data-testid="support-measures">
                <h3>{Msg::SupportHeading.text(lang)}</h3>
                <p class="pc-empty">{Msg::NoSupport.text(lang)}</p>
            </section>
        }
        .into_any();
    }
    let body = measures
        .iter()
        .map(|m| {
            let plan = &data.plans[m.plan];
            let amounts = m
                .amounts
                .iter()
                .map(|&f| view! { <li>{figure_link(state, plan, &plan.figures[f], "support-amount", lang)}</li> })
                .collect_view();
            let conditions = m
                .conditions
                .iter()
                .map(|&f| view! { <li>{figure_link(state, plan, &plan.figures[f], "support-condition", lang)}</li> })
                .collect_view();
            let eligible = m
                .eligible
                .clone()
                .map(|e| view! { <span lang="zh-CN">{e}</span> });
            let first = m.amounts.first().or(m.conditions.first()).copied();
            let href = first.map(|f| figure_href(state, plan, &plan.figures[f]));
            view! {
                <tr data-testid="support-row" data-form=m.form.key()>
                    <th scope="row">{short_label(data, m.plan, lang)}</th>
                    <td>{m.form.tr(lang)}</td>
                    <td><ul class="pc-cell-list">{amounts}</ul></td>
                    <td>{eligible}<ul class="pc-cell-list">{conditions}</ul></td>
                    <td class="pc-quote-cell" lang="zh-CN"><a href=href>{m.quote.clone()}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="pc-support" data-testid="support-measures">
            {table_region(
                "pc-support-caption",
                "support-table",
                "",
                view! {
                    <strong>{Msg::SupportHeading.text(lang)}</strong>
                    " "
                    <span class="pc-small">{Msg::SupportCaption.text(lang)}</span>
                },
                view! {
                    <th scope="col">{Msg::FilterPlans.text(lang)}</th>
                    <th scope="col">{Msg::ColumnForm.text(lang)}</th>
                    <th scope="col">{Msg::ColumnAmounts.text(lang)}</th>
                    <th scope="col">{Msg::ColumnEligible.text(lang)}</th>
                    <th scope="col">{Msg::ColumnSentence.text(lang)}</th>
                },
                body,
            )}
        </section>
    }
    .into_any()
}

/// Contributions as links, each with its plan and the scope it states.
fn contributions(
    data: &Data,
    list: &[Contribution],
    state: &ViewState,
    lang: Lang,
) -> impl IntoView {
    list.iter()
        .map(|c| {
            let plan = &data.plans[c.plan];
            let figure = &plan.figures[c.figure];
            view! {
                <li data-testid="rollup-plan" data-plan-id=plan.id.clone()>
                    {short_label(data, c.plan, lang)} ": "
                    {figure_link(state, plan, figure, "rollup-figure", lang)}
                </li>
            }
        })
        .collect_view()
}

/// The roll-up: each national target, the sum of local targets of the same metric, year and scope,
/// the share, and which plans contribute (and which, of another scope, do not).
pub fn rollup_table(data: &Data, sel: &[usize], state: &ViewState, lang: Lang) -> impl IntoView {
    let rows = rollup(&data.plans, sel);
    let body = rows
        .iter()
        .map(|row| {
            let r = row.reference;
            let national = format!(
                "{} {}",
                bound_words(r.bound, r.qualifier, lang).unwrap_or_default(),
                format_value(r.value, "yuan", lang)
            );
            let (sum, share) = if row.summed.is_empty() {
                ("—".to_string(), "—".to_string())
            } else {
                let (low, high) = row.total;
                let sum = if (high - low).abs() > f64::EPSILON {
                    format!("{}–{}", format_value(low, "yuan", lang), format_value(high, "yuan", lang))
                } else {
                    format_value(low, "yuan", lang)
                };
                (sum, format_value(row.share() * 100.0, "%", lang))
            };
            let other = (!row.other_scope.is_empty()).then(|| {
                view! {
                    <p class="pc-small">{Msg::OtherScope.text(lang)}</p>
                    <ul class="pc-cell-list">{contributions(data, &row.other_scope, state, lang)}</ul>
                }
            });
            let superseded = (!row.superseded.is_empty()).then(|| {
                view! {
                    <p class="pc-small">{Msg::Superseded.text(lang)}</p>
                    <ul class="pc-cell-list" data-testid="rollup-superseded">{contributions(data, &row.superseded, state, lang)}</ul>
                }
            });
            view! {
                <tr data-testid="rollup-row" data-metric=r.metric data-year=r.year.to_string()>
                    <th scope="row">{metric_name(r.metric, lang)} " · " <span lang="zh-CN">{r.scope}</span> " · " {r.year.to_string()}</th>
                    <td>{national} " " <span class="pc-badge" title=Msg::Curated.text(lang) lang="zh-CN">{NATIONAL_PLAN.number}</span></td>
                    <td data-testid="rollup-sum">{sum}</td>
                    <td data-testid="rollup-share">{share}</td>
                    <td><ul class="pc-cell-list">{contributions(data, &row.summed, state, lang)}</ul>{other}{superseded}</td>
                </tr>
            }
        })
        .collect_view();
    let off_year = off_year_targets(&data.plans, sel);
    let off = (!off_year.is_empty()).then(|| {
        view! {
            <p class="pc-small">{Msg::OffYear.text(lang)}</p>
            <ul class="pc-cell-list" data-testid="rollup-off-year">{contributions(data, &off_year, state, lang)}</ul>
        }
    });
    view! {
        <section class="pc-rollup" data-testid="rollup">
            {table_region(
                "pc-rollup-caption",
                "rollup-table",
                "",
                view! {
                    <strong>{Msg::RollupHeading.text(lang)}</strong>
                    " "
                    <span class="pc-small" data-testid="rollup-source">{reference_caption(&NATIONAL_PLAN, lang)}</span>
                },
                view! {
                    <th scope="col">{Msg::Metric.text(lang)}</th>
                    <th scope="col">{Msg::NationalTarget.text(lang)}</th>
                    <th scope="col">{Msg::LocalSum.text(lang)}</th>
                    <th scope="col">{Msg::ShareOfNational.text(lang)}</th>
                    <th scope="col">{Msg::PlansSummed.text(lang)}</th>
                },
                body,
            )}
            {off}
        </section>
    }
}

/// One history entry: the figure, marked when it is the latest, with the growth a latest level
/// target implies.
fn history_entry(data: &Data, e: &HistoryEntry, state: &ViewState, lang: Lang) -> impl IntoView {
    let plan = &data.plans[e.plan];
    let figure = &plan.figures[e.figure];
    let latest = e
        .latest
        .then(|| view! { " " <span class="pc-badge pc-badge--latest" data-testid="latest">{Msg::Latest.text(lang)}</span> });
    let growth = e
        .latest
        .then(|| implied_growth(&data.plans, e.plan, e.figure))
        .flatten()
        .map(|g| {
            let base = &data.plans[g.from_plan].figures[g.from_figure];
            let text = implied_growth_text(
                &g,
                &format_value(base.normalized_range().0, &base.unit_normalized, lang),
                &short_label(data, g.from_plan, lang),
                lang,
            );
            view! { <div class="pc-small pc-derived" data-testid="implied-growth">{text}</div> }
        });
    view! {
        <li data-testid="history-entry" data-latest=e.latest.to_string()>
            {figure_link(state, plan, figure, "history-figure", lang)}
            {latest}
            {growth}
        </li>
    }
}

/// One place over time: for each place with several of the chosen plans, its plans in order and,
/// per metric, what each set and reported.
pub fn histories(data: &Data, sel: &[usize], state: &ViewState, lang: Lang) -> impl IntoView {
    let places = place_histories(&data.plans, sel);
    if places.is_empty() {
        return view! {
            <section class="pc-history" data-testid="history">
                <h3>{Msg::HistoryHeading.text(lang)}</h3>
                <p class="pc-empty">{Msg::NoHistory.text(lang)}</p>
            </section>
        }
        .into_any();
    }
    let tables = places
        .iter()
        .map(|place| {
            let name = city_name(&data.plans[place.plans[0]], lang);
            let head = place
                .plans
                .iter()
                .map(|&p| view! { <th scope="col">{short_label(data, p, lang)}</th> })
                .collect_view();
            let body = place
                .rows
                .iter()
                .map(|row| {
                    let cells = place
                        .plans
                        .iter()
                        .map(|&p| {
                            let targets: Vec<&HistoryEntry> = row.targets.iter().filter(|e| e.plan == p).collect();
                            let reported: Vec<&HistoryEntry> = row.reported.iter().filter(|e| e.plan == p).collect();
                            if targets.is_empty() && reported.is_empty() {
                                return view! { <td class="pc-empty-cell">"—"</td> }.into_any();
                            }
                            let list = targets
                                .into_iter()
                                .chain(reported)
                                .map(|e| history_entry(data, e, state, lang))
                                .collect_view();
                            view! { <td><ul class="pc-cell-list">{list}</ul></td> }.into_any()
                        })
                        .collect_view();
                    view! { <tr data-metric=row.metric><th scope="row">{metric_name(row.metric, lang)}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div class="pc-table-wrap" tabindex="0" role="region" aria-label=format!("{} · {name}", Msg::HistoryHeading.text(lang))>
                    <table class="pc-table" data-testid="history-table">
                        <caption><strong>{name.clone()}</strong> " " <span class="pc-small">{Msg::HistoryCaption.text(lang)}</span></caption>
                        <thead><tr><th scope="col">{Msg::Metric.text(lang)}</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="pc-history" data-testid="history">
            <h3>{Msg::HistoryHeading.text(lang)}</h3>
            {tables}
        </section>
    }
    .into_any()
}
