//! The dataset as exported: flat tables that a reader in any language can use. The schema is
//! documented in `docs/data-format.md`; `plans` serialises it as JSON, and [`figures_csv`] writes
//! the figures table.

use serde::Serialize;

use plan_model::vocab::{UnitClass, DEPARTMENTS, INSTRUMENTS, METRICS, SECTORS};
use plan_model::{
    Bound, Citation, Confidence, DatePrecision, FigureKind, ItemKind, KindRule, MeasureType, Plan,
    PlanKind, PlanStatus, Role, Span, YearSource,
};

use crate::geometry::{Lane, MilestoneKind};
use crate::query::ItemRef;
use crate::similarity::SimilarityIndex;

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
    pub level: plan_model::places::AdminLevel,
    /// The prefecture a county lies in, or the prefecture itself.
    pub prefecture_zh: Option<&'static str>,
    pub prefecture_en: Option<&'static str>,
    /// The county-level division, for a county-level place.
    pub county_zh: Option<&'static str>,
    /// Division code (GB/T 2260 / NBS), 0 when unknown.
    pub code: u32,
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
    /// What it concerns, in the source's words or as a number (the department name, the item cut off).
    pub detail: Option<String>,
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
    pub title_note_en: Option<String>,
    /// `kind` and `status` follow from the curated title, not from the text's own words.
    pub kind_from_curated_title: bool,
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
    pub instruments: Vec<&'static str>,
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
    pub measure: MeasureType,
    pub counted: Option<String>,
    pub year: Option<u16>,
    pub year_source: Option<YearSource>,
    pub baseline: Option<BaselineRow>,
    pub kind: FigureKind,
    pub kind_rule: KindRule,
    pub kind_cue: Option<String>,
    pub confidence: Confidence,
    pub metric: Option<&'static str>,
    pub scope: Option<&'static str>,
    pub corrected: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct BaselineRow {
    /// Normalised like the figure's `value_normalized`; absent when only a year is stated.
    pub value_normalized: Option<f64>,
    pub year: Option<u16>,
    pub quote: String,
    pub location: Location,
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
    pub instruments: Vec<Label>,
    pub metrics: Vec<Label>,
    pub departments: Vec<Label>,
}

fn date_row(date: &plan_model::PlanDate) -> DateRow {
    DateRow {
        iso: date.iso(),
        precision: date.precision,
        quote: date.quote.as_ref().map(|q| q.text.clone()),
    }
}

/// Flattens extracted plans into the exported tables.
/// The whole dataset of `plans`.
pub fn dataset(plans: &[Plan]) -> Dataset {
    dataset_where(plans, |_| true, |_, _| true)
}

/// The dataset of the items Explore shows: their plans, those plans' outlines, the items and their
/// targets, in the one documented schema.
pub fn dataset_of_items(plans: &[Plan], items: &[ItemRef]) -> Dataset {
    let keep_item = |p: usize, i: usize| items.contains(&ItemRef { plan: p, item: i });
    dataset_where(plans, |p| items.iter().any(|r| r.plan == p), keep_item)
}

/// The dataset of the targets Compare's matrix shows: the selected plans and every figure with a
/// metric, with the items they stand in.
pub fn dataset_of_comparison(plans: &[Plan], selected: &[usize]) -> Dataset {
    let keep_item = |p: usize, i: usize| {
        plans[p].items[i]
            .figures
            .iter()
            .any(|&f| plans[p].figures[f].metric.is_some())
    };
    let mut data = dataset_where(plans, |p| selected.contains(&p), keep_item);
    data.targets.retain(|t| t.metric.is_some());
    data
}

/// The dataset restricted to the plans `keep_plan` accepts and, in them, the items `keep_item`
/// accepts (by plan and item index) with their targets. Ids and locations are those of the whole.
fn dataset_where(
    plans: &[Plan],
    keep_plan: impl Fn(usize) -> bool,
    keep_item: impl Fn(usize, usize) -> bool,
) -> Dataset {
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
            instruments: INSTRUMENTS
                .iter()
                .map(|i| Label {
                    key: i.key,
                    zh: i.zh,
                    en: i.en,
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
    for (plan_index, plan) in plans.iter().enumerate().filter(|(p, _)| keep_plan(*p)) {
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
                prefecture_zh: c.prefecture_zh,
                prefecture_en: c.prefecture_en,
                county_zh: c.county_zh,
                code: c.code,
            }),
            title: plan.title.text.clone(),
            title_curated: plan.title.curated,
            title_note: plan.title.note.clone(),
            title_note_en: plan.title.note_en.clone(),
            kind_from_curated_title: plan.kind_from_curated_title,
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
                    code: d.code.key(),
                    detail: d.detail.clone(),
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
        for (_, item) in plan
            .items
            .iter()
            .enumerate()
            .filter(|(i, _)| keep_item(plan_index, *i))
        {
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
                instruments: item.instruments.clone(),
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
        for f in plan
            .figures
            .iter()
            .filter(|f| keep_item(plan_index, f.item))
        {
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
                measure: f.measure,
                counted: f.counted.clone(),
                year: f.year,
                year_source: f.year_source,
                baseline: f.baseline.as_ref().map(|b| BaselineRow {
                    value_normalized: b.value,
                    year: b.year,
                    quote: b.quote.text.clone(),
                    location: locate(text, b.quote.span),
                }),
                kind: f.kind,
                kind_rule: f.kind_rule,
                kind_cue: f.kind_cue.clone(),
                confidence: f.confidence,
                metric: f.metric,
                scope: f.scope,
                corrected: f.corrected.clone(),
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
        "kind_rule",
        "kind_cue",
        "confidence",
        "measure",
        "counted",
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
        "bound",
        "year",
        "year_source",
        "baseline_value_normalized",
        "baseline_year",
        "corrected",
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
            t.kind.key().to_string(),
            t.kind_rule.key().to_string(),
            opt(t.kind_cue.clone()),
            t.confidence.key().to_string(),
            t.measure.key().to_string(),
            opt(t.counted.clone()),
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
            t.bound.key().to_string(),
            opt(t.year),
            opt(t.year_source.map(YearSource::key)),
            opt(t.baseline.as_ref().and_then(|b| b.value_normalized)),
            opt(t.baseline.as_ref().and_then(|b| b.year)),
            t.corrected.join("; "),
            t.quote.clone(),
            t.location.chars[0].to_string(),
            t.location.chars[1].to_string(),
        ]
    });
    csv_table(&header, rows)
}

/// The items table as CSV: one item a row; lists are joined with `; `.
pub fn items_csv(data: &Dataset) -> String {
    let header = [
        "id",
        "plan",
        "kind",
        "heading_path",
        "sectors",
        "instruments",
        "lead",
        "responsible",
        "targets",
        "quote",
        "char_start",
        "char_end",
    ];
    let departments = |item: &ItemRow, role: Role| {
        let mut names: Vec<&str> = Vec::new();
        for d in item.departments.iter().filter(|d| d.role == role) {
            let name = d.canonical.unwrap_or(d.raw.as_str());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.join("; ")
    };
    let rows = data.items.iter().map(|i| {
        vec![
            i.id.clone(),
            i.plan.clone(),
            i.kind.key().to_string(),
            i.heading_path.join(" > "),
            i.sectors.join("; "),
            i.instruments.join("; "),
            departments(i, Role::Lead),
            departments(i, Role::Responsible),
            i.targets.join("; "),
            i.quote.clone(),
            i.location.chars[0].to_string(),
            i.location.chars[1].to_string(),
        ]
    });
    csv_table(&header, rows)
}

/// How alike the selected plans' tasks are, plan by plan, as exported (and as Compare shows it).
#[derive(Debug, Serialize)]
pub struct PlanSimilarity {
    pub schema: &'static str,
    /// The plans' ids, in the order of the rows and of the columns.
    pub plans: Vec<String>,
    /// `matrix[a][b]`, 0 to 1: the mean over A's tasks and measures of their best match in B and
    /// the same of B in A, averaged (symmetric; 1 on the diagonal, 0 for a plan without tasks);
    /// see [`SimilarityIndex::plan_matrix`].
    pub matrix: Vec<Vec<f64>>,
}

/// The plan × plan similarity of the plans `selected` (indices into `plans`, which `index` was
/// built from), in that order.
pub fn plan_similarity(
    plans: &[Plan],
    index: &SimilarityIndex,
    selected: &[usize],
) -> PlanSimilarity {
    let selected: Vec<usize> = selected
        .iter()
        .copied()
        .filter(|&p| p < plans.len())
        .collect();
    PlanSimilarity {
        schema: SCHEMA,
        plans: selected.iter().map(|&p| plans[p].id.clone()).collect(),
        matrix: index.plan_matrix(&selected),
    }
}

/// The plan similarity as CSV: a `plan` column, then one column per plan id; values to four
/// decimals.
pub fn plan_similarity_csv(table: &PlanSimilarity) -> String {
    let mut header = vec!["plan"];
    header.extend(table.plans.iter().map(String::as_str));
    let rows = table.plans.iter().zip(&table.matrix).map(|(id, row)| {
        std::iter::once(id.clone())
            .chain(row.iter().map(|v| format!("{v:.4}")))
            .collect()
    });
    csv_table(&header, rows)
}

/// One dated event of the timeline, as exported.
#[derive(Debug, Serialize)]
pub struct MilestoneRow {
    pub plan: String,
    /// `issued`, `comment_deadline`, `valid_until`, `target_year` or `reported`.
    pub kind: &'static str,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as far as the source says.
    pub date: String,
    pub quote: String,
    /// For target years: the ids of the targets set for that year; for reports: the ids of the
    /// status and forecast figures.
    pub targets: Vec<String>,
    /// For target years: the ids of the goal items that set out for that year (the stage).
    pub goals: Vec<String>,
}

/// The timeline as exported: the schema name and its events.
#[derive(Debug, Serialize)]
pub struct Timeline {
    pub schema: &'static str,
    pub milestones: Vec<MilestoneRow>,
}

fn milestone_key(kind: MilestoneKind) -> &'static str {
    match kind {
        MilestoneKind::Issued => "issued",
        MilestoneKind::CommentDeadline => "comment_deadline",
        MilestoneKind::ValidUntil => "valid_until",
        MilestoneKind::TargetYear => "target_year",
        MilestoneKind::Reported => "reported",
    }
}

/// The events of `lanes`, lane by lane.
pub fn timeline(plans: &[Plan], lanes: &[Lane]) -> Timeline {
    let milestones = lanes
        .iter()
        .flat_map(|lane| {
            let plan = &plans[lane.plan];
            lane.milestones.iter().map(move |m| MilestoneRow {
                plan: plan.id.clone(),
                kind: milestone_key(m.kind),
                date: m.date.clone(),
                quote: m.quote.clone(),
                targets: m
                    .figures
                    .iter()
                    .map(|&f| plan.figures[f].id.clone())
                    .collect(),
                goals: m.items.iter().map(|&i| plan.items[i].id.clone()).collect(),
            })
        })
        .collect();
    Timeline {
        schema: SCHEMA,
        milestones,
    }
}

/// The timeline as CSV.
pub fn timeline_csv(timeline: &Timeline) -> String {
    let rows = timeline.milestones.iter().map(|m| {
        vec![
            m.plan.clone(),
            m.kind.to_string(),
            m.date.clone(),
            m.quote.clone(),
            m.targets.join("; "),
            m.goals.join("; "),
        ]
    });
    csv_table(&["plan", "kind", "date", "quote", "targets", "goals"], rows)
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

    fn seeds() -> Vec<Plan> {
        plan_extract::extract_seeds()
    }

    #[test]
    fn item_subset_keeps_the_schema_and_only_those_items() {
        let plans = seeds();
        let refs = [ItemRef { plan: 1, item: 3 }, ItemRef { plan: 3, item: 0 }];
        let data = dataset_of_items(&plans, &refs);
        assert_eq!(data.schema, SCHEMA);
        assert_eq!(data.items.len(), 2);
        assert_eq!(data.plans.len(), 2);
        let ids: Vec<&str> = data.items.iter().map(|i| i.id.as_str()).collect();
        assert!(data.targets.iter().all(|t| ids.contains(&t.item.as_str())));
        let csv = items_csv(&data);
        assert_eq!(csv.lines().count(), 3);
        assert!(csv.starts_with("id,plan,kind,heading_path,sectors,instruments,lead,"));
    }

    #[test]
    fn items_carry_their_instruments_in_json_and_csv() {
        let plans = vec![plan_extract::extract_plan(
            "x.txt",
            "一、重点任务\n1.建设创新平台。设立产业基金,给予补贴。(牵头单位:市科技局)\n",
        )];
        let data = dataset(&plans);
        assert_eq!(data.items[0].instruments, vec!["funding", "platform"]);
        assert!(data.vocabulary.instruments.iter().any(|l| l.key == "pilot"));
        let csv = items_csv(&data);
        let row = csv.lines().nth(1).unwrap_or_default();
        assert!(row.contains(",funding; platform,science_tech,"), "{row}");
    }

    #[test]
    fn comparison_subset_has_the_selected_plans_metric_targets() {
        let plans = seeds();
        let data = dataset_of_comparison(&plans, &[0, 3]);
        assert_eq!(data.plans.len(), 2);
        assert!(!data.targets.is_empty());
        assert!(data.targets.iter().all(|t| t.metric.is_some()));
        assert!(data
            .targets
            .iter()
            .all(|t| t.plan == plans[0].id || t.plan == plans[3].id));
    }

    #[test]
    fn plan_similarity_is_a_labelled_square() {
        let plans = seeds();
        let index = SimilarityIndex::new(&plans);
        let table = plan_similarity(&plans, &index, &[3, 1, 2]);
        assert_eq!(
            table.plans,
            [&plans[3].id, &plans[1].id, &plans[2].id].map(String::clone)
        );
        assert_eq!(table.matrix, index.plan_matrix(&[3, 1, 2]));
        let csv = plan_similarity_csv(&table);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            format!("plan,{},{},{}", plans[3].id, plans[1].id, plans[2].id)
        );
        assert_eq!(lines.len(), 4);
        assert!(lines[1].starts_with(&format!("{},1.0000,0.", plans[3].id)));
        // Indices outside the plan list are left out, not a panic.
        assert_eq!(plan_similarity(&plans, &index, &[0, 99]).plans.len(), 1);
    }

    #[test]
    fn timeline_rows_name_plan_kind_and_targets() {
        let plans = seeds();
        let lanes = crate::geometry::timeline_lanes(&plans, &[0, 1, 2, 3, 4]);
        let table = timeline(&plans, &lanes);
        assert!(table
            .milestones
            .iter()
            .any(|m| m.kind == "target_year" && !m.targets.is_empty()));
        assert!(timeline_csv(&table).starts_with("plan,kind,date,quote,targets,goals\r\n"));
    }
}
