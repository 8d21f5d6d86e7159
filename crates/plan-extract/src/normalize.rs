//! A normalised view of a text pasted from a PDF, with a map back to the original.
//!
//! PDF copies break lines inside sentences, numbers and names (`规模达到50\n0亿元`, `(牵\n头单位`),
//! and carry page footers (`— 3 —`, `- 4 -`, `第 5 页`, `第5页 共12页`) and a running header
//! line repeated at the top of each page. Extraction reads the view with those joined and removed;
//! every span it finds is mapped back with [`Normalized::span`], and every quote is cut again from
//! the original, so `original[span] == quote` holds and a quote keeps the line break it spans.
//!
//! The view only *removes* bytes (line breaks, footer and header lines): every byte it keeps is
//! the original byte, so the map is monotonic and lands on character boundaries. Full-width digits
//! and punctuation are left as they are; the scanners read both forms.
//!
//! Joins are made only where a text looks like a PDF copy: most lines of the document's common full
//! width end without a sentence end. Then a line of that width that does not end a sentence runs on
//! into the next one (unless the next one opens a heading), and so does a line ending in a digit or
//! a magnitude (`(2\n024—2026年)`, `5万\n人`) or followed by a line starting with a comma or closing
//! bracket.

use plan_model::Span;

use crate::text::{digit_value, ends_paragraph, is_space};

/// The normalised text and, for each of its bytes, the original byte it came from.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The view; empty when it would equal the original ([`Normalized::is_identity`]): then read
    /// the original itself.
    pub text: String,
    /// `map[i]` is the original offset of byte `i` of `text`; `map[text.len()]` is the original's
    /// length.
    map: Vec<usize>,
    /// Whether nothing was changed (`text` is the original).
    identity: bool,
}

impl Normalized {
    pub fn is_identity(&self) -> bool {
        self.identity
    }

    /// The text to read: the view, or `original` itself when nothing changed.
    pub fn view<'a>(&'a self, original: &'a str) -> &'a str {
        if self.identity {
            original
        } else {
            &self.text
        }
    }

    /// The original offset of normalised offset `at` (a start: the byte it came from).
    pub fn start(&self, at: usize) -> usize {
        if self.identity {
            return at;
        }
        self.map
            .get(at)
            .copied()
            .unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }

    /// The original offset of normalised offset `at` as an end: just after the byte before it.
    pub fn end(&self, at: usize) -> usize {
        if self.identity {
            return at;
        }
        if at == 0 {
            return self.start(0);
        }
        self.map
            .get(at - 1)
            .map_or_else(|| self.start(at), |before| before + 1)
    }

    /// The original span of normalised `span`.
    pub fn span(&self, span: Span) -> Span {
        if span.start >= span.end {
            let at = self.start(span.start);
            return Span::new(at, at);
        }
        Span::new(self.start(span.start), self.end(span.end))
    }
}

/// A line of the original: content span (without terminator) and terminator span.
#[derive(Clone, Copy)]
struct Line {
    content: Span,
    terminator: Span,
}

fn original_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let content_len = raw.trim_end_matches(['\n', '\r']).len();
        out.push(Line {
            content: Span::new(offset, offset + content_len),
            terminator: Span::new(offset + content_len, offset + raw.len()),
        });
        offset += raw.len();
    }
    out
}

/// A page footer standing on its own line: `— 3 —`, `- 4 -`, `第 5 页`, `第5页 共12页`, `共12页 第5页`.
pub fn is_page_footer(line: &str) -> bool {
    if line.len() > 64 {
        return false;
    }
    let s: String = line.chars().filter(|c| !is_space(*c)).collect();
    if s.is_empty() || s.chars().count() > 16 {
        return false;
    }
    let dashes = ['-', '—', '–', '－', '─'];
    let inner = s.trim_matches(&dashes[..]);
    if inner.len() < s.len()
        && s.starts_with(&dashes[..])
        && s.ends_with(&dashes[..])
        && !inner.is_empty()
        && inner.chars().all(|c| digit_value(c).is_some())
    {
        return true;
    }
    // 第N页, 第N页共M页, 共M页第N页, 第N页/共M页
    let mut rest = s.as_str();
    let mut pages = 0;
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix('第').or_else(|| rest.strip_prefix('共')) else {
            return false;
        };
        let digits = after
            .char_indices()
            .find(|(_, c)| digit_value(*c).is_none())
            .map_or(after.len(), |(i, _)| i);
        if digits == 0 {
            return false;
        }
        let Some(after) = after[digits..].strip_prefix('页') else {
            return false;
        };
        rest = after.trim_start_matches(['/', ',', '，']);
        pages += 1;
    }
    pages > 0
}

/// Whether `line` opens with an outline marker (一、 (一) 1. (1) 第一章 …).
fn opens_heading(line: &str) -> bool {
    !crate::outline::headings_in_line(line, 0, 1).is_empty()
}

/// The normalised view of `text`.
pub fn normalize(text: &str) -> Normalized {
    let lines = original_lines(text);
    let content = |l: &Line| l.content.slice(text);

    // Page footers, and the running header: a line that follows a footer at least twice.
    let mut removed = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        removed[i] = is_page_footer(content(l));
    }
    let mut after_footer: Vec<(&str, usize)> = Vec::new();
    for i in 1..lines.len() {
        if removed[i - 1] && !removed[i] {
            let line = content(&lines[i]).trim_matches(is_space);
            if line.is_empty() || line.chars().count() > 40 {
                continue;
            }
            match after_footer.iter_mut().find(|(l, _)| *l == line) {
                Some(entry) => entry.1 += 1,
                None => after_footer.push((line, 1)),
            }
        }
    }
    for i in 1..lines.len() {
        if removed[i - 1] && lines[i - 1].content.start != lines[i].content.start {
            let line = content(&lines[i]).trim_matches(is_space);
            if after_footer.iter().any(|(l, n)| *l == line && *n >= 2)
                && is_page_footer(content(&lines[i - 1]))
            {
                removed[i] = true;
            }
        }
    }

    // A PDF copy: most lines of the common full width end without a sentence end.
    let kept: Vec<&Line> = lines
        .iter()
        .zip(&removed)
        .filter(|(l, r)| !**r && !content(l).trim_matches(is_space).is_empty())
        .map(|(l, _)| l)
        .collect();
    let mut widths: Vec<usize> = kept.iter().map(|l| content(l).chars().count()).collect();
    plan_sort::sort(&mut widths);
    let width = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0);
    let full: Vec<&&Line> = kept
        .iter()
        .filter(|l| content(l).chars().count() + 2 >= width)
        .collect();
    let open_ended = full.iter().filter(|l| !ends_paragraph(content(l))).count();
    let pdf = width >= 12 && full.len() >= 4 && open_ended * 10 >= full.len() * 4;
    if !pdf && !removed.contains(&true) {
        // Nothing to join or remove: the view is the text (no copy, no map).
        return Normalized {
            text: String::new(),
            map: Vec::new(),
            identity: true,
        };
    }

    // Which line breaks to remove: the one after line i, joining it with the next kept line.
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<usize> = Vec::with_capacity(text.len() + 1);
    let mut changed = false;
    let push = |out: &mut String, map: &mut Vec<usize>, span: Span| {
        out.push_str(span.slice(text));
        map.extend(span.start..span.end);
    };
    for (i, l) in lines.iter().enumerate() {
        if removed[i] {
            changed = true;
            continue;
        }
        push(&mut out, &mut map, l.content);
        if l.terminator.is_empty() {
            continue;
        }
        let next = (i + 1..lines.len())
            .find(|&j| !removed[j])
            .map(|j| &lines[j]);
        let join = next.is_some_and(|n| {
            let line = content(l).trim_end_matches(is_space);
            let next_line = content(n);
            if line.trim_start_matches(is_space).is_empty()
                || next_line.trim_matches(is_space).is_empty()
                || ends_paragraph(line)
            {
                return false;
            }
            if !pdf || opens_heading(next_line) || is_page_footer(next_line) {
                return false;
            }
            let full_width = line.chars().count() + 2 >= width;
            // A number or its magnitude never ends a line of its own (`突破1000\n公里`, `5万\n人`),
            // and a line never starts with a comma or a closing bracket.
            let split_number = line
                .chars()
                .next_back()
                .is_some_and(|c| digit_value(c).is_some() || "万亿千百".contains(c));
            let continues = next_line
                .trim_start_matches(is_space)
                .starts_with(['。', '，', ',', '、', '；', ';', '：', '）', ')', '”']);
            full_width || split_number || continues
        });
        if join {
            changed = true;
        } else {
            push(&mut out, &mut map, l.terminator);
        }
    }
    map.push(text.len());
    if !changed {
        return Normalized {
            text: String::new(),
            map: Vec::new(),
            identity: true,
        };
    }
    Normalized {
        text: out,
        map,
        identity: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(original: &str, normalized: &str) {
        let n = normalize(original);
        assert_eq!(n.view(original), normalized, "{original:?}");
        assert_eq!(n.is_identity(), original == normalized);
    }

    #[test]
    fn footers_of_every_kind() {
        for line in [
            "— 3 —",
            "- 4 -",
            "第 5 页",
            "第5页 共12页",
            "共12页 第5页",
            "－１２－",
        ] {
            assert!(is_page_footer(line), "{line}");
        }
        for line in [
            "一、发展目标",
            "第一章 总体要求",
            "第5页的内容",
            "— —",
            "2024",
        ] {
            assert!(!is_page_footer(line), "{line}");
        }
    }

    #[test]
    fn plain_text_is_left_alone() {
        check(
            "一、目标\n到2025年，达到400亿元。\n二、任务\n",
            "一、目标\n到2025年，达到400亿元。\n二、任务\n",
        );
        check("", "");
    }

    #[test]
    fn pdf_breaks_footers_and_running_headers() {
        let original = "标题\n一、目标\n到2026年，全市人工智能核心产业规模达到50\n0亿元，带动相关产业规模突破3000亿元；企\n业数量超过1500家，其中龙头企业达到15家；建成\n— 1 —\n页眉标题\n智能算力规模2000PFlops，形成大模型30个以上。\n- 2 -\n页眉标题\n二、任务\n（一）建设算力设施。推进武汉人工智能计算中心扩容升级，新增\n智能算力5000PFlops。\n第 3 页\n页眉标题\n（二）突破技术。\n";
        let n = normalize(original);
        assert!(
            n.text
                .contains("达到500亿元，带动相关产业规模突破3000亿元；"),
            "{}",
            n.text
        );
        assert!(n.text.contains("建成智能算力规模2000PFlops"), "{}", n.text);
        assert!(n.text.contains("新增智能算力5000PFlops"), "{}", n.text);
        assert!(
            !n.text.contains("页眉标题") && !n.text.contains('—'),
            "{}",
            n.text
        );
        assert!(n.text.contains("\n二、任务\n"), "{}", n.text);
        // Mapped back, a span covers the original's line break.
        let at = n.text.find("500亿元").unwrap();
        let span = n.span(Span::new(at, at + "500亿元".len()));
        assert_eq!(span.slice(original), "50\n0亿元");
    }
}
