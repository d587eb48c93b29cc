//! The extra pages in `content/pages/`: front matter and Markdown.

use super::{extension, list_dir};
use crate::content::slug::{is_valid_slug, slugify};
use crate::content::Page;
use crate::diagnostics::{read_text, Diagnostic, Diagnostics};
use crate::markdown::Document;
use crate::routes::RESERVED_SEGMENTS;
use crate::{said, yaml};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// Optional front matter of a page: `---` YAML `---` before the Markdown.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageMeta {
    title: Option<String>,
    slug: Option<String>,
}

/// The extra pages (title and body still to be rendered) and their Markdown bodies.
pub(super) fn load_pages(dir: &Path, problems: &mut Diagnostics) -> (Vec<Page>, Vec<String>) {
    let mut pages = Vec::new();
    let mut bodies = Vec::new();
    let mut seen = HashSet::new();
    for file in list_dir(dir, problems) {
        if extension(&file) != "md" {
            continue;
        }
        let Some((page, body)) = load_page(&file, problems) else {
            continue;
        };
        let a_year = page.slug.len() == 4 && page.slug.bytes().all(|b| b.is_ascii_digit());
        if RESERVED_SEGMENTS.contains(&page.slug.as_str())
            || a_year
            || !seen.insert(page.slug.clone())
        {
            problems.push(Diagnostic::said(
                &file,
                said!("page-url-taken", slug = &page.slug),
            ));
            continue;
        }
        pages.push(page);
        bodies.push(body);
    }
    (pages, bodies)
}

/// A page's front matter read, and its body with the front matter's lines left blank, so that
/// lines in messages are the file's.
fn load_page(file: &Path, problems: &mut Diagnostics) -> Option<(Page, String)> {
    let text = match read_text(file) {
        Ok(text) => text.replace("\r\n", "\n"),
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let (meta, body) = match split_front_matter(&text) {
        Some((front, body)) => match yaml::parse::<PageMeta>(front, file) {
            Ok(meta) => {
                let blank = "\n".repeat(text[..text.len() - body.len()].matches('\n').count());
                (meta, format!("{blank}{body}"))
            }
            Err(d) => {
                // Front matter starts on line 2 of the file.
                let d = Diagnostic {
                    line: d.line.map(|l| l + 1),
                    ..d
                };
                problems.push(d);
                return None;
            }
        },
        None => (PageMeta::default(), text.clone()),
    };
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = meta.slug.unwrap_or_else(|| slugify(&stem));
    if !is_valid_slug(&slug) {
        problems.push(Diagnostic::said(
            file,
            said!("page-slug-invalid", slug = &slug),
        ));
        return None;
    }
    let page = Page {
        slug,
        title: meta.title.unwrap_or_default(),
        body: Document::default(),
        file: file.to_path_buf(),
    };
    Some((page, body))
}

fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    let body = rest[end + 4..].trim_start_matches(['-']);
    Some((&rest[..end + 1], body.strip_prefix('\n').unwrap_or(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let (front, body) = split_front_matter("---\ntitle: 关于\n---\n正文\n").unwrap();
        assert_eq!(front, "title: 关于\n");
        assert_eq!(body, "正文\n");
        assert!(split_front_matter("正文").is_none());
    }
}
