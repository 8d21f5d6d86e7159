//! The last step of every import: decoded characters to plan text.

use crate::{html, Format, ImportError};

/// Decoded characters to plan text: a web page to its article ([`crate::html_to_text`]); for text
/// (and a .docx's text from [`crate::docx_xml_to_text`]) a leading byte-order mark dropped and
/// `\r\n` / `\r` line ends made `\n`. Then two checks:
///
/// - [`ImportError::NoText`] if no letter or digit is left;
/// - [`ImportError::NotText`] if more than 1% of the characters are control characters (other
///   than tab, line feed and form feed): binary data that happened to decode.
pub fn decoded_to_text(format: Format, decoded: &str) -> Result<String, ImportError> {
    let text = match format {
        Format::Html => html::html_to_text(decoded),
        _ => normalise_line_ends(decoded.strip_prefix('\u{FEFF}').unwrap_or(decoded)),
    };
    if !text.chars().any(char::is_alphanumeric) {
        return Err(ImportError::NoText);
    }
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\x0C'))
        .count();
    if controls > 4 && controls > text.chars().count() / 100 {
        return Err(ImportError::NotText { what: None });
    }
    Ok(text)
}

pub(crate) fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Lines with their ends trimmed (the start keeps its full-width indentation, `　　`, but loses
/// ASCII blanks), runs of blank lines made one, no blank line first or last, `\n` after the last.
pub(crate) fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.lines() {
        let line = line
            .trim_end()
            .trim_start_matches([' ', '\t', '\u{A0}', '\x0C']);
        if line.trim().is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if blank_pending {
            out.push('\n');
            blank_pending = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_gets_unix_line_ends_and_no_bom() {
        assert_eq!(
            decoded_to_text(Format::Text, "\u{FEFF}一\r\n二\r三\n").unwrap(),
            "一\n二\n三\n"
        );
        // Text is otherwise kept as it is: extraction quotes it verbatim.
        assert_eq!(
            decoded_to_text(Format::Text, "  　　一、总体要求  \n\n\n").unwrap(),
            "  　　一、总体要求  \n\n\n"
        );
    }

    #[test]
    fn nothing_readable_is_no_text() {
        for blank in ["", " \n\t", "\u{FEFF}", "　　", "——……"] {
            assert_eq!(
                decoded_to_text(Format::Text, blank),
                Err(ImportError::NoText),
                "{blank:?}"
            );
        }
        assert_eq!(
            decoded_to_text(Format::Html, "<script>var a = 1;</script>"),
            Err(ImportError::NoText)
        );
    }

    #[test]
    fn control_characters_mean_binary() {
        let binary = "a\x01b\x02c\x03d\x04e\x05f\x06";
        assert_eq!(
            decoded_to_text(Format::Text, binary),
            Err(ImportError::NotText { what: None })
        );
        // A stray one in a long text is fine.
        let text = format!("{}\x07", "规划".repeat(300));
        assert!(decoded_to_text(Format::Text, &text).is_ok());
    }

    #[test]
    fn tidy_lines_collapses_blank_runs_and_keeps_indentation() {
        assert_eq!(
            tidy_lines("\n\n  标题 \n\n\n　　正文\t\n \u{A0}\n\t二\n\n"),
            "标题\n\n　　正文\n\n二\n"
        );
        assert_eq!(tidy_lines(""), "");
        assert_eq!(tidy_lines(" \n \n"), "");
    }
}
