//! Headings: 一、 / (一) / 1. / (1), in full-width and half-width forms, and the articles form
//! 第一章 / 第一节 / 第一条 (levels 1, 2, 3 as their families), including a heading run into the one
//! before it on the same line (`(三)统筹规划政策试验11.发展负责任的…`).

use crate::text::{chinese_numeral, digit_value, is_chinese_numeral_char, is_space};
use plan_model::Span;

/// A heading found at the start of a line (or run into a heading on the same line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawHeading {
    pub level: u8,
    pub number: u32,
    /// Marker span (e.g. `(三)`).
    pub marker: Span,
    /// Title span: after the marker up to (not including) the first full stop, or to the line end.
    pub title: Span,
    /// Where the heading's own line text continues after its title and full stop.
    pub body_start: usize,
}

const OPEN: [char; 2] = ['(', '\u{FF08}'];
const CLOSE: [char; 2] = [')', '\u{FF09}'];
/// Longest title kept as a heading title; longer text without a full stop is body text.
const MAX_TITLE_CHARS: usize = 40;

/// Reads a heading marker at the start of `s`: `(level, number, marker length in bytes)`.
fn marker(s: &str) -> Option<(u8, u32, usize)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if OPEN.contains(&first) {
        let inner_start = first.len_utf8();
        let close = s[inner_start..].find(CLOSE)? + inner_start;
        let inner = &s[inner_start..close];
        let marker_len = close + s[close..].chars().next()?.len_utf8();
        if !inner.is_empty() && inner.chars().all(is_chinese_numeral_char) {
            return Some((2, chinese_numeral(inner)?, marker_len));
        }
        if !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| digit_value(c).is_some())
        {
            return Some((4, parse_digits(inner)?, marker_len));
        }
        return None;
    }
    if first == '第' {
        let numeral_start = first.len_utf8();
        let numeral_end =
            numeral_start + s[numeral_start..].find(|c: char| !is_chinese_numeral_char(c))?;
        let rest = &s[numeral_end..];
        let (level, word) = if rest.starts_with("部分") {
            (1, "部分")
        } else {
            match rest.chars().next()? {
                '章' => (1, "章"),
                '节' => (2, "节"),
                '条' => (3, "条"),
                _ => return None,
            }
        };
        let number = chinese_numeral(&s[numeral_start..numeral_end])?;
        let marker_len = numeral_end + word.len();
        // `第一章总体要求` or `第一章 总体要求`; spaces after the marker belong to neither.
        return Some((level, number, marker_len));
    }
    if is_chinese_numeral_char(first) {
        let numeral_end = s.find(|c: char| !is_chinese_numeral_char(c))?;
        let rest = &s[numeral_end..];
        return rest.starts_with('、').then(|| {
            Some((
                1,
                chinese_numeral(&s[..numeral_end])?,
                numeral_end + '、'.len_utf8(),
            ))
        })?;
    }
    if digit_value(first).is_some() {
        let digits_end = s.find(|c: char| digit_value(c).is_none())?;
        if digits_end > 3 {
            return None;
        }
        let sep = s[digits_end..].chars().next()?;
        let after = s[digits_end + sep.len_utf8()..].chars().next();
        // `2.0` or `3.5亿` is a number, not a heading; so is `1.` at the very end of a line.
        let is_sep = matches!(sep, '.' | '、' | '\u{FF0E}')
            && after.is_some_and(|c| digit_value(c).is_none() && !is_space(c));
        return is_sep.then(|| {
            Some((
                3,
                parse_digits(&s[..digits_end])?,
                digits_end + sep.len_utf8(),
            ))
        })?;
    }
    None
}

fn parse_digits(s: &str) -> Option<u32> {
    s.chars().try_fold(0u32, |acc, c| {
        acc.checked_mul(10)?.checked_add(digit_value(c)?)
    })
}

/// Headings at the start of the line `line` (which starts at byte `offset` of the text).
///
/// `next_numbered` is the number a run-in numbered heading must carry to be taken as one: documents
/// that run a heading into the previous line number their entries continuously, so requiring the
/// expected number keeps `5G` or `3D打印` from being mistaken for headings.
pub fn headings_in_line(line: &str, offset: usize, next_numbered: u32) -> Vec<RawHeading> {
    let indent = line.len() - line.trim_start_matches(is_space).len();
    let mut out = Vec::new();
    let Some((level, number, marker_len)) = marker(&line[indent..]) else {
        return out;
    };
    let marker_start = indent;
    let after_marker = &line[indent + marker_len..];
    let title_start = indent
        + marker_len
        + (after_marker.len() - after_marker.trim_start_matches(is_space).len());
    let rest = &line[title_start..];
    // A run-in numbered heading inside this heading's title.
    let run_in = (level <= 2)
        .then(|| find_run_in(rest, next_numbered))
        .flatten()
        .filter(|at| !rest[..*at].contains('。'));
    let title_limit = run_in.unwrap_or(rest.len());
    // (1) entries are sentences, not titled topics: `(1)发展符合人类价值观和伦理道德、…,避免误用。`
    let (title_len, body_start) = match title_extent(&rest[..title_limit]) {
        (len, _) if level == 4 && rest[..len].contains([',', '\u{FF0C}']) => (0, 0),
        extent => extent,
    };
    out.push(RawHeading {
        level,
        number,
        marker: Span::new(offset + marker_start, offset + indent + marker_len),
        title: Span::new(offset + title_start, offset + title_start + title_len),
        body_start: offset + title_start + body_start,
    });
    if let Some(at) = run_in {
        out.extend(headings_in_line(
            &rest[at..],
            offset + title_start + at,
            next_numbered,
        ));
    }
    out
}

/// Where a heading's title ends inside `rest`: `(title length, body start)`. The title runs to the
/// first full stop (the stop is skipped) or to the end; a long run without a stop is body text.
fn title_extent(rest: &str) -> (usize, usize) {
    match rest.find('。') {
        Some(stop) if rest[..stop].chars().count() <= MAX_TITLE_CHARS => {
            (stop, stop + '。'.len_utf8())
        }
        Some(_) => (0, 0),
        None if rest.chars().count() <= MAX_TITLE_CHARS => (rest.len(), rest.len()),
        None => (0, 0),
    }
}

/// Byte offset in `s` of a run-in `N.` heading carrying exactly `expected`.
fn find_run_in(s: &str, expected: u32) -> Option<usize> {
    let needle_digits = expected.to_string();
    s.match_indices(needle_digits.as_str())
        .map(|(i, _)| i)
        .find(|&i| {
            let before_ok = s[..i]
                .chars()
                .next_back()
                .is_some_and(|c| digit_value(c).is_none());
            i > 0 && before_ok && matches!(marker(&s[i..]), Some((3, n, _)) if n == expected)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, next: u32, expected: &[(u8, u32, &str, &str)]) {
        let got: Vec<_> = headings_in_line(line, 0, next)
            .into_iter()
            .map(|h| (h.level, h.number, h.marker.slice(line), h.title.slice(line)))
            .collect();
        assert_eq!(got, expected, "{line}");
    }

    #[test]
    fn heading_forms() {
        check("一、指导思想", 1, &[(1, 1, "一、", "指导思想")]);
        check("十二、其他", 1, &[(1, 12, "十二、", "其他")]);
        check("(一)总体目标", 1, &[(2, 1, "(一)", "总体目标")]);
        check("(二)加大投入力度", 1, &[(2, 2, "(二)", "加大投入力度")]);
        check(
            "1、突出规划引导,编制人工智能行动计划。市经信局",
            1,
            &[(3, 1, "1、", "突出规划引导,编制人工智能行动计划")],
        );
        check("15.智能环保。建立涵盖", 1, &[(3, 15, "15.", "智能环保")]);
        check("3.智能机器人。发挥", 1, &[(3, 3, "3.", "智能机器人")]);
        check("(2)持续建设智能基础设施,加快公路", 1, &[(4, 2, "(2)", "")]);
        check(
            "(1)推进人工智能与大健康领域融合发展。建立",
            1,
            &[(4, 1, "(1)", "推进人工智能与大健康领域融合发展")],
        );
        check("(一)指导思想。", 1, &[(2, 1, "(一)", "指导思想")]);
        check("第一章 总体要求", 1, &[(1, 1, "第一章", "总体要求")]);
        check("第二部分 重点任务", 1, &[(1, 2, "第二部分", "重点任务")]);
        check(
            "第三节\u{3000}壮大产业集群",
            1,
            &[(2, 3, "第三节", "壮大产业集群")],
        );
        check(
            "第十二条 资金保障。市级财政每年",
            1,
            &[(3, 12, "第十二条", "资金保障")],
        );
        check("（１）培育企业。", 1, &[(4, 1, "（１）", "培育企业")]);
    }

    #[test]
    fn not_headings() {
        for line in [
            "2018年,小米科技",
            "2.0 模式",
            "5G商用",
            "人工智能产业",
            "(见附件)",
            "一是科教人才丰富",
            "1.",
            "第十四个五年规划",
            "第一批",
        ] {
            check(line, 1, &[]);
        }
    }

    #[test]
    fn run_in_heading_needs_the_expected_number() {
        check(
            "(三)统筹规划政策试验11.发展负责任的新一代人工智能。",
            11,
            &[
                (2, 3, "(三)", "统筹规划政策试验"),
                (3, 11, "11.", "发展负责任的新一代人工智能"),
            ],
        );
        check(
            "(三)统筹规划政策试验11.发展负责任的新一代人工智能。",
            4,
            &[(
                2,
                3,
                "(三)",
                "统筹规划政策试验11.发展负责任的新一代人工智能",
            )],
        );
    }

    #[test]
    fn long_title_without_stop_is_body() {
        let line = "(一)实施基础理论前沿技术攻关工程。充分发挥南开大学";
        check(line, 1, &[(2, 1, "(一)", "实施基础理论前沿技术攻关工程")]);
        let h = &headings_in_line(line, 0, 1)[0];
        assert_eq!(&line[h.body_start..], "充分发挥南开大学");
    }
}
