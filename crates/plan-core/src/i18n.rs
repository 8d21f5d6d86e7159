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
    PlanCount => ("份文件", "documents"),
    ColumnCity => ("城市", "City"),
    ColumnTitle => ("标题", "Title"),
    ColumnSource => ("来源文件", "Source file"),
    CuratedTitle => ("(标题为整理者所加)", "(title supplied by the editors)"),
    TruncatedWarning => (
        "原文不完整:文本在中途截断,以下内容缺失。",
        "Incomplete source: the text is cut off mid-way; what follows is missing."
    ),
    LanguageSwitch => ("English", "中文"),
    LanguageSwitchLabel => ("切换到英文界面", "Switch the interface to Chinese"),
    UnknownLangNotice => (
        "无法识别的语言参数,已使用中文。",
        "Unrecognised language parameter; showing Chinese."
    ),
    ErrorTitle => ("出错了", "Something went wrong"),
    ErrorReloadHint => (
        "页面遇到内部错误。请重新加载页面;如果问题仍然存在,请把下面的信息告诉我们。",
        "The page hit an internal error. Please reload it; if the problem persists, send us the details below."
    ),
    ReloadButton => ("重新加载", "Reload"),
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
            assert!(
                has_cjk(zh) || *msg == Msg::LanguageSwitch,
                "{msg:?}: Chinese text has no Chinese"
            );
            assert!(
                !has_cjk(en) || *msg == Msg::LanguageSwitch,
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
