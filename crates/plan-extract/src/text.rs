//! Small text helpers shared by the extractors. All offsets are UTF-8 byte offsets and every
//! function returns offsets on character boundaries, so slicing with them cannot panic.

use plan_model::Span;

/// Lines of `text` with their spans (line terminators excluded).
pub fn lines(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        (Span::new(start, start + line.len()), line)
    })
}

/// Whitespace, including the ideographic space that Chinese documents indent with.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// The span of `span` in `text` without leading and trailing whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let leading = slice.len() - slice.trim_start_matches(is_space).len();
    let trailing = slice.len() - slice.trim_end_matches(is_space).len();
    if leading == slice.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + leading, span.end - trailing)
}

/// Characters that end a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '!' | '?' | '\u{FF01}' | '\u{FF1F}' | ';' | '\u{FF1B}'
    )
}

/// Characters that may end a paragraph: a sentence end, or a closing bracket or quote that follows one.
pub fn ends_paragraph(line: &str) -> bool {
    line.trim_end_matches(is_space)
        .chars()
        .next_back()
        .is_some_and(|c| {
            ends_sentence(c) || matches!(c, ')' | '\u{FF09}' | '”' | '」' | ':' | '\u{FF1A}')
        })
}

/// Sentences of `span` in `text`: runs ending with a sentence-ending character (included) or a line
/// break. Leading and trailing whitespace is trimmed; empty sentences are skipped.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for (i, c) in span.slice(text).char_indices() {
        let at = span.start + i;
        let end = if ends_sentence(c) {
            Some(at + c.len_utf8())
        } else if c == '\n' {
            Some(at)
        } else {
            None
        };
        if let Some(end) = end {
            let s = trim_span(text, Span::new(start, end));
            if !s.is_empty() {
                out.push(s);
            }
            start = if c == '\n' { at + 1 } else { end };
        }
    }
    let tail = trim_span(text, Span::new(start, span.end));
    if !tail.is_empty() {
        out.push(tail);
    }
    out
}

/// Value of an ASCII or full-width (U+FF10–FF19) decimal digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// Value of a Chinese numeral of one to three characters (一 … 九十九), as used in headings.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    fn unit(c: char) -> Option<u32> {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => unit(*c).filter(|v| *v > 0),
        ['十', c] => unit(*c).map(|v| 10 + v),
        [c, '十'] => unit(*c).map(|v| v * 10),
        [a, '十', b] => Some(unit(*a)? * 10 + unit(*b)?),
        _ => None,
    }
}

pub fn is_chinese_numeral_char(c: char) -> bool {
    matches!(
        c,
        '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Years named as `YYYY年` in `s` (1949–2100), in order of appearance, without repeats.
pub fn years_named(s: &str) -> Vec<u16> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('年') {
        if let Some(year) = year_before(s, i) {
            if !out.contains(&year) {
                out.push(year);
            }
        }
    }
    out
}

/// Where the four digits of the year that ends right before byte `at` of `s` begin (after
/// trimming spaces before `at`). Digits may be ASCII or full-width (three bytes each), so the start
/// is found by characters, never by `len() - 4`.
pub fn year_digits_start(s: &str, at: usize) -> Option<usize> {
    let head = s.get(..at)?.trim_end_matches(' ');
    let (start, count) = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| digit_value(*c).is_some())
        .fold((head.len(), 0), |(_, n), (i, _)| (i, n + 1));
    (count == 4).then_some(start)
}

/// The four-digit year that ends right before byte `at` of `s` (allowing one space), if any.
pub fn year_before(s: &str, at: usize) -> Option<u16> {
    let head = s[..at].trim_end_matches(' ');
    let digits: String = head
        .chars()
        .rev()
        .take_while(|c| digit_value(*c).is_some())
        .collect();
    if digits.chars().count() != 4 {
        return None;
    }
    let year = digits
        .chars()
        .rev()
        .try_fold(0u32, |acc, c| Some(acc * 10 + digit_value(c)?))?;
    (1949..=2100).contains(&year).then_some(year as u16)
}

/// `haystack.starts_with(needle)` for the short needles of keyword sets, without a call to
/// `memcmp` (which in wasm is a slow byte loop): compare the first eight bytes as one integer, then
/// the rest.
fn starts_with_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    if haystack.len() < needle.len() {
        return false;
    }
    let head = needle.len().min(8);
    let load = |bytes: &[u8]| {
        bytes[..head]
            .iter()
            .fold(0u64, |acc, b| acc << 8 | u64::from(*b))
    };
    load(haystack) == load(needle) && haystack[head..needle.len()] == needle[head..]
}

/// Many keywords searched in one pass: keywords are grouped by their first character, so each
/// position of the text is compared with the few keywords that can start there. Measured on the
/// seeds, this is several times faster than one `contains` per keyword.
pub struct KeywordSet {
    /// Keywords grouped by first character, sorted by it.
    groups: Vec<(char, Vec<(&'static str, usize)>)>,
    /// One bit per character below U+A000 (ASCII to the end of the CJK block): set when some
    /// keyword starts with it. Most characters of a text start none and are ruled out by one
    /// read, without a search (5 KB per set).
    first: Vec<u64>,
}

const BITMAP_CHARS: usize = 0xA000;

impl KeywordSet {
    /// `keywords`: each with the id it reports (e.g. the index of its sector).
    pub fn new(keywords: impl IntoIterator<Item = (&'static str, usize)>) -> KeywordSet {
        // Sorted by first character (stable: keywords keep their order within a group), then
        // grouped in one pass.
        let mut all: Vec<(char, &'static str, usize)> = keywords
            .into_iter()
            .filter_map(|(k, id)| Some((k.chars().next()?, k, id)))
            .collect();
        plan_sort::sort_by_key(&mut all, |(c, _, _)| *c);
        let mut groups: Vec<(char, Vec<(&'static str, usize)>)> = Vec::new();
        for (first, keyword, id) in all {
            match groups.last_mut() {
                Some((c, group)) if *c == first => group.push((keyword, id)),
                _ => groups.push((first, vec![(keyword, id)])),
            }
        }
        plan_sort::sort_by_key(&mut groups, |(c, _)| *c);
        let mut first = vec![0u64; BITMAP_CHARS / 64];
        for (c, _) in &groups {
            if let Some(word) = first.get_mut(*c as usize / 64) {
                *word |= 1 << (*c as usize % 64);
            }
        }
        KeywordSet { groups, first }
    }

    fn group_of(&self, c: char) -> Option<&[(&'static str, usize)]> {
        let code = c as usize;
        if code < BITMAP_CHARS && self.first[code / 64] & (1 << (code % 64)) == 0 {
            return None;
        }
        self.groups
            .binary_search_by_key(&c, |(first, _)| *first)
            .ok()
            .map(|i| self.groups[i].1.as_slice())
    }

    /// Every occurrence in `text`: byte offset, keyword and id, in text order.
    pub fn find_all<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, &'static str, usize)> + 'a {
        text.char_indices()
            .filter_map(move |(at, c)| self.group_of(c).map(|g| (at, g)))
            .flat_map(move |(at, group)| {
                group
                    .iter()
                    .filter(move |(keyword, _)| {
                        starts_with_bytes(&text.as_bytes()[at..], keyword.as_bytes())
                    })
                    .map(move |(keyword, id)| (at, *keyword, *id))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", Some(1)),
            ("十", Some(10)),
            ("十一", Some(11)),
            ("二十", Some(20)),
            ("二十三", Some(23)),
            ("零", None),
            ("一二", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(chinese_numeral(input), expected, "{input}");
        }
    }

    #[test]
    fn sentences_split_on_full_stops_and_lines() {
        let text = "到2025年,规模达400亿元。带动相关产业;\n新的一行";
        let got: Vec<_> = sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            got,
            vec!["到2025年,规模达400亿元。", "带动相关产业;", "新的一行"]
        );
    }

    #[test]
    fn years() {
        assert_eq!(
            years_named("到2025年和2030 年,以及3000年、20年"),
            vec![2025, 2030]
        );
    }

    #[test]
    fn keyword_set_finds_every_occurrence() {
        let set = KeywordSet::new([("机器人", 0), ("机器", 1), ("芯片", 2)]);
        let found: Vec<_> = set.find_all("工业机器人和芯片,机器").collect();
        assert_eq!(
            found,
            vec![
                (6, "机器人", 0),
                (6, "机器", 1),
                (18, "芯片", 2),
                (25, "机器", 1)
            ]
        );
        assert_eq!(set.find_all("").count(), 0);
    }

    #[test]
    fn trims_ideographic_space() {
        let text = "\u{3000} 正文 ";
        assert_eq!(
            trim_span(text, Span::new(0, text.len())).slice(text),
            "正文"
        );
    }
}
