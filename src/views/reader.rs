//! The source reader: a plan's full text with outline navigation, items and figures highlighted.
//! Every figure in the app links here (`view=reader&doc=…&focus=<figure id>`).

use leptos::prelude::*;
use plan_core::i18n::{Lang, Msg};
use plan_core::reader::runs;
use plan_core::view_state::View;
use wasm_bindgen::JsCast;

use super::widgets::{figure_text, plan_label};
use crate::state::{app_state, data};

fn scroll_to(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

#[component]
pub fn Reader(lang: Lang) -> impl IntoView {
    let data = data();
    let app = app_state();
    let state = app.state.get_untracked();
    let doc = state
        .doc
        .as_deref()
        .and_then(|id| data.plan_index(id))
        .or_else(|| data.selected(&state).first().copied())
        .unwrap_or(0);
    let Some(plan) = data.plans.get(doc).cloned() else {
        return view! { <p class="pc-empty">{Msg::Unknown.text(lang)}</p> }.into_any();
    };
    let chooser = data
        .plans
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = p.id.clone();
            let href = app.href(|s| {
                s.view = View::Reader;
                s.doc = Some(id);
                s.focus = None;
            });
            view! { <li><a href=href aria-current=(i == doc).then_some("page") class:pc-tab--current=i == doc>{plan_label(p, lang)}</a></li> }
        })
        .collect_view();
    let outline = plan
        .outline
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let target = format!("pc-h-{i}");
            let label = format!("{}{}", h.marker, h.title);
            view! {
                <li class=format!("pc-outline__l{}", h.level)>
                    <button type="button" class="pc-linklike" on:click=move |_| scroll_to(&target) lang="zh-CN">{label}</button>
                </li>
            }
        })
        .collect_view();

    // Ids go on the first run of each heading and item, and on every figure.
    let mut seen_heading = vec![false; plan.outline.len()];
    let mut seen_item = vec![false; plan.items.len()];
    let text_runs = runs(&plan)
        .into_iter()
        .map(|run| {
            let text = plan.text[run.range.clone()].to_string();
            let mut classes = Vec::new();
            let mut id = None;
            if let Some(h) = run.heading {
                classes.push("pc-src-heading");
                if !std::mem::replace(&mut seen_heading[h], true) {
                    id = Some(format!("pc-h-{h}"));
                }
            }
            if let Some(i) = run.item {
                classes.push("pc-src-item");
                if id.is_none() && !std::mem::replace(&mut seen_item[i], true) {
                    id = Some(plan.items[i].id.clone());
                }
            }
            match run.figure {
                Some(f) => {
                    let figure = &plan.figures[f];
                    view! {
                        <mark id=figure.id.clone() class="pc-src-figure" tabindex="-1" title=figure_text(figure, lang) data-testid="source-figure">{text}</mark>
                    }
                    .into_any()
                }
                None => view! { <span id=id class=classes.join(" ") tabindex=run.item.map(|_| "-1")>{text}</span> }.into_any(),
            }
        })
        .collect_view();
    let diagnostics = plan
        .diagnostics
        .iter()
        .map(|d| view! { <li lang="zh-CN"><code>{d.code}</code> " " {d.message.clone()}</li> })
        .collect_view();

    // Bring the focused figure or item into view once it is on the page.
    if let Some(focus) = state.focus.clone() {
        request_animation_frame(move || {
            if let Some(element) = document().get_element_by_id(&focus) {
                let _ = element.class_list().add_1("pc-focus");
            }
            scroll_to(&focus);
        });
    }

    view! {
        <section class="pc-view pc-reader" aria-labelledby="pc-reader-h" data-testid="view-reader">
            <h2 id="pc-reader-h" lang="zh-CN">{plan.title.text.clone()}</h2>
            <nav aria-label=Msg::ReaderChoose.text(lang)>
                <ul class="pc-tabs pc-tabs--wrap" data-testid="reader-plans">{chooser}</ul>
            </nav>
            {plan.truncated.then(|| view! {
                <p class="pc-warning" role="note" data-testid="truncated-warning">{Msg::TruncatedWarning.text(lang)}</p>
            })}
            <p class="pc-small">{Msg::ReaderLegend.text(lang)} " " <code>{plan.source.clone()}</code></p>
            <div class="pc-reader__layout">
                <nav class="pc-outline" aria-label=Msg::OutlineHeading.text(lang) data-testid="outline">
                    <h3>{Msg::OutlineHeading.text(lang)}</h3>
                    <ol>{outline}</ol>
                </nav>
                <div class="pc-source" lang="zh-CN" data-testid="source-text">{text_runs}</div>
            </div>
            <details class="pc-diagnostics">
                <summary>{Msg::Diagnostics.text(lang)} " (" {plan.diagnostics.len()} ")"</summary>
                <ul>{diagnostics}</ul>
            </details>
        </section>
    }
    .into_any()
}
