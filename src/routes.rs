//! `routes`: the one map of the site. Every kind of page has a [`Route`]; [`Routes`] turns it
//! into the file the build writes and the URL a browser asks for (with `base_url`'s path), and
//! [`LinkTargets`] resolves the links editors write in stories to those URLs. Render, check,
//! serve and the sitemap ask this module; no other module formats a page URL.
//!
//! ```
//! use laurel::routes::{Route, Routes};
//! let routes = Routes::from_base_url("https://kx.example.gov.cn/zuimei/");
//! assert_eq!(routes.url(&Route::Card("li-ming-yuan")), "/zuimei/cards/li-ming-yuan/");
//! assert_eq!(Route::Card("li-ming-yuan").output_path(), "cards/li-ming-yuan/index.html");
//! assert_eq!(
//!     routes.absolute(&Route::Feed).as_deref(),
//!     Some("https://kx.example.gov.cn/zuimei/feed.xml")
//! );
//! ```

use crate::config::{parse_base_url, SiteConfig};
use crate::content::slug::slugify;
use percent_encoding::percent_decode_str;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// One page or file of the site. Borrowed names are slugs (or file names for media, assets
/// and static files).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Route<'a> {
    /// The front page.
    Home,
    /// The front page filtered to one category, by the category's slug.
    Category(&'a str),
    /// The front page filtered to one region, by the region's slug.
    Region(&'a str),
    /// A laureate's profile page.
    Profile(&'a str),
    /// A laureate's H5 story card.
    Card(&'a str),
    /// The card without site chrome, for iframes.
    CardEmbed(&'a str),
    /// The media kit page.
    Kit,
    /// A card's QR code as SVG, in the kit.
    KitQrSvg(&'a str),
    /// A card's QR code as PNG, in the kit.
    KitQrPng(&'a str),
    /// A laureate's 公众号 article draft with its copy buttons, in the kit.
    KitArticle(&'a str),
    /// The draft alone, as copied, for download.
    KitArticleDraft(&'a str),
    /// The 图说 gallery.
    Gallery,
    /// The 公示 of the candidates.
    Publicity,
    /// The 历届 page of a site of several years: every laureate of every year.
    Archive,
    /// Page `n` (2 or more) of a list that is split into pages: the front page, a filter,
    /// the gallery or the kit. Page 1 is the list's own route.
    Paginated(&'a Route<'a>, usize),
    /// An extra page from `content/pages/`, by slug.
    Page(&'a str),
    /// A processed image or video, by file name.
    Media(&'a str),
    /// A theme asset, by its path (`assets/laurel.css`).
    Asset(&'a str),
    /// A file from `static/`, by its path inside it.
    Static(&'a str),
    /// The Atom feed.
    Feed,
    /// The sitemap.
    Sitemap,
    /// The search index the front page's search box loads.
    SearchIndex,
    /// robots.txt.
    Robots,
    /// The page a static host shows for unknown URLs.
    NotFound,
}

impl Route<'_> {
    /// The path under the site root, as in a URL: `""` for the front page, `laureates/x/`
    /// for a page, `feed.xml` for a file.
    pub fn path(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Category(slug) => format!("categories/{slug}/"),
            Route::Region(slug) => format!("regions/{slug}/"),
            Route::Profile(slug) => format!("laureates/{slug}/"),
            Route::Card(slug) => format!("cards/{slug}/"),
            Route::CardEmbed(slug) => format!("cards/{slug}/embed/"),
            Route::Kit => "kit/".into(),
            Route::KitQrSvg(slug) => format!("kit/{slug}/qr.svg"),
            Route::KitQrPng(slug) => format!("kit/{slug}/qr.png"),
            Route::KitArticle(slug) => format!("kit/{slug}/article/"),
            Route::KitArticleDraft(slug) => format!("kit/{slug}/article.html"),
            Route::Gallery => "gallery/".into(),
            Route::Publicity => "publicity/".into(),
            Route::Archive => "archive/".into(),
            Route::Paginated(list, n) => format!("{}page/{n}/", list.path()),
            Route::Page(slug) => format!("{slug}/"),
            Route::Media(file) => format!("{MEDIA_DIR}/{file}"),
            Route::Asset(path) | Route::Static(path) => path.to_string(),
            Route::Feed => "feed.xml".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::SearchIndex => "search.json".into(),
            Route::Robots => "robots.txt".into(),
            Route::NotFound => "404.html".into(),
        }
    }

    /// The file the build writes, relative to the output folder: a page's path followed by
    /// `index.html`, or the file's path.
    pub fn output_path(&self) -> String {
        let path = self.path();
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        }
    }

    /// True for the pages of one campaign year, which a site of several years publishes
    /// under `/<year>/`; extra pages, media, assets, feeds and the 历届 page belong to the
    /// whole site.
    pub fn belongs_to_year(&self) -> bool {
        if let Route::Paginated(list, _) = self {
            return list.belongs_to_year();
        }
        !matches!(
            self,
            Route::Archive
                | Route::Page(_)
                | Route::Media(_)
                | Route::Asset(_)
                | Route::Static(_)
                | Route::Feed
                | Route::Sitemap
                | Route::SearchIndex
                | Route::Robots
                | Route::NotFound
        )
    }
}

/// The URL folder (under the site root) all processed media are published in.
pub const MEDIA_DIR: &str = "media";

/// The first URL segments laurel uses itself, which an extra page's slug may not take.
pub const RESERVED_SEGMENTS: &[&str] = &[
    "laureates",
    "gallery",
    "publicity",
    "archive",
    "page",
    "cards",
    "kit",
    MEDIA_DIR,
    "categories",
    "regions",
    "assets",
];

/// Where the site is published: turns routes into URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routes {
    /// The path every URL starts with, `/` or e.g. `/zuimei/`.
    root: String,
    /// Scheme, host and port of `base_url`; `None` when it is unset.
    origin: Option<String>,
    /// In a site of several years, the year whose pages these routes place (`2023/`).
    year: Option<String>,
}

impl Routes {
    /// The routes of a site with this configuration.
    pub fn new(config: &SiteConfig) -> Routes {
        let mut routes = Routes::at(config.base_url());
        routes.root = format!("{}{}", config.served_under(), routes.root);
        routes.year = config.year_folder().map(|year| format!("{year}/"));
        routes
    }

    /// The routes of a site published at `base_url` (empty or invalid: root-relative only).
    pub fn from_base_url(base_url: &str) -> Routes {
        Routes::at(parse_base_url(base_url).as_ref())
    }

    fn at(base_url: Option<&url::Url>) -> Routes {
        match base_url {
            Some(url) => Routes {
                root: root_path(url.path()),
                origin: Some(url.origin().ascii_serialization()),
                year: None,
            },
            None => Routes {
                root: "/".into(),
                origin: None,
                year: None,
            },
        }
    }

    /// The path every URL of the site starts with, ending in `/`.
    pub fn root(&self) -> &str {
        &self.root
    }

    /// True when `base_url` is set, so absolute URLs (feed, sitemap, QR codes) can be made.
    pub fn has_origin(&self) -> bool {
        self.origin.is_some()
    }

    /// True when `base_url` is not set, so only root-relative URLs can be made.
    pub fn base_url_missing(&self) -> bool {
        self.origin.is_none()
    }

    /// The same site's routes as they were before it held several years: every page at the
    /// site root. Old addresses (printed QR codes) are these.
    pub fn without_year(&self) -> Routes {
        Routes {
            year: None,
            ..self.clone()
        }
    }

    /// For a file of this year's folder (its output path, `2022/kit/x/qr.png`), where the
    /// file was before the site held several years (`kit/x/qr.png`) and the root-relative URL
    /// it has now; `None` for a file of the whole site.
    pub fn moved_from(&self, output_path: &str) -> Option<(String, String)> {
        let old = output_path.strip_prefix(self.year.as_deref()?)?;
        let page = old.strip_suffix("index.html").unwrap_or(old);
        let url = format!(
            "{}{}{}",
            self.root,
            self.year.as_deref()?,
            encode_path(page)
        );
        Some((old.to_string(), url))
    }

    /// The year folder these routes place a year's pages in (`2023/`), if any.
    fn year_of(&self, route: &Route) -> &str {
        match (&self.year, route.belongs_to_year()) {
            (Some(year), true) => year,
            _ => "",
        }
    }

    /// The root-relative URL of `route`, e.g. `/zuimei/laureates/li-ming-yuan/` (or
    /// `/zuimei/2023/laureates/li-ming-yuan/` in a site of several years).
    pub fn url(&self, route: &Route) -> String {
        let year = self.year_of(route);
        format!("{}{year}{}", self.root, encode_path(&route.path()))
    }

    /// The file the build writes for `route`, relative to the output folder: the route's
    /// [`Route::output_path`], in its year's folder in a site of several years.
    pub fn output_path(&self, route: &Route) -> String {
        format!("{}{}", self.year_of(route), route.output_path())
    }

    /// The absolute URL of `route`; `None` without `base_url`.
    pub fn absolute(&self, route: &Route) -> Option<String> {
        self.absolute_of(&self.url(route))
    }

    /// Makes a root-relative URL (one [`Routes::url`] gave) absolute; `None` without
    /// `base_url`.
    pub fn absolute_of(&self, root_relative: &str) -> Option<String> {
        self.origin.as_ref().map(|o| format!("{o}{root_relative}"))
    }
}

/// The slug of a category or region's filter page: its pinyin, or `other`.
pub fn filter_slug(name: &str) -> String {
    match slugify(name) {
        s if s.is_empty() => "other".to_string(),
        s => s,
    }
}

/// `/a/b` → `/a/b/`, `` → `/`.
fn root_path(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

/// Percent-encodes what a URL path may not hold as it is (spaces, `%`, `#`, `?` …); Chinese
/// characters are kept, as browsers show them.
fn encode_path(path: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
    const PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    path.chars()
        .map(|c| match c.is_ascii() {
            true => utf8_percent_encode(c.encode_utf8(&mut [0; 4]), PATH).to_string(),
            false => c.to_string(),
        })
        .collect()
}

/// The Content-Type a file of the site is served with, by its extension; text types say
/// UTF-8.
pub fn content_type(path: &str) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "xml" | "json" | "javascript")
        || mime.suffix().is_some_and(|s| s == "xml" || s == "json");
    if text && mime.get_param("charset").is_none() {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

/// What a link written in a story or page leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Outside the site (`https://…`, `mailto:`) or an anchor on the same page: kept as written.
    External,
    /// A page or file of the site, at this root-relative URL (fragment and query kept).
    Internal(String),
    /// Nothing of the site has that address.
    Broken,
}

/// Everything a link inside the site can lead to: laureates by slug or folder name, extra
/// pages by slug or file name, filter values, the files of `static/`, and in a site of
/// several years the pages of the other years.
#[derive(Debug, Clone, Default)]
pub struct LinkTargets {
    routes: Routes,
    /// Folder name or slug → slug.
    laureates: HashMap<String, String>,
    /// Page slug or file name (`about.md`) → slug.
    pages: HashMap<String, String>,
    categories: BTreeSet<String>,
    regions: BTreeSet<String>,
    static_dir: PathBuf,
    /// The 公示 page is published.
    publicity: bool,
    /// In a site of several years, the other years' targets, by year (`2022`).
    other_years: BTreeMap<String, LinkTargets>,
}

impl Default for Routes {
    fn default() -> Self {
        Routes::from_base_url("")
    }
}

/// One laureate as a link target.
pub struct LaureateTarget<'a> {
    /// The laureate's folder name.
    pub folder: &'a str,
    /// The laureate's slug.
    pub slug: &'a str,
    /// The category, as written.
    pub category: &'a str,
    /// The region, as written.
    pub region: &'a str,
}

impl LinkTargets {
    /// The link targets of a site: its routes, laureates, extra pages (slug and file name) and
    /// `static/` folder.
    pub fn new<'a>(
        routes: Routes,
        laureates: impl IntoIterator<Item = LaureateTarget<'a>>,
        pages: impl IntoIterator<Item = (&'a str, &'a str)>,
        static_dir: &Path,
    ) -> LinkTargets {
        let mut targets = LinkTargets {
            routes,
            static_dir: static_dir.to_path_buf(),
            ..LinkTargets::default()
        };
        for l in laureates {
            targets.laureates.insert(l.folder.into(), l.slug.into());
            targets.laureates.insert(l.slug.into(), l.slug.into());
            for (set, value) in [
                (&mut targets.categories, l.category),
                (&mut targets.regions, l.region),
            ] {
                if !value.is_empty() {
                    set.insert(filter_slug(value));
                }
            }
        }
        for (slug, file_name) in pages {
            targets.pages.insert(file_name.into(), slug.into());
            targets.pages.insert(slug.into(), slug.into());
        }
        targets
    }

    /// The same targets, with the 公示 page among them when `published`.
    pub fn with_publicity(self, published: bool) -> LinkTargets {
        LinkTargets {
            publicity: published,
            ..self
        }
    }

    /// The same targets, with the pages of the site's other years, reached by links that
    /// start with the year (`/2022/laureates/<slug>/`, `@/2022/laureates/<folder>/story.md`).
    pub fn with_other_years(self, years: impl IntoIterator<Item = (u32, LinkTargets)>) -> Self {
        LinkTargets {
            other_years: years
                .into_iter()
                .map(|(year, targets)| (year.to_string(), targets))
                .collect(),
            ..self
        }
    }

    /// The routes the targets are published under.
    pub fn routes(&self) -> &Routes {
        &self.routes
    }

    /// Resolves `href`, written on the page `from`. Forms that reach a page of the site:
    /// root-relative (`/laureates/li-ming-yuan/`, with or without base_url's path and the
    /// trailing slash), relative to the page (`../李明远/`), and `@/` followed by a path under
    /// `content/` (`@/laureates/李明远/story.md`, `@/pages/about.md`). Laureates may be named
    /// by slug or folder name. In a site of several years each form may start with a year
    /// (`/2022/laureates/李明远/`, `@/2022/laureates/李明远/story.md`); without one it is
    /// this year's.
    pub fn resolve(&self, href: &str, from: &Route) -> LinkTarget {
        let href = href.trim();
        let has_scheme = href
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/') && !scheme.is_empty());
        if href.is_empty() || href.starts_with('#') || href.starts_with("//") || has_scheme {
            return LinkTarget::External;
        }
        let end = href.find(['?', '#']).unwrap_or(href.len());
        let (path, suffix) = href.split_at(end);
        let Ok(path) = percent_decode_str(path).decode_utf8() else {
            return LinkTarget::Broken;
        };
        let segments = if let Some(content) = path.strip_prefix("@/") {
            segments_of(content, &[])
        } else if let Some(absolute) = path.strip_prefix('/') {
            let inside = absolute
                .strip_prefix(self.routes.root.trim_start_matches('/'))
                .filter(|_| self.routes.root != "/")
                .unwrap_or(absolute);
            segments_of(inside, &[])
        } else {
            let base = from.path();
            let dir: Vec<&str> = match base.rfind('/') {
                Some(i) => base[..i].split('/').filter(|s| !s.is_empty()).collect(),
                None => Vec::new(),
            };
            segments_of(&path, &dir)
        };
        let Some(segments) = segments else {
            return LinkTarget::Broken;
        };
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match self.url_of(&segments) {
            Some(url) => LinkTarget::Internal(format!("{url}{suffix}")),
            None => LinkTarget::Broken,
        }
    }

    /// The root-relative URL of the page or file at these path segments, if the site has it.
    fn url_of(&self, segments: &[&str]) -> Option<String> {
        let segments = match segments {
            [rest @ .., "index.html"] => rest,
            all => all,
        };
        let own_year = |year: &str| {
            let folder = self.routes.year.as_deref().unwrap_or_default();
            folder.strip_suffix('/') == Some(year)
        };
        let laureate = |name: &str| self.laureates.get(name).map(String::as_str);
        let route = match segments {
            [year, rest @ ..] if own_year(year) => return self.url_of(rest),
            [year, rest @ ..] if self.other_years.contains_key(*year) => {
                return self.other_years[*year].url_of(rest);
            }
            [] => Route::Home,
            ["laureates", name] | ["laureates", name, "story.md" | "profile.yaml"] => {
                Route::Profile(laureate(name)?)
            }
            ["cards", name] => Route::Card(laureate(name)?),
            ["cards", name, "embed"] => Route::CardEmbed(laureate(name)?),
            ["kit"] => Route::Kit,
            ["kit", name, "article"] => Route::KitArticle(laureate(name)?),
            ["kit", name, "article.html"] => Route::KitArticleDraft(laureate(name)?),
            ["kit", name, "qr.svg"] if self.routes.has_origin() => Route::KitQrSvg(laureate(name)?),
            ["kit", name, "qr.png"] if self.routes.has_origin() => Route::KitQrPng(laureate(name)?),
            ["gallery"] => Route::Gallery,
            ["publicity"] if self.publicity => Route::Publicity,
            ["archive"] if self.routes.year.is_some() => Route::Archive,
            ["categories", slug] => Route::Category(self.categories.get(*slug)?),
            ["regions", slug] => Route::Region(self.regions.get(*slug)?),
            ["feed.xml"] => Route::Feed,
            ["sitemap.xml"] => Route::Sitemap,
            ["search.json"] => Route::SearchIndex,
            ["robots.txt"] => Route::Robots,
            ["404.html"] => Route::NotFound,
            ["pages", file] => Route::Page(self.pages.get(*file)?),
            [slug] if self.pages.contains_key(*slug) => Route::Page(&self.pages[*slug]),
            _ => {
                let joined = segments.join("/");
                let file = self.static_dir.join(&joined);
                let inside = !segments.is_empty() && file.is_file();
                return inside.then(|| self.routes.url(&Route::Static(&joined)));
            }
        };
        Some(self.routes.url(&route))
    }
}

/// Path segments of `path` taken from the folder `dir`, with `.` and `..` applied; `None`
/// when `..` climbs above the site root.
fn segments_of(path: &str, dir: &[&str]) -> Option<Vec<String>> {
    let mut out: Vec<String> = dir.iter().map(|s| s.to_string()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            other => out.push(other.to_string()),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_say_utf8_for_text() {
        for (path, kind) in [
            ("a/index.html", "text/html; charset=utf-8"),
            ("x.webp", "image/webp"),
            ("x.JPG", "image/jpeg"),
            ("v.mp4", "video/mp4"),
            ("feed.xml", "text/xml; charset=utf-8"),
            ("search.json", "application/json; charset=utf-8"),
            ("qr.svg", "image/svg+xml; charset=utf-8"),
            ("laurel.css", "text/css; charset=utf-8"),
            ("laurel.js", "text/javascript; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
        ] {
            assert_eq!(content_type(path), kind, "{path}");
        }
    }
}
