//! Similar tasks across plans: which tasks and measures of other plans say much the same thing.
//!
//! Every task and support measure ([`ItemKind::Task`], [`ItemKind::Measure`]) of every plan is a
//! document. Chinese has no spaces to split words on, so a document's terms are its **character
//! bigrams** (人工, 工智, 智能 …): runs of letters (Chinese characters, Latin letters lower-cased)
//! cut at punctuation, digits and whitespace, each run giving its overlapping pairs. A bigram
//! catches most two-character words and, pair by pair, longer ones (智能网联汽车), without a
//! dictionary. Single characters are not terms: most are shared by unrelated tasks (能, 发, 建),
//! and a word's characters are already in its bigrams.
//!
//! Weights are TF-IDF: `(1 + ln tf) · ln((n + 1) / (df + 1))` over the `n` documents of the plan
//! set, so a bigram every task uses (推进, 加快, 建设, 人工智能's 人工/工智/智能) weighs nearly nothing
//! and a rare one (车联, 网联) a lot; vectors are normalised to length 1 and compared by cosine.
//! The names of the departments in charge, with the bracket around them (`(牵头单位:市科技局)`),
//! are left out first: they are the same in many tasks and say nothing of what a task is.
//!
//! The index is built once per plan set (vectors as sorted `(term, weight)` lists, and the
//! postings of each term); a query is one pass over the postings of its terms.

use std::collections::HashMap;
use std::ops::Range;

use plan_model::{Item, ItemKind, Plan};

/// A similar item in another plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// Index of the plan in the list the index was built from.
    pub plan: usize,
    /// Index of the item in that plan.
    pub item: usize,
    /// Cosine similarity, 0 (nothing in common) to 1 (the same words).
    pub score: f64,
}

/// Items that are documents of the index: tasks and support measures.
pub fn is_compared(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Task | ItemKind::Measure)
}

/// The TF-IDF vectors of every task and measure of a plan set. Build once per plan set.
#[derive(Debug, Clone, Default)]
pub struct SimilarityIndex {
    /// Per plan, per item: the item's document, if it is one (a task or measure with some content).
    doc_of: Vec<Vec<Option<u32>>>,
    /// Per document: its plan and item.
    docs: Vec<(usize, usize)>,
    /// Per plan: its documents (they are numbered plan by plan).
    plan_docs: Vec<Range<usize>>,
    /// Per document: `(term, weight)` sorted by term, of length 1.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Per term: `(document, weight)` for every document that has it.
    postings: Vec<Vec<(u32, f32)>>,
}

/// A term: two characters packed into one number.
fn bigram(a: char, b: char) -> u64 {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

/// The byte ranges (relative to the item) of the department clauses: each department name, and
/// the bracket it stands in when there is one (`(牵头单位:市科技局;责任单位:市财政局)`).
fn department_ranges(item: &Item) -> Vec<Range<usize>> {
    let quote = item.quote.as_str();
    let mut out: Vec<Range<usize>> = Vec::new();
    for dept in &item.departments {
        let (Some(start), Some(end)) = (
            dept.span.start.checked_sub(item.span.start),
            dept.span.end.checked_sub(item.span.start),
        ) else {
            continue;
        };
        if end > quote.len() || !quote.is_char_boundary(start) || !quote.is_char_boundary(end) {
            continue;
        }
        // The nearest opening bracket before the name with no closing one between, and the
        // nearest closing one after it with no opening one between.
        let open = quote[..start]
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '(' | '（' | ')' | '）' | '。'))
            .filter(|(_, c)| matches!(c, '(' | '（'))
            .map(|(i, _)| i);
        let close = quote[end..]
            .char_indices()
            .find(|(_, c)| matches!(c, '(' | '（' | ')' | '）' | '。'))
            .filter(|(_, c)| matches!(c, ')' | '）'))
            .map(|(i, c)| end + i + c.len_utf8());
        out.push(match (open, close) {
            (Some(open), Some(close)) => open..close,
            _ => start..end,
        });
    }
    out
}

/// The bigrams of an item's words, department clauses left out.
fn terms_of(item: &Item, mut term: impl FnMut(u64)) {
    let skip = department_ranges(item);
    let mut previous: Option<char> = None;
    for (at, c) in item.quote.char_indices() {
        let c = if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else {
            c
        };
        if !c.is_alphabetic() || skip.iter().any(|r| r.contains(&at)) {
            previous = None;
            continue;
        }
        if let Some(p) = previous {
            term(bigram(p, c));
        }
        previous = Some(c);
    }
}

/// The dot product of two vectors sorted by term.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

impl SimilarityIndex {
    /// Indexes the tasks and measures of `plans`.
    pub fn new(plans: &[Plan]) -> SimilarityIndex {
        let mut interner: HashMap<u64, u32> = HashMap::new();
        // Per document: term counts, sorted by term.
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut owners: Vec<(usize, usize)> = Vec::new();
        let mut scratch: Vec<u32> = Vec::new();
        for (p, plan) in plans.iter().enumerate() {
            for (i, item) in plan
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| is_compared(i))
            {
                scratch.clear();
                terms_of(item, |t| {
                    let next = interner.len() as u32;
                    scratch.push(*interner.entry(t).or_insert(next));
                });
                // Hot (once per item of every plan, 1,000 plans included): the standard sort, whose
                // one instantiation for `u32` costs less than a positions vector per item.
                scratch.sort_unstable();
                let mut doc: Vec<(u32, u32)> = Vec::new();
                for &t in &scratch {
                    match doc.last_mut() {
                        Some((last, n)) if *last == t => *n += 1,
                        _ => doc.push((t, 1)),
                    }
                }
                counts.push(doc);
                owners.push((p, i));
            }
        }
        let mut df = vec![0u32; interner.len()];
        for doc in &counts {
            for (t, _) in doc {
                df[*t as usize] += 1;
            }
        }
        let n = counts.len() as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| ((n + 1.0) / (f64::from(d) + 1.0)).ln())
            .collect();

        let mut index = SimilarityIndex {
            doc_of: plans.iter().map(|p| vec![None; p.items.len()]).collect(),
            postings: vec![Vec::new(); interner.len()],
            ..SimilarityIndex::default()
        };
        for (doc, (plan, item)) in counts.into_iter().zip(owners) {
            let vector: Vec<(u32, f64)> = doc
                .into_iter()
                .map(|(t, tf)| (t, (1.0 + f64::from(tf).ln()) * idf[t as usize]))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            // An item without a distinctive word has nothing to compare.
            if norm == 0.0 {
                continue;
            }
            let d = index.docs.len() as u32;
            let vector: Vec<(u32, f32)> = vector
                .into_iter()
                .map(|(t, w)| (t, (w / norm) as f32))
                .collect();
            for &(t, w) in &vector {
                index.postings[t as usize].push((d, w));
            }
            index.doc_of[plan][item] = Some(d);
            index.docs.push((plan, item));
            index.vectors.push(vector);
        }
        index.plan_docs = (0..plans.len())
            .map(|p| {
                let start = index.docs.partition_point(|(q, _)| *q < p);
                let end = index.docs.partition_point(|(q, _)| *q <= p);
                start..end
            })
            .collect();
        index
    }

    /// How many documents (tasks and measures with content) the index holds.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Whether item `item` of plan `plan` is a document of the index.
    pub fn contains(&self, plan: usize, item: usize) -> bool {
        self.doc(plan, item).is_some()
    }

    fn doc(&self, plan: usize, item: usize) -> Option<usize> {
        self.doc_of
            .get(plan)
            .and_then(|items| items.get(item).copied().flatten())
            .map(|d| d as usize)
    }

    /// The cosine of document `d` with every document.
    fn scores(&self, d: usize) -> Vec<f64> {
        let mut scores = vec![0.0f64; self.docs.len()];
        for &(t, w) in &self.vectors[d] {
            for &(other, v) in &self.postings[t as usize] {
                scores[other as usize] += f64::from(w) * f64::from(v);
            }
        }
        // Rounding may leave the length-1 vectors' cosines a hair above 1.
        for s in &mut scores {
            *s = s.clamp(0.0, 1.0);
        }
        scores
    }

    /// The cosine similarity of two items, 0 when either is not a document of the index.
    pub fn score(&self, a: (usize, usize), b: (usize, usize)) -> f64 {
        match (self.doc(a.0, a.1), self.doc(b.0, b.1)) {
            (Some(a), Some(b)) => dot(&self.vectors[a], &self.vectors[b]).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }

    /// The items of **other** plans most similar to item `item` of plan `plan`: in each other plan
    /// the best `per_plan` scoring at least `min_score`, all of them sorted by score (best first;
    /// ties by plan, then item). Empty when the item is not a task or measure with content.
    pub fn similar(&self, plan: usize, item: usize, per_plan: usize, min_score: f64) -> Vec<Match> {
        let Some(d) = self.doc(plan, item) else {
            return Vec::new();
        };
        let scores = self.scores(d);
        let mut out: Vec<Match> = Vec::new();
        for (other, docs) in self.plan_docs.iter().enumerate() {
            if other == plan {
                continue;
            }
            let mut best: Vec<Match> = docs
                .clone()
                .filter(|&e| scores[e] > 0.0 && scores[e] >= min_score)
                .map(|e| Match {
                    plan: self.docs[e].0,
                    item: self.docs[e].1,
                    score: scores[e],
                })
                .collect();
            plan_sort::sort_by(&mut best, by_score);
            best.truncate(per_plan);
            out.extend(best);
        }
        plan_sort::sort_by(&mut out, by_score);
        out
    }

    /// The plan × plan similarity of the plans `selected` (indices into the plan list), in that
    /// order: a square, symmetric matrix of values from 0 to 1.
    ///
    /// For plans A and B, each task or measure of A is given the score of its best match in B; the
    /// mean of those over A's tasks says how much of A is found in B. The value is the average of
    /// that mean and B's in A, so it is symmetric. A plan against itself is 1 (each task's best
    /// match is itself). A plan without tasks or measures to compare has 0 in its row and column,
    /// its diagonal included: there is nothing to say.
    pub fn plan_matrix(&self, selected: &[usize]) -> Vec<Vec<f64>> {
        let has_docs = |p: usize| self.plan_docs.get(p).is_some_and(|r| !r.is_empty());
        // directed[a][b]: the mean over A's documents of the best score in B.
        let directed: Vec<Vec<f64>> = selected
            .iter()
            .map(|&a| {
                let Some(docs) = self.plan_docs.get(a).filter(|r| !r.is_empty()) else {
                    return vec![0.0; selected.len()];
                };
                let mut sums = vec![0.0f64; selected.len()];
                for d in docs.clone() {
                    let scores = self.scores(d);
                    for (j, &b) in selected.iter().enumerate() {
                        if let Some(range) = self.plan_docs.get(b) {
                            sums[j] += range.clone().map(|e| scores[e]).fold(0.0, f64::max);
                        }
                    }
                }
                sums.iter().map(|s| s / docs.len() as f64).collect()
            })
            .collect();
        selected
            .iter()
            .enumerate()
            .map(|(i, &a)| {
                selected
                    .iter()
                    .enumerate()
                    .map(|(j, &b)| {
                        if !has_docs(a) || !has_docs(b) {
                            0.0
                        } else if a == b {
                            1.0
                        } else {
                            (directed[i][j] + directed[j][i]) / 2.0
                        }
                    })
                    .collect()
            })
            .collect()
    }
}

/// Best score first; ties by plan, then item, so the order is deterministic.
fn by_score(a: &Match, b: &Match) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then(a.plan.cmp(&b.plan))
        .then(a.item.cmp(&b.item))
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_plan;

    fn seeds() -> Vec<Plan> {
        plan_extract::extract_seeds()
    }

    /// The first task or measure of `plan` whose text contains `words`.
    fn find(plans: &[Plan], plan: &str, words: &str) -> (usize, usize) {
        let p = plans.iter().position(|p| p.id == plan).expect("seed");
        let i = plans[p]
            .items
            .iter()
            .position(|i| is_compared(i) && i.quote.contains(words))
            .unwrap_or_else(|| panic!("no task with {words} in {plan}"));
        (p, i)
    }

    #[test]
    fn connected_vehicles_find_their_counterparts_in_other_plans() {
        let plans = seeds();
        let index = SimilarityIndex::new(&plans);
        let (p, i) = find(&plans, "001_7750412351cae417", "实施智能网联汽车");
        let matches = index.similar(p, i, 1, 0.0);
        for m in &matches {
            println!(
                "{:.3} {} {}",
                m.score,
                plans[m.plan].id,
                plans[m.plan].items[m.item]
                    .quote
                    .chars()
                    .take(50)
                    .collect::<String>()
            );
        }
        assert!(matches.iter().all(|m| m.plan != p), "other plans only");
        assert!(
            matches.windows(2).all(|w| w[0].score >= w[1].score),
            "best first"
        );
        // The best match in each other plan; those about connected vehicles.
        let on_topic: Vec<usize> = matches
            .iter()
            .filter(|m| {
                let quote = &plans[m.plan].items[m.item].quote;
                quote.contains("智能网联汽车") || quote.contains("车联网")
            })
            .map(|m| m.plan)
            .collect();
        assert!(
            on_topic.len() >= 2,
            "best matches about connected vehicles in {on_topic:?}"
        );
        // And they lead the list.
        assert!(on_topic.contains(&matches[0].plan));
    }

    #[test]
    fn per_plan_and_min_score_bound_the_matches() {
        let plans = seeds();
        let index = SimilarityIndex::new(&plans);
        let (p, i) = find(&plans, "001_7750412351cae417", "实施智能网联汽车");
        let three = index.similar(p, i, 3, 0.0);
        for other in 0..plans.len() {
            assert!(three.iter().filter(|m| m.plan == other).count() <= 3);
        }
        assert!(three.len() > index.similar(p, i, 1, 0.0).len());
        let strict = index.similar(p, i, 3, 0.2);
        assert!(strict.iter().all(|m| m.score >= 0.2));
        assert!(strict.len() < three.len());
        assert!(index.similar(p, i, 3, 1.01).is_empty());
        // Not a task: nothing to compare.
        let goal = plans[p]
            .items
            .iter()
            .position(|i| i.kind == ItemKind::Goal)
            .expect("a goal");
        assert!(!index.contains(p, goal));
        assert!(index.similar(p, goal, 3, 0.0).is_empty());
        assert!(index.similar(99, 0, 3, 0.0).is_empty());
    }

    #[test]
    fn identical_text_scores_one_and_unrelated_text_scores_low() {
        let task = "1.发展智能网联汽车。建设车联网先导区,推进自动驾驶道路测试。";
        let plans = vec![
            extract_plan(
                "a.txt",
                &format!("一、重点任务\n{task}(牵头单位:市工信局)\n2.建设智慧医院。推广远程诊疗和医学影像辅助诊断。\n"),
            ),
            extract_plan(
                "b.txt",
                &format!("一、重点任务\n{task}(牵头单位:市交通运输局;责任单位:市公安局)\n2.发展智慧农业。推广农机自动导航和精准灌溉。\n"),
            ),
            extract_plan(
                "c.txt",
                "一、重点任务\n1.加强人才培养。支持高校开设相关专业,引进高端人才团队。\n",
            ),
        ];
        let index = SimilarityIndex::new(&plans);
        // The same words, whatever departments lead: 1.
        let same = index.score((0, 0), (1, 0));
        assert!((same - 1.0).abs() < 1e-6, "{same}");
        let best = index.similar(0, 0, 1, 0.0);
        assert_eq!(best[0].plan, 1);
        assert_eq!(best[0].item, 0);
        // Cars against hospitals, farms and talent.
        for other in [(0, 1), (1, 1), (2, 0)] {
            let s = index.score((0, 0), other);
            assert!(s < 0.1, "{other:?}: {s}");
        }
        // Symmetric.
        assert_eq!(index.score((0, 1), (2, 0)), index.score((2, 0), (0, 1)));
    }

    #[test]
    fn department_clauses_are_left_out() {
        let item = |quote: &str| {
            let plan = extract_plan("x.txt", &format!("一、重点任务\n{quote}\n"));
            let mut terms = Vec::new();
            terms_of(&plan.items[0], |t| terms.push(t));
            terms
        };
        let plain = item("1.建设算力平台。");
        assert_eq!(plain.len(), 5, "建设 设算 算力 力平 平台");
        assert_eq!(
            item("1.建设算力平台。(牵头单位:市科技局;责任单位:市财政局)"),
            plain
        );
        assert_eq!(item("1.建设算力平台。(市科技局牵头,市财政局配合)"), plain);
        // Latin letters count, lower-cased; digits and punctuation cut.
        assert_eq!(item("1.建设5G网络。").len(), 3, "建设 5|g (cut) g网 网络");
    }

    #[test]
    fn the_plan_matrix_is_symmetric_with_one_on_the_diagonal() {
        let plans = seeds();
        let index = SimilarityIndex::new(&plans);
        let all: Vec<usize> = (0..plans.len()).collect();
        let m = index.plan_matrix(&all);
        assert_eq!(m.len(), plans.len());
        for (a, row) in m.iter().enumerate() {
            assert_eq!(row.len(), plans.len());
            assert_eq!(row[a], 1.0, "diagonal of {}", plans[a].id);
            for (b, v) in row.iter().enumerate() {
                assert_eq!(*v, m[b][a], "symmetric");
                assert!((0.0..=1.0).contains(v));
                if a != b {
                    assert!(*v > 0.0 && *v < 1.0, "{a}×{b}: {v}");
                }
            }
            println!(
                "{} {:?}",
                plans[a].id,
                row.iter().map(|v| format!("{v:.2}")).collect::<Vec<_>>()
            );
        }
        // A subset in another order is the same numbers.
        let sub = index.plan_matrix(&[3, 1]);
        assert_eq!(sub[0][1], m[3][1]);
        assert_eq!(sub[1][0], m[1][3]);
        // A plan without tasks has nothing to compare.
        let none = SimilarityIndex::new(&[extract_plan(
            "g.txt",
            "一、发展目标\n到2025年,产业规模达100亿元。\n",
        )]);
        assert_eq!(none.plan_matrix(&[0]), vec![vec![0.0]]);
        assert!(none.is_empty());
    }

    #[test]
    fn building_the_index_over_the_seeds_is_fast() {
        let plans = seeds();
        let runs = 20;
        let start = std::time::Instant::now();
        let mut docs = 0;
        for _ in 0..runs {
            docs = SimilarityIndex::new(&plans).len();
        }
        let build = start.elapsed() / runs;
        let index = SimilarityIndex::new(&plans);
        let all: Vec<usize> = (0..plans.len()).collect();
        let start = std::time::Instant::now();
        let _ = index.plan_matrix(&all);
        let matrix = start.elapsed();
        let (p, i) = index.docs[0];
        let start = std::time::Instant::now();
        let _ = index.similar(p, i, 3, 0.0);
        let query = start.elapsed();
        println!(
            "similarity index over the seeds: {docs} documents, {} terms; build {build:?} (mean of {runs}), plan matrix {matrix:?}, one query {query:?}",
            index.postings.len()
        );
        assert!(docs > 50, "{docs} tasks and measures");
    }
}
