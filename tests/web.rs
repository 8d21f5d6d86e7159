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
