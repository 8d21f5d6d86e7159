//! Figures: numbers with a unit that state a target, a commitment or a status.
//!
//! A number counts only with a unit it can be read in (亿元, 家, 个, 名, % …): that keeps years,
//! dates, document numbers, `5G` and `3D` out without a list of exceptions. What the figure measures
//! comes from [`crate::vocab_match::METRIC_RULES`]: the head noun after the number (Chinese puts it
//! last: 具有示范意义的**智慧工厂**), else the nearest keyword before it.

use plan_model::vocab::{metric_by_key, UnitClass};
use plan_model::{Bound, Figure, FigureKind, ItemKind, Span, YearSource};

use crate::text::{digit_value, is_space, sentences, year_before, year_digits_start, KeywordSet};
use crate::vocab_match::METRIC_RULES;

/// A unit as written: text, class, factor to the normalised unit.
struct Unit {
    text: &'static str,
    class: UnitClass,
    scale: f64,
    /// Normalised unit when no metric names a noun.
    noun: &'static str,
}

const fn unit(text: &'static str, class: UnitClass, scale: f64, noun: &'static str) -> Unit {
    Unit {
        text,
        class,
        scale,
        noun,
    }
}

/// Longest first, so 亿元 wins over 亿 and 万人 over 人.
const UNITS: &[Unit] = &[
    unit("亿元", UnitClass::Money, 1e8, "yuan"),
    unit("万元", UnitClass::Money, 1e4, "yuan"),
    unit("万人", UnitClass::People, 1e4, "people"),
    unit("千人", UnitClass::People, 1e3, "people"),
    unit("大类", UnitClass::Count, 1.0, "categories"),
    unit("亿", UnitClass::Money, 1e8, "yuan"),
    unit("元", UnitClass::Money, 1.0, "yuan"),
    unit("%", UnitClass::Percent, 1.0, "%"),
    unit("\u{FF05}", UnitClass::Percent, 1.0, "%"),
    unit("名", UnitClass::People, 1.0, "people"),
    unit("人", UnitClass::People, 1.0, "people"),
    unit("家", UnitClass::Enterprises, 1.0, "enterprises"),
    unit("个", UnitClass::Count, 1.0, "items"),
    unit("项", UnitClass::Count, 1.0, "items"),
    unit("种", UnitClass::Count, 1.0, "kinds"),
    unit("类", UnitClass::Count, 1.0, "categories"),
    unit("所", UnitClass::Count, 1.0, "schools"),
];

/// Qualifiers written before a number, with the bound they set (达到 states the value exactly).
const BEFORE: &[(&str, Bound)] = &[
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
    for sentence in sentences(text, span) {
        let s = sentence.slice(text);
        let mut at = 0;
        while at < s.len() {
            let Some(c) = s[at..].chars().next() else {
                break;
            };
            let found = if digit_value(c).is_some() && starts_number(s, at) {
                read_number(s, at)
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
                    out.push(finish(text, sentence, reading, context));
                    at = end;
                }
                None => at += c.len_utf8(),
            }
        }
    }
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
    unit: &'static Unit,
    qualifier: Option<String>,
    bound: Bound,
}

fn starts_number(s: &str, at: usize) -> bool {
    let prev = s[..at].chars().next_back();
    !prev.is_some_and(|p| {
        digit_value(p).is_some()
            || p.is_ascii_alphabetic()
            || matches!(p, '.' | '第' | '〔' | '+' | '-')
    })
}

/// Digits with an optional decimal part at `at`: value and end.
fn decimal_at(s: &str, at: usize) -> Option<(f64, usize)> {
    let mut end = at;
    let mut seen_dot = false;
    for (i, c) in s[at..].char_indices() {
        if digit_value(c).is_some() {
            end = at + i + c.len_utf8();
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
    let unit_at = skip_spaces(s, end);
    let rest = &s[unit_at..];
    if rest.starts_with(['年', '月', '日', '号', '周', '岁']) {
        return None;
    }
    let unit = UNITS.iter().find(|u| rest.starts_with(u.text))?;
    // 亿 alone is money only where 元 is left out before 的 (总规模 100 亿的…基金).
    if unit.text == "亿" && !rest[unit.text.len()..].starts_with('的') {
        return None;
    }
    let unit_end = unit_at + unit.text.len();
    let (value, min) = if max.is_some() {
        (None, Some(first))
    } else {
        (Some(first), None)
    };
    Some(qualify(s, start, unit_end, start, value, min, max, unit))
}

/// `万人以上` / `千人以上`: a magnitude word standing for one ten-thousand or one thousand people.
fn read_magnitude_only(s: &str, at: usize) -> Option<Reading> {
    let unit = UNITS
        .iter()
        .find(|u| matches!(u.text, "万人" | "千人") && s[at..].starts_with(u.text))?;
    let unit_end = at + unit.text.len();
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
    unit: &'static Unit,
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

fn finish(text: &str, sentence: Span, r: Reading, context: ItemContext) -> Figure {
    let s = sentence.slice(text);
    // What follows the figure up to the clause end or the next number names what is counted.
    let after = &s[r.end..];
    let after_end = after
        .find(|c: char| CLAUSE_ENDS.contains(&c) || digit_value(c).is_some())
        .unwrap_or(after.len());
    let clause_from = clause_start(s, r.number_start);
    let before_clause = &s[clause_from..r.number_start];
    let found = metric_in(&after[..after_end], r.unit.class)
        .or_else(|| metric_in(before_clause, r.unit.class))
        .or_else(|| metric_in(&s[..r.number_start], r.unit.class));
    let (metric, scope) = found.map_or((None, None), |(m, scope)| (Some(m), scope));
    let unit_normalized = metric
        .and_then(metric_by_key)
        .map_or(r.unit.noun, |m| m.noun);
    let per_year = before_clause.contains("每年");
    let growth_rate = r.unit.class == UnitClass::Percent
        && (before_clause.contains("年均增速") || before_clause.contains("年均增长"));
    let kind = if s.contains("预计") {
        FigureKind::Forecast
    } else if context.kind == ItemKind::Status
        || STATUS_MARKERS
            .iter()
            .any(|m| s[..r.number_start].contains(m))
    {
        FigureKind::Status
    } else if matches!(metric, Some("funding" | "fund_size")) {
        FigureKind::Funding
    } else {
        FigureKind::Target
    };
    let (year, year_source) = match sentence_year(s) {
        Some(y) => (Some(y), Some(YearSource::Sentence)),
        None if matches!(kind, FigureKind::Target) && context.kind == ItemKind::Goal => (
            context.section_year,
            context.section_year.map(|_| YearSource::Section),
        ),
        None => (None, None),
    };
    let raw_span = Span::new(sentence.start + r.start, sentence.start + r.end);
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
        unit: r.unit.text.to_string(),
        unit_class: r.unit.class,
        unit_normalized: unit_normalized.to_string(),
        scale: r.unit.scale,
        qualifier: r.qualifier,
        bound: r.bound,
        per_year,
        growth_rate,
        year,
        year_source,
        kind,
        metric,
        scope,
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
        if first.is_none() && !in_range {
            first = Some(year);
        }
    }
    first
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
            .map(|f| (f.value, f.scale, f.per_year, f.metric))
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
            (f.growth_rate, f.metric, f.bound, f.unit_normalized.as_str()),
            (true, Some("patent_growth"), Bound::AtLeast, "%")
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
}
