//! The data model: what extraction produces and every view reads.
//!
//! Spans are UTF-8 byte offsets into the plan's source text, so `&text[span.range()]` is the quote;
//! the JSON export adds character offsets for consumers in other languages.

use serde::Serialize;

use crate::places::City;
use crate::vocab::UnitClass;

/// Half-open byte range `[start, end)` into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `source`; empty if the span does not fit `source`.
    pub fn slice(self, source: &str) -> &str {
        source.get(self.range()).unwrap_or("")
    }
}

/// A piece of the source with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quoted {
    pub text: String,
    pub span: Span,
}

/// A plan's title: from the text (with its span) or supplied by an editor (`curated`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Title {
    pub text: String,
    /// `true` when the text has no title line of its own and an editor supplied this one.
    pub curated: bool,
    /// Where the title stands in the source, when it comes from the source.
    pub span: Option<Span>,
    /// Why a curated title was needed (Chinese).
    pub note: Option<String>,
    /// The same note in English.
    pub note_en: Option<String>,
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    Unknown,
}

/// A calendar date known to some precision, with the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanDate {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub precision: DatePrecision,
    /// The words of the source the date was read from, if any.
    pub quote: Option<Quoted>,
}

impl PlanDate {
    pub fn unknown() -> PlanDate {
        PlanDate {
            year: None,
            month: None,
            day: None,
            precision: DatePrecision::Unknown,
            quote: None,
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as far as known.
    pub fn iso(&self) -> Option<String> {
        let year = self.year?;
        Some(match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        })
    }

    /// Position on a continuous year axis (e.g. 2018-10-22 → 2018.80), for timelines.
    pub fn fractional_year(&self) -> Option<f64> {
        let year = f64::from(self.year?);
        let month = f64::from(self.month.unwrap_or(1).clamp(1, 12)) - 1.0;
        let day = f64::from(self.day.unwrap_or(1).clamp(1, 31)) - 1.0;
        Some(year + (month + day / 31.0) / 12.0)
    }
}

/// The years a plan covers (规划期), e.g. 2023–2025. Either end may be unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: Option<u16>,
    pub end: Option<u16>,
    pub quote: Option<Quoted>,
}

/// What kind of document a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// 行动计划
    ActionPlan,
    /// 实施方案
    ImplementationPlan,
    /// 发展规划
    DevelopmentPlan,
    /// 提案答复
    ProposalReply,
    Other,
}

impl PlanKind {
    pub const ALL: [PlanKind; 5] = [
        PlanKind::ActionPlan,
        PlanKind::ImplementationPlan,
        PlanKind::DevelopmentPlan,
        PlanKind::ProposalReply,
        PlanKind::Other,
    ];
}

/// Where a document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Issued,
    /// 征求意见稿
    DraftForComment,
    /// A reply to a proposal, not a plan in force.
    Reply,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [
        PlanStatus::Issued,
        PlanStatus::DraftForComment,
        PlanStatus::Reply,
    ];
}

/// A document a plan cites: a document number (国发〔2017〕35号), a title in 《》, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub number: Option<String>,
    pub title: Option<String>,
    pub span: Span,
}

/// A heading of the document's outline (一、 / (一) / 1. / (1)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 for 一、, 2 for (一), 3 for 1., 4 for (1).
    pub level: u8,
    /// The marker as written, e.g. `(三)` or `11.`.
    pub marker: String,
    /// The number the marker stands for.
    pub number: u32,
    /// The heading's words, without marker and final full stop.
    pub title: String,
    /// Marker and title.
    pub span: Span,
    /// Index of the enclosing heading in the outline.
    pub parent: Option<usize>,
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A goal or target (目标, 标志性成果).
    Goal,
    /// A task (任务, 建设内容, 工程, 下步工作).
    Task,
    /// A support measure (保障措施).
    Measure,
    /// A statement of the current situation or work done (发展情况, 开展的主要工作).
    Status,
    /// Guiding ideas and principles (指导思想, 基本原则).
    Context,
    /// Text before the first heading.
    Preamble,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Goal,
        ItemKind::Task,
        ItemKind::Measure,
        ItemKind::Status,
        ItemKind::Context,
        ItemKind::Preamble,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Goal => "goal",
            ItemKind::Task => "task",
            ItemKind::Measure => "measure",
            ItemKind::Status => "status",
            ItemKind::Context => "context",
            ItemKind::Preamble => "preamble",
        }
    }

    pub fn from_key(key: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The role a department plays in an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 牵头单位 (or the first body named in `(A、B等按职责分工负责)`).
    Lead,
    /// 责任单位 (or the others named).
    Responsible,
}

/// A department named by an item, raw and canonical.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeptRef {
    pub raw: String,
    /// Key into [`crate::vocab::DEPARTMENTS`]; `None` when the name is not recognised.
    pub canonical: Option<&'static str>,
    pub role: Role,
    pub span: Span,
}

/// A goal, task or measure: one numbered entry or one paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    /// Indices into the plan's outline, outermost first.
    pub heading_path: Vec<usize>,
    /// The item's own heading, if it is a numbered entry.
    pub heading: Option<usize>,
    pub span: Span,
    /// The item's text, verbatim (`source[span]`).
    pub quote: String,
    pub sectors: Vec<&'static str>,
    /// Keys into [`crate::vocab::INSTRUMENTS`]: the policy instruments the item's words name.
    pub instruments: Vec<&'static str>,
    pub departments: Vec<DeptRef>,
    /// Years the item names (`YYYY年`).
    pub years: Vec<u16>,
    /// Indices of the figures stated in this item.
    pub figures: Vec<usize>,
}

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Target,
    /// A forecast (预计).
    Forecast,
    /// A figure of the present or past (现有, 2018年…).
    Status,
    /// Money committed (资金, 基金, 资助 …).
    Funding,
}

impl FigureKind {
    pub const ALL: [FigureKind; 4] = [
        FigureKind::Target,
        FigureKind::Forecast,
        FigureKind::Status,
        FigureKind::Funding,
    ];
}

/// How a figure bounds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    /// 以上, 不低于, 不少于
    AtLeast,
    /// 超过, 突破
    MoreThan,
    /// 左右, 约, 近
    About,
    /// 以内, 以下
    AtMost,
}

/// Where a figure's target year comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    Sentence,
    Section,
}

/// A number that states a target, a commitment or a status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub id: String,
    /// Index of the item it belongs to.
    pub item: usize,
    /// The number as written, with its range, magnitude and unit (e.g. `3—5 个`, `400 亿元`).
    pub raw: String,
    pub raw_span: Span,
    /// The sentence it stands in, verbatim.
    pub quote: String,
    pub span: Span,
    /// Single value as written (before unit normalisation); `None` for ranges.
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The unit as written (`亿元`, `家`, `万人`, `%` …).
    pub unit: String,
    pub unit_class: UnitClass,
    /// Normalised unit: `yuan`, `%`, or the counted noun (`enterprises`, `platforms`, `people` …).
    pub unit_normalized: String,
    /// Factor from the written value to the normalised one (亿元 → 1e8 yuan, 万人 → 1e4 people).
    pub scale: f64,
    /// The qualifier as written (以上, 不低于, 超过, 达到, 左右 …).
    pub qualifier: Option<String>,
    pub bound: Bound,
    /// A per-year quantity (每年).
    pub per_year: bool,
    /// An average annual growth rate (年均增速, 年均增长).
    pub growth_rate: bool,
    pub year: Option<u16>,
    pub year_source: Option<YearSource>,
    pub kind: FigureKind,
    /// Key into [`crate::vocab::METRICS`]; `None` when no metric fits.
    pub metric: Option<&'static str>,
    /// Where a figure's scope differs from the metric's plain meaning (e.g. 核心及相关产业).
    pub scope: Option<&'static str>,
}

impl Figure {
    /// The lower and upper normalised values (equal for a single value).
    pub fn normalized_range(&self) -> (f64, f64) {
        let low = self.value.or(self.min).unwrap_or(0.0);
        let high = self.value.or(self.max).unwrap_or(low);
        (low * self.scale, high * self.scale)
    }
}

/// What a [`Diagnostic`] reports. Codes, not sentences: the app words them in either language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticCode {
    /// No heading (一、/(一)/1./(1), 第一章 …) was found.
    NoOutline,
    /// A department name that no canonical department matches; `detail` is the name.
    UnknownDepartment,
    /// The text stops mid-sentence; `detail` is the marker and title of the item it stops in.
    Truncated,
    /// A web page's chrome after the document was skipped; `detail` is its length in characters.
    WebTrailer,
    /// Neither a title line nor an editor's title.
    NoTitle,
}

impl DiagnosticCode {
    pub const ALL: [DiagnosticCode; 5] = [
        DiagnosticCode::NoOutline,
        DiagnosticCode::UnknownDepartment,
        DiagnosticCode::Truncated,
        DiagnosticCode::WebTrailer,
        DiagnosticCode::NoTitle,
    ];

    /// The code as exported (`no-outline`, `unknown-department` …).
    pub fn key(self) -> &'static str {
        match self {
            DiagnosticCode::NoOutline => "no-outline",
            DiagnosticCode::UnknownDepartment => "unknown-department",
            DiagnosticCode::Truncated => "truncated",
            DiagnosticCode::WebTrailer => "web-trailer",
            DiagnosticCode::NoTitle => "no-title",
        }
    }
}

/// Something extraction could not read, or chose to skip, with where it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: DiagnosticCode,
    /// What it concerns, in the source's own words or as a number (see [`DiagnosticCode`]).
    pub detail: Option<String>,
    pub span: Option<Span>,
}

/// One plan document, as extracted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Stable identifier: the source file name without its extension.
    pub id: String,
    /// The seed's file name, its identity.
    pub source: String,
    /// The full source text (not exported: the source files are the reference).
    #[serde(skip)]
    pub text: String,
    pub city: Option<City>,
    pub title: Title,
    pub doc_number: Option<Quoted>,
    pub issuer: Option<Quoted>,
    pub issue_date: PlanDate,
    pub period: Option<Period>,
    pub kind: PlanKind,
    pub status: PlanStatus,
    /// `true` when `kind` and `status` follow from a curated title (see [`Title::curated`]) rather
    /// than from the text's own words: a reader must know they rest on an editor's judgement.
    pub kind_from_curated_title: bool,
    /// 有效期至… with the date it ends.
    pub validity: Option<PlanDate>,
    /// The deadline for comments on a draft.
    pub comment_deadline: Option<PlanDate>,
    pub cites: Vec<Citation>,
    /// `true` when the source text stops in the middle (e.g. `004_…` stops inside item 15).
    pub truncated: bool,
    /// Where the text stops, when it is cut off.
    pub truncated_at: Option<Span>,
    pub outline: Vec<Heading>,
    pub items: Vec<Item>,
    pub figures: Vec<Figure>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Plan {
    /// Titles of the headings of an item, outermost first.
    pub fn heading_titles(&self, item: &Item) -> Vec<&str> {
        item.heading_path
            .iter()
            .filter_map(|&h| self.outline.get(h))
            .map(|h| h.title.as_str())
            .collect()
    }

    /// The item containing byte offset `at`, if any.
    pub fn item_at(&self, at: usize) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.span.start <= at && at < i.span.end)
    }
}

/// Derives a plan id from a source file name: the name without its extension.
pub fn plan_id(source: &str) -> String {
    source
        .rsplit_once('.')
        .map_or(source, |(stem, _)| stem)
        .to_string()
}
