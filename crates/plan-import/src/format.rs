//! What kind of file this is: from its first bytes, then its name.

use crate::{docx, ImportError, MAX_FILE_BYTES};

/// The kinds of file the import tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (in any encoding `sniff_encoding` knows).
    Text,
    /// A web page (saved from a government site).
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF: refused with how to copy its text.
    Pdf,
    /// An image, an archive, an old binary Office file, or other binary data.
    Unknown,
}

/// Known signatures of binary files: (magic bytes at offset 0, what the file is).
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"\0\0\x01\0", "an icon"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Word or Excel file (.doc/.xls): save it as .docx or .txt",
    ),
    (b"{\\rtf", "an RTF document: save it as .docx or .txt"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"\x7FELF", "a program"),
    (b"\0asm", "a WebAssembly module"),
];

/// Extensions of text formats, and of binary formats we know by name only.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml", "shtm"];
const BINARY_EXTENSIONS: &[(&str, &str)] = &[
    ("png", "a PNG image"),
    ("jpg", "a JPEG image"),
    ("jpeg", "a JPEG image"),
    ("gif", "a GIF image"),
    ("webp", "a WebP image"),
    ("doc", "an old Word file (.doc): save it as .docx or .txt"),
    ("xls", "an Excel file"),
    ("xlsx", "an Excel file"),
    ("ppt", "a PowerPoint file"),
    ("pptx", "a PowerPoint file"),
    ("zip", "a zip archive"),
    ("wps", "a WPS file: save it as .docx or .txt"),
    ("ofd", "an OFD document: save it as .docx or .txt"),
];

/// How many leading bytes are looked at for NUL bytes and for an HTML start.
const SNIFF_BYTES: usize = 8 * 1024;

/// The file's format, from its bytes first and its name second:
///
/// 1. known magic bytes decide: `%PDF` (in the first KB, as readers allow) is [`Format::Pdf`];
///    a zip (`PK\x03\x04`) is [`Format::Docx`] if it holds `word/document.xml` or is named `.docx`,
///    else [`Format::Unknown`]; images, archives and old Office files are [`Format::Unknown`];
/// 2. NUL bytes in the first 8 KB without a UTF-16 byte-order mark: [`Format::Unknown`];
/// 3. the extension: `.docx` → Docx, `.pdf` → Pdf, `.html`/`.htm`/… → Html, a known binary one
///    (`.png`, `.doc`, `.xlsx`, …) → Unknown;
/// 4. text that starts with `<!DOCTYPE html`, `<html` or `<?xml … <html`: Html;
/// 5. anything else: Text.
///
/// So a PNG renamed `.txt` is Unknown, and a page saved as `.txt` is Html.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let extension = extension(name);
    if let Some(format) = format_from_magic(bytes, &extension) {
        return format;
    }
    if has_nul_without_utf16_bom(bytes) {
        return Format::Unknown;
    }
    match extension.as_str() {
        "docx" => return Format::Docx,
        "pdf" => return Format::Pdf,
        ext if HTML_EXTENSIONS.contains(&ext) => return Format::Html,
        ext if BINARY_EXTENSIONS.iter().any(|(e, _)| *e == ext) => return Format::Unknown,
        _ => {}
    }
    if starts_like_html(bytes) {
        Format::Html
    } else {
        Format::Text
    }
}

/// The checks every import starts with: not empty, not too large, and a format that can be read
/// (Text, Html or Docx); a PDF or binary file is the error that says what it is.
pub fn check_file(name: &str, bytes: &[u8]) -> Result<Format, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    match detect_format(name, bytes) {
        Format::Pdf => Err(ImportError::Pdf),
        Format::Unknown => Err(ImportError::NotText {
            what: describe_binary(name, bytes),
        }),
        format => Ok(format),
    }
}

/// The lower-cased extension of a file name (`""` if none), whatever the path separator.
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn format_from_magic(bytes: &[u8], extension: &str) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(if extension == "docx" || docx::docx_entry(bytes).is_ok() {
            Format::Docx
        } else {
            Format::Unknown
        });
    }
    if is_webp(bytes)
        || is_bmp(bytes)
        || SIGNATURES.iter().any(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(Format::Unknown);
    }
    None
}

fn is_webp(bytes: &[u8]) -> bool {
    bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP"
}

/// `BM` alone would catch text that starts with those letters: a BMP also has four zero bytes
/// (reserved) at offset 6.
fn is_bmp(bytes: &[u8]) -> bool {
    bytes.len() >= 26 && bytes.starts_with(b"BM") && bytes[6..10] == [0, 0, 0, 0]
}

fn has_nul_without_utf16_bom(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    !utf16 && bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0)
}

/// Whether the first non-blank bytes open an HTML document (`<!DOCTYPE html`, `<html`, or
/// `<?xml` with an `<html` after it). On raw bytes this sees ASCII-compatible encodings only;
/// `file_to_text` asks again of the decoded text, so a UTF-16 page named `.txt` is a page too.
pub(crate) fn starts_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let lower: Vec<u8> = head[start..].iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return true;
    }
    lower.starts_with(b"<?xml") && lower.windows(5).any(|w| w == b"<html")
}

/// What a binary file is, for the error message.
fn describe_binary(name: &str, bytes: &[u8]) -> Option<&'static str> {
    if is_webp(bytes) {
        return Some("a WebP image");
    }
    if is_bmp(bytes) {
        return Some("a BMP image");
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some("a zip archive that is not a Word document");
    }
    if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(what);
    }
    let extension = extension(name);
    BINARY_EXTENSIONS
        .iter()
        .find(|(e, _)| *e == extension)
        .map(|(_, what)| *what)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn magic_bytes_win_over_the_name() {
        let cases: &[(&str, &[u8], Format)] = &[
            ("plan.txt", PNG, Format::Unknown),
            ("plan.txt", b"\xFF\xD8\xFF\xE0\0\x10JFIF", Format::Unknown),
            ("plan.txt", b"GIF89a\x01\0\x01\0", Format::Unknown),
            ("plan.html", b"RIFF\x10\0\0\0WEBPVP8 ", Format::Unknown),
            ("plan.txt", b"%PDF-1.4\n", Format::Pdf),
            ("plan", b"\r\n%PDF-1.7\n", Format::Pdf),
            ("plan.docx", b"%PDF-1.4\n", Format::Pdf),
            ("plan.txt", b"PK\x03\x04\x14\0", Format::Unknown),
            ("plan.docx", b"PK\x03\x04\x14\0", Format::Docx),
            (
                "plan.txt",
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0",
                Format::Unknown,
            ),
            ("plan.txt", b"{\\rtf1\\ansi", Format::Unknown),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(detect_format(name, bytes), *want, "{name} {bytes:?}");
        }
    }

    #[test]
    fn a_zip_with_word_document_xml_is_a_docx_whatever_its_name() {
        let docx = crate::docx::tests::zip_with("word/document.xml", b"<w:document/>", false);
        assert_eq!(detect_format("download.zip", &docx), Format::Docx);
        let other = crate::docx::tests::zip_with("xl/workbook.xml", b"<workbook/>", false);
        assert_eq!(detect_format("book.zip", &other), Format::Unknown);
        assert_eq!(
            check_file("book.zip", &other),
            Err(ImportError::NotText {
                what: Some("a zip archive that is not a Word document")
            })
        );
    }

    #[test]
    fn nul_bytes_mean_binary_unless_utf16_has_a_bom() {
        assert_eq!(detect_format("a.txt", b"abc\0def"), Format::Unknown);
        assert_eq!(detect_format("a.txt", b"\xFF\xFEa\0b\0"), Format::Text);
        assert_eq!(detect_format("a.txt", b"\xFE\xFF\0a\0b"), Format::Text);
        assert_eq!(detect_format("a.html", b"\xFF\xFE<\0p\0>\0"), Format::Html);
    }

    #[test]
    fn text_formats_by_extension_then_by_content() {
        let cases: &[(&str, &[u8], Format)] = &[
            ("plan.txt", "规划".as_bytes(), Format::Text),
            ("plan", "规划".as_bytes(), Format::Text),
            ("PLAN.HTM", "规划".as_bytes(), Format::Html),
            ("dir.v2/page.shtml", b"<p>x</p>", Format::Html),
            ("page.txt", b"\n  <!DOCTYPE HTML><html>", Format::Html),
            ("page.txt", b"\xEF\xBB\xBF<html lang=zh>", Format::Html),
            (
                "page",
                b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">",
                Format::Html,
            ),
            ("note.txt", b"<5% of GDP", Format::Text),
            ("note.txt", b"BMW and MZ are letters too", Format::Text),
            ("plan.docx", b"just text", Format::Docx),
            ("plan.pdf", b"just text", Format::Pdf),
            ("plan.doc", b"just text", Format::Unknown),
            (".txt", b"hidden file", Format::Text),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(detect_format(name, bytes), *want, "{name}");
        }
    }

    #[test]
    fn check_file_says_what_cannot_be_read() {
        assert_eq!(check_file("a.txt", b""), Err(ImportError::Empty));
        assert_eq!(check_file("a.txt", b"%PDF-1.4"), Err(ImportError::Pdf));
        assert_eq!(
            check_file("photo.txt", PNG),
            Err(ImportError::NotText {
                what: Some("a PNG image")
            })
        );
        assert_eq!(
            check_file("data.bin", b"\x01\x02\0\x03"),
            Err(ImportError::NotText { what: None })
        );
        assert_eq!(
            check_file("old.doc", b"text"),
            Err(ImportError::NotText {
                what: Some("an old Word file (.doc): save it as .docx or .txt")
            })
        );
        assert_eq!(check_file("a.txt", "规划".as_bytes()), Ok(Format::Text));
        let big = vec![b'x'; MAX_FILE_BYTES + 1];
        assert_eq!(
            check_file("a.txt", &big),
            Err(ImportError::TooLarge {
                bytes: big.len() as u64
            })
        );
    }
}
