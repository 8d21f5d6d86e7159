//! The interface language and every word the interface says, in one place and one mechanism.
//!
//! Everything the app puts into words goes through [`Tr::tr`]: the fixed messages of the catalogue
//! ([`Msg`], each a `(zh, en)` pair, so a message cannot exist in one language only), the names of the
//! model's enums (kinds, statuses, levels), vocabulary names, URL notices, extraction diagnostics and
//! the figures themselves. No other module matches on [`Lang`]. Plan text is never translated.

use std::borrow::Cow;

use plan_analysis::compare::format_number;
use plan_analysis::geometry::MilestoneKind;
use plan_analysis::support::SupportForm;
use plan_model::places::{AdminLevel, City};
use plan_model::reference::ReferenceSource;
use plan_model::vocab::{Department, Instrument, Metric, Sector};
use plan_model::{
    Bound, Confidence, Diagnostic, DiagnosticCode, Figure, FigureKind, ItemKind, KindRule,
    MeasureType, PlanKind, PlanStatus, YearSource,
};

use crate::view_state::{Notice, View};

/// The interface language. Chinese is the default; English is chosen with `lang=en` in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses the value of a `lang` URL parameter. Unknown values give `None` so that the caller can
    /// fall back to the default and tell the user.
    pub fn from_param(value: &str) -> Option<Lang> {
        match value.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "zh-hans" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en-gb" | "en_us" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code written into URLs (`zh` or `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for the `lang` attribute of the document.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Picks the text for this language from a `(zh, en)` pair.
    fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident => ($zh:expr, $en:expr),)*) => {
        /// A fixed message of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($(#[$doc])* $name,)* }

        impl Msg {
            /// Every message, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The `(zh, en)` pair of this message.
            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($zh, $en),)* }
            }
        }
    };
}

messages! {
    AppTitle => ("人工智能规划对比", "AI Plan Compare"),
    AppTagline => (
        "并列阅读和比较各城市人工智能发展规划:目标、任务、牵头部门与时间表,每个数字都可追溯到原文。",
        "Read and compare cities' AI development plans side by side: targets, tasks, lead departments and timelines, every figure traced to its source sentence."
    ),
    PlansHeading => ("规划文件", "Plans"),
    ColumnCity => ("城市", "City"),
    ColumnSource => ("来源文件", "Source file"),
    CuratedTitle => ("(标题为整理者所加)", "(title supplied by the editors)"),
    TruncatedWarning => (
        "原文不完整:文本在中途截断,以下内容缺失。",
        "Incomplete source: the text is cut off mid-way; what follows is missing."
    ),
    LanguageSwitch => ("English", "中文"),
    LanguageSwitchLabel => ("切换到英文界面", "Switch the interface to Chinese"),
    ErrorTitle => ("出错了", "Something went wrong"),
    ErrorReloadHint => (
        "页面遇到内部错误。请重新加载页面;如果问题仍然存在,请把下面的信息告诉我们。",
        "The page hit an internal error. Please reload it; if the problem persists, send us the details below."
    ),
    ReloadButton => ("重新加载", "Reload"),
    MainNavLabel => ("视图", "Views"),
    ColumnKind => ("类型", "Kind"),
    ColumnStatus => ("状态", "Status"),
    ColumnPeriod => ("规划期", "Period"),
    ColumnIssued => ("发布日期", "Issued"),
    ColumnItems => ("条目", "Items"),
    ColumnSectors => ("涉及领域", "Sectors"),
    ColumnIssuer => ("发布机关", "Issued by"),
    ColumnDocNumber => ("文号", "Document no."),
    ColumnValidUntil => ("有效期至", "Valid until"),
    ColumnCommentDeadline => ("意见反馈截止", "Comments due"),
    Unknown => ("未注明", "not stated"),
    OpenReader => ("阅读原文", "Read the source"),
    OpenExplore => ("检索此规划", "Explore this plan"),
    FilterPlans => ("规划", "Plans"),
    FilterSectors => ("领域", "Sectors"),
    FilterInstruments => ("政策工具", "Policy instruments"),
    FilterYears => ("目标年份", "Target years"),
    FilterYearFrom => ("起始年份", "From year"),
    FilterYearTo => ("截止年份", "To year"),
    FilterDepartments => ("部门(牵头或责任)", "Departments (lead or responsible)"),
    FilterKinds => ("条目类型", "Kind of item"),
    FiguresOnly => ("只看含数字目标的条目", "Only items with figures"),
    SearchLabel => ("全文检索", "Full-text search"),
    SearchPlaceholder => ("输入关键词,如:机器人 医疗", "Type Chinese keywords, e.g. 机器人 医疗"),
    ClearAll => ("清除全部筛选", "Clear all filters"),
    Results => ("条结果", "results"),
    ShowingFirst => ("以下显示前", "Showing the first"),
    EmptyResults => (
        "没有符合条件的条目。可以:清除部分筛选条件、缩短或更换关键词、放宽目标年份范围,或取消“只看含数字目标的条目”。",
        "No item matches. Try removing a filter, shortening or changing the keywords, widening the target years, or unticking “Only items with figures”."
    ),
    LeadDept => ("牵头", "Lead"),
    ResponsibleDept => ("责任", "Responsible"),
    MatrixHeading => ("同类目标对比", "Like targets side by side"),
    MatrixCaption => (
        "各规划对同一指标提出的目标;数值统一换算单位,口径不同之处以脚注标明。",
        "What each plan states for the same metric, in common units; where scopes differ, a footnote says so."
    ),
    Metric => ("指标", "Metric"),
    PerYear => (
        "按年读取:年度流量照原值,总量目标显示隐含年均增速",
        "Per year: flows as stated, level targets as the annual growth they imply"
    ),
    PerYearUnknown => ("不按年读取", "not read per year"),
    PerYearFigure => ("每年", "per year"),
    // Compare: the target model
    ShowReported => ("另行列出现状与预计数据", "Also list reported and forecast figures, in rows of their own"),
    ReportedRow => ("现状与预计", "reported and forecast"),
    ImpliedGrowth => ("隐含年均增速(推算)", "implied annual growth (derived)"),
    ScopeDiffers => ("[注意:起点与目标口径不同]", "[note: the base states another scope than the target]"),
    NoBase => ("无更早的现状数据,无法推算增速", "no earlier reported figure to derive growth from"),
    NotPerYear => ("数量与比例不按年读取", "counts and shares are not read per year"),
    ConfidenceShort => ("把握", "confidence"),
    SupportHeading => ("支持措施", "Support measures"),
    SupportCaption => (
        "资金、补贴比例与上限、基金、奖励及申请条件;它们不是发展目标,不进入目标对比。",
        "Grants, subsidy rates and caps, funds, rewards and who is eligible; they are not goals and stay out of the goal matrix."
    ),
    ColumnForm => ("方式", "Form"),
    ColumnAmounts => ("金额与数量", "Amounts"),
    ColumnEligible => ("支持对象与条件", "Who is eligible"),
    ColumnSentence => ("原文", "Source sentence"),
    NoSupport => ("所选规划没有写明支持措施的金额或条件。", "The chosen plans state no amounts or conditions of support."),
    RollupHeading => ("与国家规划对照", "Roll-up against the national plan"),
    NationalTarget => ("国家目标", "National target"),
    LocalSum => ("地方目标合计", "Sum of local targets"),
    ShareOfNational => ("占国家目标", "Share of the national target"),
    PlansSummed => ("计入的规划", "Plans summed"),
    OtherScope => ("口径不同,未计入", "Other scope, not summed"),
    Superseded => ("同一地区较早规划的目标(已由新规划取代,未计入)", "Earlier plans of the same place (superseded, not summed)"),
    Curated => ("编辑录入的参考数据", "reference data entered by an editor"),
    OffYear => ("这些指标在其他年份的地方目标(未计入):", "Local targets of these metrics for other years (not summed):"),
    HistoryHeading => ("同一地区的规划演进", "One place over time"),
    HistoryCaption => (
        "同一地区的规划按时间排列;最新的目标与现状已标出。",
        "The plans of one place, oldest first; the latest target and report are marked."
    ),
    Latest => ("最新", "latest"),
    NoHistory => ("所选规划中没有同一地区的多份规划。", "No place has two or more of the chosen plans."),
    InstrumentHeatmapHeading => ("政策工具覆盖(条目数)", "Policy instruments (items)"),
    SimilarityHeading => ("规划之间的相似度", "Similarity between plans"),
    SimilarityCaption => (
        "按任务与保障措施文本的字符二元组 TF-IDF 计算:一份规划的每项任务取另一份规划中最相近任务的得分,求平均后与反向结果再平均。数值宜相互比较,越大越相近。",
        "Character-bigram TF-IDF over the tasks and measures: each task of one plan takes its best match in the other, averaged, then averaged with the other direction. Compare the values with each other: higher is more alike."
    ),
    ChartsHeading => ("图表:两份及以上规划都提出的指标", "Charts: metrics stated by two or more plans"),
    NoCharts => ("所选规划没有共同的指标。", "The selected plans share no metric."),
    ScopeNote => ("口径", "Scope"),
    HeatmapHeading => ("领域覆盖(条目数)", "Sector coverage (items)"),
    DepartmentsHeading => ("牵头部门(牵头条目数)", "Lead departments (items led)"),
    Sector => ("领域", "Sector"),
    Department => ("部门", "Department"),
    ChartAltPrefix => ("图表数据:", "Chart data: "),
    TimelineHeading => ("规划时间线", "Plan timeline"),
    TimelineHelp => (
        "条形为规划期,标记为发布日期、意见截止、有效期截止和目标年份。悬停或用 Tab 键聚焦标记可看原文,按回车或点击可检索相关条目。",
        "Bars are plan periods; markers are issue dates, comment deadlines, validity ends and target years. Hover or Tab to a marker to read its source; press Enter or click to explore it."
    ),
    ZoomIn => ("放大", "Zoom in"),
    ZoomOut => ("缩小", "Zoom out"),
    FitWidth => ("适合宽度", "Fit to width"),
    YearsShown => ("显示年份", "Years shown"),
    Today => ("今天", "Today"),
    TimelineTable => ("时间线数据表", "Timeline as a table"),
    Date => ("日期", "Date"),
    Event => ("事件", "Event"),
    Quote => ("原文", "Source text"),
    OpenPeriodNote => ("起始年份未注明,自发布日期起绘制", "start not stated; drawn from the issue date"),
    ReaderChoose => ("选择规划", "Choose a plan"),
    OutlineHeading => ("目录", "Outline"),
    ReaderLegend => ("高亮:黄色为数字目标,下划线为条目。", "Highlights: yellow marks figures; underlines mark items."),
    Diagnostics => ("提取说明", "Extraction notes"),
    ExportCsv => ("导出 CSV", "Export CSV"),
    ExportJson => ("导出 JSON", "Export JSON"),
    ExportSvg => ("下载 SVG", "Download SVG"),
    ExportPng => ("下载 PNG", "Download PNG"),
    Print => ("打印", "Print"),
    ExportLabel => ("导出当前显示的内容", "Export what is shown"),
    EmbedButton => ("嵌入代码", "Embed code"),
    EmbedHelp => (
        "把下面的代码粘贴到网页中,即可嵌入当前视图:",
        "Paste this into a web page to embed the current view:"
    ),
    OfflineCopy => ("下载离线版(单个 HTML 文件)", "Download offline copy (one HTML file)"),
    EmbedNoScript => ("或不用脚本,直接使用 iframe:", "or, without a script, a plain iframe:"),
    PrintedFrom => ("打印自", "Printed from"),
    PrintedOn => ("打印时间", "Printed on"),
    PrintedView => ("视图", "View"),
    PrintedPlans => ("规划", "Plans"),
    PrintedLanguage => ("语言", "Language"),
    PrintedLink => ("重新打开此视图的链接", "Link that reopens this view"),
    LanguageName => ("中文", "English"),
    AllPlans => ("全部规划", "all plans"),
    AddPlan => ("添加规划", "Add a plan"),
    AddPlanHeading => ("添加自己的规划", "Add your own plan"),
    AddPlanHelp => (
        "粘贴规划全文,或选择、拖入文件(.txt、.html、.docx)。规划只在本浏览器中处理和保存,不会上传。",
        "Paste a plan's full text, or choose or drop files (.txt, .html, .docx). Plans are processed and kept in this browser only; nothing is uploaded."
    ),
    PasteLabel => ("粘贴规划文本", "Paste the plan's text"),
    PasteNameLabel => ("名称(可选)", "Name (optional)"),
    PasteAdd => ("添加粘贴的文本", "Add the pasted text"),
    ChooseFiles => ("选择文件", "Choose files"),
    DropHere => ("或把文件拖到这里", "or drop files here"),
    ImportedHeading => ("已添加的规划", "Plans you added"),
    NoImports => ("尚未添加规划。", "No plan added yet."),
    Remove => ("移除", "Remove"),
    ImportedBadge => ("自行添加", "added by you"),
    AddedOn => ("添加于", "added"),
    ExportWorkspace => ("导出工作区文件", "Export workspace file"),
    ImportWorkspace => ("导入工作区文件", "Import workspace file"),
    WorkspaceHelp => (
        "工作区文件(JSON)包含你添加的全部规划文本,可在另一台电脑上导入。",
        "The workspace file (JSON) holds the texts of every plan you added; import it on another computer."
    ),
    NotKept => (
        "注意:浏览器存储不可用,添加的规划只在本次会话中保留。请导出工作区文件以免丢失。",
        "Note: browser storage is not available; plans you add last for this session only. Export a workspace file to keep them."
    ),
    Close => ("关闭", "Close"),
    PastedName => ("粘贴的文本", "pasted text"),
    SimilarTasks => ("相似任务", "Similar tasks"),
    SimilarHelp => (
        "其他规划中用词最接近的任务和保障措施(按字词重合度计算,百分比越高越相近)。",
        "The tasks and support measures of other plans whose wording is closest (by shared words; the higher the percentage, the closer)."
    ),
    NoSimilar => ("其他规划中没有用词相近的任务。", "No task of another plan is worded alike."),
    SimilarityScore => ("相似度", "similarity"),
    OpenInSource => ("在原文中查看", "Open in the source"),
    CuratedKindStatus => (
        "(类型与状态依据整理者所加标题判断)",
        "(kind and status follow from the editors' title)"
    ),
    // Review and corrections
    ReviewHeading => ("核对与更正", "Review and correct"),
    ReviewRaw => ("原文数字", "As written"),
    ReviewValue => ("数值", "Value"),
    ReviewKind => ("类型", "Kind"),
    ReviewRule => ("判定依据", "Decided by"),
    ReviewCue => ("判定词语", "Cue words"),
    ReviewConfidence => ("把握程度", "Confidence"),
    ReviewMeasure => ("量的类型", "Measure"),
    ReviewCounted => ("所计对象", "What it counts"),
    ReviewYear => ("年份", "Year"),
    ReviewBaseline => ("基数", "Baseline"),
    ReviewNone => ("无", "none"),
    ReviewCorrected => ("已更正的字段", "Corrected fields"),
    CorrectedMark => ("已更正", "corrected"),
    CorrectHeading => ("更正这个数字", "Correct this figure"),
    FieldValue => ("数值(按原文单位)", "Value (in the unit as written)"),
    FieldUnit => ("单位", "Unit"),
    FieldUnitHelp => ("按原文写法填写,如“亿元”“万人”“家”“%”。", "As the plan writes it, e.g. “亿元”, “万人”, “家”, “%”."),
    FieldYear => ("年份", "Year"),
    FieldMeasure => ("量的类型", "Measure"),
    FieldKind => ("类型", "Kind"),
    FieldNotTarget => ("不是目标", "Not a target"),
    FieldNote => ("备注(可选)", "Note (optional)"),
    SaveCorrection => ("保存更正", "Save correction"),
    UndoCorrection => ("撤销更正", "Undo correction"),
    ExportCorrections => ("导出更正", "Export corrections"),
    ImportCorrections => ("导入更正", "Import corrections"),
    CorrectionsHelp => (
        "更正只保存在本浏览器中,不改动原文;导出的更正文件(JSON)可在另一台电脑上导入。",
        "Corrections are kept in this browser only and never change the source; export them as a file (JSON) to import on another computer."
    ),
    CorrectionsNotKept => (
        "注意:浏览器存储不可用,更正只在本次会话中保留。请导出更正文件以免丢失。",
        "Note: browser storage is not available; corrections last for this session only. Export a corrections file to keep them."
    ),
    BadValue => ("数值无法识别:请填写一个不小于 0 的数字,如 450 或 12.5。", "The value is not a number: write a number of zero or more, e.g. 450 or 12.5."),
    BadUnit => ("单位无法识别:请按原文写法填写。", "The unit is not recognised: write it as the plan does."),
    BadYear => ("年份应为 1949 至 2100 之间的整数。", "The year must be a whole number from 1949 to 2100."),
    ReaderReviewHint => ("点击黄色数字,可查看它的判定依据并更正。", "Click a yellow figure to see how it was read and to correct it."),
    PickerSearch => ("搜索规划(地名、标题或文件名)", "Search plans (place, title or file name)"),
    PickerAll => ("选择全部", "Choose all"),
    PickerUnplaced => ("未识别地区", "Place not recognised"),
    PickerShowPlans => ("展开", "Show plans"),
    PickerHidePlans => ("收起", "Hide plans"),
    PickerNoMatch => ("没有符合搜索的规划。", "No plan matches the search."),
    PagerPrevious => ("上一页", "Previous"),
    PagerNext => ("下一页", "Next"),
    CompareWindowHelp => (
        "一次比较 8 份规划;用“上一页/下一页”查看其余所选规划。下载包含全部所选规划。",
        "Compare shows 8 plans at a time; use Previous and Next for the rest of the chosen plans. Downloads hold every chosen plan."
    ),
}

impl Msg {
    /// The text of this message in `lang`, borrowed for the life of the program (for attributes).
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        lang.pick(zh, en)
    }
}

/// Anything the interface puts into words. Every implementation lives in this file.
pub trait Tr {
    fn tr(&self, lang: Lang) -> Cow<'static, str>;
}

impl Tr for Msg {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        Cow::Borrowed(self.text(lang))
    }
}

/// Implements [`Tr`] for an enum from its `(zh, en)` pairs.
macro_rules! pairs {
    ($ty:ty { $($variant:path => ($zh:expr, $en:expr),)* }) => {
        impl Tr for $ty {
            fn tr(&self, lang: Lang) -> Cow<'static, str> {
                let (zh, en) = match self { $($variant => ($zh, $en),)* };
                Cow::Borrowed(lang.pick(zh, en))
            }
        }
    };
}

pairs!(View {
    View::Overview => ("概览", "Overview"),
    View::Explore => ("检索", "Explore"),
    View::Compare => ("目标对比", "Compare goals"),
    View::Timeline => ("时间线", "Timeline"),
    View::Reader => ("原文", "Source"),
});

pairs!(PlanKind {
    PlanKind::ActionPlan => ("行动计划", "action plan"),
    PlanKind::ImplementationPlan => ("实施方案", "implementation plan"),
    PlanKind::DevelopmentPlan => ("发展规划", "development plan"),
    PlanKind::ProposalReply => ("提案答复", "reply to a proposal"),
    PlanKind::Other => ("其他文件", "other document"),
});

pairs!(PlanStatus {
    PlanStatus::Issued => ("已印发", "issued"),
    PlanStatus::DraftForComment => ("征求意见稿", "draft for comment"),
    PlanStatus::Reply => ("答复", "reply"),
});

pairs!(ItemKind {
    ItemKind::Goal => ("目标", "goal"),
    ItemKind::Task => ("任务", "task"),
    ItemKind::Measure => ("保障措施", "support measure"),
    ItemKind::Status => ("现状与进展", "status"),
    ItemKind::Context => ("指导思想与原则", "context"),
    ItemKind::Preamble => ("前言", "preamble"),
});

pairs!(FigureKind {
    FigureKind::Target => ("目标", "target"),
    FigureKind::Forecast => ("预计", "forecast"),
    FigureKind::Status => ("现状", "status"),
    FigureKind::Funding => ("资金支持", "funding"),
    FigureKind::Threshold => ("门槛条件", "threshold"),
    FigureKind::Other => ("非目标", "not a target"),
});

pairs!(SupportForm {
    SupportForm::Fund => ("基金", "fund"),
    SupportForm::Cap => ("最高限额", "cap"),
    SupportForm::Reward => ("奖励", "reward"),
    SupportForm::Subsidy => ("补贴", "subsidy"),
    SupportForm::Grant => ("资助", "grant"),
    SupportForm::Budget => ("专项资金", "budget line"),
    SupportForm::Other => ("其他支持", "other support"),
});

pairs!(MeasureType {
    MeasureType::Level => ("总量", "level"),
    MeasureType::Flow => ("年度流量", "flow per year"),
    MeasureType::Growth => ("增长率", "growth rate"),
    MeasureType::Share => ("比例", "share"),
    MeasureType::Count => ("数量", "count"),
});

pairs!(KindRule {
    KindRule::ForecastWord => ("句中有“预计”", "the sentence says 预计 (expected)"),
    KindRule::EligibilityCondition => ("支持条件(对……的企业给予……)", "a condition of support (对…的企业 … 给予)"),
    KindRule::SupportMoney => ("资金用语(给予、最高、基金、专项资金……)", "words of support money (给予, 最高, 基金 …)"),
    KindRule::SupportedCount => ("支持数量(每年支持N个并给予资金)", "the number of awards in a sentence that grants money"),
    KindRule::Baseline => ("“由……提高到……”的起点", "the starting point of 由…提高到… (from … to …)"),
    KindRule::StatusWord => ("现状用语(现有、截至、已经……)", "a word of the present or past (现有, 截至 …)"),
    KindRule::StatusSection => ("位于现状与进展部分", "it stands in the section on the situation"),
    KindRule::PastYear => ("年份早于规划期或发布时间", "its year lies before the plan's period or issue"),
    KindRule::GoalSection => ("位于发展目标部分", "it stands in the goals section"),
    KindRule::DatedTask => ("任务中写明目标年份", "a task with a target year"),
    KindRule::UndatedTask => ("任务中的数量,未写年份", "a task's quantity without a year"),
    KindRule::Background => ("位于指导思想或原则部分", "it stands in the guiding ideas or principles"),
    KindRule::TableColumn => ("指标表的列(基础值/目标值)", "a column of an indicator table (基础值 base / 目标值 target)"),
    KindRule::Corrected => ("用户已更正", "corrected by a user"),
});

pairs!(Confidence {
    Confidence::High => ("把握高", "high confidence"),
    Confidence::Medium => ("把握中等", "medium confidence"),
    Confidence::Low => ("把握低,请核对原文", "low confidence: check the sentence"),
});

pairs!(YearSource {
    YearSource::Sentence => ("句中写明", "stated in its sentence"),
    YearSource::Section => ("所在目标部分写明", "stated by its goals section"),
    YearSource::Period => ("规划期末", "the end of the plan's period"),
    YearSource::Table => ("指标表的列标题", "the column of an indicator table"),
});

pairs!(AdminLevel {
    AdminLevel::Province => ("省级", "province"),
    AdminLevel::Municipality => ("直辖市", "municipality"),
    AdminLevel::SubProvincial => ("副省级城市", "sub-provincial city"),
    AdminLevel::Prefecture => ("地级市", "prefecture-level city"),
    AdminLevel::District => ("市辖区", "district"),
    AdminLevel::County => ("县级", "county-level"),
});

pairs!(MilestoneKind {
    MilestoneKind::Issued => ("发布", "issued"),
    MilestoneKind::CommentDeadline => ("意见截止", "comments due"),
    MilestoneKind::ValidUntil => ("有效期截止", "validity ends"),
    MilestoneKind::TargetYear => ("阶段目标", "staged goal"),
    MilestoneKind::Reported => ("现状数据", "reported figure"),
});

/// Vocabulary entries carry their names as data (`zh`, `en`): the vocabulary is the shared
/// schema of the data, and its names travel with it into exports.
impl Tr for Sector {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        Cow::Borrowed(lang.pick(self.zh, self.en))
    }
}

impl Tr for Instrument {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        Cow::Borrowed(lang.pick(self.zh, self.en))
    }
}

impl Tr for Metric {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        Cow::Borrowed(lang.pick(self.zh, self.en))
    }
}

impl Tr for Department {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        Cow::Borrowed(lang.pick(self.zh, self.en))
    }
}

impl Tr for City {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        Cow::Borrowed(lang.pick(self.zh, self.en))
    }
}

/// The province of a city.
pub fn province(city: &City, lang: Lang) -> &'static str {
    lang.pick(city.province_zh, city.province_en)
}

/// The name of a picker's province group; the group of plans with no recognised place says so.
pub fn province_group(group: &plan_analysis::selection::ProvinceGroup, lang: Lang) -> &'static str {
    if group.province_zh.is_empty() {
        Msg::PickerUnplaced.text(lang)
    } else {
        lang.pick(group.province_zh, group.province_en)
    }
}

/// An editor's note, written in both languages by the editor.
pub fn editor_note<'a>(zh: &'a str, en: &'a str, lang: Lang) -> &'a str {
    lang.pick(zh, en)
}

impl Tr for Notice {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        let list = |v: &Vec<String>| v.join(", ");
        Cow::Owned(match (self, lang) {
            (Notice::UnknownView(v), Lang::Zh) => format!("未知视图“{v}”,已显示概览。"),
            (Notice::UnknownView(v), Lang::En) => {
                format!("Unknown view “{v}”; showing the overview.")
            }
            (Notice::UnknownLang(v), Lang::Zh) => format!("无法识别的语言参数“{v}”,已使用中文。"),
            (Notice::UnknownLang(v), Lang::En) => {
                format!("Unrecognised language “{v}”; showing Chinese.")
            }
            (Notice::UnknownPlans(v), Lang::Zh) => format!("未找到这些规划,已忽略:{}。", list(v)),
            (Notice::UnknownPlans(v), Lang::En) => {
                format!("These plans were not found and are ignored: {}.", list(v))
            }
            (Notice::UnknownSectors(v), Lang::Zh) => format!("未知领域已忽略:{}。", list(v)),
            (Notice::UnknownSectors(v), Lang::En) => {
                format!("Unknown sectors ignored: {}.", list(v))
            }
            (Notice::UnknownInstruments(v), Lang::Zh) => {
                format!("未知政策工具已忽略:{}。", list(v))
            }
            (Notice::UnknownInstruments(v), Lang::En) => {
                format!("Unknown policy instruments ignored: {}.", list(v))
            }
            (Notice::UnknownDepartments(v), Lang::Zh) => format!("未知部门已忽略:{}。", list(v)),
            (Notice::UnknownDepartments(v), Lang::En) => {
                format!("Unknown departments ignored: {}.", list(v))
            }
            (Notice::UnknownKinds(v), Lang::Zh) => format!("未知条目类型已忽略:{}。", list(v)),
            (Notice::UnknownKinds(v), Lang::En) => {
                format!("Unknown item kinds ignored: {}.", list(v))
            }
            (Notice::UnknownMetric(v), Lang::Zh) => format!("未知指标“{v}”已忽略。"),
            (Notice::UnknownMetric(v), Lang::En) => format!("Unknown metric “{v}” ignored."),
            (Notice::BadYears(v), Lang::Zh) => format!("年份范围“{v}”无法识别,已显示全部年份。"),
            (Notice::BadYears(v), Lang::En) => {
                format!("Year range “{v}” is not readable; showing all years.")
            }
            (Notice::ReversedYears(a, b), Lang::Zh) => {
                format!("年份范围前后颠倒,已按 {b}–{a} 显示。")
            }
            (Notice::ReversedYears(a, b), Lang::En) => {
                format!("The year range was reversed; showing {b}–{a}.")
            }
            (Notice::UnknownItem(v), Lang::Zh) => format!("未找到条目“{v}”。"),
            (Notice::UnknownItem(v), Lang::En) => format!("Item “{v}” was not found."),
        })
    }
}

/// A diagnostic's sentence. The source's own words it names (a department, an item) are returned
/// apart, so that the view can mark them as Chinese plan text.
pub fn diagnostic_text(diagnostic: &Diagnostic, lang: Lang) -> (&'static str, Option<String>) {
    let detail = diagnostic.detail.clone();
    let sentence = match (diagnostic.code, lang) {
        (DiagnosticCode::NoOutline, Lang::Zh) => "未识别到任何标题(一、/(一)/1./(1)、第一章等)",
        (DiagnosticCode::NoOutline, Lang::En) => {
            "No heading was recognised (一、/(一)/1./(1), 第一章 …)"
        }
        (DiagnosticCode::UnknownDepartment, Lang::Zh) => "未能归一化的部门名称:",
        (DiagnosticCode::UnknownDepartment, Lang::En) => {
            "A department name not matched to a canonical department:"
        }
        (DiagnosticCode::Truncated, Lang::Zh) => "原文在句中中断,此后的内容缺失。中断处所在条目:",
        (DiagnosticCode::Truncated, Lang::En) => {
            "The source stops mid-sentence; what follows is missing. It stops in:"
        }
        (DiagnosticCode::WebTrailer, Lang::Zh) => "跳过文末的网页附加内容,字数:",
        (DiagnosticCode::WebTrailer, Lang::En) => {
            "Web page material after the document was skipped; characters:"
        }
        (DiagnosticCode::NoTitle, Lang::Zh) => "未找到标题行,也无整理者提供的标题",
        (DiagnosticCode::NoTitle, Lang::En) => {
            "No title line, and no title supplied by the editors"
        }
    };
    (sentence, detail)
}

/// What importing, storing or removing a plan says to the user. Names are file names as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportMessage {
    /// Reading and extracting a file of this many bytes.
    Working(String, usize),
    /// Extracting imported plans: this many of so many done (a progress status, not a message).
    Extracting(usize, usize),
    /// Added as plan `id`.
    Added(String, String),
    /// The same text is already there, as plan `id`.
    Duplicate(String, String),
    Empty(String),
    /// Larger than a plan can be; its size in bytes.
    TooLarge(String, usize),
    /// Not a text document (an image, an archive, binary data).
    NotText(String),
    /// A PDF: how to copy its text instead.
    Pdf(String),
    /// A .docx that cannot be read; what went wrong.
    BadDocx(String, String),
    /// Bytes that are not text in any encoding we read.
    BadEncoding(String),
    /// The file could not be read at all (the browser refused).
    Unreadable(String),
    /// A workspace file that is not one; what was wrong.
    BadWorkspace(String, String),
    /// A workspace file: plans added, duplicates skipped.
    WorkspaceAdded(String, usize, usize),
    /// Added, but no heading and no figure was found in it.
    NoStructure(String),
    Removed(String),
    /// Storage refused a write (full, or blocked): the plans stay for this session.
    StorageFull,
    /// Storage is not available at all.
    StorageRefused,
    /// The stored plans could not be read; they were kept under this key.
    StoreSetAside(String),
}

impl ImportMessage {
    /// Whether this reports something that went wrong (shown as an alert).
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            ImportMessage::Working(..)
                | ImportMessage::Extracting(..)
                | ImportMessage::Added(..)
                | ImportMessage::WorkspaceAdded(..)
                | ImportMessage::Removed(..)
        )
    }
}

/// A count with thousands separated by commas, as English writes it: 1,000.
fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn kilobytes(bytes: usize) -> String {
    format_number(bytes as f64 / 1024.0, 1)
}

impl Tr for ImportMessage {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        use ImportMessage as M;
        Cow::Owned(match (self, lang) {
            (M::Working(name, bytes), Lang::Zh) => format!("正在读取并提取“{name}”({} KB)……", kilobytes(*bytes)),
            (M::Working(name, bytes), Lang::En) => format!("Reading and extracting “{name}” ({} KB)…", kilobytes(*bytes)),
            (M::Extracting(done, total), Lang::Zh) => format!("正在提取 {done}/{total} 份规划……"),
            (M::Extracting(done, total), Lang::En) => format!("Extracting {} of {} plans…", thousands(*done), thousands(*total)),
            (M::Added(name, id), Lang::Zh) => format!("已添加“{name}”(编号 {id}),各视图中均可查看。"),
            (M::Added(name, id), Lang::En) => format!("Added “{name}” (id {id}); it is in every view."),
            (M::Duplicate(name, id), Lang::Zh) => format!("“{name}”与已添加的规划 {id} 内容相同,未重复添加。"),
            (M::Duplicate(name, id), Lang::En) => format!("“{name}” has the same text as plan {id}, already added; not added twice."),
            (M::Empty(name), Lang::Zh) => format!("“{name}”没有任何文字,未添加。"),
            (M::Empty(name), Lang::En) => format!("“{name}” contains no text; nothing was added."),
            (M::TooLarge(name, bytes), Lang::Zh) => format!("“{name}”过大({} KB),不像一份规划;单份规划最多 4 MB。", kilobytes(*bytes)),
            (M::TooLarge(name, bytes), Lang::En) => format!("“{name}” is too large ({} KB) to be a plan; one plan may be 4 MB at most.", kilobytes(*bytes)),
            (M::NotText(name), Lang::Zh) => format!("“{name}”不是文本文件(可能是图片或压缩包),未添加。请选择 .txt、.html 或 .docx 文件。"),
            (M::NotText(name), Lang::En) => format!("“{name}” is not a text document (an image or an archive?); nothing was added. Choose a .txt, .html or .docx file."),
            (M::Pdf(name), Lang::Zh) => format!("暂不能直接读取 PDF(“{name}”)。请在 PDF 阅读器中打开它,全选(Ctrl+A)、复制(Ctrl+C),再粘贴到上面的文本框中。"),
            (M::Pdf(name), Lang::En) => format!("PDF files (“{name}”) are not read directly. Open it in a PDF reader, select all (Ctrl+A), copy (Ctrl+C) and paste the text into the box above."),
            (M::BadDocx(name, why), Lang::Zh) => format!("无法读取 Word 文件“{name}”:{why}。可在 Word 中全选并复制正文后粘贴。"),
            (M::BadDocx(name, why), Lang::En) => format!("The Word file “{name}” cannot be read: {why}. Copy its text in Word and paste it instead."),
            (M::BadEncoding(name), Lang::Zh) => format!("“{name}”的文字编码无法识别,未添加。请另存为 UTF-8 文本后再试。"),
            (M::BadEncoding(name), Lang::En) => format!("The text encoding of “{name}” is not recognised; nothing was added. Save it as UTF-8 text and try again."),
            (M::Unreadable(name), Lang::Zh) => format!("浏览器无法读取“{name}”。"),
            (M::Unreadable(name), Lang::En) => format!("The browser could not read “{name}”."),
            (M::BadWorkspace(name, why), Lang::Zh) => format!("“{name}”不是本工具的工作区文件:{why}"),
            (M::BadWorkspace(name, why), Lang::En) => format!("“{name}” is not a workspace file of this tool: {why}"),
            (M::WorkspaceAdded(name, added, duplicates), Lang::Zh) => format!("已从“{name}”添加 {added} 份规划;{duplicates} 份已存在,未重复添加。"),
            (M::WorkspaceAdded(name, added, duplicates), Lang::En) => format!("Added {added} plans from “{name}”; {duplicates} were already there and were not added twice."),
            (M::NoStructure(name), Lang::Zh) => format!("“{name}”中未识别到标题或数字目标;已作为全文添加,可在“原文”中阅读。"),
            (M::NoStructure(name), Lang::En) => format!("No heading or figure was recognised in “{name}”; it was added as plain text, readable in Source."),
            (M::Removed(name), Lang::Zh) => format!("已移除“{name}”。"),
            (M::Removed(name), Lang::En) => format!("Removed “{name}”."),
            (M::StorageFull, Lang::Zh) => "浏览器存储已满或拒绝写入:规划在本次会话中仍可使用,但重新加载后会丢失。请导出工作区文件保存。".to_string(),
            (M::StorageFull, Lang::En) => "Browser storage is full or refused the write: the plans stay usable for this session but will be gone after a reload. Export a workspace file to keep them.".to_string(),
            (M::StorageRefused, Lang::Zh) => "浏览器不允许本页保存数据:添加的规划只在本次会话中保留。".to_string(),
            (M::StorageRefused, Lang::En) => "The browser does not let this page keep data: plans you add last for this session only.".to_string(),
            (M::StoreSetAside(key), Lang::Zh) => format!("已保存的规划无法读取,已另存于浏览器存储“{key}”中,以免丢失;当前从空白开始。"),
            (M::StoreSetAside(key), Lang::En) => format!("The stored plans could not be read; they were set aside in browser storage as “{key}” so nothing is lost, and the app starts without them."),
        })
    }
}

/// What reviewing and correcting figures says to the user. Names are file names as given.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewMessage {
    Saved,
    Undone,
    /// Nothing differs from the extracted reading.
    NothingToSave,
    /// A corrections file: added, replaced (older ones), kept (the file's were not newer).
    Imported(String, plan_library::corrections::MergeCount),
    /// A file that is not a corrections file; what was wrong.
    BadFile(String, String),
    /// The file could not be read at all.
    Unreadable(String),
    /// Storage refused a write: the corrections stay for this session.
    StorageFull,
    /// The stored corrections could not be read; they were kept under this key.
    StoreSetAside(String),
    /// A correction not applied: its plan, the figure's raw text and why.
    Unapplied(String, String, plan_library::corrections::Unapplicable),
}

impl ReviewMessage {
    /// Whether this reports something that went wrong (shown as an alert).
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            ReviewMessage::Saved
                | ReviewMessage::Undone
                | ReviewMessage::NothingToSave
                | ReviewMessage::Imported(..)
        )
    }
}

impl Tr for ReviewMessage {
    fn tr(&self, lang: Lang) -> Cow<'static, str> {
        use plan_library::corrections::Unapplicable as U;
        use ReviewMessage as M;
        Cow::Owned(match (self, lang) {
            (M::Saved, Lang::Zh) => "已保存更正:各视图和导出都使用更正后的值。".to_string(),
            (M::Saved, Lang::En) => "Correction saved: every view and export now uses the corrected reading.".to_string(),
            (M::Undone, Lang::Zh) => "已撤销更正,恢复为提取结果。".to_string(),
            (M::Undone, Lang::En) => "Correction undone; the extracted reading is back.".to_string(),
            (M::NothingToSave, Lang::Zh) => "与提取结果相同,没有需要保存的更正。".to_string(),
            (M::NothingToSave, Lang::En) => "Nothing differs from the extracted reading; there is nothing to save.".to_string(),
            (M::Imported(name, c), Lang::Zh) => format!("已从“{name}”导入 {} 条更正,替换 {} 条较旧的;{} 条不比已有的新,未采用。", c.added, c.replaced, c.kept),
            (M::Imported(name, c), Lang::En) => format!("Imported {} corrections from “{name}” and replaced {} older ones; {} were not newer than yours and were not taken.", c.added, c.replaced, c.kept),
            (M::BadFile(name, why), Lang::Zh) => format!("“{name}”不是本工具的更正文件:{why}。已有的更正未受影响。"),
            (M::BadFile(name, why), Lang::En) => format!("“{name}” is not a corrections file of this tool: {why}. Your corrections are unchanged."),
            (M::Unreadable(name), Lang::Zh) => format!("浏览器无法读取“{name}”。"),
            (M::Unreadable(name), Lang::En) => format!("The browser could not read “{name}”."),
            (M::StorageFull, Lang::Zh) => "浏览器存储已满或拒绝写入:更正在本次会话中有效,但重新加载后会丢失。请导出更正文件保存。".to_string(),
            (M::StorageFull, Lang::En) => "Browser storage is full or refused the write: the corrections hold for this session but will be gone after a reload. Export a corrections file to keep them.".to_string(),
            (M::StoreSetAside(key), Lang::Zh) => format!("已保存的更正无法读取,已另存于浏览器存储“{key}”中,以免丢失;当前不使用任何更正。"),
            (M::StoreSetAside(key), Lang::En) => format!("The stored corrections could not be read; they were set aside in browser storage as “{key}” so nothing is lost, and no correction is applied."),
            (M::Unapplied(plan, raw, why), Lang::Zh) => {
                let why = match why {
                    U::NoPlan => "该规划已不存在".to_string(),
                    U::NoFigure => "原文中已找不到这个数字".to_string(),
                    U::Invalid(detail) => format!("更正本身有误({detail})"),
                };
                format!("对规划 {plan} 中“{raw}”的更正未能应用:{why}。它仍被保留,并包含在导出的更正文件中。")
            }
            (M::Unapplied(plan, raw, why), Lang::En) => {
                let why = match why {
                    U::NoPlan => "the plan is gone".to_string(),
                    U::NoFigure => "the figure is no longer found in its text".to_string(),
                    U::Invalid(detail) => format!("the correction itself is wrong ({detail})"),
                };
                format!("A correction of “{raw}” in plan {plan} could not be applied: {why}. It is kept, and included when you export corrections.")
            }
        })
    }
}

/// A plan's counts on its Overview card.
pub fn plan_counts_text(counts: &plan_analysis::overview::PlanCounts, lang: Lang) -> String {
    let plan_analysis::overview::PlanCounts {
        figures,
        goals,
        tasks_and_measures,
        items,
        ..
    } = *counts;
    match lang {
        Lang::Zh => format!(
            "{figures} 个数字目标 · {goals} 条目标 · {tasks_and_measures} 项任务与措施 · 共 {items} 条"
        ),
        Lang::En => format!(
            "{figures} figures · {goals} goals · {tasks_and_measures} tasks and measures · {items} items in all"
        ),
    }
}

/// The footnote of the compare matrix for a figure stated for a scope of its own.
/// The growth a level target implies, with where it starts: `隐含年均增速32%(推算:自2020年100亿元,武汉)`,
/// and a warning when the base states another scope.
pub fn implied_growth_text(
    growth: &plan_analysis::history::ImpliedGrowth,
    from_value: &str,
    from: &str,
    lang: Lang,
) -> String {
    let pct = format_value(growth.rate * 100.0, "%", lang);
    let year = growth.from_year;
    let text = match lang {
        Lang::Zh => format!("隐含年均增速{pct}(推算:自{year}年{from_value},{from})"),
        Lang::En => {
            format!("implied growth {pct} a year (derived: from {from_value} in {year}, {from})")
        }
    };
    if growth.scope_differs {
        format!("{text} {}", Msg::ScopeDiffers.text(lang))
    } else {
        text
    }
}

/// Where the national figures come from: title, number and that an editor entered them.
pub fn reference_caption(source: &ReferenceSource, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "国家目标出自《{}》({},{}发布),为编辑录入的参考数据;地方目标按同一指标、同一年份、同一口径相加。",
            source.title_zh, source.number, source.issued
        ),
        Lang::En => format!(
            "National targets from the {} (“{}”, issued {}), entered by an editor as reference data; local targets are summed by metric, year and scope.",
            source.title_en, source.number, source.issued
        ),
    }
}

pub fn scope_note(city: &str, metric: &str, scope: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{city}:{metric}口径为“{scope}”。"),
        Lang::En => format!("{city}: {metric} is stated for the scope “{scope}”."),
    }
}

/// The count line above Explore's results.
/// What a plan picker has chosen: `已选 5 / 1005 份规划` (every plan when none is named).
pub fn picker_summary(chosen: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh if chosen == total => format!("已选全部 {total} 份规划"),
        Lang::Zh => format!("已选 {chosen} / {total} 份规划"),
        Lang::En if chosen == total => format!("All {total} plans chosen"),
        Lang::En => format!("{chosen} of {total} plans chosen"),
    }
}

/// The picker's button that keeps only the plans a search found.
pub fn picker_only(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("只选这 {count} 份"),
        Lang::En if count == 1 => "Choose only this plan".to_string(),
        Lang::En => format!("Choose only these {count}"),
    }
}

/// Plans a picker's search matched but does not draw: `另有 40 份,请缩小搜索范围`.
pub fn picker_more(hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {hidden} 份未列出,请缩小搜索范围。"),
        Lang::En => format!("{hidden} more not listed: narrow the search."),
    }
}

/// The part of a long list shown: `第 9–16 项,共 1005 项`.
pub fn pager_range(range: &std::ops::Range<usize>, total: usize, lang: Lang) -> String {
    let (first, last) = (range.start + 1, range.end);
    match lang {
        Lang::Zh => format!("第 {first}–{last} 项,共 {total} 项"),
        Lang::En => format!("{first}–{last} of {total}"),
    }
}

pub fn results_count(total: usize, shown: usize, lang: Lang) -> String {
    if total > shown {
        format!(
            "{total} {} · {} {shown}",
            Msg::Results.text(lang),
            Msg::ShowingFirst.text(lang)
        )
    } else {
        format!("{total} {}", Msg::Results.text(lang))
    }
}

/// Units of normalised values: `(zh, en)`.
fn unit_label(noun: &str) -> (&'static str, &'static str) {
    match noun {
        "yuan" => ("元", "yuan"),
        "%" => ("%", "%"),
        "people" => ("人", "people"),
        "enterprises" => ("家", "enterprises"),
        "platforms" => ("个平台", "platforms"),
        "projects" => ("个项目", "projects"),
        "scenarios" => ("个场景", "scenarios"),
        "standards" => ("项标准", "standards"),
        "teams" => ("个团队", "teams"),
        "factories" => ("个", "factories"),
        "consortia" => ("个", "consortia"),
        "products" => ("项", "products"),
        "schools" => ("所", "schools"),
        "kinds" => ("种", "kinds"),
        "categories" => ("类", "categories"),
        "times" => ("次", "times"),
        "batches" => ("批", "batches"),
        "sessions" => ("期", "sessions"),
        "events" => ("场", "events"),
        "papers" => ("篇", "papers"),
        "units" => ("台", "units"),
        "sets" => ("套", "sets"),
        "vehicles" => ("辆", "vehicles"),
        "households" => ("户", "households"),
        "person-times" => ("人次", "person-times"),
        "percentage points" => ("个百分点", "percentage points"),
        // Physical units are written the same in both languages.
        "PFlops" => ("PFlops", "PFlops"),
        "EFlops" => ("EFlops", "EFlops"),
        "TFlops" => ("TFlops", "TFlops"),
        "PB" => ("PB", "PB"),
        "TB" => ("TB", "TB"),
        "EB" => ("EB", "EB"),
        "km²" => ("平方公里", "km²"),
        "m²" => ("平方米", "m²"),
        "km" => ("公里", "km"),
        "ms" => ("毫秒", "ms"),
        "mu" => ("亩", "mu"),
        "t" => ("吨", "t"),
        "kW" => ("千瓦", "kW"),
        "MW" => ("兆瓦", "MW"),
        _ => ("个", "items"),
    }
}

/// A normalised value in readable units: money in 万元/亿元 (zh) or million/billion yuan (en),
/// people in 万 when large, counts as they are.
pub fn format_value(value: f64, noun: &str, lang: Lang) -> String {
    match (noun, lang) {
        ("yuan", Lang::Zh) if value.abs() < 1e8 && value != 0.0 => {
            format!("{}万元", format_number(value / 1e4, 2))
        }
        ("yuan", Lang::Zh) => format!("{}亿元", format_number(value / 1e8, 2)),
        ("yuan", Lang::En) if value.abs() < 1e9 && value != 0.0 => {
            format!("¥{} m", format_number(value / 1e6, 2))
        }
        ("yuan", Lang::En) => format!("¥{} bn", format_number(value / 1e9, 3)),
        ("%", _) => format!("{}%", format_number(value, 1)),
        ("people", Lang::Zh) if value >= 1e4 => format!("{}万人", format_number(value / 1e4, 2)),
        (noun, lang) => {
            let (zh, en) = unit_label(noun);
            match lang {
                Lang::Zh => format!("{}{zh}", format_number(value, 1)),
                Lang::En => format!("{} {en}", format_number(value, 1)),
            }
        }
    }
}

/// A normalised value or range with its unit, e.g. `3–5 platforms`, `400亿元`.
pub fn format_range(low: f64, high: f64, noun: &str, lang: Lang) -> String {
    if (high - low).abs() < f64::EPSILON * high.abs().max(1.0) {
        return format_value(low, noun, lang);
    }
    let low_text = format_value(low, noun, lang);
    let high_text = format_value(high, noun, lang);
    // `3–5 platforms` rather than `3 platforms–5 platforms` where the unit is a suffix.
    let unit_suffix = common_suffix(&low_text, &high_text);
    let low_bare = &low_text[..low_text.len() - unit_suffix.len()];
    format!("{low_bare}–{high_text}")
}

fn common_suffix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y && !x.is_ascii_digit())
        .map(|(c, _)| c.len_utf8())
        .sum::<usize>();
    &a[a.len() - n..]
}

pub fn bound_words(bound: Bound, qualifier: &str, lang: Lang) -> Option<String> {
    let en = match bound {
        Bound::AtLeast => "at least",
        Bound::MoreThan => "more than",
        Bound::About => "about",
        Bound::AtMost => "at most",
        Bound::Exact => return None,
    };
    Some(match lang {
        // The qualifier as the plan wrote it (以上, 不低于 …) says it best in Chinese.
        Lang::Zh => qualifier.to_string(),
        Lang::En => en.to_string(),
    })
}

/// A figure as a compact phrase: value or range with unit, qualifier, kind, per year, year.
pub fn figure_text(figure: &Figure, lang: Lang) -> String {
    let (low, high) = figure.normalized_range();
    let mut text = format_range(low, high, &figure.unit_normalized, lang);
    if let Some(words) = figure
        .qualifier
        .as_deref()
        .and_then(|q| bound_words(figure.bound, q, lang))
    {
        text = match lang {
            // A qualifier written with its own brackets ((含)以上) is not bracketed again.
            Lang::Zh if words.starts_with(['(', '\u{FF08}']) => format!("{text}{words}"),
            Lang::Zh => format!("{text}({words})"),
            Lang::En => format!("{text} ({words})"),
        };
    }
    // Anything but a target says what it is, wherever it is shown.
    if figure.kind != FigureKind::Target {
        text = format!("{text} [{}]", figure.kind.tr(lang));
    }
    if figure.measure == MeasureType::Flow {
        text = format!("{text} / {}", Msg::PerYearFigure.text(lang));
    }
    if !figure.corrected.is_empty() {
        text = format!("{text} [{}]", Msg::CorrectedMark.text(lang));
    }
    if let Some(year) = figure.year {
        // A target is due *by* its year; a statement of status holds *in* it.
        let by = figure.kind != FigureKind::Status;
        text = match (lang, by) {
            (Lang::Zh, true) => format!("{text},到{year}年"),
            (Lang::Zh, false) => format!("{text},{year}年"),
            (Lang::En, true) => format!("{text}, by {year}"),
            (Lang::En, false) => format!("{text}, in {year}"),
        };
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Checks one `(zh, en)` pair: both present, Chinese has Chinese, English has none.
    fn check(what: &str, zh: &str, en: &str, latin_in_zh: bool, chinese_in_en: bool) {
        assert!(!zh.trim().is_empty(), "{what} has no Chinese text");
        assert!(!en.trim().is_empty(), "{what} has no English text");
        assert!(
            has_cjk(zh) || latin_in_zh,
            "{what}: Chinese text has no Chinese: {zh}"
        );
        assert!(
            !has_cjk(en) || chinese_in_en,
            "{what}: English text contains Chinese: {en}"
        );
    }

    fn both(value: &impl Tr) -> (String, String) {
        (
            value.tr(Lang::Zh).into_owned(),
            value.tr(Lang::En).into_owned(),
        )
    }

    #[test]
    fn every_message_is_complete_in_both_languages() {
        for msg in Msg::ALL {
            let (zh, en) = msg.pair();
            // Format names (CSV, PNG …) read the same in both languages.
            let latin_in_zh = matches!(
                msg,
                Msg::LanguageSwitch
                    | Msg::ExportCsv
                    | Msg::ExportJson
                    | Msg::ExportSvg
                    | Msg::ExportPng
            );
            // English may quote a Chinese search example, and names the other language in it.
            let chinese_in_en = matches!(
                msg,
                Msg::LanguageSwitch | Msg::SearchPlaceholder | Msg::FieldUnitHelp
            );
            check(&format!("{msg:?}"), zh, en, latin_in_zh, chinese_in_en);
        }
    }

    #[test]
    fn every_enum_and_vocabulary_name_is_complete_in_both_languages() {
        let mut pairs: Vec<(String, (String, String))> = Vec::new();
        pairs.extend(View::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(PlanKind::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(PlanStatus::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(ItemKind::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(FigureKind::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(MeasureType::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(Confidence::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(SupportForm::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(
            [
                YearSource::Sentence,
                YearSource::Section,
                YearSource::Period,
                YearSource::Table,
            ]
            .iter()
            .map(|v| (format!("{v:?}"), both(v))),
        );
        pairs.extend(AdminLevel::ALL.iter().map(|v| (format!("{v:?}"), both(v))));
        pairs.extend(
            MilestoneKind::ALL
                .iter()
                .map(|v| (format!("{v:?}"), both(v))),
        );
        pairs.extend(
            plan_model::vocab::SECTORS
                .iter()
                .map(|v| (v.key.to_string(), both(v))),
        );
        pairs.extend(
            plan_model::vocab::INSTRUMENTS
                .iter()
                .map(|v| (v.key.to_string(), both(v))),
        );
        pairs.extend(
            plan_model::vocab::METRICS
                .iter()
                .map(|v| (v.key.to_string(), both(v))),
        );
        pairs.extend(
            plan_model::vocab::DEPARTMENTS
                .iter()
                .map(|v| (v.key.to_string(), both(v))),
        );
        for (what, (zh, en)) in pairs {
            check(&what, &zh, &en, false, false);
        }
        // A rule's English quotes the Chinese words that decide it.
        for rule in KindRule::ALL {
            let (zh, en) = both(&rule);
            check(rule.key(), &zh, &en, false, true);
        }
        for city in plan_model::places::CITIES {
            check(
                city.en,
                &city.tr(Lang::Zh),
                &city.tr(Lang::En),
                false,
                false,
            );
            check(
                city.en,
                province(city, Lang::Zh),
                province(city, Lang::En),
                false,
                false,
            );
        }
    }

    #[test]
    fn every_notice_and_diagnostic_is_worded_in_both_languages() {
        let names = || vec!["x".to_string()];
        let notices = [
            Notice::UnknownView("x".into()),
            Notice::UnknownLang("x".into()),
            Notice::UnknownPlans(names()),
            Notice::UnknownSectors(names()),
            Notice::UnknownInstruments(names()),
            Notice::UnknownDepartments(names()),
            Notice::UnknownKinds(names()),
            Notice::UnknownMetric("x".into()),
            Notice::BadYears("x".into()),
            Notice::ReversedYears(2030, 2020),
            Notice::UnknownItem("x".into()),
        ];
        for notice in &notices {
            let (zh, en) = both(notice);
            check(&format!("{notice:?}"), &zh, &en, false, false);
        }
        for code in DiagnosticCode::ALL {
            let diagnostic = Diagnostic {
                code,
                detail: None,
                span: None,
            };
            let zh = diagnostic_text(&diagnostic, Lang::Zh).0;
            let en = diagnostic_text(&diagnostic, Lang::En).0;
            // The English names the Chinese heading markers it looks for.
            check(
                &format!("{code:?}"),
                zh,
                en,
                false,
                code == DiagnosticCode::NoOutline,
            );
        }
    }

    #[test]
    fn progress_counts_are_written_as_each_language_writes_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        let progress = ImportMessage::Extracting(120, 1000);
        assert_eq!(progress.tr(Lang::En), "Extracting 120 of 1,000 plans…");
        assert_eq!(progress.tr(Lang::Zh), "正在提取 120/1000 份规划……");
    }

    #[test]
    fn every_import_message_is_worded_in_both_languages() {
        let n = || "计划.txt".to_string();
        let messages = [
            ImportMessage::Working(n(), 2048),
            ImportMessage::Extracting(120, 1000),
            ImportMessage::Added(n(), "id".into()),
            ImportMessage::Duplicate(n(), "id".into()),
            ImportMessage::Empty(n()),
            ImportMessage::TooLarge(n(), 5 << 20),
            ImportMessage::NotText(n()),
            ImportMessage::Pdf(n()),
            ImportMessage::BadDocx(n(), "x".into()),
            ImportMessage::BadEncoding(n()),
            ImportMessage::Unreadable(n()),
            ImportMessage::BadWorkspace(n(), "x".into()),
            ImportMessage::WorkspaceAdded(n(), 2, 1),
            ImportMessage::NoStructure(n()),
            ImportMessage::Removed(n()),
            ImportMessage::StorageFull,
            ImportMessage::StorageRefused,
            ImportMessage::StoreSetAside("key".into()),
        ];
        for message in &messages {
            let (zh, en) = both(message);
            // The English quotes the (Chinese) file name the user gave, nothing else.
            let en = en.replace("计划.txt", "");
            check(&format!("{message:?}"), &zh, &en, false, false);
        }
    }

    #[test]
    fn every_review_message_is_worded_in_both_languages() {
        use plan_library::corrections::{MergeCount, Unapplicable};
        let n = || "更正.json".to_string();
        let messages = [
            ReviewMessage::Saved,
            ReviewMessage::Undone,
            ReviewMessage::NothingToSave,
            ReviewMessage::Imported(n(), MergeCount::default()),
            ReviewMessage::BadFile(n(), "x".into()),
            ReviewMessage::Unreadable(n()),
            ReviewMessage::StorageFull,
            ReviewMessage::StoreSetAside("key".into()),
            ReviewMessage::Unapplied("p".into(), "400亿元".into(), Unapplicable::NoPlan),
            ReviewMessage::Unapplied("p".into(), "400亿元".into(), Unapplicable::NoFigure),
            ReviewMessage::Unapplied(
                "p".into(),
                "400亿元".into(),
                Unapplicable::Invalid("x".into()),
            ),
        ];
        for message in &messages {
            let (zh, en) = both(message);
            // The English quotes the (Chinese) file name and figure, nothing else.
            let en = en.replace("更正.json", "").replace("400亿元", "");
            check(&format!("{message:?}"), &zh, &en, false, false);
        }
    }

    #[test]
    fn a_corrected_figure_says_so_and_names_a_kind_the_user_set() {
        let mut plan = plan_extract::extract_plan(
            "p.txt",
            "一、发展目标\n到2025年，全市人工智能核心产业规模达到400亿元。\n",
        );
        let figure = plan.figures[0].clone();
        assert_eq!(figure_text(&figure, Lang::En), "¥40 bn, by 2025");
        let mut correction =
            plan_library::corrections::Correction::new("p", &figure.id, &figure.raw, "t");
        correction.not_target = true;
        correction.value = Some(450.0);
        plan_library::corrections::apply_corrections(
            std::slice::from_mut(&mut plan),
            &[correction],
        );
        let figure = &plan.figures[0];
        assert_eq!(
            figure_text(figure, Lang::En),
            "¥45 bn [not a target] [corrected], by 2025"
        );
        assert_eq!(
            figure_text(figure, Lang::Zh),
            "450亿元 [非目标] [已更正],到2025年"
        );
    }

    #[test]
    fn values_read_naturally_in_both_languages() {
        assert_eq!(format_value(4e10, "yuan", Lang::Zh), "400亿元");
        assert_eq!(format_value(4e10, "yuan", Lang::En), "¥40 bn");
        assert_eq!(format_value(20000.0, "people", Lang::Zh), "2万人");
        assert_eq!(
            format_range(3.0, 5.0, "platforms", Lang::En),
            "3–5 platforms"
        );
        assert_eq!(format_range(3.0, 5.0, "platforms", Lang::Zh), "3–5个平台");
        assert_eq!(format_range(1e8, 1e8, "yuan", Lang::Zh), "1亿元");
        assert_eq!(format_value(5e6, "yuan", Lang::Zh), "500万元");
        assert_eq!(format_value(5e6, "yuan", Lang::En), "¥5 m");
    }

    #[test]
    fn lang_param_parsing() {
        assert_eq!(Lang::from_param("en"), Some(Lang::En));
        assert_eq!(Lang::from_param(" EN "), Some(Lang::En));
        assert_eq!(Lang::from_param("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_param("fr"), None);
        assert_eq!(Lang::from_param(""), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }

    /// Physical and counted units keep their own words: 5000PFlops is not "5000 items".
    #[test]
    fn units_are_named_in_both_languages() {
        assert_eq!(format_value(5000.0, "PFlops", Lang::En), "5000 PFlops");
        assert_eq!(format_value(5000.0, "PFlops", Lang::Zh), "5000PFlops");
        assert_eq!(format_value(2.0, "batches", Lang::Zh), "2批");
        assert_eq!(format_value(80.0, "km²", Lang::Zh), "80平方公里");
    }
}
