//! Where a synthetic plan is set: a province, municipality, prefecture or county from the division
//! list in `plan_model::places`, with the words a plan of that level uses for itself (全省, 本市),
//! its government, its document-number prefix and its departments' names.

use plan_model::places::{divisions, parent, short_name, Division, CITIES};

use crate::rng::Rng;

/// The level of government that issues the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Province,
    Municipality,
    Prefecture,
    County,
}

/// A plan's place and the words that go with it.
#[derive(Debug, Clone)]
pub struct Place {
    pub tier: Tier,
    /// The division itself.
    pub division: &'static Division,
    /// Its province (itself for a province or municipality).
    pub province: &'static Division,
    /// The name a title and an issuer start with: `浙江省`, `杭州市`, `嘉兴市桐乡市`, `北京市海淀区`.
    pub full: String,
    /// The name running text uses: `浙江`, `杭州`, `桐乡市`.
    pub short: &'static str,
    /// The level word before a department's name: `省`, `自治区`, `市`, `州`, `区`, `县`, `旗`.
    pub level: &'static str,
    /// 全省, 全市, 全区 …
    pub whole: String,
    /// 本省, 本市 …
    pub this: String,
    /// Multiplier for the sizes of targets (a province states more than a county).
    pub scale: u32,
    /// Character for document numbers: `浙` in 浙政办发〔2024〕12号.
    pub abbr: &'static str,
}

/// The mainland provinces' conventional one-character abbreviations, by the first two digits of
/// their code.
const PROVINCE_ABBR: &[(u32, &str)] = &[
    (11, "京"),
    (12, "津"),
    (13, "冀"),
    (14, "晋"),
    (15, "内"),
    (21, "辽"),
    (22, "吉"),
    (23, "黑"),
    (31, "沪"),
    (32, "苏"),
    (33, "浙"),
    (34, "皖"),
    (35, "闽"),
    (36, "赣"),
    (37, "鲁"),
    (41, "豫"),
    (42, "鄂"),
    (43, "湘"),
    (44, "粤"),
    (45, "桂"),
    (46, "琼"),
    (50, "渝"),
    (51, "川"),
    (52, "黔"),
    (53, "云"),
    (54, "藏"),
    (61, "陕"),
    (62, "甘"),
    (63, "青"),
    (64, "宁"),
    (65, "新"),
];

fn is_municipality(code: u32) -> bool {
    matches!(code / 10_000, 11 | 12 | 31 | 50)
}

/// The mainland provinces (Taiwan, Hong Kong and Macao are in the list but issue no such plans).
fn provinces() -> Vec<&'static Division> {
    divisions()
        .iter()
        .filter(|d| d.level == 1 && PROVINCE_ABBR.iter().any(|(c, _)| *c == d.code / 10_000))
        .collect()
}

/// Divisions of `level` inside the province with code prefix `prov` (two digits).
fn within(prov: u32, level: u8) -> Vec<&'static Division> {
    divisions()
        .iter()
        .filter(|d| d.level == level && d.code / 10_000 == prov && !d.name.contains("直辖"))
        .collect()
}

/// The last character of a name, as a `&'static str`.
fn last_char(name: &'static str) -> &'static str {
    let at = name.char_indices().last().map_or(0, |(i, _)| i);
    &name[at..]
}

/// Picks a place: a province uniformly (so that all 31 appear), then its own government (about a
/// fifth), a prefecture (about half) or a county.
pub fn pick(rng: &mut Rng) -> Place {
    let provinces = provinces();
    let province = *rng.pick(&provinces);
    let prov = province.code / 10_000;
    let abbr = PROVINCE_ABBR
        .iter()
        .find(|(c, _)| *c == prov)
        .map_or("", |(_, a)| *a);
    let roll = rng.below(100);
    if is_municipality(province.code) {
        let districts = within(prov, 3);
        if roll < 55 || districts.is_empty() {
            return municipality(province, abbr);
        }
        return county(
            districts[rng.below(districts.len())],
            province,
            None,
            abbr,
            true,
        );
    }
    let prefectures = within(prov, 2);
    if roll < 20 || prefectures.is_empty() {
        return own_province(province, abbr);
    }
    let prefecture = *rng.pick(&prefectures);
    let counties: Vec<&'static Division> = divisions()
        .iter()
        .filter(|d| d.level == 3 && parent(d).map(|p| p.code) == Some(prefecture.code))
        .collect();
    if roll < 72 || counties.is_empty() {
        return self::prefecture(prefecture, province);
    }
    county(
        counties[rng.below(counties.len())],
        province,
        Some(prefecture),
        abbr,
        false,
    )
}

fn own_province(province: &'static Division, abbr: &'static str) -> Place {
    let autonomous = province.name.ends_with("自治区");
    let level = if autonomous { "自治区" } else { "省" };
    Place {
        tier: Tier::Province,
        division: province,
        province,
        full: province.name.to_string(),
        short: short_name(province.name),
        level,
        whole: format!("全{}", if autonomous { "区" } else { "省" }),
        this: format!("本{}", if autonomous { "区" } else { "省" }),
        scale: 40,
        abbr,
    }
}

fn municipality(city: &'static Division, abbr: &'static str) -> Place {
    Place {
        tier: Tier::Municipality,
        division: city,
        province: city,
        full: city.name.to_string(),
        short: short_name(city.name),
        level: "市",
        whole: "全市".into(),
        this: "本市".into(),
        scale: 30,
        abbr,
    }
}

fn prefecture(prefecture: &'static Division, province: &'static Division) -> Place {
    let short = short_name(prefecture.name);
    let level = if prefecture.name.ends_with("自治州") {
        "州"
    } else if prefecture.name.ends_with("地区") {
        "地区"
    } else if prefecture.name.ends_with('盟') {
        "盟"
    } else {
        "市"
    };
    let big = CITIES.iter().any(|c| c.zh == short);
    Place {
        tier: Tier::Prefecture,
        division: prefecture,
        province,
        full: prefecture.name.to_string(),
        short,
        level,
        whole: format!("全{level}"),
        this: format!("本{level}"),
        scale: if big { 20 } else { 10 },
        // The prefecture's own first character, as its documents use (杭政办发).
        abbr: first_char(short),
    }
}

fn county(
    county: &'static Division,
    province: &'static Division,
    prefecture: Option<&'static Division>,
    abbr: &'static str,
    in_municipality: bool,
) -> Place {
    let level = match last_char(county.name) {
        "旗" => "旗",
        "县" => "县",
        "市" => "市",
        _ => "区",
    };
    let above = if in_municipality {
        Some(province)
    } else {
        prefecture
    };
    Place {
        tier: Tier::County,
        division: county,
        province,
        full: format!("{}{}", above.map_or("", |d| d.name), county.name),
        short: county.name,
        level,
        whole: format!("全{level}"),
        this: format!("本{level}"),
        scale: if in_municipality { 4 } else { 2 },
        abbr: if in_municipality {
            abbr
        } else {
            first_char(county.name)
        },
    }
}

fn first_char(s: &'static str) -> &'static str {
    let end = s.chars().next().map_or(0, char::len_utf8);
    &s[..end]
}

impl Place {
    /// The government: 浙江省人民政府, 桐乡市人民政府 (for a county, without its prefecture).
    pub fn government(&self) -> String {
        let name = match self.tier {
            Tier::County => self.short.to_string(),
            _ => self.full.clone(),
        };
        format!("{name}人民政府")
    }

    /// The government's general office: 办公厅 above county level, 办公室 below.
    pub fn office(&self) -> String {
        let ending = match self.tier {
            Tier::County => "办公室",
            Tier::Prefecture => "办公室",
            _ => "办公厅",
        };
        format!("{}{ending}", self.government())
    }

    /// Who a 通知 is addressed to.
    pub fn addressees(&self) -> String {
        match self.tier {
            Tier::Province if self.level == "自治区" => {
                "各市人民政府，自治区人民政府各组成部门、各直属机构：".into()
            }
            Tier::Province => "各市、县（市、区）人民政府，省政府各部门、各直属机构：".into(),
            Tier::Municipality => "各区人民政府，市政府各委、办、局，各有关单位：".into(),
            Tier::Prefecture => format!(
                "各县（市、区）人民政府，{}政府各部门，各有关单位：",
                self.level
            ),
            Tier::County => format!(
                "各镇人民政府、街道办事处，{}政府各部门，各有关单位：",
                self.level
            ),
        }
    }

    /// A document number: 浙政办发〔2024〕12号.
    pub fn doc_number(&self, rng: &mut Rng, year: u16) -> String {
        let kind = *rng.pick(&["政办发", "政发", "政办函", "政办规"]);
        format!("{}{kind}〔{year}〕{}号", self.abbr, rng.range(3, 86))
    }
}

/// A department as plans of each tier name it, after the level word (`省`, `市`, `区` …); the
/// first name in each list is the usual one, the others the variants some places use. A plan keeps
/// one variant throughout.
pub struct DeptNames {
    pub province: &'static [&'static str],
    pub city: &'static [&'static str],
    pub county: &'static [&'static str],
}

macro_rules! dept {
    ($p:expr, $c:expr, $k:expr) => {
        DeptNames {
            province: $p,
            city: $c,
            county: $k,
        }
    };
}

/// Indices into [`DEPARTMENTS`], for the topics' usual lead departments.
pub mod d {
    pub const SCIENCE: usize = 0;
    pub const REFORM: usize = 1;
    pub const INDUSTRY: usize = 2;
    pub const EDUCATION: usize = 3;
    pub const FINANCE: usize = 4;
    pub const HR: usize = 5;
    pub const COMMERCE: usize = 6;
    pub const MARKET: usize = 7;
    pub const DATA: usize = 8;
    pub const CYBER: usize = 9;
    pub const HEALTH: usize = 10;
    pub const TRANSPORT: usize = 11;
    pub const AGRICULTURE: usize = 12;
    pub const TALENT: usize = 13;
    pub const FINANCIAL: usize = 14;
    pub const INVEST: usize = 15;
    pub const HOUSING: usize = 16;
    pub const RESOURCES: usize = 17;
    pub const PUBLIC_SECURITY: usize = 18;
    pub const CULTURE: usize = 19;
    pub const IP: usize = 20;
    pub const CIVIL: usize = 21;
    pub const STATE_ASSETS: usize = 22;
    pub const GENERAL_OFFICE: usize = 23;
}

/// Departments, by tier. Names follow each tier's usual forms (厅 in a province, 局 below, 委 in
/// a municipality); the extractor's canonical departments know their word families.
pub const DEPARTMENTS: &[DeptNames] = &[
    dept!(
        &["科技厅"],
        &["科技局", "科学技术局"],
        &["科技局", "科技和工业信息化局"]
    ),
    dept!(
        &["发展改革委"],
        &["发展改革委", "发展和改革委员会"],
        &["发展和改革局", "发展改革局"]
    ),
    dept!(
        &["工业和信息化厅", "经济和信息化厅"],
        &["工业和信息化局", "经济和信息化局", "工信局", "经信局"],
        &["工业和信息化局", "经济和信息化局", "经济发展局"]
    ),
    dept!(
        &["教育厅"],
        &["教育局", "教育体育局"],
        &["教育局", "教育体育局"]
    ),
    dept!(&["财政厅"], &["财政局"], &["财政局"]),
    dept!(
        &["人力资源社会保障厅"],
        &["人力资源社会保障局", "人力资源和社会保障局"],
        &["人力资源和社会保障局", "人力社保局"]
    ),
    dept!(&["商务厅"], &["商务局"], &["商务局", "商务和投资促进局"]),
    dept!(
        &["市场监管局"],
        &["市场监管局", "市场监督管理局"],
        &["市场监督管理局"]
    ),
    dept!(
        &["数据局", "大数据局", "大数据发展管理局"],
        &["数据局", "大数据局", "数据资源局", "政务服务和数据管理局"],
        &["数据资源管理局", "大数据中心"]
    ),
    dept!(&["委网信办"], &["委网信办"], &["委网信办"]),
    dept!(
        &["卫生健康委"],
        &["卫生健康委", "卫生健康局"],
        &["卫生健康局"]
    ),
    dept!(&["交通运输厅"], &["交通运输局"], &["交通运输局"]),
    dept!(&["农业农村厅"], &["农业农村局"], &["农业农村局"]),
    dept!(
        &["委人才办", "委组织部"],
        &["委人才办", "委组织部"],
        &["委人才办", "委组织部"]
    ),
    dept!(
        &["地方金融管理局", "金融办"],
        &["金融工作局", "地方金融监管局"],
        &["金融服务中心", "金融工作局"]
    ),
    dept!(
        &["投资促进局"],
        &["投资促进局", "招商局"],
        &["投资促进局", "招商服务中心"]
    ),
    dept!(
        &["住房城乡建设厅"],
        &["住房城乡建设局"],
        &["住房和城乡建设局"]
    ),
    dept!(
        &["自然资源厅"],
        &["自然资源和规划局", "自然资源局"],
        &["自然资源局"]
    ),
    dept!(&["公安厅"], &["公安局"], &["公安分局"]),
    dept!(
        &["文化和旅游厅"],
        &["文化广电旅游局", "文化和旅游局"],
        &["文化旅游体育局"]
    ),
    dept!(
        &["知识产权局"],
        &["知识产权局"],
        &["市场监督管理局知识产权科"]
    ),
    dept!(&["民政厅"], &["民政局"], &["民政局"]),
    dept!(&["国资委"], &["国资委"], &["国有资产服务中心"]),
    dept!(&["政府办公厅"], &["政府办公室"], &["政府办公室"]),
];

/// Bodies some tasks name beside the departments; the extractor knows a few (管委会, 各区县政府)
/// and not others, as in real plans.
pub fn extra_bodies(place: &Place) -> Vec<String> {
    match place.tier {
        Tier::Province | Tier::Municipality => vec![
            "各市人民政府".into(),
            "有关高校".into(),
            format!("{}通信管理局", place.short),
            "国网电力公司".into(),
            format!("{}高新区管委会", place.short),
        ],
        Tier::Prefecture => vec![
            "各县（市、区）人民政府".into(),
            format!("{}高新区管委会", place.short),
            "经开区管委会".into(),
            "市供电公司".into(),
            "有关高校".into(),
        ],
        Tier::County => vec![
            "各镇人民政府、街道办事处".into(),
            "产业园区管委会".into(),
            "区融媒体中心".into(),
            "有关企业".into(),
        ],
    }
}

/// One plan's departments: for each of [`DEPARTMENTS`], the name it uses.
pub fn department_names(place: &Place, rng: &mut Rng) -> Vec<String> {
    DEPARTMENTS
        .iter()
        .map(|names| {
            let list = match place.tier {
                Tier::Province => names.province,
                Tier::Municipality | Tier::Prefecture => names.city,
                Tier::County => names.county,
            };
            let name = *rng.pick(list);
            // 委网信办 / 委人才办 / 委组织部 are the Party committee's: 市委网信办.
            format!("{}{name}", place.level)
        })
        .collect()
}
