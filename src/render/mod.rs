//! `render`: turns the [`Site`] and its [`MediaIndex`] into every page of the output with Tera
//! templates; HTML is minified. Each file goes to a [`Sink`] as soon as it is made: the
//! output's writer in a build, memory in the preview server. It reads no content files: only
//! the model, the media index and the theme.

pub mod article;
pub mod cards;
pub(crate) mod qr;
pub mod search;
pub(crate) mod theme;
pub mod views;
pub mod years;

use crate::config::Phase;
use crate::content::Laureate;
use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::MediaIndex;
use crate::routes::{Route, Routes};
use crate::said;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use tera::{Context, Tera};
use views::{FilterView, LaureateView, Views};

/// The rendered site: output path (relative, `/`-separated) → file contents.
#[derive(Debug, Default)]
pub struct RenderedSite {
    /// Pages, feeds and theme assets.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Where rendered files go as they are made; called from several threads at once.
pub trait Sink: Sync {
    /// Takes the file at `path` (relative to the output, `/`-separated); an error (a failed
    /// write) becomes the render's problem.
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic>;
}

/// A [`Sink`] that keeps the files in memory (the preview server's).
#[derive(Debug, Default)]
pub struct Collect(Mutex<RenderedSite>);

impl Collect {
    /// The files collected.
    pub fn into_site(self) -> RenderedSite {
        self.0.into_inner().expect("the collected files")
    }
}

impl Sink for Collect {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let mut site = self.0.lock().expect("the collected files");
        site.files.insert(path, bytes);
        Ok(())
    }
}

/// What to render, and how.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Minify HTML (the build does; the preview server skips it for speed).
    pub minify: bool,
    /// Render only these laureates' own pages (profile and cards), by slug; `None` renders
    /// the whole site. The preview server uses it when only stories changed.
    pub only_laureates: Option<BTreeSet<String>>,
    /// In a site of several years, what this year's render knows of the others.
    pub years: Option<years::YearsContext>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            minify: true,
            only_laureates: None,
            years: None,
        }
    }
}

/// Renders the pages of `site` that `options` ask for into `sink`; returns how many files it
/// was given.
pub fn render_into(
    site: &Site,
    media: &MediaIndex,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<usize, Diagnostics> {
    let mut theme = theme::load(&site.root, &site.config.theme)?;
    let routes = site.routes();
    theme
        .tera
        .register_filter("absolute", AbsoluteFilter(routes.clone()));
    theme
        .tera
        .register_filter("inline_styles", article::InlineStyles);
    let views = Views::new(site, media, &routes);
    let assets = asset_urls(&routes, &theme.assets);
    let mut base = Context::new();
    let mut site_view = views.site(assets);
    if let Some(years) = &options.years {
        site_view.years = years.years.clone();
        site_view.urls.archive = Some(routes.url(&Route::Archive));
    }
    base.insert("site", &site_view);
    let mut problems = Diagnostics::default();
    let showcase = site.config.campaign.phase == Phase::Showcase;
    // In the 公示 phase nothing that presumes the result is published: no laureate pages, so
    // no laureate views (whose pictures the media stage has not made). When the preview
    // re-renders a few laureates, only theirs.
    let shown: Vec<&Laureate> = match showcase {
        true => site
            .laureates
            .iter()
            .filter(|l| {
                let only = options.only_laureates.as_ref();
                only.is_none_or(|slugs| slugs.contains(&l.slug))
            })
            .collect(),
        false => Vec::new(),
    };
    let laureates: Vec<_> = shown
        .iter()
        .filter_map(|l| views.laureate(l).map_err(|d| problems.extend(d)).ok())
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Renderer {
        tera: &theme.tera,
        routes: &routes,
        cards: cards::Cards::new(routes.clone(), site.config.official_name()),
        minify: options.minify,
        sink,
        files: AtomicUsize::new(0),
        front_copy: None,
        old_urls: options
            .years
            .as_ref()
            .filter(|y| y.old_urls)
            .map(|_| base.clone()),
        problems,
        years: options.years.as_ref(),
        grid_per_page: site.config.paginate.grid,
    };
    // Views are made in the model's order, one per laureate shown (none in the 公示 phase).
    let people: Vec<(&Laureate, &LaureateView)> = shown.into_iter().zip(&laureates).collect();
    if options.only_laureates.is_some() {
        out.laureates_files(&base, site, &people);
        return out.finish();
    }
    if views::publicity_published(&site.config) {
        let mut publicity = base.clone();
        publicity.insert("publicity", &views::PublicityView::new(site));
        out.page("publicity.html", &Route::Publicity, &publicity);
        if !showcase {
            out.page("publicity.html", &Route::Home, &publicity);
            out.whole_site(site, &base, &[], theme.assets);
            return out.finish();
        }
    }
    let paginate = site.config.paginate;
    if options.years.as_ref().is_some_and(|y| y.others.is_some()) {
        // The newest year's front page is also the site's.
        out.front_copy = Some((routes.output_path(&Route::Home), Route::Home.output_path()));
    }
    let mut index = base.clone();
    index.insert("intro", &site.intro.as_ref().map(views::chapters));
    out.paged(
        "index.html",
        &Route::Home,
        &index,
        &laureates,
        paginate.grid,
    );
    for filter in views.categories() {
        out.filtered_index(&index, &laureates, &Route::Category(&filter.slug), filter);
    }
    for filter in views.regions() {
        out.filtered_index(&index, &laureates, &Route::Region(&filter.slug), filter);
    }
    out.laureates_files(&base, site, &people);
    out.kit(&base, &laureates, paginate.kit);
    let with_photos: Vec<&LaureateView> =
        laureates.iter().filter(|l| !l.photos.is_empty()).collect();
    out.paged(
        "gallery.html",
        &Route::Gallery,
        &base,
        &with_photos,
        paginate.gallery,
    );
    out.whole_site(site, &base, &laureates, theme.assets);
    out.finish()
}

/// The Tera filter `absolute`: a root-relative URL made absolute with `base_url` (unchanged
/// when it is unset), so templates never join URLs themselves.
struct AbsoluteFilter(Routes);

impl tera::Filter for AbsoluteFilter {
    fn filter(
        &self,
        value: &tera::Value,
        _: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let url = tera::from_value::<String>(value.clone())?;
        Ok(tera::Value::String(self.0.absolute_of(&url).unwrap_or(url)))
    }
}

/// Asset path → root-relative URL with a short content hash, so browsers refetch on change.
fn asset_urls(routes: &Routes, assets: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    assets
        .iter()
        .map(|(path, bytes)| {
            let hash = blake3::hash(bytes).to_hex();
            let url = routes.url(&Route::Asset(path));
            (path.clone(), format!("{url}?v={}", &hash[..8]))
        })
        .collect()
}

struct Renderer<'t> {
    tera: &'t Tera,
    routes: &'t Routes,
    cards: cards::Cards,
    minify: bool,
    sink: &'t dyn Sink,
    /// Files given to the sink.
    files: AtomicUsize,
    /// A file also put at a second path: (its path, the copy's).
    front_copy: Option<(String, String)>,
    /// For a year whose pages were at the site root before the site held several years, the
    /// context of the pages at those old addresses.
    old_urls: Option<Context>,
    problems: Diagnostics,
    years: Option<&'t years::YearsContext>,
    /// Laureates on one page of the front page's grid and of each filter's.
    grid_per_page: usize,
}

impl Renderer<'_> {
    /// The number of files made, or every problem met.
    fn finish(self) -> Result<usize, Diagnostics> {
        let files = self.files.into_inner();
        self.problems.into_result(files)
    }

    /// Gives one file to the sink (and its copy, if it has one; and what answers at its old
    /// address, if it had one).
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        if let Some((from, to)) = &self.front_copy {
            if *from == path {
                self.put(to.clone(), bytes.clone())?;
            }
        }
        if let Some(old) = self.old_address(&path, &bytes) {
            let (old_path, old_bytes) = old?;
            self.files.fetch_add(1, Ordering::Relaxed);
            self.sink.put(old_path, old_bytes)?;
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.sink.put(path, bytes)
    }

    /// For a file of a year whose pages were at the site root before the site held several
    /// years, what answers at the file's old address (printed QR codes, links in WeChat
    /// articles, saved images keep working): a page leading to the new address (`<meta
    /// http-equiv="refresh">`, canonical link, `noindex`), or the file itself for what is not
    /// a page (QR images). The old front page is the site's own.
    fn old_address(
        &self,
        path: &str,
        bytes: &[u8],
    ) -> Option<Result<(String, Vec<u8>), Diagnostic>> {
        let base = self.old_urls.as_ref()?;
        let (old, url) = self.routes.moved_from(path)?;
        if old == Route::Home.output_path() {
            return None;
        }
        if !old.ends_with(".html") {
            return Some(Ok((old, bytes.to_vec())));
        }
        let mut cx = base.clone();
        cx.insert("target", &url);
        let page = self.tera.render("redirect.html", &cx).map_err(|e| {
            let why = error_chain(&e);
            Diagnostic::said(
                "templates/redirect.html",
                said!("template-render-failed", page = old.to_string(), why = why),
            )
        });
        let minified = |text: String| match self.minify {
            true => self::minify(text.as_bytes()),
            false => text.into_bytes(),
        };
        Some(page.map(|text| (old, minified(text))))
    }

    /// The files of the whole site: in a site of one year all of them, from the year's
    /// [`years::summary`] (sitemap, search index); in a site of several years, the newest year's render writes them with
    /// what the other years give (and the 历届 page and the front page), the others none.
    fn whole_site(
        &mut self,
        site: &Site,
        base: &Context,
        laureates: &[LaureateView],
        assets: BTreeMap<String, Vec<u8>>,
    ) {
        let years::YearSummary {
            sitemap: mut own_sitemap,
            mut search,
            mut archive,
        } = years::summary(site);
        let routes = self.routes;
        own_sitemap.extend(
            site.pages
                .iter()
                .filter_map(|p| routes.absolute(&Route::Page(&p.slug))),
        );
        let Some(context) = self.years else {
            self.common_pages(site, base, laureates, own_sitemap, assets);
            // In the 公示 phase nobody is published yet, so there is nothing to search.
            if site.config.campaign.phase == Phase::Showcase {
                self.search_index(&search);
            }
            return;
        };
        let Some(others) = &context.others else {
            return;
        };
        let mut sitemap = own_sitemap;
        for other in others {
            sitemap.extend(other.sitemap.iter().cloned());
            search.extend(other.search.iter().cloned());
            archive.extend(other.archive.iter().cloned());
        }
        archive.sort_by_key(|entry| std::cmp::Reverse(entry.year));
        sitemap.extend(self.routes.absolute(&Route::Archive));
        self.common_pages(site, base, laureates, sitemap, assets);
        self.search_index(&search);
        let mut cx = base.clone();
        cx.insert("filters", &years::ArchiveFilters::of(&archive));
        cx.insert("entries", &archive);
        self.page("archive.html", &Route::Archive, &cx);
    }

    /// `search.json`.
    fn search_index(&mut self, entries: &[years::SearchEntry]) {
        let json = serde_json::to_vec(entries).expect("search entries serialise");
        let path = self.routes.output_path(&Route::SearchIndex);
        self.keep(Ok((path, json)));
    }

    /// The pages every phase has: extra pages, 404, sitemap, robots.txt, the feed (in the
    /// showcase) and the theme's assets.
    fn common_pages(
        &mut self,
        site: &Site,
        base: &Context,
        laureates: &[LaureateView],
        sitemap: Vec<String>,
        assets: BTreeMap<String, Vec<u8>>,
    ) {
        for page in &site.pages {
            let mut cx = base.clone();
            cx.insert("title", &page.title);
            cx.insert("chapters", &views::chapters(&page.body));
            self.page("page.html", &Route::Page(&page.slug), &cx);
        }
        let mut plain = base.clone();
        self.page("404.html", &Route::NotFound, &plain);
        plain.insert("laureates", laureates);
        plain.insert("updated", &site.config.campaign.reference_date.to_string());
        if site.config.campaign.phase == Phase::Showcase {
            self.page("feed.xml", &Route::Feed, &plain);
        }
        plain.insert("sitemap", &sitemap);
        self.page("sitemap.xml", &Route::Sitemap, &plain);
        self.page("robots.txt", &Route::Robots, &plain);
        for (path, bytes) in assets {
            let path = self.routes.output_path(&Route::Asset(&path));
            self.keep(Ok((path, bytes)));
        }
    }

    /// Renders `template` as the page at `route`, which templates know as `page_url` (and
    /// `canonical`, absolute, when `base_url` is set).
    fn page(&mut self, template: &str, route: &Route, context: &Context) {
        let path = self.routes.output_path(route);
        self.page_at(template, route, context, path);
    }

    /// Renders `template` as the page at `route` into the file `path`.
    fn page_at(&mut self, template: &str, route: &Route, context: &Context, path: String) {
        let file = self.render_page(template, route, context, path, self.minify);
        self.keep(file);
    }

    /// Gives a rendered file to the sink, or adds its problem (or the sink's) to the
    /// problems.
    fn keep(&mut self, file: Result<(String, Vec<u8>), Diagnostic>) {
        if let Err(problem) = file.and_then(|(path, bytes)| self.put(path, bytes)) {
            self.problems.push(problem);
        }
    }

    /// `template` rendered as the page at `route`, to be written at `path` (minified when
    /// `minify` and it is HTML).
    fn render_page(
        &self,
        template: &str,
        route: &Route,
        context: &Context,
        path: String,
        minify: bool,
    ) -> Result<(String, Vec<u8>), Diagnostic> {
        let mut context = context.clone();
        context.insert("page_url", &self.routes.url(route));
        context.insert("canonical", &self.routes.absolute(route));
        match self.tera.render(template, &context) {
            Ok(text) => {
                let bytes = if minify && path.ends_with(".html") {
                    self::minify(text.as_bytes())
                } else {
                    text.into_bytes()
                };
                Ok((path, bytes))
            }
            Err(e) => Err(Diagnostic::said(
                format!("templates/{template}"),
                said!(
                    "template-render-failed",
                    page = path.to_string(),
                    why = error_chain(&e)
                ),
            )),
        }
    }

    /// The pages of each of `people`, rendered in parallel and given to the sink as they
    /// are made: the rest of the site waits on them, and each laureate's are independent of
    /// the others'.
    fn laureates_files(
        &mut self,
        base: &Context,
        site: &Site,
        people: &[(&Laureate, &LaureateView)],
    ) {
        use rayon::prelude::*;
        let this = &*self;
        let problems: Vec<Diagnostic> = people
            .par_iter()
            .flat_map_iter(|(laureate, view)| this.laureate_files(base, site, laureate, view))
            .filter_map(|file| file.and_then(|(path, bytes)| this.put(path, bytes)).err())
            .collect();
        for problem in problems {
            self.problems.push(problem);
        }
    }

    /// One laureate's pages: profile, H5 card (with its embeddable twin), and the 公众号
    /// article (the draft alone, not minified as it is what is copied, and the kit page that
    /// shows it with its copy buttons).
    fn laureate_files(
        &self,
        base: &Context,
        site: &Site,
        laureate: &Laureate,
        view: &LaureateView,
    ) -> Vec<Result<(String, Vec<u8>), Diagnostic>> {
        let page = |template: &str, route: &Route, cx: &Context, minify: bool| {
            self.render_page(template, route, cx, self.routes.output_path(route), minify)
        };
        let mut cx = base.clone();
        cx.insert("laureate", view);
        let person_years = self.years.and_then(|y| y.person_years.get(view.slug));
        cx.insert("person_years", &person_years);
        let mut files = vec![page(
            "laureate.html",
            &Route::Profile(view.slug),
            &cx,
            self.minify,
        )];
        let card = self.cards.card(view, &laureate.story);
        for (embed, route) in [
            (false, Route::Card(view.slug)),
            (true, Route::CardEmbed(view.slug)),
        ] {
            let mut cx = base.clone();
            cx.insert("card", &card);
            cx.insert("embed", &embed);
            files.push(page("card.html", &route, &cx, self.minify));
        }
        let draft = |absolute: bool| {
            let article =
                article::article(&site.config, self.routes, view, &laureate.story, absolute);
            let mut cx = base.clone();
            cx.insert("article", &article);
            self.tera
                .render("article.html", &cx)
                .map(|draft| (cx, draft))
        };
        match (draft(true), draft(false)) {
            (Ok((mut file, draft)), Ok((mut kit_page, preview))) => {
                file.insert("draft", &draft);
                let route = Route::KitArticleDraft(view.slug);
                files.push(page("article-file.html", &route, &file, false));
                kit_page.insert("draft", &preview);
                let route = Route::KitArticle(view.slug);
                files.push(page("kit-article.html", &route, &kit_page, self.minify));
            }
            (Err(e), _) | (_, Err(e)) => files.push(Err(Diagnostic::said(
                "templates/article.html",
                said!(
                    "template-article-failed",
                    name = view.name,
                    why = error_chain(&e)
                ),
            ))),
        }
        files
    }

    /// The media kit's pages (`per_page` laureates each, an index of the page's own at its
    /// top: an index of everyone on every page made the kit grow with the square of the
    /// campaign) and each card's QR code files.
    fn kit(&mut self, base: &Context, laureates: &[LaureateView], per_page: usize) {
        let mut kit = Vec::new();
        for view in laureates {
            if let Some((svg, png)) = self.cards.qr_files(view) {
                let png_path = self.routes.output_path(&Route::KitQrPng(view.slug));
                self.keep(Ok((png_path, png)));
                let svg_path = self.routes.output_path(&Route::KitQrSvg(view.slug));
                self.keep(Ok((svg_path, svg.into_bytes())));
            }
            kit.push(self.cards.kit_entry(view));
        }
        let cx = base.clone();
        self.paged("kit.html", &Route::Kit, &cx, &kit, per_page);
    }

    /// Renders `template` at `list` once per page of `items`, `per_page` on each (`0`: one
    /// page): the page's items as `items`, their number as `total` and, when there are
    /// several pages, a `pagination` view.
    fn paged<T: Serialize>(
        &mut self,
        template: &str,
        list: &Route,
        context: &Context,
        items: &[T],
        per_page: usize,
    ) {
        let total = views::page_count(items.len(), per_page);
        let size = if per_page == 0 {
            items.len().max(1)
        } else {
            per_page
        };
        let pages: Vec<views::PageLink> = (1..=total)
            .map(|number| views::PageLink {
                number,
                url: self.routes.url(&views::page_route(list, number)),
            })
            .collect();
        let chunks: Vec<&[T]> = items.chunks(size).collect();
        for number in 1..=total {
            let mut cx = context.clone();
            let chunk = chunks.get(number - 1).copied().unwrap_or(&[]);
            cx.insert("items", chunk);
            cx.insert("total", &items.len());
            if total > 1 {
                let url = |n: usize| pages.get(n.wrapping_sub(1)).map(|p| p.url.clone());
                cx.insert(
                    "pagination",
                    &views::Pagination {
                        current: number,
                        total,
                        pages: pages.clone(),
                        previous: url(number - 1),
                        next: url(number + 1),
                    },
                );
            }
            if number > 1 {
                cx.insert("intro", &Option::<()>::None);
            }
            self.page(template, &views::page_route(list, number), &cx);
        }
    }

    fn filtered_index(
        &mut self,
        index: &Context,
        laureates: &[views::LaureateView],
        route: &Route,
        filter: &FilterView,
    ) {
        let chosen: Vec<_> = laureates
            .iter()
            .filter(|l| {
                let value = match route {
                    Route::Category(_) => &l.category,
                    _ => &l.region,
                };
                value.as_ref().is_some_and(|v| v.slug == filter.slug)
            })
            .collect();
        let mut cx = index.clone();
        cx.insert("filter", filter);
        cx.insert("intro", &Option::<()>::None);
        let per_page = self.grid_per_page;
        self.paged("index.html", route, &cx, &chosen, per_page);
    }
}

fn minify(html: &[u8]) -> Vec<u8> {
    let cfg = simple_minify_html::Cfg {
        keep_html_and_head_opening_tags: true,
        ..simple_minify_html::Cfg::default()
    };
    simple_minify_html::minify(html, Some(cfg))
}

/// An error and all its causes on one line, as Tera nests the useful part.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
