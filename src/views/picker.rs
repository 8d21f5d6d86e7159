//! The plan picker: the plans a view shows, grouped by province, with a search, so that a library
//! of a thousand plans is chosen from as easily as one of five.
//!
//! It writes the URL's `plans=` like every other control. Only what is open is drawn: a province's
//! plans appear when it is expanded (every province is, in a short library) or when a search
//! matches them, at most [`MAX_DRAWN`] at a time.

use leptos::prelude::*;
use plan_analysis::selection::{
    by_province, only_these, plan_matches, selected_only, set_group, toggled, with_group,
};

use crate::i18n::{picker_more, picker_only, picker_summary, province_group, Lang, Msg};
use crate::state::{app_state, data};

use super::widgets::plan_label;

/// Libraries up to this size show every province expanded, as a flat list would.
pub const EXPANDED_UP_TO: usize = 12;
/// Plan rows drawn at most; a search narrows the rest.
const MAX_DRAWN: usize = 60;

/// `filter`: the boxes narrow a search (Explore): unticked means no filter, and ticking a plan
/// keeps only the ticked ones. Otherwise they choose what a view shows (Compare, Timeline): every
/// plan is ticked by default. `count`, when given, is shown beside each plan (results in it).
#[component]
pub fn PlanPicker(
    lang: Lang,
    testid: &'static str,
    #[prop(optional)] filter: bool,
    #[prop(optional)] count: Option<Callback<usize, usize>>,
) -> impl IntoView {
    let data = data();
    let app = app_state();
    let total = data.plans.len();
    let search = RwSignal::new(String::new());
    // Provinces the user expanded (by Chinese name; "" is the unplaced group).
    let expanded = RwSignal::new(Vec::<&'static str>::new());
    // Whether each plan is chosen, worked out once per change of the URL rather than per row.
    let chosen = {
        let data = data.clone();
        Memo::new(move |_| {
            let mut chosen = vec![false; data.plans.len()];
            let named = app.state.with(|s| {
                if filter {
                    selected_only(&data.plans, &s.plans)
                } else {
                    data.selected(s)
                }
            });
            for i in named {
                chosen[i] = true;
            }
            chosen
        })
    };
    // A filter that names no plan keeps them all.
    let chosen_count =
        Memo::new(
            move |_| match chosen.with(|c| c.iter().filter(|&&on| on).count()) {
                0 => total,
                n => n,
            },
        );

    let groups_data = data.clone();
    let groups = move || {
        let data = groups_data.clone();
        let query = search.get();
        let searching = !query.trim().is_empty();
        let shown: Vec<usize> = (0..data.plans.len())
            .filter(|&i| !searching || plan_matches(&data.plans[i], &query))
            .collect();
        if shown.is_empty() {
            return view! { <p class="pc-muted pc-small" data-testid="picker-no-match">{Msg::PickerNoMatch.text(lang)}</p> }.into_any();
        }
        let mut budget = MAX_DRAWN;
        let mut hidden = 0;
        let rows = by_province(&data.plans, &shown)
            .into_iter()
            .map(|group| {
                let name = group.province_zh;
                let open = searching || total <= EXPANDED_UP_TO || expanded.with(|e| e.contains(&name));
                let drawn = if open { group.plans.len().min(budget) } else { 0 };
                budget -= drawn;
                hidden += if open { group.plans.len() - drawn } else { 0 };
                let label = province_group(&group, lang);
                let list_id = format!("pc-pick-{testid}-{}", group.plans[0]);
                let box_id = format!("{list_id}-all");
                let members = group.plans.clone();
                let (all_members, all_plans) = (members.clone(), data.plans.clone());
                // Checked when every plan of the province is chosen.
                let group_checked = move || chosen.with(|c| members.iter().all(|&i| c[i]));
                let plan_rows = group.plans[..drawn]
                    .iter()
                    .map(|&i| {
                        let id = data.plans[i].id.clone();
                        let b = id.clone();
                        let all = data.plans.clone();
                        let input_id = format!("pc-pick-{testid}-p{i}");
                        view! {
                            <li class="pc-facet">
                                <input type="checkbox" id=input_id.clone() data-key=id
                                    prop:checked=move || chosen.with(|c| c[i])
                                    on:change=move |_| app.update(false, |s| {
                                        s.plans = if filter {
                                            with_group(&all, &s.plans, &[i], !s.plans.contains(&b))
                                        } else {
                                            toggled(&all, &s.plans, &b)
                                        }
                                    })/>
                                <label for=input_id>
                                    {plan_label(&data, i, lang)}
                                    {count.map(|count| view! { " " <span class="pc-count">{move || format!("({})", count.run(i))}</span> })}
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                let toggle_label = if open { Msg::PickerHidePlans } else { Msg::PickerShowPlans };
                let disclosure = (!searching && total > EXPANDED_UP_TO).then(|| {
                    view! {
                        <button type="button" class="pc-button pc-button--small" aria-expanded=open.to_string()
                            aria-controls=list_id.clone() data-testid="picker-expand"
                            on:click=move |_| expanded.update(|e| {
                                match e.iter().position(|n| *n == name) {
                                    Some(at) => { e.remove(at); }
                                    None => e.push(name),
                                }
                            })>
                            {toggle_label.text(lang)}
                        </button>
                    }
                });
                let count = group.plans.len();
                view! {
                    <li class="pc-picker__group" class:pc-picker__group--open=open data-testid="picker-group" data-province=name>
                        <div class="pc-picker__head pc-facet">
                            <input type="checkbox" id=box_id.clone() prop:checked=group_checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    app.update(false, |s| {
                                        s.plans = if filter {
                                            with_group(&all_plans, &s.plans, &all_members, on)
                                        } else {
                                            set_group(&all_plans, &s.plans, &all_members, on)
                                        }
                                    });
                                }/>
                            <label for=box_id>{label} " " <span class="pc-count">{format!("({count})")}</span></label>
                            " "
                            {disclosure}
                        </div>
                        {open.then(|| view! { <ul class="pc-facet-list" id=list_id>{plan_rows}</ul> })}
                    </li>
                }
            })
            .collect_view();
        // From a search, the quickest way to a few plans of a thousand: keep only what it found.
        let only = searching.then(|| {
            let (all, matches) = (data.plans.clone(), shown.clone());
            let count = matches.len();
            view! {
                <button type="button" class="pc-button pc-button--small" data-testid="picker-only"
                    on:click=move |_| app.update(false, |s| s.plans = only_these(&all, &matches))>
                    {picker_only(count, lang)}
                </button>
            }
        });
        let more = (hidden > 0).then(|| {
            view! { <p class="pc-muted pc-small" data-testid="picker-more">{picker_more(hidden, lang)}</p> }
        });
        view! {
            {only}
            <ul class="pc-picker__groups">{rows}</ul>
            {more}
        }
        .into_any()
    };

    view! {
        <fieldset class="pc-fieldset pc-picker" class:pc-picker--long={total > EXPANDED_UP_TO} data-testid=testid>
            <legend>{Msg::FilterPlans.text(lang)}</legend>
            <div class="pc-picker__bar">
                <span class="pc-small" aria-live="polite" data-testid="picker-summary">
                    {move || picker_summary(chosen_count.get(), total, lang)}
                </span>
                " "
                <button type="button" class="pc-button pc-button--small" data-testid="picker-all"
                    on:click=move |_| app.update(false, |s| s.plans.clear())>
                    {Msg::PickerAll.text(lang)}
                </button>
            </div>
            {(total > EXPANDED_UP_TO).then(|| view! {
                <input type="search" class="pc-input pc-picker__search" data-testid="picker-search"
                    aria-label=Msg::PickerSearch.text(lang) placeholder=Msg::PickerSearch.text(lang)
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))/>
            })}
            {groups}
        </fieldset>
    }
}
