//! 材料包: what the studio hands out. The 汇总表 as export makes it (`.xlsx` or `.csv`; it
//! holds the nominees' phone numbers, so the page marks it 「含个人信息，仅供内部使用」), and per
//! nominee the media kit's material of the last build in `public/`: the card's link, its QR
//! code, the 海报 and 长图 and the other downloads the kit page offers, and the 公众号 draft.
//!
//! The kit's downloads are read from the built kit pages (`kit/index.html` and its further
//! pages): the posters' names are content hashes the build chose, and the built pages are what
//! will be published. The built files are served under `/built/`, only from `public/`.

use super::{files, Answer, SITE_HEADERS};
use crate::campaign::Campaign;
use crate::routes::{Route, Routes};
use std::collections::BTreeMap;
use std::path::Path;

/// The folder `laurel build` writes by default, relative to the site folder.
const OUTPUT_DIR: &str = "public";

/// The studio's path of the built files.
pub const BUILT_PATH: &str = "/built/";

/// `GET /api/handouts/summary.xlsx` or `.csv`: the 汇总表 of every nominee that loads, as
/// `laurel export` writes it, as a download.
pub fn summary(root: &Path, ext: &str) -> Answer {
    let Ok(partial) = Campaign::newest(root).nominees() else {
        return Answer::not_found();
    };
    let site = &partial.site;
    let (bytes, kind) = match ext {
        "xlsx" => match crate::export::summary::xlsx_bytes(site, false) {
            Ok(bytes) => (
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Err(why) => return Answer::text(500, &why),
        },
        "csv" => (
            crate::export::csv(&crate::export::rows(site, false)).into_bytes(),
            "text/csv; charset=utf-8",
        ),
        _ => return Answer::not_found(),
    };
    let name = format!("{}.{ext}", crate::export::title(site));
    let encoded = percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC);
    Answer::new(200, kind, bytes).header(
        "Content-Disposition",
        &format!("attachment; filename=\"summary.{ext}\"; filename*=UTF-8''{encoded}"),
    )
}

/// One download of a nominee's kit.
#[derive(Debug, Clone, serde::Serialize)]
struct Download {
    /// What the kit calls it (`海报 9:16（1080×1920，345 KB）`).
    label: String,
    /// The name it downloads as.
    file: String,
    /// Its address in the studio (under [`BUILT_PATH`]).
    href: String,
}

/// A nominee's material in the last build.
#[derive(Debug, serde::Serialize)]
struct Handout {
    name: String,
    folder: String,
    /// Whether the last build has a kit entry for them (only the published do).
    built: bool,
    /// The card's address as published (absolute with `base_url`).
    card_url: String,
    /// The QR code's PNG in the studio, when built.
    qr: Option<String>,
    /// The 公众号 draft (the HTML that is copied), in the studio, when built.
    article: Option<String>,
    /// The summary, to copy.
    summary: String,
    /// Every download the kit offers for them.
    downloads: Vec<Download>,
}

/// `GET /api/handouts`: whether there is a build, and every nominee's material in it.
pub fn handouts(root: &Path) -> Answer {
    let campaign = Campaign::newest(root);
    let Ok(config) = campaign.config() else {
        return Answer::not_found();
    };
    let routes = Routes::new(config);
    let output = root.join(OUTPUT_DIR);
    let kit_file = output.join(routes.output_path(&Route::Kit));
    let built = kit_file.is_file();
    let entries = if built {
        kit_downloads(&kit_pages(&kit_file), &routes)
    } else {
        BTreeMap::new()
    };
    let nominees = campaign
        .nominees()
        .map(|p| p.site.laureates)
        .unwrap_or_default();
    let list: Vec<Handout> = nominees
        .iter()
        .map(|l| {
            let exists = |route: &Route| {
                let rel = routes.output_path(route);
                output.join(&rel).is_file().then(|| built_href(&rel))
            };
            let card = Route::Card(&l.slug);
            Handout {
                name: l.name.clone(),
                folder: l
                    .folder
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                built: entries.contains_key(&l.slug),
                card_url: routes.absolute(&card).unwrap_or_else(|| routes.url(&card)),
                qr: exists(&Route::KitQrPng(&l.slug)),
                article: exists(&Route::KitArticleDraft(&l.slug)),
                summary: l.summary.clone(),
                downloads: entries.get(&l.slug).map(|d| d.to_vec()).unwrap_or_default(),
            }
        })
        .collect();
    Answer::json(&serde_json::json!({ "built": built, "output": OUTPUT_DIR, "nominees": list }))
}

/// `GET /built/<path>`: a file of the last build, only from inside `public/`; its pages with
/// the live site's policy (the theme's own scripts and styles).
pub fn built(root: &Path, rel: &str) -> Answer {
    let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
    let output = root.join(OUTPUT_DIR);
    let Some(path) = files::inside(root, &format!("{OUTPUT_DIR}/{rel}")) else {
        return Answer::not_found();
    };
    let path = match path.is_dir() {
        true => path.join("index.html"),
        false => path,
    };
    let inside = output
        .canonicalize()
        .is_ok_and(|output| path.starts_with(output));
    match std::fs::read(&path) {
        Ok(bytes) if inside => {
            let kind = crate::routes::content_type(&path.to_string_lossy());
            SITE_HEADERS
                .iter()
                .fold(Answer::new(200, &kind, bytes), |answer, (name, value)| {
                    answer.header(name, value)
                })
        }
        _ => Answer::not_found(),
    }
}

/// The kit's first page and its further pages (`kit/page/2/index.html` …), read.
fn kit_pages(first: &Path) -> Vec<String> {
    let kit = first.parent().unwrap_or(first);
    let mut pages = vec![std::fs::read_to_string(first).unwrap_or_default()];
    for n in 2.. {
        match std::fs::read_to_string(kit.join(format!("page/{n}/index.html"))) {
            Ok(page) => pages.push(page),
            Err(_) => break,
        }
    }
    pages
}

/// Every download link (`<a href download>`) of each kit entry (`<section id="kit-<slug>">`),
/// by slug.
fn kit_downloads(pages: &[String], routes: &Routes) -> BTreeMap<String, Vec<Download>> {
    let mut by_slug: BTreeMap<String, Vec<Download>> = BTreeMap::new();
    for page in pages {
        let mut slug: Option<String> = None;
        for (name, attributes, after) in start_tags(page) {
            if name == "section" {
                slug = attributes
                    .get("id")
                    .and_then(|id| id.strip_prefix("kit-"))
                    .map(str::to_string);
                if let Some(slug) = &slug {
                    by_slug.entry(slug.clone()).or_default();
                }
            }
            let (Some(slug), true) = (&slug, name == "a") else {
                continue;
            };
            let (Some(href), Some(file)) = (attributes.get("href"), attributes.get("download"))
            else {
                continue;
            };
            let Some(rel) = href.strip_prefix(routes.root()) else {
                continue;
            };
            let text = &page[after..page[after..].find("</a>").map_or(after, |end| after + end)];
            by_slug.entry(slug.clone()).or_default().push(Download {
                label: crate::export::nomination::plain_text(text),
                file: file.clone(),
                href: built_href(rel),
            });
        }
    }
    by_slug
}

/// A path of the output as the studio serves it.
fn built_href(rel: &str) -> String {
    format!("{BUILT_PATH}{rel}")
}

/// Every start tag of `html`: its name, its attributes (values decoded) and where it ends.
/// Minified HTML leaves attribute values unquoted where it can; all three forms are read.
fn start_tags(html: &str) -> Vec<(String, BTreeMap<String, String>, usize)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let from = html.len() - rest.len() + open + 1;
        let tag = &html[from..];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let (attributes, end) = attributes(&tag[name.len()..]);
        rest = &tag[name.len() + end..];
        if !name.is_empty() {
            tags.push((
                name.to_ascii_lowercase(),
                attributes,
                html.len() - rest.len(),
            ));
        }
    }
    tags
}

/// The attributes at the start of `text` up to the tag's `>`, and how far that is.
fn attributes(text: &str) -> (BTreeMap<String, String>, usize) {
    let mut found = BTreeMap::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() && bytes[at] != b'>' {
        if bytes[at].is_ascii_whitespace() || bytes[at] == b'/' {
            at += 1;
            continue;
        }
        let name_end = text[at..]
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
            .map_or(text.len(), |n| at + n);
        let name = text[at..name_end].to_ascii_lowercase();
        at = name_end;
        let mut value = String::new();
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            let quote = bytes.get(at).copied().filter(|q| *q == b'"' || *q == b'\'');
            let start = at + usize::from(quote.is_some());
            let end = match quote {
                Some(q) => text[start..]
                    .find(q as char)
                    .map_or(text.len(), |n| start + n),
                None => text[start..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(text.len(), |n| start + n),
            };
            value = decode(&text[start..end]);
            at = end + usize::from(quote.is_some());
        }
        found.insert(name, value);
    }
    (found, (at + 1).min(text.len()))
}

/// The character references a page's attributes and text use.
fn decode(text: &str) -> String {
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#x27;", "'"),
        ("&#x2F;", "/"),
        ("&#47;", "/"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kit_entries_give_their_download_links_quoted_or_not() {
        let page = r#"<section class=kit-entry id=kit-wang-fang><h2>王芳</h2><a href=/zuimei/kit/wang-fang/qr.png download=王芳-二维码.png>PNG</a>
<a href="/zuimei/media/p-1a2b.jpg" download="王芳-海报-9x16.jpg">海报 9:16（1080×1920，<b>345</b> KB）</a><a href=/elsewhere/x.jpg download=x.jpg>x</a></section>
<section id=kit-li-qiang><a href='/zuimei/media/l.jpg' download='李强-长图.jpg'>长图 &amp; 更多</a></section>"#;
        let routes = Routes::from_base_url("https://example.org/zuimei/");
        let found = kit_downloads(&[page.to_string()], &routes);
        let hers: Vec<(&str, &str, &str)> = found["wang-fang"]
            .iter()
            .map(|d| (d.label.as_str(), d.file.as_str(), d.href.as_str()))
            .collect();
        assert_eq!(
            hers,
            [
                ("PNG", "王芳-二维码.png", "/built/kit/wang-fang/qr.png"),
                (
                    "海报 9:16（1080×1920，345 KB）",
                    "王芳-海报-9x16.jpg",
                    "/built/media/p-1a2b.jpg"
                ),
            ]
        );
        assert_eq!(found["li-qiang"][0].label, "长图 & 更多");
    }
}
