//! The data model: what extraction produces and every view reads.
//!
//! Spans are UTF-8 byte offsets into the plan's source text, so `&text[span.range()]` is the quote;
//! the JSON export adds character offsets for consumers in other languages.

use serde::{Deserialize, Serialize};

use crate::interned::StaticStr;

use crate::places::City;
use crate::vocab::UnitClass;

/// Half-open byte range `[start, end)` into a source text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quoted {
    pub text: String,
    pub span: Span,
}

/// A plan's title: from the text (with its span) or supplied by an editor (`curated`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    Unknown,
}

/// A calendar date known to some precision, with the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: Option<u16>,
    pub end: Option<u16>,
    pub quote: Option<Quoted>,
}

/// What kind of document a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub number: Option<String>,
    pub title: Option<String>,
    pub span: Span,
}

/// A heading of the document's outline (一、 / (一) / 1. / (1)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 牵头单位 (or the first body named in `(A、B等按职责分工负责)`).
    Lead,
    /// 责任单位 (or the others named).
    Responsible,
}

/// A department named by an item, raw and canonical.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeptRef {
    pub raw: String,
    /// Key into [`crate::vocab::DEPARTMENTS`]; `None` when the name is not recognised.
    #[serde(deserialize_with = "crate::interned::optional")]
    pub canonical: Option<StaticStr>,
    pub role: Role,
    pub span: Span,
}

/// A goal, task or measure: one numbered entry or one paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    #[serde(deserialize_with = "crate::interned::list")]
    pub sectors: Vec<&'static str>,
    /// Keys into [`crate::vocab::INSTRUMENTS`]: the policy instruments the item's words name.
    #[serde(deserialize_with = "crate::interned::list")]
    pub instruments: Vec<&'static str>,
    pub departments: Vec<DeptRef>,
    /// Years the item names (`YYYY年`).
    pub years: Vec<u16>,
    /// The year the item sets out for (`到2025年…`), numeric figures or not: a goal's stage.
    pub target_year: Option<u16>,
    /// Indices of the figures stated in this item.
    pub figures: Vec<usize>,
}

/// What a figure is. Only targets are goals; the rest are kept, marked, in their own places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Where the plan wants to get (到2025年…达到400亿元, 建设10个平台).
    Target,
    /// A forecast (预计).
    Forecast,
    /// A reported fact of the present or past (现有, 截至, 2018年…, the base of 由…提高到…).
    Status,
    /// What the government puts in: money (资金, 基金, 每个平台给予100万元, 最高500万元) and the
    /// number of awards it funds (每年支持10个).
    Funding,
    /// An eligibility rule or condition of support (对投入达到500万元以上的企业给予…).
    Threshold,
    /// Not a target: a user's review marked it so (the extractor itself never sets it).
    Other,
}

impl FigureKind {
    pub const ALL: [FigureKind; 6] = [
        FigureKind::Target,
        FigureKind::Forecast,
        FigureKind::Status,
        FigureKind::Funding,
        FigureKind::Threshold,
        FigureKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            FigureKind::Target => "target",
            FigureKind::Forecast => "forecast",
            FigureKind::Status => "status",
            FigureKind::Funding => "funding",
            FigureKind::Threshold => "threshold",
            FigureKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<FigureKind> {
        FigureKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What sort of quantity a figure states, which decides what may be done with it: only flows
/// may be compared per year; a level's yearly pace is the growth implied between two levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum MeasureType {
    /// A stock or size at a point in time (产业规模400亿元, 算力5000PFlops).
    Level,
    /// A quantity per year (每年培养人才1万人).
    Flow,
    /// An average annual growth rate (年均增长10%).
    Growth,
    /// A share or coverage (覆盖率90%, 占比提高5个百分点).
    Share,
    /// A number of things built, bred or brought in over the period (建成10个智慧工厂).
    Count,
}

impl MeasureType {
    pub const ALL: [MeasureType; 5] = [
        MeasureType::Level,
        MeasureType::Flow,
        MeasureType::Growth,
        MeasureType::Share,
        MeasureType::Count,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MeasureType::Level => "level",
            MeasureType::Flow => "flow",
            MeasureType::Growth => "growth",
            MeasureType::Share => "share",
            MeasureType::Count => "count",
        }
    }

    pub fn from_key(key: &str) -> Option<MeasureType> {
        MeasureType::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The rule that decided a figure's kind: what a reviewer checks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KindRule {
    /// 预计 in its sentence.
    ForecastWord,
    /// It stands in a condition of support: 对/凡…的企业 … 给予/奖励.
    EligibilityCondition,
    /// Money with a support word: 给予, 资助, 奖励, 补贴, 最高, 基金, 专项资金 ….
    SupportMoney,
    /// The number of awards in a sentence that grants money (每年支持10个，每个给予…).
    SupportedCount,
    /// The starting point of 由X提高到Y.
    Baseline,
    /// A word of the present or past before it (现有, 截至, 已经 …).
    StatusWord,
    /// Its item reports the situation (发展情况, 工作开展情况).
    StatusSection,
    /// Its sentence's year lies before the plan's period or its issue (2023年，全市…达到120亿元
    /// in a 2024–2026 plan): a fact, not an aim.
    PastYear,
    /// It stands in the goals section (发展目标).
    GoalSection,
    /// A task with a target year (到2025年…).
    DatedTask,
    /// A task's quantity without a year.
    UndatedTask,
    /// Guiding ideas, principles or text before the outline.
    Background,
    /// A cell of an indicator table: its column says the year and whether it is a base value.
    TableColumn,
    /// A user set the kind (see [`Figure::corrected`]).
    Corrected,
}

impl KindRule {
    pub const ALL: [KindRule; 14] = [
        KindRule::ForecastWord,
        KindRule::EligibilityCondition,
        KindRule::SupportMoney,
        KindRule::SupportedCount,
        KindRule::Baseline,
        KindRule::StatusWord,
        KindRule::StatusSection,
        KindRule::PastYear,
        KindRule::GoalSection,
        KindRule::DatedTask,
        KindRule::UndatedTask,
        KindRule::Background,
        KindRule::TableColumn,
        KindRule::Corrected,
    ];

    pub fn key(self) -> &'static str {
        match self {
            KindRule::ForecastWord => "forecast-word",
            KindRule::EligibilityCondition => "eligibility-condition",
            KindRule::SupportMoney => "support-money",
            KindRule::SupportedCount => "supported-count",
            KindRule::Baseline => "baseline",
            KindRule::StatusWord => "status-word",
            KindRule::StatusSection => "status-section",
            KindRule::PastYear => "past-year",
            KindRule::GoalSection => "goal-section",
            KindRule::DatedTask => "dated-task",
            KindRule::UndatedTask => "undated-task",
            KindRule::Background => "background",
            KindRule::TableColumn => "table-column",
            KindRule::Corrected => "corrected",
        }
    }
}

/// How far a reader may trust a figure's reading without checking the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A strong cue, a known metric and (for a target) a year.
    High,
    /// One of those is missing or the cue is weak.
    Medium,
    /// Two are missing: read the sentence.
    Low,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];

    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }

    /// One step less sure.
    pub fn lower(self) -> Confidence {
        match self {
            Confidence::High => Confidence::Medium,
            _ => Confidence::Low,
        }
    }
}

/// The starting point a figure is measured from, where the text states it (由2020年的100亿元提高到…,
/// 比2020年增长…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The base value, normalised like the figure's (yuan, people …); `None` when only a base
    /// year is stated (比2020年增长50%).
    pub value: Option<f64>,
    pub year: Option<u16>,
    /// The words it was read from.
    pub quote: Quoted,
}

/// How a figure bounds its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

impl Bound {
    pub fn key(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtLeast => "at_least",
            Bound::MoreThan => "more_than",
            Bound::About => "about",
            Bound::AtMost => "at_most",
        }
    }
}

/// Where a figure's target year comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// Its sentence names it (到2025年, “十四五”).
    Sentence,
    /// The goal section it stands in opens with it.
    Section,
    /// A target without a year of its own runs to the end of its plan's period.
    Period,
    /// The column heading of an indicator table (`2025年目标值`).
    Table,
}

impl YearSource {
    pub fn key(self) -> &'static str {
        match self {
            YearSource::Sentence => "sentence",
            YearSource::Section => "section",
            YearSource::Period => "period",
            YearSource::Table => "table",
        }
    }
}

/// A number that states a target, a commitment or a status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// What sort of quantity it is (level, flow per year, growth rate, share, count).
    pub measure: MeasureType,
    /// What is counted or measured, in the source's words (`国家级新一代人工智能开放创新平台`,
    /// `人工智能核心产业规模`), so a cell can be read alone.
    pub counted: Option<String>,
    pub year: Option<u16>,
    pub year_source: Option<YearSource>,
    pub baseline: Option<Baseline>,
    pub kind: FigureKind,
    /// The rule that decided the kind.
    pub kind_rule: KindRule,
    /// The words that decided it (预计, 现有, 给予, 对…的企业 …), when words did.
    pub kind_cue: Option<String>,
    pub confidence: Confidence,
    /// Key into [`crate::vocab::METRICS`]; `None` when no metric fits.
    #[serde(deserialize_with = "crate::interned::optional")]
    pub metric: Option<StaticStr>,
    /// Where a figure's scope differs from the metric's plain meaning (e.g. 核心及相关产业).
    #[serde(deserialize_with = "crate::interned::optional")]
    pub scope: Option<StaticStr>,
    /// The fields a user corrected (`value`, `unit`, `year`, `measure`, `kind`), empty when none.
    #[serde(deserialize_with = "crate::interned::list")]
    pub corrected: Vec<&'static str>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: DiagnosticCode,
    /// What it concerns, in the source's own words or as a number (see [`DiagnosticCode`]).
    pub detail: Option<String>,
    pub span: Option<Span>,
}

/// One plan document, as extracted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
