//! Downloads made in the browser: CSV, JSON, SVG and PNG of what is shown. Nothing leaves the
//! machine: files are built from blobs and handed to the browser's download.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn save_url(url: &str, filename: &str) {
    let Ok(anchor) = document().create_element("a") else {
        return;
    };
    let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.set_class_name("pc-hidden");
    if let Some(body) = document().body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
}

/// Offers `content` as a file named `filename` of type `mime`.
pub fn save_text(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    save_url(&url, filename);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// CSV with a byte-order mark, so that Excel reads the Chinese as UTF-8.
pub fn save_csv(filename: &str, csv: &str) {
    save_text(
        filename,
        "text/csv;charset=utf-8",
        &format!("\u{FEFF}{csv}"),
    );
}

/// Saves `value` as pretty-printed JSON (the documented export schema, `docs/data-format.md`).
pub fn save_json(filename: &str, value: &impl serde::Serialize) {
    let json = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    save_text(filename, "application/json;charset=utf-8", &json);
}

/// The markup of the SVG element with id `svg_id`, standalone (with its namespace and the
/// stylesheet rules it needs inlined as presentation attributes already).
pub fn svg_markup(svg_id: &str) -> Option<String> {
    let svg = document().get_element_by_id(svg_id)?;
    let markup = svg.outer_html();
    Some(if markup.contains("xmlns=") {
        markup
    } else {
        markup.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1)
    })
}

pub fn save_svg(svg_id: &str, filename: &str) {
    if let Some(markup) = svg_markup(svg_id) {
        save_text(filename, "image/svg+xml;charset=utf-8", &markup);
    }
}

/// Draws the SVG into a canvas at twice its size and offers it as PNG. The SVG is loaded as a
/// `data:` image, which a strict CSP allows (`img-src 'self' data:`).
pub fn save_png(svg_id: &str, filename: &str) {
    let Some(markup) = svg_markup(svg_id) else {
        return;
    };
    let Some(svg) = document().get_element_by_id(svg_id) else {
        return;
    };
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0) * 2.0, rect.height().max(1.0) * 2.0);
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let filename = filename.to_string();
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let Ok(canvas) = document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(width as u32);
        canvas.set_height(height as u32);
        let Ok(Some(context)) = canvas.get_context("2d") else {
            return;
        };
        let context: web_sys::CanvasRenderingContext2d = context.unchecked_into();
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, width, height);
        let _ = context
            .draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, width, height);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            save_url(&url, &filename);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let encoded = js_sys::encode_uri_component(&markup);
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

/// Opens the print dialog (the print stylesheet keeps only the view).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
