//! Which plans a view shows, and what choosing one more or one fewer means.
//!
//! The URL lists the chosen plans by id; an empty list means every plan. Choosing none would show
//! nothing, so it means every plan too.

use plan_model::Plan;

/// Indices of the plans `chosen` selects, in plan order (all when it names none).
pub fn selected(plans: &[Plan], chosen: &[String]) -> Vec<usize> {
    (0..plans.len())
        .filter(|&i| chosen.is_empty() || chosen.iter().any(|id| *id == plans[i].id))
        .collect()
}

/// The chosen list after toggling plan `id` in or out. Every plan chosen is written as the empty
/// list (the default); none chosen falls back to every plan.
pub fn toggled(plans: &[Plan], chosen: &[String], id: &str) -> Vec<String> {
    let mut next: Vec<String> = if chosen.is_empty() {
        plans.iter().map(|p| p.id.clone()).collect()
    } else {
        chosen.to_vec()
    };
    if let Some(at) = next.iter().position(|p| p == id) {
        next.remove(at);
    } else {
        next.push(id.to_string());
    }
    if next.is_empty() || next.len() == plans.len() {
        Vec::new()
    } else {
        next
    }
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
