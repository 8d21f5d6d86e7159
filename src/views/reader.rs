//! The source reader: a plan's full text with outline navigation, items and figures highlighted.
//! Every figure in the app links here (`view=reader&doc=…&focus=<figure id>`).

use crate::i18n::{diagnostic_text, province_group, Lang, Msg};
use crate::view_state::View;
use leptos::prelude::*;
use plan_analysis::reader::runs;
use plan_analysis::selection::by_province;
use wasm_bindgen::JsCast;

use super::widgets::{figure_text, plan_label};
use crate::state::{app_state, data, Data};

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

/// Marks the focused figure or item and brings it into view, once it is on the page.
fn show_focus(focus: String) {
    request_animation_frame(move || {
        if let Ok(marked) = document().query_selector_all(".pc-focus") {
            for i in 0..marked.length() {
                if let Some(element) = marked
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = element.class_list().remove_1("pc-focus");
                }
            }
        }
        if let Some(element) = document().get_element_by_id(&focus) {
            let _ = element.class_list().add_1("pc-focus");
        }
        scroll_to(&focus);
    });
}

#[component]
pub fn Reader(lang: Lang) -> impl IntoView {
    let data = data();
    let app = app_state();
    // The plan shown follows the URL: its `doc`, else the first selected plan.
    let doc = {
        let data = data.clone();
        Memo::new(move |_| {
            app.state.with(|s| {
                s.doc
                    .as_deref()
                    .and_then(|id| data.plan_index(id))
                    .or_else(|| data.selected(s).first().copied())
            })
        })
    };
    let focus = Memo::new(move |_| app.state.with(|s| s.focus.clone()));
    // Runs after the page of `doc` is drawn, and again when only the focus changes.
    Effect::new(move |_| {
        doc.track();
        if let Some(focus) = focus.get() {
            show_focus(focus);
        }
    });
    move || match doc.get() {
        Some(index) => page(&data, index, focus, lang).into_any(),
        None => view! { <p class="pc-empty">{Msg::Unknown.text(lang)}</p> }.into_any(),
    }
}

/// Which plan to read: tabs for a short library; for a long one a list grouped by province (one
/// element per plan, where a thousand tabs would bury the page).
fn chooser(data: &Data, doc: usize, lang: Lang) -> impl IntoView {
    let app = app_state();
    if data.plans.len() > super::picker::EXPANDED_UP_TO {
        let all: Vec<usize> = (0..data.plans.len()).collect();
        let groups = by_province(&data.plans, &all)
            .into_iter()
            .map(|group| {
                let options = group
                    .plans
                    .iter()
                    .map(|&i| view! { <option value=data.plans[i].id.clone() selected=i == doc>{plan_label(data, i, lang)}</option> })
                    .collect_view();
                view! { <optgroup label=province_group(&group, lang)>{options}</optgroup> }
            })
            .collect_view();
        return view! {
            <select class="pc-input" aria-label=Msg::ReaderChoose.text(lang) data-testid="reader-select"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    app.update(false, move |s| {
                        s.view = View::Reader;
                        s.doc = Some(id);
                        s.focus = None;
                    })
                }>
                {groups}
            </select>
        }
        .into_any();
    }
    let tabs = data
        .plans
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = p.id.clone();
            let href = move || {
                app.linked(|s| {
                    s.view = View::Reader;
                    s.doc = Some(id.clone());
                    s.focus = None;
                })
            };
            view! { <li><a href=href aria-current=(i == doc).then_some("page") class:pc-tab--current=i == doc>{plan_label(data, i, lang)}</a></li> }
        })
        .collect_view();
    view! { <ul class="pc-tabs pc-tabs--wrap" data-testid="reader-plans">{tabs}</ul> }.into_any()
}

/// The reader's page for plan `doc`. The figure `focus` names has its review panel under it.
fn page(data: &Data, doc: usize, focus: Memo<Option<String>>, lang: Lang) -> impl IntoView {
    let app = app_state();
    let plan = &data.plans[doc];
    let chooser = chooser(data, doc, lang);
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
    let mut seen_figure = vec![false; plan.figures.len()];
    let text_runs = runs(plan)
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
                    let first = !std::mem::replace(&mut seen_figure[f], true);
                    // A link that opens the figure's review panel (its `focus`), right after it.
                    let (plan_id, figure_id) = (plan.id.clone(), figure.id.clone());
                    let href = move || {
                        app.linked(|s| {
                            s.view = View::Reader;
                            s.doc = Some(plan_id.clone());
                            s.focus = Some(figure_id.clone());
                        })
                    };
                    let corrected = !figure.corrected.is_empty();
                    let panel = first.then(|| {
                        let (data, id) = (data.clone(), figure.id.clone());
                        move || {
                            (focus.get().as_deref() == Some(id.as_str()))
                                .then(|| super::review::review_panel(&data, doc, f, lang))
                        }
                    });
                    view! {
                        <a id=first.then(|| figure.id.clone()) href=href class="pc-src-link" title=figure_text(figure, lang)
                            data-testid="source-figure" data-corrected=corrected.then_some("true")>
                            <mark class="pc-src-figure" class:pc-src-figure--corrected=corrected>{text}</mark>
                        </a>
                        {(first && corrected).then(|| view! {
                            <span class="pc-badge pc-badge--corrected" lang=lang.html_tag() data-testid="corrected-mark">{Msg::CorrectedMark.text(lang)}</span>
                        })}
                        {panel}
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
        .map(|d| {
            let (sentence, detail) = diagnostic_text(d, lang);
            view! {
                <li data-testid="diagnostic">
                    <code>{d.code.key()}</code> " " {sentence}
                    {detail.map(|words| view! { " " <span lang="zh-CN">{words}</span> })}
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="pc-view pc-reader" aria-labelledby="pc-reader-h" data-testid="view-reader" data-doc=plan.id.clone()>
            <h2 id="pc-reader-h" lang="zh-CN">{plan.title.text.clone()}</h2>
            <nav aria-label=Msg::ReaderChoose.text(lang)>{chooser}</nav>
            {plan.truncated.then(|| view! {
                <p class="pc-warning" role="note" data-testid="truncated-warning">{Msg::TruncatedWarning.text(lang)}</p>
            })}
            {data.import_of(doc).map(|imported| view! {
                <p class="pc-import-note pc-small" data-testid="imported-note">
                    {super::widgets::import_origin(imported, lang)}
                </p>
            })}
            <p class="pc-small">{Msg::ReaderLegend.text(lang)} " " {Msg::ReaderReviewHint.text(lang)} " " <code>{plan.source.clone()}</code></p>
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
}
