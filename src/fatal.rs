//! A visible error panel for panics, instead of a frozen page.
//!
//! The release build aborts on panic, so the wasm instance is dead once the hook returns: the panel
//! is built with plain DOM calls during the hook, and its reload button is served by `boot.js`
//! (plain JavaScript, `data-action="reload"`), which outlives the instance.

use crate::i18n::{Lang, Msg};
use crate::url_state::lang_from_url;

pub fn install_panic_panel() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("plan-compare panicked: {message}").into());
        show_panel(&message);
    }));
}

fn current_lang() -> Lang {
    let location = web_sys::window().map(|w| w.location());
    let query = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    lang_from_url(&query, &hash).lang
}

/// Shows the error panel with `message` as its detail (public for the browser tests).
pub fn show_panel(message: &str) {
    // Every step may fail on a broken page; a failed step only means a poorer panel.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let lang = current_lang();
    let element = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(panel) = element("section", "fatal-error", "") else {
        return;
    };
    panel.set_attribute("role", "alert").ok();
    panel.set_attribute("data-testid", "fatal-error").ok();
    let parts = [
        element("h2", "fatal-error__title", Msg::ErrorTitle.text(lang)),
        element("p", "fatal-error__hint", Msg::ErrorReloadHint.text(lang)),
        element("pre", "fatal-error__detail", message),
        element(
            "button",
            "fatal-error__reload",
            Msg::ReloadButton.text(lang),
        ),
    ];
    for part in parts.into_iter().flatten() {
        if part.tag_name() == "BUTTON" {
            part.set_attribute("type", "button").ok();
            part.set_attribute("data-action", "reload").ok();
        }
        panel.append_child(&part).ok();
    }
    body.prepend_with_node_1(&panel).ok();
}
