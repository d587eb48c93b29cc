//! Borrowed, serialisable views of the model made for templates. Templates never see the
//! model itself, so nothing reaches a page unless a view carries it.

use crate::config::WechatSettings;
use crate::content::slug::slugify;
use crate::content::{Laureate, Photo, Site};
use crate::markdown::Document;
use crate::media::{
    Format, MediaIndex, ProcessedImage, PublishedVideo, Shape, ShapeSet, Variant, MEDIA_DIR,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// Site-wide values every template gets as `site`.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// Campaign name.
    pub title: &'a str,
    /// Line under the title.
    pub subtitle: &'a str,
    /// Meta description.
    pub description: &'a str,
    /// Organisers.
    pub organizer: &'a str,
    /// `base_url` as configured, or empty.
    pub base_url: &'a str,
    /// Scheme and host of `base_url` (empty when unset); prefix a root-relative URL with it
    /// to make it absolute.
    pub origin: String,
    /// Path prefix of every internal link, ending in `/`.
    pub root: String,
    /// Campaign year.
    pub year: u32,
    /// Category filters with counts.
    pub categories: Vec<FilterView>,
    /// Region filters with counts.
    pub regions: Vec<FilterView>,
    /// Links to the extra pages.
    pub pages: Vec<LinkView>,
    /// Theme asset URLs with a content-hash query, by asset path.
    pub assets: BTreeMap<String, String>,
    /// WeChat JS-SDK settings for the cards, if the publisher has a signing endpoint.
    pub wechat: Option<&'a WechatSettings>,
}

/// One value of a filter (a category or a region) and its page.
#[derive(Debug, Clone, Serialize)]
pub struct FilterView {
    /// Display name, e.g. 乡村振兴.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Root-relative URL of the filtered list.
    pub url: String,
    /// Number of laureates with this value.
    pub count: usize,
}

/// A titled link.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// Link text.
    pub title: String,
    /// Root-relative URL.
    pub url: String,
}

/// A responsive image: `<picture>` sources and the fallback `<img>`.
#[derive(Debug, Clone, Serialize)]
pub struct PictureView {
    /// Alt text.
    pub alt: String,
    /// Average colour shown while loading.
    pub placeholder: String,
    /// Intrinsic width of the largest variant.
    pub width: u32,
    /// Intrinsic height of the largest variant.
    pub height: u32,
    /// Fallback JPEG URL.
    pub src: String,
    /// `srcset` of the WebP variants.
    pub webp_srcset: String,
    /// `srcset` of the JPEG variants.
    pub jpeg_srcset: String,
    /// URL of the largest JPEG (for "view full size" links).
    pub full: String,
}

/// A photo with its caption, in its own ratio and as a square thumbnail.
#[derive(Debug, Clone, Serialize)]
pub struct PhotoView {
    /// The 图说 caption, if any.
    pub caption: Option<String>,
    /// The photo in its own ratio.
    pub image: PictureView,
    /// The square thumbnail.
    pub thumb: PictureView,
}

/// A video for `<video>`.
#[derive(Debug, Clone, Serialize)]
pub struct VideoView {
    /// Root-relative URL of the file.
    pub url: String,
    /// Title, if given.
    pub title: Option<String>,
    /// Poster image URL, if there is one.
    pub poster: Option<String>,
    /// Displayed width.
    pub width: u32,
    /// Displayed height.
    pub height: u32,
    /// Duration as m:ss.
    pub duration: String,
}

/// A story chapter.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterView<'a> {
    /// The `##` heading, or none for the lead.
    pub title: Option<&'a str>,
    /// Anchor id.
    pub id: &'a str,
    /// Sanitised HTML.
    pub html: &'a str,
}

/// Everything a template shows of a laureate.
#[derive(Debug, Clone, Serialize)]
pub struct LaureateView<'a> {
    /// URL slug.
    pub slug: &'a str,
    /// Root-relative profile URL.
    pub url: String,
    /// 姓名.
    pub name: &'a str,
    /// 性别.
    pub gender: &'a str,
    /// 出生年月, e.g. 1986年5月.
    pub birth: Option<String>,
    /// Age at the campaign's reference date.
    pub age: Option<u32>,
    /// 工作单位.
    pub organization: &'a str,
    /// 职称.
    pub title: &'a str,
    /// 职务.
    pub position: &'a str,
    /// 专业领域.
    pub field: &'a str,
    /// The region filter.
    pub region: Option<FilterView>,
    /// The category filter.
    pub category: Option<FilterView>,
    /// Nomination channel label.
    pub channel: Option<&'static str>,
    /// 推荐单位.
    pub recommender: &'a str,
    /// Put forward to the provincial round.
    pub province_pick: bool,
    /// Honours.
    pub honors: &'a [String],
    /// Quote.
    pub quote: &'a str,
    /// Summary.
    pub summary: &'a str,
    /// Story chapters.
    pub chapters: Vec<ChapterView<'a>>,
    /// Portrait in 3:4.
    pub portrait: Option<PictureView>,
    /// The first photo as a 2.35:1 cover (WeChat article cover, 900x383).
    pub cover: Option<PictureView>,
    /// The first photo in 3:4 (the portrait when there are no photos): the card's share poster.
    pub poster: Option<PictureView>,
    /// The portrait as a square: the share thumbnail and 1:1 article cover.
    pub square: Option<PictureView>,
    /// Root-relative URL of the H5 story card.
    pub card_url: String,
    /// Photos with captions.
    pub photos: Vec<PhotoView>,
    /// Videos.
    pub videos: Vec<VideoView>,
}

/// Builds the views of one site against its media.
pub struct Views<'a> {
    site: &'a Site,
    media: &'a MediaIndex,
    root: String,
    categories: Vec<FilterView>,
    regions: Vec<FilterView>,
}

impl<'a> Views<'a> {
    /// Prepares views of `site`, whose images are in `media`.
    pub fn new(site: &'a Site, media: &'a MediaIndex) -> Self {
        let root = site.config.root_path();
        let count_by = |value: fn(&Laureate) -> &str, kind: &str| {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for laureate in &site.laureates {
                if !value(laureate).is_empty() {
                    *counts.entry(value(laureate)).or_default() += 1;
                }
            }
            let mut filters: Vec<FilterView> = counts
                .into_iter()
                .map(|(name, count)| filter_view(&root, kind, name, count))
                .collect();
            filters.sort_by(|a, b| a.slug.cmp(&b.slug));
            filters
        };
        let mut categories = count_by(|l| &l.category, "categories");
        // Configured categories keep the order site.yaml gives them.
        let order = &site.config.campaign.categories;
        categories.sort_by_key(|f| {
            order
                .iter()
                .position(|c| *c == f.name)
                .unwrap_or(usize::MAX)
        });
        let regions = count_by(|l| &l.region, "regions");
        Views {
            site,
            media,
            root,
            categories,
            regions,
        }
    }

    /// The path prefix of internal links.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// The category filters.
    pub fn categories(&self) -> &[FilterView] {
        &self.categories
    }

    /// The region filters.
    pub fn regions(&self) -> &[FilterView] {
        &self.regions
    }

    /// The `site` view, with theme asset URLs.
    pub fn site(&self, assets: BTreeMap<String, String>) -> SiteView<'a> {
        let config = &self.site.config;
        SiteView {
            title: &config.title,
            subtitle: &config.subtitle,
            description: &config.description,
            organizer: &config.organizer,
            base_url: &config.base_url,
            origin: config.origin(),
            root: self.root.clone(),
            year: config.campaign.year,
            categories: self.categories.clone(),
            regions: self.regions.clone(),
            pages: self
                .site
                .pages
                .iter()
                .map(|p| LinkView {
                    title: p.title.clone(),
                    url: format!("{}{}/", self.root, p.slug),
                })
                .collect(),
            assets,
            wechat: config.wechat.as_ref(),
        }
    }

    /// The view of one laureate.
    pub fn laureate(&self, laureate: &'a Laureate) -> LaureateView<'a> {
        let find =
            |filters: &[FilterView], name: &str| filters.iter().find(|f| f.name == name).cloned();
        let photos: Vec<PhotoView> = laureate
            .photos
            .iter()
            .filter_map(|photo| self.photo(photo))
            .collect();
        let poster = photos.first().map(|p| p.image.full.clone());
        LaureateView {
            slug: &laureate.slug,
            url: format!("{}laureates/{}/", self.root, laureate.slug),
            name: &laureate.name,
            gender: &laureate.gender,
            birth: laureate.birth.map(|b| b.to_string()),
            age: laureate.age_at(self.site.config.campaign.reference_date),
            organization: &laureate.organization,
            title: &laureate.title,
            position: &laureate.position,
            field: &laureate.field,
            region: find(&self.regions, &laureate.region),
            category: find(&self.categories, &laureate.category),
            channel: laureate.channel.map(|c| c.label()),
            recommender: &laureate.recommender,
            province_pick: laureate.province_pick,
            honors: &laureate.honors,
            quote: &laureate.quote,
            summary: &laureate.summary,
            chapters: chapters(&laureate.story),
            portrait: laureate
                .portrait
                .as_ref()
                .and_then(|p| self.picture(p, Shape::Portrait)),
            cover: laureate
                .photos
                .first()
                .and_then(|p| self.picture(p, Shape::Cover)),
            poster: laureate
                .photos
                .first()
                .or(laureate.portrait.as_ref())
                .and_then(|p| self.picture(p, Shape::Portrait)),
            square: laureate
                .portrait
                .as_ref()
                .and_then(|p| self.picture(p, Shape::Square)),
            card_url: format!("{}cards/{}/", self.root, laureate.slug),
            photos,
            videos: laureate
                .videos
                .iter()
                .filter_map(|video| {
                    let published = self.media.video(&video.source)?;
                    let seconds = published.info.duration.round() as u64;
                    Some(VideoView {
                        url: self.media_url(&published.file),
                        title: video.title.clone(),
                        poster: self.poster_url(published, poster.as_ref()),
                        width: published.info.width,
                        height: published.info.height,
                        duration: format!("{}:{:02}", seconds / 60, seconds % 60),
                    })
                })
                .collect(),
        }
    }

    fn photo(&self, photo: &Photo) -> Option<PhotoView> {
        Some(PhotoView {
            caption: photo.caption.clone(),
            image: self.picture(photo, Shape::Original)?,
            thumb: self.picture(photo, Shape::Square)?,
        })
    }

    /// The `<picture>` view of one shape of a photo.
    pub fn picture(&self, photo: &Photo, shape: Shape) -> Option<PictureView> {
        let processed: &ProcessedImage = self.media.image(&photo.source)?;
        let set = processed.shapes.get(&shape)?;
        let srcset = |format| {
            set.of(format)
                .map(|v| format!("{} {}w", self.media_url(&v.file), v.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let largest = set.largest(Format::Jpeg)?;
        let fallback = medium_jpeg(set)?;
        Some(PictureView {
            alt: photo.alt.clone(),
            placeholder: processed.placeholder.clone(),
            width: largest.width,
            height: largest.height,
            src: self.media_url(&fallback.file),
            webp_srcset: srcset(Format::Webp),
            jpeg_srcset: srcset(Format::Jpeg),
            full: self.media_url(&largest.file),
        })
    }

    /// The URL of a video's poster: its own poster image when the media stage made one, else
    /// `fallback` (the laureate's first photo).
    fn poster_url(&self, video: &PublishedVideo, fallback: Option<&String>) -> Option<String> {
        let own = video
            .poster
            .as_deref()
            .and_then(|source| self.media.image(source))
            .and_then(|processed| processed.shapes.get(&Shape::Original))
            .and_then(medium_jpeg)
            .map(|variant| self.media_url(&variant.file));
        own.or_else(|| fallback.cloned())
    }

    fn media_url(&self, file: &str) -> String {
        format!("{}{MEDIA_DIR}/{file}", self.root)
    }
}

fn filter_view(root: &str, kind: &str, name: &str, count: usize) -> FilterView {
    let slug = match slugify(name) {
        s if s.is_empty() => "other".to_string(),
        s => s,
    };
    FilterView {
        name: name.to_string(),
        url: format!("{root}{kind}/{slug}/"),
        slug,
        count,
    }
}

/// The chapters of a document as views.
pub fn chapters(document: &Document) -> Vec<ChapterView<'_>> {
    document
        .chapters
        .iter()
        .map(|c| ChapterView {
            title: c.title.as_deref(),
            id: &c.id,
            html: &c.html,
        })
        .collect()
}

/// The JPEG a plain `<img src>` or a poster uses: the first at least 800 px wide, else the
/// largest.
fn medium_jpeg(set: &ShapeSet) -> Option<&Variant> {
    set.of(Format::Jpeg)
        .find(|v| v.width >= 800)
        .or_else(|| set.largest(Format::Jpeg))
}
