//! User-interface language and the message catalogue.
//!
//! Every string the interface shows lives here as a [`Msg`] with its Chinese and English text side by
//! side, so a message cannot exist in one language only: the compiler rejects a `Msg` without both.
//! Plan text itself is never translated; cities, sectors, metrics and departments carry their own
//! `zh`/`en` labels in the data model.

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
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident => ($zh:expr, $en:expr),)*) => {
        /// A message of the interface. See [`Msg::text`].
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
    ViewOverview => ("概览", "Overview"),
    ViewExplore => ("检索", "Explore"),
    ViewCompare => ("目标对比", "Compare goals"),
    ViewTimeline => ("时间线", "Timeline"),
    ViewReader => ("原文", "Source"),
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
    PerYear => ("按规划期折算为年均值", "Divide by the years of each plan's period"),
    PerYearUnknown => ("规划期未知,无法折算", "period unknown, cannot divide"),
    PerYearFigure => ("每年", "per year"),
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
    MilestoneIssued => ("发布", "issued"),
    MilestoneComment => ("意见截止", "comments due"),
    MilestoneValid => ("有效期截止", "validity ends"),
    MilestoneTarget => ("目标年", "target year"),
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
}

impl Msg {
    /// The text of this message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        lang.pick(zh, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_message_is_complete_in_both_languages() {
        for msg in Msg::ALL {
            let (zh, en) = msg.pair();
            assert!(!zh.trim().is_empty(), "{msg:?} has no Chinese text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            // Format names (CSV, PNG …) read the same in both languages.
            let latin_in_zh = matches!(
                msg,
                Msg::LanguageSwitch
                    | Msg::ExportCsv
                    | Msg::ExportJson
                    | Msg::ExportSvg
                    | Msg::ExportPng
            );
            assert!(
                has_cjk(zh) || latin_in_zh,
                "{msg:?}: Chinese text has no Chinese"
            );
            // English may quote a Chinese search example, nothing else.
            let chinese_in_en = matches!(msg, Msg::LanguageSwitch | Msg::SearchPlaceholder);
            assert!(
                !has_cjk(en) || chinese_in_en,
                "{msg:?}: English text contains Chinese"
            );
        }
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
}
