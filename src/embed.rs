//! Embedding: the height messages an embedded app sends its host page, the embed snippet, and the
//! offline copy.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::AppState;

/// File name of the single-file build, beside `index.html` in `dist/`.
pub const OFFLINE_FILE: &str = "plan-compare.html";

/// When the page runs embedded (`embed=1`) inside a frame, posts its height to the parent each time
/// it changes, in the AMP form (`{sentinel:"amp",type:"embed-size",height}`) and the Pym.js form
/// (`pymxPYMx<id>xPYMxheightxPYMx<height>`), so that most host scripts can size the frame.
pub fn report_height_when_embedded(app: AppState) {
    let embedded = app.state.with_untracked(|s| s.embed);
    let window = window();
    let in_frame = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window));
    if !embedded || !in_frame {
        return;
    }
    let child_id =
        crate::state::query_param("childId").unwrap_or_else(|| "plan-compare".to_string());
    let last = std::cell::Cell::new(0i32);
    let post = move || {
        let Some(root) = document().document_element() else {
            return;
        };
        // The <html> box, not its scrollHeight: scrollHeight never drops below the frame's own
        // height, so a frame could grow but never shrink back.
        let height = root.get_bounding_client_rect().height().ceil() as i32;
        if height == last.get() {
            return;
        }
        last.set(height);
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
            return;
        };
        let amp = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
        let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
        let _ = js_sys::Reflect::set(&amp, &"height".into(), &JsValue::from(height));
        // The height is not secret, and the host's origin is not known in advance.
        let _ = parent.post_message(&amp, "*");
        let pym = format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}");
        let _ = parent.post_message(&JsValue::from_str(&pym), "*");
    };
    post();
    let observer_callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(observer_callback.as_ref().unchecked_ref()) {
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
        // The observer lives as long as the page.
        std::mem::forget(observer);
    }
    observer_callback.forget();
}

/// The page's address without its hash, for embed snippets.
fn base_url() -> String {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The embed code for the current view.
pub fn embed_snippet(app: AppState, lang: Lang) -> impl IntoView {
    let mut state = app.state.get_untracked();
    state.embed = true;
    let page = base_url();
    let url = format!("{page}{}", state.to_hash());
    let folder = page
        .rsplit_once('/')
        .map_or(page.as_str(), |(folder, _)| folder)
        .to_string();
    let title = Msg::AppTitle.text(lang);
    let snippet = format!(
        "<div data-plan-compare=\"{url}\" data-title=\"{title}\"></div>\n<script src=\"{folder}/embed.js\" async></script>\n\n<!-- {} -->\n<iframe src=\"{url}\" title=\"{title}\" width=\"100%\" height=\"720\" loading=\"lazy\"></iframe>",
        Msg::EmbedNoScript.text(lang)
    );
    view! {
        <div class="pc-embed-code" data-testid="embed-code">
            <label for="pc-embed-snippet">{Msg::EmbedHelp.text(lang)}</label>
            <textarea id="pc-embed-snippet" class="pc-code" readonly rows="7">{snippet}</textarea>
        </div>
    }
}

/// Whether this page is the single-file build (it marks its `<html>` element).
pub fn is_single_file() -> bool {
    document()
        .document_element()
        .is_some_and(|html| html.has_attribute("data-single-file"))
}

/// "Download offline copy": in the hosted app a link to the single-file build; inside the single
/// file, the file itself (as the boot script kept it before the app changed the page).
pub fn offline_copy_link(lang: Lang) -> impl IntoView {
    if is_single_file() {
        let save = move |_| {
            let source = js_sys::Reflect::get(&window(), &"planCompareOfflineSource".into())
                .ok()
                .and_then(|v| v.as_string());
            if let Some(source) = source {
                crate::download::save_text(OFFLINE_FILE, "text/html;charset=utf-8", &source);
            }
        };
        view! {
            <button type="button" class="pc-button" on:click=save data-testid="offline-copy">
                {Msg::OfflineCopy.text(lang)}
            </button>
        }
        .into_any()
    } else {
        view! {
            <a class="pc-button" href=OFFLINE_FILE download=OFFLINE_FILE data-testid="offline-copy">
                {Msg::OfflineCopy.text(lang)}
            </a>
        }
        .into_any()
    }
}
