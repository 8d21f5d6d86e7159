//! Synthetic plans for AI Plan Compare's benchmarks and tests: a deterministic generator of
//! invented Chinese AI development plans (行动计划, 实施方案, 若干措施 …) set in China's provinces,
//! prefectures and counties, 10–40 KB each, in the genre's styles.
//!
//! **Every text is labelled synthetic** in its first line ([`LABEL`]) and its file name
//! (`synthetic-0001-…`), and is never shown as real data: the app does not bundle this crate; it
//! is used by `scripts/bench-scale.sh` and tests only. The sentences are written for this generator
//! (`bank.rs`), not copied from published plans; the place names are real so that the extractor's
//! gazetteer can place them, everything else (targets, departments' tasks, document numbers, dates)
//! is invented.
//!
//! Deterministic: the same `(count, seed)` gives the same bytes on every machine (a splitmix64
//! generator, integer arithmetic only), and plan `i` does not depend on `count`, so 100 plans are
//! the first 100 of 1,000. See `docs/synthetic-plans.md`.
//!
//! - [`rng`]: the seeded generator. [`place`]: where a plan is set, its government and departments.
//! - [`bank`]: the sentence templates. This file: a plan's structure, its styles and rendering.

pub mod bank;
pub mod place;
pub mod rng;

use bank::{Topic, GOAL_METRICS, TOPICS};
use place::{Place, Tier};
use plan_library::ImportedDoc;
use rng::Rng;

/// The first line of every synthetic text.
pub const LABEL: &str = "【合成测试数据，非真实政策文件】";
/// Every synthetic file name starts with this.
pub const FILE_PREFIX: &str = "synthetic-";
/// Sizes a plan is made within, in bytes of UTF-8.
pub const MIN_BYTES: usize = 10 * 1024;
pub const MAX_BYTES: usize = 40 * 1024;

/// One generated plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticPlan {
    /// `synthetic-0001-330100-action-plan.txt`: the index from 1, the division code, the kind.
    pub file_name: String,
    /// The text, UTF-8, `\n` line ends; its first line is [`LABEL`].
    pub text: String,
    /// The province (or municipality) the plan is set in, as the division list names it.
    pub province: &'static str,
    /// The place's full name as the title begins with it (`浙江省`, `嘉兴市桐乡市`).
    pub place: String,
    /// The division code of the place.
    pub code: u32,
}

/// `count` plans made with `seed`.
pub fn generate(count: usize, seed: u64) -> Vec<SyntheticPlan> {
    (0..count).map(|i| generate_one(seed, i)).collect()
}

/// Plan `index` (from 0) of the set made with `seed`.
pub fn generate_one(seed: u64, index: usize) -> SyntheticPlan {
    let mut rng = Rng::for_plan(seed, index as u64);
    let place = place::pick(&mut rng);
    let mut writer = Writer::new(rng, place);
    let (text, kind_slug) = writer.write();
    SyntheticPlan {
        file_name: format!(
            "{FILE_PREFIX}{:04}-{}-{kind_slug}.txt",
            index + 1,
            writer.place.division.code
        ),
        text,
        province: writer.place.province.name,
        place: writer.place.full.clone(),
        code: writer.place.division.code,
    }
}

/// The plans as the app's imported documents (ids from their file names), for a workspace file.
/// `added` is the time written in each record (`YYYY-MM-DDTHH:MM:SSZ`).
pub fn imported_docs(plans: &[SyntheticPlan], added: &str) -> Vec<ImportedDoc> {
    plans
        .iter()
        .map(|p| ImportedDoc {
            id: plan_model::plan_id(&p.file_name),
            file_name: p.file_name.clone(),
            added: added.to_string(),
            hash: plan_library::content_hash(&p.text),
            text: p.text.clone(),
        })
        .collect()
}

/// The workspace file (`plan-compare-workspace/1`) of `plans`, as "Import workspace file" reads it.
pub fn workspace_json(plans: &[SyntheticPlan]) -> String {
    plan_library::workspace_json(&imported_docs(plans, "2026-01-01T00:00:00Z"))
}

/// How the outline is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// 一、 / （一） / 1． / （1）
    Standard,
    /// 第一章 / 第一节, tasks as paragraphs.
    Chapters,
    /// 第一章 / 第一条 numbered through the whole text.
    Articles,
    /// 若干措施: 一、 per measure with （一） entries, no chapters.
    Flat,
}

/// How departments are named after a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClauseForm {
    /// （牵头单位：A；责任单位：B、C）
    LeadResponsible,
    /// A、B、C按职责分工负责。 / A负责。
    ByDivision,
    /// （A牵头，B、C配合）
    LeadAssist,
    /// 责任单位：A、B (no lead)
    ResponsibleOnly,
}

/// Departments named for a task: the lead first.
#[derive(Debug, Clone)]
struct Clause {
    lead: String,
    others: Vec<String>,
}

/// A numbered entry: a task or measure.
#[derive(Debug, Clone)]
struct Entry {
    title: String,
    body: String,
    /// Sub-points (（1）…) with their own departments.
    subs: Vec<(String, Option<Clause>)>,
    clause: Option<Clause>,
}

#[derive(Debug, Clone)]
enum Block {
    Para(String),
    /// A sub-heading ((一), 第一节) over its entries and paragraphs.
    Sub(String, Vec<Block>),
    Entry(Entry),
}

#[derive(Debug, Clone)]
struct Section {
    title: String,
    blocks: Vec<Block>,
}

/// The marks of one plan's style: brackets and number punctuation kept throughout.
#[derive(Debug, Clone, Copy)]
struct Marks {
    full_brackets: bool,
    /// `．`, `.` or `、` after an arabic number.
    dot: &'static str,
    clause_form: ClauseForm,
    /// The department clause on a line of its own, not at the end of the paragraph.
    clause_own_line: bool,
    /// A blank line between paragraphs (text saved from some web pages) or not.
    blank_lines: bool,
}

struct Writer {
    rng: Rng,
    place: Place,
    depts: Vec<String>,
    /// Period (first year, last year).
    period: (u16, u16),
    goal_years: Vec<u16>,
    /// Topic sentence use, so a plan does not repeat itself.
    used: Vec<Vec<bool>>,
    /// Shared sentence forms used, per topic.
    used_forms: Vec<Vec<bool>>,
    used_generic: Vec<bool>,
}

/// Chinese numerals for heading numbers (1–99).
fn numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        _ => format!(
            "{}十{}",
            DIGITS[(n / 10) % 10],
            match n % 10 {
                0 => "",
                d => DIGITS[d],
            }
        ),
    }
}

/// A year in Chinese numerals: 二〇二四.
fn year_numerals(year: u16) -> String {
    year.to_string()
        .chars()
        .map(|c| numeral(c.to_digit(10).unwrap_or(0) as usize))
        .collect()
}

/// A number rounded the way plans state them: two significant figures, multiples of 5 below 100.
fn nice(v: u64) -> u64 {
    match v {
        0 => 1,
        1..=20 => v,
        21..=99 => (v + 2) / 5 * 5,
        _ => {
            let mut unit = 1;
            while v / unit >= 100 {
                unit *= 10;
            }
            (v + unit / 2) / unit * unit
        }
    }
}

impl Writer {
    fn new(mut rng: Rng, place: Place) -> Writer {
        let depts = place::department_names(&place, &mut rng);
        let start = *rng.pick(&[
            2018u16, 2019, 2020, 2021, 2022, 2023, 2023, 2024, 2024, 2024, 2025, 2025,
        ]);
        let len = *rng.pick(&[2u16, 3, 3, 3, 3, 4, 5]);
        let end = start + len - 1;
        let mid = start + (len - 1) / 2;
        let goal_years = if mid < end { vec![mid, end] } else { vec![end] };
        let used = TOPICS
            .iter()
            .map(|t| vec![false; t.sentences.len()])
            .collect();
        Writer {
            rng,
            place,
            depts,
            period: (start, end),
            goal_years,
            used,
            used_forms: vec![vec![false; bank::FIELD_FORMS.len()]; TOPICS.len()],
            used_generic: vec![false; bank::GENERIC.len()],
        }
    }

    fn end_year(&self) -> u16 {
        self.period.1
    }

    /// Fills a template's placeholders (see `bank`).
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let key = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            match key {
                "全" => out.push_str(&self.place.whole),
                "本" => out.push_str(&self.place.this),
                "地" => out.push_str(self.place.short),
                "y" => {
                    let y = *self.rng.pick(&self.goal_years);
                    out.push_str(&y.to_string());
                }
                "y0" => out.push_str(&(self.period.0 - 1).to_string()),
                _ => {
                    let mut parts = key.split(':');
                    let (Some(kind), Some(lo), Some(hi)) =
                        (parts.next(), parts.next(), parts.next())
                    else {
                        continue;
                    };
                    let (lo, hi) = (lo.parse().unwrap_or(1), hi.parse().unwrap_or(1));
                    let v = u64::from(self.rng.range(lo, hi));
                    let v = if kind == "s" {
                        nice(v * u64::from(self.place.scale) / 20)
                    } else {
                        v
                    };
                    out.push_str(&v.to_string());
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A sentence for a task of `topic`: its own sentences first, then the shared forms with one
    /// of its fields, then generic ones; none used twice in a plan while others are left.
    fn sentence(&mut self, topic: usize) -> String {
        let own: Vec<usize> = (0..TOPICS[topic].sentences.len())
            .filter(|&i| !self.used[topic][i])
            .collect();
        if !own.is_empty() && self.rng.percent(60) {
            let i = own[self.rng.below(own.len())];
            self.used[topic][i] = true;
            return self.fill(TOPICS[topic].sentences[i]);
        }
        let forms: Vec<usize> = (0..bank::FIELD_FORMS.len())
            .filter(|&i| !self.used_forms[topic][i])
            .collect();
        if !forms.is_empty() && self.rng.percent(85) {
            let i = forms[self.rng.below(forms.len())];
            self.used_forms[topic][i] = true;
            let field = *self.rng.pick(TOPICS[topic].fields);
            return self.fill(&bank::FIELD_FORMS[i].replace("{f}", field));
        }
        let generic: Vec<usize> = (0..bank::GENERIC.len())
            .filter(|&i| !self.used_generic[i])
            .collect();
        if let Some(&g) = generic.get(self.rng.below(generic.len())) {
            self.used_generic[g] = true;
            return self.fill(bank::GENERIC[g]);
        }
        if let Some(&i) = own.first() {
            self.used[topic][i] = true;
            return self.fill(TOPICS[topic].sentences[i]);
        }
        let form = *self.rng.pick(bank::FIELD_FORMS);
        let field = *self.rng.pick(TOPICS[topic].fields);
        self.fill(&form.replace("{f}", field))
    }

    fn clause(&mut self, lead: usize, partners: &[usize]) -> Clause {
        let mut others: Vec<String> = Vec::new();
        let count = self.rng.range(0, 3) as usize;
        for i in self.rng.sample(partners.len(), count) {
            if partners[i] != lead {
                others.push(self.depts[partners[i]].clone());
            }
        }
        if self.rng.percent(25) {
            others.push(self.depts[place::d::FINANCE].clone());
        }
        if self.rng.percent(20) {
            let extra = place::extra_bodies(&self.place);
            others.push(self.rng.pick(&extra).clone());
        }
        let lead = self.depts[lead].clone();
        let mut seen = vec![lead.clone()];
        others.retain(|o| {
            let new = !seen.contains(o);
            seen.push(o.clone());
            new
        });
        Clause { lead, others }
    }

    fn task(&mut self, topic: usize, title: &str, with_subs: bool) -> Entry {
        let t: &Topic = &TOPICS[topic];
        let lead = *self.rng.pick(t.leads);
        let mut body = String::new();
        let sentences = self.rng.range(3, 5);
        for _ in 0..sentences {
            body.push_str(&self.sentence(topic));
        }
        if self.rng.percent(55) {
            let f = *self.rng.pick(t.figures);
            body.push_str(&self.fill(f));
        }
        if with_subs {
            let mut subs = Vec::new();
            for _ in 0..self.rng.range(2, 3) {
                let mut s = self.sentence(topic);
                if self.rng.percent(40) {
                    let f = *self.rng.pick(t.figures);
                    s.push_str(&self.fill(f));
                }
                let clause = self.clause(lead, t.partners);
                subs.push((s, Some(clause)));
            }
            return Entry {
                title: title.to_string(),
                body: String::new(),
                subs,
                clause: None,
            };
        }
        let clause = self.clause(lead, t.partners);
        Entry {
            title: title.to_string(),
            body,
            subs: Vec::new(),
            clause: Some(clause),
        }
    }

    /// The goal targets of one stage: `values[i]` for metric `metrics[i]`.
    fn targets(&mut self, metrics: &[(usize, usize)], values: &[u64]) -> String {
        let parts: Vec<String> = metrics
            .iter()
            .zip(values)
            .map(|(&(m, form), v)| GOAL_METRICS[m].forms[form].replace("{v}", &v.to_string()))
            .collect();
        let mut out = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(if i % 3 == 0 { "；" } else { "，" });
            }
            out.push_str(p);
        }
        out
    }

    /// The goal section's blocks.
    fn goals(&mut self, style: Style) -> Vec<Block> {
        let count = self.rng.range(4, 7) as usize;
        let mut picked = self.rng.sample(GOAL_METRICS.len(), count);
        if !picked.contains(&0) && self.rng.percent(80) {
            picked[0] = 0;
        }
        picked.sort_unstable();
        let metrics: Vec<(usize, usize)> = picked
            .iter()
            .map(|&m| (m, self.rng.below(GOAL_METRICS[m].forms.len())))
            .collect();
        let finals: Vec<u64> = metrics
            .iter()
            .map(|&(m, _)| {
                let g = &GOAL_METRICS[m];
                let v = u64::from(self.rng.range(g.low, g.high));
                if g.fixed {
                    v
                } else {
                    nice(v * u64::from(self.place.scale) / 40)
                }
            })
            .collect();
        let end = self.end_year();
        let aim = *self.rng.pick(bank::GOAL_AIMS);
        let aim = self.fill(aim);
        let whole = self.place.whole.clone();
        let mut blocks = Vec::new();
        let staged = self.goal_years.len() > 1 && self.rng.percent(45);
        if staged {
            let first = self.goal_years[0];
            let earlier: Vec<u64> = metrics
                .iter()
                .zip(&finals)
                .map(|(&(m, _), &v)| {
                    if GOAL_METRICS[m].fixed {
                        v
                    } else {
                        nice(v * u64::from(self.rng.range(45, 80)) / 100)
                    }
                })
                .collect();
            let split = metrics.len().div_ceil(2);
            let t1 = self.targets(&metrics[..split], &earlier[..split]);
            let t2 = self.targets(&metrics, &finals);
            blocks.push(Block::Para(format!("到{first}年，{aim}，{whole}{t1}。")));
            let aim2 = *self.rng.pick(bank::GOAL_AIMS);
            let aim2 = self.fill(aim2);
            blocks.push(Block::Para(format!("到{end}年，{aim2}。{whole}{t2}。")));
        } else if style == Style::Standard && self.rng.percent(50) {
            // （一）总体目标 and （二）具体目标 with numbered goals.
            blocks.push(Block::Sub(
                "总体目标".into(),
                vec![Block::Para(format!("到{end}年，{aim}。"))],
            ));
            const HEADS: &[&str] = &[
                "产业规模持续壮大",
                "市场主体不断壮大",
                "创新能力显著增强",
                "要素支撑更加有力",
                "融合应用全面深化",
                "人才队伍加快集聚",
            ];
            let mut entries = Vec::new();
            let first_head = self.rng.below(HEADS.len());
            for (i, chunk) in metrics.chunks(2).enumerate() {
                let values = &finals[i * 2..i * 2 + chunk.len()];
                let t = self.targets(chunk, values);
                entries.push(Block::Entry(Entry {
                    title: HEADS[(i + first_head) % HEADS.len()].into(),
                    body: format!("到{end}年，{whole}{t}。"),
                    subs: Vec::new(),
                    clause: None,
                }));
            }
            blocks.push(Block::Sub("具体目标".into(), entries));
        } else {
            let t = self.targets(&metrics, &finals);
            blocks.push(Block::Para(format!("到{end}年，{aim}，{whole}{t}。")));
        }
        if self.rng.percent(35) {
            let o = *self.rng.pick(bank::OUTLOOKS);
            let o = self.fill(o);
            blocks.push(Block::Para(o));
        }
        blocks
    }

    fn context(&mut self, style: Style) -> Vec<Block> {
        let guiding = *self.rng.pick(bank::GUIDING);
        let guiding = self.fill(guiding);
        if !self.rng.percent(55) || style == Style::Flat {
            return vec![Block::Para(guiding)];
        }
        let n = self.rng.range(3, 5) as usize;
        let principles: Vec<Block> = self
            .rng
            .sample(bank::PRINCIPLES.len(), n)
            .into_iter()
            .map(|i| {
                let (t, s) = bank::PRINCIPLES[i];
                Block::Entry(Entry {
                    title: t.into(),
                    body: s.into(),
                    subs: Vec::new(),
                    clause: None,
                })
            })
            .collect();
        vec![
            Block::Sub("指导思想".into(), vec![Block::Para(guiding)]),
            Block::Sub("基本原则".into(), principles),
        ]
    }

    fn status(&mut self) -> Vec<Block> {
        let n = self.rng.range(2, 4) as usize;
        let mut s = String::new();
        for i in self.rng.sample(bank::STATUS.len(), n) {
            s.push_str(&self.fill(bank::STATUS[i]));
        }
        vec![Block::Para(s)]
    }

    /// Support measures (with grants, caps, thresholds) and organisational ones.
    fn measures(
        &mut self,
        support_count: usize,
        guarantee_count: usize,
    ) -> (Vec<Block>, Vec<Block>) {
        let mut support = Vec::new();
        for i in self.rng.sample(bank::SUPPORT.len(), support_count) {
            let m = &bank::SUPPORT[i];
            let title = (*self.rng.pick(m.title)).to_string();
            let mut body = String::new();
            let n = self.rng.range(1, m.sentences.len() as u32) as usize;
            for j in self.rng.sample(m.sentences.len(), n) {
                body.push_str(&self.fill(m.sentences[j]));
            }
            let clause = self.rng.percent(60).then(|| {
                let lead = self.depts[m.lead].clone();
                let mut others = vec![self.depts[place::d::FINANCE].clone()];
                others.retain(|o| *o != lead);
                Clause { lead, others }
            });
            support.push(Block::Entry(Entry {
                title,
                body,
                subs: Vec::new(),
                clause,
            }));
        }
        let mut guarantees = Vec::new();
        for i in self.rng.sample(bank::GUARANTEES.len(), guarantee_count) {
            let (titles, sentences) = bank::GUARANTEES[i];
            let title = (*self.rng.pick(titles)).to_string();
            let body: String = sentences.concat();
            let body = self.fill(&body);
            guarantees.push(Block::Entry(Entry {
                title,
                body,
                subs: Vec::new(),
                clause: None,
            }));
        }
        (support, guarantees)
    }

    /// A group of tasks of one topic; `None` when the topic has no task left.
    fn group(
        &mut self,
        topic: usize,
        tasks_used: &mut [Vec<bool>],
        subs_ok: bool,
    ) -> Option<Block> {
        let t = &TOPICS[topic];
        let free: Vec<usize> = (0..t.tasks.len())
            .filter(|&i| !tasks_used[topic][i])
            .collect();
        if free.is_empty() {
            return None;
        }
        let title = (*self.rng.pick(t.groups)).to_string();
        let count = (self.rng.range(3, 6) as usize).min(free.len());
        let mut picked = free.clone();
        self.rng.shuffle(&mut picked);
        picked.truncate(count);
        let mut entries = Vec::new();
        for i in picked {
            tasks_used[topic][i] = true;
            let subs = subs_ok && self.rng.percent(15);
            entries.push(Block::Entry(self.task(topic, t.tasks[i], subs)));
        }
        Some(Block::Sub(title, entries))
    }

    /// The whole text and a slug of its kind for the file name.
    fn write(&mut self) -> (String, &'static str) {
        // Kind and style.
        let (kind, self_word) = *self.rng.pick(bank::KINDS);
        let style = if kind == "若干措施" {
            Style::Flat
        } else {
            match self.rng.below(100) {
                0..=64 => Style::Standard,
                65..=84 => Style::Chapters,
                _ => Style::Articles,
            }
        };
        let slug = match kind {
            "行动计划" => "action-plan",
            "实施方案" => "implementation-plan",
            "三年行动方案" => "three-year-plan",
            "若干措施" => "measures",
            "发展规划" => "development-plan",
            _ => "opinions",
        };
        let marks = Marks {
            full_brackets: self.rng.percent(75),
            dot: ["．", ".", ".", "、"][self.rng.below(4)],
            clause_form: match self.rng.below(100) {
                0..=54 => ClauseForm::LeadResponsible,
                55..=74 => ClauseForm::ByDivision,
                75..=91 => ClauseForm::LeadAssist,
                _ => ClauseForm::ResponsibleOnly,
            },
            clause_own_line: self.rng.percent(40),
            blank_lines: self.rng.percent(30),
        };
        let target = MIN_BYTES + 512 + (self.rng.below(14_000) + self.rng.below(14_000));

        // Title.
        let (start, end) = self.period;
        let stem = *self.rng.pick(bank::TITLE_STEMS);
        let dash = *self.rng.pick(&["—", "—", "－", "-"]);
        let (open, close) = if self.rng.percent(80) {
            ("（", "）")
        } else {
            ("(", ")")
        };
        let period_in_title = !matches!(kind, "若干措施" | "实施意见") || self.rng.percent(20);
        // 发展规划 after a stem ending in 发展 would say it twice.
        let kind_word = if stem.ends_with("发展") && kind.starts_with("发展") {
            "规划"
        } else {
            kind
        };
        let base_title = format!("{}{stem}{kind_word}", self.place.full);
        let period_text = format!("{open}{start}{dash}{end}年{close}");
        let title = if period_in_title {
            format!("{base_title}{period_text}")
        } else {
            base_title.clone()
        };

        // Issue date and issuer.
        let issue_year = if self.rng.percent(70) {
            start
        } else {
            start - 1
        };
        // Issued in its first year's first half, or in the second half of the year before.
        let month = if issue_year == start {
            self.rng.range(1, 6)
        } else {
            self.rng.range(6, 12)
        };
        let day = self.rng.range(1, 28);
        let date = if self.rng.percent(15) {
            format!(
                "{}年{}月{}日",
                year_numerals(issue_year),
                numeral(month as usize),
                numeral(day as usize)
            )
        } else {
            format!("{issue_year}年{month}月{day}日")
        };
        let issuer = match self.rng.below(10) {
            0..=4 => self.place.office(),
            5..=6 => self.place.government(),
            _ => {
                let lead = *self.rng.pick(&[
                    place::d::INDUSTRY,
                    place::d::SCIENCE,
                    place::d::REFORM,
                    place::d::DATA,
                ]);
                let name = &self.depts[lead];
                let level_len = self.place.level.len();
                let prefix = match self.place.tier {
                    Tier::County => self.place.short.to_string(),
                    _ => self.place.full.clone(),
                };
                format!("{prefix}{}", &name[level_len..])
            }
        };

        // Sections.
        let context = self.context(style);
        let status = self.rng.percent(35).then(|| self.status());
        let goals = self.goals(style);
        let support_count = if style == Style::Flat {
            self.rng.range(3, 6)
        } else {
            self.rng.range(2, 4)
        } as usize;
        let guarantee_count = self.rng.range(2, 4) as usize;
        let (support, guarantees) = self.measures(support_count, guarantee_count);
        let split_measures = style != Style::Flat && self.rng.percent(50);

        let context_title = *self.rng.pick(&["总体要求", "指导思想", "总体思路"]);
        let status_title = *self.rng.pick(&["发展基础", "发展现状", "基础条件"]);
        let goal_title = *self
            .rng
            .pick(&["发展目标", "主要目标", "行动目标", "建设目标"]);
        let task_title = *self
            .rng
            .pick(&["重点任务", "主要任务", "重点行动", "重点工程与任务"]);
        let support_title = *self.rng.pick(&["支持政策", "政策措施", "支持措施"]);
        let guarantee_title = *self.rng.pick(&["保障措施", "组织保障", "保障机制"]);

        let mut topic_order: Vec<usize> = (0..TOPICS.len()).collect();
        self.rng.shuffle(&mut topic_order);
        let mut tasks_used: Vec<Vec<bool>> =
            TOPICS.iter().map(|t| vec![false; t.tasks.len()]).collect();

        // Header and preamble.
        let covering_note = *self.rng.pick(bank::PREAMBLES);
        let preamble = self.fill(&covering_note.replace("{K}", self_word));
        let wrapper = self.rng.percent(30);
        let draft = !wrapper && self.rng.percent(8);
        let signature_top = !wrapper && self.rng.percent(30);
        let signature_end = !wrapper && !signature_top && self.rng.percent(60);
        let period_line = period_in_title && !wrapper && self.rng.percent(15);
        let doc_number = self.place.doc_number(&mut self.rng, issue_year);
        let covering = {
            let c = *self.rng.pick(bank::COVERING);
            let government = match self.place.tier {
                Tier::County => format!("{}政府", self.place.level),
                _ => "市政府".replace('市', self.place.level),
            };
            c.replace("{T}", &title).replace("{G}", &government)
        };
        let mut head = String::new();
        head.push_str(LABEL);
        head.push_str("\n\n");
        if wrapper {
            head.push_str(&format!(
                "{}关于印发{title}的通知\n\n{doc_number}\n\n",
                self.place.office()
            ));
            head.push_str(&format!("{}\n{covering}\n\n", self.place.addressees()));
            head.push_str(&format!(
                "{}\n{date}\n\n（此件公开发布）\n\n",
                self.place.office()
            ));
        }
        if period_line {
            head.push_str(&format!("{base_title}\n{period_text}\n"));
        } else if draft {
            head.push_str(&format!("{title}\n{open}征求意见稿{close}\n"));
        } else {
            head.push_str(&format!("{title}\n"));
        }
        if signature_top {
            head.push_str(&format!("{issuer}\n{date}\n"));
        }
        head.push('\n');
        head.push_str(&preamble);
        head.push('\n');

        let mut tail = String::new();
        if !period_in_title {
            tail.push_str(&format!(
                "本{self_word}实施期限为{start}—{end}年，由{}负责解释。\n",
                self.depts[place::d::INDUSTRY]
            ));
        }
        if self.rng.percent(20) {
            tail.push_str(&format!(
                "本{self_word}自印发之日起施行，有效期至{}年12月31日。\n",
                end + 1
            ));
        }
        if draft {
            tail.push_str(&format!(
                "请于{issue_year}年{}月{}日前将修改意见反馈至{}。\n",
                (month % 12) + 1,
                day,
                self.depts[place::d::INDUSTRY]
            ));
        }
        if signature_end {
            tail.push_str(&format!("\n{issuer}\n{date}\n"));
        }

        // Tasks: groups of topics until the text reaches its target size.
        let mut groups: Vec<Block> = Vec::new();
        let mut topics_iter = topic_order.iter();
        let subs_ok = style == Style::Standard;
        // The whole text with the task groups so far (`self` passed in: `group` needs it mutably).
        let draft = |this: &Self, groups: &Vec<Block>| {
            let sections = this.sections(
                style,
                (context_title, &context),
                status.as_ref().map(|s| (status_title, s)),
                (goal_title, &goals),
                (task_title, groups),
                (support_title, &support),
                (guarantee_title, &guarantees),
                split_measures,
            );
            render(&head, &sections, &tail, style, marks)
        };
        let mut text;
        let mut misses = 0;
        loop {
            text = draft(self, &groups);
            if text.len() >= target || misses > TOPICS.len() {
                break;
            }
            let Some(&topic) = topics_iter.next() else {
                break;
            };
            match self.group(topic, &mut tasks_used, subs_ok) {
                Some(g) => {
                    groups.push(g);
                    misses = 0;
                }
                None => misses += 1,
            }
        }
        // A group can overshoot: drop its last tasks until the text fits.
        while text.len() > MAX_BYTES {
            let Some(Block::Sub(_, entries)) = groups.last_mut() else {
                break;
            };
            entries.pop();
            if entries.is_empty() {
                groups.pop();
            }
            text = draft(self, &groups);
        }
        (text, slug)
    }

    #[allow(clippy::too_many_arguments)]
    fn sections(
        &self,
        style: Style,
        context: (&str, &Vec<Block>),
        status: Option<(&str, &Vec<Block>)>,
        goals: (&str, &Vec<Block>),
        tasks: (&str, &Vec<Block>),
        support: (&str, &Vec<Block>),
        guarantees: (&str, &Vec<Block>),
        split_measures: bool,
    ) -> Vec<Section> {
        let section = |(title, blocks): (&str, &Vec<Block>)| Section {
            title: title.to_string(),
            blocks: blocks.clone(),
        };
        if style == Style::Flat {
            // 若干措施: goals, then each group of tasks and each support measure as its own 一、.
            let mut out = vec![section(goals)];
            for g in tasks.1 {
                if let Block::Sub(title, entries) = g {
                    out.push(Section {
                        title: title.clone(),
                        blocks: entries.clone(),
                    });
                }
            }
            out.push(Section {
                title: support.0.to_string(),
                blocks: support.1.clone(),
            });
            out.push(section(guarantees));
            return out;
        }
        let mut out = vec![section(context)];
        if let Some(s) = status {
            out.push(section(s));
        }
        out.push(section(goals));
        out.push(section(tasks));
        if split_measures {
            out.push(section(support));
            out.push(section(guarantees));
        } else {
            let mut blocks = support.1.clone();
            blocks.extend(guarantees.1.iter().cloned());
            out.push(Section {
                title: guarantees.0.to_string(),
                blocks,
            });
        }
        out
    }
}

/// The department clause as written in `form`.
fn clause_text(clause: &Clause, marks: Marks, own_line: bool) -> String {
    let (open, close, colon, semi) = if marks.full_brackets {
        ("（", "）", "：", "；")
    } else {
        ("(", ")", ":", ";")
    };
    let others = clause.others.join("、");
    match marks.clause_form {
        ClauseForm::LeadResponsible => {
            if others.is_empty() {
                format!("{open}牵头单位{colon}{}{close}", clause.lead)
            } else {
                format!(
                    "{open}牵头单位{colon}{}{semi}责任单位{colon}{others}{close}",
                    clause.lead
                )
            }
        }
        ClauseForm::ByDivision => {
            let inner = if others.is_empty() {
                format!("{}负责", clause.lead)
            } else {
                format!("{}、{others}按职责分工负责", clause.lead)
            };
            if own_line {
                format!("{inner}。")
            } else {
                format!("{open}{inner}{close}")
            }
        }
        ClauseForm::LeadAssist => {
            if others.is_empty() {
                format!("{open}{}牵头{close}", clause.lead)
            } else {
                format!("{open}{}牵头，{others}配合{close}", clause.lead)
            }
        }
        ClauseForm::ResponsibleOnly => {
            let all = if others.is_empty() {
                clause.lead.clone()
            } else {
                format!("{}、{others}", clause.lead)
            };
            if own_line {
                format!("责任单位{colon}{all}")
            } else {
                format!("{open}责任单位{colon}{all}{close}")
            }
        }
    }
}

/// Renders the sections in `style`.
fn render(head: &str, sections: &[Section], tail: &str, style: Style, marks: Marks) -> String {
    let mut out = String::with_capacity(MAX_BYTES);
    out.push_str(head);
    let (open, close) = if marks.full_brackets {
        ("（", "）")
    } else {
        ("(", ")")
    };
    let para_end = if marks.blank_lines { "\n\n" } else { "\n" };
    let mut article = 0;
    let push_clause = |out: &mut String, clause: &Option<Clause>| {
        if let Some(c) = clause {
            if marks.clause_own_line {
                out.push('\n');
                out.push_str(&clause_text(c, marks, true));
            } else {
                out.push_str(&clause_text(c, marks, false));
            }
        }
    };
    for (si, section) in sections.iter().enumerate() {
        match style {
            Style::Standard | Style::Flat => {
                out.push_str(&format!("{}、{}\n", numeral(si + 1), section.title));
            }
            Style::Chapters | Style::Articles => {
                out.push_str(&format!("第{}章 {}\n", numeral(si + 1), section.title));
            }
        }
        let mut sub_n = 0;
        let mut entry_n = 0;
        for block in &section.blocks {
            match block {
                Block::Para(p) => {
                    out.push_str(p);
                    out.push_str(para_end);
                }
                Block::Sub(title, blocks) => {
                    sub_n += 1;
                    match style {
                        Style::Standard | Style::Flat => {
                            out.push_str(&format!("{open}{}{close}{title}\n", numeral(sub_n)));
                        }
                        Style::Chapters | Style::Articles => {
                            out.push_str(&format!("第{}节 {title}\n", numeral(sub_n)));
                        }
                    }
                    for b in blocks {
                        match b {
                            Block::Para(p) => {
                                out.push_str(p);
                                out.push_str(para_end);
                            }
                            Block::Entry(e) => {
                                entry_n += 1;
                                let marker = match style {
                                    Style::Standard | Style::Flat => {
                                        format!("{}{}", entry_n, marks.dot)
                                    }
                                    Style::Chapters => String::new(),
                                    Style::Articles => {
                                        article += 1;
                                        format!("第{}条 ", numeral(article))
                                    }
                                };
                                if e.subs.is_empty() {
                                    out.push_str(&format!("{marker}{}。{}", e.title, e.body));
                                    push_clause(&mut out, &e.clause);
                                    out.push_str(para_end);
                                } else {
                                    out.push_str(&format!("{marker}{}\n", e.title));
                                    for (k, (s, c)) in e.subs.iter().enumerate() {
                                        out.push_str(&format!("{open}{}{close}{s}", k + 1));
                                        push_clause(&mut out, c);
                                        out.push_str(para_end);
                                    }
                                }
                            }
                            Block::Sub(..) => {}
                        }
                    }
                }
                Block::Entry(e) => {
                    sub_n += 1;
                    let marker = match style {
                        Style::Standard | Style::Flat => format!("{open}{}{close}", numeral(sub_n)),
                        Style::Chapters => format!("第{}节 ", numeral(sub_n)),
                        Style::Articles => {
                            article += 1;
                            format!("第{}条 ", numeral(article))
                        }
                    };
                    if style == Style::Chapters {
                        out.push_str(&format!("{marker}{}\n{}", e.title, e.body));
                    } else {
                        out.push_str(&format!("{marker}{}。{}", e.title, e.body));
                    }
                    push_clause(&mut out, &e.clause);
                    out.push_str(para_end);
                }
            }
        }
    }
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_and_rounding() {
        assert_eq!(numeral(1), "一");
        assert_eq!(numeral(10), "十");
        assert_eq!(numeral(14), "十四");
        assert_eq!(numeral(20), "二十");
        assert_eq!(numeral(23), "二十三");
        assert_eq!(year_numerals(2024), "二〇二四");
        assert_eq!(nice(0), 1);
        assert_eq!(nice(17), 17);
        assert_eq!(nice(43), 45);
        assert_eq!(nice(1234), 1200);
        assert_eq!(nice(98_765), 99_000);
    }
}
