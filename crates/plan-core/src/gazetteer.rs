//! Cities the extractor recognises, with province and administrative level.
//!
//! A plan's city is the gazetteer entry named most often in its text: the documents talk about
//! themselves ("我市", "武汉市…"), and mention other places far less. The list covers the seeds'
//! cities and the other cities that publish AI plans most, so that a user's own document is placed too.

use serde::Serialize;

/// Administrative level of a city (行政级别).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum AdminLevel {
    /// 直辖市
    Municipality,
    /// 副省级城市
    SubProvincial,
    /// 地级市
    Prefecture,
}

impl AdminLevel {
    /// `(zh, en)` label.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            AdminLevel::Municipality => ("直辖市", "municipality"),
            AdminLevel::SubProvincial => ("副省级城市", "sub-provincial city"),
            AdminLevel::Prefecture => ("地级市", "prefecture-level city"),
        }
    }
}

/// One city of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct City {
    /// Short Chinese name as used in running text, e.g. `武汉`.
    pub zh: &'static str,
    pub en: &'static str,
    pub province_zh: &'static str,
    pub province_en: &'static str,
    pub level: AdminLevel,
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
    }
}

use AdminLevel::{Municipality, Prefecture, SubProvincial};

/// Every recognised city.
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

/// The city named most often in `text`, if any is named at all. Ties go to the earlier first mention.
pub fn dominant_city(text: &str) -> Option<&'static City> {
    static NAMES: std::sync::OnceLock<crate::text::KeywordSet> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        crate::text::KeywordSet::new(CITIES.iter().enumerate().map(|(i, c)| (c.zh, i)))
    });
    // (count, first mention) per city, in one pass over the text.
    let mut seen = vec![(0usize, usize::MAX); CITIES.len()];
    for (at, _, city) in names.find_all(text) {
        let entry = &mut seen[city];
        entry.0 += 1;
        entry.1 = entry.1.min(at);
    }
    seen.iter()
        .enumerate()
        .filter(|(_, (count, _))| *count > 0)
        .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
        .map(|(i, _)| &CITIES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_most_mentioned_city() {
        assert_eq!(
            dominant_city("武汉市…武汉…北京").map(|c| c.en),
            Some("Wuhan")
        );
        assert_eq!(dominant_city("没有城市"), None);
    }

    #[test]
    fn ties_go_to_first_mention() {
        assert_eq!(dominant_city("长沙和天津").map(|c| c.en), Some("Changsha"));
    }
}
