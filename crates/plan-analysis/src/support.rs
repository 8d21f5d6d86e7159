//! Support measures: what the government puts in (grants, subsidy caps, funds, budgets, awards)
//! and who is eligible, gathered per sentence from funding and threshold figures, apart from goals.

use plan_model::{FigureKind, Plan, Span};

/// The form a support measure takes, from the words of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SupportForm {
    /// An investment fund (基金).
    Fund,
    /// A ceiling on support (最高, 不超过, 上限).
    Cap,
    /// A reward or prize (奖励).
    Reward,
    /// A subsidy (补贴, 补助, 贴息).
    Subsidy,
    /// A grant to each recipient (给予, 资助).
    Grant,
    /// A budget line (专项资金, 财政资金).
    Budget,
    /// Support of another form.
    Other,
}

impl SupportForm {
    pub const ALL: [SupportForm; 7] = [
        SupportForm::Fund,
        SupportForm::Cap,
        SupportForm::Reward,
        SupportForm::Subsidy,
        SupportForm::Grant,
        SupportForm::Budget,
        SupportForm::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SupportForm::Fund => "fund",
            SupportForm::Cap => "cap",
            SupportForm::Reward => "reward",
            SupportForm::Subsidy => "subsidy",
            SupportForm::Grant => "grant",
            SupportForm::Budget => "budget",
            SupportForm::Other => "other",
        }
    }
}

/// Words that decide the form, strongest first.
const FORM_WORDS: &[(&str, SupportForm)] = &[
    ("基金", SupportForm::Fund),
    ("最高", SupportForm::Cap),
    ("不超过", SupportForm::Cap),
    ("上限", SupportForm::Cap),
    ("专项资金", SupportForm::Budget),
    ("财政资金", SupportForm::Budget),
    ("奖励", SupportForm::Reward),
    ("补贴", SupportForm::Subsidy),
    ("补助", SupportForm::Subsidy),
    ("贴息", SupportForm::Subsidy),
    ("给予", SupportForm::Grant),
    ("资助", SupportForm::Grant),
];

/// One support measure: a sentence with money, awards or an eligibility rule.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportMeasure {
    pub plan: usize,
    pub item: usize,
    pub form: SupportForm,
    /// Funding figures: amounts and numbers of awards (indices into the plan's figures).
    pub amounts: Vec<usize>,
    /// Threshold figures: the conditions of eligibility.
    pub conditions: Vec<usize>,
    /// Who is eligible, in the source's words (对…的企业, 每个平台), when stated.
    pub eligible: Option<String>,
    /// The 。-sentence, verbatim, and where it stands.
    pub quote: String,
    pub span: Span,
}

/// The 。-sentence of an item around byte `at` of the plan text.
fn full_sentence(plan: &Plan, item: usize, at: usize) -> Span {
    let item = plan.items[item].span;
    let text = &plan.text;
    // Read at most this far each way: text without 。 is not one sentence (and reading it whole
    // for every figure would be quadratic).
    const REACH: usize = 600;
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = boundary(item.start.max(at.saturating_sub(REACH)));
    let to = boundary(item.end.min(at + REACH));
    let start = text[from..at]
        .rfind('。')
        .map_or(from, |i| from + i + '。'.len_utf8());
    let end = text[at..to]
        .find('。')
        .map_or(to, |i| at + i + '。'.len_utf8());
    Span::new(start, end)
}

/// Who a grant is for, when the sentence says `每个平台` / `每家企业` / `单个项目`: the words
/// from there to the support or amount that follows.
fn recipient(sentence: &str) -> Option<String> {
    const ENDS: &[&str] = &[
        "给予",
        "最高",
        "奖励",
        "补助",
        "补贴",
        "资助",
        "按",
        "可",
        "不超过",
    ];
    ["每个", "每家", "每项", "单个", "单家", "每所", "每名"]
        .iter()
        .find_map(|w| {
            let at = sentence.find(w)?;
            let rest = &sentence[at..];
            let end = rest
                .char_indices()
                .skip(w.chars().count())
                .find(|&(i, c)| !c.is_alphabetic() || ENDS.iter().any(|e| rest[i..].starts_with(e)))
                .map_or(rest.len(), |(i, _)| i);
            (end > w.len()).then(|| rest[..end].to_string())
        })
}

/// The support measures of the plans at `selected`, in plan and text order.
pub fn support_measures(plans: &[Plan], selected: &[usize]) -> Vec<SupportMeasure> {
    let mut out: Vec<SupportMeasure> = Vec::new();
    for &p in selected {
        let plan = &plans[p];
        for (i, f) in plan.figures.iter().enumerate() {
            if !matches!(f.kind, FigureKind::Funding | FigureKind::Threshold) {
                continue;
            }
            let span = full_sentence(plan, f.item, f.raw_span.start);
            let measure = match out
                .iter_mut()
                .rev()
                .take_while(|m| m.plan == p)
                .find(|m| m.span == span)
            {
                Some(m) => m,
                None => {
                    let quote = span.slice(&plan.text).to_string();
                    let form = FORM_WORDS
                        .iter()
                        .find(|(w, _)| quote.contains(w))
                        .map_or(SupportForm::Other, |(_, k)| *k);
                    out.push(SupportMeasure {
                        plan: p,
                        item: f.item,
                        form,
                        amounts: Vec::new(),
                        conditions: Vec::new(),
                        eligible: recipient(&quote),
                        quote,
                        span,
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            if f.kind == FigureKind::Threshold {
                measure.conditions.push(i);
                // A condition's words name who is eligible (对…的企业); a bare requirement
                // (须达到) does not.
                if measure.eligible.is_none() {
                    measure.eligible = f.kind_cue.clone().filter(|cue| cue.contains('的'));
                }
            } else {
                measure.amounts.push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan_extract::extract_seeds;

    #[test]
    fn changsha_grant_and_threshold_are_support_measures() {
        let plans = extract_seeds();
        let changsha = plans.iter().position(|p| p.id.starts_with("002")).unwrap();
        let measures = support_measures(&plans, &[changsha]);
        let grant = measures
            .iter()
            .find(|m| m.quote.contains("每个平台给予100万元"))
            .expect("the per-platform grant");
        assert_eq!(grant.form, SupportForm::Grant);
        assert_eq!(grant.eligible.as_deref(), Some("每个平台"));
        let raws: Vec<&str> = grant
            .amounts
            .iter()
            .map(|&f| plans[changsha].figures[f].raw.as_str())
            .collect();
        assert_eq!(
            raws,
            ["10个", "100万元"],
            "the awards a year and the amount each"
        );
        let rule = measures
            .iter()
            .find(|m| !m.conditions.is_empty())
            .expect("the eligibility rule");
        assert_eq!(
            rule.conditions.len(),
            2,
            "投入500万元以上 and 用户数不低于20家"
        );
        assert!(rule.eligible.as_deref().unwrap().ends_with("的企业"));
        assert_eq!(rule.form, SupportForm::Reward, "给予一定比例的奖励");
    }

    #[test]
    fn funds_and_budgets() {
        let plans = extract_seeds();
        let all: Vec<usize> = (0..plans.len()).collect();
        let kinds: Vec<(String, SupportForm)> = support_measures(&plans, &all)
            .into_iter()
            .map(|m| (plans[m.plan].id[..3].to_string(), m.form))
            .collect();
        assert!(
            kinds.contains(&("001".into(), SupportForm::Fund)),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("003".into(), SupportForm::Budget)),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("003".into(), SupportForm::Fund)),
            "{kinds:?}"
        );
        assert!(
            !kinds.iter().any(|(p, _)| p == "000"),
            "the reply's money is reported spending, not a measure: {kinds:?}"
        );
    }

    #[test]
    fn recipients_run_to_the_support_word() {
        assert_eq!(
            recipient("对首次认定的，每家高新技术企业给予最高20万元奖励").as_deref(),
            Some("每家高新技术企业")
        );
        assert_eq!(recipient("给予一次性奖励"), None);
    }

    #[test]
    fn a_bare_requirement_names_no_one() {
        let plans = vec![plan_extract::extract_plan(
            "x.txt",
            "一、保障措施\n（一）加大支持。申报项目投资额须达到2000万元以上，给予最高100万元补助。\n",
        )];
        let measures = support_measures(&plans, &[0]);
        assert_eq!(measures.len(), 1);
        assert_eq!(measures[0].conditions.len(), 1);
        assert_eq!(measures[0].eligible, None);
    }
}
