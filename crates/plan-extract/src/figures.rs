//! Figures: numbers with a unit that state a target, a commitment or a status.
//!
//! A number counts only with a unit it can be read in (亿元, 家, 个, 名, % …): that keeps years,
//! dates, document numbers, `5G` and `3D` out without a list of exceptions. What the figure measures
//! comes from [`crate::vocab_match::METRIC_RULES`]: the head noun after the number (Chinese puts it
//! last: 具有示范意义的**智慧工厂**), else the nearest keyword before it.

use plan_model::vocab::{metric_by_key, UnitClass};
use plan_model::{
    Baseline, Bound, Confidence, Figure, FigureKind, ItemKind, KindRule, MeasureType, Quoted, Span,
    YearSource,
};

use crate::tables::{table_cells, TableCell};
use crate::text::{digit_value, is_space, sentences, year_before, year_digits_start, KeywordSet};
use crate::vocab_match::METRIC_RULES;

/// A base unit (what is counted), before which a magnitude may stand (万台, 千万元, 万平方米).
struct Base {
    text: &'static str,
    class: UnitClass,
    /// Normalised unit when no metric names a noun.
    noun: &'static str,
    /// A physical measure (computing power, data, length, area, time): no count metric applies.
    physical: bool,
}

const fn base(text: &'static str, class: UnitClass, noun: &'static str) -> Base {
    Base {
        text,
        class,
        noun,
        physical: false,
    }
}

const fn physical(text: &'static str, noun: &'static str) -> Base {
    Base {
        text,
        class: UnitClass::Count,
        noun,
        physical: true,
    }
}

/// Base units; the longest one written wins (人次 over 人, 大类 over 类). Latin units match in any
/// case (PFlops, PFLOPS).
const BASES: &[Base] = &[
    base("元", UnitClass::Money, "yuan"),
    base("%", UnitClass::Percent, "%"),
    base("\u{FF05}", UnitClass::Percent, "%"),
    base("人次", UnitClass::People, "person-times"),
    base("名", UnitClass::People, "people"),
    base("人", UnitClass::People, "people"),
    base("家", UnitClass::Enterprises, "enterprises"),
    base("个", UnitClass::Count, "items"),
    base("项", UnitClass::Count, "items"),
    base("种", UnitClass::Count, "kinds"),
    base("大类", UnitClass::Count, "categories"),
    base("类", UnitClass::Count, "categories"),
    base("所", UnitClass::Count, "schools"),
    base("台", UnitClass::Count, "units"),
    base("套", UnitClass::Count, "sets"),
    base("架", UnitClass::Count, "racks"),
    base("款", UnitClass::Count, "products"),
    base("座", UnitClass::Count, "sites"),
    base("件", UnitClass::Count, "items"),
    base("户", UnitClass::Count, "households"),
    base("辆", UnitClass::Count, "vehicles"),
    physical("PFlops", "PFlops"),
    physical("EFlops", "EFlops"),
    physical("TFlops", "TFlops"),
    physical("PB", "PB"),
    physical("TB", "TB"),
    physical("EB", "EB"),
    physical("平方公里", "km²"),
    physical("平方米", "m²"),
    physical("公里", "km"),
    physical("千米", "km"),
    physical("毫秒", "ms"),
    physical("亩", "mu"),
    physical("吨", "t"),
    physical("千瓦", "kW"),
    physical("兆瓦", "MW"),
    base("个百分点", UnitClass::Percent, "percentage points"),
    base("场", UnitClass::Count, "events"),
    base("期", UnitClass::Count, "sessions"),
    base("批次", UnitClass::Count, "batches"),
    base("批", UnitClass::Count, "batches"),
    base("次", UnitClass::Count, "times"),
    base("篇", UnitClass::Count, "papers"),
];

/// The length in `s` of a Latin unit `unit` written at its start, in any case and in half- or
/// full-width letters (`PFlops`, `PFLOPS`, `ＰＦｌｏｐｓ`).
fn latin_unit_len(s: &str, unit: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = s.chars();
    for u in unit.chars() {
        let c = chars.next()?;
        let folded = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)?,
            _ => c,
        };
        if !folded.eq_ignore_ascii_case(&u) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// The longest base unit at the start of `s`, with its length as written.
fn base_at(s: &str) -> Option<(&'static Base, usize)> {
    BASES
        .iter()
        .filter_map(|b| {
            let len = if b.text.is_ascii() {
                let len = latin_unit_len(s, b.text)?;
                // A Latin unit is a word of its own (`2PB`, not `2PBX`).
                let next = s[len..].chars().next();
                if b.text != "%" && next.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    return None;
                }
                len
            } else {
                s.starts_with(b.text).then_some(b.text.len())?
            };
            Some((b, len))
        })
        .max_by_key(|(b, _)| b.text.len())
}

/// Magnitudes written before a base unit, longest first.
const MAGNITUDES: &[(&str, f64)] = &[
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("亿", 1e8),
    ("千", 1e3),
];

/// A unit as read: the base, the magnitude factor and where the unit ends.
#[derive(Clone, Copy)]
struct Unit {
    base: &'static Base,
    scale: f64,
    has_magnitude: bool,
    /// Bytes as written.
    len: usize,
}

/// The unit written at the start of `rest`.
fn unit_at(rest: &str) -> Option<Unit> {
    // With a magnitude (万台) if one is written and a base follows it, else a base alone (千瓦 is a
    // base, not 千 + 瓦).
    let magnitude = MAGNITUDES
        .iter()
        .find(|(m, _)| rest.starts_with(m))
        .filter(|(m, _)| base_at(&rest[m.len()..]).is_some());
    let (magnitude, scale) = magnitude.map_or(("", 1.0), |(m, f)| (*m, *f));
    let after = &rest[magnitude.len()..];
    let found = base_at(after);
    match found {
        Some((b, _)) if b.class == UnitClass::Percent && !magnitude.is_empty() => None,
        Some((b, len)) => Some(Unit {
            base: b,
            scale,
            has_magnitude: !magnitude.is_empty(),
            len: magnitude.len() + len,
        }),
        // 亿 alone is money only where 元 is left out before 的 (总规模 100 亿的…基金).
        None if rest.starts_with("亿的") => Some(Unit {
            base: &BASES[0],
            scale: 1e8,
            has_magnitude: true,
            len: "亿".len(),
        }),
        _ => None,
    }
}

/// A unit written on its own, read the way extraction reads the unit after a number: what it
/// measures, the factor to the normalised value and the normalised unit when no metric names one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitReading {
    pub class: UnitClass,
    /// Factor from a value in this unit to the normalised one (亿元 → 1e8).
    pub scale: f64,
    /// Normalised unit when no metric names a noun (`yuan`, `%`, `people`, `items` …).
    pub noun: &'static str,
    /// A physical measure (PFlops, 平方米 …): no count metric applies.
    pub physical: bool,
}

/// Reads `written` (e.g. `亿元`, `万人`, `PFlops`) as a whole unit; `None` unless the whole text,
/// spaces around it aside, is one unit extraction knows. For a user's correction of a unit.
pub fn read_unit(written: &str) -> Option<UnitReading> {
    let written = written.trim();
    let unit = unit_at(written).filter(|u| u.len == written.len())?;
    Some(UnitReading {
        class: unit.base.class,
        scale: unit.scale,
        noun: unit.base.noun,
        physical: unit.base.physical,
    })
}

/// Qualifiers written before a number, with the bound they set (达到 states the value exactly).
const BEFORE: &[(&str, Bound)] = &[
    ("不超过", Bound::AtMost),
    ("最高", Bound::AtMost),
    ("最多", Bound::AtMost),
    ("不低于", Bound::AtLeast),
    ("不少于", Bound::AtLeast),
    ("超过", Bound::MoreThan),
    ("突破", Bound::MoreThan),
    ("达到", Bound::Exact),
    ("达", Bound::Exact),
    ("约", Bound::About),
    ("近", Bound::About),
];
/// Qualifiers written after the unit.
const AFTER: &[(&str, Bound)] = &[
    ("(含)以上", Bound::AtLeast),
    ("\u{FF08}含\u{FF09}以上", Bound::AtLeast),
    ("以上", Bound::AtLeast),
    ("左右", Bound::About),
    ("以内", Bound::AtMost),
    ("以下", Bound::AtMost),
];
const RANGE_DASHES: [char; 6] = ['-', '\u{2014}', '\u{2013}', '~', '\u{FF5E}', '至'];
const CLAUSE_ENDS: [char; 7] = [',', '\u{FF0C}', ';', '\u{FF1B}', '。', ':', '\u{FF1A}'];
const STATUS_MARKERS: &[&str] = &[
    "现有",
    "已有",
    "已建成",
    "累计已",
    "近年来",
    "去年",
    "已经",
    "截至",
    "目前",
    "近三年",
    "近两年",
    "据初步统计",
    "先后",
    "已初步",
];

/// What the figure's item says about it.
#[derive(Debug, Clone, Copy)]
pub struct ItemContext {
    pub kind: ItemKind,
    /// The `到YYYY年` of the goal section the item stands in.
    pub section_year: Option<u16>,
}

/// Figures of the item at `span` of `text`.
/// Their `id` and `item` are left for the caller to set.
pub fn figures_in(text: &str, span: Span, context: ItemContext) -> Vec<Figure> {
    let mut out = Vec::new();
    let table = table_cells(text, span);
    // Where the item's 。-sentences end, found once: each figure looks its sentence up by binary
    // search, so an item without 。 (a flattened table, a megabyte of rows) stays linear.
    let stops: Vec<usize> = span
        .slice(text)
        .match_indices('。')
        .map(|(i, _)| span.start + i)
        .collect();
    for sentence in sentences(text, span)
        .into_iter()
        .flat_map(|s| split_long(text, s))
    {
        let cell = table.iter().find(|c| c.line == sentence);
        let s = sentence.slice(text);
        let mut at = 0;
        while at < s.len() {
            let Some(c) = s[at..].chars().next() else {
                break;
            };
            let found = if digit_value(c).is_some() && starts_number(s, at) {
                read_number(s, at)
            } else if is_number_word_char(c)
                && !s[..at].chars().next_back().is_some_and(|p| {
                    is_number_word_char(p) || p == '第' || digit_value(p).is_some()
                })
            {
                read_number_words(s, at).or_else(|| read_magnitude_only(s, at))
            } else if matches!(c, '万' | '千')
                && s[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|p| digit_value(p).is_none())
            {
                read_magnitude_only(s, at)
            } else {
                None
            };
            match found {
                Some(reading) => {
                    let end = reading.end;
                    let bounds = full_sentence(&stops, span, sentence.start + reading.start);
                    out.push(finish(text, sentence, bounds, reading, context, cell));
                    at = end;
                }
                None => at += c.len_utf8(),
            }
        }
    }
    link_baselines(text, &mut out);
    out
}

/// A number read from a sentence (offsets relative to the sentence).
struct Reading {
    start: usize,
    end: usize,
    /// Where the number itself begins (after any qualifier before it): the metric is looked for in
    /// the words before this point.
    number_start: usize,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    unit: Unit,
    unit_span: (usize, usize),
    qualifier: Option<String>,
    bound: Bound,
}

fn starts_number(s: &str, at: usize) -> bool {
    let mut before = s[..at].chars().rev();
    let prev = before.next();
    // `500` in `1,500` is a group of the number before it.
    let grouped = prev == Some(',') && before.next().is_some_and(|p| p.is_ascii_digit());
    !grouped
        && !prev.is_some_and(|p| {
            digit_value(p).is_some()
                || p.is_ascii_alphabetic()
                || matches!(p, '.' | '第' | '〔' | '+' | '-')
        })
}

/// Whether `rest` (just after a `,`) is a three-digit group that ends there: `1,500亿元` has one,
/// `3,5个` and `2024,2025` (a list) do not.
fn is_thousands_group(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= 3
        && bytes[..3].iter().all(u8::is_ascii_digit)
        && bytes.get(3).is_none_or(|b| !b.is_ascii_digit())
}

/// Digits with an optional decimal part at `at`: value and end.
fn decimal_at(s: &str, at: usize) -> Option<(f64, usize)> {
    let mut end = at;
    let mut seen_dot = false;
    for (i, c) in s[at..].char_indices() {
        if digit_value(c).is_some() {
            end = at + i + c.len_utf8();
        } else if c == ',' && !seen_dot && end == at + i && is_thousands_group(&s[at + i + 1..]) {
            // A thousands separator (`1,500亿元`, `5,000PFlops`): skipped in the value.
        } else if c == '.'
            && !seen_dot
            && s[at + i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_digit())
        {
            seen_dot = true;
        } else {
            break;
        }
    }
    if end == at {
        return None;
    }
    let digits: String = s[at..end]
        .chars()
        .filter(|&c| c != ',')
        .map(|c| digit_value(c).map_or(c, |d| char::from_digit(d, 10).unwrap_or('0')))
        .collect();
    digits
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| (v, end))
}

fn skip_spaces(s: &str, at: usize) -> usize {
    at + (s[at..].len() - s[at..].trim_start_matches(is_space).len())
}

fn read_number(s: &str, start: usize) -> Option<Reading> {
    let (first, mut end) = decimal_at(s, start)?;
    let mut max = None;
    let after = skip_spaces(s, end);
    if let Some(dash) = s[after..]
        .chars()
        .next()
        .filter(|c| RANGE_DASHES.contains(c))
    {
        let second_at = skip_spaces(s, after + dash.len_utf8());
        if let Some((second, second_end)) = decimal_at(s, second_at) {
            if second >= first {
                max = Some(second);
                end = second_end;
            }
        }
    }
    let unit_start = skip_spaces(s, end);
    let rest = &s[unit_start..];
    if rest.starts_with(['年', '月', '日', '号', '周', '岁']) {
        return None;
    }
    let unit = unit_at(rest)?;
    let unit_end = unit_start + unit.len;
    let (value, min) = if max.is_some() {
        (None, Some(first))
    } else {
        (Some(first), None)
    };
    Some(qualify(s, start, unit_end, start, value, min, max, unit))
}

/// Chinese numeral characters of a written-out number (两千, 八十, 一百).
fn is_number_word_char(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// Value of a written-out number below ten thousand (两千 = 2000, 八十 = 80, 一百零五 = 105).
fn number_word_value(s: &str) -> Option<f64> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        let d = "零一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .map(|p| p as u32);
        let d = d.or(match c {
            '两' => Some(2),
            '〇' => Some(0),
            _ => None,
        });
        match (d, c) {
            (Some(d), _) => {
                if digit.is_some_and(|x| x != 0) {
                    return None;
                }
                digit = Some(d);
            }
            (None, '十') => total += digit.take().unwrap_or(1) * 10,
            (None, '百') => total += digit.take()? * 100,
            (None, '千') => total += digit.take()? * 1000,
            _ => return None,
        }
    }
    Some(f64::from(total + digit.unwrap_or(0)))
}

/// A written-out number with a unit (`两千家`, `一百亿元`, `八十万平方米`). It must be a real
/// quantity, with 十/百/千 in it or a magnitude in its unit: `一个`, `两家`, `三项` are words.
fn read_number_words(s: &str, start: usize) -> Option<Reading> {
    let len = s[start..]
        .char_indices()
        .find(|(_, c)| !is_number_word_char(*c))
        .map_or(s.len() - start, |(i, _)| i);
    // Most numeral characters are words (一批, 三大): a quantity has 十/百/千 or a magnitude after.
    let next = s[start + len..].chars().next();
    if !s[start..start + len].contains(['十', '百', '千']) && !matches!(next, Some('万' | '亿'))
    {
        return None;
    }
    // The magnitude 千 of a unit (`五千万元`) is not part of the number when what follows is one.
    let mut end = start + len;
    let mut found = None;
    while end > start {
        let words = &s[start..end];
        if let (Some(value), Some(unit)) = (number_word_value(words), unit_at(&s[end..])) {
            let counted = words.contains(['十', '百', '千']) || unit.has_magnitude;
            if counted && value > 0.0 {
                found = Some((value, unit, end + unit.len));
            }
            break;
        }
        end -= s[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    let (value, unit, unit_end) = found?;
    if s[unit_end.min(s.len())..].starts_with(['年', '月', '日']) {
        return None;
    }
    Some(qualify(
        s,
        start,
        unit_end,
        start,
        Some(value),
        None,
        None,
        unit,
    ))
}

/// `万人以上` / `千人以上`: a magnitude word standing for one ten-thousand or one thousand people.
fn read_magnitude_only(s: &str, at: usize) -> Option<Reading> {
    let rest = &s[at..];
    if !(rest.starts_with("万人") || rest.starts_with("千人")) {
        return None;
    }
    let unit = unit_at(rest)?;
    let unit_end = at + unit.len;
    if !AFTER.iter().any(|(q, _)| s[unit_end..].starts_with(q)) {
        return None;
    }
    Some(qualify(s, at, unit_end, at, Some(1.0), None, None, unit))
}

#[allow(clippy::too_many_arguments)]
fn qualify(
    s: &str,
    start: usize,
    unit_end: usize,
    number_start: usize,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    unit: Unit,
) -> Reading {
    let before = s[..start].trim_end_matches(is_space);
    let after = &s[unit_end..];
    let (qualifier, bound, end) =
        if let Some((q, b)) = AFTER.iter().find(|(q, _)| after.starts_with(q)) {
            (Some(q.to_string()), *b, unit_end + q.len())
        } else if let Some((q, b)) = BEFORE.iter().find(|(q, _)| before.ends_with(q)) {
            (Some(q.to_string()), *b, unit_end)
        } else {
            (None, Bound::Exact, unit_end)
        };
    Reading {
        start,
        end,
        number_start,
        value,
        min,
        max,
        unit,
        unit_span: (unit_end - unit.len, unit_end),
        qualifier,
        bound,
    }
}

fn clause_start(s: &str, at: usize) -> usize {
    s[..at]
        .rfind(CLAUSE_ENDS)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8))
}

/// The metric whose keyword ends last in `window` (the head noun), ties to the longest keyword.
/// The metric rules a unit class can take, as one keyword set per class (built once).
fn rules_for(class: UnitClass) -> &'static KeywordSet {
    const CLASSES: [UnitClass; 5] = [
        UnitClass::Money,
        UnitClass::Percent,
        UnitClass::People,
        UnitClass::Enterprises,
        UnitClass::Count,
    ];
    static SETS: std::sync::OnceLock<Vec<KeywordSet>> = std::sync::OnceLock::new();
    let sets = SETS.get_or_init(|| {
        CLASSES
            .iter()
            .map(|class| {
                KeywordSet::new(
                    METRIC_RULES
                        .iter()
                        .enumerate()
                        .filter(|(_, rule)| {
                            metric_by_key(rule.metric).is_some_and(|m| m.units.contains(class))
                        })
                        .map(|(i, rule)| (rule.keyword, i)),
                )
            })
            .collect()
    });
    &sets[CLASSES.iter().position(|c| *c == class).unwrap_or(0)]
}

/// The metric whose keyword ends last in `window` (the head noun), ties to the longest keyword.
fn metric_in(window: &str, class: UnitClass) -> Option<(&'static str, Option<&'static str>)> {
    rules_for(class)
        .find_all(window)
        .map(|(at, keyword, rule)| (at + keyword.len(), keyword.len(), &METRIC_RULES[rule]))
        .max_by_key(|(end, len, _)| (*end, *len))
        .map(|(_, _, rule)| (rule.metric, rule.scope))
}

/// The 。-sentence around byte `at` of an item at `span` whose 。 stand at `stops`: from after
/// the last 。 before `at` to the first 。 after it (or the item's ends), at most
/// [`SENTENCE_REACH`] bytes each way.
fn full_sentence(stops: &[usize], span: Span, at: usize) -> Span {
    let after = stops.partition_point(|&s| s < at);
    let start = after
        .checked_sub(1)
        .map_or(span.start, |i| stops[i] + '。'.len_utf8())
        .max(at.saturating_sub(SENTENCE_REACH));
    let end = stops
        .get(after)
        .copied()
        .unwrap_or(span.end)
        .min(at + SENTENCE_REACH);
    Span::new(start, end)
}

/// A sentence cut into pieces of at most about [`SENTENCE_REACH`] bytes, at commas where it has
/// them: a run of text without 。 or ； (rows joined from a PDF, a megabyte of them) is no
/// sentence, and quoting it whole for every figure in it would cost its length squared.
fn split_long(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > 2 * SENTENCE_REACH {
        let limit = floor_boundary(text, start + SENTENCE_REACH);
        let cut = text[start..limit]
            .rfind(['，', ',', '、'])
            .map(|i| start + i + text[start + i..].chars().next().map_or(1, char::len_utf8))
            .filter(|&c| c > start)
            .unwrap_or(limit);
        out.push(Span::new(start, cut));
        start = cut;
    }
    out.push(Span::new(start, sentence.end));
    out
}

/// The nearest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary of `text` at or after `at`.
fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// How far a figure's 。-sentence is read each way, in bytes: a run of text without 。 is not one
/// sentence, and reading it whole for every figure would be quadratic.
const SENTENCE_REACH: usize = 600;

fn finish(
    text: &str,
    sentence: Span,
    full: Span,
    r: Reading,
    context: ItemContext,
    cell: Option<&TableCell>,
) -> Figure {
    let s = sentence.slice(text);
    // What follows the figure up to the clause end or the next number names what is counted.
    let after = &s[r.end..];
    let after_end = after
        .find(|c: char| CLAUSE_ENDS.contains(&c) || digit_value(c).is_some())
        .unwrap_or(after.len());
    let clause_from = clause_start(s, r.number_start);
    let before_clause = &s[clause_from..r.number_start];
    let class = r.unit.base.class;
    let label = cell.and_then(|c| c.label).map(|l| l.slice(text));
    let found = if r.unit.base.physical {
        None
    } else {
        label
            .and_then(|l| metric_in(l, class))
            .or_else(|| metric_in(&after[..after_end], class))
            .or_else(|| metric_in(before_clause, class))
            .or_else(|| metric_in(&s[..r.number_start], class))
    };
    let (metric, scope) = found.map_or((None, None), |(m, scope)| (Some(m), scope));
    let unit_normalized = metric
        .and_then(metric_by_key)
        .map_or(r.unit.base.noun, |m| m.noun);
    let per_year = before_clause.contains("每年")
        || (before_clause.contains("年均") && class != UnitClass::Percent);
    let growth_rate = class == UnitClass::Percent
        && ["年均增速", "年均增长", "增长率", "增速", "复合增长"]
            .iter()
            .any(|w| before_clause.contains(w));
    let measure = measure_of(&r, per_year, growth_rate);
    // The 。-sentence the figure stands in: a PDF copy may break it over lines, and a condition
    // (对…的企业) may only end on the next line.
    let rest_start = sentence.start + r.end;
    let rest_end = floor_boundary(text, full.end.max(rest_start));
    let sentence_rest = &text[rest_start..rest_end];
    let mut decision = match cell {
        // A table's column says what its cells are.
        Some(c) => KindDecision {
            kind: if c.base {
                FigureKind::Status
            } else {
                FigureKind::Target
            },
            rule: KindRule::TableColumn,
            cue: Some(c.header.slice(text).to_string()),
            strong: true,
        },
        None => decide_kind(s, &r, sentence_rest, context.kind, class),
    };
    let kind = decision.kind;
    // A clause after ； or a line break belongs to its 。-sentence: `到2026年，…；…达到10000PFlops`.
    let full_start = ceil_boundary(text, full.start.min(sentence.start));
    let full_year = || last_year_reached(&text[full_start..sentence.start + r.start]);
    let (year, year_source) = match cell.map(|c| c.year) {
        Some(y) => (Some(y), Some(YearSource::Table)),
        None => match sentence_year(s)
            .or_else(full_year)
            .or_else(|| five_year_plan(&text[full_start..sentence.start + r.start]))
        {
            Some(y) => (Some(y), Some(YearSource::Sentence)),
            None if matches!(kind, FigureKind::Target) && context.kind == ItemKind::Goal => (
                context.section_year,
                context.section_year.map(|_| YearSource::Section),
            ),
            None => (None, None),
        },
    };
    if decision.rule == KindRule::UndatedTask && year.is_some() {
        decision.rule = KindRule::DatedTask;
    }
    let raw_span = Span::new(sentence.start + r.start, sentence.start + r.end);
    let counted = match label {
        Some(l) => Some(l.to_string()),
        None => counted(s, &r, clause_from, &after[..after_end]),
    };
    Figure {
        // Given by the caller, which knows the plan and the item.
        id: String::new(),
        item: 0,
        raw: raw_span.slice(text).to_string(),
        raw_span,
        quote: sentence.slice(text).to_string(),
        span: sentence,
        value: r.value,
        min: r.min,
        max: r.max,
        unit: s[r.unit_span.0..r.unit_span.1].to_string(),
        unit_class: class,
        unit_normalized: unit_normalized.to_string(),
        scale: r.unit.scale,
        qualifier: r.qualifier,
        bound: r.bound,
        measure,
        counted,
        year,
        year_source,
        baseline: None,
        kind,
        kind_rule: decision.rule,
        kind_cue: decision.cue,
        confidence: confidence(decision.strong, metric.is_some(), kind, year.is_some()),
        metric,
        scope,
        corrected: Vec::new(),
    }
}

/// Words by which the government gives support; after a condition (对…的企业 … 给予) they make
/// the figures in the condition thresholds, and before money they make it funding.
const SUPPORT_VERBS: &[&str] = &[
    "给予", "奖励", "补助", "补贴", "资助", "予以", "奖补", "扶持", "支持",
];
/// Who may be supported: the noun a condition ends on (…的企业, …的项目).
const ELIGIBLE: &[&str] = &[
    "企业", "机构", "项目", "单位", "平台", "团队", "个人", "人才", "产品", "园区", "高校", "院所",
    "主体", "模型", "装备", "中心",
];
/// Words that open a condition of support.
const CONDITION_OPENERS: &[char] = &['对', '凡'];
/// Words around money that make it money the government puts in.
const MONEY_BEFORE: &[&str] = &[
    "给予", "奖励", "补助", "补贴", "资助", "最高", "扶持", "安排", "财政", "专项", "发放",
];
const MONEY_AFTER: &[&str] = &[
    "基金",
    "资助",
    "奖励",
    "补助",
    "补贴",
    "专项资金",
    "财政资金",
    "资金",
    "经费",
];
/// Words that make a percentage in their clause a rate of support.
const RATE_SUPPORT: &[&str] = &["给予", "补助", "补贴", "奖励", "贴息", "资助", "奖补"];
/// Words by which a later figure grows from an earlier one (由X提高到Y).
const RAISED_TO: &[&str] = &[
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增长到",
    "增长至",
    "增加到",
    "增加至",
    "扩大到",
    "扩大至",
    "增至",
    "达到",
];

/// What decided a figure's kind.
struct KindDecision {
    kind: FigureKind,
    rule: KindRule,
    cue: Option<String>,
    /// The cue is a word of the source, not just the section the figure stands in.
    strong: bool,
}

impl KindDecision {
    fn new(kind: FigureKind, rule: KindRule, cue: Option<&str>, strong: bool) -> KindDecision {
        KindDecision {
            kind,
            rule,
            cue: cue.map(str::to_string),
            strong,
        }
    }
}

/// The measure type of a reading.
fn measure_of(r: &Reading, per_year: bool, growth_rate: bool) -> MeasureType {
    if growth_rate {
        MeasureType::Growth
    } else if per_year {
        MeasureType::Flow
    } else if r.unit.base.class == UnitClass::Percent {
        MeasureType::Share
    } else if r.unit.base.class == UnitClass::Money || r.unit.base.physical {
        MeasureType::Level
    } else {
        MeasureType::Count
    }
}

/// The condition of support a figure stands in, if any: from `对`/`凡` (when written) to the
/// end of the condition after it, which a support verb follows: an eligible noun
/// (对投入达到500万元以上的人工智能企业…给予…) or a bare `的，` (首次突破50亿元的，奖励…).
fn condition_of(before: &str, rest: &str) -> Option<Condition> {
    // After a support verb in its own clause the figure is the award (每个平台给予100万元的…).
    let own_clause = &before[clause_start(before, before.len())..];
    if SUPPORT_VERBS.iter().any(|v| own_clause.contains(v)) {
        return None;
    }
    // 支持 alone is too common a verb (支持龙头企业牵头…) to close a condition.
    let verb_at = SUPPORT_VERBS
        .iter()
        .filter(|v| **v != "支持")
        .filter_map(|v| rest.find(v))
        .min()?;
    let condition = &rest[..verb_at];
    // The opener must belong to this condition: in the figure's part of the sentence, with no
    // support verb between it and the figure; 针对, 对标, 对接 … are not openers.
    let part = before.rfind(['；', ';', '。']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let opener = before[part..]
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            CONDITION_OPENERS.contains(&c)
                && !NOT_OPENERS.iter().any(|w| {
                    let at = part + i;
                    before[..at + c.len_utf8()].ends_with(w) || before[at..].starts_with(w)
                })
        })
        .map(|(i, _)| part + i)
        .filter(|&i| !SUPPORT_VERBS.iter().any(|v| before[i..].contains(v)));
    let noun_end = condition.match_indices('的').find_map(|(at, _)| {
        // A new condition or sentence part before it: this 的 is not the figure's.
        if condition[..at].contains(CONDITION_OPENERS) || condition[..at].contains(['；', ';']) {
            return None;
        }
        let after = &condition[at + '的'.len_utf8()..];
        if after.starts_with(['，', ',']) {
            return Some(at + '的'.len_utf8());
        }
        // The noun may carry modifiers (的人工智能企业), within the clause.
        let clause = &after[..after.find(CLAUSE_ENDS).unwrap_or(after.len())];
        let window: String = clause.chars().take(10).collect();
        ELIGIBLE
            .iter()
            .filter_map(|n| window.find(n).map(|i| i + n.len()))
            .min()
            .map(|end| at + '的'.len_utf8() + end)
    })?;
    // Without an opener the support must follow the condition closely (…的企业，给予…).
    if opener.is_none() && condition[noun_end..].chars().count() > 8 {
        return None;
    }
    Some(Condition { opener, noun_end })
}

/// A condition of support a figure stands in: where its opener (对, 凡) is in the text before
/// the figure, and where its eligible noun ends in the text after it.
struct Condition {
    opener: Option<usize>,
    noun_end: usize,
}

/// Words in which 对 or 凡 does not open a condition.
const NOT_OPENERS: &[&str] = &[
    "针对", "对标", "对接", "面对", "应对", "相对", "对外", "对口", "绝对", "平凡",
];

/// Words that make the number after them a requirement (申报项目投资额须达到2000万元以上).
const REQUIRED: &[&str] = &["须达到", "需达到", "应达到", "须在", "需在", "不得低于"];

/// The kind of the figure read as `r` in sentence `s`; `rest` is the text after it to the end of
/// its 。-sentence (which may go on past a line break).
fn decide_kind(s: &str, r: &Reading, rest: &str, item: ItemKind, class: UnitClass) -> KindDecision {
    let before = &s[..r.number_start];
    if s.contains("预计") {
        return KindDecision::new(
            FigureKind::Forecast,
            KindRule::ForecastWord,
            Some("预计"),
            true,
        );
    }
    if item == ItemKind::Status {
        return KindDecision::new(FigureKind::Status, KindRule::StatusSection, None, true);
    }
    // 在现有基础上 (building on what exists) looks ahead, not back.
    let looking_back = before.replace("现有基础", "");
    if let Some(marker) = STATUS_MARKERS.iter().find(|m| looking_back.contains(*m)) {
        return KindDecision::new(FigureKind::Status, KindRule::StatusWord, Some(marker), true);
    }
    if let Some(Condition { opener, noun_end }) = condition_of(before, rest) {
        let cue = match opener {
            Some(at) => format!("{}{}", &s[at..r.end], &rest[..noun_end]),
            None => format!("{}{}", &s[r.start..r.end], &rest[..noun_end]),
        };
        let cue = cue.replace('\n', "");
        return KindDecision {
            kind: FigureKind::Threshold,
            rule: KindRule::EligibilityCondition,
            cue: Some(cue),
            strong: opener.is_some(),
        };
    }
    let clause_before = &before[clause_start(before, before.len())..];
    // A condition that defines what is counted: 总投资超过10亿元的重大项目不少于3个,
    // 营业收入超过10亿元的企业20家 (the count is the target; the amount only says which).
    let after_clause = &rest[..rest.find(CLAUSE_ENDS).unwrap_or(rest.len())];
    if after_clause.starts_with('的') && after_clause.chars().any(|c| digit_value(c).is_some()) {
        let noun_end = after_clause
            .char_indices()
            .find(|(_, c)| digit_value(*c).is_some())
            .map_or(after_clause.len(), |(i, _)| i);
        let noun = trim_lead_verbs(&after_clause[..noun_end]);
        // From the qualifier written before the number (超过10亿元的企业).
        let from = r
            .qualifier
            .as_deref()
            .filter(|q| s[..r.start].ends_with(q))
            .map_or(r.start, |q| r.start - q.len());
        return KindDecision {
            kind: FigureKind::Threshold,
            rule: KindRule::EligibilityCondition,
            cue: Some(format!("{}{noun}", &s[from..r.end])),
            strong: false,
        };
    }
    if let Some(word) = REQUIRED.iter().find(|w| clause_before.contains(*w)) {
        return KindDecision::new(
            FigureKind::Threshold,
            KindRule::EligibilityCondition,
            Some(word),
            false,
        );
    }
    let after_clause = &rest[..rest.find(CLAUSE_ENDS).unwrap_or(rest.len())];
    // R&D spending (研发经费) is the economy's, not the government's support.
    // R&D spending (研发经费) and money the support draws in (带动社会投资, 撬动社会资本投入) are the
    // economy's, not the government's.
    let not_government = ["研发", "带动", "撬动", "吸引"]
        .iter()
        .any(|w| clause_before.contains(w));
    if class == UnitClass::Money && !not_government {
        // The size of a fund named in the clause just before (设立…子基金，规模不少于100亿元).
        let own = clause_start(before, before.len());
        let mark = before[..own]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let previous_clause = &before[clause_start(before, mark)..own];
        if clause_before.contains("规模")
            && clause_before.chars().count() <= 8
            && previous_clause.contains("基金")
        {
            return KindDecision::new(
                FigureKind::Funding,
                KindRule::SupportMoney,
                Some("基金"),
                true,
            );
        }
        // The money's own words: 给予/最高/安排… before it, 资金/基金/经费 before or after it.
        let word = MONEY_BEFORE
            .iter()
            .chain(MONEY_AFTER)
            .find(|w| clause_before.contains(*w))
            .or_else(|| MONEY_AFTER.iter().find(|w| after_clause.contains(*w)));
        if let Some(word) = word {
            return KindDecision::new(
                FigureKind::Funding,
                KindRule::SupportMoney,
                Some(word),
                true,
            );
        }
    } else if class == UnitClass::Percent {
        // A support rate: 按投资额的20%给予补助, 给予最高30%补贴.
        let word = RATE_SUPPORT
            .iter()
            .find(|w| clause_before.contains(*w) || after_clause.contains(*w));
        if let Some(word) = word {
            return KindDecision::new(
                FigureKind::Funding,
                KindRule::SupportMoney,
                Some(word),
                true,
            );
        }
    } else {
        // 每年支持10个，每个平台给予100万元: the number of awards belongs with the award.
        let lead = clause_before.trim_end_matches(is_space);
        let verb = ["支持", "资助", "奖励", "补贴", "认定"]
            .into_iter()
            .find(|v| lead.ends_with(v));
        let grants = ["给予", "资助", "奖励", "补助", "补贴"]
            .iter()
            .any(|g| s.contains(g) || rest.contains(g));
        if let Some(verb) = verb.filter(|_| grants) {
            return KindDecision::new(
                FigureKind::Funding,
                KindRule::SupportedCount,
                Some(verb),
                true,
            );
        }
    }
    match item {
        ItemKind::Goal => KindDecision::new(FigureKind::Target, KindRule::GoalSection, None, true),
        // Guiding ideas state aims too (打造千亿级产业), less surely than a goals section.
        ItemKind::Context => {
            KindDecision::new(FigureKind::Target, KindRule::Background, None, false)
        }
        // A task's number is a commitment; without a year it is less sure (see `confidence`).
        _ => KindDecision::new(FigureKind::Target, KindRule::UndatedTask, None, true),
    }
}

/// How sure a reading is: a strong cue, a known metric and (for a target) a year each count.
fn confidence(strong: bool, has_metric: bool, kind: FigureKind, has_year: bool) -> Confidence {
    let mut c = if strong {
        Confidence::High
    } else {
        Confidence::Medium
    };
    // A metric matters where figures line up by it: goals and reports, not support terms.
    let lined_up = matches!(
        kind,
        FigureKind::Target | FigureKind::Forecast | FigureKind::Status
    );
    if lined_up && !has_metric {
        c = c.lower();
    }
    if kind == FigureKind::Target && !has_year {
        c = c.lower();
    }
    c
}

/// Verbs and qualifiers that end the words before a number (…规模达 400 亿元).
const LEAD_VERBS: &[&str] = &[
    "达到",
    "达",
    "超过",
    "突破",
    "不低于",
    "不少于",
    "实现",
    "力争",
    "争取",
    "为",
    "至",
    "到",
    "约",
    "近",
    "总计",
    "累计",
    "合计",
    "新增",
    "提高",
    "提升",
    "增长",
    "增加",
    "将",
];
/// The longest phrase kept as what a figure counts.
const COUNTED_CHARS: usize = 24;

/// What a figure counts, in the source's words: the noun after it (10个以上行业顶尖人才团队), else
/// the words before it in its clause (人工智能核心产业规模达400亿元).
fn counted(s: &str, r: &Reading, clause_from: usize, after: &str) -> Option<String> {
    let after = after.trim_start_matches(is_space).trim_start_matches('的');
    let after = &after[..after.find(['、', '，', ',']).unwrap_or(after.len())];
    let after = after.trim_end_matches(['等', ' ', '和', '及', '与']);
    // 提高到…, 增加到…: what follows is the change, not the thing counted.
    let a_change = RAISED_TO.iter().any(|w| after.starts_with(w));
    if !a_change && cjk_count(after) >= 2 {
        return Some(after.chars().take(COUNTED_CHARS).collect());
    }
    let mut before = trim_lead_verbs(&s[clause_from..r.start]);
    // Not the year the clause opens with (到2025年，…).
    if let Some(at) = before.rfind('年') {
        if year_before(before, at).is_some() {
            before = &before[at + '年'.len_utf8()..];
        }
    }
    // Not an earlier figure of a list (人才万人以上、算法工程师千人以上) or an outline marker.
    if let Some(at) = before.rfind('、') {
        before = &before[at + '、'.len_utf8()..];
    }
    if let Some(at) = before.find([')', '\u{FF09}']).filter(|&at| at <= 12) {
        before = &before[at + before[at..].chars().next().map_or(1, char::len_utf8)..];
    }
    counted_tail(before.trim_start_matches(['，', ',', ' ', '全', '市', '省']))
}

/// How many Chinese characters `words` holds: what is counted needs two at least.
fn cjk_count(words: &str) -> usize {
    words
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count()
}

/// The last [`COUNTED_CHARS`] characters of the words before a figure (the head noun ends a
/// Chinese phrase), when they can name what is counted.
fn counted_tail(words: &str) -> Option<String> {
    (cjk_count(words) >= 2).then(|| {
        let skip = words.chars().count().saturating_sub(COUNTED_CHARS);
        words.chars().skip(skip).collect()
    })
}

/// `words` without the verbs and qualifiers that end it (…规模达 → …规模, …项目不少于 → …项目).
fn trim_lead_verbs(mut words: &str) -> &str {
    words = words.trim_end_matches(is_space);
    while let Some(verb) = LEAD_VERBS.iter().find(|v| words.ends_with(*v)) {
        words = words[..words.len() - verb.len()].trim_end_matches(is_space);
    }
    words
}

/// Baselines stated in a sentence: in `由X提高到Y`, X is Y's baseline (and a status); in
/// `比2020年增长50%` the base year is stated alone.
fn link_baselines(text: &str, figures: &mut [Figure]) {
    for i in 0..figures.len() {
        let (head, tail) = figures.split_at_mut(i + 1);
        let from = &mut head[i];
        let sentence_start = from.span.start;
        let lead = &text[sentence_start..from.raw_span.start];
        let clause = &lead[clause_start(lead, lead.len())..];
        // A figure that is itself the end of a 由…到… is no one's start.
        let is_end = from.baseline.is_some();
        if let Some(to) = tail.first_mut().filter(|to| {
            let between = &text[from.raw_span.end..to.raw_span.start];
            !is_end
                && to.span == from.span
                && to.unit_class == from.unit_class
                && to.metric == from.metric
                // One clause: 由X提高到Y, never across a comma.
                && !between.contains(CLAUSE_ENDS)
                && RAISED_TO.iter().any(|w| between.contains(w))
        }) {
            // 由 stands right before the value, or before its year (由2023年(底)的…).
            let opener = clause.rfind(['由', '从']).filter(|&at| {
                let gap = &clause[at + '由'.len_utf8()..];
                let gap = gap.trim_start_matches(|c: char| digit_value(c).is_some() || c == ' ');
                let gap = gap
                    .strip_prefix('年')
                    .map_or(gap, |g| g.trim_start_matches('底'));
                matches!(gap, "" | "的")
            });
            if let Some(opener) = opener {
                // What grows is named before 由 (重点企业由…增加到…).
                let subject = clause[..opener].trim_start_matches(['—', ' ', '\u{3000}']);
                if let Some(words) = counted_tail(subject) {
                    from.counted = Some(words);
                    to.counted.clone_from(&from.counted);
                }
                let quote_start = sentence_start + (lead.len() - clause.len()) + opener;
                let words = &text[quote_start..from.raw_span.end];
                let year = words
                    .match_indices('年')
                    .find_map(|(at, _)| year_before(words, at));
                to.baseline = Some(Baseline {
                    value: Some(from.normalized_range().0),
                    year,
                    quote: Quoted {
                        text: words.to_string(),
                        span: Span::new(quote_start, from.raw_span.end),
                    },
                });
                from.kind = FigureKind::Status;
                from.kind_rule = KindRule::Baseline;
                from.kind_cue = Some(clause[opener..].chars().take(1).collect());
                from.year = year;
                from.year_source = year.map(|_| YearSource::Sentence);
                continue;
            }
        }
        // 比2020年增长50% / 较2020年提高: a base year without a value.
        let base = ["比", "较"].iter().find_map(|w| {
            let at = clause.rfind(w)?;
            let words = &clause[at..];
            let year_at = words.find('年')?;
            // The year comes right after 比/较: 比重 … 2025年 is no base.
            let digits = words[w.len()..year_at].trim_matches(' ');
            if digits.chars().count() != 4 || !digits.chars().all(|c| digit_value(c).is_some()) {
                return None;
            }
            let year = year_before(words, year_at)?;
            Some((at, year, year_at + '年'.len_utf8()))
        });
        if let Some((at, year, len)) = base {
            let quote_start = sentence_start + (lead.len() - clause.len()) + at;
            from.baseline = Some(Baseline {
                value: None,
                year: Some(year),
                quote: Quoted {
                    text: text[quote_start..quote_start + len].to_string(),
                    span: Span::new(quote_start, quote_start + len),
                },
            });
        }
    }
}

/// The year of a `到YYYY年` whose `年` stands at byte `at` of `s` (spaces allowed around the year).
fn year_reached_at(s: &str, at: usize) -> Option<u16> {
    let year = year_before(s, at)?;
    s[..year_digits_start(s, at)?]
        .trim_end_matches(' ')
        .ends_with('到')
        .then_some(year)
}

/// The year a sentence is about: its `到YYYY年`, else the first `YYYY年` that is not part of a
/// plan period in brackets (`(2019-2021年)`).
pub fn sentence_year(s: &str) -> Option<u16> {
    let mut first = None;
    for (at, _) in s.match_indices('年') {
        if let Some(year) = year_reached_at(s, at) {
            return Some(year);
        }
        let Some(year) = year_before(s, at) else {
            continue;
        };
        let Some(digits_start) = year_digits_start(s, at) else {
            continue;
        };
        let lead = s[..digits_start].trim_end_matches(' ');
        let in_range = lead.ends_with(RANGE_DASHES)
            || s[at..].starts_with("年)")
            || s[at..].starts_with("年\u{FF09}");
        // A base year (由2023年的…, 比2023年, 较2023年) is where a figure starts, not its year.
        let base = lead.ends_with(BASE_YEAR_WORDS);
        if first.is_none() && !in_range && !base {
            first = Some(year);
        }
    }
    first
}

/// Words before a year that make it a base year.
const BASE_YEAR_WORDS: [char; 4] = ['由', '从', '比', '较'];

/// The last `到YYYY年` of `s`.
fn last_year_reached(s: &str) -> Option<u16> {
    s.rmatch_indices('年')
        .find_map(|(at, _)| year_reached_at(s, at))
}

/// The end year of a five-year plan period named in `s` (`“十四五”期间` → 2025).
fn five_year_plan(s: &str) -> Option<u16> {
    let at = s
        .rfind("五”")
        .or_else(|| s.rfind("五\""))
        .or_else(|| s.rfind("五\u{201D}"))?;
    let head = s[..at].trim_end_matches(|c| "一二三四五六七八九".contains(c));
    let numeral_start = head.rfind('十')?;
    let numeral = &s[numeral_start..at];
    let n = crate::text::chinese_numeral(numeral)?;
    (10..=20).contains(&n).then(|| 1955 + 5 * n as u16)
}

/// The `到YYYY年` a goal paragraph opens with, if any.
pub fn goal_year(s: &str) -> Option<u16> {
    s.match_indices('年')
        .find_map(|(at, _)| year_reached_at(s, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(sentence: &str) -> Figure {
        let found = figures_in(
            sentence,
            Span::new(0, sentence.len()),
            ItemContext {
                kind: ItemKind::Goal,
                section_year: Some(2025),
            },
        );
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        found.into_iter().next().unwrap()
    }

    fn none(sentence: &str) {
        let found = figures_in(
            sentence,
            Span::new(0, sentence.len()),
            ItemContext {
                kind: ItemKind::Task,
                section_year: None,
            },
        );
        assert!(found.is_empty(), "{sentence}: {found:?}");
    }

    #[test]
    fn a_unit_alone_is_read_like_a_unit_after_a_number() {
        let read = |u: &str| read_unit(u).map(|r| (r.class, r.scale, r.noun, r.physical));
        assert_eq!(read("亿元"), Some((UnitClass::Money, 1e8, "yuan", false)));
        assert_eq!(
            read(" 万人 "),
            Some((UnitClass::People, 1e4, "people", false))
        );
        assert_eq!(read("千万元"), Some((UnitClass::Money, 1e7, "yuan", false)));
        assert_eq!(read("%"), Some((UnitClass::Percent, 1.0, "%", false)));
        assert_eq!(
            read("家"),
            Some((UnitClass::Enterprises, 1.0, "enterprises", false))
        );
        assert_eq!(
            read("pflops"),
            Some((UnitClass::Count, 1.0, "PFlops", true))
        );
        // 千瓦 is a base, not 千 + 瓦; a magnitude alone, a unit with more after it and a
        // percentage with a magnitude are not units.
        assert_eq!(read("千瓦").map(|r| r.1), Some(1.0));
        for not_a_unit in ["", "亿", "万", "亿元以上", "万%", "元x", "平台"] {
            assert_eq!(read(not_a_unit), None, "{not_a_unit}");
        }
    }

    #[test]
    fn thousands_separators_group_one_number() {
        let plan = crate::extract_plan(
            "x.txt",
            "一、目标\n到2027年，产业规模达到1,500亿元，算力达到5,000PFlops，覆盖3,5个区。",
        );
        let values: Vec<(String, Option<f64>)> = plan
            .figures
            .iter()
            .map(|f| (f.raw.clone(), f.value))
            .collect();
        assert!(
            values
                .iter()
                .any(|(raw, v)| raw.starts_with("1,500") && *v == Some(1500.0)),
            "{values:?}"
        );
        assert!(
            values
                .iter()
                .any(|(raw, v)| raw.starts_with("5,000") && *v == Some(5000.0)),
            "{values:?}"
        );
        assert!(
            !values.iter().any(|(_, v)| *v == Some(3500.0)),
            "3,5 is not a grouped number: {values:?}"
        );
    }

    #[test]
    fn money_target_with_year() {
        let f = one("到 2025 年,武汉市人工智能核心产业规模达 400 亿元。");
        assert_eq!(
            (f.value, f.unit.as_str(), f.scale, f.metric, f.scope),
            (
                Some(400.0),
                "亿元",
                1e8,
                Some("ai_industry_scale"),
                Some("核心产业")
            )
        );
        assert_eq!(
            (f.year, f.year_source, f.kind, f.qualifier.as_deref()),
            (
                Some(2025),
                Some(YearSource::Sentence),
                FigureKind::Target,
                Some("达")
            )
        );
    }

    #[test]
    fn ranges_with_every_dash() {
        for (s, min, max) in [
            ("支持建设 3-5 个创新平台", 3.0, 5.0),
            ("组建 3—5 个人工智能创新联合体", 3.0, 5.0),
            ("建立1~2个国家级开放创新平台", 1.0, 2.0),
            ("培育 1—3 家链主型企业", 1.0, 3.0),
        ] {
            let f = one(s);
            assert_eq!((f.value, f.min, f.max), (None, Some(min), Some(max)), "{s}");
        }
    }

    #[test]
    fn magnitude_words_and_qualifiers() {
        let f = one("培养人工智能相关专业人才2万人以上");
        assert_eq!(
            (f.value, f.scale, f.bound, f.metric),
            (Some(2.0), 1e4, Bound::AtLeast, Some("talent"))
        );
        let sentence = "每年培养人工智能人才万人以上、算法工程师千人以上。";
        let found = figures_in(
            sentence,
            Span::new(0, sentence.len()),
            ItemContext {
                kind: ItemKind::Measure,
                section_year: None,
            },
        );
        let got: Vec<_> = found
            .iter()
            .map(|f| (f.value, f.scale, f.measure == MeasureType::Flow, f.metric))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(1.0), 1e4, true, Some("talent")),
                (Some(1.0), 1e3, true, Some("talent"))
            ]
        );
    }

    #[test]
    fn head_noun_decides_the_metric() {
        assert_eq!(
            one("形成100个以上运用智能装备进行智慧化作业的典型案例").metric,
            Some("scenarios")
        );
        assert_eq!(
            one("建成10个具有示范意义的智慧工厂").metric,
            Some("smart_factories")
        );
        assert_eq!(
            one("人工智能核心及相关产业规模达到1000亿元").scope,
            Some("核心及相关产业")
        );
        assert_eq!(
            one("组建总规模 100 亿的人工智能产业发展基金").kind,
            FigureKind::Funding
        );
        assert_eq!(
            one("组建 10 个产业链上下游企业共同体").metric,
            Some("industry_communities")
        );
    }

    #[test]
    fn growth_rates() {
        let f = one("发明专利和软件著作权授权年均增速不低于10%");
        assert_eq!(
            (f.measure, f.metric, f.bound, f.unit_normalized.as_str()),
            (
                MeasureType::Growth,
                Some("patent_growth"),
                Bound::AtLeast,
                "%"
            )
        );
    }

    #[test]
    fn status_and_forecast() {
        let f = one("据初步统计,我市现有人工智能核心企业数量超过40家");
        assert_eq!(
            (f.kind, f.bound, f.metric),
            (FigureKind::Status, Bound::MoreThan, Some("enterprises"))
        );
        let f = one("预计2020年全市人工智能产业总产值将超过100亿元");
        assert_eq!((f.kind, f.year), (FigureKind::Forecast, Some(2020)));
    }

    #[test]
    fn not_figures() {
        for s in [
            "津政办发〔2018〕40号",
            "2018年10月22日",
            "加快推进5G商用进程",
            "3D图像传感器",
            "人工智能社会治理 2.0 模式",
            "市长专线12345智能客服",
            "40周岁以内可落户",
            "打造“3+2+N”示范",
        ] {
            none(s);
        }
    }

    #[test]
    fn years_of_sentences() {
        assert_eq!(sentence_year("力争到 2025 年,形成"), Some(2025));
        assert_eq!(sentence_year("出台《行动计划(2019-2021年)》"), None);
        assert_eq!(sentence_year("2018年,我市立项22个"), Some(2018));
    }

    #[test]
    fn units_of_the_genre() {
        for (s, value, unit) in [
            ("新增光伏装机5千瓦", 5.0, "千瓦"),
            ("新增装机20万千瓦", 20.0, "万千瓦"),
            ("占比提高5个百分点", 5.0, "个百分点"),
            ("数据规模超过2PB", 2.0, "PB"),
            ("推广机器人1.5万台", 1.5, "万台"),
            ("单个项目最高2千万元", 2.0, "千万元"),
            ("开展培训2万人次", 2.0, "万人次"),
            ("算力规模达到５０００ＰＦｌｏｐｓ", 5000.0, "ＰＦｌｏｐｓ"),
        ] {
            let f = one(s);
            assert_eq!((f.value, f.unit.as_str()), (Some(value), unit), "{s}");
        }
        // `N条` names a policy package (人才新政22条), not a quantity.
        none("部署5G基站和3D打印，落实人才新政22条");
    }

    #[test]
    fn number_words_and_five_year_plans() {
        let f = one("人工智能产业规模力争突破两千亿元");
        assert_eq!(
            (f.value, f.unit.as_str(), f.scale),
            (Some(2000.0), "亿元", 1e8)
        );
        let f = one("建设八十万平方米的产业园");
        assert_eq!((f.value, f.unit.as_str()), (Some(80.0), "万平方米"));
        none("建成一个中心、两家基地、第十四个五年规划");
        assert_eq!(five_year_plan("“十四五”期间，全市累计投入"), Some(2025));
        assert_eq!(five_year_plan("“十五五”时期"), Some(2030));
        let f = one("“十四五”期间，累计投入研发经费一百亿元以上");
        assert_eq!((f.value, f.year), (Some(100.0), Some(2025)));
    }

    /// Users' report: a plan writing its years in full-width digits (`到２０２５年`) panicked in the
    /// goal-year code, which cut the four digits off as four bytes.
    #[test]
    fn regression_fullwidth_goal_year_panicked() {
        assert_eq!(
            goal_year("到\u{FF12}\u{FF10}\u{FF12}\u{FF15}年，建成"),
            Some(2025)
        );
        assert_eq!(sentence_year("到 ２０２５ 年"), Some(2025));
        assert_eq!(
            sentence_year("（２０２４—２０２６年）发布于２０２３年"),
            Some(2023)
        );
        let plan = crate::extract_plan(
            "fw.txt",
            "一、发展目标\n到２０２５年，培育企业５０家。\n二、重点任务\n（一）建设平台１０个。\n",
        );
        assert_eq!(plan.figures.first().and_then(|f| f.year), Some(2025));
    }

    fn in_item(sentence: &str, kind: ItemKind) -> Vec<Figure> {
        figures_in(
            sentence,
            Span::new(0, sentence.len()),
            ItemContext {
                kind,
                section_year: None,
            },
        )
    }

    #[test]
    fn eligibility_conditions_are_thresholds_and_awards_are_funding() {
        let found = in_item(
            "对年营业收入首次突破1亿元的企业，给予一次性奖励50万元；对新认定的国家级创新平台，最高给予500万元支持。",
            ItemKind::Measure,
        );
        let got: Vec<(&str, FigureKind, KindRule)> = found
            .iter()
            .map(|f| (f.raw.as_str(), f.kind, f.kind_rule))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "1亿元",
                    FigureKind::Threshold,
                    KindRule::EligibilityCondition
                ),
                ("50万元", FigureKind::Funding, KindRule::SupportMoney),
                ("500万元", FigureKind::Funding, KindRule::SupportMoney),
            ]
        );
        assert_eq!(
            found[0].kind_cue.as_deref(),
            Some("对年营业收入首次突破1亿元的企业")
        );
        assert_eq!(found[0].confidence, Confidence::High);
        // Without 对/凡 the condition is still read, less surely.
        let found = in_item(
            "主营业务收入超过5000万元的企业按规定给予奖励。",
            ItemKind::Measure,
        );
        assert_eq!(found[0].kind, FigureKind::Threshold);
        assert_eq!(found[0].confidence, Confidence::Medium);
        let found = in_item(
            "对通过国家备案且研发投入超过5000万元的通用大模型，给予最高1000万元奖励；",
            ItemKind::Measure,
        );
        let kinds: Vec<FigureKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [FigureKind::Threshold, FigureKind::Funding],
            "{found:?}"
        );
        // A condition that says which things are counted: the amount is a threshold, the count
        // the target.
        let found = in_item("培育营业收入超过10亿元的企业20家", ItemKind::Goal);
        let kinds: Vec<FigureKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [FigureKind::Threshold, FigureKind::Target],
            "{found:?}"
        );
        assert_eq!(found[0].kind_cue.as_deref(), Some("超过10亿元的企业"));
        let found = in_item("建设10个以上的创新平台", ItemKind::Goal);
        assert_eq!(
            found[0].kind,
            FigureKind::Target,
            "no count follows: {found:?}"
        );
    }

    #[test]
    fn measure_types() {
        for (sentence, measure) in [
            ("核心产业规模达到500亿元", MeasureType::Level),
            ("算力规模达到2000PFlops", MeasureType::Level),
            ("每年新增应用场景50个", MeasureType::Flow),
            ("年均培养人工智能人才5000人", MeasureType::Flow),
            ("产业规模年均增长20%以上", MeasureType::Growth),
            ("规上工业企业数字化覆盖率达到80%", MeasureType::Share),
            ("建成智能工厂20家", MeasureType::Count),
        ] {
            assert_eq!(one(sentence).measure, measure, "{sentence}");
        }
    }

    #[test]
    fn baselines_and_what_is_counted() {
        let found = in_item(
            "到2027年，人工智能核心产业规模由2023年的200亿元提高到500亿元，企业数量比2023年增长50%。",
            ItemKind::Goal,
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(
            (found[0].kind, found[0].kind_rule, found[0].year),
            (FigureKind::Status, KindRule::Baseline, Some(2023))
        );
        let b = found[1].baseline.as_ref().expect("a baseline");
        assert_eq!((b.value, b.year), (Some(2e10), Some(2023)));
        assert_eq!(b.quote.text, "由2023年的200亿元");
        assert_eq!(
            (found[1].kind, found[1].year),
            (FigureKind::Target, Some(2027))
        );
        let growth = found[2].baseline.as_ref().expect("a base year");
        assert_eq!((growth.value, growth.year), (None, Some(2023)));
        assert_eq!(
            one("争取建立1~2个国家级新一代人工智能开放创新平台")
                .counted
                .as_deref(),
            Some("国家级新一代人工智能开放创新平台")
        );
        assert_eq!(
            one("到2025年，人工智能核心产业规模达 400 亿元")
                .counted
                .as_deref(),
            Some("人工智能核心产业规模")
        );
    }

    #[test]
    fn background_numbers_and_undated_tasks_are_less_sure() {
        let found = in_item(
            "坚持“1+N”布局，聚焦3大方向、培育10家骨干企业",
            ItemKind::Context,
        );
        assert_eq!(
            (found[0].kind, found[0].kind_rule, found[0].confidence),
            (FigureKind::Target, KindRule::Background, Confidence::Low)
        );
        let found = in_item("培育人工智能骨干企业10家", ItemKind::Task);
        assert_eq!(
            (found[0].kind, found[0].kind_rule, found[0].confidence),
            (
                FigureKind::Target,
                KindRule::UndatedTask,
                Confidence::Medium
            )
        );
        let found = in_item("到2026年，培育人工智能骨干企业10家", ItemKind::Task);
        assert_eq!(
            (found[0].kind_rule, found[0].confidence),
            (KindRule::DatedTask, Confidence::High)
        );
    }

    /// A reviewer's sentences that earlier rules misread: each in the genre, each a rule that must
    /// not fire on it.
    #[test]
    fn sentences_that_look_like_support_but_are_not() {
        let kinds = |sentence: &str, item: ItemKind| -> Vec<(FigureKind, MeasureType)> {
            in_item(sentence, item)
                .iter()
                .map(|f| (f.kind, f.measure))
                .collect()
        };
        // 支持 later in the sentence does not make the platforms a condition.
        assert_eq!(
            kinds(
                "到2025年，建设5个以上的国家级创新平台，支持龙头企业牵头组建创新联合体。",
                ItemKind::Goal
            ),
            [(FigureKind::Target, MeasureType::Count)]
        );
        // A fund named in another clause does not make the industry's size funding.
        assert_eq!(
            kinds(
                "设立人工智能产业基金，到2025年全市人工智能核心产业规模达到500亿元。",
                ItemKind::Goal
            ),
            [(FigureKind::Target, MeasureType::Level)]
        );
        // 在现有基础上 looks ahead.
        assert_eq!(
            kinds(
                "在现有基础上，到2025年新增国家级专精特新企业20家。",
                ItemKind::Goal
            ),
            [(FigureKind::Target, MeasureType::Count)]
        );
        // A compound growth rate is a growth rate.
        assert_eq!(
            kinds(
                "到2025年，人工智能产业规模年均复合增长率超过20%。",
                ItemKind::Goal
            ),
            [(FigureKind::Target, MeasureType::Growth)]
        );
        // 由 opens the funding, not a pair with the investment it draws in.
        let found = in_item(
            "由市财政安排专项资金500万元，带动社会投资达到5000万元。",
            ItemKind::Measure,
        );
        let got: Vec<(FigureKind, bool)> = found
            .iter()
            .map(|f| (f.kind, f.baseline.is_some()))
            .collect();
        assert_eq!(
            got,
            [(FigureKind::Funding, false), (FigureKind::Target, false)]
        );
        // 针对 is not a condition's 对.
        let found = in_item(
            "针对年营业收入超过1亿元的企业开展走访服务，给予政策辅导。",
            ItemKind::Measure,
        );
        assert_ne!(found[0].confidence, Confidence::High, "{found:?}");
        // 比重 is no base year.
        let found = in_item(
            "到2025年，数字经济核心产业增加值占GDP比重达到10%。",
            ItemKind::Goal,
        );
        assert_eq!(found[0].baseline, None);
        // Caps are upper bounds.
        let found = in_item(
            "对认定的项目，给予最高不超过500万元补助。",
            ItemKind::Measure,
        );
        assert_eq!(
            (found[0].kind, found[0].bound),
            (FigureKind::Funding, Bound::AtMost)
        );
    }

    /// A reviewer's report: a megabyte of rows without 。 or ； (a table pasted from a PDF) made
    /// every figure quote the whole run, 24 GB for 30,000 figures. Quotes now stay sentence-sized.
    #[test]
    fn regression_rows_without_stops_keep_quotes_small() {
        let text = format!(
            "一、重点任务\n{}",
            "建设平台10个，对投入超过500万元的企业给予奖励\n".repeat(15_000)
        );
        let plan = crate::extract_plan("rows.txt", &text);
        assert_eq!(plan.figures.len(), 30_000);
        let longest = plan
            .figures
            .iter()
            .map(|f| f.quote.len())
            .max()
            .unwrap_or(0);
        assert!(longest <= 2 * SENTENCE_REACH, "{longest}");
        assert!(plan.figures.iter().all(|f| text[f.span.range()] == f.quote));
    }
}
