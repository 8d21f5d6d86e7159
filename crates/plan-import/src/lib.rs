//! Turning a user's file (its bytes and its name) into plan text, for `plan_extract::extract_plan`.
//!
//! The same functions serve the CLI (natively, every feature on) and the browser app (from wasm,
//! no feature on). Each step is a separate, pure function so that the browser can do the two heavy
//! ones with what it already has:
//!
//! ```text
//! bytes ─check_file()─▶ Format
//!   Text / Html: sniff_encoding() ─▶ decode_utf()      | decode_gb18030()   (feature `gb18030`;
//!                                                       |  browser: TextDecoder("gb18030"))
//!                ─▶ decoded_to_text(format, &str)        (HTML → article text; line ends; "no text")
//!   Docx:        docx_entry() ─▶ inflate                 (feature `inflate`;
//!                                                          browser: DecompressionStream("deflate-raw"))
//!                ─▶ docx_xml_to_text() ─▶ decoded_to_text(Format::Docx, …)
//! ```
//!
//! `file_to_text` runs the whole chain (with both features).
//!
//! **Inert.** HTML and XML are read by plain string processing: nothing is executed, loaded or
//! fetched, and `<script>` and the like are dropped with their content.
//!
//! **Never panics** on any input (property tests over arbitrary bytes and strings); what cannot be
//! read is an [`ImportError`] with a stable [`code`](ImportError::code).
//!
//! **Strict decoding.** Bytes that are not valid in the encoding they are read as (a lone UTF-16
//! surrogate, a broken UTF-8 sequence, a malformed GB18030 sequence) are an error naming the byte
//! offset, never a silent U+FFFD: the extraction quotes the text verbatim, so a quote must never
//! contain a character the user's file does not.

mod docx;
mod encoding;
mod entities;
mod format;
mod html;
mod text;

use std::fmt;

pub use docx::{docx_entry, docx_xml_to_text, ZipEntry, MAX_XML_BYTES};
#[cfg(feature = "inflate")]
pub use docx::{docx_to_text, inflate_entry};
#[cfg(feature = "gb18030")]
pub use encoding::decode_gb18030;
pub use encoding::{decode_utf, sniff_encoding, Encoding};
pub use format::{check_file, detect_format, Format};
pub use html::html_to_text;
pub use text::decoded_to_text;

/// Files larger than this are refused ([`ImportError::TooLarge`]): the longest plans are well under
/// 1 MB of text, and a saved page or a .docx with images rarely passes 10 MB.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file has no bytes.
    Empty,
    /// More than [`MAX_FILE_BYTES`] (or a .docx whose text would be larger than that).
    TooLarge { bytes: u64 },
    /// A PDF: its text must be copied out of a PDF viewer.
    Pdf,
    /// An image, an archive or other binary data; `what` names it when its signature is known.
    NotText { what: Option<&'static str> },
    /// A .docx (or a file named so) whose zip or XML cannot be read.
    BadDocx { reason: String },
    /// The bytes are not valid in the encoding they were read as.
    BadEncoding {
        encoding: Encoding,
        /// Byte offset into the file of the first invalid sequence.
        offset: usize,
        reason: &'static str,
    },
    /// Decoded, but no letters or digits remain (e.g. a page that is all script and menus).
    NoText,
}

impl ImportError {
    /// A stable, machine-readable code (for tests, scripts and the app's own wording).
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "empty",
            ImportError::TooLarge { .. } => "too-large",
            ImportError::Pdf => "pdf",
            ImportError::NotText { .. } => "not-text",
            ImportError::BadDocx { .. } => "bad-docx",
            ImportError::BadEncoding { .. } => "bad-encoding",
            ImportError::NoText => "no-text",
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::TooLarge { bytes } => write!(
                f,
                "the file is too large ({bytes} bytes; the limit is {} MB)",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ImportError::Pdf => write!(
                f,
                "a PDF cannot be read directly: open the PDF, select all (Ctrl+A), copy (Ctrl+C) \
                 and paste the text, or save it as a .txt file"
            ),
            ImportError::NotText { what } => write!(
                f,
                "not a text document ({}); use a .txt, .html or .docx file",
                what.unwrap_or("binary data")
            ),
            ImportError::BadDocx { reason } => write!(f, "not a readable .docx file: {reason}"),
            ImportError::BadEncoding {
                encoding,
                offset,
                reason,
            } => write!(
                f,
                "the text is not valid {} at byte {offset}: {reason}; save it as UTF-8 and try again",
                encoding.name()
            ),
            ImportError::NoText => write!(f, "no readable text in the file"),
        }
    }
}

impl std::error::Error for ImportError {}

/// A file read as plan text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The plan text: UTF-8, `\n` line ends, no byte-order mark. Extraction spans refer to this.
    pub text: String,
    pub format: Format,
    /// The encoding the bytes were read as (`Utf8` for a .docx, whose XML is UTF-8 by the standard).
    pub encoding: Encoding,
}

/// The whole chain for a file: format, encoding, decoding, HTML or .docx to text.
#[cfg(all(feature = "gb18030", feature = "inflate"))]
pub fn file_to_text(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let format = check_file(name, bytes)?;
    let (decoded, encoding) = match format {
        Format::Docx => (docx_to_text(bytes)?, Encoding::Utf8),
        Format::Text | Format::Html => {
            let encoding = sniff_encoding(bytes);
            let decoded = match encoding {
                Encoding::Gb18030 => decode_gb18030(bytes)?,
                _ => decode_utf(bytes, encoding)?,
            };
            (decoded, encoding)
        }
        // `check_file` answers these with an error.
        Format::Pdf => return Err(ImportError::Pdf),
        Format::Unknown => return Err(ImportError::NotText { what: None }),
    };
    // A page in UTF-16 could not be seen as one in its bytes.
    let format = if format == Format::Text && format::starts_like_html(decoded.as_bytes()) {
        Format::Html
    } else {
        format
    };
    let text = decoded_to_text(format, &decoded)?;
    Ok(Imported {
        text,
        format,
        encoding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_code_and_an_english_message() {
        let errors = [
            ImportError::Empty,
            ImportError::TooLarge { bytes: 30_000_000 },
            ImportError::Pdf,
            ImportError::NotText {
                what: Some("a PNG image"),
            },
            ImportError::NotText { what: None },
            ImportError::BadDocx {
                reason: "no word/document.xml".into(),
            },
            ImportError::BadEncoding {
                encoding: Encoding::Utf16Le,
                offset: 4,
                reason: "a lone surrogate",
            },
            ImportError::NoText,
        ];
        let codes: Vec<&str> = errors.iter().map(ImportError::code).collect();
        assert_eq!(
            codes,
            [
                "empty",
                "too-large",
                "pdf",
                "not-text",
                "not-text",
                "bad-docx",
                "bad-encoding",
                "no-text"
            ]
        );
        for e in &errors {
            let message = e.to_string();
            assert!(message.is_ascii() && !message.is_empty(), "{message}");
        }
        assert!(ImportError::Pdf.to_string().contains("Ctrl+A"));
        assert!(ImportError::Pdf.to_string().contains("Ctrl+C"));
        assert_eq!(
            errors[3].to_string(),
            "not a text document (a PNG image); use a .txt, .html or .docx file"
        );
        assert!(errors[6].to_string().contains("UTF-16LE at byte 4"));
    }
}

#[cfg(all(test, feature = "gb18030", feature = "inflate"))]
mod file_tests {
    use super::*;

    #[test]
    fn reads_text_in_every_encoding_to_the_same_string() {
        let plan = "北京市人工智能发展规划\r\n一、总体要求\r\n到2025年,产业规模达到3000亿元。\r\n";
        let want = "北京市人工智能发展规划\n一、总体要求\n到2025年,产业规模达到3000亿元。\n";
        let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
        utf8_bom.extend_from_slice(plan.as_bytes());
        let mut le = vec![0xFF, 0xFE];
        le.extend(plan.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(plan.encode_utf16().flat_map(u16::to_be_bytes));
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(plan);
        assert!(!unmappable);
        for (bytes, encoding) in [
            (plan.as_bytes().to_vec(), Encoding::Utf8),
            (utf8_bom, Encoding::Utf8Bom),
            (le, Encoding::Utf16Le),
            (be, Encoding::Utf16Be),
            (gbk.into_owned(), Encoding::Gb18030),
        ] {
            let imported = file_to_text("plan.txt", &bytes).unwrap();
            assert_eq!(imported.text, want, "{encoding:?}");
            assert_eq!(imported.encoding, encoding);
            assert_eq!(imported.format, Format::Text);
        }
    }

    #[test]
    fn refuses_what_is_not_a_text_with_its_code() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        let cases: [(&str, &[u8], &str); 6] = [
            ("empty.txt", b"", "empty"),
            ("image.txt", png, "not-text"),
            ("plan.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "pdf"),
            ("plan.docx", b"PK\x03\x04 not really a zip", "bad-docx"),
            (
                "page.html",
                b"<script>alert(1)</script><nav>menu</nav>",
                "no-text",
            ),
            ("blank.txt", b" \r\n\t\n", "no-text"),
        ];
        for (name, bytes, code) in cases {
            assert_eq!(
                file_to_text(name, bytes).unwrap_err().code(),
                code,
                "{name}"
            );
        }
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(
            file_to_text("big.txt", &big).unwrap_err().code(),
            "too-large"
        );
    }

    #[test]
    fn reads_a_saved_page_and_a_docx() {
        let page = "<html><head><title>规划_某市政府</title><script>alert(1)</script></head>\
            <body><div id=\"zoom\"><p>一、总体要求</p><p>到2025年,产业规模达到3000亿元。</p></div></body></html>";
        let imported = file_to_text("page.htm", page.as_bytes()).unwrap();
        assert_eq!(imported.format, Format::Html);
        assert_eq!(
            imported.text,
            "规划\n一、总体要求\n到2025年,产业规模达到3000亿元。\n"
        );
        // A page saved in UTF-16 under a .txt name is still a page.
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(page.encode_utf16().flat_map(u16::to_le_bytes));
        let imported = file_to_text("page.txt", &utf16).unwrap();
        assert_eq!(
            (imported.format, imported.encoding),
            (Format::Html, Encoding::Utf16Le)
        );
        assert!(imported.text.starts_with("规划\n一、总体要求\n"));
        let docx = crate::docx::tests::zip_with(
            "word/document.xml",
            b"<w:document><w:body><w:p><w:r><w:t>\xE8\xA7\x84\xE5\x88\x92</w:t></w:r></w:p></w:body></w:document>",
            true,
        );
        let imported = file_to_text("plan.docx", &docx).unwrap();
        assert_eq!(imported.format, Format::Docx);
        assert_eq!(imported.text, "规划\n");
    }
}
