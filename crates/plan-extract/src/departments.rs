//! Departments named in an item: `(牵头单位:…;责任单位:…)` and `(A、B等按职责分工负责)`.

use crate::text::is_space;
use crate::vocab_match::canonical_department;
use plan_model::{DeptRef, Role, Span};

const OPEN: [char; 2] = ['(', '\u{FF08}'];
const CLOSE: [char; 2] = [')', '\u{FF09}'];
const LIST_SEPARATORS: [char; 5] = ['、', ',', '\u{FF0C}', ';', '\u{FF1B}'];
/// Endings of the `(A、B等按职责分工负责)` form, longest first.
const DUTY_ENDINGS: &[&str] = &["等按职责分工负责", "按职责分工负责", "等负责", "负责"];

/// The bracketed department clauses of `text` (which starts at byte `offset` of the source):
/// each clause's span and the departments in it.
pub fn departments_in(text: &str, offset: usize) -> Vec<(Span, Vec<DeptRef>)> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find(OPEN).map(|i| search + i) {
        let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close) = text[inner_start..].find(CLOSE).map(|i| inner_start + i) else {
            break;
        };
        let close_end = close + text[close..].chars().next().map_or(1, char::len_utf8);
        search = inner_start;
        let inner = &text[inner_start..close];
        let depts = if inner.contains("牵头单位") {
            labelled(inner, offset + inner_start)
        } else if let Some(ending) = DUTY_ENDINGS.iter().find(|e| inner.ends_with(*e)) {
            duty_list(&inner[..inner.len() - ending.len()], offset + inner_start)
        } else {
            continue;
        };
        if !depts.is_empty() {
            out.push((Span::new(offset + open, offset + close_end), depts));
            search = close_end;
        }
    }
    out
}

/// `牵头单位:A、B;责任单位:C、D` (separators may be `;`, `,` or their full-width forms).
fn labelled(inner: &str, offset: usize) -> Vec<DeptRef> {
    let mut out = Vec::new();
    for (label, role) in [("牵头单位", Role::Lead), ("责任单位", Role::Responsible)] {
        let Some(at) = inner.find(label) else {
            continue;
        };
        let list_start = at + label.len();
        let list_start = list_start
            + inner[list_start..]
                .chars()
                .next()
                .filter(|c| matches!(c, ':' | '\u{FF1A}'))
                .map_or(0, char::len_utf8);
        let other = if role == Role::Lead {
            "责任单位"
        } else {
            "牵头单位"
        };
        let list_end = inner[list_start..]
            .find(other)
            .map_or(inner.len(), |i| list_start + i);
        out.extend(split_list(inner, list_start, list_end, role, offset));
    }
    out
}

/// `A、B等` where the first body leads by convention and the others share the duty.
fn duty_list(list: &str, offset: usize) -> Vec<DeptRef> {
    let mut out = split_list(list, 0, list.len(), Role::Responsible, offset);
    if let Some(first) = out.first_mut() {
        first.role = Role::Lead;
    }
    out
}

fn split_list(s: &str, start: usize, end: usize, role: Role, offset: usize) -> Vec<DeptRef> {
    let mut out = Vec::new();
    let mut piece_start = start;
    let list = &s[start..end];
    let boundaries = list
        .char_indices()
        .filter(|(_, c)| LIST_SEPARATORS.contains(c))
        .map(|(i, c)| (start + i, c.len_utf8()));
    for (at, len) in boundaries.chain(std::iter::once((end, 0))) {
        let raw =
            s[piece_start..at].trim_matches(|c: char| is_space(c) || LIST_SEPARATORS.contains(&c));
        if !raw.is_empty() && raw.chars().count() <= 40 {
            // `raw` is a sub-slice of `s`: its offset is a pointer difference, no search needed.
            let raw_start = raw.as_ptr() as usize - s.as_ptr() as usize;
            out.push(DeptRef {
                raw: raw.to_string(),
                canonical: canonical_department(raw).map(|d| d.key),
                role,
                span: Span::new(offset + raw_start, offset + raw_start + raw.len()),
            });
        }
        piece_start = at + len;
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
