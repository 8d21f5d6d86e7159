//! What the Overview says of each plan: its counts and the sectors it covers.

use plan_model::vocab::SECTORS;
use plan_model::{ItemKind, Plan};

/// The counts on a plan's card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCounts {
    pub figures: usize,
    pub goals: usize,
    /// Tasks and support measures together: what the plan says it will do.
    pub tasks_and_measures: usize,
    pub items: usize,
    /// Keys of the sectors at least one item concerns, in vocabulary order.
    pub sectors: Vec<&'static str>,
}

pub fn plan_counts(plan: &Plan) -> PlanCounts {
    let count = |kinds: &[ItemKind]| {
        plan.items
            .iter()
            .filter(|i| kinds.contains(&i.kind))
            .count()
    };
    PlanCounts {
        figures: plan.figures.len(),
        goals: count(&[ItemKind::Goal]),
        tasks_and_measures: count(&[ItemKind::Task, ItemKind::Measure]),
        items: plan.items.len(),
        sectors: SECTORS
            .iter()
            .map(|s| s.key)
            .filter(|k| plan.items.iter().any(|i| i.sectors.contains(k)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_plan;

    #[test]
    fn counts_goals_tasks_and_sectors() {
        let plan = extract_plan(
            "x.txt",
            "一、发展目标\n到2025年,培育人工智能企业100家。\n二、重点任务\n1.发展智能制造。推广工业机器人。\n三、保障措施\n1.加强人才培养。",
        );
        let counts = plan_counts(&plan);
        assert_eq!(counts.goals, 1);
        assert_eq!(counts.tasks_and_measures, 2);
        assert_eq!(counts.items, plan.items.len());
        assert_eq!(counts.figures, plan.figures.len());
        assert!(counts.sectors.contains(&"manufacturing"));
    }
}
