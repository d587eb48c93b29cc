//! Markdown to safe HTML, split into chapters at `##` headings.
//!
//! Stories come from nominating units and are untrusted: the HTML pulldown-cmark produces
//! (including any raw HTML in the source) goes through ammonia's whitelist, which removes
//! scripts, event handlers, `javascript:` URLs, iframes and styles.

use crate::routes::LinkTarget;
use crate::tr;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A Markdown document rendered to sanitised HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The text of a leading `#` heading, if the document starts with one (used as a title).
    pub title: Option<String>,
    /// The document in order: an untitled lead (text before the first `##`), then one
    /// chapter per `##` heading.
    pub chapters: Vec<Chapter>,
    /// Links that lead to no page of the site, as written, with their lines.
    pub broken_links: Vec<SourceRef>,
    /// The images the document shows (`![…](src)`), as written, with their lines.
    pub images: Vec<SourceRef>,
    /// What the sanitiser removes (raw HTML elements and attributes, script links), each
    /// described with its line.
    pub removed: Vec<SourceRef>,
}

/// A link or image address as written in the Markdown source, and the 1-based line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    /// The address as written.
    pub address: String,
    /// 1-based line in the Markdown text.
    pub line: usize,
}

/// One part of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// The `##` heading's text; `None` for the lead before the first heading.
    pub title: Option<String>,
    /// A stable anchor for the chapter (`chapter-1`, `chapter-2`, …; `lead` for the lead).
    pub id: String,
    /// The chapter's body as sanitised HTML, without its heading.
    pub html: String,
    /// The same body split into its top-level blocks (paragraphs, lists, quotes …), for
    /// layouts that spread a chapter over several screens.
    pub blocks: Vec<Block>,
}

/// One top-level block of a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block as sanitised HTML.
    pub html: String,
    /// Number of characters of text in it.
    pub chars: usize,
}

impl Document {
    /// The whole document body as one HTML string, headings included.
    pub fn to_html(&self) -> String {
        let mut html = String::new();
        for chapter in &self.chapters {
            if let Some(title) = &chapter.title {
                html.push_str(&format!("<h2 id=\"{}\">{}</h2>", chapter.id, escape(title)));
            }
            html.push_str(&chapter.html);
        }
        html
    }

    /// True when the document has no headings and no text.
    pub fn is_empty(&self) -> bool {
        self.chapters
            .iter()
            .all(|c| c.title.is_none() && c.html.trim().is_empty())
    }
}

/// Renders Markdown into a sanitised, chaptered [`Document`]. Each link's address goes through
/// `resolve`: internal links are rewritten to the URL it gives, broken ones are recorded.
pub fn render(markdown: &str, resolve: &dyn Fn(&str) -> LinkTarget) -> Document {
    let mut document = Document::default();
    let events = read_events(markdown, resolve, &mut document);
    split_chapters(events, &mut document);
    document
}

/// The events of `markdown` with its links resolved; each broken link, image, script link and
/// raw HTML the sanitiser drops noted in `document` at its line.
fn read_events<'m>(
    markdown: &'m str,
    resolve: &dyn Fn(&str) -> LinkTarget,
    document: &mut Document,
) -> Vec<Event<'m>> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset);
    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve_link(dest_url, line_of(range.start), resolve, document);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                document.images.push(SourceRef {
                    address: dest_url.to_string(),
                    line: line_of(range.start),
                });
                event
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                for what in unsafe_html(html) {
                    document.removed.push(SourceRef {
                        address: what,
                        line: line_of(range.start),
                    });
                }
                event
            }
            other => other,
        };
        events.push(event);
    }
    events
}

/// A link's address as published: an internal one made a URL, a broken one kept (and noted in
/// `document`, as is a script link, which the sanitiser drops).
fn resolve_link<'m>(
    dest_url: CowStr<'m>,
    line: usize,
    resolve: &dyn Fn(&str) -> LinkTarget,
    document: &mut Document,
) -> CowStr<'m> {
    if is_script_url(&dest_url) {
        document.removed.push(SourceRef {
            address: tr!("removed-script-link", url = dest_url.to_string()),
            line,
        });
    }
    match resolve(&dest_url) {
        LinkTarget::External => dest_url,
        LinkTarget::Internal(url) => url.into(),
        LinkTarget::Broken => {
            document.broken_links.push(SourceRef {
                address: dest_url.to_string(),
                line,
            });
            dest_url
        }
    }
}

/// The document's title (a first `#` heading before any text) and its chapters, split at
/// `##` headings.
fn split_chapters(events: Vec<Event>, document: &mut Document) {
    let mut current: Vec<Event> = Vec::new();
    let mut current_title: Option<String> = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut seen_content = false;
    for event in events {
        match event {
            Event::Start(Tag::Heading { level, .. })
                if level == HeadingLevel::H2 || (level == HeadingLevel::H1 && !seen_content) =>
            {
                heading = Some((level, String::new()));
            }
            Event::Text(text) | Event::Code(text) if heading.is_some() => {
                if let Some((_, title)) = heading.as_mut() {
                    title.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) if heading.is_some() => {
                let Some((level, title)) = heading.take() else {
                    continue;
                };
                if level == HeadingLevel::H1 {
                    document.title = Some(title.trim().to_string());
                } else {
                    push_chapter(document, current_title.take(), &current);
                    current.clear();
                    current_title = Some(title.trim().to_string());
                }
            }
            _ if heading.is_some() => {}
            other => {
                seen_content = true;
                current.push(other);
            }
        }
    }
    push_chapter(document, current_title, &current);
}

fn push_chapter(document: &mut Document, title: Option<String>, events: &[Event]) {
    let html = to_safe_html(events);
    if title.is_none() && html.trim().is_empty() {
        return;
    }
    let blocks = top_level_blocks(events)
        .into_iter()
        .map(|block| Block {
            html: to_safe_html(block),
            chars: block
                .iter()
                .map(|e| match e {
                    Event::Text(t) | Event::Code(t) => t.chars().count(),
                    _ => 0,
                })
                .sum(),
        })
        .filter(|b| !b.html.trim().is_empty())
        .collect();
    let id = match title {
        Some(_) => format!(
            "chapter-{}",
            document
                .chapters
                .iter()
                .filter(|c| c.title.is_some())
                .count()
                + 1
        ),
        None => "lead".to_string(),
    };
    document.chapters.push(Chapter {
        title,
        id,
        html,
        blocks,
    });
}

fn to_safe_html(events: &[Event]) -> String {
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, events.iter().cloned());
    unwrap_dead_links(&ammonia::clean(&raw))
}

/// True for `javascript:`, `vbscript:` and `data:` URLs, which the sanitiser removes.
fn is_script_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// What the sanitiser will remove from a piece of raw HTML, in words an editor understands:
/// elements it does not allow (with advice for video players) and event handlers, styles and
/// script URLs.
fn unsafe_html(html: &str) -> Vec<String> {
    let allowed = ammonia::Builder::default().clone_tags();
    let mut found = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        if tag.starts_with(['/', '!', '?']) {
            continue;
        }
        let mut parts = tag.split_whitespace();
        let name = parts.next().unwrap_or("").to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !allowed.contains(name.as_str()) {
            found.push(tr!("removed-element", name = name));
            continue;
        }
        for attribute in parts {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            let key = key.to_ascii_lowercase();
            let value = value.trim_matches(['"', '\'']);
            if key.starts_with("on") || key == "style" || is_script_url(value) {
                found.push(format!("the `{key}` attribute of <{name}>"));
            }
        }
    }
    found
}

/// Removes `<a>` tags the sanitiser left without a target (their `javascript:` URL removed),
/// keeping their text, so no link leads nowhere.
fn unwrap_dead_links(html: &str) -> String {
    const DEAD: &str = "<a rel=\"noopener noreferrer\">";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(DEAD) {
        out.push_str(&rest[..start]);
        rest = &rest[start + DEAD.len()..];
        if let Some(end) = rest.find("</a>") {
            out.push_str(&rest[..end]);
            rest = &rest[end + "</a>".len()..];
        }
    }
    out.push_str(rest);
    out
}

/// Splits a chapter's events where each top-level block ends.
fn top_level_blocks<'e, 'a>(events: &'e [Event<'a>]) -> Vec<&'e [Event<'a>]> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            blocks.push(&events[start..=i]);
            start = i + 1;
        }
    }
    if start < events.len() {
        blocks.push(&events[start..]);
    }
    blocks
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(markdown: &str) -> Document {
        render(markdown, &|_| LinkTarget::External)
    }

    #[test]
    fn chapters_split_at_level_two_headings() {
        let doc = plain("开头一段。\n\n## 扎根田野\n\n第一章。\n\n## 带出团队\n\n第二章。\n");
        let titles: Vec<_> = doc.chapters.iter().map(|c| c.title.clone()).collect();
        assert_eq!(
            titles,
            vec![None, Some("扎根田野".into()), Some("带出团队".into())]
        );
        assert_eq!(doc.chapters[1].id, "chapter-1");
        assert!(doc.chapters[2].html.contains("第二章"));
        assert!(doc.to_html().contains("<h2 id=\"chapter-2\">带出团队</h2>"));
    }

    #[test]
    fn chapters_keep_their_top_level_blocks_with_text_lengths() {
        let doc = plain(
            "## 一

第一段，七个字

- 甲
- 乙

> 引用里\n>\n> 有两段

<script>x</script>
",
        );
        let blocks = &doc.chapters[0].blocks;
        let texts: Vec<(&str, usize)> = blocks
            .iter()
            .map(|b| (b.html.split('>').next().unwrap(), b.chars))
            .collect();
        assert_eq!(texts, vec![("<p", 7), ("<ul", 2), ("<blockquote", 6)]);
        assert!(blocks.iter().all(|b| !b.html.contains("script")));
    }

    #[test]
    fn leading_h1_is_the_title() {
        let doc = plain("# 关于评选\n\n正文\n");
        assert_eq!(doc.title.as_deref(), Some("关于评选"));
        assert_eq!(doc.chapters.len(), 1);
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let doc = plain(
            "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[点我](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\">x</a>\n",
        );
        let html = doc.to_html();
        for bad in ["<script", "onerror", "javascript:", "alert(1)"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn what_the_sanitiser_removes_is_said_with_its_line() {
        let doc = plain(
            "开头。\n\n<iframe src=\"https://v.qq.com/x\"></iframe>\n\n<p onclick=\"x()\">段落</p>\n\n[更多](javascript:void(0))\n",
        );
        let removed: Vec<(usize, &str)> = doc
            .removed
            .iter()
            .map(|r| (r.line, r.address.as_str()))
            .collect();
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert_eq!(removed[0].0, 3);
        assert!(removed[0].1.contains("<iframe>") && removed[0].1.contains("videos/"));
        assert_eq!(removed[1].0, 5);
        assert!(removed[1].1.contains("onclick"));
        assert_eq!(removed[2].0, 7);
        let html = doc.to_html();
        assert!(html.contains("更多") && !html.contains("<a"), "{html}");
    }

    #[test]
    fn editor_notes_in_html_comments_are_left_out_of_every_block() {
        let doc = plain(
            "<!-- 编者注：甲 -->\n\n## 一\n\n正文<!-- 编者注：乙 -->继续。\n\n<!--\n编者注：丙\n\n[链接](/x/)\n-->\n\n末段。\n",
        );
        let html = doc.to_html();
        assert!(!html.contains("编者注"), "{html}");
        assert!(
            html.contains("正文继续。") && html.contains("末段。"),
            "{html}"
        );
        // No empty lead is left by a note above the first heading, and no empty block.
        assert_eq!(doc.chapters.len(), 1);
        let blocks: Vec<usize> = doc.chapters[0].blocks.iter().map(|b| b.chars).collect();
        assert_eq!(blocks, vec![5, 3]);
        assert!(doc.removed.is_empty() && doc.broken_links.is_empty());
    }

    #[test]
    fn empty_story_is_empty() {
        assert!(plain("  \n").is_empty());
        assert!(!plain("字").is_empty());
    }
}
