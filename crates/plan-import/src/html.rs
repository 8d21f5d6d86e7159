//! A saved web page to its article's text, by plain string processing.
//!
//! The page is tokenised and built into a small tree (an arena, no recursion, nesting capped at
//! 512 like browsers' parsers) that is only ever read: no script runs, no URL is loaded, and
//! `<script>`, `<style>` and the like are skipped with their content. Then the article is chosen
//! and its text laid out in lines (see [`html_to_text`]).

use crate::entities::push_decoded;
use crate::text::tidy_lines;

/// Elements dropped with everything in them: code, page chrome and forms.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "iframe", "frame", "frameset", "nav", "header", "footer",
    "aside", "form", "head", "template", "svg", "math", "canvas", "object", "embed", "video",
    "audio", "map", "select", "button", "textarea", "dialog",
];

/// Elements whose content is not markup: it runs to the matching end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "noscript", "iframe", "textarea", "title", "xmp", "noembed", "noframes",
    "template",
];

/// Elements that never have content.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that start and end a line.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "caption",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "address",
    "figure",
    "figcaption",
    "center",
    "body",
    "html",
];

/// Elements that hold an article's paragraphs (for "the block with the most CJK text").
const CONTAINER_TAGS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "td",
    "th",
    "body",
    "html",
    "#root",
    "blockquote",
    "center",
];

/// Ids and classes of article bodies on government sites, most specific first. `<article>` and
/// `<main>` count as `article` and `main`.
const CONTENT_NAMES: &[&str] = &[
    "trs_editor",
    "custom_unionstyle",
    "pages_content",
    "ucap-content",
    "zoom",
    "article-content",
    "article_content",
    "articlecontent",
    "article",
    "content",
    "view",
    "main",
];

/// Words in an id or class that mark page chrome (matched in each `-`/`_`-separated part; `nav`
/// only at a part's start or end, so that `unavailable` is not a menu).
const CHROME_WORDS: &[&str] = &["menu", "footer", "breadcrumb", "crumb", "share", "related"];
const CHROME_PARTS: &[&str] = &["foot", "header", "sidebar", "toolbar", "topbar"];

/// How deep elements nest before further ones are treated as empty (as in browsers' parsers).
const MAX_DEPTH: usize = 512;

/// The article body of a web page, as plan text:
///
/// - parsed inertly; `<script>`, `<style>`, `<noscript>`, `<iframe>`, `<nav>`, `<header>`,
///   `<footer>`, `<aside>`, `<form>` (and the like), comments, hidden elements (`hidden`,
///   `display:none`) and elements whose id or class says nav/menu/footer/breadcrumb/share/related
///   are dropped with their content;
/// - character references decoded; block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `tr`,
///   `table`, …) become line breaks, table cells are separated by tabs, runs of blank lines become
///   one; white space collapses as a browser shows it (a line break between two Chinese
///   characters disappears), except in `<pre>`;
/// - the article is the element whose id or class names a common content container
///   (`TRS_Editor`, `Custom_UnionStyle`, `pages_content`, `zoom`, `article`, `content`, `view`,
///   `main`, …; the most specific one holding at least a quarter of the page's Chinese text), else
///   the block whose own paragraphs hold the most Chinese text, else the whole page;
/// - the title (the first `<h1>` outside chrome, else `<title>` without a site suffix after `_`,
///   `|` or ` - `) is the first line unless the article already contains it.
///
/// Never panics, whatever the input (unclosed tags, `<` in text, `>` in quoted attributes, …).
pub fn html_to_text(html: &str) -> String {
    let tree = Tree::parse(html);
    let counts = tree.cjk_counts();
    let body = tree.choose_body(&counts);
    let text = tidy_lines(&tree.render(body));
    match tree.title() {
        Some(title) if !squeezed(&text).contains(&squeezed(&title)) => format!("{title}\n{text}"),
        _ => text,
    }
}

/// Text without white space, to ask whether one contains another whatever the line breaks.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Characters between which a line break is no space (CSS Text: segment breaks in CJK text).
fn is_wide(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

enum Node {
    Text(String),
    Element(usize),
}

struct Element {
    name: String,
    parent: usize,
    children: Vec<Node>,
    /// Dropped with its content (chrome, code, hidden).
    dropped: bool,
    /// Its rank in `CONTENT_NAMES`, if its id, class or name is one.
    content_rank: Option<usize>,
}

struct Tree {
    /// `elements[0]` is the root; a child always comes after its parent.
    elements: Vec<Element>,
}

/// A start tag's parts.
struct StartTag<'a> {
    name: String,
    attrs: Vec<(String, &'a str)>,
    self_closing: bool,
}

impl Tree {
    fn parse(html: &str) -> Tree {
        let mut tree = Tree {
            elements: vec![Element {
                name: "#root".into(),
                parent: 0,
                children: Vec::new(),
                dropped: false,
                content_rank: None,
            }],
        };
        let mut open: Vec<usize> = vec![0];
        let bytes = html.as_bytes();
        let mut text_start = 0;
        let mut i = 0;
        while let Some(lt) = html[i..].find('<').map(|at| i + at) {
            let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
            let top = *open.last().unwrap_or(&0);
            if html[lt..].starts_with("<!--") {
                tree.push_text(top, &html[text_start..lt]);
                i = html[lt + 4..]
                    .find("-->")
                    .map_or(html.len(), |at| lt + 4 + at + 3);
                text_start = i;
            } else if next == b'!' || next == b'?' {
                tree.push_text(top, &html[text_start..lt]);
                i = html[lt..].find('>').map_or(html.len(), |at| lt + at + 1);
                text_start = i;
            } else if next == b'/' && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                tree.push_text(top, &html[text_start..lt]);
                let (name, _) = tag_name(html, lt + 2);
                i = html[lt..].find('>').map_or(html.len(), |at| lt + at + 1);
                text_start = i;
                if name == "br" {
                    tree.add_element(top, start_tag("br"));
                } else if let Some(depth) =
                    open.iter().rposition(|&e| tree.elements[e].name == name)
                {
                    if depth > 0 {
                        open.truncate(depth);
                    }
                }
            } else if next.is_ascii_alphabetic() {
                tree.push_text(top, &html[text_start..lt]);
                let (tag, end) = parse_start_tag(html, lt + 1);
                i = end;
                text_start = i;
                let top = implied_end(&tree, &mut open, &tag.name);
                let name = tag.name.clone();
                let self_closing = tag.self_closing;
                let element = tree.add_element(top, tag);
                if RAW_TEXT_TAGS.contains(&name.as_str()) {
                    match find_end_tag(html, i, &name) {
                        Some((content_end, after)) => {
                            if name == "title" || name == "textarea" {
                                tree.push_text(element, &html[i..content_end]);
                            }
                            i = after;
                        }
                        // No end tag: a browser would take the rest of the page as its content.
                        None if !self_closing => i = html.len(),
                        None => {}
                    }
                    text_start = i;
                } else if !VOID_TAGS.contains(&name.as_str()) && open.len() < MAX_DEPTH {
                    open.push(element);
                }
            } else {
                // A `<` that starts no tag is text.
                i = lt + 1;
            }
        }
        let top = *open.last().unwrap_or(&0);
        tree.push_text(top, &html[text_start..]);
        tree
    }

    fn push_text(&mut self, parent: usize, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let mut text = String::with_capacity(raw.len());
        push_decoded(&mut text, raw);
        self.elements[parent].children.push(Node::Text(text));
    }

    fn add_element(&mut self, parent: usize, tag: StartTag<'_>) -> usize {
        let mut dropped = DROPPED_TAGS.contains(&tag.name.as_str());
        let mut content_rank = CONTENT_NAMES.iter().position(|n| *n == tag.name);
        let mut chrome = false;
        for (attr, value) in &tag.attrs {
            match attr.as_str() {
                "id" | "class" => {
                    for word in value.split_ascii_whitespace() {
                        let word = word.to_ascii_lowercase();
                        if let Some(rank) = CONTENT_NAMES.iter().position(|n| *n == word) {
                            content_rank = Some(content_rank.map_or(rank, |r| r.min(rank)));
                        }
                        chrome |= is_chrome(&word);
                    }
                }
                "hidden" => dropped = true,
                "style" => {
                    let style: String = value
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    dropped |=
                        style.contains("display:none") || style.contains("visibility:hidden");
                }
                _ => {}
            }
        }
        dropped |= chrome && content_rank.is_none();
        let index = self.elements.len();
        self.elements.push(Element {
            name: tag.name,
            parent,
            children: Vec::new(),
            dropped,
            content_rank,
        });
        self.elements[parent].children.push(Node::Element(index));
        index
    }

    /// Per element, whether it or one of its ancestors is dropped (one pass: parents come first).
    fn hidden(&self) -> Vec<bool> {
        let mut hidden = vec![false; self.elements.len()];
        for (e, element) in self.elements.iter().enumerate() {
            hidden[e] = element.dropped || (e > 0 && hidden[element.parent]);
        }
        hidden
    }

    /// Per element: (Han characters in its whole visible subtree, Han characters in its own
    /// paragraphs: its text and that of descendants that are not containers themselves).
    fn cjk_counts(&self) -> Vec<(usize, usize)> {
        let mut counts = vec![(0usize, 0usize); self.elements.len()];
        // Children come after their parents: one reverse pass adds each into its parent.
        for e in (0..self.elements.len()).rev() {
            let element = &self.elements[e];
            if element.dropped {
                counts[e] = (0, 0);
                continue;
            }
            let own: usize = element
                .children
                .iter()
                .map(|child| match child {
                    Node::Text(text) => text.chars().filter(|&c| is_han(c)).count(),
                    Node::Element(_) => 0,
                })
                .sum();
            counts[e].0 += own;
            counts[e].1 += own;
            if e > 0 {
                let (total, paragraphs) = counts[e];
                let parent = element.parent;
                counts[parent].0 += total;
                if !CONTAINER_TAGS.contains(&element.name.as_str()) {
                    counts[parent].1 += paragraphs;
                }
            }
        }
        counts
    }

    fn choose_body(&self, counts: &[(usize, usize)]) -> usize {
        let hidden = self.hidden();
        let page = counts[0].0;
        let content = (1..self.elements.len())
            .filter_map(|e| Some((self.elements[e].content_rank?, e)))
            .filter(|&(_, e)| counts[e].0 > 0 && counts[e].0 * 4 >= page && !hidden[e])
            .min_by_key(|&(rank, e)| (rank, std::cmp::Reverse(counts[e].0), e));
        if let Some((_, e)) = content {
            return e;
        }
        (0..self.elements.len())
            .filter(|&e| CONTAINER_TAGS.contains(&self.elements[e].name.as_str()))
            .filter(|&e| counts[e].1 > 0 && !hidden[e])
            .max_by_key(|&e| (counts[e].1, std::cmp::Reverse(e)))
            .unwrap_or(0)
    }

    /// The visible text under an element, with line breaks for blocks (no recursion).
    fn render(&self, root: usize) -> String {
        enum Work {
            Enter(usize),
            Text(usize, usize),
            Exit(usize),
        }
        let mut out = String::new();
        let mut pre = 0usize;
        let mut work = vec![Work::Enter(root)];
        while let Some(step) = work.pop() {
            match step {
                Work::Enter(e) => {
                    let element = &self.elements[e];
                    if element.dropped {
                        continue;
                    }
                    let name = element.name.as_str();
                    if name == "br" {
                        out.push('\n');
                    } else if BLOCK_TAGS.contains(&name) {
                        end_line(&mut out);
                    }
                    if name == "pre" {
                        pre += 1;
                    }
                    work.push(Work::Exit(e));
                    for (i, child) in element.children.iter().enumerate().rev() {
                        work.push(match child {
                            Node::Text(_) => Work::Text(e, i),
                            Node::Element(c) => Work::Enter(*c),
                        });
                    }
                }
                Work::Text(e, i) => {
                    if let Node::Text(text) = &self.elements[e].children[i] {
                        if pre > 0 {
                            out.push_str(text);
                        } else {
                            push_collapsed(&mut out, text);
                        }
                    }
                }
                Work::Exit(e) => {
                    let name = self.elements[e].name.as_str();
                    if BLOCK_TAGS.contains(&name) {
                        end_line(&mut out);
                    } else if name == "td" || name == "th" {
                        out.push('\t');
                    }
                    if name == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                }
            }
        }
        out
    }

    /// The first `<h1>` outside chrome, else `<title>` without its site suffix.
    fn title(&self) -> Option<String> {
        let text_of = |e: usize| {
            let mut text = String::new();
            push_collapsed(&mut text, &self.render(e).replace('\n', " "));
            text.trim().to_string()
        };
        let hidden = self.hidden();
        let h1 = (1..self.elements.len())
            .filter(|&e| self.elements[e].name == "h1" && !hidden[e])
            .take(8)
            .map(text_of)
            .find(|t| t.chars().any(char::is_alphanumeric));
        if h1.is_some() {
            return h1;
        }
        let title = self.elements.iter().find(|e| e.name == "title")?;
        let mut text = String::new();
        for child in &title.children {
            if let Node::Text(t) = child {
                push_collapsed(&mut text, t);
            }
        }
        let text = text.trim();
        let cut = ["_", "|", "｜", " - ", " — ", " – "]
            .iter()
            .filter_map(|sep| text.find(sep))
            .filter(|&at| text[..at].trim().chars().any(char::is_alphanumeric))
            .min()
            .unwrap_or(text.len());
        let title = text[..cut].trim();
        title
            .chars()
            .any(char::is_alphanumeric)
            .then(|| title.to_string())
    }
}

/// A block's edge: a line break unless the line is already ended (so `</p><p>` is one break;
/// blank lines come only from `<br>`s).
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Closes what a new start tag implicitly closes: an open `<p>` before a block, an open `<li>`,
/// `<tr>`, `<td>`/`<th>`, `<option>`, `<dt>`/`<dd>` before another. Returns the new parent.
fn implied_end(tree: &Tree, open: &mut Vec<usize>, name: &str) -> usize {
    let closes = |top: &str| match name {
        "li" => top == "li",
        "tr" => matches!(top, "tr" | "td" | "th"),
        "td" | "th" => matches!(top, "td" | "th"),
        "dt" | "dd" => matches!(top, "dt" | "dd"),
        "option" => top == "option",
        _ => top == "p" && BLOCK_TAGS.contains(&name),
    };
    while open.len() > 1 {
        let top = open[open.len() - 1];
        if !closes(&tree.elements[top].name) {
            break;
        }
        open.pop();
    }
    *open.last().unwrap_or(&0)
}

/// Adds text with white space collapsed: runs of ASCII white space become one space (none at a
/// line's start or after another space), and a run with a line break between two wide (Chinese)
/// characters disappears.
fn push_collapsed(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii_whitespace() {
            out.push(c);
            continue;
        }
        let mut newline = c == '\n';
        while let Some(&next) = chars.peek() {
            if !next.is_ascii_whitespace() {
                break;
            }
            newline |= next == '\n';
            chars.next();
        }
        let before = out.chars().next_back();
        let after = chars.peek().copied();
        let joins_cjk = newline && before.is_some_and(is_wide) && after.is_some_and(is_wide);
        if !joins_cjk && !matches!(before, None | Some(' ' | '\n' | '\t')) {
            out.push(' ');
        }
    }
}

fn is_chrome(word: &str) -> bool {
    word.split(['-', '_']).any(|part| {
        part.starts_with("nav")
            || part.ends_with("nav")
            || CHROME_WORDS.iter().any(|w| part.contains(w))
            || CHROME_PARTS.contains(&part)
    })
}

fn start_tag(name: &str) -> StartTag<'static> {
    StartTag {
        name: name.into(),
        attrs: Vec::new(),
        self_closing: true,
    }
}

/// A tag name from `at`, lower-cased, and where it ends.
fn tag_name(html: &str, at: usize) -> (String, usize) {
    let end = html[at..]
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .map_or(html.len(), |n| at + n);
    (html[at..end].to_ascii_lowercase(), end)
}

/// A start tag from `at` (just after `<`) and the index after its `>` (or the end of the input).
/// Quoted attribute values may hold `>`.
fn parse_start_tag(html: &str, at: usize) -> (StartTag<'_>, usize) {
    let (name, mut i) = tag_name(html, at);
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let name_start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let attr = html[name_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = "";
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = html[j + 1..]
                        .find(quote as char)
                        .map_or(html.len(), |n| j + 1 + n);
                    value = &html[j + 1..end];
                    j = (end + 1).min(html.len());
                }
                _ => {
                    let end = html[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |n| j + n);
                    value = &html[j..end];
                    j = end;
                }
            }
            i = j;
        }
        if !attr.is_empty() {
            attrs.push((attr, value));
        }
    }
    (
        StartTag {
            name,
            attrs,
            self_closing,
        },
        i,
    )
}

/// The end tag `</name` (any case) from `from`: where it starts and the index after its `>`.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(at) = html[i..].find("</").map(|n| i + n) {
        let candidate = &bytes[at + 2..];
        let after_name = candidate.get(name.len()).copied();
        if candidate.len() >= name.len()
            && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && after_name.is_none_or(|b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
        {
            let end = html[at..].find('>').map_or(html.len(), |n| at + n + 1);
            return Some((at, end));
        }
        i = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    fn check(html: &str, want: &str) {
        assert_eq!(html_to_text(html), want, "{html}");
    }

    #[test]
    fn blocks_become_lines_and_inline_text_flows() {
        let in_article =
            |html: &str, want: &str| check(&format!("<div class=content>{html}</div>"), want);
        in_article(
            "<p>一、总体<b>要求</b></p><div>到2025年<br>产业规模<span>达到</span>3000亿元</div>",
            "一、总体要求\n到2025年\n产业规模达到3000亿元\n",
        );
        in_article(
            "<ul><li>甲<li>乙</ul><h2>二、重点任务</h2>",
            "甲\n乙\n二、重点任务\n",
        );
        in_article(
            "<table><tr><td>指标</td><td>2025年</td></tr><tr><td>规模</td><td>3000亿元</td></tr></table>",
            "指标\t2025年\n规模\t3000亿元\n",
        );
        in_article("<p>a</p>\n\n<p>&nbsp;</p><p></p>\n<p>b</p>", "a\nb\n");
    }

    #[test]
    fn white_space_collapses_as_a_browser_shows_it() {
        check("<p>  人工\n    智能  产业  </p>", "人工智能 产业\n");
        check("<p>AI\n  plan</p>", "AI plan\n");
        // In `<pre>` spaces and line breaks stay (but lines lose their leading ASCII blanks).
        check("<pre>a  b\n  c</pre>", "a  b\nc\n");
        check("<p>　　全角缩进保留</p>", "　　全角缩进保留\n");
    }

    #[test]
    fn decodes_references() {
        check(
            "<p>&ldquo;十四五&rdquo;&nbsp;规划 &amp; R&amp;D &#x4EBA;&#24037; &lt;b&gt;</p>",
            "“十四五” 规划 & R&D 人工 <b>\n",
        );
    }

    #[test]
    fn nothing_is_executed_or_kept_from_code() {
        let html = r#"<html><head><title>规划</title><script>alert(1)</script>
            <style>p { color: red }</style></head><body>
            <p>正文<img src=x onerror=alert(1)>继续</p>
            <iframe src="https://example.com">框架文字</iframe>
            <noscript>请启用脚本</noscript>
            <script type="text/javascript">document.write("<p>写入</p>")</script>
            <p onclick="alert(2)">第二段</p></body></html>"#;
        let text = html_to_text(html);
        assert_eq!(text, "规划\n正文继续\n第二段\n");
        for bad in [
            "alert", "onerror", "color", "框架", "启用", "写入", "<", ">",
        ] {
            assert!(!text.contains(bad), "{bad} in {text}");
        }
    }

    #[test]
    fn drops_chrome_around_the_article() {
        let html = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发某市人工智能发展规划的通知_政策文件_某市人民政府</title></head>
            <body>
            <div class="header"><a href="/">某市人民政府门户网站</a></div>
            <nav><a>首页</a><a>政务公开</a><a>政策文件</a></nav>
            <div class="breadcrumb">当前位置:首页 &gt; 政策文件</div>
            <div id="mainNav">导航</div>
            <div class="TRS_Editor">
              <p>各区人民政府,市政府各委、办、局:</p>
              <p>现将《某市人工智能发展规划》印发给你们,请认真贯彻执行。</p>
              <p>一、总体要求</p>
            </div>
            <div class="bdshare_share">分享到:微信 微博</div>
            <div class="related-news"><ul><li>相关文件一</li><li>相关文件二</li></ul></div>
            <aside>热点专题</aside>
            <footer>版权所有:某市人民政府办公厅 网站标识码</footer>
            <div id="foot">主办单位</div>
            <form><input name=q>搜索</form>
            </body></html>"#;
        assert_eq!(
            html_to_text(html),
            "关于印发某市人工智能发展规划的通知\n\
             各区人民政府,市政府各委、办、局:\n\
             现将《某市人工智能发展规划》印发给你们,请认真贯彻执行。\n\
             一、总体要求\n"
        );
    }

    #[test]
    fn prefers_the_most_specific_content_container() {
        // `main` wraps a sidebar and the article; `zoom` is the article.
        let html = "<div class=main><div class=list>其他文章标题一 其他文章标题二</div>\
            <div id=zoom><p>一、发展目标</p><p>到2025年,人工智能核心产业规模达到三千亿元。</p></div></div>";
        check(
            html,
            "一、发展目标\n到2025年,人工智能核心产业规模达到三千亿元。\n",
        );
        // A content class holding too little of the page's text is not the article.
        let html = "<div class=content>短</div><div><p>这是正文第一段,内容很长很长很长。</p><p>这是正文第二段,内容也很长很长。</p></div>";
        check(
            html,
            "这是正文第一段,内容很长很长很长。\n这是正文第二段,内容也很长很长。\n",
        );
    }

    #[test]
    fn without_a_container_takes_the_block_with_the_most_chinese() {
        let html = "<body><div><a>链接一</a> <a>链接二</a></div>\
            <div><p>第一段正文内容较长。</p><p>第二段正文内容较长。</p></div>\
            <div>页脚</div></body>";
        check(html, "第一段正文内容较长。\n第二段正文内容较长。\n");
        // No Chinese at all: the whole page.
        check("<div>a</div><div>b</div>", "a\nb\n");
    }

    #[test]
    fn keeps_the_title_first_unless_the_article_has_it() {
        let body = "<div id=zoom><p>一、总体要求</p></div>";
        check(
            &format!("<title>人工智能规划 | 某市政府</title>{body}"),
            "人工智能规划\n一、总体要求\n",
        );
        check(
            &format!("<title>网站</title><h1>人工智能规划</h1>{body}"),
            "人工智能规划\n一、总体要求\n",
        );
        check(
            "<title>人工智能规划</title><div id=zoom><p>人工智能 规划</p><p>一、总体要求</p></div>",
            "人工智能 规划\n一、总体要求\n",
        );
        // A title that is all site suffix stays whole.
        check("<title>_规划</title><p>正文</p>", "_规划\n正文\n");
    }

    #[test]
    fn reads_a_policy_page_laid_out_in_tables() {
        // The shape of an older provincial site: layout tables, a metadata table, the body in
        // `#Zoom` with TRS's nested `Custom_UnionStyle`, a share bar and a "print / close" row.
        let html = r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>省人民政府关于印发新一代人工智能发展规划的通知 - 政策文件 - 某省人民政府门户网站</title>
<script src="/js/jquery.js"></script><link rel="stylesheet" href="/css/a.css"></head>
<body><table width="1000"><tr><td class="topMenu"><a>首页</a>|<a>机构</a>|<a>政务公开</a></td></tr>
<tr><td><table class="xxgk"><tr><td>索引号:</td><td>000014349/2017-00142</td><td>发文字号:</td><td>某政发〔2017〕35号</td></tr></table>
<div class="title_bar"><h1 class="title">省人民政府关于印发新一代人工智能发展规划的通知</h1></div>
<div id="Zoom"><div class="Custom_UnionStyle">
<p style="text-indent: 2em">各市、县人民政府,省政府各部门:</p>
<p style="text-indent: 2em">现将《新一代人工智能发展规划》印发给你们,请认真贯彻执行。</p>
<p align="right">某省人民政府<br>2017年7月8日</p>
<p>&nbsp;</p>
<p style="text-align:center"><strong>新一代人工智能发展规划</strong></p>
<p>　　一、战略态势</p>
<p>　　到2020年,人工智能核心产业规模超过1500亿元。</p>
</div></div>
<div class="bdsharebuttonbox"><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="print_close">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr></table>
<div class="footer">主办:某省人民政府办公厅 <script>var _hmt = _hmt || [];</script></div></body></html>"#;
        assert_eq!(
            html_to_text(html),
            "省人民政府关于印发新一代人工智能发展规划的通知\n\
             各市、县人民政府,省政府各部门:\n\
             现将《新一代人工智能发展规划》印发给你们,请认真贯彻执行。\n\
             某省人民政府\n\
             2017年7月8日\n\
             新一代人工智能发展规划\n\
             \u{3000}\u{3000}一、战略态势\n\
             \u{3000}\u{3000}到2020年,人工智能核心产业规模超过1500亿元。\n"
        );
    }

    #[test]
    fn hidden_elements_are_dropped() {
        check(
            "<p>看得见</p><p hidden>藏起来</p><div style=\"display: none\">也藏</div>\
             <span style='VISIBILITY:hidden'>还藏</span>",
            "看得见\n",
        );
    }

    #[test]
    fn survives_malformed_markup() {
        let cases = [
            ("<p>a < b and c <5%</p>", "a < b and c <5%\n"),
            ("<p title=\"x > y\" data-a='>'>正文</p>", "正文\n"),
            ("<div><p>未闭合", "未闭合\n"),
            ("<p>正文</div></span></p>后文", "正文\n后文\n"),
            ("<p>正文<!-- 注释 <p>不要</p> -->后文</p>", "正文后文\n"),
            ("<p>正文<!-- 未闭合的注释", "正文\n"),
            ("<p>正文</p><script>never closed <p>x</p>", "正文\n"),
            ("<p>正文</p><scr", "正文\n"),
            ("<p>正文</p><p class=\"unterminated>后文", "正文\n"),
            ("<![CDATA[x]]><?php echo 1 ?><p>正文</p>", "正文\n"),
            ("</>< p>text</ p>", "</>< p>text</ p>\n"),
            ("<p>a</br>b</p>", "a\nb\n"),
            ("<SCRIPT>x</ScRiPt ><P>正文</P>", "正文\n"),
            ("<script src=a.js /><p>正文</p>", "正文\n"),
            ("<p>a &amp b &#; &#x110000;</p>", "a &amp b &#; \u{FFFD}\n"),
        ];
        for (html, want) in cases {
            check(html, want);
        }
        let deep = "<div>".repeat(5_000) + "深" + &"</div>".repeat(5_000);
        assert_eq!(html_to_text(&deep), "深\n");
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("<"), "<\n");
    }
}
