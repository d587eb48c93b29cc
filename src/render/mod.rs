//! `render`: turns the [`Site`] and its [`MediaIndex`] into every page of the output with Tera
//! templates; HTML is minified. Each file goes to a [`Sink`] as soon as it is made: the
//! output's writer in a build, memory in the preview server. It reads no content files: only
//! the model, the media index and the theme.

pub mod article;
pub mod cards;
mod pages;
pub(crate) mod qr;
pub mod search;
pub(crate) mod theme;
pub mod views;
pub mod years;

use crate::config::Phase;
use crate::content::{Laureate, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::MediaIndex;
use crate::routes::{Route, Routes};
use pages::Renderer;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use tera::{Context, Tera};
use views::{LaureateView, Views};

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
    add_filters(&mut theme.tera, &routes);
    let views = Views::new(site, media, &routes);
    let base = base_context(&views, &routes, &theme.assets, options);
    let showcase = site.config.campaign.phase == Phase::Showcase;
    let shown = shown_laureates(site, options, showcase);
    let mut problems = Diagnostics::default();
    let laureates: Vec<_> = shown
        .iter()
        .filter_map(|l| views.laureate(l).map_err(|d| problems.extend(d)).ok())
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Renderer::new(&theme.tera, &routes, site, options, sink, &base);
    // Views are made in the model's order, one per laureate shown (none in the 公示 phase).
    let people: Vec<(&Laureate, &LaureateView)> = shown.into_iter().zip(&laureates).collect();
    if options.only_laureates.is_some() {
        out.laureates_files(&base, site, &people);
        return out.finish();
    }
    if views::publicity_published(&site.config) {
        let publicity = out.publicity(site, &base);
        if !showcase {
            out.page("publicity.html", &Route::Home, &publicity);
            out.whole_site(site, &base, &[], theme.assets);
            return out.finish();
        }
    }
    out.showcase(site, &views, &base, &laureates, &people);
    out.whole_site(site, &base, &laureates, theme.assets);
    out.finish()
}

/// laurel's own Tera filters: `absolute` and `inline_styles`.
fn add_filters(tera: &mut Tera, routes: &Routes) {
    tera.register_filter("absolute", AbsoluteFilter(routes.clone()));
    tera.register_filter("inline_styles", article::InlineStyles);
}

/// What every page's context holds: `site`, with the other years in a site of several.
fn base_context(
    views: &Views,
    routes: &Routes,
    assets: &BTreeMap<String, Vec<u8>>,
    options: &RenderOptions,
) -> Context {
    let mut site_view = views.site(asset_urls(routes, assets));
    if let Some(years) = &options.years {
        site_view.years = years.years.clone();
        site_view.urls.archive = Some(routes.url(&Route::Archive));
    }
    let mut base = Context::new();
    base.insert("site", &site_view);
    base
}

/// The laureates whose views are made. In the 公示 phase nothing that presumes the result is
/// published: no laureate pages, so no laureate views (whose pictures the media stage has not
/// made). When the preview re-renders a few laureates, only theirs.
fn shown_laureates<'s>(
    site: &'s Site,
    options: &RenderOptions,
    showcase: bool,
) -> Vec<&'s Laureate> {
    if !showcase {
        return Vec::new();
    }
    let only = options.only_laureates.as_ref();
    let wanted = |l: &&Laureate| only.is_none_or(|slugs| slugs.contains(&l.slug));
    site.laureates.iter().filter(wanted).collect()
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
