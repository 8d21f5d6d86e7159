//! The dataset as exported: flat tables that a reader in any language can use. The schema is
//! documented in `docs/data-format.md`; `plans` serialises it as JSON, and [`figures_csv`] writes
//! the figures table.

use serde::Serialize;

use crate::model::{
    Bound, Citation, DatePrecision, FigureKind, ItemKind, Plan, PlanKind, PlanStatus, Role, Span,
    YearSource,
};
use crate::taxonomy::{UnitClass, DEPARTMENTS, METRICS, SECTORS};

pub const SCHEMA: &str = "plan-compare/1";

/// A span in bytes and in characters (Unicode scalar values), both half-open.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Location {
    pub bytes: [usize; 2],
    pub chars: [usize; 2],
}

fn locate(text: &str, span: Span) -> Location {
    let chars_before = |at: usize| text.get(..at).map_or(0, |s| s.chars().count());
    Location {
        bytes: [span.start, span.end],
        chars: [chars_before(span.start), chars_before(span.end)],
    }
}

#[derive(Debug, Serialize)]
pub struct Dataset {
    pub schema: &'static str,
    pub plans: Vec<PlanRow>,
    pub outline: Vec<HeadingRow>,
    pub items: Vec<ItemRow>,
    pub targets: Vec<TargetRow>,
    pub vocabulary: Vocabulary,
}

#[derive(Debug, Serialize)]
pub struct CityRow {
    pub zh: &'static str,
    pub en: &'static str,
    pub province_zh: &'static str,
    pub province_en: &'static str,
    pub level: crate::gazetteer::AdminLevel,
}

#[derive(Debug, Serialize)]
pub struct DateRow {
    pub iso: Option<String>,
    pub precision: DatePrecision,
    pub quote: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DiagnosticRow {
    pub code: &'static str,
    pub message: String,
    pub location: Option<Location>,
}

#[derive(Debug, Serialize)]
pub struct PlanRow {
    pub id: String,
    pub source: String,
    pub city: Option<CityRow>,
    pub title: String,
    pub title_curated: bool,
    pub title_note: Option<String>,
    pub doc_number: Option<String>,
    pub issuer: Option<String>,
    pub issue_date: DateRow,
    pub period_start: Option<u16>,
    pub period_end: Option<u16>,
    pub kind: PlanKind,
    pub status: PlanStatus,
    pub valid_until: Option<DateRow>,
    pub comment_deadline: Option<DateRow>,
    pub cites: Vec<Citation>,
    pub truncated: bool,
    pub truncated_at: Option<Location>,
    pub item_count: usize,
    pub target_count: usize,
    pub diagnostics: Vec<DiagnosticRow>,
}

#[derive(Debug, Serialize)]
pub struct HeadingRow {
    pub plan: String,
    pub index: usize,
    pub level: u8,
    pub marker: String,
    pub title: String,
    pub parent: Option<usize>,
    pub location: Location,
}

#[derive(Debug, Serialize)]
pub struct DepartmentRow {
    pub raw: String,
    pub canonical: Option<&'static str>,
    pub role: Role,
}

#[derive(Debug, Serialize)]
pub struct ItemRow {
    pub id: String,
    pub plan: String,
    pub kind: ItemKind,
    pub heading_path: Vec<String>,
    pub quote: String,
    pub location: Location,
    pub sectors: Vec<&'static str>,
    pub departments: Vec<DepartmentRow>,
    pub years: Vec<u16>,
    pub targets: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TargetRow {
    pub id: String,
    pub plan: String,
    pub item: String,
    pub quote: String,
    pub location: Location,
    pub raw: String,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: String,
    pub unit_class: UnitClass,
    pub unit_normalized: String,
    pub value_normalized: Option<f64>,
    pub min_normalized: Option<f64>,
    pub max_normalized: Option<f64>,
    pub qualifier: Option<String>,
    pub bound: Bound,
    pub per_year: bool,
    pub growth_rate: bool,
    pub year: Option<u16>,
    pub year_source: Option<YearSource>,
    pub kind: FigureKind,
    pub metric: Option<&'static str>,
    pub scope: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct Label {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Vocabulary {
    pub sectors: Vec<Label>,
    pub metrics: Vec<Label>,
    pub departments: Vec<Label>,
}

fn date_row(date: &crate::model::PlanDate) -> DateRow {
    DateRow {
        iso: date.iso(),
        precision: date.precision,
        quote: date.quote.as_ref().map(|q| q.text.clone()),
    }
}

/// Flattens extracted plans into the exported tables.
pub fn dataset(plans: &[Plan]) -> Dataset {
    let mut out = Dataset {
        schema: SCHEMA,
        plans: Vec::new(),
        outline: Vec::new(),
        items: Vec::new(),
        targets: Vec::new(),
        vocabulary: Vocabulary {
            sectors: SECTORS
                .iter()
                .map(|s| Label {
                    key: s.key,
                    zh: s.zh,
                    en: s.en,
                })
                .collect(),
            metrics: METRICS
                .iter()
                .map(|m| Label {
                    key: m.key,
                    zh: m.zh,
                    en: m.en,
                })
                .collect(),
            departments: DEPARTMENTS
                .iter()
                .map(|d| Label {
                    key: d.key,
                    zh: d.zh,
                    en: d.en,
                })
                .collect(),
        },
    };
    for plan in plans {
        let text = plan.text.as_str();
        out.plans.push(PlanRow {
            id: plan.id.clone(),
            source: plan.source.clone(),
            city: plan.city.map(|c| CityRow {
                zh: c.zh,
                en: c.en,
                province_zh: c.province_zh,
                province_en: c.province_en,
                level: c.level,
            }),
            title: plan.title.text.clone(),
            title_curated: plan.title.curated,
            title_note: plan.title.note.clone(),
            doc_number: plan.doc_number.as_ref().map(|q| q.text.clone()),
            issuer: plan.issuer.as_ref().map(|q| q.text.clone()),
            issue_date: date_row(&plan.issue_date),
            period_start: plan.period.as_ref().and_then(|p| p.start),
            period_end: plan.period.as_ref().and_then(|p| p.end),
            kind: plan.kind,
            status: plan.status,
            valid_until: plan.validity.as_ref().map(date_row),
            comment_deadline: plan.comment_deadline.as_ref().map(date_row),
            cites: plan.cites.clone(),
            truncated: plan.truncated,
            truncated_at: plan.truncated_at.map(|s| locate(text, s)),
            item_count: plan.items.len(),
            target_count: plan.figures.len(),
            diagnostics: plan
                .diagnostics
                .iter()
                .map(|d| DiagnosticRow {
                    code: d.code,
                    message: d.message.clone(),
                    location: d.span.map(|s| locate(text, s)),
                })
                .collect(),
        });
        for (index, h) in plan.outline.iter().enumerate() {
            out.outline.push(HeadingRow {
                plan: plan.id.clone(),
                index,
                level: h.level,
                marker: h.marker.clone(),
                title: h.title.clone(),
                parent: h.parent,
                location: locate(text, h.span),
            });
        }
        for item in &plan.items {
            out.items.push(ItemRow {
                id: item.id.clone(),
                plan: plan.id.clone(),
                kind: item.kind,
                heading_path: plan
                    .heading_titles(item)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                quote: item.quote.clone(),
                location: locate(text, item.span),
                sectors: item.sectors.clone(),
                departments: item
                    .departments
                    .iter()
                    .map(|d| DepartmentRow {
                        raw: d.raw.clone(),
                        canonical: d.canonical,
                        role: d.role,
                    })
                    .collect(),
                years: item.years.clone(),
                targets: item
                    .figures
                    .iter()
                    .map(|&f| plan.figures[f].id.clone())
                    .collect(),
            });
        }
        for f in &plan.figures {
            let scaled = |v: Option<f64>| v.map(|v| v * f.scale);
            out.targets.push(TargetRow {
                id: f.id.clone(),
                plan: plan.id.clone(),
                item: plan.items[f.item].id.clone(),
                quote: f.quote.clone(),
                location: locate(text, f.span),
                raw: f.raw.clone(),
                value: f.value,
                min: f.min,
                max: f.max,
                unit: f.unit.clone(),
                unit_class: f.unit_class,
                unit_normalized: f.unit_normalized.clone(),
                value_normalized: scaled(f.value),
                min_normalized: scaled(f.min),
                max_normalized: scaled(f.max),
                qualifier: f.qualifier.clone(),
                bound: f.bound,
                per_year: f.per_year,
                growth_rate: f.growth_rate,
                year: f.year,
                year_source: f.year_source,
                kind: f.kind,
                metric: f.metric,
                scope: f.scope,
            });
        }
    }
    out
}

/// One CSV field, quoted when it needs to be (RFC 4180).
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// Lines of a CSV table (header first), `\r\n`-terminated, without a byte-order mark.
pub fn csv_table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    let mut push = |fields: Vec<String>| {
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    push(header.iter().map(|h| h.to_string()).collect());
    rows.into_iter().for_each(push);
    out
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// The figures table as CSV.
pub fn figures_csv(data: &Dataset) -> String {
    let header = [
        "id",
        "plan",
        "item",
        "metric",
        "scope",
        "kind",
        "raw",
        "value",
        "min",
        "max",
        "unit",
        "unit_normalized",
        "value_normalized",
        "min_normalized",
        "max_normalized",
        "qualifier",
        "per_year",
        "growth_rate",
        "year",
        "quote",
        "char_start",
        "char_end",
    ];
    let rows = data.targets.iter().map(|t| {
        vec![
            t.id.clone(),
            t.plan.clone(),
            t.item.clone(),
            opt(t.metric),
            opt(t.scope),
            format!("{:?}", t.kind).to_lowercase(),
            t.raw.clone(),
            opt(t.value),
            opt(t.min),
            opt(t.max),
            t.unit.clone(),
            t.unit_normalized.clone(),
            opt(t.value_normalized),
            opt(t.min_normalized),
            opt(t.max_normalized),
            opt(t.qualifier.clone()),
            t.per_year.to_string(),
            t.growth_rate.to_string(),
            opt(t.year),
            t.quote.clone(),
            t.location.chars[0].to_string(),
            t.location.chars[1].to_string(),
        ]
    });
    csv_table(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(
            csv_table(&["a", "b"], [vec!["1".into(), "x\ny".into()]]),
            "a,b\r\n1,\"x\ny\"\r\n"
        );
    }

    #[test]
    fn char_locations_count_characters() {
        let loc = locate("武汉400亿元", Span::new(6, 9));
        assert_eq!(loc.chars, [2, 5]);
    }
}
