//! One laureate's views: facts, chapters, pictures in each role, videos and team.

use super::{page_route, ArticleUrls, FilterView, QrUrls, ShareFileView, ShareImagesView, Views};
use crate::content::{Laureate, Photo, Team};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Document;
use crate::media::{Format, LaureateImages, PublishedVideo, Role, ShapeSet, Variant};
use crate::routes::Route;
use crate::said;
use serde::Serialize;

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
    /// Root-relative URL of the WebVTT captions, if any.
    pub captions: Option<String>,
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
    /// 职务 and 职称 as one line (`副院长 · 教授`), the same on every page.
    pub role: String,
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
    /// Consent to publication: `Some(date or "")` when recorded (for the kit).
    pub consent: Option<String>,
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
    /// Root-relative URL of the card without site chrome.
    pub embed_url: String,
    /// Root-relative URL of the laureate's entry in the media kit (its page and anchor):
    /// the card's link, QR code, embed snippet and images to share.
    pub kit_url: String,
    /// Root-relative URLs of the card's QR code files (in the kit).
    pub qr_urls: QrUrls,
    /// Root-relative URLs of the 公众号 article draft (in the kit).
    pub article_urls: ArticleUrls,
    /// The 海报 and 长图; none when no CJK font was found to draw them.
    pub share_images: Option<ShareImagesView>,
    /// Photos with captions.
    pub photos: Vec<PhotoView>,
    /// Videos.
    pub videos: Vec<VideoView>,
    /// A team nomination's leader and members; `None` for a person.
    pub team: Option<TeamView<'a>>,
}

/// What pages show of a team: its leader and each member's name, unit and part (never a
/// member's birth or contact data).
#[derive(Debug, Clone, Serialize)]
pub struct TeamView<'a> {
    /// 团队负责人.
    pub leader: &'a str,
    /// 团队成员.
    pub members: Vec<MemberView<'a>>,
}

/// One team member on a page.
#[derive(Debug, Clone, Serialize)]
pub struct MemberView<'a> {
    /// 姓名.
    pub name: &'a str,
    /// 工作单位.
    pub organization: &'a str,
    /// 分工 or 职务职称.
    pub role: &'a str,
    /// Whether this member leads the team.
    pub leader: bool,
}

impl<'a> TeamView<'a> {
    fn of(team: &'a Team) -> TeamView<'a> {
        TeamView {
            leader: &team.leader,
            members: team
                .members
                .iter()
                .map(|m| MemberView {
                    name: &m.name,
                    organization: &m.organization,
                    role: &m.role,
                    leader: m.name == team.leader,
                })
                .collect(),
        }
    }
}

/// A laureate's pictures in each role, as [`Views::laureate`] puts them in its view.
struct Pictures {
    portrait: Option<PictureView>,
    square: Option<PictureView>,
    cover: Option<PictureView>,
    poster: Option<PictureView>,
    photos: Vec<PhotoView>,
}

impl<'a> Views<'a> {
    /// The view of one laureate; a problem for each image the media stage did not make.
    pub fn laureate(&self, laureate: &'a Laureate) -> Result<LaureateView<'a>, Diagnostics> {
        let mut problems = Diagnostics::default();
        let pictures = self.pictures(laureate, &mut problems);
        let first_photo = pictures.photos.first().map(|p| p.image.full.clone());
        let videos = self.videos(laureate, first_photo.as_ref());
        let find =
            |filters: &[FilterView], name: &str| filters.iter().find(|f| f.name == name).cloned();
        let slug = laureate.slug.as_str();
        let view = LaureateView {
            slug,
            url: self.routes.url(&Route::Profile(slug)),
            name: &laureate.name,
            gender: &laureate.gender,
            birth: laureate.birth.map(|b| b.to_string()),
            age: laureate.age_at(self.site.config.campaign.reference_date),
            organization: &laureate.organization,
            title: &laureate.title,
            position: &laureate.position,
            role: laureate.role(),
            field: &laureate.field,
            region: find(&self.regions, &laureate.region),
            category: find(&self.categories, &laureate.category),
            channel: laureate.channel.map(|c| c.label()),
            recommender: &laureate.recommender,
            province_pick: laureate.province_pick,
            honors: &laureate.honors,
            consent: laureate
                .consent
                .as_ref()
                .map(|c| c.date.map(|d| d.to_string()).unwrap_or_default()),
            quote: &laureate.quote,
            summary: &laureate.summary,
            chapters: chapters(&laureate.story),
            portrait: pictures.portrait,
            cover: pictures.cover,
            poster: pictures.poster,
            square: pictures.square,
            team: laureate.team.as_ref().map(TeamView::of),
            card_url: self.routes.url(&Route::Card(slug)),
            embed_url: self.routes.url(&Route::CardEmbed(slug)),
            kit_url: self.kit_url(slug),
            share_images: self.share_images(slug),
            qr_urls: QrUrls {
                svg: self.routes.url(&Route::KitQrSvg(slug)),
                png: self.routes.url(&Route::KitQrPng(slug)),
            },
            article_urls: ArticleUrls {
                page: self.routes.url(&Route::KitArticle(slug)),
                draft: self.routes.url(&Route::KitArticleDraft(slug)),
            },
            photos: pictures.photos,
            videos,
        };
        problems.into_result(view)
    }

    /// A laureate's pictures in each role; a problem for each image the media stage did not
    /// make.
    fn pictures(&self, laureate: &Laureate, problems: &mut Diagnostics) -> Pictures {
        let mut picture = |photo: Option<&Photo>, role: Role| {
            photo.and_then(|p| {
                self.picture(p, role)
                    .map_err(|d| problems.push(d.relative_to(&self.site.root)))
                    .ok()
            })
        };
        let images = LaureateImages::of(laureate);
        let mut playing = |role| picture(images.playing(role), role);
        let portrait = playing(Role::Portrait);
        let square = playing(Role::ShareSquare);
        let cover = playing(Role::Cover);
        let poster = playing(Role::SharePoster);
        let photos = images
            .photos
            .iter()
            .filter_map(|photo| {
                Some(PhotoView {
                    caption: photo.caption.clone(),
                    image: picture(Some(photo), Role::Photo)?,
                    thumb: picture(Some(photo), Role::Thumbnail)?,
                })
            })
            .collect();
        Pictures {
            portrait,
            square,
            cover,
            poster,
            photos,
        }
    }

    /// A laureate's published videos, each with its poster frame (else `first_photo`).
    fn videos(&self, laureate: &Laureate, first_photo: Option<&String>) -> Vec<VideoView> {
        laureate
            .videos
            .iter()
            .filter_map(|video| {
                let published = self.media.video(&video.source)?;
                let seconds = published.info.duration.round() as u64;
                Some(VideoView {
                    url: self.routes.url(&Route::Media(&published.file)),
                    title: video.title.clone(),
                    poster: self.poster_url(published, first_photo),
                    width: published.info.width,
                    height: published.info.height,
                    duration: format!("{}:{:02}", seconds / 60, seconds % 60),
                    captions: published
                        .captions
                        .as_ref()
                        .map(|name| self.routes.url(&Route::Media(name))),
                })
            })
            .collect()
    }

    /// The laureate's entry in the media kit, on the kit's page that lists them.
    fn kit_url(&self, slug: &str) -> String {
        let page = self.kit_pages.get(slug).copied().unwrap_or(1);
        let kit = self.routes.url(&page_route(&Route::Kit, page));
        format!("{kit}#kit-{slug}")
    }

    /// The laureate's 海报 and 长图 files, when the build made them.
    fn share_images(&self, slug: &str) -> Option<ShareImagesView> {
        self.media.share_images(slug).map(|images| ShareImagesView {
            tall: ShareFileView::of(self.routes, &images.tall),
            wide: ShareFileView::of(self.routes, &images.wide),
            long: images
                .long
                .iter()
                .map(|part| ShareFileView::of(self.routes, part))
                .collect(),
        })
    }

    /// The `<picture>` view of a photo in one role.
    pub fn picture(&self, photo: &Photo, role: Role) -> Result<PictureView, Diagnostic> {
        let (set, placeholder) = self.media.image_for(&photo.source, role)?;
        let srcset = |format| {
            set.of(format)
                .map(|v| format!("{} {}w", self.media_url(&v.file), v.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let missing = || Diagnostic::said(&photo.source, said!("media-no-jpeg"));
        let largest = set.largest(Format::Jpeg).ok_or_else(missing)?;
        let fallback = medium_jpeg(set).ok_or_else(missing)?;
        Ok(PictureView {
            alt: photo.alt.clone(),
            placeholder: placeholder.to_string(),
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
            .and_then(|source| self.media.image_for(source, Role::VideoPoster).ok())
            .and_then(|(set, _)| medium_jpeg(set))
            .map(|variant| self.media_url(&variant.file));
        own.or_else(|| fallback.cloned())
    }

    fn media_url(&self, file: &str) -> String {
        self.routes.url(&Route::Media(file))
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
