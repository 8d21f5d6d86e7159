//! Departments named in an item, in the forms plans use:
//!
//! - a labelled clause `(牵头单位:A;责任单位:B、C)`, `责任单位:…` alone, `配合单位:…`, in brackets
//!   or on a line of its own, half- or full-width;
//! - a duty clause `(A、B按职责分工负责)`, `(A牵头,B配合)`, `(A牵头,B、C参与)`,
//!   `A牵头,B、C按职责分工负责。` on its own line, `由A牵头,B和各镇(街道)按职责分工抓好落实`.
//!
//! Roles: the body named with 牵头 (or under 牵头单位) leads; in a plain `A、B按职责分工负责` the first
//! body leads; everyone else is responsible (责任, 配合, 参与). A bare `责任单位:` list has no lead.

use crate::text::is_space;
use crate::vocab_match::canonical_department;
use plan_model::{DeptRef, Role, Span};

const OPEN: [char; 2] = ['(', '\u{FF08}'];
const CLOSE: [char; 2] = [')', '\u{FF09}'];
/// Separators between parts of a clause (`A牵头;B配合`, `牵头单位:A,责任单位:B`).
const PART_SEPARATORS: [char; 4] = [',', '\u{FF0C}', ';', '\u{FF1B}'];
/// Labels of the labelled form, with the role of the bodies listed after them.
const LABELS: &[(&str, Role)] = &[
    ("牵头单位", Role::Lead),
    ("责任单位", Role::Responsible),
    ("配合单位", Role::Responsible),
    ("参与单位", Role::Responsible),
    ("协办单位", Role::Responsible),
];
/// Endings of a duty phrase, longest first, and whether the phrase names the lead.
const DUTY_ENDINGS: &[(&str, Duty)] = &[
    ("等按职责分工抓好落实", Duty::Shared),
    ("按职责分工抓好落实", Duty::Shared),
    ("等按职责分工负责", Duty::Shared),
    ("按职责分工负责", Duty::Shared),
    ("按职责分工落实", Duty::Shared),
    ("按职责落实", Duty::Shared),
    ("共同负责", Duty::Shared),
    ("负责落实", Duty::Supporting),
    ("等负责", Duty::Shared),
    ("牵头负责", Duty::Lead),
    ("牵头", Duty::Lead),
    ("负责", Duty::Shared),
    ("配合", Duty::Supporting),
    ("参与", Duty::Supporting),
    ("协助", Duty::Supporting),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Duty {
    /// `A牵头`: A leads.
    Lead,
    /// `A、B按职责分工负责`: the first leads unless a lead is already named.
    Shared,
    /// `B配合`: responsible.
    Supporting,
}

/// Whether `line` is a department clause standing on its own line: it belongs to the item above.
pub fn is_department_line(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    // A department line is short and says who is in charge.
    let worded = line.len() <= 480
        && ["单位", "负责", "牵头", "配合", "参与", "落实"]
            .iter()
            .any(|w| line.contains(w));
    worded
        && departments_in(line, 0)
            .iter()
            .any(|(span, _)| span.start <= 3 && span.end + 3 >= line.len())
}

/// The department clauses of `text` (which starts at byte `offset` of the source): each clause's
/// span and the departments in it. Bracketed clauses anywhere; unbracketed ones as lines of their
/// own and as a sentence `由A牵头,…按职责分工…`.
pub fn departments_in(text: &str, offset: usize) -> Vec<(Span, Vec<DeptRef>)> {
    let mut out: Vec<(Span, Vec<DeptRef>)> = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find(OPEN).map(|i| search + i) {
        let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
        search = inner_start;
        let Some(close) = matching_close(text, inner_start) else {
            continue;
        };
        let close_end = close + text[close..].chars().next().map_or(1, char::len_utf8);
        let depts = clause(text, inner_start, close, offset);
        if !depts.is_empty() {
            out.push((Span::new(offset + open, offset + close_end), depts));
            search = close_end;
        }
    }
    // Rows of a task table with a department column, before the sentences that might read a
    // row as something else.
    for (span, depts) in table_rows(text, offset) {
        if !out
            .iter()
            .any(|(s, _)| s.start < span.end && span.start < s.end)
        {
            out.push((span, depts));
        }
    }
    // Unbracketed: whole lines (`责任单位:区教育局`, `市科技局、市财政局按职责分工负责。`) and
    // sentences that open with 由 (`由市经信局牵头,…按职责分工抓好落实`).
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        for (s_start, s_end) in sentence_ranges(line) {
            let (a, b) = (start + s_start, start + s_end);
            if out
                .iter()
                .any(|(span, _)| span.start < offset + b && offset + a < span.end)
            {
                continue;
            }
            let sentence = &text[a..b];
            let is_line = s_start == 0 && line[s_end..].trim_matches(is_space).is_empty();
            let body = sentence.trim_start_matches(is_space);
            let from = a + (sentence.len() - body.len());
            let (from, ok) = if let Some(rest) = body.strip_prefix('由') {
                (from + '由'.len_utf8(), rest.contains("牵头"))
            } else {
                let labelled = LABELS.iter().any(|(l, _)| body.starts_with(l));
                let short = body.chars().count() <= 120;
                (from, is_line && short && (labelled || ends_with_duty(body)))
            };
            if !ok {
                // `A、B、C建立联动推进机制`: bodies named as a sentence's subjects share its duty.
                if let Some(len) = subject_list(body) {
                    let mut list = split_list(text, from, from + len, Role::Responsible, offset);
                    if list.len() >= 2 && list.iter().all(|d| d.canonical.is_some()) {
                        list[0].role = Role::Lead;
                        out.push((Span::new(offset + from, offset + from + len), list));
                    }
                }
                continue;
            }
            let end = from
                + text[from..b]
                    .trim_end_matches(is_space)
                    .trim_end_matches(['。', '\u{FF1B}', ';'])
                    .len();
            let depts = clause(text, from, end, offset);
            if !depts.is_empty() {
                out.push((Span::new(offset + from, offset + end), depts));
            }
        }
    }
    plan_sort::sort_by_key(&mut out, |(span, _)| span.start);
    out
}

/// Column headings of a task table that name departments, with the role they give.
const TABLE_COLUMNS: &[(&str, Role)] = &[
    ("牵头单位", Role::Lead),
    ("牵头部门", Role::Lead),
    ("责任单位", Role::Responsible),
    ("责任部门", Role::Responsible),
    ("配合单位", Role::Responsible),
    ("参与单位", Role::Responsible),
];

/// The cells of a line split at white space: (start, end) byte ranges within `line`.
fn cells(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (is_space(c) || c == '\t', start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    out
}

/// Rows of a task table flattened into lines (as text copied from a PDF or a web page gives it):
/// a heading line such as `序号 任务 牵头单位 完成时限`, then rows with as many cells, whose cells
/// under a department column name the bodies (`1 建设算力中心 区发改局 2025年底`).
fn table_rows(text: &str, offset: usize) -> Vec<(Span, Vec<DeptRef>)> {
    let mut out = Vec::new();
    let mut columns: Vec<(usize, Role)> = Vec::new();
    let mut width = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let row = cells(line);
        let heading: Vec<(usize, Role)> = row
            .iter()
            .enumerate()
            .filter_map(|(i, &(a, b))| {
                TABLE_COLUMNS
                    .iter()
                    .find(|(name, _)| &line[a..b] == *name)
                    .map(|(_, role)| (i, *role))
            })
            .collect();
        if row.len() >= 3 && !heading.is_empty() {
            columns = heading;
            width = row.len();
            continue;
        }
        if columns.is_empty() {
            continue;
        }
        if row.len() != width {
            // The table ended.
            columns.clear();
            continue;
        }
        let mut depts = Vec::new();
        for &(column, role) in &columns {
            let (a, b) = row[column];
            depts.extend(split_list(text, start + a, start + b, role, offset));
        }
        if depts.iter().any(|d| d.canonical.is_some()) {
            let end = start + line.trim_end_matches(is_space).len();
            out.push((Span::new(offset + start, offset + end), depts));
        }
    }
    out
}

/// Endings of a body's name, for a list of bodies opening a sentence.
const BODY_ENDINGS: &[&str] = &[
    "管委会",
    "委员会",
    "中心",
    "政府",
    "局",
    "委",
    "厅",
    "办",
    "部",
];

/// The length of a list of two or more bodies opening `s` (`市发展改革委、市经信局、市科技创新局建立…`):
/// every name before a 、 ends as a body does, and the last one ends at its first body ending.
fn subject_list(s: &str) -> Option<usize> {
    let pieces: Vec<&str> = s.splitn(12, '、').collect();
    if pieces.len() < 2 {
        return None;
    }
    let is_name = |p: &str| {
        (2..=20).contains(&p.chars().count()) && BODY_ENDINGS.iter().any(|e| p.ends_with(e))
    };
    let mut len = 0;
    for (i, piece) in pieces.iter().enumerate() {
        if i + 1 < pieces.len() && is_name(piece) {
            len += piece.len() + '、'.len_utf8();
            continue;
        }
        // The last name: up to its first body ending within 20 characters.
        let window: usize = piece
            .char_indices()
            .nth(20)
            .map_or(piece.len(), |(at, _)| at);
        let end = BODY_ENDINGS
            .iter()
            .filter_map(|e| piece[..window].find(e).map(|at| at + e.len()))
            .min()?;
        return (i >= 1).then_some(len + end);
    }
    None
}

/// Sentences of a line: runs ending with 。 (included), as byte ranges.
fn sentence_ranges(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if c == '。' {
            out.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    let rest = line[start..].trim_end_matches(['\n', '\r']);
    if !rest.trim_matches(is_space).is_empty() {
        out.push((start, start + rest.len()));
    }
    out
}

fn ends_with_duty(s: &str) -> bool {
    let s = s
        .trim_end_matches(is_space)
        .trim_end_matches(['。', ';', '\u{FF1B}']);
    DUTY_ENDINGS.iter().any(|(e, _)| s.ends_with(e)) && !s.contains(['。'])
}

/// The close bracket matching the open bracket before `from` (brackets nest: `各区县(自治县)政府`),
/// within 400 bytes (a clause may cross a PDF line break).
fn matching_close(text: &str, from: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text[from..].char_indices() {
        if i > 400 {
            return None;
        }
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            if depth == 0 {
                return Some(from + i);
            }
            depth -= 1;
        }
    }
    None
}

/// The departments of the clause `text[start..end]`: labelled parts, or duty phrases.
fn clause(text: &str, start: usize, end: usize, offset: usize) -> Vec<DeptRef> {
    // Bounds are checked, not trusted: a clause that does not fit names no department (found by
    // the property tests over mutated seeds).
    let Some(inner) = text.get(start..end) else {
        return Vec::new();
    };
    let labelled = LABELS.iter().any(|(l, _)| inner.contains(l));
    let mut out: Vec<DeptRef> = Vec::new();
    // Parts separated at the top level (not inside brackets).
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut part_start = 0;
    for (i, c) in inner.char_indices() {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && PART_SEPARATORS.contains(&c) {
            parts.push((part_start, i));
            part_start = i + c.len_utf8();
        }
    }
    parts.push((part_start, inner.len()));
    if labelled {
        // A list may run on over a comma: `牵头单位:A,B;责任单位:C` keeps B with A.
        let mut role = None;
        for (a, b) in parts {
            let part = &inner[a..b];
            let trimmed = part.trim_start_matches(is_space);
            let skip = part.len() - trimmed.len();
            let (list_start, part_role) = match LABELS.iter().find(|(l, _)| trimmed.starts_with(l))
            {
                Some((label, r)) => {
                    let after = a + skip + label.len();
                    let after = after
                        + inner[after..]
                            .chars()
                            .next()
                            .filter(|c| matches!(c, ':' | '\u{FF1A}'))
                            .map_or(0, char::len_utf8);
                    (after, Some(*r))
                }
                None => (a, role),
            };
            role = part_role;
            let Some(role) = role else { continue };
            out.extend(split_list(
                text,
                start + list_start,
                start + b,
                role,
                offset,
            ));
        }
        return out;
    }
    let mut lead_named = false;
    for (a, b) in parts {
        let part = inner[a..b].trim_end_matches(is_space);
        // `A牵头建立工作协调机制`: A leads what follows.
        if let Some(at) = part.find("牵头").filter(|at| {
            !part.ends_with("牵头") && part[..*at].chars().count() <= 40 && !part[..*at].is_empty()
        }) {
            let list = split_list(text, start + a, start + a + at, Role::Lead, offset);
            lead_named |= !list.is_empty();
            out.extend(list);
            continue;
        }
        let Some((ending, duty)) = DUTY_ENDINGS.iter().find(|(e, _)| part.ends_with(e)) else {
            // Not a duty phrase: the clause is something else (`(GPU)`, `(2018—2020年)`), or
            // the sentence goes on about something else (`…按职责分工抓好落实,每半年报送…`).
            if out.is_empty() {
                return Vec::new();
            }
            break;
        };
        let list_end = start + a + part.len() - ending.len();
        let mut list = split_list(text, start + a, list_end, Role::Responsible, offset);
        match duty {
            Duty::Lead => list.iter_mut().for_each(|d| d.role = Role::Lead),
            Duty::Shared if !lead_named => {
                if let Some(first) = list.first_mut() {
                    first.role = Role::Lead;
                }
            }
            _ => {}
        }
        lead_named |= list.iter().any(|d| d.role == Role::Lead);
        out.extend(list);
    }
    out
}

/// The bodies listed in `text[start..end]`, separated by 、 (or 和/及 before 各: `…和各镇(街道)`).
fn split_list(text: &str, start: usize, end: usize, role: Role, offset: usize) -> Vec<DeptRef> {
    let mut out = Vec::new();
    let Some(list) = text.get(start..end) else {
        return out;
    };
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut depth = 0usize;
    for (i, c) in list.char_indices() {
        if OPEN.contains(&c) {
            depth += 1;
        } else if CLOSE.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0
            && (c == '、'
                || (matches!(c, '和' | '及') && list[i + c.len_utf8()..].starts_with('各')))
        {
            pieces.push((piece_start, i));
            piece_start = i + c.len_utf8();
        }
    }
    pieces.push((piece_start, list.len()));
    for (a, b) in pieces {
        let piece = &list[a..b];
        let raw = piece.trim_matches(|c: char| is_space(c) || PART_SEPARATORS.contains(&c));
        // `A、B等部门` names A and B.
        let raw = ["等有关部门", "等相关部门", "等部门", "等单位", "等"]
            .iter()
            .find_map(|e| raw.strip_suffix(e))
            .unwrap_or(raw);
        if raw.is_empty() || raw.chars().count() > 40 || raw.contains(['。', ':', '\u{FF1A}']) {
            continue;
        }
        let raw_start = start
            + a
            + (piece.len()
                - piece
                    .trim_start_matches(|c: char| is_space(c) || PART_SEPARATORS.contains(&c))
                    .len());
        out.push(DeptRef {
            raw: raw.to_string(),
            canonical: canonical_department(raw).map(|d| d.key),
            role,
            span: Span::new(offset + raw_start, offset + raw_start + raw.len()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, Role, Option<&str>)]) {
        let found = departments_in(text, 0);
        let got: Vec<_> = found
            .iter()
            .flat_map(|(_, d)| d.iter())
            .map(|d| (d.raw.as_str(), d.role, d.canonical))
            .collect();
        assert_eq!(got, expected, "{text}");
        for (_, depts) in &found {
            for d in depts {
                assert_eq!(d.span.slice(text), d.raw);
            }
        }
    }

    #[test]
    fn rows_of_a_flattened_task_table_name_their_lead() {
        let text = "序号 任务 牵头单位 完成时限\n1 建设算力中心 区发改局 2025年底\n2 搭建平台 区工信局、区科技局 2024年底\n四、保障措施";
        let found = departments_in(text, 0);
        let names: Vec<(String, Role)> = found
            .iter()
            .flat_map(|(_, d)| d.iter().map(|d| (d.raw.clone(), d.role)))
            .collect();
        assert_eq!(
            names,
            vec![
                ("区发改局".to_string(), Role::Lead),
                ("区工信局".to_string(), Role::Lead),
                ("区科技局".to_string(), Role::Lead),
            ]
        );
        for (span, depts) in &found {
            for d in depts {
                assert!(span.contains(d.span));
                assert_eq!(d.span.slice(text), d.raw);
            }
        }
    }

    #[test]
    fn lead_and_responsible_with_semicolon() {
        check(
            "推广应用。(牵头单位:市科技局、市教育局;责任单位:市发改委、市工信委)",
            &[
                ("市科技局", Role::Lead, Some("science_tech")),
                ("市教育局", Role::Lead, Some("education")),
                ("市发改委", Role::Responsible, Some("development_reform")),
                ("市工信委", Role::Responsible, Some("industry_it")),
            ],
        );
    }

    #[test]
    fn lead_and_responsible_with_comma() {
        check(
            "(牵头单位:市科技局,责任单位:市工业和信息化局、各区县市人民政府和园区管委会)",
            &[
                ("市科技局", Role::Lead, Some("science_tech")),
                ("市工业和信息化局", Role::Responsible, Some("industry_it")),
                (
                    "各区县市人民政府和园区管委会",
                    Role::Responsible,
                    Some("districts"),
                ),
            ],
        );
    }

    #[test]
    fn duty_forms_of_the_genre() {
        check(
            "（市科技局、市财政局等部门按职责分工负责）",
            &[
                ("市科技局", Role::Lead, Some("science_tech")),
                ("市财政局", Role::Responsible, Some("finance_bureau")),
            ],
        );
        check(
            "（省经信厅牵头，省发展改革委、省商务厅参与）",
            &[
                ("省经信厅", Role::Lead, Some("industry_it")),
                (
                    "省发展改革委",
                    Role::Responsible,
                    Some("development_reform"),
                ),
                ("省商务厅", Role::Responsible, Some("commerce")),
            ],
        );
        check(
            "责任单位：区教育局、区人社局",
            &[
                ("区教育局", Role::Responsible, Some("education")),
                ("区人社局", Role::Responsible, Some("human_resources")),
            ],
        );
        check(
            "由市经信局牵头，市发改局和各镇（街道）按职责分工抓好落实，每半年报送一次。",
            &[
                ("市经信局", Role::Lead, Some("industry_it")),
                ("市发改局", Role::Responsible, Some("development_reform")),
                ("各镇（街道）", Role::Responsible, Some("districts")),
            ],
        );
        check(
            "（责任单位：市经济信息委、各区县（自治县）政府）",
            &[
                ("市经济信息委", Role::Responsible, Some("industry_it")),
                ("各区县（自治县）政府", Role::Responsible, Some("districts")),
            ],
        );
    }

    #[test]
    fn bodies_opening_a_sentence() {
        check(
            "健全工作机制。市发展改革委、市经信局、市科技创新局建立联动推进机制，定期调度。",
            &[
                ("市发展改革委", Role::Lead, Some("development_reform")),
                ("市经信局", Role::Responsible, Some("industry_it")),
                ("市科技创新局", Role::Responsible, Some("science_tech")),
            ],
        );
        check("省委、省政府高度重视人工智能发展。", &[]);
        check("研究院、实验室建设平台。", &[]);
    }

    #[test]
    fn duty_form() {
        check(
            "研究。(市科委、市教委等按职责分工负责)",
            &[
                ("市科委", Role::Lead, Some("science_tech")),
                ("市教委", Role::Responsible, Some("education")),
            ],
        );
        check(
            "(市工业和信息化委负责)",
            &[("市工业和信息化委", Role::Lead, Some("industry_it"))],
        );
    }

    #[test]
    fn other_brackets_are_ignored() {
        check("图形处理器(GPU)、(2018—2020年)", &[]);
        check("未闭合(牵头单位:市科技局", &[]);
    }
}
