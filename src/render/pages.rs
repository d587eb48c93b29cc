//! The [`Renderer`]: which pages a site has, each rendered with its template and context and
//! handed to the sink (with its copy at the site root, or at an old address).

use super::views::{FilterView, LaureateView, Views};
use super::{article, cards, error_chain, minify, views, years, RenderOptions, Sink};
use crate::config::Phase;
use crate::content::{Laureate, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::routes::{Route, Routes};
use crate::said;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use tera::{Context, Tera};

/// Renders a site's pages with its templates and hands each file to the sink.
pub(super) struct Renderer<'t> {
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

impl<'t> Renderer<'t> {
    /// A renderer of `site`'s pages with `tera` into `sink`; `base` is every page's context.
    pub(super) fn new(
        tera: &'t Tera,
        routes: &'t Routes,
        site: &Site,
        options: &'t RenderOptions,
        sink: &'t dyn Sink,
        base: &Context,
    ) -> Renderer<'t> {
        let years = options.years.as_ref();
        Renderer {
            tera,
            routes,
            cards: cards::Cards::new(routes.clone(), site.config.official_name()),
            minify: options.minify,
            sink,
            files: AtomicUsize::new(0),
            front_copy: None,
            old_urls: years.filter(|y| y.old_urls).map(|_| base.clone()),
            problems: Diagnostics::default(),
            years,
            grid_per_page: site.config.paginate.grid,
        }
    }

    /// The 公示 page; its context, which the front page shows until the showcase.
    pub(super) fn publicity(&mut self, site: &Site, base: &Context) -> Context {
        let mut publicity = base.clone();
        publicity.insert("publicity", &views::PublicityView::new(site));
        self.page("publicity.html", &Route::Publicity, &publicity);
        publicity
    }

    /// The showcase's lists: the front page and each category's and region's, every
    /// laureate's own files, the media kit and the 图说 gallery.
    pub(super) fn showcase(
        &mut self,
        site: &Site,
        views: &Views,
        base: &Context,
        laureates: &[LaureateView],
        people: &[(&Laureate, &LaureateView)],
    ) {
        let paginate = site.config.paginate;
        if self.years.is_some_and(|y| y.others.is_some()) {
            // The newest year's front page is also the site's.
            let home = Route::Home;
            self.front_copy = Some((self.routes.output_path(&home), home.output_path()));
        }
        let mut index = base.clone();
        index.insert("intro", &site.intro.as_ref().map(views::chapters));
        self.paged("index.html", &Route::Home, &index, laureates, paginate.grid);
        for filter in views.categories() {
            let route = Route::Category(&filter.slug);
            self.filtered_index(&index, laureates, &route, filter);
        }
        for filter in views.regions() {
            self.filtered_index(&index, laureates, &Route::Region(&filter.slug), filter);
        }
        self.laureates_files(base, site, people);
        self.kit(base, laureates, paginate.kit);
        let with_photos: Vec<&LaureateView> =
            laureates.iter().filter(|l| !l.photos.is_empty()).collect();
        let gallery = paginate.gallery;
        self.paged("gallery.html", &Route::Gallery, base, &with_photos, gallery);
    }

    /// The number of files made, or every problem met.
    pub(super) fn finish(self) -> Result<usize, Diagnostics> {
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
    pub(super) fn whole_site(
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
    pub(super) fn page(&mut self, template: &str, route: &Route, context: &Context) {
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
    pub(super) fn laureates_files(
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
    pub(super) fn kit(&mut self, base: &Context, laureates: &[LaureateView], per_page: usize) {
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
    pub(super) fn paged<T: Serialize>(
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

    pub(super) fn filtered_index(
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
