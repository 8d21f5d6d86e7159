//! Extraction: from a document's text to a [`Plan`].
//!
//! It never panics, never loops and never fails: what it cannot read becomes a [`Diagnostic`]. It is
//! deterministic: the same text gives the same plan, ids and order.
//!
//! The text is walked once, line by line. Headings open outline entries; a numbered heading (1. or
//! (1)) opens an item that runs to the next heading; other text forms paragraph items, a paragraph
//! running on across a line break that does not end a sentence (`…或机\n构,经认定后…`).

use plan_model::{
    Diagnostic, DiagnosticCode, Figure, FigureKind, Heading, Item, ItemKind, KindRule, Period,
    Plan, Quoted, Span, YearSource,
};

use crate::normalize::{normalize, Normalized};
use crate::places::place_of;
use crate::text::{ends_paragraph, lines, trim_span, years_named};
use crate::vocab_match::{instruments_in, sectors_in};
use crate::{departments, figures, header, outline};

/// Lines at which a web page's chrome begins after the document (share buttons, comments, disclaimers).
const TRAILER_STARTS: &[&str] = &[
    "声明:",
    "声明\u{FF1A}",
    "赞(",
    "赞\u{FF08}",
    "评论",
    "登录",
    "找回密码",
    "注册",
    "版权所有",
    "上一篇",
    "下一篇",
];
/// Preamble paragraphs shorter than this are labels and notice lines, not content.
const MIN_PREAMBLE_CHARS: usize = 30;

/// Heading words that decide an item's kind, checked from the innermost heading outwards.
const KIND_WORDS: &[(&str, ItemKind)] = &[
    ("目标", ItemKind::Goal),
    ("标志性成果", ItemKind::Goal),
    ("保障", ItemKind::Measure),
    ("措施", ItemKind::Measure),
    ("发展情况", ItemKind::Status),
    ("发展现状", ItemKind::Status),
    ("发展基础", ItemKind::Status),
    ("基础条件", ItemKind::Status),
    ("工作进展", ItemKind::Status),
    ("开展的主要工作", ItemKind::Status),
    ("任务", ItemKind::Task),
    ("建设内容", ItemKind::Task),
    ("下步工作", ItemKind::Task),
    ("重点行动", ItemKind::Task),
    ("专项行动", ItemKind::Task),
    ("工程", ItemKind::Task),
    ("指导思想", ItemKind::Context),
    ("原则", ItemKind::Context),
    ("思路", ItemKind::Context),
    ("总体要求", ItemKind::Context),
];

/// Extracts a plan from `text`, identified by its file name `source`.
///
/// A text pasted from a PDF is read in its normalised view ([`crate::normalize`]); every span
/// found there is mapped back and every quote cut again from `text`.
pub fn extract_plan(source: &str, text: &str) -> Plan {
    let view = normalize(text);
    if view.is_identity() {
        return extract_view(source, text);
    }
    let mut plan = extract_view(source, &view.text);
    map_back(&mut plan, &view, text);
    plan
}

/// The length of the prefix of `verbatim` that spells `word` with white space (a joined line
/// break) allowed between its characters; `None` when it does not.
fn spread_prefix(verbatim: &str, word: &str) -> Option<usize> {
    let mut wanted = word
        .chars()
        .filter(|c| !crate::text::is_space(*c))
        .peekable();
    let mut end = 0;
    for (i, c) in verbatim.char_indices() {
        if wanted.peek().is_none() {
            break;
        }
        if crate::text::is_space(c) {
            continue;
        }
        if wanted.next() != Some(c) {
            return None;
        }
        end = i + c.len_utf8();
    }
    wanted.peek().is_none().then_some(end)
}

/// Moves every span of `plan` (read from `view`) to `original` and cuts its quotes from there.
fn map_back(plan: &mut Plan, view: &Normalized, original: &str) {
    let cut = |span: &mut Span, quote: &mut String| {
        *span = view.span(*span);
        *quote = span.slice(original).to_string();
    };
    let quoted = |q: &mut Quoted| cut(&mut q.span, &mut q.text);
    plan.text = original.to_string();
    if let Some(span) = plan.title.span.as_mut() {
        cut(span, &mut plan.title.text);
    }
    plan.doc_number.as_mut().map(quoted);
    plan.issuer.as_mut().map(quoted);
    plan.issue_date.quote.as_mut().map(quoted);
    if let Some(q) = plan.period.as_mut().and_then(|p| p.quote.as_mut()) {
        quoted(q);
    }
    if let Some(q) = plan.validity.as_mut().and_then(|d| d.quote.as_mut()) {
        quoted(q);
    }
    if let Some(q) = plan
        .comment_deadline
        .as_mut()
        .and_then(|d| d.quote.as_mut())
    {
        quoted(q);
    }
    for c in &mut plan.cites {
        c.span = view.span(c.span);
    }
    if let Some(span) = plan.truncated_at.as_mut() {
        *span = view.span(*span);
    }
    for h in &mut plan.outline {
        h.span = view.span(h.span);
        let verbatim = h.span.slice(original);
        if !verbatim.starts_with(&h.marker) || !verbatim.ends_with(&h.title) {
            // A line break inside the marker (`0\n.`) or the title: both as written, break
            // included, so that the heading's text is still its marker followed by its title.
            let marker_end = spread_prefix(verbatim, &h.marker).unwrap_or(0);
            let rest = &verbatim[marker_end..];
            let title_start =
                marker_end + rest.len() - rest.trim_start_matches(crate::text::is_space).len();
            h.marker = verbatim[..marker_end].to_string();
            h.title = verbatim[title_start..].to_string();
        }
    }
    for item in &mut plan.items {
        cut(&mut item.span, &mut item.quote);
        for d in &mut item.departments {
            cut(&mut d.span, &mut d.raw);
        }
    }
    for f in &mut plan.figures {
        cut(&mut f.span, &mut f.quote);
        cut(&mut f.raw_span, &mut f.raw);
        if let Some(b) = f.baseline.as_mut() {
            quoted(&mut b.quote);
        }
    }
    for d in &mut plan.diagnostics {
        if let Some(span) = d.span.as_mut() {
            *span = view.span(*span);
        }
    }
}

fn extract_view(source: &str, text: &str) -> Plan {
    let mut diagnostics = Vec::new();
    let id = plan_model::plan_id(source);
    let (content_end, first_section, top_level) = content_end(text, &mut diagnostics);
    let body_start = first_section.unwrap_or(content_end);
    let header = header::read_header(source, text, body_start, content_end, &mut diagnostics);
    let city = place_of(text, &place_hints(text, &header, body_start));
    let walk = walk(text, content_end, top_level, &header.metadata_lines);
    if walk.outline.is_empty() {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::NoOutline,
            detail: None,
            span: None,
        });
    }

    let mut items: Vec<Item> = Vec::new();
    let mut figures: Vec<Figure> = Vec::new();
    let mut section_year: Option<(usize, u16)> = None;
    let kinds = heading_kinds(&walk.outline);
    for block in &walk.blocks {
        let kind = item_kind(&kinds, &block.path);
        let quote = block.span.slice(text);
        let top = block.path.first().copied().unwrap_or(usize::MAX);
        if kind == ItemKind::Goal && section_year.is_none_or(|(section, _)| section != top) {
            section_year = figures::goal_year(quote).map(|y| (top, y));
        }
        let item_index = items.len();
        let context = figures::ItemContext {
            kind,
            section_year: section_year
                .filter(|(section, _)| *section == top)
                .map(|(_, y)| y),
        };
        let depts = departments::departments_in(quote, block.span.start);
        // Sectors and instruments come from the item's words, not from the names of the departments in charge.
        let mut topical = quote.to_string();
        for (span, _) in &depts {
            topical = topical.replace(span.slice(text), "");
        }
        let mut item_figures = Vec::new();
        for mut figure in figures::figures_in(text, block.span, context) {
            figure.id = format!("{id}-f{:03}", figures.len() + 1);
            figure.item = item_index;
            item_figures.push(figures.len());
            figures.push(figure);
        }
        let departments: Vec<_> = depts.into_iter().flat_map(|(_, d)| d).collect();
        for dept in departments.iter().filter(|d| d.canonical.is_none()) {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::UnknownDepartment,
                detail: Some(dept.raw.clone()),
                span: Some(dept.span),
            });
        }
        items.push(Item {
            id: format!("{id}-i{:03}", item_index + 1),
            kind,
            heading_path: block.path.clone(),
            heading: block.heading,
            span: block.span,
            quote: quote.to_string(),
            sectors: sectors_in(&topical),
            instruments: instruments_in(&topical),
            departments,
            years: years_named(quote),
            target_year: figures::goal_year(quote),
            figures: item_figures,
        });
    }

    // Without a stated period, the plan runs to its furthest goal year (到2030年…).
    let stated_end = header.period.as_ref().and_then(|p| p.end);
    let period = header.period.or_else(|| {
        // Goal items first; a plan without a goal section runs to its tasks' furthest year.
        let furthest = |goals_only: bool| {
            items
                .iter()
                .filter(|i| !goals_only || i.kind == ItemKind::Goal)
                .filter_map(|i| figures::goal_year(&i.quote).map(|y| (y, i)))
                .max_by_key(|(y, _)| *y)
        };
        let (year, item) = furthest(true).or_else(|| furthest(false))?;
        let at = item
            .quote
            .find(&format!("{year}"))
            .map_or(item.span.start, |i| item.span.start + i);
        let end = text[at..]
            .find('年')
            .map_or(at, |i| at + i + '年'.len_utf8());
        Some(Period {
            start: None,
            end: Some(year),
            quote: Some(Quoted {
                text: text[at..end].to_string(),
                span: Span::new(at, end),
            }),
        })
    });

    // A "target" of a year before the plan began is a fact it reports (2023年，全市…达到120亿元 in a
    // 2024–2026 plan), unless the sentence aims at that year (到2023年).
    let began = period
        .as_ref()
        .and_then(|p| p.start)
        .or(header.issue_date.year);
    if let Some(began) = began {
        for figure in figures.iter_mut().filter(|f| {
            f.kind == FigureKind::Target
                && f.year_source == Some(YearSource::Sentence)
                && f.year.is_some_and(|y| y < began)
        }) {
            let year = figure.year.unwrap_or(began);
            if !figure.quote.contains(&format!("到{year}"))
                && !figure.quote.contains(&format!("到 {year}"))
            {
                figure.kind = FigureKind::Status;
                figure.kind_rule = KindRule::PastYear;
                figure.kind_cue = Some(format!("{year}年"));
            }
        }
    }

    // A target without a year of its own is due by the end of the plan's stated period (its
    // confidence stays that of an undated figure: the text does not say so). A period inferred
    // from the goals' years is not stated, and lends no year.
    if let Some(end) = stated_end {
        for figure in figures
            .iter_mut()
            .filter(|f| f.kind == FigureKind::Target && f.year.is_none())
        {
            figure.year = Some(end);
            figure.year_source = Some(YearSource::Period);
        }
    }

    let truncated_at = truncation(text, content_end);
    if let Some(at) = truncated_at {
        let item = items
            .iter()
            .find(|i| i.span.end >= at.start)
            .map(|i| item_label(&walk.outline, i));
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::Truncated,
            detail: item,
            span: Some(at),
        });
    }

    Plan {
        id,
        source: source.to_string(),
        text: text.to_string(),
        city,
        title: header.title,
        doc_number: header.doc_number,
        issuer: header.issuer,
        issue_date: header.issue_date,
        period,
        kind: header.kind,
        status: header.status,
        kind_from_curated_title: header.kind_from_curated_title,
        validity: header.validity,
        comment_deadline: header.comment_deadline,
        cites: header.cites,
        truncated: truncated_at.is_some(),
        truncated_at,
        outline: walk.outline,
        items,
        figures,
        diagnostics,
    }
}

/// Where a plan names itself: issuer, title, then the lines above the body.
fn place_hints<'a>(text: &'a str, header: &'a header::Header, body_start: usize) -> Vec<&'a str> {
    let mut hints: Vec<&str> = Vec::new();
    hints.extend(header.issuer.as_ref().map(|q| q.text.as_str()));
    hints.push(header.title.text.as_str());
    hints.extend(
        lines(&text[..body_start.min(text.len())])
            .take(12)
            .map(|(_, line)| line.trim_start_matches(crate::text::is_space)),
    );
    hints
}

fn item_label(outline: &[Heading], item: &Item) -> String {
    item.heading
        .and_then(|h| outline.get(h))
        .map_or_else(|| item.id.clone(), |h| format!("{}{}", h.marker, h.title))
}

/// Where the document ends and a web page's trailer begins (or the end of the text).
/// Also returns where the first section heading stands before that, if any (where the header
/// ends), and the level of the document's top sections: 1 (一、 or 第一章) where there are any,
/// else 2 for a short plan numbered (一)、(二) only. One pass over the lines serves all three.
fn content_end(text: &str, diagnostics: &mut Vec<Diagnostic>) -> (usize, Option<usize>, u8) {
    let mut seen_heading = false;
    // The first heading of each of the three upper levels: the highest level present is the
    // document's top (一、, else (一), else plain numbered articles `1.` as in 若干措施).
    let mut first = [None, None, None];
    let sections = |first: [Option<usize>; 3]| match first {
        [Some(at), _, _] => (Some(at), 1),
        [None, Some(at), _] => (Some(at), 2),
        [None, None, Some(at)] => (Some(at), 3),
        [None, None, None] => (None, 1),
    };
    for (span, line) in lines(text) {
        let trimmed = line.trim_start_matches(crate::text::is_space);
        let headings = outline::headings_in_line(line, span.start, 0);
        seen_heading |= !headings.is_empty();
        let is_trailer =
            TRAILER_STARTS.iter().any(|t| trimmed.starts_with(t)) || trimmed.contains("咨询电话");
        if seen_heading && is_trailer {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::WebTrailer,
                detail: Some(text[span.start..].chars().count().to_string()),
                span: Some(Span::new(span.start, text.len())),
            });
            let (at, level) = sections(first);
            return (span.start, at, level);
        }
        for level in [1u8, 2, 3] {
            let slot = &mut first[usize::from(level - 1)];
            if slot.is_none() && headings.first().is_some_and(|h| h.level == level) {
                *slot = Some(span.start);
            }
        }
    }
    let (at, level) = sections(first);
    (text.len(), at, level)
}

/// The end of the text when its last content line stops in mid-sentence.
fn truncation(text: &str, content_end: usize) -> Option<Span> {
    let content = text[..content_end].trim_end_matches(crate::text::is_space);
    let last_line_start = content.rfind('\n').map_or(0, |i| i + 1);
    let last_line = &content[last_line_start..];
    (!last_line.is_empty() && !ends_paragraph(last_line)).then(|| {
        let tail_start = last_line.char_indices().rev().nth(9).map_or(0, |(i, _)| i);
        Span::new(last_line_start + tail_start, content.len())
    })
}

/// The kind each heading's words name, if any. Only section headings (一、 and (一)) say what their
/// items are; numbered entries name topics (`人才保障` is a task's topic, not a support measure).
fn heading_kinds(outline: &[Heading]) -> Vec<Option<ItemKind>> {
    outline
        .iter()
        .map(|h| {
            (h.level <= 2)
                .then(|| {
                    KIND_WORDS
                        .iter()
                        .find(|(word, _)| h.title.contains(word))
                        .map(|(_, k)| *k)
                })
                .flatten()
        })
        .collect()
}

fn item_kind(heading_kinds: &[Option<ItemKind>], path: &[usize]) -> ItemKind {
    if path.is_empty() {
        return ItemKind::Preamble;
    }
    path.iter()
        .rev()
        .find_map(|&h| heading_kinds.get(h).copied().flatten())
        .unwrap_or(ItemKind::Context)
}

/// A run of text that becomes an item.
#[derive(Debug, Clone)]
struct Block {
    span: Span,
    path: Vec<usize>,
    /// The heading the block starts with, if any.
    heading: Option<usize>,
    /// Whether the block is a numbered entry (runs to the next heading, across paragraphs).
    numbered: bool,
    /// Whether the block has text beyond its heading's title.
    has_body: bool,
    /// Whether its last line ended a paragraph.
    closed_sentence: bool,
}

struct Walk {
    outline: Vec<Heading>,
    blocks: Vec<Block>,
}

/// `metadata_lines`: lines of the header (title, number, signature, date, addressee) that are not
/// content; they separate preamble paragraphs.
/// `top_level`: the level the first heading must have (the document's top sections).
fn walk(text: &str, content_end: usize, top_level: u8, metadata_lines: &[Span]) -> Walk {
    let mut outline: Vec<Heading> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    let mut last_numbered = 0u32;
    let mut first_heading = None;

    let close = |open: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(block) = open.take() {
            blocks.push(block);
        }
    };

    for (span, line) in lines(&text[..content_end]) {
        let trimmed = trim_span(text, span);
        if trimmed.is_empty()
            || (first_heading.is_none()
                && metadata_lines
                    .iter()
                    .any(|m| m.start < span.end && span.start < m.end))
        {
            close(&mut open, &mut blocks);
            continue;
        }
        let found: Vec<_> = outline::headings_in_line(line, span.start, last_numbered + 1)
            .into_iter()
            .filter(|h| first_heading.is_some() || h.level == top_level)
            .collect();
        if let Some(last) = found.last().cloned() {
            close(&mut open, &mut blocks);
            first_heading.get_or_insert(found[0].marker.start);
            for h in &found {
                while stack
                    .last()
                    .is_some_and(|&top| outline[top].level >= h.level)
                {
                    stack.pop();
                }
                if h.level == 3 {
                    last_numbered = h.number;
                }
                outline.push(Heading {
                    level: h.level,
                    marker: h.marker.slice(text).to_string(),
                    number: h.number,
                    title: h.title.slice(text).to_string(),
                    span: Span::new(h.marker.start, h.title.end),
                    parent: stack.last().copied(),
                });
                stack.push(outline.len() - 1);
            }
            let body = trim_span(
                text,
                Span::new(last.body_start.min(trimmed.end), trimmed.end),
            );
            open = Some(Block {
                span: Span::new(last.marker.start, trimmed.end),
                path: stack.clone(),
                heading: stack.last().copied(),
                numbered: last.level >= 3,
                has_body: !body.is_empty(),
                closed_sentence: ends_paragraph(line),
            });
            continue;
        }
        // A department line (`(牵头单位:…)`, `A、B按职责分工负责。`) belongs to the item above.
        let department_line = departments::is_department_line(line);
        match open.as_mut() {
            Some(block)
                if block.numbered
                    || (block.has_body && !block.closed_sentence)
                    || (block.has_body && department_line) =>
            {
                block.span.end = trimmed.end;
                block.has_body = true;
                block.closed_sentence = ends_paragraph(line);
            }
            _ => {
                // A heading of a section (一、 or (一)) followed by paragraphs is only their
                // heading; the paragraphs are the items.
                if open.as_ref().is_some_and(|b| !b.numbered && !b.has_body) {
                    open = None;
                }
                close(&mut open, &mut blocks);
                open = Some(Block {
                    span: trimmed,
                    path: stack.clone(),
                    heading: None,
                    numbered: false,
                    has_body: true,
                    closed_sentence: ends_paragraph(line),
                });
            }
        }
    }
    close(&mut open, &mut blocks);

    // A heading that only groups sub-entries is part of their heading path, not an item (a heading
    // with nothing under it is its own item: `(一)建成10个智慧工厂。`); preamble lines that are
    // labels or notice fragments are not items either.
    let has_children = |h: usize| outline.iter().any(|o| o.parent == Some(h));
    blocks.retain(|b| {
        let groups_only = !b.has_body && b.heading.is_some_and(has_children);
        let quote = b.span.slice(text);
        let short_preamble = b.path.is_empty()
            && (quote.chars().count() < MIN_PREAMBLE_CHARS || !quote.ends_with('。'));
        !groups_only && !short_preamble
    });
    Walk { outline, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_line_break_inside_a_heading_marker_keeps_heading_verbatim() {
        // Found by the property tests: a PDF copy joins `0\n.` into the marker `0.`; the heading
        // must still read as its marker and title in the original text.
        let text =
            "一、目标\n— 3 —\n到2025年。\n— 3 —\n0\n.个\n— 3 —\n一、400个个、A1.一、a4001.由。";
        let plan = extract_plan("x.txt", text);
        for h in &plan.outline {
            let at = h.span.slice(text);
            assert!(
                at.starts_with(&h.marker) && at.ends_with(&h.title),
                "{h:?} at {at:?}"
            );
        }
    }

    #[test]
    fn articles_numbered_only_1_2_3_are_the_outline() {
        // 若干措施 and similar: no 一、 and no (一), only numbered articles.
        let plan = extract_plan(
            "x.txt",
            "某省若干措施\n为加快发展，提出如下措施。\n1.建设算力设施。对新建智算中心给予最高3000万元补助。（省发展改革委负责）\n2.发放算力券。每年安排1亿元。\n",
        );
        assert_eq!(plan.outline.len(), 2, "{:?}", plan.outline);
        assert_eq!(plan.outline[0].title, "建设算力设施");
        assert!(plan.figures.len() >= 2, "{:?}", plan.figures);
    }

    #[test]
    fn empty_and_garbage_inputs_give_a_plan_with_diagnostics() {
        for text in [
            "",
            "\n\n",
            "(",
            "1.",
            "《",
            "〔2018〕",
            "(牵头单位:",
            "到2025年达400亿元",
            "\u{3000}\u{3000}",
        ] {
            let plan = extract_plan("x.txt", text);
            assert_eq!(plan.id, "x");
            assert!(
                plan.diagnostics
                    .iter()
                    .any(|d| d.code == DiagnosticCode::NoOutline),
                "{text:?}"
            );
        }
    }

    #[test]
    fn numbered_items_run_to_the_next_heading() {
        let text = "一、重点任务\n1.智能制造。推广流程智能制造,\n培育10家以上领军企业。\n2.智能农业。建设农业大数据平台。\n";
        let plan = extract_plan("t.txt", text);
        let quotes: Vec<_> = plan.items.iter().map(|i| i.quote.as_str()).collect();
        assert_eq!(
            quotes,
            vec![
                "1.智能制造。推广流程智能制造,\n培育10家以上领军企业。",
                "2.智能农业。建设农业大数据平台。"
            ]
        );
        assert!(plan.items.iter().all(|i| i.kind == ItemKind::Task));
        assert_eq!(plan.figures.len(), 1);
        assert_eq!(plan.figures[0].metric, Some("leading_enterprises"));
    }

    #[test]
    fn section_goal_year_reaches_later_goal_items() {
        let text = "二、建设目标\n到2023年,实现人工智能总体发展水平全国领先。\n(一)建成10个具有示范意义的智慧工厂。\n三、重点任务\n(一)建设30个平台。\n";
        let plan = extract_plan("t.txt", text);
        let years: Vec<_> = plan.figures.iter().map(|f| (f.metric, f.year)).collect();
        assert_eq!(
            years,
            vec![
                (Some("smart_factories"), Some(2023)),
                (Some("platforms"), None)
            ]
        );
    }

    #[test]
    fn a_plan_numbered_from_the_second_level() {
        let text = "某区若干措施\n\n（一）支持算力建设。给予最高5000万元补贴。\n（二）支持模型研发。每年遴选10个行业大模型。\n";
        let plan = extract_plan("t.txt", text);
        let headings: Vec<_> = plan
            .outline
            .iter()
            .map(|h| (h.level, h.title.as_str()))
            .collect();
        assert_eq!(headings, vec![(2, "支持算力建设"), (2, "支持模型研发")]);
        assert_eq!(plan.figures.len(), 2);
    }

    #[test]
    fn trailer_is_skipped_and_truncation_flagged() {
        let plan = extract_plan("t.txt", "一、任务\n建设平台。\n声明:本文来自网络。\n");
        assert!(!plan.truncated);
        assert!(plan
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::WebTrailer));
        let plan = extract_plan("t.txt", "一、任务\n1.智能环保。建立涵盖大气的智能监控大");
        assert!(plan.truncated);
        assert_eq!(
            plan.truncated_at
                .map(|s| s.slice(&plan.text).to_string())
                .as_deref(),
            Some("涵盖大气的智能监控大")
        );
    }

    /// A fact of a year before the plan began, stated without a marker, is a status.
    #[test]
    fn past_years_are_reported_facts() {
        let plan = extract_plan(
            "p.txt",
            "某市人工智能产业发展行动计划（2024—2026年）\n一、发展基础与目标\n近两年成效明显。2023年，全市人工智能核心产业规模达到120亿元。到2026年，全市人工智能核心产业规模达到300亿元。\n",
        );
        let got: Vec<(&str, FigureKind, Option<u16>)> = plan
            .figures
            .iter()
            .map(|f| (f.raw.as_str(), f.kind, f.year))
            .collect();
        assert_eq!(
            got,
            [
                ("120亿元", FigureKind::Status, Some(2023)),
                ("300亿元", FigureKind::Target, Some(2026))
            ]
        );
        assert_eq!(plan.figures[0].kind_rule, KindRule::PastYear);
    }
}
