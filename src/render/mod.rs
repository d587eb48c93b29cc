//! `render`: turns the [`Site`] and its [`MediaIndex`] into every page of the output, in
//! memory, with Tera templates; HTML is minified. It reads no content files: only the model,
//! the media index and the theme.

pub mod cards;
mod qr;
mod theme;
pub mod views;

use crate::content::Laureate;
use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::MediaIndex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use tera::{Context, Tera};
use views::{FilterView, LaureateView, Views};

/// The rendered site: output path (relative, `/`-separated) → file contents.
#[derive(Debug, Default)]
pub struct RenderedSite {
    /// Pages, feeds and theme assets.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Things the publisher should know that do not stop the build.
    pub warnings: Vec<String>,
}

/// One entry of `search.json`.
#[derive(Serialize)]
struct SearchEntry<'a> {
    name: &'a str,
    url: String,
    organization: &'a str,
    field: &'a str,
    region: &'a str,
    category: &'a str,
}

/// What to render, and how.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Minify HTML (the build does; the preview server skips it for speed).
    pub minify: bool,
    /// Render only these laureates' own pages (profile and cards), by slug; `None` renders
    /// the whole site. The preview server uses it when only stories changed.
    pub only_laureates: Option<BTreeSet<String>>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            minify: true,
            only_laureates: None,
        }
    }
}

/// Renders every page of `site`, minified.
pub fn render(site: &Site, media: &MediaIndex) -> Result<RenderedSite, Diagnostics> {
    render_with(site, media, &RenderOptions::default())
}

/// Renders the pages of `site` that `options` ask for.
pub fn render_with(
    site: &Site,
    media: &MediaIndex,
    options: &RenderOptions,
) -> Result<RenderedSite, Diagnostics> {
    let theme = theme::load(&site.root, &site.config.theme)?;
    let views = Views::new(site, media);
    let assets = asset_urls(views.root(), &theme.assets);
    let mut base = Context::new();
    base.insert("site", &views.site(assets));
    let laureates: Vec<_> = site.laureates.iter().map(|l| views.laureate(l)).collect();

    let mut out = Renderer {
        tera: &theme.tera,
        cards: cards::Cards::new(
            site.config.origin(),
            format!("{}年度{}", site.config.campaign.year, site.config.title),
        ),
        minify: options.minify,
        rendered: RenderedSite::default(),
        problems: Diagnostics::default(),
    };
    if let Some(slugs) = &options.only_laureates {
        let chosen: Vec<_> = site
            .laureates
            .iter()
            .zip(&laureates)
            .filter(|(l, _)| slugs.contains(&l.slug))
            .collect();
        for (laureate, view) in chosen {
            out.laureate_pages(&base, laureate, view);
        }
        return out.problems.into_result(out.rendered);
    }
    let mut index = base.clone();
    index.insert("laureates", &laureates);
    index.insert("intro", &site.intro.as_ref().map(views::chapters));
    index.insert("page_path", "");
    out.page("index.html", "index.html", &index);
    for (kind, filters) in [
        ("categories", views.categories()),
        ("regions", views.regions()),
    ] {
        for filter in filters {
            out.filtered_index(&index, &laureates, kind, filter);
        }
    }
    for (laureate, view) in site.laureates.iter().zip(&laureates) {
        out.laureate_pages(&base, laureate, view);
    }
    out.kit(&base, &laureates);
    let mut gallery = base.clone();
    gallery.insert("laureates", &laureates);
    gallery.insert("page_path", "gallery/");
    out.page("gallery.html", "gallery/index.html", &gallery);
    for page in &site.pages {
        let mut cx = base.clone();
        cx.insert("title", &page.title);
        cx.insert("chapters", &views::chapters(&page.body));
        cx.insert("page_path", &format!("{}/", page.slug));
        out.page("page.html", &format!("{}/index.html", page.slug), &cx);
    }
    let mut plain = base.clone();
    plain.insert("page_path", "404.html");
    out.page("404.html", "404.html", &plain);
    plain.insert("laureates", &laureates);
    plain.insert("updated", &site.config.campaign.reference_date.to_string());
    for file in ["sitemap.xml", "feed.xml", "robots.txt"] {
        out.page(file, file, &plain);
    }
    let search: Vec<SearchEntry> = site
        .laureates
        .iter()
        .zip(&laureates)
        .map(|(l, view)| SearchEntry {
            name: &l.name,
            url: view.url.clone(),
            organization: &l.organization,
            field: &l.field,
            region: &l.region,
            category: &l.category,
        })
        .collect();
    let json = serde_json::to_vec(&search).expect("search entries serialise");
    out.rendered.files.insert("search.json".into(), json);
    for (path, bytes) in theme.assets {
        out.rendered.files.insert(path, bytes);
    }
    if site.config.base_url.is_empty() {
        out.rendered.warnings.push(
            "base_url is not set in site.yaml: sitemap.xml, feed.xml, shared card links and their QR codes need absolute URLs, so links are root-relative and the cards and the media kit have no QR codes".into(),
        );
    }
    out.problems.into_result(out.rendered)
}

/// Asset path → root-relative URL with a short content hash, so browsers refetch on change.
fn asset_urls(root: &str, assets: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    assets
        .iter()
        .map(|(path, bytes)| {
            let hash = blake3::hash(bytes).to_hex();
            (path.clone(), format!("{root}{path}?v={}", &hash[..8]))
        })
        .collect()
}

struct Renderer<'t> {
    tera: &'t Tera,
    cards: cards::Cards,
    minify: bool,
    rendered: RenderedSite,
    problems: Diagnostics,
}

impl Renderer<'_> {
    fn page(&mut self, template: &str, path: &str, context: &Context) {
        match self.tera.render(template, context) {
            Ok(text) => {
                let bytes = if self.minify && path.ends_with(".html") {
                    minify(text.as_bytes())
                } else {
                    text.into_bytes()
                };
                self.rendered.files.insert(path.to_string(), bytes);
            }
            Err(e) => self.problems.push(
                Diagnostic::new(
                    format!("templates/{template}"),
                    format!("rendering {path} failed: {}", error_chain(&e)),
                )
                .hint("fix the template, or delete the site's copy to use the built-in one"),
            ),
        }
    }

    /// A laureate's profile page and H5 card (with its embeddable twin).
    fn laureate_pages(&mut self, base: &Context, laureate: &Laureate, view: &LaureateView) {
        let mut cx = base.clone();
        cx.insert("laureate", view);
        cx.insert("page_path", &format!("laureates/{}/", view.slug));
        self.page(
            "laureate.html",
            &format!("laureates/{}/index.html", view.slug),
            &cx,
        );
        let card = self.cards.card(view, &laureate.story);
        let folder = format!("cards/{}/", view.slug);
        for (embed, path) in [(false, folder.clone()), (true, format!("{folder}embed/"))] {
            let mut cx = base.clone();
            cx.insert("card", &card);
            cx.insert("embed", &embed);
            cx.insert("page_path", &path);
            self.page("card.html", &format!("{path}index.html"), &cx);
        }
    }

    /// The media kit page and each card's QR code files.
    fn kit(&mut self, base: &Context, laureates: &[LaureateView]) {
        let mut kit = Vec::new();
        for view in laureates {
            if let Some((svg, png)) = self.cards.qr_files(view) {
                let files = &mut self.rendered.files;
                files.insert(format!("kit/{}/qr.png", view.slug), png);
                files.insert(format!("kit/{}/qr.svg", view.slug), svg.into_bytes());
            }
            kit.push(self.cards.kit_entry(view));
        }
        let mut cx = base.clone();
        cx.insert("entries", &kit);
        cx.insert("page_path", "kit/");
        self.page("kit.html", "kit/index.html", &cx);
    }

    fn filtered_index(
        &mut self,
        index: &Context,
        laureates: &[views::LaureateView],
        kind: &str,
        filter: &FilterView,
    ) {
        let chosen: Vec<_> = laureates
            .iter()
            .filter(|l| {
                let value = if kind == "categories" {
                    &l.category
                } else {
                    &l.region
                };
                value.as_ref().is_some_and(|v| v.slug == filter.slug)
            })
            .collect();
        let mut cx = index.clone();
        cx.insert("laureates", &chosen);
        cx.insert("filter", filter);
        cx.insert("intro", &Option::<()>::None);
        let path = format!("{kind}/{}/", filter.slug);
        cx.insert("page_path", &path);
        self.page("index.html", &format!("{path}index.html"), &cx);
    }
}

fn minify(html: &[u8]) -> Vec<u8> {
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    cfg.minify_js = true;
    cfg.keep_html_and_head_opening_tags = true;
    minify_html::minify(html, &cfg)
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
