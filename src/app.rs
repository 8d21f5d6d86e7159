//! The root component.

use leptos::prelude::*;
use plan_core::extract::extract_plan;
use plan_core::i18n::{Lang, Msg};
use plan_core::model::Plan;
use plan_core::seeds::SEEDS;
use plan_core::url_state::lang_from_url;

fn url_parts() -> (String, String) {
    let location = window().location();
    (
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    )
}

#[component]
pub fn App() -> impl IntoView {
    let (query, hash) = url_parts();
    let choice = lang_from_url(&query, &hash);
    let lang = choice.lang;
    if let Some(html) = document().document_element() {
        html.set_attribute("lang", lang.html_tag()).ok();
    }
    document().set_title(Msg::AppTitle.text(lang));
    let plans: Vec<Plan> = SEEDS
        .iter()
        .map(|s| extract_plan(s.source, s.text))
        .collect();
    let other_lang = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    view! {
        <div class="pc-app" data-testid="app-root">
            <header class="pc-header">
                <h1 class="pc-title">{Msg::AppTitle.text(lang)}</h1>
                <p class="pc-tagline">{Msg::AppTagline.text(lang)}</p>
                <a
                    class="pc-lang-switch"
                    href=format!("#lang={}", other_lang.code())
                    hreflang=other_lang.html_tag()
                    aria-label=Msg::LanguageSwitchLabel.text(lang)
                    data-testid="lang-switch"
                    on:click=move |_| {
                        // The hash change alone does not re-run the app; reload with the new state.
                        let _ = window().location().set_hash(&format!("lang={}", other_lang.code()));
                        let _ = window().location().reload();
                    }
                >
                    {Msg::LanguageSwitch.text(lang)}
                </a>
            </header>
            {choice.unrecognised.then(|| view! {
                <p class="pc-notice" role="status" data-testid="notice">{Msg::UnknownLangNotice.text(lang)}</p>
            })}
            <main class="pc-main">
                <h2>{Msg::PlansHeading.text(lang)} " (" {plans.len()} " " {Msg::PlanCount.text(lang)} ")"</h2>
                <ul class="pc-plan-list" data-testid="plan-list">
                    {plans.into_iter().map(|plan| plan_row(plan, lang)).collect_view()}
                </ul>
            </main>
        </div>
    }
}

fn plan_row(plan: Plan, lang: Lang) -> impl IntoView {
    let city = plan
        .city
        .map(|c| lang.pick(c.zh, c.en).to_string())
        .unwrap_or_else(|| "—".into());
    view! {
        <li class="pc-plan" data-testid="plan" data-plan-id=plan.id.clone()>
            <span class="pc-plan__city" data-testid="plan-city">{city}</span>
            <span class="pc-plan__title" lang="zh-CN">{plan.title.text.clone()}</span>
            {plan.title.curated.then(|| view! { <span class="pc-plan__curated">{Msg::CuratedTitle.text(lang)}</span> })}
            {plan.truncated.then(|| view! {
                <p class="pc-warning" role="note" data-testid="truncated-warning">{Msg::TruncatedWarning.text(lang)}</p>
            })}
            <span class="pc-plan__source">{Msg::ColumnSource.text(lang)} ": " <code>{plan.source.clone()}</code></span>
        </li>
    }
}
