//! Browser tests of the mount (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn count(selector: &str) -> u32 {
    document().query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
fn mount_replaces_a_rendered_copy_instead_of_appending() {
    // A saved page or the static first view already holds markup inside #app.
    let body = document().body().unwrap();
    let root = document().create_element("div").unwrap();
    root.set_id(plan_compare::MOUNT_ID);
    root.set_inner_html(
        r#"<ul><li data-testid="plan">stale copy</li></ul><p class="stale">old</p>"#,
    );
    body.append_child(&root).unwrap();

    plan_compare::start();
    assert_eq!(count(".stale"), 0, "the stale copy must be gone");
    assert_eq!(count("[data-testid=plan]"), 5, "five plans, once each");

    // Starting again (e.g. a second script tag) still shows the UI once.
    plan_compare::start();
    assert_eq!(count("[data-testid=app-root]"), 1);
    assert_eq!(count("[data-testid=plan]"), 5);
}

#[wasm_bindgen_test]
fn a_panic_shows_a_visible_panel_with_a_reload_button() {
    plan_compare::fatal::show_panel("index out of bounds");
    let panel = document()
        .query_selector("[data-testid=fatal-error]")
        .unwrap()
        .expect("panel shown");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap_or_default();
    assert!(
        text.contains("重新加载"),
        "reload hint in Chinese by default: {text}"
    );
    assert!(text.contains("index out of bounds"), "the detail is shown");
    let button = panel.query_selector("button[data-action=reload]").unwrap();
    assert!(button.is_some(), "a reload button boot.js serves");
}
