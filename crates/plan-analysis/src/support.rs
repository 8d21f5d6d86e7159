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
    let start = text[item.start..at]
        .rfind('。')
        .map_or(item.start, |i| item.start + i + '。'.len_utf8());
    let end = text[at..item.end]
        .find('。')
        .map_or(item.end, |i| at + i + '。'.len_utf8());
    Span::new(start, end)
}

/// Who a grant is for, when the sentence says `每个平台` / `每家企业` / `单个项目`.
fn recipient(sentence: &str) -> Option<String> {
    ["每个", "每家", "每项", "单个", "单家", "每所", "每名"]
        .iter()
        .find_map(|w| {
            let at = sentence.find(w)?;
            let rest = &sentence[at..];
            let end = rest
                .char_indices()
                .skip(w.chars().count())
                .find(|(_, c)| !c.is_alphabetic() || "给予最高奖励补助补贴资助按".contains(*c))
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
                if measure.eligible.is_none() {
                    measure.eligible = f.kind_cue.clone();
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
}
