//! Finding the shared vocabularies (`plan_model::vocab`) in text: sectors by keyword, metrics by the
//! keyword nearest a figure, canonical departments by name.

use plan_model::vocab::{Department, DEPARTMENTS, SECTORS};

use crate::text::KeywordSet;

/// Sectors whose keywords occur in `text`, in taxonomy order.
pub fn sectors_in(text: &str) -> Vec<&'static str> {
    static KEYWORDS: std::sync::OnceLock<KeywordSet> = std::sync::OnceLock::new();
    let set = KEYWORDS.get_or_init(|| {
        KeywordSet::new(
            SECTORS
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.keywords.iter().map(move |k| (*k, i))),
        )
    });
    let mut found = vec![false; SECTORS.len()];
    for (_, _, sector) in set.find_all(text) {
        found[sector] = true;
    }
    SECTORS
        .iter()
        .zip(found)
        .filter(|(_, f)| *f)
        .map(|(s, _)| s.key)
        .collect()
}

/// A keyword that marks a metric, with the scope note it implies (e.g. 核心及相关 vs 核心).
#[derive(Debug, Clone, Copy)]
pub struct MetricRule {
    pub keyword: &'static str,
    pub metric: &'static str,
    pub scope: Option<&'static str>,
}

const fn rule(
    keyword: &'static str,
    metric: &'static str,
    scope: Option<&'static str>,
) -> MetricRule {
    MetricRule {
        keyword,
        metric,
        scope,
    }
}

/// Keywords that say what a figure measures. Where several match, the one nearest the figure wins,
/// and at equal distance the longest keyword (so 核心及相关产业规模 beats 相关产业规模).
pub const METRIC_RULES: &[MetricRule] = &[
    rule(
        "核心及相关产业规模",
        "ai_industry_scale",
        Some("核心及相关产业"),
    ),
    rule("核心产业规模", "ai_industry_scale", Some("核心产业")),
    rule("产业总产值", "ai_industry_scale", Some("产业总产值")),
    rule("相关产业规模", "related_industry_scale", None),
    rule("基金", "fund_size", None),
    rule("资金", "funding", None),
    rule("经费", "funding", None),
    rule("资助", "funding", None),
    rule("项目经费", "funding", None),
    rule("研发投入", "rd_investment", None),
    rule("投入", "investment", None),
    rule("支持", "funding", None),
    rule("投资", "investment", None),
    rule("销售收入", "revenue", None),
    rule("收入", "revenue_growth", None),
    rule("专利", "patent_growth", None),
    rule("独角兽", "unicorn_enterprises", None),
    rule("独角兽企业", "unicorn_enterprises", None),
    rule("冠军企业", "specialised_enterprises", None),
    rule("小巨人”企业", "specialised_enterprises", None),
    rule("专精特新", "specialised_enterprises", None),
    rule("隐形冠军", "specialised_enterprises", None),
    rule("小巨人", "specialised_enterprises", None),
    rule("高新技术企业", "high_tech_enterprises", None),
    rule("领军企业", "leading_enterprises", None),
    rule("龙头企业", "leading_enterprises", None),
    rule("链主型企业", "leading_enterprises", None),
    rule("骨干企业", "leading_enterprises", None),
    rule("企业共同体", "industry_communities", None),
    rule("企业", "enterprises", None),
    rule("平台", "platforms", None),
    rule("创新中心", "platforms", None),
    rule("实验室", "platforms", None),
    rule("设计中心", "platforms", None),
    rule("创新联合体", "platforms", None),
    rule("人才团队", "talent_teams", None),
    rule("团队", "talent_teams", None),
    rule("人才", "talent", None),
    rule("工程师", "talent", None),
    rule("研发人员", "talent", None),
    rule("工匠", "talent", None),
    rule("重大项目", "major_projects", None),
    rule("项目", "major_projects", None),
    rule("场景", "scenarios", None),
    rule("案例", "scenarios", None),
    rule("标准", "standards", None),
    rule("智慧工厂", "smart_factories", None),
    rule("车间", "smart_factories", None),
    rule("智能装备", "smart_equipment", None),
    rule("产品", "products", None),
    rule("学校", "schools", None),
    rule("高校", "schools", None),
];

/// The canonical department for a raw name, if known.
pub fn canonical_department(raw: &str) -> Option<&'static Department> {
    // Looked up for every department of every item: a sorted index instead of a scan of all aliases.
    static BY_ALIAS: std::sync::OnceLock<
        std::collections::BTreeMap<&'static str, &'static Department>,
    > = std::sync::OnceLock::new();
    BY_ALIAS
        .get_or_init(|| {
            DEPARTMENTS
                .iter()
                .flat_map(|d| d.aliases.iter().map(move |a| (*a, d)))
                .collect()
        })
        .get(raw)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_rule_names_a_known_metric() {
        for rule in METRIC_RULES {
            assert!(
                plan_model::vocab::metric_by_key(rule.metric).is_some(),
                "rule {} names unknown metric",
                rule.keyword
            );
        }
    }

    #[test]
    fn departments_line_up_across_cities() {
        let key = |raw| canonical_department(raw).map(|d| d.key);
        assert_eq!(key("市科委"), key("市科技局"));
        assert_eq!(key("市工信委"), Some("industry_it"));
        assert_eq!(key("市工业和信息化局"), key("市经信局"));
        assert_eq!(key("市发改委"), key("市发展改革委"));
        assert_eq!(key("不存在的部门"), None);
    }

    #[test]
    fn sectors_come_from_keywords() {
        assert_eq!(
            sectors_in("推广工业机器人和智能传感器"),
            vec!["sensors", "robots"]
        );
        assert!(sectors_in("无关文字").is_empty());
    }
}
