//! The pipeline: `load` → `check` (links, private data) → `media` → `posters` → `render`, each stage's output the next
//! one's input. `laurel build` writes the result to disk; `laurel serve` keeps it in memory.
//! Both run [`run_stages`], so they report the same problems and warnings.

pub use crate::cancel::{Cancel, Step};
use crate::check;
use crate::config::{Phase, SiteConfig};
use crate::content::{self, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::finding::{Finding, Message, Place, Rule, Severity};
pub use crate::fingerprint::BuildSummary;
use crate::fingerprint::Inputs;
use crate::media::{self, Cache, MediaIndex};
use crate::output;
use crate::poster;
use crate::privacy;
use crate::render::views::YearLink;
use crate::render::years::{self, YearsContext};
use crate::render::{self, RenderOptions, Sink};
use crate::routes::Route;
use crate::routes::Routes;
use std::path::Path;
use std::path::PathBuf;
use std::sync::Arc;

pub use crate::layout::CACHE_DIR;

/// One build at a time in a process: a build removes from the media cache what it did not
/// use, which would take files from under another build of the same site running meanwhile
/// (the studio's preview rebuilding while its 生成 runs).
static CACHE_TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Waits for the media cache's turn; held until the guard is dropped.
fn cache_turn() -> std::sync::MutexGuard<'static, ()> {
    CACHE_TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Called as images finish with (images done, images in all), from any thread.
pub type Progress = Arc<dyn Fn(usize, usize) + Send + Sync>;

/// Where to build from and to.
#[derive(Clone)]
pub struct BuildOptions {
    /// The site root (holding `site.yaml`).
    pub root: PathBuf,
    /// The output folder; replaced as a whole when the build succeeds.
    pub output: PathBuf,
    /// Told of the media stage's progress, if set.
    pub progress: Option<Progress>,
    /// Asked between stages and images whether to stop (a stopped build fails as a failed
    /// one does, leaving the output as it was).
    pub cancel: Cancel,
}

/// What the pipeline made of a site, in memory.
#[derive(Debug)]
pub struct Built {
    /// The loaded site.
    pub site: Site,
    /// The media stage's index of published files.
    pub media: MediaIndex,
    /// How many pages and assets were rendered (into the sink the stages were given).
    pub rendered_files: usize,
    /// Warnings that did not stop the build.
    pub warnings: Vec<Finding>,
    /// In a site of several years, the years before the newest (which is `site`), oldest
    /// first; `media` and `rendered` hold every year's files.
    pub earlier_years: Vec<Site>,
}

impl Built {
    /// The number of laureates of every year.
    pub fn laureate_count(&self) -> usize {
        self.earlier_years
            .iter()
            .chain([&self.site])
            .map(|site| site.laureates.len())
            .sum()
    }
}

/// Builds the site at `options.root` into `options.output`, unless nothing has changed since
/// the last good build into it (see [`fingerprint`](crate::fingerprint)).
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Diagnostics> {
    let _turn = cache_turn();
    output::check_output_folder(&options.root, &options.output)?;
    let cache_dir = options.root.join(CACHE_DIR);
    // site.yaml is read once: its fonts are inputs, and the stages build from it.
    let config = site_config(&options.root);
    let fonts = config.as_ref().map_or(&[][..], |config| &config.fonts);
    let inputs = Inputs::of(&options.root, fonts);
    if let Some(last) = inputs.last_build(&cache_dir, &options.output) {
        return Ok(BuildSummary {
            up_to_date: true,
            ..last
        });
    }
    Inputs::forget(&cache_dir);
    let summary = build_all(options, &cache_dir, config)?;
    inputs.remember(&cache_dir, &options.output, &summary);
    Ok(summary)
}

/// Runs every stage and writes the output.
fn build_all(
    options: &BuildOptions,
    cache_dir: &Path,
    config: Result<SiteConfig, Diagnostics>,
) -> Result<BuildSummary, Diagnostics> {
    let cache = Cache::new(cache_dir);
    let report = |done: usize, all: usize| {
        if let Some(progress) = &options.progress {
            progress(done, all);
        }
    };
    let writer = output::Writer::open(&options.output)?;
    let built = run_stages_with(
        &options.root,
        config?,
        &cache,
        &report,
        &options.cancel,
        &RenderOptions::default(),
        &writer,
    )?;
    options.cancel.reach(Step::Write)?;
    writer.finish(
        &built.media,
        &built.site.root.join(crate::layout::STATIC_DIR),
    )?;
    Ok(BuildSummary {
        laureates: built.laureate_count(),
        rendered_files: built.rendered_files,
        media_files: built.media.files().len(),
        warnings: built.warnings,
        up_to_date: false,
    })
}

/// Runs every stage over the site at `root`: load, the links and private-data check, media (cached in
/// `cache`) and render, into `sink`. A site of several years runs them over each year. The
/// pages are placed under `served_under` (see [`SiteConfig::serve_under`]; `""` as published).
pub fn run_stages(
    root: &Path,
    served_under: &str,
    cache: &Cache,
    progress: &(dyn Fn(usize, usize) + Sync),
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Built, Diagnostics> {
    let _turn = cache_turn();
    let mut config = site_config(root)?;
    config.serve_under(served_under);
    let never = Cancel::default();
    run_stages_with(root, config, cache, progress, &never, options, sink)
}

/// site.yaml of the site at `root`, its problems relative to the root.
fn site_config(root: &Path) -> Result<SiteConfig, Diagnostics> {
    SiteConfig::load(root).map_err(|problems| problems.relative_to(root))
}

/// Runs every stage over the site at `root` whose site.yaml is `config` (see [`run_stages`]),
/// asking `cancel` between them.
fn run_stages_with(
    root: &Path,
    config: SiteConfig,
    cache: &Cache,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &Cancel,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Built, Diagnostics> {
    cancel.reach(Step::Load)?;
    let years = crate::years::of_site(root);
    let stages = Stages { progress, cancel };
    if !years.is_empty() {
        return run_years(root, &config, &years, cache, &stages, options, sink);
    }
    let site = content::load(root, config)?;
    let media = media_stages(&site, cache, &stages, None)?;
    cancel.reach(Step::Render)?;
    render_stage(site, media, options, sink)
}

/// What the media stages tell (images done of all) and ask (whether to stop).
struct Stages<'a> {
    progress: &'a (dyn Fn(usize, usize) + Sync),
    cancel: &'a Cancel,
}

/// The links and private-data check, media and posters of one year's site; `old_routes` are
/// the routes of a year whose pages were at the site root before (see [`poster::make`]).
fn media_stages(
    site: &Site,
    cache: &Cache,
    stages: &Stages,
    old_routes: Option<&Routes>,
) -> Result<MediaIndex, Diagnostics> {
    require_publishable(site)?;
    stages.cancel.reach(Step::Media)?;
    // In the 公示 phase no photo or video is published, so none is processed.
    let mut media = match site.config.campaign.phase {
        Phase::Showcase => media::process(site, cache, stages.progress, stages.cancel)?,
        Phase::Publicity => MediaIndex::default(),
    };
    stages.cancel.reach(Step::Posters)?;
    poster::make(site, &mut media, cache, old_routes)?;
    Ok(media)
}

/// Every stage over a site of several years (`years` oldest first): each year is loaded (its
/// configuration made from `config`, site.yaml's) and its media made (in its own cache
/// folder); every year's problems are reported together. Then each year is rendered under
/// `/<year>/`, the newest last, with the pages of the whole site; the
/// [old URLs' year](crate::years::old_urls_year)'s pages were at the site root before.
fn run_years(
    root: &Path,
    config: &SiteConfig,
    years: &[u32],
    cache: &Cache,
    stages: &Stages,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Built, Diagnostics> {
    let old_urls_year = crate::years::old_urls_year(root, config, years)?;
    let mut problems = Diagnostics::default();
    let mut loaded = Vec::new();
    for &year in years {
        let year_config = config.for_year(year).map_err(|p| p.relative_to(root));
        let stages = year_config
            .and_then(|config| content::load(root, config))
            .and_then(|site| {
                let old_routes = (year == old_urls_year).then(|| site.routes().without_year());
                let media =
                    media_stages(&site, &cache.for_year(year), stages, old_routes.as_ref())?;
                Ok((media, site))
            });
        match stages {
            Ok((media, site)) => loaded.push((site, media)),
            // The pages of the whole site are every year's: their problems are said once.
            Err(found) => problems.0.extend(
                found
                    .0
                    .into_iter()
                    .filter(|d| !problems.0.contains(d))
                    .collect::<Vec<_>>(),
            ),
        }
    }
    problems.into_result(())?;
    stages.cancel.reach(Step::Render)?;
    let (sites, medias): (Vec<Site>, Vec<MediaIndex>) = loaded.into_iter().unzip();
    let person_years = years::person_years(&sites);
    let links: Vec<YearLink> = sites
        .iter()
        .rev()
        .map(|site| YearLink {
            year: site.config.campaign.year,
            url: site.routes().url(&Route::Home),
        })
        .collect();
    let mut summaries = Vec::new();
    let mut rendered_files = 0;
    let last = sites.len() - 1;
    for (i, (site, person_years)) in sites.iter().zip(person_years).enumerate() {
        let context = YearsContext {
            years: links.clone(),
            others: (i == last).then(|| std::mem::take(&mut summaries)),
            old_urls: site.config.campaign.year == old_urls_year,
            person_years,
        };
        let year_options = RenderOptions {
            years: Some(context),
            ..options.clone()
        };
        rendered_files += render::render_into(site, &medias[i], &year_options, sink)?;
        summaries.push(years::summary(site));
    }
    let mut all_media = MediaIndex::default();
    let mut all_warnings = Vec::new();
    for (site, media) in sites.iter().zip(&medias) {
        all_media.add_files_of(media);
        for warning in warnings(site, media) {
            if !all_warnings.contains(&warning) {
                all_warnings.push(warning);
            }
        }
    }
    let mut sites = sites;
    let site = sites.pop().expect("a site of several years has a year");
    Ok(Built {
        site,
        media: all_media,
        rendered_files,
        warnings: all_warnings,
        earlier_years: sites,
    })
}

/// Runs the stages after media again over a site whose media are already processed (the
/// preview server, when only stories or templates changed): posters, when the whole site is
/// rendered (a template may be a poster's layout), and render. A story edit keeps the 长图
/// drawn before: redrawing it would take the preview's reload from about 70 ms to 250 ms;
/// the next full rebuild, and every `laurel build`, draws it anew.
pub fn rerender(
    site: Site,
    mut media: MediaIndex,
    cache: &Cache,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Built, Diagnostics> {
    let _turn = cache_turn();
    require_publishable(&site)?;
    if options.only_laureates.is_none() {
        poster::make(&site, &mut media, cache, None)?;
    }
    render_stage(site, media, options, sink)
}

fn render_stage(
    site: Site,
    media: MediaIndex,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<Built, Diagnostics> {
    let rendered_files = render::render_into(&site, &media, options, sink)?;
    let warnings = warnings(&site, &media);
    Ok(Built {
        site,
        media,
        rendered_files,
        warnings,
        earlier_years: Vec::new(),
    })
}

/// A link in a story or page to nothing, or private data in public text (the `broken-link`
/// and `private-data` errors of `laurel check`), stops the build, at the file and line.
fn require_publishable(site: &Site) -> Result<(), Diagnostics> {
    let broken = check::broken_links(site).into_iter().map(|broken| {
        let said = broken.broken_link();
        (
            broken.file,
            Some(broken.item.line),
            said.message(),
            said.fix(),
        )
    });
    let leaks = privacy::leaks(site)
        .into_iter()
        .map(|leak| (leak.file, leak.line, leak.said.message(), leak.said.fix()));
    let mut problems = Diagnostics::default();
    for (file, line, message, fix) in broken.chain(leaks) {
        problems.push(
            Diagnostic::new(file, message)
                .at_line(line)
                .hint(fix)
                .relative_to(&site.root),
        );
    }
    problems.into_result(())
}

/// What the build warns about: the media stage's notes, and in the words of `laurel check`
/// site.yaml's warnings, each video that breaks the campaign's limits, raw HTML the sanitiser
/// drops, template text left in and a missing `base_url` ([`check::build_warnings`]).
fn warnings(site: &Site, media: &MediaIndex) -> Vec<Finding> {
    let notes = media.notes().iter().map(|note| Finding {
        rule: Rule::Media,
        severity: Severity::Warning,
        place: Place::default(),
        message: Message::Worded {
            id: None,
            message: note.clone(),
            fix: String::new(),
        },
    });
    let published = |source: &Path| media.video(source).map(|video| &video.info);
    notes
        .chain(check::build_warnings(site, published))
        .collect()
}
