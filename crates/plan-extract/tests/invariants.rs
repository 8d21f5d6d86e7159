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
        if let Some(b) = &f.baseline {
            assert_eq!(at(b.quote.span), b.quote.text, "baseline of {}", f.id);
        }
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
/// The plan's stored form (`plan_model::stored`) reads back as the same plan.
fn assert_stored_form_reads_back(plan: &Plan) {
    let bytes = plan_model::stored::to_bytes(plan);
    let back = plan_model::stored::from_bytes(&bytes, plan.text.clone())
        .unwrap_or_else(|(e, _)| panic!("{}: stored form unreadable: {e}", plan.source));
    assert!(
        back == *plan,
        "{}: stored form reads back differently",
        plan.source
    );
}

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
        assert_stored_form_reads_back(&plan);
    }
}

/// The hand-labelled corpus in other styles reads back from its stored form too.
#[test]
fn corpus_plans_read_back_from_their_stored_form() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("tests/corpus") {
        let path = entry.expect("a corpus entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("a corpus text");
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert_stored_form_reads_back(&extract_plan(&name, &text));
            read += 1;
        }
    }
    assert!(read >= 10, "only {read} corpus texts");
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
        "对",
        "凡",
        "的企业",
        "给予",
        "由2023年的",
        "提高到",
        "比2020年",
        "须达到",
        "基金",
        "最高",
        "2025年目标值",
        "— 1 —",
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
        // Full-width digits and punctuation, Chinese numerals, the articles outline.
        "到\u{FF12}\u{FF10}\u{FF12}\u{FF15}年",
        "\u{FF11}\u{FF15}\u{FF05}",
        "\u{FF08}\u{FF11}\u{FF09}",
        "\u{FF11}\u{FF0E}",
        "\u{FF1A}",
        "\u{FF1B}",
        "二〇二四年三月十五日",
        "两千家",
        "一百亿元",
        "“十四五”期间",
        "第一章 ",
        "第二节",
        "第十条",
        "按职责分工负责",
        "牵头,",
        "由",
        "配合",
        "PFlops",
        "万平方米",
        "千万元",
        // PDF copies: breaks inside numbers, footers, running headers.
        "50\n0亿元",
        "(2\n024—2026年)",
        "\n— 3 —\n",
        "\n- 4 -\n",
        "\n第 5 页\n",
        "\n第5页 共12页\n",
        "\n页眉标题\n",
        "\r\n",
        // Control characters and other scripts.
        "\u{0}",
        "\u{7}",
        "\u{1b}[0m",
        "\u{200b}",
        "\u{feff}",
        "Привет",
        "مرحبا",
        "😀",
        "e\u{301}",
        "深圳市南山区人民政府办公室",
        "鼓楼区",
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

/// Paragraphs of plan text in the styles the corpus covers, repeated to at least `bytes`.
fn generated_plan(bytes: usize) -> String {
    let pages = [
        "武汉市人民政府办公厅\n武汉市加快人工智能创新发展行动计划\n(2\n024—2026年)\n\n",
        "一、发展目标\n到2026年，全市人工智能核心产业规模达到50\n0亿元，带动相关产业规模突破3000亿元；\n",
        "— 1 —\n武汉市加快人工智能创新发展行动计划\n",
        "（一）建设算力设施。到２０２５年新增智能算力１２０００PFlops，建成千卡级训练集群３个。（市发展改革委、市数据资源局按职责分工负责）\n",
        "第一章 总体要求\n第一节 发展思路\n第一条 发展目标。人工智能企业达到两千家，“十四五”期间累计投入一百亿元以上。\n",
        "(牵头单位:区科技局;责任单位:区财政局)\n责任单位：区教育局、区人社局\n",
        "由市经信局牵头，市发改局和各镇（街道）按职责分工抓好落实。\n",
        "- 2 -\n第3页 共9页\n",
        "1．智能制造场景。推动规模以上工业企业智能化改造，到2\n026年建设智能工厂120家。\n",
        "\u{0}\u{FEFF}😀 mixed Latin текст\n",
    ];
    let mut out = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(pages[i % pages.len()]);
        i += 1;
    }
    out.push_str("合肥市人民政府\n二〇二四年三月十五日\n");
    out
}

/// Extraction over a megabyte of plan text in every style finishes (no timing asserted) and keeps
/// its invariants.
#[test]
fn a_megabyte_of_plan_text_finishes() {
    let text = generated_plan(1 << 20);
    assert!(text.len() >= 1 << 20);
    let plan = extract_within_limit("huge.txt", &text);
    assert_verbatim(&plan);
    assert_stored_form_reads_back(&plan);
    assert!(!plan.items.is_empty());
    let plan = extract_within_limit("empty.txt", "");
    assert_verbatim(&plan);
    assert_stored_form_reads_back(&plan);
}

/// Regression for the users' report: years in full-width digits (`到２０２５年`) panicked.
#[test]
fn regression_fullwidth_years_do_not_panic() {
    let text = "合肥市人工智能产业提质扩量实施方案\n一、总体目标\n到２０２５年，人工智能企业达到２０００家。\n二、重点任务\n（一）到２０２４年底建成平台３０个。\n";
    let plan = extract_within_limit("fullwidth.txt", text);
    assert_verbatim(&plan);
    assert_stored_form_reads_back(&plan);
    assert_eq!(plan.figures.first().and_then(|f| f.year), Some(2025));
}

/// The normalised view's map is monotonic and lands on character boundaries of the original.
fn assert_map_is_sound(original: &str) {
    let normalized = plan_extract::normalize::normalize(original);
    let view = normalized.view(original);
    let mut last = 0;
    for at in 0..=view.len() {
        let start = normalized.start(at);
        assert!(start >= last, "map goes back at {at}");
        assert!(start <= original.len());
        if view.is_char_boundary(at) {
            assert!(
                original.is_char_boundary(start),
                "start {start} inside a character"
            );
            let end = normalized.end(at);
            assert!(
                original.is_char_boundary(end),
                "end {end} inside a character"
            );
            assert!(end >= last);
        }
        last = start;
    }
    // Every kept character is the original's.
    for (at, c) in view.char_indices() {
        let start = normalized.start(at);
        assert_eq!(original[start..].chars().next(), Some(c));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn normalised_map_is_monotonic_on_char_boundaries(text in structural_text()) {
        assert_map_is_sound(&text);
    }

    #[test]
    fn generated_plans_of_any_size_keep_invariants(bytes in 0usize..20_000) {
        let text = generated_plan(bytes);
        assert_map_is_sound(&text);
        let plan = extract_within_limit("generated.txt", &text);
        assert_verbatim(&plan);
        assert_stored_form_reads_back(&plan);
    }

    #[test]
    fn arbitrary_text_never_breaks_extraction(text in structural_text()) {
        let plan = extract_within_limit("random.txt", &text);
        assert_verbatim(&plan);
        assert_stored_form_reads_back(&plan);
    }

    #[test]
    fn any_string_at_all(text in any::<String>()) {
        let plan = extract_within_limit("any.txt", &text);
        assert_verbatim(&plan);
        assert_stored_form_reads_back(&plan);
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
        assert_stored_form_reads_back(&plan);
    }
}
