//! 公众号 article drafts (`/kit/<slug>/article/`): each laureate's story laid out for the
//! WeChat editor, which keeps only inline styles. The layout is the theme's `article.html`;
//! its `inline_styles` filter puts a style on every tag of the story's HTML.

use super::views::{LaureateView, PhotoView};
use crate::config::SiteConfig;
use crate::markdown::Document;
use crate::routes::Routes;
use serde::Serialize;
use std::collections::HashMap;

/// Most characters WeChat allows in an article title.
pub const TITLE_MAX: usize = 64;
/// Most characters WeChat allows in an article's 摘要.
pub const DIGEST_MAX: usize = 120;

/// What the article templates get as `article`.
#[derive(Debug, Serialize)]
pub struct ArticleView<'a> {
    /// The laureate.
    pub laureate: &'a LaureateView<'a>,
    /// The title, from the site's pattern, at most [`TITLE_MAX`] characters.
    pub title: String,
    /// The 摘要, from the summary, at most [`DIGEST_MAX`] characters.
    pub digest: String,
    /// The story's lead (text before the first chapter), as HTML.
    pub lead: Option<String>,
    /// The chapters, each followed by a photo while photos last.
    pub sections: Vec<ArticleSection>,
    /// Photos left over after the last chapter.
    pub more_photos: Vec<ArticlePhoto>,
    /// The card's URL, absolute when `base_url` is set, in the preview too (「阅读原文」).
    pub card_url: String,
    /// The QR code image of the card, absolute; none without `base_url`.
    pub qr_png: Option<String>,
    /// The 2.35:1 cover, absolute.
    pub cover: Option<String>,
    /// The 1:1 cover, absolute.
    pub square: Option<String>,
    /// The draft alone, for download.
    pub draft_url: String,
}

/// One chapter of the article.
#[derive(Debug, Serialize)]
pub struct ArticleSection {
    /// The `##` heading.
    pub title: Option<String>,
    /// The chapter's HTML.
    pub html: String,
    /// The photo shown after it.
    pub photo: Option<ArticlePhoto>,
}

/// A photo by absolute URL, as a JPEG the editor accepts (at most 1080 px wide).
#[derive(Debug, Clone, Serialize)]
pub struct ArticlePhoto {
    /// Absolute URL of the JPEG.
    pub src: String,
    /// Its width.
    pub width: u32,
    /// Its height.
    pub height: u32,
    /// The 图说 caption.
    pub caption: Option<String>,
    /// Alt text.
    pub alt: String,
}

/// The article view of a laureate whose story is `story`: with absolute URLs (`absolute`,
/// for the draft that is copied into the editor) or root-relative ones (for the kit's
/// preview, which then shows on any host).
pub fn article<'a>(
    config: &SiteConfig,
    routes: &Routes,
    laureate: &'a LaureateView<'a>,
    story: &Document,
    absolute: bool,
) -> ArticleView<'a> {
    let absolute = |url: &str| match absolute {
        true => routes.absolute_of(url).unwrap_or_else(|| url.to_string()),
        false => url.to_string(),
    };
    let mut photos = laureate.photos.iter().map(|p| article_photo(p, &absolute));
    let mut lead = None;
    let mut sections = Vec::new();
    for chapter in &story.chapters {
        match &chapter.title {
            None if sections.is_empty() && lead.is_none() => lead = Some(chapter.html.clone()),
            title => sections.push(ArticleSection {
                title: title.clone(),
                html: chapter.html.clone(),
                photo: photos.next(),
            }),
        }
    }
    ArticleView {
        title: title(config, laureate),
        digest: shorten(laureate.summary, DIGEST_MAX),
        lead,
        sections,
        more_photos: photos.collect(),
        // 阅读原文 is a URL the editor copies into the article's settings: absolute in the
        // preview too, whatever the images are.
        card_url: routes
            .absolute_of(&laureate.card_url)
            .unwrap_or_else(|| laureate.card_url.clone()),
        qr_png: routes.has_origin().then(|| absolute(&laureate.qr_urls.png)),
        cover: laureate.cover.as_ref().map(|c| absolute(&c.full)),
        square: laureate.square.as_ref().map(|c| absolute(&c.full)),
        draft_url: laureate.article_urls.draft.clone(),
        laureate,
    }
}

/// A photo's JPEG of at most 1080 px (the view's medium `src`, 960 px by default).
fn article_photo(photo: &PhotoView, absolute: &dyn Fn(&str) -> String) -> ArticlePhoto {
    let image = &photo.image;
    let (width, height) = if image.width > 1080 {
        (
            960,
            (960.0 * image.height as f64 / image.width as f64).round() as u32,
        )
    } else {
        (image.width, image.height)
    };
    ArticlePhoto {
        src: absolute(&image.src),
        width,
        height,
        caption: photo.caption.clone(),
        alt: image.alt.clone(),
    }
}

/// The title from the site's pattern; a quote that makes it too long is shortened, and the
/// whole cut at [`TITLE_MAX`] if it is still too long.
fn title(config: &SiteConfig, laureate: &LaureateView) -> String {
    let fill = |quote: &str| {
        config
            .article
            .title
            .replace("{campaign}", &config.title)
            .replace("{year}", &config.campaign.year.to_string())
            .replace("{name}", laureate.name)
            .replace("{organization}", laureate.organization)
            .replace("{quote}", quote)
    };
    let quote = laureate.quote.trim_end_matches('。');
    let full = fill(quote);
    let over = full.chars().count().saturating_sub(TITLE_MAX);
    if over == 0 {
        return full;
    }
    let keep = quote.chars().count().saturating_sub(over + 1);
    let shortened = fill(&format!(
        "{}…",
        quote.chars().take(keep).collect::<String>()
    ));
    shorten(&shortened, TITLE_MAX)
}

/// `text` cut to `max` characters, ending in 「…」 when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}

/// The Tera filter `inline_styles`: every start tag named by an argument gets that argument
/// as its `style` (`{{ html | inline_styles(p="…", li="…") }}`), and links are unwrapped to
/// their text, since the WeChat editor drops classes, style sheets and outside links.
pub struct InlineStyles;

impl tera::Filter for InlineStyles {
    fn filter(
        &self,
        value: &tera::Value,
        styles: &HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let html = tera::from_value::<String>(value.clone())?;
        let mut out = String::with_capacity(html.len() * 2);
        let mut rest = html.as_str();
        while let Some(start) = rest.find('<') {
            out.push_str(&rest[..start]);
            let Some(end) = rest[start..].find('>') else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let tag = &rest[start..start + end + 1];
            rest = &rest[start + end + 1..];
            let name: String = tag[1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                .collect();
            match name.as_str() {
                "a" | "/a" => {}
                _ => match styles.get(&name).and_then(|s| s.as_str()) {
                    Some(style) => {
                        let attributes = tag[1 + name.len()..tag.len() - 1].trim_end_matches('/');
                        out.push_str(&format!(
                            "<{name}{attributes} style=\"{}\">",
                            crate::markdown::escape(style)
                        ));
                    }
                    None => out.push_str(tag),
                },
            }
        }
        out.push_str(rest);
        Ok(tera::Value::String(out))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_styles_go_on_every_named_tag_and_links_are_unwrapped() {
        let styles: HashMap<String, tera::Value> = [("p", "margin:0"), ("li", "color:red")]
            .iter()
            .map(|(k, v)| (k.to_string(), tera::Value::String(v.to_string())))
            .collect();
        let html = tera::Value::String(
            "<p>见<a href=\"/x\" rel=\"noopener\">这里</a></p><ul><li>一</li></ul>".into(),
        );
        let out = tera::Filter::filter(&InlineStyles, &html, &styles).unwrap();
        assert_eq!(
            out,
            "<p style=\"margin:0\">见这里</p><ul><li style=\"color:red\">一</li></ul>"
        );
    }
}
