//! Indicator tables flattened into lines (主要指标表 copied from a web page or PDF: one cell a
//! line). A header of short cells, two or more of them year columns (`2023年基础值`,
//! `2025年目标值`), is followed by rows of as many cells: a value cell takes its column's year,
//! is a target or (in a base-year column) a reported fact, and is about its row's indicator name.

use plan_model::Span;

use crate::text::{digit_value, trim_span, year_before};

/// What a value cell of a flattened table says about the figure in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableCell {
    /// The line the cell is.
    pub line: Span,
    /// Its column's year.
    pub year: u16,
    /// A base-year column (基础值, 现状, 基期 …): the value is reported, not aimed at.
    pub base: bool,
    /// The column heading (`2025年目标值`).
    pub header: Span,
    /// The row's indicator name, when the table has a name column.
    pub label: Option<Span>,
}

/// Longest header cell, in characters.
const HEADER_CHARS: usize = 12;
/// Longest value or name cell, in characters: a longer line is prose, and ends the table.
const CELL_CHARS: usize = 30;
/// Words of a column heading for values of the base year.
const BASE_WORDS: &[&str] = &["基础", "现状", "基期", "基准", "实际", "基数"];
/// Column headings that are not the indicator's name.
const NOT_NAME: &[&str] = &["序号", "单位", "属性", "备注", "类别", "责任"];

fn chars(text: &str, span: Span) -> usize {
    span.slice(text).chars().count()
}

/// The year of a year-column heading (`2025年目标值`, `2027年`), if `line` is one.
fn year_column(text: &str, line: Span) -> Option<u16> {
    let s = line.slice(text);
    if chars(text, line) > HEADER_CHARS {
        return None;
    }
    let at = s.find('年')?;
    let year = year_before(s, at)?;
    // The year opens the cell.
    s[..at]
        .chars()
        .all(|c| digit_value(c).is_some())
        .then_some(year)
}

fn has_digit(text: &str, line: Span) -> bool {
    line.slice(text).chars().any(|c| digit_value(c).is_some())
}

/// The value cells of every flattened table in `span` of `text`, in order.
pub fn table_cells(text: &str, span: Span) -> Vec<TableCell> {
    let lines: Vec<Span> = {
        let mut out = Vec::new();
        let mut start = span.start;
        for (i, c) in span.slice(text).char_indices() {
            if c == '\n' {
                out.push(Span::new(start, span.start + i));
                start = span.start + i + 1;
            }
        }
        out.push(Span::new(start, span.end));
        out.into_iter()
            .map(|l| trim_span(text, l))
            .filter(|l| !l.is_empty())
            .collect()
    };
    let mut cells = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if year_column(text, lines[i]).is_none() {
            i += 1;
            continue;
        }
        // The header: short cells around the first year column, no digits but in year columns.
        let header_cell = |l: Span| {
            year_column(text, l).is_some()
                || (chars(text, l) <= HEADER_CHARS && !has_digit(text, l))
        };
        let mut start = i;
        while start > 0
            && header_cell(lines[start - 1])
            && year_column(text, lines[start - 1]).is_none()
        {
            start -= 1;
        }
        let mut end = i;
        while end < lines.len() && header_cell(lines[end]) {
            end += 1;
        }
        let header = &lines[start..end];
        let years: Vec<Option<u16>> = header.iter().map(|&l| year_column(text, l)).collect();
        if years.iter().flatten().count() < 2 {
            i = end.max(i + 1);
            continue;
        }
        let first_year = years.iter().position(Option::is_some).unwrap_or(0);
        // The name column: the last heading before the year columns that is not 序号, 单位 ….
        let name_column = (0..first_year).rev().find(|&c| {
            let s = header[c].slice(text);
            !NOT_NAME.iter().any(|w| s.contains(w))
        });
        let columns = header.len();
        let mut k = end;
        while k < lines.len() && chars(text, lines[k]) <= CELL_CHARS {
            let column = (k - end) % columns;
            let row = k - column;
            if let Some(year) = years[column] {
                let heading = header[column].slice(text);
                cells.push(TableCell {
                    line: lines[k],
                    year,
                    base: BASE_WORDS.iter().any(|w| heading.contains(w)),
                    header: header[column],
                    label: name_column
                        .map(|c| row + c)
                        .filter(|&at| at < lines.len())
                        .map(|at| lines[at]),
                });
            }
            k += 1;
        }
        i = k.max(end);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flattened_indicator_table_gives_each_value_its_column() {
        let text = "主要指标见下表。\n表1 主要指标\n序号\n指标名称\n2023年基础值\n2025年目标值\n2027年目标值\n1\n核心产业规模\n520亿元\n800亿元\n1500亿元\n2\n智能算力规模\n1.6EFlops\n5EFlops\n12EFlops\n（二）重点任务与工程安排，下面是一段较长的正文说明文字，表格到此为止。\n";
        let cells = table_cells(text, Span::new(0, text.len()));
        let got: Vec<(&str, u16, bool, &str)> = cells
            .iter()
            .map(|c| {
                (
                    c.line.slice(text),
                    c.year,
                    c.base,
                    c.label.map_or("", |l| l.slice(text)),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("520亿元", 2023, true, "核心产业规模"),
                ("800亿元", 2025, false, "核心产业规模"),
                ("1500亿元", 2027, false, "核心产业规模"),
                ("1.6EFlops", 2023, true, "智能算力规模"),
                ("5EFlops", 2025, false, "智能算力规模"),
                ("12EFlops", 2027, false, "智能算力规模"),
            ]
        );
    }

    #[test]
    fn prose_with_years_is_not_a_table() {
        let text = "到2025年，产业规模达到800亿元。\n2027年目标\n培育企业50家。\n";
        assert!(table_cells(text, Span::new(0, text.len())).is_empty());
    }
}
