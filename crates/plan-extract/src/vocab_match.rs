//! Finding the shared vocabularies (`plan_model::vocab`) in text: sectors and policy instruments by
//! keyword, metrics by the keyword nearest a figure, canonical departments by name.

use plan_model::vocab::{Department, DEPARTMENTS, INSTRUMENTS, SECTORS};

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

/// How far (in characters) the second part of an `A…B` instrument keyword may follow the first.
const GAP_CHARS: usize = 20;

/// One keyword or exception of an instrument, as matched.
struct InstrumentRule {
    instrument: usize,
    /// For `A…B`: `B`, which must follow `A` within [`GAP_CHARS`] in the same clause.
    tail: Option<&'static str>,
    /// An exception: occurrences of the instrument's keywords inside it do not count.
    except: bool,
}

/// Whether `tail` follows at the start of `rest` within [`GAP_CHARS`] characters, before the clause
/// ends (a sentence end, a comma or a line break: 引进人才,支持企业 is not 引进…企业).
fn tail_follows(rest: &str, tail: &str) -> bool {
    for (n, (at, c)) in rest.char_indices().enumerate() {
        if n > GAP_CHARS || crate::text::ends_sentence(c) || matches!(c, ',' | '\u{FF0C}' | '\n') {
            return false;
        }
        if rest[at..].starts_with(tail) {
            return true;
        }
    }
    false
}

/// Policy instruments whose keywords occur in `text` outside the instrument's exceptions, in
/// vocabulary order.
pub fn instruments_in(text: &str) -> Vec<&'static str> {
    static RULES: std::sync::OnceLock<(KeywordSet, Vec<InstrumentRule>)> =
        std::sync::OnceLock::new();
    let (set, rules) = RULES.get_or_init(|| {
        let mut rules = Vec::new();
        let mut keywords = Vec::new();
        for (i, instrument) in INSTRUMENTS.iter().enumerate() {
            for keyword in instrument.keywords {
                let (head, tail) = match keyword.split_once('…') {
                    Some((head, tail)) => (head, Some(tail)),
                    None => (*keyword, None),
                };
                keywords.push((head, rules.len()));
                rules.push(InstrumentRule {
                    instrument: i,
                    tail,
                    except: false,
                });
            }
            for phrase in instrument.except {
                keywords.push((*phrase, rules.len()));
                rules.push(InstrumentRule {
                    instrument: i,
                    tail: None,
                    except: true,
                });
            }
        }
        (KeywordSet::new(keywords), rules)
    });
    let hits: Vec<(usize, &'static str, usize)> = set.find_all(text).collect();
    let excepted = |instrument: usize, start: usize, end: usize| {
        hits.iter().any(|(at, phrase, r)| {
            rules[*r].except
                && rules[*r].instrument == instrument
                && *at <= start
                && end <= at + phrase.len()
        })
    };
    let mut found = vec![false; INSTRUMENTS.len()];
    for (at, head, r) in &hits {
        let rule = &rules[*r];
        if rule.except || found[rule.instrument] {
            continue;
        }
        let end = at + head.len();
        if rule
            .tail
            .is_some_and(|tail| !tail_follows(&text[end..], tail))
        {
            continue;
        }
        if !excepted(rule.instrument, *at, end) {
            found[rule.instrument] = true;
        }
    }
    INSTRUMENTS
        .iter()
        .zip(found)
        .filter(|(_, f)| *f)
        .map(|(i, _)| i.key)
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
    rule("研发经费", "rd_investment", None),
    rule("投入", "investment", None),
    rule("支持", "funding", None),
    rule("投资", "investment", None),
    rule("销售收入", "revenue", None),
    rule("营业收入", "revenue", None),
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
    let name: String = raw.chars().filter(|c| !crate::text::is_space(*c)).collect();
    BY_ALIAS
        .get_or_init(|| {
            DEPARTMENTS
                .iter()
                .flat_map(|d| d.aliases.iter().map(move |a| (*a, d)))
                .collect()
        })
        .get(name.as_str())
        .copied()
        .or_else(|| department_by_rule(&name))
}

/// Word families of department names, checked in order against a name without its place prefix:
/// the first family with a stem in the name gives the key (发展改革委, 发改委, 发展和改革局 →
/// development_reform). Order matters where stems overlap: 有关部门 before 各 (districts), 人才
/// before 人力资源, 数据 after 经济信息.
const DEPARTMENT_FAMILIES: &[(&[&str], &str)] = &[
    (&["有关部门", "各部门", "有关单位"], "all_departments"),
    (&["管委会", "管理委员会"], "development_zones"),
    (&["发展改革", "发改", "发展和改革"], "development_reform"),
    (
        &["工业和信息化", "工信", "经信", "经济和信息化", "经济信息"],
        "industry_it",
    ),
    (&["网信"], "cyberspace"),
    (&["人才", "组织部"], "talent_office"),
    (&["科技", "科学技术", "科委", "科信"], "science_tech"),
    (&["教育", "教委"], "education"),
    (&["财政"], "finance_bureau"),
    (&["税务"], "tax"),
    (&["数据", "数字化建设", "政务服务"], "data_resources"),
    (&["交通"], "transport"),
    (&["公安"], "public_security"),
    (&["卫生健康", "卫健", "卫计", "卫生计生"], "health"),
    (&["人力资源", "人社", "人力社保"], "human_resources"),
    (&["市场监督", "市场监管"], "market_regulation"),
    (&["金融"], "financial_affairs"),
    (&["农业农村", "农委", "农牧", "农业"], "agriculture"),
    (&["商务"], "commerce"),
    (&["审批"], "approval"),
    (&["文化", "旅游", "文广", "文旅"], "culture_tourism"),
    (
        &["投资促进", "投资推广", "投资合作", "合作交流", "招商"],
        "cooperation",
    ),
    (&["司法"], "justice"),
    (&["知识产权"], "ip_office"),
    (&["住房", "住建", "建设局", "建委"], "housing_construction"),
    (&["通信管理"], "communications"),
    (&["国资"], "state_assets"),
    (&["统计"], "statistics"),
    (&["自然资源", "规划资源"], "natural_resources"),
    (&["生态环境", "环保"], "ecology_environment"),
    (&["宣传"], "publicity"),
    (&["民政局", "民政厅", "民政部门"], "civil_affairs"),
    (&["应急"], "emergency_management"),
    (&["政府办公厅", "政府办公室", "政府办"], "general_office"),
];

/// Levels a department's name may start with once its place is dropped (省科技厅, 市委网信办).
const LEVEL_PREFIXES: [char; 7] = ['省', '市', '区', '县', '州', '盟', '旗'];

/// The canonical department of a name by its word family, after dropping the place it starts with
/// (浙江省, 杭州市西湖区, 重庆; then 省/市/区/县/州 …). Subordinate governments (各区县政府,
/// 各镇（街道）, 各设区市政府) are `districts`.
fn department_by_rule(name: &str) -> Option<&'static Department> {
    // The central bank's and the national financial regulator's local branches (人民银行江苏省分行,
    // 江苏金融监管局: a place without a level before it) are not the local government's own
    // financial office (省地方金融管理局, 市金融监管局).
    let placed = crate::places::strip_place_prefix(name);
    if name.contains("人民银行")
        || name.contains("证监")
        || name.contains("银保监")
        || (placed.len() < name.len() && placed.starts_with("金融监管"))
    {
        return plan_model::vocab::department_by_key("financial_regulators");
    }
    // A district's or county's own government (思明区人民政府) in a plan above it.
    if placed.len() < name.len()
        && matches!(placed, "人民政府" | "政府")
        && ['区', '县', '旗']
            .iter()
            .any(|level| name[..name.len() - placed.len()].ends_with(*level))
    {
        return plan_model::vocab::department_by_key("districts");
    }
    let body = placed;
    let body = body
        .strip_prefix(LEVEL_PREFIXES)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(body);
    let key = DEPARTMENT_FAMILIES
        .iter()
        .find(|(stems, _)| stems.iter().any(|s| body.contains(s)))
        .map(|(_, key)| *key)
        .or_else(|| {
            // 各区县政府, 各镇(街道), 相关区县市人民政府: governments below the issuer's.
            let subordinate = (body.starts_with('各')
                && ["政府", "街道", "镇", "乡", "区", "县"]
                    .iter()
                    .any(|w| body.contains(w)))
                || (body.contains("政府")
                    && ["区县", "县区", "县(市", "县\u{FF08}市"]
                        .iter()
                        .any(|w| body.contains(w)));
            subordinate.then_some("districts")
        })?;
    plan_model::vocab::department_by_key(key)
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
        // By rule, for any place and level.
        for (raw, want) in [
            ("浙江省发展改革委", Some("development_reform")),
            ("省经信厅", Some("industry_it")),
            ("区发展和改革局", Some("development_reform")),
            ("杭州市西湖区科技局", Some("science_tech")),
            ("市文旅局", Some("culture_tourism")),
            ("区投资合作局", Some("cooperation")),
            ("人民银行江苏省分行", Some("financial_regulators")),
            ("江苏金融监管局", Some("financial_regulators")),
            ("市金融监管局", Some("financial_affairs")),
            ("省地方金融管理局", Some("financial_affairs")),
            ("思明区人民政府", Some("districts")),
            ("市委人才办", Some("talent_office")),
            ("市委网信办", Some("cyberspace")),
            ("州大数据局", Some("data_resources")),
            ("区政务服务和数据管理局", Some("data_resources")),
            ("州政务服务和数字化建设管理局", Some("data_resources")),
            ("区规划资源局", Some("natural_resources")),
            ("市市场监督管理局", Some("market_regulation")),
            ("各区县（自治县）政府", Some("districts")),
            ("各镇（街道）", Some("districts")),
            ("市级各有关部门", Some("all_departments")),
            ("重庆高新区管委会", Some("development_zones")),
            ("市城管执法委", None),
            ("州林业局", None),
            ("州民族宗教事务委员会", None),
        ] {
            assert_eq!(key(raw), want, "{raw}");
        }
    }

    #[test]
    fn sectors_come_from_keywords() {
        assert_eq!(
            sectors_in("推广工业机器人和智能传感器"),
            vec!["sensors", "robots"]
        );
        assert!(sectors_in("无关文字").is_empty());
    }

    #[test]
    fn instruments_come_from_keywords() {
        for (text, want) in [
            // One instrument each, in the genre's words.
            ("对首次认定的企业给予一次性奖励。", vec!["funding"]),
            ("设立人工智能产业投资基金,给予贷款贴息。", vec!["funding"]),
            ("建设人工智能开放创新平台和重点实验室。", vec!["platform"]),
            ("支持建设新型研发机构。", vec!["platform"]),
            ("争创国家人工智能创新应用先导区。", vec!["pilot"]),
            ("打造一批可复制的样板工程。", vec!["pilot"]),
            ("引进一批高水平创新团队。", vec!["talent"]),
            ("支持高校设立人工智能学科。", vec!["talent"]),
            ("布局建设智算中心和数据中心。", vec!["infrastructure"]),
            ("加快５Ｇ网络部署。", vec!["infrastructure"]),
            ("推动公共数据开放共享。", vec!["infrastructure"]),
            ("制定人工智能伦理准则。", vec!["standards"]),
            ("健全人工智能治理体系,加强安全评估。", vec!["standards"]),
            ("打造人工智能产业集聚区。", vec!["cluster"]),
            ("培育一批具有核心竞争力的龙头企业。", vec!["enterprise"]),
            ("引进国内外知名人工智能企业落户。", vec!["enterprise"]),
            ("实施首台套政策,开展政府采购。", vec!["procurement"]),
            ("实行“揭榜挂帅”机制。", vec!["procurement"]),
            // Several at once, in vocabulary order.
            (
                "在园区建设公共服务平台,对入驻企业给予补贴。",
                vec!["funding", "platform", "cluster"],
            ),
            (
                "开展智能网联汽车应用示范,建设测试示范区。",
                vec!["pilot", "procurement"],
            ),
        ] {
            assert_eq!(instruments_in(text), want, "{text}");
        }
    }

    #[test]
    fn instruments_ignore_exceptions_split_clauses_and_other_words() {
        for text in [
            "无关文字",
            "",
            // A sector, not the governance of AI.
            "提升城市治理和社会治理智能化水平。",
            // 引进…企业 and 引进…团队 stay within one clause.
            "引进高端人才,支持企业发展。",
            "积极引进,大力推动团队协作",
            // A keyword head alone is not the pattern.
            "培育壮大新动能。",
            // Words near the keywords but not them.
            "发展智能机器人和智能传感器。",
            "推进人工智能与实体经济深度融合。",
        ] {
            let found = instruments_in(text);
            assert!(
                !found.contains(&"standards") && !found.contains(&"enterprise"),
                "{text}: {found:?}"
            );
            if !text.contains("人才") {
                assert!(found.is_empty(), "{text}: {found:?}");
            }
        }
        assert_eq!(
            instruments_in("引进高端人才,支持企业发展。"),
            vec!["talent"]
        );
        // The exception only hides the keyword it covers.
        assert_eq!(
            instruments_in("完善城市治理,建立人工智能治理体系。"),
            vec!["standards"]
        );
    }
}
