//! Document-level facts: title, document number, issuer, dates, period, kind, status, validity,
//! comment deadline and the documents cited.

use crate::curation;
use crate::text::{digit_value, is_space, lines, year_before};
use plan_model::{
    Citation, DatePrecision, Diagnostic, DiagnosticCode, Period, PlanDate, PlanKind, PlanStatus,
    Quoted, Span, Title,
};

/// How many lines from the top the header (title, number, issuer, date) may occupy.
const HEADER_LINES: usize = 40;
/// How many non-empty lines from the end a closing signature (issuer, date) may occupy.
const TAIL_LINES: usize = 6;
/// Endings of an issuing body's name.
const ISSUER_ENDINGS: &[&str] = &["办公厅", "办公室", "人民政府", "局", "委员会", "委", "厅"];
/// Words that make a short line a plan's title (besides the kinds).
const TITLE_WORDS: &[&str] = &[
    "实施意见",
    "行动方案",
    "工作方案",
    "若干措施",
    "若干政策",
    "指导意见",
    "的意见",
    "规划",
    "方案",
    "计划",
];
/// Phrases before a comment deadline's date.
const DEADLINE_WORDS: &[&str] = &[
    "截止日期:",
    "截止日期\u{FF1A}",
    "截止于",
    "请于",
    "截止时间为",
    "截止日期为",
    "截止时间:",
    "截止时间\u{FF1A}",
    "截至",
];
/// Phrases before a stated implementation period.
const PERIOD_WORDS: &[&str] = &[
    "实施期限为",
    "实施期为",
    "实施期限:",
    "实施期限\u{FF1A}",
    "规划期为",
    "规划期限为",
];

/// Plan-kind words, most specific first.
const KINDS: &[(&str, PlanKind)] = &[
    ("行动计划", PlanKind::ActionPlan),
    ("实施方案", PlanKind::ImplementationPlan),
    ("发展规划", PlanKind::DevelopmentPlan),
    ("答复", PlanKind::ProposalReply),
];

pub struct Header {
    pub title: Title,
    pub doc_number: Option<Quoted>,
    pub issuer: Option<Quoted>,
    pub issue_date: PlanDate,
    pub period: Option<Period>,
    pub kind: PlanKind,
    pub status: PlanStatus,
    /// `kind` and `status` were read from a curated title, not from the text's own words.
    pub kind_from_curated_title: bool,
    pub validity: Option<PlanDate>,
    pub comment_deadline: Option<PlanDate>,
    pub cites: Vec<Citation>,
    /// Header lines that are metadata, not content: title lines, document number, signature, date,
    /// addressee (`各有关单位:`).
    pub metadata_lines: Vec<Span>,
}

fn quoted(text: &str, span: Span) -> Quoted {
    Quoted {
        text: span.slice(text).to_string(),
        span,
    }
}

/// Reads the header of `text`. `body_start` is where the outline begins (headings after it are not
/// header lines).
pub fn read_header(
    source: &str,
    text: &str,
    body_start: usize,
    content_end: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Header {
    let head_lines: Vec<(Span, &str)> = lines(text)
        .take(HEADER_LINES)
        .take_while(|(span, _)| span.start < body_start.max(1))
        .collect();
    let title = find_title(source, text, &head_lines);
    if title.text.is_empty() {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::NoTitle,
            detail: None,
            span: None,
        });
    }
    let doc_number = head_lines.iter().find_map(|(span, line)| {
        let number = line
            .match_indices(YEAR_BRACKETS)
            .find_map(|(at, _)| doc_number_at(line, at))?;
        Some(quoted(
            text,
            Span::new(span.start + number.start, span.start + number.end),
        ))
    });
    // The signature (issuer above a date line) stands in the header of a notice, else at the end.
    let tail_lines: Vec<(Span, &str)> = {
        let content: Vec<(Span, &str)> = lines(&text[..content_end.min(text.len())])
            .filter(|(_, l)| !l.trim_matches(is_space).is_empty())
            .collect();
        let from = content.len().saturating_sub(TAIL_LINES);
        content[from..].to_vec()
    };
    let signature_in = |lines: &[(Span, &str)]| {
        let (at, date) = lines
            .iter()
            .enumerate()
            .find_map(|(i, (span, line))| whole_line_date(text, *span, line).map(|d| (i, d)))?;
        // The issuing body signs on the line just above the date.
        let issuer = lines[..at]
            .iter()
            .rev()
            .find(|(_, l)| !l.trim_matches(is_space).is_empty())
            .and_then(|(span, line)| {
                let name = line.trim_matches(is_space);
                let is_body = ISSUER_ENDINGS.iter().any(|suffix| name.ends_with(suffix));
                (is_body && name.chars().count() <= 30)
                    .then(|| quoted(text, crate::text::trim_span(text, *span)))
            });
        Some((date, issuer))
    };
    let (issue_date, issuer) = signature_in(&head_lines)
        .or_else(|| signature_in(&tail_lines))
        .map_or((PlanDate::unknown(), None), |(d, i)| (d, i));
    let issuer = issuer.or_else(|| {
        // The body issuing a notice: `济南市人民政府办公厅关于印发…的通知`.
        head_lines.iter().find_map(|(span, line)| {
            let trimmed = line.trim_start_matches(is_space);
            let at = trimmed.find("关于")?;
            let name = &trimmed[..at];
            let start = span.start + (line.len() - trimmed.len());
            (ISSUER_ENDINGS.iter().any(|suffix| name.ends_with(suffix))
                && (2..=30).contains(&name.chars().count()))
            .then(|| quoted(text, Span::new(start, start + name.len())))
        })
    });
    let issuer = issuer.or_else(|| {
        // An issuer line above the title (`重庆市人民政府办公厅` / `渝府办发〔2024〕15号` / title).
        let title_start = title.span?.start;
        head_lines
            .iter()
            .take_while(|(span, _)| span.end <= title_start)
            .map(|(span, line)| (span, line.trim_matches(is_space)))
            .find(|(_, name)| {
                ISSUER_ENDINGS.iter().any(|suffix| name.ends_with(suffix))
                    && name.chars().count() <= 30
                    && !name.contains(['。', '\u{FF0C}', ','])
            })
            .map(|(span, _)| quoted(text, crate::text::trim_span(text, *span)))
    });
    let kind_from_curated_title = title.curated;
    let kind_text = if title.text.is_empty() {
        text
    } else {
        title.text.as_str()
    };
    let kind = KINDS
        .iter()
        .find(|(word, _)| kind_text.contains(word))
        .map_or(PlanKind::Other, |(_, k)| *k);
    let head_text = head_lines.last().map_or("", |(span, _)| &text[..span.end]);
    let status = if kind == PlanKind::ProposalReply {
        PlanStatus::Reply
    } else if head_text.contains("征求意见稿") || text.contains("征求意见稿)") {
        PlanStatus::DraftForComment
    } else {
        PlanStatus::Issued
    };
    let validity = text
        .find("有效期至")
        .and_then(|at| date_at(text, at + "有效期至".len()));
    let period = find_period(text, &title).or_else(|| in_force(text, validity.as_ref()));
    let comment_deadline = (status == PlanStatus::DraftForComment)
        .then(|| {
            DEADLINE_WORDS.iter().find_map(|w| {
                text.match_indices(w)
                    .find_map(|(at, _)| date_at(text, at + w.len()))
            })
        })
        .flatten();
    let own_number = doc_number.as_ref().map(|q| q.text.clone());
    let cites = find_citations(text, &title.text, own_number.as_deref());
    let signature: Vec<Span> = [
        doc_number.as_ref(),
        issuer.as_ref(),
        issue_date.quote.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|q| q.span)
    .collect();
    let metadata_lines = head_lines
        .iter()
        .filter(|(span, line)| {
            let line = line.trim_matches(is_space);
            let addressee = line.ends_with([':', '\u{FF1A}']) && line.chars().count() <= 40;
            addressee
                || is_title_line(line)
                || signature
                    .iter()
                    .any(|s| span.start <= s.start && s.end <= span.end)
        })
        .map(|(span, _)| *span)
        .collect();
    Header {
        title,
        doc_number,
        issuer,
        issue_date,
        period,
        kind_from_curated_title,
        kind,
        status,
        validity,
        comment_deadline,
        cites,
        metadata_lines,
    }
}

/// The plan's title inside a notice line: `…关于印发《X》的通知` or `…关于印发X的通知` → X.
fn wrapped_title(head_lines: &[(Span, &str)]) -> Option<Span> {
    head_lines.iter().find_map(|(span, line)| {
        let at = line.find("关于印发")? + "关于印发".len();
        let end = line.rfind("的通知").filter(|e| *e > at)?;
        let inner = &line[at..end];
        let (from, to) = match (inner.strip_prefix('《'), inner.strip_suffix('》')) {
            (Some(_), Some(_)) if inner.len() > "《》".len() => {
                (at + '《'.len_utf8(), end - '》'.len_utf8())
            }
            _ => (at, end),
        };
        (from < to).then(|| Span::new(span.start + from, span.start + to))
    })
}

fn find_title(source: &str, text: &str, head_lines: &[(Span, &str)]) -> Title {
    let from_text = head_lines
        .iter()
        .find(|(_, line)| is_title_line(line.trim_matches(is_space)))
        .map(|(span, line)| (*span, *line))
        .or_else(|| wrapped_title(head_lines).map(|span| (span, span.slice(text))));
    let from_text = from_text.as_ref();
    match (
        from_text,
        curation::for_source(source).and_then(|c| c.title.map(|t| (t, c))),
    ) {
        (Some((span, _)), _) => {
            let mut span = crate::text::trim_span(text, *span);
            // A title set over two lines: `广西壮族自治区加快推进人工智能` / `赋能千行百业实施方案`.
            if let Some(start) = title_head(head_lines, span.start) {
                span.start = start;
            }
            // A title's period on the next line: `武汉市…行动计划` / `(2024—2026年)`.
            let next = head_lines
                .iter()
                .skip_while(|(s, _)| s.start <= span.start)
                .find(|(_, l)| !l.trim_matches(is_space).is_empty());
            if let Some((next_span, line)) = next {
                let t = line.trim_matches(is_space);
                let bracketed = t.starts_with(['(', '\u{FF08}']) && t.ends_with([')', '\u{FF09}']);
                if bracketed && t.chars().count() <= 20 && year_range(t).is_some() {
                    span.end = crate::text::trim_span(text, *next_span).end;
                }
            }
            Title {
                text: span.slice(text).to_string(),
                curated: false,
                span: Some(span),
                note: None,
                note_en: None,
            }
        }
        (None, Some((title, curation))) => Title {
            text: title.to_string(),
            curated: true,
            span: None,
            note: Some(curation.note.to_string()),
            note_en: Some(curation.note_en.to_string()),
        },
        (None, None) => Title {
            text: String::new(),
            curated: false,
            span: None,
            note: None,
            note_en: None,
        },
    }
}

/// The period of a text in force for a time and not planned over one (若干措施, 办法):
/// `自2024年10月1日起施行，有效期至2027年12月31日` runs 2024–2027.
fn in_force(text: &str, validity: Option<&PlanDate>) -> Option<Period> {
    let validity = validity?;
    let end_quote = validity.quote.as_ref()?;
    let before = &text[..end_quote.span.start];
    let from = ["起施行", "起实施", "起执行"]
        .iter()
        .filter_map(|w| before.rfind(w))
        .max()?;
    let start_at = text[..from].rfind('自')? + '自'.len_utf8();
    let start = date_at(text, start_at)?;
    let start_span = start.quote.as_ref()?.span;
    // The two dates belong to one statement, not to two places far apart.
    if end_quote.span.start.saturating_sub(start_span.start) > 120 {
        return None;
    }
    let span = Span::new(start_span.start, end_quote.span.end);
    Some(Period {
        start: start.year,
        end: validity.year,
        quote: Some(quoted(text, span)),
    })
}

/// The start of the line just above a title line when it is the title's first part: a short,
/// unpunctuated line right above it (no blank line between) that is not a document number, a
/// date, a signing body or a label (`附件`).
fn title_head(head_lines: &[(Span, &str)], title_start: usize) -> Option<usize> {
    let at = head_lines
        .iter()
        .position(|(s, _)| s.start >= title_start)?;
    let (span, line) = head_lines.get(at.checked_sub(1)?)?;
    let t = line.trim_matches(is_space);
    let count = t.chars().count();
    let is_body = [
        "办公厅",
        "办公室",
        "人民政府",
        "局",
        "委",
        "厅",
        "办",
        "会",
        "处",
    ]
    .iter()
    .any(|suffix| t.ends_with(suffix));
    let is_date = t.contains('年') && t.contains('月');
    let ok = (4..=30).contains(&count)
        && !is_body
        && !t.starts_with("附件")
        && !t.contains([
            '〔', '[', '。', ':', '\u{FF1A}', ',', '\u{FF0C}', '、', '(', '\u{FF08}', '《',
        ])
        && !is_date
        && !is_title_line(t)
        && !t.chars().any(|c| c.is_ascii_digit());
    let indent = line.len() - line.trim_start_matches(is_space).len();
    ok.then_some(span.start + indent)
}

/// A line that is a plan's title on its own: short, naming a plan kind, not a sentence or a notice.
fn is_title_line(line: &str) -> bool {
    (8..=80).contains(&line.chars().count())
        && (KINDS.iter().any(|(k, _)| line.contains(k))
            || TITLE_WORDS.iter().any(|k| line.contains(k)))
        && !line.contains("关于印发")
        && !line.starts_with('《')
        && !line.contains(['。', ':', '\u{FF1A}', ',', '\u{FF0C}'])
}

/// Digits starting at byte `at` of `s` (ASCII or full-width, spaces allowed before): value and end.
fn number_at(s: &str, at: usize) -> Option<(u32, usize)> {
    let start = at + (s.get(at..)?.len() - s[at..].trim_start_matches(' ').len());
    let mut value: u32 = 0;
    let mut end = start;
    for (i, c) in s[start..].char_indices() {
        match digit_value(c) {
            Some(d) => {
                value = value.checked_mul(10)?.checked_add(d)?;
                end = start + i + c.len_utf8();
            }
            None => break,
        }
    }
    (end > start).then_some((value, end))
}

/// A date `YYYY年M月D日` (or `YYYY年M月`, `YYYY年`) starting at byte `at` of `text`.
pub fn date_at(text: &str, at: usize) -> Option<PlanDate> {
    let (year, after_year) = number_at(text, at)?;
    let after_year =
        after_year + (text[after_year..].len() - text[after_year..].trim_start_matches(' ').len());
    let start = at + (text[at..].len() - text[at..].trim_start_matches(' ').len());
    let part = |from: usize, unit: char| {
        number_at(text, from)
            .filter(|(_, end)| text[*end..].starts_with(unit))
            .map(|(value, end)| (value, end + unit.len_utf8()))
    };
    date_from(text, start, year, after_year, part)
}

/// A date written in Chinese numerals, `二〇二四年三月十五日` (or `二〇二四年三月`), at byte `at`.
pub fn chinese_date_at(text: &str, at: usize) -> Option<PlanDate> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    let rest = text.get(at..)?;
    let mut year = 0u32;
    let mut chars = rest.char_indices();
    for _ in 0..4 {
        let (_, c) = chars.next()?;
        year = year * 10 + digit(c)? as u32;
    }
    let after_year = at + rest.char_indices().nth(4).map_or(rest.len(), |(i, _)| i);
    let part = |from: usize, unit: char| {
        let s = &text[from..];
        let len = s.find(|c: char| !crate::text::is_chinese_numeral_char(c))?;
        let value = crate::text::chinese_numeral(&s[..len])?;
        s[len..]
            .starts_with(unit)
            .then_some((value, from + len + unit.len_utf8()))
    };
    date_from(text, at, year, after_year, part)
}

/// The rest of a date once its year is read, whatever its numbers are written in: `年` at
/// `after_year`, then a month and a day as far as given. `part(from, unit)` reads a number at
/// `from` followed by `unit` (月, 日): its value and the offset after the unit. The quote runs from
/// `start`.
fn date_from(
    text: &str,
    start: usize,
    year: u32,
    after_year: usize,
    part: impl Fn(usize, char) -> Option<(u32, usize)>,
) -> Option<PlanDate> {
    if !text[after_year..].starts_with('年') || !(1949..=2100).contains(&year) {
        return None;
    }
    let mut end = after_year + '年'.len_utf8();
    let mut date = PlanDate {
        year: Some(year as u16),
        month: None,
        day: None,
        precision: DatePrecision::Year,
        quote: None,
    };
    if let Some((month, after_month)) = part(end, '月').filter(|(m, _)| (1..=12).contains(m)) {
        date.month = Some(month as u8);
        date.precision = DatePrecision::Month;
        end = after_month;
        if let Some((day, after_day)) = part(end, '日').filter(|(d, _)| (1..=31).contains(d)) {
            date.day = Some(day as u8);
            date.precision = DatePrecision::Day;
            end = after_day;
        }
    }
    date.quote = Some(quoted(text, Span::new(start, end)));
    Some(date)
}

/// A line that is nothing but a date (the signature date of a notice), in digits or numerals.
fn whole_line_date(text: &str, span: Span, line: &str) -> Option<PlanDate> {
    let start = span.start + (line.len() - line.trim_start_matches(is_space).len());
    let date = date_at(text, start).or_else(|| chinese_date_at(text, start))?;
    let end = date.quote.as_ref()?.span.end;
    text[end..span.end]
        .trim_matches(is_space)
        .is_empty()
        .then_some(date)
}

/// Brackets around a document number's year: `〔2024〕` as printed, `[2024]`, `【2024】` or
/// `(2024)` in copies.
const YEAR_BRACKETS: [char; 5] = ['〔', '[', '【', '(', '\u{FF08}'];

/// The document number around the year bracket at byte `at` of `s`: issuer prefix, `〔YYYY〕`,
/// number, `号`.
fn doc_number_at(s: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let prefix_start = s[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(8)
        .last()
        .map_or(at, |(i, _)| i);
    let open = s[at..].chars().next()?;
    let close_char = match open {
        '〔' => '〕',
        '[' => ']',
        '【' => '】',
        '(' => ')',
        '\u{FF08}' => '\u{FF09}',
        _ => return None,
    };
    let year = number_at(s, at + open.len_utf8())?;
    if !s[year.1..].starts_with(close_char) || prefix_start == at {
        return None;
    }
    let close = year.1;
    let (_, number_end) = number_at(s, close + close_char.len_utf8())?;
    s[number_end..]
        .starts_with('号')
        .then(|| prefix_start..number_end + '号'.len_utf8())
}

/// The plan period: a year range in the title (`(2023-2025年)`, `(2018—2020年)`), else
/// `实施期限为2018年至2020年`, else the end year of the first `到YYYY年` goal.
fn find_period(text: &str, title: &Title) -> Option<Period> {
    let title_span = title.span.unwrap_or_default();
    let in_title = year_range(title_span.slice(text)).map(|(start, end, range)| Period {
        start: Some(start),
        end: Some(end),
        quote: Some(quoted(
            text,
            Span::new(title_span.start + range.start, title_span.start + range.end),
        )),
    });
    in_title.or_else(|| {
        PERIOD_WORDS.iter().find_map(|w| {
            let at = text.find(w)?;
            let from = at + w.len();
            let window_end = (from..=text.len().min(from + 48))
                .rev()
                .find(|i| text.is_char_boundary(*i))?;
            let window = &text[from..window_end];
            // `2024—2027年`, or `2018年至2020年`.
            let (start, end, range) = year_range(window).or_else(|| {
                let (start, after) = number_at(window, 0)?;
                let rest = window[after..].strip_prefix("年至")?;
                let (end, end_at) = number_at(rest, 0)?;
                rest[end_at..].starts_with('年').then(|| {
                    let stop = after + "年至".len() + end_at + "年".len();
                    (start as u16, end as u16, 0..stop)
                })
            })?;
            (range.start <= 3).then(|| Period {
                start: Some(start),
                end: Some(end),
                quote: Some(quoted(
                    text,
                    Span::new(from + range.start, from + range.end),
                )),
            })
        })
    })
}

/// A `YYYY-YYYY年` range in `s` (hyphen, en dash, em dash or 至; spaces allowed).
pub fn year_range(s: &str) -> Option<(u16, u16, std::ops::Range<usize>)> {
    s.match_indices('年').find_map(|(year_at, _)| {
        let end_year = year_before(s, year_at)?;
        let digits_start = crate::text::year_digits_start(s, year_at)?;
        let before = s[..digits_start].trim_end_matches(' ');
        let dash = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '-' | '—' | '–' | '~' | '至'))?;
        let first_end = before[..before.len() - dash.len_utf8()].trim_end_matches(' ');
        let start_year = year_before(first_end, first_end.len())?;
        let start = crate::text::year_digits_start(first_end, first_end.len())?;
        (start_year <= end_year).then_some((start_year, end_year, start..year_at + '年'.len_utf8()))
    })
}

/// Documents cited: numbers like 国发〔2017〕35号 and titles in 《》, paired when a number follows its
/// title in brackets. The plan's own title and number are left out, and so are short aliases
/// introduced by 以下简称.
fn find_citations(text: &str, own_title: &str, own_number: Option<&str>) -> Vec<Citation> {
    let mut cites: Vec<Citation> = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find('《').map(|i| search + i) {
        let Some(close) = text[open..].find('》').map(|i| open + i) else {
            break;
        };
        let inner = text[open + '《'.len_utf8()..close].trim_matches(is_space);
        let after = close + '》'.len_utf8();
        search = after;
        let title: String = inner
            .chars()
            .filter(|c| !is_space(*c) || *c == ' ')
            .collect();
        let own = !own_title.is_empty()
            && (own_title.contains(title.as_str()) || title.contains(own_title));
        // `(以下简称《行动计划》)` names a short form of an earlier title, which later mentions reuse.
        let is_alias = text.contains(&format!("以下简称《{inner}》"));
        if own
            || is_alias
            || title.chars().count() < 4
            || cites.iter().any(|c| c.title.as_deref() == Some(&title))
        {
            continue;
        }
        // A number in the brackets right after the title belongs to it.
        let tail_end = text.len().min(after + 60);
        let tail_end = (after..=tail_end)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(after);
        let tail = &text[after..tail_end];
        let paired = tail
            .trim_start_matches(is_space)
            .strip_prefix(['(', '\u{FF08}'])
            .and_then(|rest| {
                let offset = tail.len() - rest.len();
                let rest = rest.trim_start_matches(is_space);
                let offset = offset + (tail.len() - offset - rest.len());
                let at = rest.find('〔')?;
                let range = doc_number_at(rest, at)?;
                (range.start == 0)
                    .then(|| (after + offset + range.start, after + offset + range.end))
            });
        let (number, end) = match paired {
            Some((s, e)) => (Some(text[s..e].to_string()), e),
            None => (None, after),
        };
        cites.push(Citation {
            number,
            title: Some(title),
            span: Span::new(open, end),
        });
    }
    // Numbers cited without a title.
    let mut search = 0;
    while let Some(at) = text[search..].find('〔').map(|i| search + i) {
        search = at + '〔'.len_utf8();
        let Some(range) = doc_number_at(text, at) else {
            continue;
        };
        let number = &text[range.clone()];
        if Some(number) == own_number || cites.iter().any(|c| c.number.as_deref() == Some(number)) {
            continue;
        }
        cites.push(Citation {
            number: Some(number.to_string()),
            title: None,
            span: Span::new(range.start, range.end),
        });
    }
    plan_sort::sort_by_key(&mut cites, |c| c.span.start);
    cites
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_force_from_one_date_to_another_has_that_period() {
        let plan = crate::extract_plan(
            "x.txt",
            "某省若干措施\n1.建设算力设施。给予最高3000万元补助。\n本措施自2024年10月1日起施行，有效期至2027年12月31日。",
        );
        let period = plan.period.expect("a period");
        assert_eq!((period.start, period.end), (Some(2024), Some(2027)));
        let quote = period.quote.expect("its words");
        assert_eq!(quote.span.slice(&plan.text), quote.text);
        assert!(quote.text.starts_with("2024年10月1日") && quote.text.ends_with("2027年12月31日"));
    }

    #[test]
    fn a_title_set_over_two_lines_is_one_title() {
        let plan = crate::extract_plan(
            "x.txt",
            "某某省加快推进人工智能\n赋能千行百业实施方案\n\n一、总体要求\n到2026年，建成平台5个。",
        );
        assert_eq!(
            plan.title.text,
            "某某省加快推进人工智能\n赋能千行百业实施方案"
        );
        // A signing body above a title is not part of it.
        let plan = crate::extract_plan(
            "y.txt",
            "某某市人民政府办公室\n某某市人工智能行动计划\n\n一、总体要求\n到2026年，建成平台5个。",
        );
        assert_eq!(plan.title.text, "某某市人工智能行动计划");
    }

    #[test]
    fn dates_with_precision() {
        let d = date_at("2018年10月22日", 0).unwrap();
        assert_eq!(
            (d.year, d.month, d.day, d.precision),
            (Some(2018), Some(10), Some(22), DatePrecision::Day)
        );
        let d = date_at("2023年3月", 0).unwrap();
        assert_eq!((d.month, d.precision), (Some(3), DatePrecision::Month));
        assert_eq!(date_at("2 025年", 0), None);
        assert_eq!(date_at("12345年", 0), None);
        assert_eq!(date_at("abc", 0), None);
    }

    #[test]
    fn dates_in_chinese_numerals() {
        let d = chinese_date_at("二〇二四年三月十五日", 0).unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2024), Some(3), Some(15)));
        assert_eq!(d.quote.unwrap().text, "二〇二四年三月十五日");
        assert_eq!(
            chinese_date_at("二〇三五年远景目标", 0).map(|d| d.precision),
            Some(DatePrecision::Year)
        );
        assert_eq!(chinese_date_at("一二三", 0), None);
        assert_eq!(chinese_date_at("", 0), None);
    }

    #[test]
    fn year_ranges_in_titles() {
        for (title, expected) in [
            (
                "天津市新一代人工智能产业发展三年行动计划(2018—2020年)",
                Some((2018, 2020)),
            ),
            ("实施方案(2023-2025 年)(征求意见稿)", Some((2023, 2025))),
            ("实施方案(2023-2025年)", Some((2023, 2025))),
            ("行动计划(2025-2023年)", None),
            ("行动计划", None),
        ] {
            assert_eq!(
                year_range(title).map(|(a, b, _)| (a, b)),
                expected,
                "{title}"
            );
        }
    }

    #[test]
    fn document_numbers_in_other_brackets() {
        for s in [
            "济政办字[2024]8号",
            "济政办字【2024】8号",
            "济政办字（2024）8号",
        ] {
            let at = s.find(YEAR_BRACKETS).unwrap();
            assert_eq!(doc_number_at(s, at).map(|r| &s[r]), Some(s), "{s}");
        }
        assert_eq!(doc_number_at("(2024)8号", 0), None);
    }

    #[test]
    fn titles_inside_notices() {
        let text = "成都市人民政府办公厅关于印发《成都市人工智能产业发展行动计划》的通知\n";
        let head: Vec<_> = lines(text).collect();
        assert_eq!(
            wrapped_title(&head).map(|s| s.slice(text)),
            Some("成都市人工智能产业发展行动计划")
        );
        let text = "某某区人民政府关于印发某某区人工智能实施方案的通知";
        let head: Vec<_> = lines(text).collect();
        assert_eq!(
            wrapped_title(&head).map(|s| s.slice(text)),
            Some("某某区人工智能实施方案")
        );
    }

    #[test]
    fn document_numbers() {
        let s = "根据国务院《新一代人工智能发展规划》(国发〔2017〕35号)";
        let at = s.find('〔').unwrap();
        assert_eq!(&s[doc_number_at(s, at).unwrap()], "国发〔2017〕35号");
        let cites = find_citations(s, "", None);
        assert_eq!(cites.len(), 1);
        assert_eq!(cites[0].number.as_deref(), Some("国发〔2017〕35号"));
        assert_eq!(cites[0].title.as_deref(), Some("新一代人工智能发展规划"));
    }
}
