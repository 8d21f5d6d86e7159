//! The shared vocabularies: sectors, policy instruments, metrics (what a figure measures) and
//! canonical departments.
//!
//! These tables are the one place where cities' different words are lined up, so that a 400亿元
//! target in Wuhan and a 150亿元 target in Tianjin land on the same row. Each entry has a stable key
//! (what the data and the URL carry), zh and en names (vocabulary data, shown as is), and the words
//! that signal it in a text. Matching those words against text is extraction's job
//! (`plan_extract::vocab_match`); the tables are here because the data's keys are defined by them.

/// A sector of the shared taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sector {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// An item concerns the sector when its text contains one of these.
    pub keywords: &'static [&'static str],
}

const fn sector(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    keywords: &'static [&'static str],
) -> Sector {
    Sector {
        key,
        zh,
        en,
        keywords,
    }
}

pub const SECTORS: &[Sector] = &[
    sector(
        "manufacturing",
        "智能制造",
        "Manufacturing",
        &[
            "智能制造",
            "制造业",
            "智慧工厂",
            "智能工厂",
            "车间",
            "工业互联网",
            "数控",
            "工业软件",
            "智能装备",
            "装备制造",
            "智能建造",
        ],
    ),
    sector(
        "transport",
        "智能网联汽车与交通",
        "Connected vehicles & transport",
        &[
            "网联汽车",
            "车联网",
            "自动驾驶",
            "无人驾驶",
            "智能交通",
            "交通",
            "物流",
            "港口",
            "运载工具",
            "车载",
        ],
    ),
    sector(
        "health",
        "医疗健康",
        "Health",
        &["医疗", "健康", "医院", "医药", "诊断", "养老"],
    ),
    sector(
        "education",
        "教育",
        "Education",
        &["教育", "学校", "教学", "校园"],
    ),
    sector(
        "government",
        "政务服务",
        "Government services",
        &["政务", "审批", "公共服务"],
    ),
    sector(
        "city",
        "城市治理",
        "City governance",
        &[
            "智慧城市",
            "城市治理",
            "城市管理",
            "城市大脑",
            "社区",
            "社会治理",
            "数智治理",
        ],
    ),
    sector(
        "agriculture",
        "农业",
        "Agriculture",
        &["农业", "农产品", "农机", "畜", "种业", "农场", "牧场"],
    ),
    sector(
        "finance",
        "金融",
        "Finance",
        &["金融", "信贷", "保险", "支付", "投顾"],
    ),
    sector(
        "security",
        "安全与安防",
        "Security",
        &[
            "安防",
            "网络安全",
            "公共安全",
            "反恐",
            "警用",
            "雪亮工程",
            "信息安全",
            "数据安全",
        ],
    ),
    sector("home", "智能家居", "Smart home", &["家居", "智慧家庭"]),
    sector(
        "culture_tourism",
        "文化旅游",
        "Culture & tourism",
        &["文化", "旅游", "文旅", "音视频", "影视", "文创"],
    ),
    sector(
        "environment",
        "生态环保",
        "Environment",
        &["环保", "环境监测", "大气", "土壤", "污染", "噪声"],
    ),
    sector(
        "chips",
        "芯片",
        "Chips",
        &["芯片", "集成电路", "处理器", "半导体"],
    ),
    sector("sensors", "传感器", "Sensors", &["传感器", "传感"]),
    sector("robots", "机器人", "Robots", &["机器人"]),
    sector(
        "computing",
        "算力",
        "Computing power",
        &[
            "算力",
            "超算",
            "超级计算",
            "计算中心",
            "数据中心",
            "云计算",
            "服务器",
        ],
    ),
    sector(
        "data",
        "数据",
        "Data",
        &[
            "大数据",
            "数据资源",
            "数据共享",
            "数据开放",
            "数据集",
            "数据交易",
            "数据库",
            "数据平台",
        ],
    ),
    sector(
        "software",
        "软件与算法",
        "Software & algorithms",
        &[
            "软件",
            "算法",
            "操作系统",
            "大模型",
            "语音识别",
            "机器视觉",
            "自然语言",
        ],
    ),
    sector(
        "research",
        "基础研究与攻关",
        "Research",
        &[
            "基础理论",
            "前沿",
            "关键共性技术",
            "核心技术",
            "攻关",
            "学科",
        ],
    ),
    sector(
        "talent",
        "人才",
        "Talent",
        &["人才", "培养", "培训", "工匠"],
    ),
    sector(
        "ethics",
        "伦理与治理",
        "Ethics & governance",
        &["伦理", "隐私", "法律", "问责", "负责任", "治理体系"],
    ),
    sector(
        "standards_ip",
        "标准与知识产权",
        "Standards & IP",
        &["标准", "专利", "知识产权"],
    ),
    sector(
        "funds",
        "资金与投融资",
        "Funds & financing",
        &[
            "基金",
            "资金",
            "补贴",
            "奖励",
            "投融资",
            "资助",
            "补助",
            "融资",
        ],
    ),
    sector(
        "enterprises",
        "企业培育",
        "Enterprises",
        &[
            "领军企业",
            "龙头企业",
            "独角兽",
            "专精特新",
            "高新技术企业",
            "创业企业",
            "孵化",
        ],
    ),
];

pub fn sector_by_key(key: &str) -> Option<&'static Sector> {
    SECTORS.iter().find(|s| s.key == key)
}

/// A policy instrument: the kind of lever a task pulls (money, platforms, pilots, talent …),
/// whatever its sector. An item uses the instrument when its text holds one of the keywords
/// outside the instrument's exceptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instrument {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Words that signal the instrument. `A…B` means `A` followed by `B` within the same sentence
    /// and a few characters (引进…团队: 引进一批高水平创新团队).
    pub keywords: &'static [&'static str],
    /// Phrases in which a keyword does not count (城市治理 is a sector, not the governance of AI).
    pub except: &'static [&'static str],
}

const fn instrument(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    keywords: &'static [&'static str],
    except: &'static [&'static str],
) -> Instrument {
    Instrument {
        key,
        zh,
        en,
        keywords,
        except,
    }
}

/// The policy instruments of the genre (行动计划, 实施方案), in a fixed order.
pub const INSTRUMENTS: &[Instrument] = &[
    instrument(
        "funding",
        "资金扶持",
        "Funding & subsidies",
        &[
            "资金",
            "补贴",
            "补助",
            "奖励",
            "资助",
            "基金",
            "贴息",
            "奖补",
            "经费",
            "财政",
            "融资",
            "贷款",
            "信贷",
            "担保",
            "风险补偿",
            "税收优惠",
            "创业投资",
            "风险投资",
            "天使投资",
            "科技计划",
        ],
        &["自然科学基金"],
    ),
    instrument(
        "platform",
        "创新平台",
        "Innovation platforms",
        &[
            "平台",
            "创新中心",
            "实验室",
            "研究院",
            "研究中心",
            "工程中心",
            "技术中心",
            "孵化器",
            "加速器",
            "众创空间",
            "新型研发机构",
            "创新联合体",
            "产业联盟",
            "开源社区",
        ],
        &["平台经济"],
    ),
    instrument(
        "pilot",
        "试点示范",
        "Pilots & demonstrations",
        &[
            "试点",
            "示范",
            "先导区",
            "先行区",
            "试验区",
            "实验区",
            "标杆",
            "样板",
            "先行先试",
        ],
        &[],
    ),
    instrument(
        "talent",
        "人才",
        "Talent",
        &[
            "人才",
            "培训",
            "培养",
            "引进…团队",
            "创新团队",
            "科研团队",
            "专家",
            "院士",
            "学科",
            "专业建设",
            "工匠",
            "工程师",
            "职业教育",
            "实训",
            "技能",
        ],
        &["专家咨询"],
    ),
    instrument(
        "infrastructure",
        "算力与数据基础设施",
        "Compute & data infrastructure",
        &[
            "算力",
            "数据中心",
            "计算中心",
            "超算",
            "超级计算",
            "智算",
            "云计算",
            "5G",
            "\u{FF15}\u{FF27}",
            "信息基础设施",
            "新型基础设施",
            "数字基础设施",
            "智能基础设施",
            "网络基础设施",
            "算力基础设施",
            "数据基础设施",
            "新基建",
            "数据资源",
            "开放数据",
            "数据开放",
            "公共数据",
            "数据共享",
            "数据集",
            "物联网",
            "宽带",
            "千兆",
            "IPv6",
            "通信网络",
            "信息网络",
            "网络设施",
        ],
        &[],
    ),
    instrument(
        "standards",
        "标准与治理",
        "Standards & governance",
        &[
            "标准",
            "规范",
            "伦理",
            "监管",
            "法规",
            "法律",
            "立法",
            "治理体系",
            "治理规则",
            "治理机制",
            "治理框架",
            "安全可控",
            "安全评估",
            "安全风险",
            "安全保障",
            "安全管理",
            "安全监测",
            "网络安全",
            "数据安全",
            "信息安全",
            "隐私",
            "个人信息",
            "知识产权",
            "检测认证",
            "评测",
            "测评",
        ],
        &["城市治理", "社会治理", "基层治理"],
    ),
    instrument(
        "cluster",
        "园区与集群",
        "Parks & clusters",
        &[
            "园区",
            "产业园",
            "集聚区",
            "聚集区",
            "集聚地",
            "产业基地",
            "集群",
            "小镇",
            "高新区",
            "开发区",
            "产业带",
            "集聚发展",
        ],
        &[],
    ),
    instrument(
        "enterprise",
        "企业培育",
        "Enterprise cultivation",
        &[
            "企业培育",
            "培育…企业",
            "引进…企业",
            "招引…企业",
            "龙头企业",
            "领军企业",
            "骨干企业",
            "链主",
            "独角兽",
            "瞪羚",
            "专精特新",
            "小巨人",
            "隐形冠军",
            "高新技术企业",
            "招商",
        ],
        &[],
    ),
    instrument(
        "procurement",
        "应用场景与采购",
        "Application scenarios & procurement",
        &[
            "场景",
            "应用示范",
            "示范应用",
            "推广应用",
            "应用推广",
            "政府采购",
            "采购",
            "首购",
            "首台套",
            "首台(套)",
            "首台（套）",
            "首版次",
            "揭榜挂帅",
            "揭榜",
        ],
        &[],
    ),
];

pub fn instrument_by_key(key: &str) -> Option<&'static Instrument> {
    INSTRUMENTS.iter().find(|i| i.key == key)
}

/// What a unit measures, so that a metric is only matched to figures it can describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    Money,
    Percent,
    People,
    Enterprises,
    Count,
}

/// A metric: what a figure measures, shared across plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Metric {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The unit classes the metric can be stated in.
    pub units: &'static [UnitClass],
    /// Normalised unit for counts ("enterprises", "platforms" …); money is "yuan", percent "%".
    pub noun: &'static str,
}

use UnitClass::{Count, Enterprises, Money, People, Percent};

const fn metric(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    units: &'static [UnitClass],
    noun: &'static str,
) -> Metric {
    Metric {
        key,
        zh,
        en,
        units,
        noun,
    }
}

pub const METRICS: &[Metric] = &[
    metric(
        "ai_industry_scale",
        "人工智能核心产业规模",
        "AI core industry scale",
        &[Money],
        "yuan",
    ),
    metric(
        "related_industry_scale",
        "带动相关产业规模",
        "Related industry scale",
        &[Money],
        "yuan",
    ),
    metric(
        "fund_size",
        "产业基金规模",
        "Industry fund size",
        &[Money],
        "yuan",
    ),
    metric(
        "funding",
        "财政资金与资助",
        "Public funding",
        &[Money],
        "yuan",
    ),
    metric("investment", "产业投资", "Investment", &[Money], "yuan"),
    metric(
        "rd_investment",
        "研发投入",
        "R&D spending",
        &[Money],
        "yuan",
    ),
    metric("revenue", "销售收入", "Sales revenue", &[Money], "yuan"),
    metric(
        "revenue_growth",
        "收入年均增长",
        "Annual revenue growth",
        &[Percent],
        "%",
    ),
    metric(
        "patent_growth",
        "专利授权年均增速",
        "Annual patent growth",
        &[Percent],
        "%",
    ),
    metric(
        "leading_enterprises",
        "领军(龙头)企业",
        "Leading enterprises",
        &[Enterprises, Count],
        "enterprises",
    ),
    metric(
        "unicorn_enterprises",
        "独角兽企业",
        "Unicorns",
        &[Enterprises, Count],
        "enterprises",
    ),
    metric(
        "specialised_enterprises",
        "专精特新企业",
        "Specialised SMEs",
        &[Enterprises, Count],
        "enterprises",
    ),
    metric(
        "high_tech_enterprises",
        "高新技术企业",
        "High-tech enterprises",
        &[Enterprises, Count],
        "enterprises",
    ),
    metric(
        "industry_communities",
        "产业链企业共同体",
        "Supply-chain consortia",
        &[Count],
        "consortia",
    ),
    metric(
        "enterprises",
        "人工智能企业",
        "AI enterprises",
        &[Enterprises, Count],
        "enterprises",
    ),
    metric(
        "platforms",
        "创新平台",
        "Innovation platforms",
        &[Count, Enterprises],
        "platforms",
    ),
    metric(
        "talent_teams",
        "人才团队",
        "Talent teams",
        &[Count],
        "teams",
    ),
    metric("talent", "人才", "Talent", &[People, Count], "people"),
    metric(
        "major_projects",
        "重大项目",
        "Major projects",
        &[Count],
        "projects",
    ),
    metric(
        "scenarios",
        "应用场景",
        "Application scenarios",
        &[Count],
        "scenarios",
    ),
    metric("standards", "标准", "Standards", &[Count], "standards"),
    metric(
        "smart_factories",
        "智慧工厂与车间",
        "Smart factories & workshops",
        &[Count],
        "factories",
    ),
    metric(
        "smart_equipment",
        "智能装备",
        "Smart equipment",
        &[Count],
        "kinds",
    ),
    metric(
        "products",
        "人工智能产品",
        "AI products",
        &[Count],
        "products",
    ),
    metric("schools", "学校", "Schools", &[Count], "schools"),
];

pub fn metric_by_key(key: &str) -> Option<&'static Metric> {
    METRICS.iter().find(|m| m.key == key)
}

/// A canonical department: one key for the names different cities give the same body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Department {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub aliases: &'static [&'static str],
}

const fn dept(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
) -> Department {
    Department {
        key,
        zh,
        en,
        aliases,
    }
}

pub const DEPARTMENTS: &[Department] = &[
    dept(
        "science_tech",
        "科技主管部门",
        "Science & Technology Bureau",
        &["市科技局", "市科委", "市科学技术局"],
    ),
    dept(
        "industry_it",
        "工业和信息化主管部门",
        "Industry & IT Bureau",
        &[
            "市工业和信息化局",
            "市工业和信息化委",
            "市工信委",
            "市工信局",
            "市经信局",
            "市经信委",
            "市经济和信息化局",
        ],
    ),
    dept(
        "development_reform",
        "发展改革部门",
        "Development & Reform Commission",
        &["市发展改革委", "市发改委"],
    ),
    dept(
        "education",
        "教育部门",
        "Education Bureau",
        &["市教育局", "市教委"],
    ),
    dept(
        "finance_bureau",
        "财政部门",
        "Finance Bureau",
        &["市财政局"],
    ),
    dept("tax", "税务部门", "Tax Bureau", &["市税务局"]),
    dept(
        "data_resources",
        "数据资源部门",
        "Data Resources Bureau",
        &["市数据资源局", "市大数据局"],
    ),
    dept(
        "cyberspace",
        "网信部门",
        "Cyberspace Affairs Office",
        &["市委网信办"],
    ),
    dept(
        "transport",
        "交通运输部门",
        "Transport Bureau",
        &["市交通运输局", "市交通运输委", "市交通局"],
    ),
    dept(
        "public_security",
        "公安部门",
        "Public Security Bureau",
        &["市公安局", "市公安局交警支队"],
    ),
    dept(
        "health",
        "卫生健康部门",
        "Health Commission",
        &["市卫生健康委", "市卫计委", "市卫生计生委"],
    ),
    dept(
        "human_resources",
        "人力资源和社会保障部门",
        "Human Resources & Social Security Bureau",
        &["市人力资源社会保障局", "市人力社保局"],
    ),
    dept(
        "market_regulation",
        "市场监管部门",
        "Market Regulation Bureau",
        &["市市场监管局", "市市场监管委"],
    ),
    dept(
        "financial_affairs",
        "金融工作部门",
        "Financial Affairs Office",
        &["市金融局", "市政府金融办"],
    ),
    dept(
        "agriculture",
        "农业农村部门",
        "Agriculture Bureau",
        &["市农委", "市农牧局", "市农业农村局"],
    ),
    dept(
        "commerce",
        "商务部门",
        "Commerce Bureau",
        &["市商务委", "市商务局"],
    ),
    dept(
        "approval",
        "行政审批部门",
        "Administrative Approval Office",
        &["市审批办"],
    ),
    dept(
        "culture_tourism",
        "文化和旅游部门",
        "Culture & Tourism Bureau",
        &["市文化广播影视局", "市旅游局", "市文化和旅游局"],
    ),
    dept(
        "cooperation",
        "合作交流部门",
        "Cooperation & Exchange Office",
        &["市合作交流办"],
    ),
    dept("justice", "司法部门", "Justice Bureau", &["市司法局"]),
    dept(
        "ip_office",
        "知识产权部门",
        "Intellectual Property Office",
        &["市知识产权局"],
    ),
    dept(
        "talent_office",
        "人才工作部门",
        "Talent Work Office",
        &["市委人才办"],
    ),
    dept(
        "housing_construction",
        "住房城乡建设部门",
        "Housing & Construction Bureau",
        &["市住房城乡建设局", "市建设局"],
    ),
    dept(
        "general_office",
        "市政府办公室",
        "General Office of the City Government",
        &["市政府办公室", "市政府办公厅"],
    ),
    dept(
        "all_departments",
        "市政府各部门",
        "All city departments",
        &["市政府各部门"],
    ),
    dept(
        "development_zones",
        "新区与园区管委会",
        "New-area and park administrations",
        &["湘江新区管委会", "马栏山视频文创产业园管委会"],
    ),
    dept(
        "districts",
        "区县政府及园区",
        "District and county governments",
        &[
            "各区县市人民政府和园区管委会",
            "相关区县市人民政府和各园区管委会",
            "各县区政府",
            "凉州区政府",
            "各区人民政府",
        ],
    ),
    dept(
        "financial_regulators",
        "驻地金融监管机构",
        "Financial regulators (local branches)",
        &["人民银行天津分行", "天津银监局", "天津证监局", "天津保监局"],
    ),
    dept(
        "communications",
        "通信管理部门",
        "Communications Administration",
        &["市通信管理局"],
    ),
    dept(
        "state_assets",
        "国有资产监管部门",
        "State-owned Assets Commission",
        &["市国资委"],
    ),
    dept("statistics", "统计部门", "Statistics Bureau", &["市统计局"]),
    dept(
        "natural_resources",
        "自然资源部门",
        "Natural Resources Bureau",
        &["市自然资源局", "市自然资源和规划局"],
    ),
    dept(
        "ecology_environment",
        "生态环境部门",
        "Ecology & Environment Bureau",
        &["市生态环境局"],
    ),
    dept(
        "civil_affairs",
        "民政部门",
        "Civil Affairs Bureau",
        &["市民政局"],
    ),
    dept(
        "publicity",
        "宣传部门",
        "Publicity Department",
        &["市委宣传部"],
    ),
    dept(
        "emergency_management",
        "应急管理部门",
        "Emergency Management Bureau",
        &["市应急管理局", "市应急局"],
    ),
];

pub fn department_by_key(key: &str) -> Option<&'static Department> {
    DEPARTMENTS.iter().find(|d| d.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_labels_complete() {
        fn assert_unique(mut keys: Vec<&str>) {
            let before = keys.len();
            plan_sort::sort(&mut keys);
            keys.dedup();
            assert_eq!(keys.len(), before, "a key is used twice");
        }
        assert_unique(SECTORS.iter().map(|s| s.key).collect());
        assert_unique(METRICS.iter().map(|m| m.key).collect());
        assert_unique(DEPARTMENTS.iter().map(|d| d.key).collect());
        assert_unique(INSTRUMENTS.iter().map(|i| i.key).collect());
        for i in INSTRUMENTS {
            assert!(
                !i.zh.is_empty() && !i.en.is_empty() && !i.keywords.is_empty(),
                "{}",
                i.key
            );
            for k in i.keywords.iter().chain(i.except) {
                let parts: Vec<&str> = k.split('…').collect();
                assert!(
                    parts.len() <= 2 && parts.iter().all(|p| !p.is_empty()),
                    "{}: {k}",
                    i.key
                );
            }
        }
        for s in SECTORS {
            assert!(
                !s.zh.is_empty() && !s.en.is_empty() && !s.keywords.is_empty(),
                "{}",
                s.key
            );
        }
        let mut aliases: Vec<_> = DEPARTMENTS.iter().flat_map(|d| d.aliases.iter()).collect();
        let count = aliases.len();
        plan_sort::sort(&mut aliases);
        aliases.dedup();
        assert_eq!(aliases.len(), count, "an alias maps to two departments");
    }
}
