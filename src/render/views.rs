//! Borrowed, serialisable views of the model made for templates. Templates never see the
//! model itself, so nothing reaches a page unless a view carries it.

use crate::config::{Order, Phase, SiteConfig, WechatSettings};
use crate::content::{Laureate, Photo, Site, Team};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Document;
use crate::media::{Format, LaureateImages, MediaIndex, PublishedVideo, Role, ShapeSet, Variant};
use crate::routes::{filter_slug, Route, Routes};
use crate::said;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Site-wide values every template gets as `site`.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// The site's title (`最美科技工作者`).
    pub title: &'a str,
    /// The campaign's official name (`2022年衡水市“最美科技工作者”`).
    pub campaign_name: String,
    /// Line under the title.
    pub subtitle: &'a str,
    /// Meta description.
    pub description: &'a str,
    /// Organisers.
    pub organizer: &'a str,
    /// `base_url` as configured, or empty.
    pub base_url: &'a str,
    /// The URLs of the site-wide pages and files.
    pub urls: SiteUrls,
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
    /// The official footer.
    pub footer: FooterView<'a>,
    /// Whether the showcase is published (false while the campaign is in its 公示 phase:
    /// then only the 公示, extra pages and the 404 page exist).
    pub showcase: bool,
    /// In a site of several years, every year (newest first) with its front page.
    pub years: Vec<YearLink>,
}

/// One campaign year, linked: its front page, or one person's page of that year.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct YearLink {
    /// The campaign year.
    pub year: u32,
    /// Root-relative URL.
    pub url: String,
}

/// The official footer's items, with the registries' links.
#[derive(Debug, Serialize)]
pub struct FooterView<'a> {
    /// 主办.
    pub organizers: &'a str,
    /// 承办.
    pub undertaker: &'a str,
    /// ICP 备案号 (links to MIIT's registry).
    pub icp: &'a str,
    /// 公安备案号.
    pub police: &'a str,
    /// The public-security registry's page of that number.
    pub police_url: String,
    /// 网站标识码.
    pub site_code: &'a str,
    /// The 党政机关网站标识's image URL and link.
    pub badge: Option<(String, &'a str)>,
    /// 联系我们.
    pub contact: &'a str,
    /// Show 「本网站支持IPv6」.
    pub ipv6: bool,
}

/// The URLs of the site-wide pages and files, root-relative (templates make one absolute with
/// the `absolute` filter).
#[derive(Debug, Clone, Serialize)]
pub struct SiteUrls {
    /// The front page.
    pub home: String,
    /// The 图说 gallery.
    pub gallery: String,
    /// The media kit.
    pub kit: String,
    /// The Atom feed.
    pub feed: String,
    /// The search index.
    pub search_index: String,
    /// The sitemap.
    pub sitemap: String,
    /// The favicon (from `static/`).
    pub favicon: String,
    /// The 公示 page, when the site publishes one.
    pub publicity: Option<String>,
    /// The 历届 page, in a site of several years.
    pub archive: Option<String>,
}

/// Whether the site publishes a 公示 page: always in the publicity phase, and in the
/// showcase when `campaign.publicity` is set.
pub fn publicity_published(config: &SiteConfig) -> bool {
    config.campaign.publicity_published()
}

/// The 公示 page: the candidates in the campaign's order, the period and where objections go.
#[derive(Debug, Serialize)]
pub struct PublicityView {
    /// The heading, e.g. 2022年衡水市“最美科技工作者”推荐人选公示.
    pub title: String,
    /// The part of the heading kept on one line: the quoted title (“最美科技工作者”), or
    /// nothing when the official name quotes nothing.
    pub title_keep: String,
    /// First day, `YYYY年M月D日`.
    pub start: Option<String>,
    /// Last day.
    pub end: Option<String>,
    /// Telephone for objections.
    pub phone: String,
    /// E-mail for objections.
    pub email: String,
    /// Postal address for objections.
    pub address: String,
    /// Who signs.
    pub signed: String,
    /// The date under the signature.
    pub date: Option<String>,
    /// How the list is ordered (按姓氏笔画排序 …), none for a manual order.
    pub order: Option<&'static str>,
    /// One row per candidate.
    pub rows: Vec<PublicityRow>,
}

/// One candidate in the 公示 list: what official lists show, never more (PIPL art. 25).
#[derive(Debug, Serialize)]
pub struct PublicityRow {
    /// 序号.
    pub number: usize,
    /// 姓名.
    pub name: String,
    /// 性别.
    pub gender: String,
    /// 工作单位及职务职称.
    pub unit: String,
    /// 推荐单位.
    pub recommender: String,
    /// 类别.
    pub category: String,
    /// 简要事迹.
    pub summary: String,
}

impl PublicityView {
    /// The 公示 of `site`'s laureates, in the campaign's order.
    pub fn new(site: &Site) -> PublicityView {
        let config = &site.config;
        let publicity = config.campaign.publicity.clone().unwrap_or_default();
        let chinese = |d: crate::config::Date| format!("{}年{}月{}日", d.year, d.month, d.day);
        let signed = match publicity.signed.is_empty() {
            true => config.organizer.clone(),
            false => publicity.signed.clone(),
        };
        PublicityView {
            title: format!("{}推荐人选公示", config.official_name()),
            title_keep: quoted_part(&config.official_name()),
            start: publicity.start.map(chinese),
            end: publicity.end.map(chinese),
            phone: publicity.phone,
            email: publicity.email,
            address: publicity.address,
            signed,
            date: publicity.date.or(publicity.start).map(chinese),
            order: match config.campaign.order {
                Order::Strokes => Some("按姓氏笔画排序"),
                Order::Pinyin => Some("按姓名拼音排序"),
                Order::Manual => None,
            },
            rows: site
                .laureates
                .iter()
                .enumerate()
                .map(|(i, l)| PublicityRow {
                    number: i + 1,
                    name: l.name.clone(),
                    gender: match l.team {
                        Some(_) => "团队".into(),
                        None => l.gender.clone(),
                    },
                    unit: [l.organization.as_str(), &l.role()]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    recommender: l.recommender.clone(),
                    category: l.category.clone(),
                    summary: l.summary.clone(),
                })
                .collect(),
        }
    }
}

/// The quoted part of `text`, quotes included (`“最美科技工作者”`), or an empty string.
fn quoted_part(text: &str) -> String {
    let start = text.find(['“', '「', '"']);
    let end = start.and_then(|s| {
        let after = s + text[s..].chars().next().map_or(0, char::len_utf8);
        text[after..].find(['”', '」', '"']).map(|e| after + e)
    });
    match (start, end) {
        (Some(s), Some(e)) => {
            let close = text[e..].chars().next().map_or(0, char::len_utf8);
            text[s..e + close].to_string()
        }
        _ => String::new(),
    }
}

/// Where a laureate's 公众号 article draft is.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleUrls {
    /// The kit page with the draft and its copy buttons.
    pub page: String,
    /// The draft alone, as copied.
    pub draft: String,
}

/// Where a card's QR code files are.
#[derive(Debug, Clone, Serialize)]
pub struct QrUrls {
    /// The SVG, for print.
    pub svg: String,
    /// The PNG.
    pub png: String,
}

/// A 海报 or 长图 part as the kit offers it.
#[derive(Debug, Clone, Serialize)]
pub struct ShareFileView {
    /// Root-relative URL.
    pub url: String,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
    /// File size in KB, rounded up.
    pub kb: u64,
}

impl ShareFileView {
    fn of(routes: &Routes, image: &crate::media::ShareImage) -> ShareFileView {
        ShareFileView {
            url: routes.url(&Route::Media(&image.file)),
            width: image.width,
            height: image.height,
            kb: image.bytes.div_ceil(1000),
        }
    }
}

/// A laureate's images for WeChat: two 海报 and the 长图's parts.
#[derive(Debug, Clone, Serialize)]
pub struct ShareImagesView {
    /// The 9:16 海报.
    pub tall: ShareFileView,
    /// The 3:4 海报.
    pub wide: ShareFileView,
    /// The 长图, top part first.
    pub long: Vec<ShareFileView>,
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

/// Builds the views of one site against its media.
pub struct Views<'a> {
    site: &'a Site,
    media: &'a MediaIndex,
    routes: &'a Routes,
    categories: Vec<FilterView>,
    regions: Vec<FilterView>,
    /// Each laureate's page of the media kit, by slug.
    kit_pages: HashMap<&'a str, usize>,
}

impl<'a> Views<'a> {
    /// Prepares views of `site`, whose images are in `media` and whose pages are at `routes`.
    pub fn new(site: &'a Site, media: &'a MediaIndex, routes: &'a Routes) -> Self {
        let mut categories = filters(site, routes, |l| &l.category, |s| Route::Category(s));
        // Configured categories keep the order site.yaml gives them.
        let order = &site.config.campaign.categories;
        categories.sort_by_key(|f| {
            order
                .iter()
                .position(|c| *c == f.name)
                .unwrap_or(usize::MAX)
        });
        let regions = filters(site, routes, |l| &l.region, |s| Route::Region(s));
        // The kit lists the laureates in the site's order, `paginate.kit` on a page (0: all).
        let per_page = match site.config.paginate.kit {
            0 => usize::MAX,
            n => n,
        };
        let kit_pages = site
            .laureates
            .iter()
            .enumerate()
            .map(|(i, l)| (l.slug.as_str(), i / per_page + 1))
            .collect();
        Views {
            site,
            media,
            routes,
            categories,
            regions,
            kit_pages,
        }
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
        let routes = self.routes;
        SiteView {
            title: &config.title,
            campaign_name: config.official_name(),
            subtitle: &config.subtitle,
            description: &config.description,
            organizer: &config.organizer,
            base_url: &config.base_url,
            urls: SiteUrls {
                home: routes.url(&Route::Home),
                gallery: routes.url(&Route::Gallery),
                kit: routes.url(&Route::Kit),
                feed: routes.url(&Route::Feed),
                search_index: routes.url(&Route::SearchIndex),
                sitemap: routes.url(&Route::Sitemap),
                favicon: routes.url(&Route::Static("favicon.svg")),
                publicity: publicity_published(config).then(|| routes.url(&Route::Publicity)),
                archive: None,
            },
            showcase: config.campaign.phase == Phase::Showcase,
            year: config.campaign.year,
            categories: self.categories.clone(),
            regions: self.regions.clone(),
            pages: self
                .site
                .pages
                .iter()
                .map(|p| LinkView {
                    title: p.title.clone(),
                    url: routes.url(&Route::Page(&p.slug)),
                })
                .collect(),
            assets,
            wechat: config.wechat.as_ref(),
            footer: self.footer(),
            years: Vec::new(),
        }
    }

    /// The official footer, 主办 falling back to `organizer`.
    fn footer(&self) -> FooterView<'a> {
        let config = &self.site.config;
        let footer = &config.footer;
        let organizers = match footer.organizers.as_str() {
            "" => config.organizer.as_str(),
            given => given,
        };
        FooterView {
            organizers,
            undertaker: &footer.undertaker,
            icp: &footer.icp,
            police: &footer.police,
            police_url: format!(
                "https://beian.mps.gov.cn/#/query/webSearch?code={}",
                footer.police_code()
            ),
            site_code: &footer.site_code,
            badge: footer.badge.as_ref().map(|b| {
                let image = self
                    .routes
                    .url(&Route::Static(b.image.trim_start_matches('/')));
                (image, b.link.as_str())
            }),
            contact: &footer.contact,
            ipv6: footer.ipv6,
        }
    }

    /// The view of one laureate; a problem for each image the media stage did not make.
    pub fn laureate(&self, laureate: &'a Laureate) -> Result<LaureateView<'a>, Diagnostics> {
        let mut problems = Diagnostics::default();
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
        let photos: Vec<PhotoView> = images
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
        let first_photo = photos.first().map(|p| p.image.full.clone());
        let videos = laureate
            .videos
            .iter()
            .filter_map(|video| {
                let published = self.media.video(&video.source)?;
                let seconds = published.info.duration.round() as u64;
                Some(VideoView {
                    url: self.routes.url(&Route::Media(&published.file)),
                    title: video.title.clone(),
                    poster: self.poster_url(published, first_photo.as_ref()),
                    width: published.info.width,
                    height: published.info.height,
                    duration: format!("{}:{:02}", seconds / 60, seconds % 60),
                    captions: published
                        .captions
                        .as_ref()
                        .map(|name| self.routes.url(&Route::Media(name))),
                })
            })
            .collect();
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
            portrait,
            cover,
            poster,
            square,
            team: laureate.team.as_ref().map(TeamView::of),
            card_url: self.routes.url(&Route::Card(slug)),
            embed_url: self.routes.url(&Route::CardEmbed(slug)),
            kit_url: format!(
                "{}#kit-{slug}",
                self.routes.url(&page_route(
                    &Route::Kit,
                    self.kit_pages.get(slug).copied().unwrap_or(1)
                ))
            ),
            share_images: self.media.share_images(slug).map(|images| ShareImagesView {
                tall: ShareFileView::of(self.routes, &images.tall),
                wide: ShareFileView::of(self.routes, &images.wide),
                long: images
                    .long
                    .iter()
                    .map(|part| ShareFileView::of(self.routes, part))
                    .collect(),
            }),
            qr_urls: QrUrls {
                svg: self.routes.url(&Route::KitQrSvg(slug)),
                png: self.routes.url(&Route::KitQrPng(slug)),
            },
            article_urls: ArticleUrls {
                page: self.routes.url(&Route::KitArticle(slug)),
                draft: self.routes.url(&Route::KitArticleDraft(slug)),
            },
            photos,
            videos,
        };
        problems.into_result(view)
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

/// The filter values of one kind (category or region) with their counts and pages, by slug.
fn filters(
    site: &Site,
    routes: &Routes,
    value: fn(&Laureate) -> &str,
    route: for<'s> fn(&'s str) -> Route<'s>,
) -> Vec<FilterView> {
    let values = site.laureates.iter().map(|l| value(l).to_string());
    filters_of(values, |slug| routes.url(&route(slug)))
}

/// The distinct non-empty `values` as filters sorted by slug, each with how often it occurs
/// and the URL `url` gives its slug.
pub fn filters_of(
    values: impl Iterator<Item = String>,
    url: impl Fn(&str) -> String,
) -> Vec<FilterView> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for value in values.filter(|v| !v.is_empty()) {
        *counts.entry(value).or_default() += 1;
    }
    let mut filters: Vec<FilterView> = counts
        .into_iter()
        .map(|(name, count)| {
            let slug = filter_slug(&name);
            FilterView {
                name,
                url: url(&slug),
                slug,
                count,
            }
        })
        .collect();
    filters.sort_by(|a, b| a.slug.cmp(&b.slug));
    filters
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

/// Where one page of a list split into pages stands: the pager under it.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    /// This page's number, from 1.
    pub current: usize,
    /// How many pages the list has.
    pub total: usize,
    /// Every page, by number.
    pub pages: Vec<PageLink>,
    /// The page before, if any.
    pub previous: Option<String>,
    /// The page after, if any.
    pub next: Option<String>,
}

/// One page of a list split into pages.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    /// The page's number, from 1.
    pub number: usize,
    /// Root-relative URL.
    pub url: String,
}

/// How many pages `items` make at `per_page` each (`0`: all on one page); at least one.
pub fn page_count(items: usize, per_page: usize) -> usize {
    match per_page {
        0 => 1,
        n => items.div_ceil(n).max(1),
    }
}

/// The route of page `number` (from 1) of the list at `list`.
pub fn page_route<'a>(list: &'a Route<'a>, number: usize) -> Route<'a> {
    match number {
        1 => list.clone(),
        n => Route::Paginated(list, n),
    }
}

#[cfg(test)]
mod tests {
    use super::quoted_part;

    #[test]
    fn the_quoted_title_is_what_a_heading_keeps_on_one_line() {
        assert_eq!(
            quoted_part("2022年衡水市“最美科技工作者”"),
            "“最美科技工作者”"
        );
        assert_eq!(quoted_part("2022年「最美」评选"), "「最美」");
        assert_eq!(quoted_part("最美科技工作者"), "");
        assert_eq!(quoted_part("只有“半边"), "");
    }
}
