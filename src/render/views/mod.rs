//! Borrowed, serialisable views of the model made for templates. Templates never see the
//! model itself, so nothing reaches a page unless a view carries it.

mod laureate;
mod publicity;

use crate::config::{Phase, WechatSettings};
use crate::content::{Laureate, Site};
use crate::media::MediaIndex;
use crate::routes::{filter_slug, Route, Routes};
pub use laureate::{
    chapters, ChapterView, LaureateView, MemberView, PhotoView, PictureView, TeamView, VideoView,
};
pub use publicity::{publicity_published, PublicityRow, PublicityView};
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
