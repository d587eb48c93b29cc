//! The rules about published text: template text left in, personal data, links to nowhere
//! and raw HTML the sanitiser drops.

use super::{Checker, Rule, Severity};
use crate::content::{Laureate, Site};
use crate::i18n::Said;
use crate::layout;
use crate::markdown::{Document, SourceRef};
use crate::said;
use std::path::PathBuf;

pub use crate::content::Placeholder;

/// Every placeholder text left in a laureate's `profile.yaml` or `story.md` (found while
/// loading): an error of `laurel check`, a warning of the build.
pub fn placeholders(site: &Site) -> Vec<(&Laureate, &Placeholder)> {
    site.laureates
        .iter()
        .flat_map(|l| l.placeholders.iter().map(move |p| (l, p)))
        .collect()
}

/// The `placeholder` findings: template text must not go live.
pub(super) fn check_placeholders(c: &mut Checker) {
    for (laureate, p) in placeholders(c.site) {
        let said = match p.field.as_str() {
            "story" => said!("placeholder-story", text = &p.text),
            field => said!("placeholder-field", field = field, text = &p.text),
        };
        c.add(
            Some(laureate),
            &p.file,
            Rule::Placeholder,
            Severity::Error,
            said,
        )
        .place
        .line = Some(p.line);
    }
}

/// The `private-data` findings: no laureate's `private:` value, and nothing shaped like a
/// mobile number, an ID number or an e-mail address, in public text ([`crate::privacy::leaks`]).
pub(super) fn check_private_data(c: &mut Checker) {
    for leak in crate::privacy::leaks(c.site) {
        c.add(
            leak.laureate,
            &leak.file,
            Rule::PrivateData,
            Severity::Error,
            leak.said,
        )
        .place
        .line = leak.line;
    }
}

/// A link, image or removed piece of HTML in the site's Markdown: the file, the laureate
/// whose story it is in (none for pages and the introduction), and what with its line.
pub struct MarkdownRef<'a> {
    /// The Markdown file.
    pub file: PathBuf,
    /// The laureate whose story holds it.
    pub laureate: Option<&'a Laureate>,
    /// What, as written, and its line.
    pub item: &'a SourceRef,
}

/// The items `which` picks from every story, page and the front-page introduction.
fn markdown_refs<'a>(site: &'a Site, which: fn(&Document) -> &[SourceRef]) -> Vec<MarkdownRef<'a>> {
    let mut found = Vec::new();
    for l in &site.laureates {
        for item in which(&l.story) {
            found.push(MarkdownRef {
                file: l.story_file(),
                laureate: Some(l),
                item,
            });
        }
    }
    let intro = site
        .intro
        .iter()
        .map(|d| (site.root.join(layout::INTRO_FILE), d));
    let pages = site.pages.iter().map(|p| (p.file.clone(), &p.body));
    for (file, document) in intro.chain(pages) {
        for item in which(document) {
            found.push(MarkdownRef {
                file: file.clone(),
                laureate: None,
                item,
            });
        }
    }
    found
}

/// Every link in stories, pages and the front-page introduction that leads to no page of the
/// site. `laurel check` reports them as `broken-link` errors; the build refuses to publish them.
pub fn broken_links(site: &Site) -> Vec<MarkdownRef<'_>> {
    markdown_refs(site, |d| &d.broken_links)
}

/// Every piece of raw HTML the sanitiser removes from the site's Markdown: `html-removed`
/// warnings of `laurel check` and of the build.
pub fn removed_html(site: &Site) -> Vec<MarkdownRef<'_>> {
    markdown_refs(site, |d| &d.removed)
}

impl MarkdownRef<'_> {
    /// What `laurel check` and the build say about a link to nowhere.
    pub fn broken_link(&self) -> Said {
        said!("broken-link", address = &self.item.address)
    }

    /// What `laurel check` and the build say about HTML the sanitiser removes.
    pub fn html_removed(&self) -> Said {
        said!("html-removed", what = &self.item.address)
    }
}

/// The `html-removed` warnings: raw HTML the sanitiser drops, at its line.
pub(super) fn check_removed_html(c: &mut Checker) {
    for removed in removed_html(c.site) {
        c.add(
            removed.laureate,
            &removed.file,
            Rule::HtmlRemoved,
            Severity::Warning,
            removed.html_removed(),
        )
        .place
        .line = Some(removed.item.line);
    }
}

/// Links in stories and pages must lead to a page of the site (or outside it); images in a
/// story are not processed, so only absolute `https://` ones can show.
pub(super) fn check_links(c: &mut Checker) {
    for broken in broken_links(c.site) {
        c.add(
            broken.laureate,
            &broken.file,
            Rule::BrokenLink,
            Severity::Error,
            broken.broken_link(),
        )
        .place
        .line = Some(broken.item.line);
    }
    check_removed_html(c);
    for l in &c.site.laureates {
        for image in &l.story.images {
            let src = &image.address;
            if !src.starts_with("https://") && !src.starts_with("http://") {
                c.add(
                    Some(l),
                    &l.story_file(),
                    Rule::BrokenImage,
                    Severity::Error,
                    said!("broken-image", address = src),
                )
                .place
                .line = Some(image.line);
            }
        }
    }
}
