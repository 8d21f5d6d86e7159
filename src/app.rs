//! The root component: header, navigation, notices and the current view.

use std::sync::Arc;

use crate::i18n::{Lang, Msg, Tr};
use crate::view_state::View;
use leptos::prelude::*;

use crate::state::{provide_app_state, AppState, Data};
use crate::views::{Compare, Explore, Overview, Reader, Timeline};

/// Runs `f` between two performance marks and records a measure called `name`, so that the
/// benchmark (and anyone with the browser's performance panel) can read how long it took.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = window().performance();
    let start = format!("{name}:start");
    let end = format!("{name}:end");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    out
}

#[component]
pub fn App() -> impl IntoView {
    let plans = measured("plan-compare:extract", plan_extract::extract_seeds);
    let data = Data {
        plans: Arc::new(plans),
    };
    provide_context(data.clone());
    let app = provide_app_state(&data);
    crate::embed::report_height_when_embedded(app);

    // Keep the view state on the mount element too: a saved page carries it in its markup.
    Effect::new(move |_| {
        let hash = app.state.with(|s| s.to_hash());
        if let Some(root) = document().get_element_by_id(crate::MOUNT_ID) {
            let _ = root.set_attribute("data-state", &hash);
        }
    });
    Effect::new(move |_| {
        let lang = app.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.html_tag());
        }
        document().set_title(&format!(
            "{} · {}",
            Msg::AppTitle.text(lang),
            Msg::AppTitle.text(other(lang))
        ));
    });

    view! {
        <div class="pc-app" class:pc-embed=move || app.embed.get() data-testid="app-root">
            {move || header(app)}
            <Notices/>
            <main class="pc-main" data-testid="main">
                {move || {
                    let lang = app.lang.get();
                    match app.view.get() {
                        View::Overview => view! { <Overview lang=lang/> }.into_any(),
                        View::Explore => view! { <Explore lang=lang/> }.into_any(),
                        View::Compare => view! { <Compare lang=lang/> }.into_any(),
                        View::Timeline => view! { <Timeline lang=lang/> }.into_any(),
                        View::Reader => view! { <Reader lang=lang/> }.into_any(),
                    }
                }}
            </main>
            {move || footer(app)}
        </div>
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    }
}

fn header(app: AppState) -> impl IntoView {
    // Rebuilt when language, view or embedding change; the links follow every other change of
    // state through their own reactive `href`s (not rebuilding the header on each keystroke).
    let lang = app.lang.get();
    let current = app.view.get();
    let embed = app.embed.get();
    let switch = other(lang);
    let tabs = View::ALL
        .into_iter()
        .map(|v| {
            let href = move || app.linked(|s| s.view = v);
            view! {
                <li>
                    <a
                        href=href
                        class="pc-tab"
                        class:pc-tab--current=v == current
                        aria-current=(v == current).then_some("page")
                        data-testid=format!("tab-{}", v.key())
                    >
                        {v.tr(lang)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="pc-header">
            <h1 class="pc-title">{Msg::AppTitle.text(lang)}</h1>
            {(!embed).then(|| view! { <p class="pc-tagline">{Msg::AppTagline.text(lang)}</p> })}
            <a
                class="pc-lang-switch"
                href=move || app.linked(|s| s.lang = switch)
                hreflang=switch.html_tag()
                lang=switch.html_tag()
                title=Msg::LanguageSwitchLabel.text(lang)
                data-testid="lang-switch"
            >
                {Msg::LanguageSwitch.text(lang)}
            </a>
            <nav class="pc-nav" aria-label=Msg::MainNavLabel.text(lang)>
                <ul class="pc-tabs">{tabs}</ul>
            </nav>
        </header>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let app = crate::state::app_state();
    view! {
        <div class="pc-notices" role="status" aria-live="polite" data-testid="notices">
            {move || {
                let lang = app.lang.get();
                app.notices
                    .get()
                    .into_iter()
                    .map(|n| view! { <p class="pc-notice" data-testid="notice">{n.tr(lang)}</p> })
                    .collect_view()
            }}
        </div>
    }
}

fn footer(app: AppState) -> impl IntoView {
    let lang = app.lang.get();
    let embed_open = RwSignal::new(false);
    view! {
        <footer class="pc-footer">
            <button
                type="button"
                class="pc-button"
                aria-expanded=move || embed_open.get().to_string()
                on:click=move |_| embed_open.update(|o| *o = !*o)
                data-testid="embed-button"
            >
                {Msg::EmbedButton.text(lang)}
            </button>
            {crate::embed::offline_copy_link(lang)}
            {move || embed_open.get().then(|| crate::embed::embed_snippet(app, lang))}
        </footer>
    }
}
