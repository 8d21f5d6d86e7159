//! The review panel of the source reader: how a focused figure was read (kind, the rule and words
//! that decided it, confidence, measure, what it counts, year, baseline) and a form to correct it.
//! The work is `crate::corrections`'s and `plan_library::corrections`'s; this wires the controls.

use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_library::corrections::{Correction, YEARS};
use plan_model::{Figure, FigureKind, MeasureType};
use wasm_bindgen::JsCast;

use crate::corrections::{review, Review};
use crate::i18n::{format_value, Lang, Msg, Tr};
use crate::state::Data;

/// A field name of `Figure::corrected` in words.
fn field_name(field: &str, lang: Lang) -> &'static str {
    match field {
        "value" => Msg::ReviewValue.text(lang),
        "unit" => Msg::FieldUnit.text(lang),
        "year" => Msg::FieldYear.text(lang),
        "measure" => Msg::FieldMeasure.text(lang),
        _ => Msg::FieldKind.text(lang),
    }
}

/// What the form holds, as typed.
#[derive(Clone, Copy)]
struct Form {
    value: RwSignal<String>,
    unit: RwSignal<String>,
    year: RwSignal<String>,
    measure: RwSignal<String>,
    kind: RwSignal<String>,
    not_target: RwSignal<bool>,
    note: RwSignal<String>,
}

/// The correction the form states against the extracted reading `extracted`: only the fields that
/// differ from it are set. A field that cannot be read gives the message to show.
fn correction_of(form: Form, plan: &str, extracted: &Figure, at: &str) -> Result<Correction, Msg> {
    let mut c = Correction::new(plan, &extracted.id, &extracted.raw, at);
    let value = form.value.get_untracked();
    let value = value.trim().replace([',', '，'], "");
    if !value.is_empty() {
        let v: f64 = value.parse().map_err(|_| Msg::BadValue)?;
        if !v.is_finite() || v < 0.0 {
            return Err(Msg::BadValue);
        }
        c.value = (extracted.value != Some(v)).then_some(v);
    }
    let unit = form.unit.get_untracked();
    let unit = unit.trim();
    if !unit.is_empty() && unit != extracted.unit.trim() {
        plan_extract::read_unit(unit).ok_or(Msg::BadUnit)?;
        c.unit = Some(unit.to_string());
    }
    let year = form.year.get_untracked();
    let year = year.trim();
    if !year.is_empty() {
        let y: u16 = year.parse().map_err(|_| Msg::BadYear)?;
        if !YEARS.contains(&y) {
            return Err(Msg::BadYear);
        }
        c.year = (extracted.year != Some(y)).then_some(y);
    }
    c.measure =
        MeasureType::from_key(&form.measure.get_untracked()).filter(|m| *m != extracted.measure);
    c.not_target = form.not_target.get_untracked();
    if !c.not_target {
        c.kind = FigureKind::from_key(&form.kind.get_untracked()).filter(|k| *k != extracted.kind);
    }
    let note = form.note.get_untracked();
    c.note = (!note.trim().is_empty()).then(|| note.trim().to_string());
    Ok(c)
}

/// Reads the chosen corrections file and imports it.
fn import_file(review: Review, ev: &leptos::ev::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|list| list.get(0)) else {
        return;
    };
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    spawn_local(async move {
        let name = file.name();
        match gloo_file::futures::read_as_text(&gloo_file::Blob::from(file)).await {
            Ok(text) => review.import(&name, &text),
            Err(_) => review.unreadable(&name),
        }
    });
}

/// A fact of the figure's reading: a term and what it is.
fn fact(term: Msg, lang: Lang, value: impl IntoView + 'static) -> impl IntoView {
    view! { <div><dt>{term.text(lang)}</dt><dd>{value}</dd></div> }
}

/// Words of the source, or "none".
fn source_words(words: Option<String>, lang: Lang) -> AnyView {
    match words {
        Some(w) => view! { <span lang="zh-CN">{w}</span> }.into_any(),
        None => view! { <span class="pc-muted">{Msg::ReviewNone.text(lang)}</span> }.into_any(),
    }
}

/// The review panel of figure `f` of plan `doc`.
pub fn review_panel(data: &Data, doc: usize, f: usize, lang: Lang) -> impl IntoView {
    let review = review();
    let plan = &data.plans[doc];
    let figure = &plan.figures[f];
    // Corrections never reorder figures: the same index is the figure as extracted.
    let extracted = data
        .extracted
        .get(doc)
        .and_then(|p| p.figures.get(f))
        .filter(|e| e.id == figure.id)
        .unwrap_or(figure)
        .clone();
    let correction = data.correction_of(&plan.id, &figure.id).cloned();
    let plan_id = plan.id.clone();
    let editable = crate::state::app_state()
        .state
        .with_untracked(|s| !s.embed || s.import);

    let form = Form {
        value: RwSignal::new(figure.value.map(|v| v.to_string()).unwrap_or_default()),
        unit: RwSignal::new(figure.unit.clone()),
        year: RwSignal::new(figure.year.map(|y| y.to_string()).unwrap_or_default()),
        measure: RwSignal::new(figure.measure.key().to_string()),
        kind: RwSignal::new(figure.kind.key().to_string()),
        not_target: RwSignal::new(correction.as_ref().is_some_and(|c| c.not_target)),
        note: RwSignal::new(
            correction
                .as_ref()
                .and_then(|c| c.note.clone())
                .unwrap_or_default(),
        ),
    };
    let error = RwSignal::new(None::<Msg>);
    let save_plan = plan_id.clone();
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match correction_of(form, &save_plan, &extracted, &crate::library::now_iso()) {
            Ok(c) => {
                error.set(None);
                review.save(c);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let (undo_plan, undo_figure) = (plan_id.clone(), figure.id.clone());
    let export = move |_| {
        crate::download::save_text(
            "plan-compare-corrections.json",
            "application/json;charset=utf-8",
            &review.corrections_json(),
        );
    };

    let range = match (figure.min, figure.max) {
        (Some(low), Some(high)) if figure.value.is_none() => format!("{low}–{high}"),
        _ => String::new(),
    };
    let year = figure.year.map_or_else(
        || Msg::Unknown.text(lang).to_string(),
        |y| match figure.year_source {
            Some(source) => format!("{y} ({})", source.tr(lang)),
            None => y.to_string(),
        },
    );
    let baseline = figure.baseline.as_ref().map(|b| {
        let value = b
            .value
            .map(|v| format_value(v, &figure.unit_normalized, lang))
            .unwrap_or_default();
        let year = b.year.map(|y| y.to_string()).unwrap_or_default();
        view! { {value} " " {year} " · " <span lang="zh-CN">{b.quote.text.clone()}</span> }
    });
    let corrected = (!figure.corrected.is_empty()).then(|| {
        figure
            .corrected
            .iter()
            .map(|field| field_name(field, lang))
            .collect::<Vec<_>>()
            .join(", ")
    });
    // Chosen by `selected`: the options are not there yet when a `value` property would be set.
    let measures = MeasureType::ALL
        .into_iter()
        .map(|m| view! { <option value=m.key() selected=m == figure.measure>{m.tr(lang)}</option> })
        .collect_view();
    let kinds = FigureKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.key() selected=k == figure.kind>{k.tr(lang)}</option> })
        .collect_view();
    let last_message = move || {
        review.messages.with(|m| {
            m.last().map(|m| {
                let class = if m.is_problem() {
                    "pc-notice pc-notice--problem"
                } else {
                    "pc-notice"
                };
                view! { <p class=class data-testid="review-message">{m.tr(lang)}</p> }
            })
        })
    };

    view! {
        <section class="pc-review" lang=lang.html_tag() aria-labelledby="pc-review-h" data-testid="review-panel" data-figure=figure.id.clone()>
            <h3 id="pc-review-h">{Msg::ReviewHeading.text(lang)} " · " <span lang="zh-CN">{figure.raw.clone()}</span></h3>
            <dl class="pc-facts">
                {fact(Msg::ReviewKind, lang, view! { <span data-testid="review-kind">{figure.kind.tr(lang)}</span> })}
                {fact(Msg::ReviewRule, lang, view! { <span data-testid="review-rule">{figure.kind_rule.tr(lang)}</span> })}
                {fact(Msg::ReviewCue, lang, source_words(figure.kind_cue.clone(), lang))}
                {fact(Msg::ReviewConfidence, lang, figure.confidence.tr(lang))}
                {fact(Msg::ReviewMeasure, lang, figure.measure.tr(lang))}
                {fact(Msg::ReviewCounted, lang, source_words(figure.counted.clone(), lang))}
                {fact(Msg::ReviewYear, lang, year)}
                {fact(Msg::ReviewBaseline, lang, match baseline {
                    Some(b) => b.into_any(),
                    None => view! { <span class="pc-muted">{Msg::ReviewNone.text(lang)}</span> }.into_any(),
                })}
                {corrected.map(|fields| fact(Msg::ReviewCorrected, lang, view! {
                    <span class="pc-badge pc-badge--corrected">{Msg::CorrectedMark.text(lang)}</span> " " <span data-testid="review-corrected">{fields}</span>
                }))}
            </dl>
            // Embedded pages let readers correct only when the host asks for it (`import=1`), as
            // for importing: what they keep is stored on the host's site.
            {editable.then(move || view! {
            <form class="pc-review__form" on:submit=on_save data-testid="review-form">
                <fieldset class="pc-fieldset">
                    <legend>{Msg::CorrectHeading.text(lang)}</legend>
                    <label for="pc-review-value">{Msg::FieldValue.text(lang)}</label>
                    <input id="pc-review-value" type="text" inputmode="decimal" class="pc-text-input" placeholder=range
                        prop:value=form.value on:input=move |ev| form.value.set(event_target_value(&ev)) data-testid="correct-value"/>
                    <label for="pc-review-unit">{Msg::FieldUnit.text(lang)}</label>
                    <input id="pc-review-unit" type="text" class="pc-text-input" aria-describedby="pc-review-unit-help"
                        prop:value=form.unit on:input=move |ev| form.unit.set(event_target_value(&ev)) data-testid="correct-unit"/>
                    <span id="pc-review-unit-help" class="pc-small pc-muted">{Msg::FieldUnitHelp.text(lang)}</span>
                    <label for="pc-review-year">{Msg::FieldYear.text(lang)}</label>
                    <input id="pc-review-year" type="number" class="pc-text-input" min=*YEARS.start() max=*YEARS.end() step="1"
                        prop:value=form.year on:input=move |ev| form.year.set(event_target_value(&ev)) data-testid="correct-year"/>
                    <label for="pc-review-measure">{Msg::FieldMeasure.text(lang)}</label>
                    <select id="pc-review-measure" on:change=move |ev| form.measure.set(event_target_value(&ev)) data-testid="correct-measure">
                        {measures}
                    </select>
                    <label for="pc-review-kind">{Msg::FieldKind.text(lang)}</label>
                    <select id="pc-review-kind" prop:disabled=move || form.not_target.get()
                        on:change=move |ev| form.kind.set(event_target_value(&ev)) data-testid="correct-kind">
                        {kinds}
                    </select>
                    <span class="pc-facet">
                        <input id="pc-review-not-target" type="checkbox" prop:checked=form.not_target
                            on:change=move |ev| form.not_target.set(event_target_checked(&ev)) data-testid="correct-not-target"/>
                        <label for="pc-review-not-target">{Msg::FieldNotTarget.text(lang)}</label>
                    </span>
                    <label for="pc-review-note">{Msg::FieldNote.text(lang)}</label>
                    <input id="pc-review-note" type="text" class="pc-text-input" lang="zh-CN"
                        prop:value=form.note on:input=move |ev| form.note.set(event_target_value(&ev)) data-testid="correct-note"/>
                </fieldset>
                <p class="pc-review__error" role="alert" data-testid="review-error">
                    {move || error.get().map(|m| view! { <span class="pc-notice pc-notice--problem">{m.text(lang)}</span> })}
                </p>
                <p class="pc-review__buttons">
                    <button type="submit" class="pc-button" data-testid="save-correction">{Msg::SaveCorrection.text(lang)}</button>
                    {correction.is_some().then(|| view! {
                        " "
                        <button type="button" class="pc-button" on:click=move |_| review.undo(&undo_plan, &undo_figure) data-testid="undo-correction">
                            {Msg::UndoCorrection.text(lang)}
                        </button>
                    })}
                </p>
            </form>
            <div role="status" aria-live="polite" data-testid="review-messages">{last_message}</div>
            {move || (!review.persistent.get()).then(|| view! { <p class="pc-warning" role="note" data-testid="corrections-not-kept">{Msg::CorrectionsNotKept.text(lang)}</p> })}
            <p class="pc-small">{Msg::CorrectionsHelp.text(lang)}</p>
            <p class="pc-review__buttons">
                <button type="button" class="pc-button" on:click=export data-testid="export-corrections">{Msg::ExportCorrections.text(lang)}</button>
                " "
                <label for="pc-review-file" class="pc-button">{Msg::ImportCorrections.text(lang)}</label>
                <input id="pc-review-file" class="pc-file-input" type="file" accept=".json,application/json"
                    on:change=move |ev| import_file(review, &ev) data-testid="corrections-input"/>
            </p>
            })}
        </section>
    }
}
