//! The root component: header, navigation, notices and the current view.

use crate::i18n::{Lang, Msg, ReviewMessage, Tr};
use crate::view_state::View;
use leptos::prelude::*;

use crate::state::{provide_app_state, AppState};
use crate::views::{Compare, Explore, ExtractionProgress, ImportPanel, Overview, Reader, Timeline};

#[component]
pub fn App() -> impl IntoView {
    let library = crate::library::provide_library();
    crate::corrections::provide_review(library.data);
    let app = provide_app_state(library.data);
    // The built-in plans are drawn now; the stored imports join them once extracted.
    library.load_stored(move || app.follow_url(library.data));
    // "Add a plan" is open or closed; not part of the URL (it is not a view of the data).
    let importing = RwSignal::new(false);
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
            {move || header(app, importing)}
            {move || importing.get().then(|| view! { <ImportPanel lang=app.lang.get() on_close=move || importing.set(false)/> })}
            <PrintInfo/>
            <Notices importing/>
            // Extraction of the stored imports at start-up (the panel shows its own while open).
            {move || (!importing.get()).then(|| view! { <ExtractionProgress lang=app.lang.get()/> })}
            <main class="pc-main" data-testid="main">
                {move || {
                    let lang = app.lang.get();
                    // Drawn again when the user adds or removes a plan.
                    library.data.track();
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

fn header(app: AppState, importing: RwSignal<bool>) -> impl IntoView {
    // Rebuilt when language, view or embedding change; the links follow every other change of
    // state through their own reactive `href`s (not rebuilding the header on each keystroke).
    let lang = app.lang.get();
    let current = app.view.get();
    let embed = app.embed.get();
    // Embedded pages offer importing only when the host asks for it (`import=1`).
    let can_import = !embed || app.state.with(|s| s.import);
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
            {can_import.then(|| view! {
                <button
                    type="button"
                    class="pc-button pc-add-plan"
                    aria-expanded=move || importing.get().to_string()
                    on:click=move |_| importing.update(|open| *open = !*open)
                    data-testid="add-plan"
                >
                    {Msg::AddPlan.text(lang)}
                </button>
            })}
            <nav class="pc-nav" aria-label=Msg::MainNavLabel.text(lang)>
                <ul class="pc-tabs">{tabs}</ul>
            </nav>
        </header>
    }
}

/// The local date and time now, `YYYY-MM-DD HH:MM`.
fn now_text() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// What a printout shows, when it was printed and the link that reopens it. Only printed (the
/// screen shows all of this already); the time is taken again when printing starts.
#[component]
fn PrintInfo() -> impl IntoView {
    let app = crate::state::app_state();
    let library = crate::library::library();
    let printed = RwSignal::new(now_text());
    let on_print = window_event_listener(leptos::ev::beforeprint, move |_| printed.set(now_text()));
    on_cleanup(move || on_print.remove());
    // Memos: a search keystroke changes the state but neither the view nor the plans, so it only
    // updates the link's text, instead of rebuilding the list.
    let view = Memo::new(move |_| app.state.with(|s| s.view));
    let chosen = Memo::new(move |_| app.state.with(|s| s.plans.clone()));
    let link = move || {
        app.state.track();
        window().location().href().unwrap_or_default()
    };
    view! {
        <dl class="pc-print-info" data-testid="print-info">
            {move || {
                let lang = app.lang.get();
                let plans = move || {
                    let data = library.data.get();
                    chosen.with(|chosen| {
                        if chosen.is_empty() {
                            Msg::AllPlans.text(lang).to_string()
                        } else {
                            plan_analysis::selection::selected(&data.plans, chosen)
                                .into_iter()
                                .map(|p| crate::views::plan_label(&data, p, lang))
                                .collect::<Vec<_>>()
                                .join("; ")
                        }
                    })
                };
                view! {
                    <div><dt>{Msg::PrintedFrom.text(lang)}</dt><dd>{Msg::AppTitle.text(lang)}</dd></div>
                    <div><dt>{Msg::PrintedView.text(lang)}</dt><dd>{move || view.get().tr(lang)}</dd></div>
                    <div><dt>{Msg::PrintedPlans.text(lang)}</dt><dd>{plans}</dd></div>
                    <div><dt>{Msg::PrintedLanguage.text(lang)}</dt><dd>{Msg::LanguageName.text(lang)}</dd></div>
                    <div><dt>{Msg::PrintedOn.text(lang)}</dt><dd>{move || printed.get()}</dd></div>
                    <div><dt>{Msg::PrintedLink.text(lang)}</dt><dd class="pc-print-info__link">{link}</dd></div>
                }
            }}
        </dl>
    }
}

/// What the URL could not say, (while "Add a plan" is closed) what went wrong with the user's
/// plans, e.g. a store that could not be read, and the corrections that could not be applied.
#[component]
fn Notices(importing: RwSignal<bool>) -> impl IntoView {
    let app = crate::state::app_state();
    let library = crate::library::library();
    let review = crate::corrections::review();
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
            {move || {
                let lang = app.lang.get();
                (!importing.get()).then(|| {
                    library
                        .messages
                        .get()
                        .into_iter()
                        .filter(|m| m.is_problem())
                        .map(|m| view! { <p class="pc-notice pc-notice--problem" data-testid="notice">{m.tr(lang)}</p> })
                        .collect_view()
                })
            }}
            {move || {
                let lang = app.lang.get();
                let unapplied = library.data.with(|d| d.unapplied.clone());
                // Corrections of stored imports cannot apply before the imports are extracted: a
                // correction of a plan not there yet is not reported as unapplied meanwhile.
                let loading = library.loading.get();
                let reported = move |u: &&plan_library::corrections::Unapplied| {
                    !loading || library.data.with(|d| d.plan_index(&u.correction.plan).is_some())
                };
                // The store set aside is said here (nothing else shows it); what the review panel
                // says stays in the panel.
                let set_aside = review.messages.with(|m| {
                    m.iter()
                        .filter(|m| matches!(m, ReviewMessage::StoreSetAside(_)))
                        .cloned()
                        .collect::<Vec<_>>()
                });
                set_aside
                    .into_iter()
                    .chain(unapplied.iter().filter(reported).map(|u| {
                        ReviewMessage::Unapplied(u.correction.plan.clone(), u.correction.raw.clone(), u.reason.clone())
                    }))
                    .map(|m| view! { <p class="pc-notice pc-notice--problem" data-testid="notice">{m.tr(lang)}</p> })
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
