//! Reference data an editor supplies, cited, never extracted: the national plan's targets that
//! local targets are rolled up against.
//!
//! The figures are the State Council's 新一代人工智能发展规划 (国发〔2017〕35号, issued 2017-07-08),
//! its three-step targets for the scale of the core AI industry and of the industries it drives.
//! They are kept as numbers and a citation, not as the plan's text.

use crate::plan::Bound;

/// A document reference data comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceSource {
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub number: &'static str,
    /// `YYYY-MM-DD`.
    pub issued: &'static str,
}

/// The national plan all local AI plans answer to.
pub const NATIONAL_PLAN: ReferenceSource = ReferenceSource {
    title_zh: "新一代人工智能发展规划",
    title_en: "New Generation Artificial Intelligence Development Plan",
    number: "国发〔2017〕35号",
    issued: "2017-07-08",
};

/// One national target: a metric (key into [`crate::vocab::METRICS`]) in a year, in yuan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReferenceTarget {
    pub metric: &'static str,
    /// The scope of the national figure (核心产业, 相关产业): a local figure of another scope is
    /// shown beside it, not summed into it.
    pub scope: &'static str,
    pub year: u16,
    /// Normalised value (yuan).
    pub value: f64,
    pub bound: Bound,
    /// The bound as the national plan words it (超过).
    pub qualifier: &'static str,
    pub source: &'static ReferenceSource,
}

const fn national(
    metric: &'static str,
    scope: &'static str,
    year: u16,
    value: f64,
) -> ReferenceTarget {
    ReferenceTarget {
        metric,
        scope,
        year,
        value,
        bound: Bound::MoreThan,
        qualifier: "超过",
        source: &NATIONAL_PLAN,
    }
}

/// The national plan's industry-scale targets (超过 each figure): core AI industry 1,500亿元 by
/// 2020, 4,000亿元 by 2025, 1万亿元 by 2030; related industries 1万亿元, 5万亿元, 10万亿元.
pub const NATIONAL_TARGETS: &[ReferenceTarget] = &[
    national("ai_industry_scale", "核心产业", 2020, 1.5e11),
    national("ai_industry_scale", "核心产业", 2025, 4e11),
    national("ai_industry_scale", "核心产业", 2030, 1e12),
    national("related_industry_scale", "相关产业", 2020, 1e12),
    national("related_industry_scale", "相关产业", 2025, 5e12),
    national("related_industry_scale", "相关产业", 2030, 1e13),
];
