//! Which plans a view shows, and what choosing one more or one fewer means.
//!
//! The URL lists the chosen plans by id; an empty list means every plan. Choosing none would show
//! nothing, so it means every plan too.

use std::ops::Range;

use plan_model::Plan;

/// Indices of the plans `chosen` selects, in plan order (all when it names none).
pub fn selected(plans: &[Plan], chosen: &[String]) -> Vec<usize> {
    // A set: a URL may name hundreds of plans of a thousand.
    let chosen: std::collections::HashSet<&str> = chosen.iter().map(String::as_str).collect();
    (0..plans.len())
        .filter(|&i| chosen.is_empty() || chosen.contains(plans[i].id.as_str()))
        .collect()
}

/// The chosen list after toggling plan `id` in or out. Every plan chosen is written as the empty
/// list (the default); none chosen falls back to every plan.
pub fn toggled(plans: &[Plan], chosen: &[String], id: &str) -> Vec<String> {
    let mut next = spelled_out(plans, chosen);
    if let Some(at) = next.iter().position(|p| p == id) {
        next.remove(at);
    } else {
        next.push(id.to_string());
    }
    as_chosen(plans, next)
}

/// The plans `chosen` stands for, every one named (the empty list stands for all of them).
fn spelled_out(plans: &[Plan], chosen: &[String]) -> Vec<String> {
    if chosen.is_empty() {
        plans.iter().map(|p| p.id.clone()).collect()
    } else {
        chosen.to_vec()
    }
}

/// A list of plans as the URL writes a choice: every plan (or none, which would show nothing) as
/// the empty list.
fn as_chosen(plans: &[Plan], named: Vec<String>) -> Vec<String> {
    if named.is_empty() || named.len() == plans.len() {
        Vec::new()
    } else {
        named
    }
}

/// Indices of the plans `chosen` names, in plan order: none when it names none (a filter that is
/// not set).
pub fn selected_only(plans: &[Plan], chosen: &[String]) -> Vec<usize> {
    if chosen.is_empty() {
        Vec::new()
    } else {
        selected(plans, chosen)
    }
}

/// The chosen list after turning every plan of `group` on or off at once (a province in the
/// picker), normalised like [`toggled`].
pub fn set_group(plans: &[Plan], chosen: &[String], group: &[usize], on: bool) -> Vec<String> {
    let next = with_group(plans, &spelled_out(plans, chosen), group, on);
    as_chosen(plans, next)
}

/// The list `chosen`, taken literally, with the plans of `group` added or removed: what a filter's
/// boxes do, where naming no plan means no filter.
pub fn with_group(plans: &[Plan], chosen: &[String], group: &[usize], on: bool) -> Vec<String> {
    let mut next = chosen.to_vec();
    for &i in group {
        let id = &plans[i].id;
        let at = next.iter().position(|p| p == id);
        match (on, at) {
            (true, None) => next.push(id.clone()),
            (false, Some(at)) => {
                next.remove(at);
            }
            _ => {}
        }
    }
    next
}

/// The chosen list naming exactly the plans `only` (a search's matches), normalised like
/// [`toggled`].
pub fn only_these(plans: &[Plan], only: &[usize]) -> Vec<String> {
    as_chosen(plans, only.iter().map(|&i| plans[i].id.clone()).collect())
}

/// The plans of one province (or municipality), for a picker that groups a long library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceGroup {
    /// `湖北省`; empty for the plans whose place was not recognised.
    pub province_zh: &'static str,
    pub province_en: &'static str,
    /// Indices into the plans, in plan order.
    pub plans: Vec<usize>,
}

/// Groups the plans `shown` by province, in the order of the national division codes (北京, 天津,
/// 河北 …, as official lists run), the plans with no recognised place last.
pub fn by_province(plans: &[Plan], shown: &[usize]) -> Vec<ProvinceGroup> {
    let mut groups: Vec<(u32, ProvinceGroup)> = Vec::new();
    for &i in shown {
        let (zh, en, code) = plans[i].city.map_or(("", "", u32::MAX), |c| {
            // A code is 0 where the gazetteer has none; such provinces sort by name after coded ones.
            let code = if c.code == 0 {
                u32::MAX - 1
            } else {
                c.code / 10_000
            };
            (c.province_zh, c.province_en, code)
        });
        match groups.iter_mut().find(|(_, g)| g.province_zh == zh) {
            Some((order, group)) => {
                *order = (*order).min(code);
                group.plans.push(i);
            }
            None => groups.push((
                code,
                ProvinceGroup {
                    province_zh: zh,
                    province_en: en,
                    plans: vec![i],
                },
            )),
        }
    }
    plan_sort::sort_by(&mut groups, |(a, ga), (b, gb)| {
        a.cmp(b).then(ga.province_zh.cmp(gb.province_zh))
    });
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Whether a plan answers a picker's search: every space-separated term is found, ignoring ASCII
/// case, in its title, place (Chinese or English, with province and prefecture), id or file name.
pub fn plan_matches(plan: &Plan, query: &str) -> bool {
    let mut haystack = format!("{} {} {}", plan.title.text, plan.id, plan.source);
    if let Some(c) = plan.city {
        for part in [c.zh, c.en, c.province_zh, c.province_en]
            .into_iter()
            .chain(c.prefecture_zh)
            .chain(c.prefecture_en)
            .chain(c.county_zh)
        {
            haystack.push(' ');
            haystack.push_str(part);
        }
    }
    let haystack = haystack.to_lowercase();
    query
        .split_whitespace()
        .all(|term| haystack.contains(&term.to_lowercase()))
}

/// The slice of a long list drawn at once: `size` entries from `start`, clamped so that the last
/// window is full (when the list is long enough) and never runs past the end.
pub fn drawn_range(len: usize, start: usize, size: usize) -> Range<usize> {
    let start = start.min(len.saturating_sub(size));
    start..(start + size).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_plan;

    fn plans() -> Vec<Plan> {
        ["a.txt", "b.txt", "c.txt"]
            .iter()
            .map(|s| extract_plan(s, "一、目标\n到2025年,建成平台3个。"))
            .collect()
    }

    #[test]
    fn a_group_turns_on_and_off_together() {
        let plans = plans();
        // From "all", turning a group off keeps the rest.
        assert_eq!(
            set_group(&plans, &[], &[0, 1], false),
            vec!["c".to_string()]
        );
        // Turning on what is already on changes nothing; all on is written as the default.
        assert_eq!(
            set_group(&plans, &["c".into()], &[0, 1], true),
            Vec::<String>::new()
        );
        assert_eq!(
            set_group(&plans, &["a".into()], &[1], true),
            vec!["a".to_string(), "b".to_string()]
        );
        // Turning every plan off falls back to all rather than nothing.
        assert_eq!(
            set_group(&plans, &["a".into()], &[0], false),
            Vec::<String>::new()
        );
    }

    #[test]
    fn groups_follow_the_division_codes_and_unplaced_plans_come_last() {
        let texts = [
            (
                "x.txt",
                "天津市人工智能行动计划\n一、目标\n到2025年,建成平台3个。",
            ),
            ("y.txt", "一、目标\n到2025年,建成平台3个。"),
            (
                "z.txt",
                "北京市人工智能行动计划\n一、目标\n到2025年,建成平台3个。",
            ),
            (
                "w.txt",
                "北京市海淀区人工智能行动计划\n一、目标\n到2025年,建成平台3个。",
            ),
        ];
        let plans: Vec<Plan> = texts.iter().map(|(f, t)| extract_plan(f, t)).collect();
        let groups = by_province(&plans, &[0, 1, 2, 3]);
        let names: Vec<&str> = groups.iter().map(|g| g.province_zh).collect();
        assert_eq!(names, vec!["北京市", "天津市", ""]);
        assert_eq!(groups[0].plans, vec![2, 3]);
        assert_eq!(groups[2].plans, vec![1]);
        // Only the plans asked for are grouped.
        assert_eq!(by_province(&plans, &[1]).len(), 1);
    }

    #[test]
    fn search_finds_places_in_both_languages_and_every_term_must_match() {
        let plan = extract_plan(
            "wuhan.txt",
            "武汉市人工智能行动计划\n一、目标\n到2025年,建成平台3个。",
        );
        assert!(plan_matches(&plan, "武汉"));
        assert!(plan_matches(&plan, "hubei"));
        assert!(plan_matches(&plan, "WUHAN 行动"));
        assert!(plan_matches(&plan, "wuhan.txt"));
        assert!(!plan_matches(&plan, "武汉 天津"));
        assert!(plan_matches(&plan, "  "));
    }

    #[test]
    fn a_filter_takes_the_list_literally() {
        let plans = plans();
        assert_eq!(selected_only(&plans, &[]), Vec::<usize>::new());
        assert_eq!(selected_only(&plans, &["b".into()]), vec![1]);
        assert_eq!(with_group(&plans, &[], &[2], true), vec!["c".to_string()]);
        assert_eq!(
            with_group(&plans, &["c".into()], &[0, 1], true),
            vec!["c".to_string(), "a".to_string(), "b".to_string()]
        );
        assert_eq!(
            with_group(&plans, &["c".into()], &[2], false),
            Vec::<String>::new()
        );
    }

    #[test]
    fn only_the_matches_are_chosen() {
        let plans = plans();
        assert_eq!(only_these(&plans, &[2]), vec!["c".to_string()]);
        assert_eq!(only_these(&plans, &[0, 1, 2]), Vec::<String>::new());
        assert_eq!(only_these(&plans, &[]), Vec::<String>::new());
    }

    #[test]
    fn windows_stay_inside_the_list() {
        assert_eq!(drawn_range(100, 0, 8), 0..8);
        assert_eq!(drawn_range(100, 96, 8), 92..100);
        assert_eq!(drawn_range(5, 3, 8), 0..5);
        assert_eq!(drawn_range(0, 4, 8), 0..0);
    }

    #[test]
    fn empty_means_all() {
        let plans = plans();
        assert_eq!(selected(&plans, &[]), vec![0, 1, 2]);
        assert_eq!(selected(&plans, &["b".into()]), vec![1]);
    }

    #[test]
    fn toggling_from_all_removes_one_and_back_to_all_is_empty() {
        let plans = plans();
        let one_off = toggled(&plans, &[], "b");
        assert_eq!(one_off, vec!["a".to_string(), "c".to_string()]);
        assert_eq!(toggled(&plans, &one_off, "b"), Vec::<String>::new());
        // Unticking the last chosen plan shows every plan again rather than nothing.
        assert_eq!(toggled(&plans, &["a".into()], "a"), Vec::<String>::new());
    }
}
