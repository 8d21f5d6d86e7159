//! Invariants of extraction, on the seeds and on arbitrary and mutated text:
//! every quote is verbatim (`source[span] == quote`), extraction never panics and always ends,
//! and the same input gives the same output.
#![cfg(not(target_arch = "wasm32"))]

use plan_extract::extract_plan;
use plan_extract::seeds::SEEDS;
use plan_model::Plan;
use proptest::prelude::*;
use std::sync::mpsc;
use std::time::Duration;

/// Every span of `plan` lies on character boundaries of its text and every quote matches its span.
fn assert_verbatim(plan: &Plan) {
    let text = plan.text.as_str();
    let at = |span: plan_model::Span| {
        assert!(
            span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "bad span {span:?}"
        );
        &text[span.range()]
    };
    for item in &plan.items {
        assert_eq!(at(item.span), item.quote, "item {}", item.id);
        assert!(!item.quote.trim().is_empty(), "empty item {}", item.id);
        for d in &item.departments {
            assert_eq!(at(d.span), d.raw);
            assert!(item.span.contains(d.span));
        }
        for &f in &item.figures {
            assert_eq!(
                plan.figures[f].item,
                plan.items.iter().position(|i| i.id == item.id).unwrap()
            );
        }
    }
    for f in &plan.figures {
        assert_eq!(at(f.span), f.quote, "figure {}", f.id);
        assert_eq!(at(f.raw_span), f.raw, "figure {}", f.id);
        assert!(
            f.span.contains(f.raw_span),
            "figure {} outside its sentence",
            f.id
        );
        assert!(
            plan.items[f.item].span.contains(f.span),
            "figure {} outside its item",
            f.id
        );
        let (low, high) = f.normalized_range();
        assert!(
            low.is_finite() && high.is_finite() && low <= high,
            "figure {} range {low}..{high}",
            f.id
        );
    }
    for h in &plan.outline {
        assert!(at(h.span).starts_with(&h.marker));
        assert!(at(h.span).ends_with(&h.title));
        if let Some(p) = h.parent {
            assert!(plan.outline[p].level < h.level);
        }
    }
    for c in &plan.cites {
        at(c.span);
    }
    for q in [&plan.doc_number, &plan.issuer].into_iter().flatten() {
        assert_eq!(at(q.span), q.text);
    }
    if let Some(span) = plan.title.span {
        assert_eq!(at(span), plan.title.text);
    }
    for d in &plan.diagnostics {
        if let Some(span) = d.span {
            at(span);
        }
    }
}

/// Extracts on a worker thread: a loop shows up as a failure instead of a hung test run.
fn extract_within_limit(source: &str, text: &str) -> Plan {
    let (tx, rx) = mpsc::channel();
    let (source, text) = (source.to_string(), text.to_string());
    std::thread::spawn(move || {
        let _ = tx.send(extract_plan(&source, &text));
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("extraction did not finish: it loops or panicked")
}

#[test]
fn seeds_are_quoted_verbatim() {
    for seed in SEEDS {
        let plan = extract_plan(seed.source, seed.text);
        assert_eq!(plan.source, seed.source);
        assert!(!plan.items.is_empty(), "{} has no items", seed.source);
        assert_verbatim(&plan);
    }
}

#[test]
fn extraction_is_deterministic() {
    for seed in SEEDS {
        let a = extract_plan(seed.source, seed.text);
        let b = extract_plan(seed.source, seed.text);
        assert_eq!(a, b, "{}", seed.source);
        let mut ids: Vec<&str> = a
            .items
            .iter()
            .map(|i| i.id.as_str())
            .chain(a.figures.iter().map(|f| f.id.as_str()))
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "duplicate ids in {}", seed.source);
    }
}

/// Characters that matter to the extractor, so that random text exercises its branches.
fn structural_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一、",
        "(一)",
        "(二)",
        "\u{FF08}三\u{FF09}",
        "1.",
        "2、",
        "11.",
        "(1)",
        "。",
        ",",
        ";",
        ":",
        "\n",
        " ",
        "\u{3000}",
        "到2025年",
        "2018年10月22日",
        "400",
        "3-5",
        "1~2",
        "个",
        "家",
        "亿元",
        "万元",
        "亿",
        "万人以上",
        "以上",
        "%",
        "(牵头单位:",
        "责任单位:",
        "市科技局",
        "、",
        ")",
        "《",
        "》",
        "〔2018〕",
        "号",
        "有效期至",
        "请于",
        "征求意见稿",
        "行动计划",
        "目标",
        "任务",
        "保障措施",
        "智能制造",
        "每年",
        "年均增长",
        "达到",
        "超过",
        "声明:",
        "武汉",
        "0",
        "9",
        "\u{FF10}",
        ".",
        "—",
        "年",
        "月",
        "日",
    ]);
    prop::collection::vec(
        prop_oneof![
            pieces.prop_map(str::to_string),
            any::<char>().prop_map(|c| c.to_string())
        ],
        0..200,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_breaks_extraction(text in structural_text()) {
        let plan = extract_within_limit("random.txt", &text);
        assert_verbatim(&plan);
    }

    #[test]
    fn any_string_at_all(text in any::<String>()) {
        let plan = extract_within_limit("any.txt", &text);
        assert_verbatim(&plan);
    }

    #[test]
    fn mutated_seeds_never_break_extraction(
        seed in 0..SEEDS.len(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), structural_text()), 1..6),
    ) {
        let mut chars: Vec<char> = SEEDS[seed].text.chars().collect();
        for (at, len, insert) in cuts {
            let start = at.index(chars.len().max(1)).min(chars.len());
            let end = (start + len.index(40)).min(chars.len());
            chars.splice(start..end, insert.chars());
        }
        let text: String = chars.into_iter().collect();
        let plan = extract_within_limit(SEEDS[seed].source, &text);
        assert_verbatim(&plan);
    }
}
