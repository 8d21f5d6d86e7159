//! Placing a plan: the gazetteer entry (`plan_model::places`) its text names most often. The
//! documents talk about themselves ("我市", "武汉市…") and mention other places far less.

use plan_model::places::{City, CITIES};

use crate::text::KeywordSet;

/// The city named most often in `text`, if any is named at all. Ties go to the earlier first mention.
pub fn dominant_city(text: &str) -> Option<&'static City> {
    static NAMES: std::sync::OnceLock<KeywordSet> = std::sync::OnceLock::new();
    let names =
        NAMES.get_or_init(|| KeywordSet::new(CITIES.iter().enumerate().map(|(i, c)| (c.zh, i))));
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
