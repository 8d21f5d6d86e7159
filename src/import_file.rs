//! A user's file to plan text, in the browser. The steps are `plan_import`'s (the same as the
//! CLI's); the two heavy ones use what the browser already has, so they cost no wasm: GB18030 with
//! `TextDecoder("gb18030")` and a .docx's deflated XML with `DecompressionStream("deflate-raw")`.

use js_sys::{Array, Reflect, Uint8Array};
use plan_import::{
    check_file, decode_utf, decoded_to_text, docx_entry, docx_xml_to_text, sniff_encoding,
    Encoding, Format, ImportError,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::ImportMessage;

/// What a file holds.
pub enum FileContent {
    /// The text of a plan.
    Plan(String),
    /// A workspace file (JSON), to be read by `plan_library::parse_workspace`.
    Workspace(String),
}

/// The message for a file `plan_import` refuses.
pub fn refusal(name: &str, error: &ImportError) -> ImportMessage {
    let name = name.to_string();
    match error {
        ImportError::Empty => ImportMessage::Empty(name),
        ImportError::TooLarge { bytes } => {
            ImportMessage::TooLarge(name, usize::try_from(*bytes).unwrap_or(usize::MAX))
        }
        ImportError::Pdf => ImportMessage::Pdf(name),
        ImportError::NotText { .. } => ImportMessage::NotText(name),
        ImportError::BadDocx { reason } => ImportMessage::BadDocx(name, reason.clone()),
        ImportError::BadEncoding { .. } => ImportMessage::BadEncoding(name),
        ImportError::NoText => ImportMessage::Empty(name),
    }
}

/// GB18030 (a superset of GBK) by the browser's own decoder; malformed bytes are an error, never
/// a replacement character in a quote.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Inflates raw deflate data with the browser's `DecompressionStream`.
async fn inflate_raw(data: &[u8]) -> Result<Vec<u8>, JsValue> {
    let global = js_sys::global();
    let constructor: js_sys::Function =
        Reflect::get(&global, &"DecompressionStream".into())?.dyn_into()?;
    let stream = Reflect::construct(&constructor, &Array::of1(&"deflate-raw".into()))?;
    let parts = Array::of1(&Uint8Array::from(data));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let source = blob.stream();
    let pipe: js_sys::Function = Reflect::get(&source, &"pipeThrough".into())?.dyn_into()?;
    let inflated = pipe.call1(&source, &stream)?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(inflated.unchecked_ref()))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The text of `name`'s `bytes` read as `format` (plain text or a web page), in whichever encoding
/// they are.
fn text_of(name: &str, format: Format, bytes: &[u8]) -> Result<String, ImportMessage> {
    let decoded = match sniff_encoding(bytes) {
        Encoding::Gb18030 => {
            decode_gb18030(bytes).ok_or_else(|| ImportMessage::BadEncoding(name.to_string()))?
        }
        encoding => decode_utf(bytes, encoding).map_err(|e| refusal(name, &e))?,
    };
    decoded_to_text(format, &decoded).map_err(|e| refusal(name, &e))
}

/// Reads `name`'s `bytes` as a plan text or a workspace file.
pub async fn read_file(name: &str, bytes: &[u8]) -> Result<FileContent, ImportMessage> {
    if name.to_ascii_lowercase().ends_with(".json") {
        return text_of(name, Format::Text, bytes).map(FileContent::Workspace);
    }
    match check_file(name, bytes).map_err(|e| refusal(name, &e))? {
        Format::Docx => {
            let entry = docx_entry(bytes).map_err(|e| refusal(name, &e))?;
            let xml_bytes = match entry.method {
                0 => entry.data.to_vec(),
                _ => inflate_raw(entry.data)
                    .await
                    .map_err(|_| ImportMessage::BadDocx(name.to_string(), "deflate".into()))?,
            };
            let xml = String::from_utf8(xml_bytes).map_err(|_| {
                ImportMessage::BadDocx(name.to_string(), "word/document.xml".into())
            })?;
            let text = decoded_to_text(Format::Docx, &docx_xml_to_text(&xml))
                .map_err(|e| refusal(name, &e))?;
            Ok(FileContent::Plan(text))
        }
        format => text_of(name, format, bytes).map(FileContent::Plan),
    }
}
