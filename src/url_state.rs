//! Reading view state from the URL.
//!
//! State lives in the URL so that every view is a link. Parameters may come from the query string or
//! from the hash (`#lang=en`); the hash wins because it is the form that works from `file://` and
//! survives a saved page.

use crate::i18n::Lang;

/// Decodes `%XX` escapes and `+` (as space) of one URL component. Invalid escapes are kept as
/// written and invalid UTF-8 is replaced, so any input decodes.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes[i] {
            b'%' => bytes
                .get(i + 1..i + 3)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok()),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, byte) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits `a=1&b=2` (leading `?` or `#` allowed) into decoded pairs, in order.
pub fn parse_params(raw: &str) -> Vec<(String, String)> {
    raw.trim_start_matches(['?', '#'])
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

/// The language the URL asks for, and whether the request was unreadable (so the UI can say so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangChoice {
    pub lang: Lang,
    pub unrecognised: bool,
}

/// Reads `lang` from the hash, then the query string. Absent means Chinese, silently; an unknown
/// value means Chinese with `unrecognised` set.
pub fn lang_from_url(query: &str, hash: &str) -> LangChoice {
    let requested = [hash, query]
        .iter()
        .flat_map(|part| parse_params(part))
        .find(|(key, _)| key == "lang")
        .map(|(_, value)| value);
    match requested {
        None => LangChoice {
            lang: Lang::default(),
            unrecognised: false,
        },
        Some(value) => match Lang::from_param(&value) {
            Some(lang) => LangChoice {
                lang,
                unrecognised: false,
            },
            None => LangChoice {
                lang: Lang::default(),
                unrecognised: true,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_keeps_garbage() {
        assert_eq!(percent_decode("%E6%AD%A6%E6%B1%89"), "武汉");
        assert_eq!(percent_decode("a+b"), "a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn lang_comes_from_hash_before_query() {
        assert_eq!(lang_from_url("?lang=zh", "#lang=en").lang, Lang::En);
        assert_eq!(lang_from_url("?lang=en", "").lang, Lang::En);
        assert_eq!(lang_from_url("", "").lang, Lang::Zh);
        let bad = lang_from_url("?lang=klingon", "");
        assert_eq!(
            bad,
            LangChoice {
                lang: Lang::Zh,
                unrecognised: true
            }
        );
    }
}
