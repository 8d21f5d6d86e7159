//! AI Plan Compare (人工智能规划对比): the Leptos (CSR) app.
//!
//! Components here stay thin: they read the URL, call into the pure crates (`plan_analysis`, `plan_extract`) and draw the result.
//! See ARCHITECTURE.md for the bird's-eye view.

mod app;
mod builtin;
mod corrections;
mod download;
mod embed;
#[doc(hidden)]
pub mod fatal;
pub mod i18n;
mod import_file;
mod library;
mod perf;
mod state;
mod store;
mod tasks;
pub mod url_state;
pub mod view_state;
mod views;

pub use app::App;

use wasm_bindgen::JsCast;

/// Id of the element the app takes over. `index.html` holds it, with a static first view inside.
pub const MOUNT_ID: &str = "app";

/// Starts the app: installs the panic panel, clears the mount element and mounts into it.
///
/// The mount element is emptied first because it may already hold a rendered copy of the UI: the
/// static first view of `index.html`, or the live DOM of a page saved with the browser's
/// "Save page as". Mounting by appending would show the UI twice.
pub fn start() {
    fatal::install_panic_panel();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root = match document.get_element_by_id(MOUNT_ID) {
        Some(root) => root,
        None => {
            // A host page without our element still gets the app, at the end of <body>.
            let root = document
                .create_element("div")
                .expect("create mount element");
            root.set_id(MOUNT_ID);
            document
                .body()
                .expect("a <body>")
                .append_child(&root)
                .expect("append mount element");
            root
        }
    };
    // A page saved with "Save page as" has no hash when reopened from disk; the view it showed is
    // kept on the mount element (see `App`), so it opens where it was saved.
    let saved = root
        .get_attribute("data-state")
        .filter(|s| s.starts_with('#'));
    let location = web_sys::window().map(|w| w.location());
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    if let (Some(saved), true) = (saved, hash.len() <= 1) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&saved));
        }
    }
    // Replaces the static first view, and the pre-rendered overview of the hosted page.
    root.set_inner_html("");
    root.remove_attribute("data-prerendered").ok();
    root.set_attribute("data-mounted", "true").ok();
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root, App).forget();
}

/// For `scripts/bench.sh`: extracts the five seeds and returns how long it took in milliseconds:
/// what start-up would cost if the built-in plans were not read back from their build-time
/// extraction (`src/builtin.rs`). The first call includes the browser compiling the code.
#[doc(hidden)]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_extract_again() -> f64 {
    let start = perf::now();
    let plans = plan_extract::extract_seeds();
    let elapsed = perf::now() - start;
    std::hint::black_box(plans);
    elapsed
}
