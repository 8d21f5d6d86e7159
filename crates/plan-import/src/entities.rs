//! Character references (`&amp;`, `&#20154;`, `&#x4EBA;`) in HTML and XML text.

/// The named references that occur in government pages and Word XML. Spaces of every width become
/// a plain space: they are layout, and extraction reads plain text.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("ideographicspace", "\u{3000}"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("hellip", "…"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("middot", "·"),
    ("bull", "•"),
    ("times", "×"),
    ("divide", "÷"),
    ("plusmn", "±"),
    ("deg", "°"),
    ("permil", "‰"),
    ("yen", "¥"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("sect", "§"),
    ("le", "≤"),
    ("ge", "≥"),
    ("ne", "≠"),
    ("asymp", "≈"),
    ("rarr", "→"),
    ("larr", "←"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("shy", ""),
    ("zwsp", ""),
];

/// The longest reference looked at, `&` to `;` included (`&ideographicspace;`, `&#x10FFFF;`).
const MAX_LEN: usize = 20;

/// Appends `text` to `out` with its character references decoded. A reference must end in `;`;
/// an unknown name or a number that is no character (0, a surrogate, past U+10FFFF) becomes
/// U+FFFD for numbers and stays as written for names. Never panics.
pub(crate) fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((decoded, len)) => {
                decoded.push_to(out);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// A decoded reference: a named string or one character.
enum Decoded {
    Str(&'static str),
    Char(char),
}

impl Decoded {
    fn push_to(self, out: &mut String) {
        match self {
            Decoded::Str(s) => out.push_str(s),
            Decoded::Char(c) => out.push(c),
        }
    }
}

/// The reference at the start of `s` (which starts with `&`) and its length in bytes.
fn reference(s: &str) -> Option<(Decoded, usize)> {
    let window = s.get(1..).unwrap_or("");
    let semi = window.bytes().take(MAX_LEN).position(|b| b == b';')?;
    let body = &window[..semi]; // ASCII `;` found: a char boundary
    let len = semi + 2;
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        let c = u32::from_str_radix(digits, radix)
            .ok()
            .filter(|&v| v != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        return Some((Decoded::Char(c), len));
    }
    NAMED
        .iter()
        .find(|(name, _)| *name == body)
        .map(|(_, decoded)| (Decoded::Str(decoded), len))
}

#[cfg(test)]
pub(crate) fn decode(text: &str) -> String {
    let mut out = String::new();
    push_decoded(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_named_and_numeric_references() {
        let cases = [
            ("a &amp; b", "a & b"),
            ("&lt;script&gt;", "<script>"),
            ("&#20154;&#x5DE5;&#X667A;能", "人工智能"),
            ("&ldquo;十四五&rdquo;&mdash;规划", "“十四五”—规划"),
            ("&nbsp;&nbsp;一、", "  一、"),
            ("&#0; &#xD800; &#x110000;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
            ("&#9999999999;", "\u{FFFD}"),
            ("&#99999999999999999999;", "&#99999999999999999999;"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input), want, "{input}");
        }
    }

    #[test]
    fn leaves_what_is_not_a_reference() {
        for text in [
            "AT&T",
            "a & b",
            "&unknown;",
            "&amp",
            "&#;",
            "&#x;",
            "&#-1;",
            "&#+1;",
            "&#x+1;",
            "&&&",
            "&",
            "&人;",
            "&#12a;",
        ] {
            assert_eq!(decode(text), text, "{text}");
        }
    }
}
