//! Views of the H5 story cards (`/cards/<slug>/`) and the media kit (`/kit/`): what
//! new-media staff link, embed and paste into WeChat articles.

use super::article::shorten;
use super::qr;
use super::views::{LaureateView, PhotoView, VideoView};
use crate::markdown::{Block, Document};
use crate::routes::Routes;
use serde::Serialize;

/// Most characters of story text on one card page: about 15 lines on a phone.
pub const CARD_PAGE_CHARS: usize = 280;

/// Side of the kit's PNG QR codes in pixels: 3.8 cm at 300 dpi.
const QR_PNG_SIZE: u32 = 450;

/// One full-screen page of a card.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum CardPage {
    /// Portrait, name, title, organisation and the campaign mark.
    Cover,
    /// The laureate's quote.
    Quote,
    /// Part of a story chapter.
    Story {
        /// The chapter's heading; none for the lead.
        title: Option<String>,
        /// True on the second and later pages of a chapter.
        continued: bool,
        /// Sanitised HTML of the blocks on this page.
        html: String,
    },
    /// A photo with its 图说 caption.
    Photo {
        /// The photo.
        photo: Box<PhotoView>,
    },
    /// A video.
    Video {
        /// The video.
        video: VideoView,
    },
    /// QR code, campaign name and links onwards.
    End,
}

/// What link previews and the WeChat JS-SDK show for a card.
#[derive(Debug, Clone, Serialize)]
pub struct ShareView {
    /// Title: name, quote and campaign.
    pub title: String,
    /// Description: the start of the summary.
    pub description: String,
    /// The card's URL, absolute when `base_url` is set.
    pub url: String,
    /// The 3:4 poster's URL (absolute when `base_url` is set), width and height.
    pub poster: Option<(String, u32, u32)>,
    /// The square share image's URL (absolute when `base_url` is set).
    pub square: Option<String>,
}

/// One laureate's card.
#[derive(Debug, Serialize)]
pub struct CardView<'a> {
    /// The laureate.
    pub laureate: &'a LaureateView<'a>,
    /// The pages in order.
    pub pages: Vec<CardPage>,
    /// Share data.
    pub share: ShareView,
    /// The QR code of the card's absolute URL, as inline SVG; none without `base_url`.
    pub qr_svg: Option<String>,
}

/// One laureate's entry on the media kit page.
#[derive(Debug, Serialize)]
pub struct KitEntry<'a> {
    /// The laureate.
    pub laureate: &'a LaureateView<'a>,
    /// Share data of the card (URLs absolute when `base_url` is set).
    pub share: ShareView,
    /// URL of the embeddable card.
    pub embed_url: String,
    /// The iframe snippet for portals.
    pub iframe: String,
    /// The QR code as inline SVG; none without `base_url`.
    pub qr_svg: Option<String>,
}

/// Makes the cards' and the kit's views.
pub struct Cards {
    routes: Routes,
    campaign: String,
}

impl Cards {
    /// Card views for a site published at `routes` whose campaign is called `campaign`.
    pub fn new(routes: Routes, campaign: String) -> Self {
        Cards { routes, campaign }
    }

    /// `url` made absolute when `base_url` is set, else as it is.
    fn absolute(&self, url: &str) -> String {
        self.routes
            .absolute_of(url)
            .unwrap_or_else(|| url.to_string())
    }

    /// The share data of a laureate's card.
    pub fn share(&self, laureate: &LaureateView) -> ShareView {
        let mut title = laureate.name.to_string();
        if !laureate.quote.is_empty() {
            title = format!("{title}：{}", laureate.quote.trim_end_matches('。'));
        }
        ShareView {
            title: format!("{title}｜{}", self.campaign),
            description: shorten(laureate.summary, 120),
            url: self.absolute(&laureate.card_url),
            poster: laureate
                .poster
                .as_ref()
                .map(|p| (self.absolute(&p.full), p.width, p.height)),
            square: laureate.square.as_ref().map(|p| self.absolute(&p.full)),
        }
    }

    /// The QR code of a card, when its URL is absolute.
    fn qr_svg(&self, laureate: &LaureateView) -> Option<String> {
        self.routes.has_origin().then(|| {
            qr::svg(
                &self.absolute(&laureate.card_url),
                &format!("{}的故事卡片二维码", laureate.name),
            )
        })
    }

    /// The QR code files of a card (SVG and PNG), when its URL is absolute.
    pub fn qr_files(&self, laureate: &LaureateView) -> Option<(String, Vec<u8>)> {
        let svg = self.qr_svg(laureate)?;
        Some((
            svg,
            qr::png(&self.absolute(&laureate.card_url), QR_PNG_SIZE),
        ))
    }

    /// The card of `laureate`, whose story is `story`.
    pub fn card<'a>(&self, laureate: &'a LaureateView<'a>, story: &Document) -> CardView<'a> {
        let mut pages = vec![CardPage::Cover];
        if !laureate.quote.is_empty() {
            pages.push(CardPage::Quote);
        }
        pages.extend(story_pages(story));
        pages.extend(laureate.photos.iter().map(|photo| CardPage::Photo {
            photo: Box::new(photo.clone()),
        }));
        pages.extend(laureate.videos.iter().map(|video| CardPage::Video {
            video: video.clone(),
        }));
        pages.push(CardPage::End);
        CardView {
            laureate,
            pages,
            share: self.share(laureate),
            qr_svg: self.qr_svg(laureate),
        }
    }

    /// The media kit entry of `laureate`.
    pub fn kit_entry<'a>(&self, laureate: &'a LaureateView<'a>) -> KitEntry<'a> {
        let share = self.share(laureate);
        let embed_url = self.absolute(&laureate.embed_url);
        let iframe = format!(
            "<div style=\"position:relative;width:100%;max-width:420px;aspect-ratio:9/16\">\
             <iframe src=\"{embed_url}\" title=\"{}的故事\" loading=\"lazy\" allowfullscreen \
             style=\"position:absolute;inset:0;width:100%;height:100%;border:0\"></iframe></div>",
            laureate.name
        );
        KitEntry {
            laureate,
            qr_svg: self.qr_svg(laureate),
            share,
            embed_url,
            iframe,
        }
    }
}

/// Spreads the story over pages of at most [`CARD_PAGE_CHARS`] characters, breaking only
/// between blocks (a longer block gets a page of its own).
pub fn story_pages(story: &Document) -> Vec<CardPage> {
    let mut pages = Vec::new();
    for chapter in &story.chapters {
        for (i, blocks) in pack(&chapter.blocks).into_iter().enumerate() {
            pages.push(CardPage::Story {
                title: chapter.title.clone(),
                continued: i > 0,
                html: blocks.iter().map(|b| b.html.as_str()).collect(),
            });
        }
    }
    pages
}

fn pack(blocks: &[Block]) -> Vec<Vec<&Block>> {
    let mut pages: Vec<Vec<&Block>> = Vec::new();
    let mut chars = 0;
    for block in blocks {
        match pages.last_mut() {
            Some(page) if chars + block.chars <= CARD_PAGE_CHARS => page.push(block),
            _ => {
                pages.push(vec![block]);
                chars = 0;
            }
        }
        chars += block.chars;
    }
    pages
}

/// The first `max` characters of `text`, with an ellipsis when cut.
#[cfg(test)]
mod tests {
    use super::*;

    fn titles_and_lengths(markdown: &str) -> Vec<(Option<String>, bool, usize)> {
        story_pages(&crate::markdown::render(markdown, &|_| {
            crate::routes::LinkTarget::External
        }))
        .into_iter()
        .map(|page| match page {
            CardPage::Story {
                title,
                continued,
                html,
            } => (title, continued, html.matches("<p>").count()),
            other => panic!("not a story page: {other:?}"),
        })
        .collect()
    }

    #[test]
    fn long_chapters_continue_on_the_next_page_between_paragraphs() {
        let paragraph = "字".repeat(120);
        let chapter = [paragraph.as_str(); 5].join("\n\n");
        let pages = titles_and_lengths(&format!(
            "开头。\n\n## 扎根\n\n{chapter}\n\n## 短章\n\n一段。\n"
        ));
        let title = |t: &str| Some(t.to_string());
        assert_eq!(
            pages,
            vec![
                (None, false, 1),
                (title("扎根"), false, 2),
                (title("扎根"), true, 2),
                (title("扎根"), true, 1),
                (title("短章"), false, 1),
            ]
        );
    }

    #[test]
    fn a_block_longer_than_a_page_gets_its_own() {
        let long = "长".repeat(CARD_PAGE_CHARS + 50);
        let pages = titles_and_lengths(&format!("短。\n\n{long}\n\n短。\n"));
        assert_eq!(pages.len(), 3);
    }

    #[test]
    fn descriptions_are_cut_with_an_ellipsis() {
        assert_eq!(shorten("一二三", 5), "一二三");
        assert_eq!(shorten("一二三四五六", 5), "一二三四…");
    }
}
