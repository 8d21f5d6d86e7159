//! Places: cities with province and administrative level.

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
    pub const ALL: [AdminLevel; 3] = [
        AdminLevel::Municipality,
        AdminLevel::SubProvincial,
        AdminLevel::Prefecture,
    ];
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
