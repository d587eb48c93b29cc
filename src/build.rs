//! The build: `load` → `media` → `render` → `write`, each stage's output the next one's input.

use crate::check;
use crate::content::{self, Site};
use crate::diagnostics::Diagnostics;
use crate::media::{self, Cache, MediaIndex};
use crate::output;
use crate::render;
use std::path::PathBuf;
use std::sync::Arc;

/// Called as images finish with (images done, images in all), from any thread.
pub type Progress = Arc<dyn Fn(usize, usize) + Send + Sync>;

/// Name of the cache folder at the site root.
pub const CACHE_DIR: &str = ".laurel-cache";

/// Where to build from and to.
#[derive(Clone)]
pub struct BuildOptions {
    /// The site root (holding `site.yaml`).
    pub root: PathBuf,
    /// The output folder; replaced as a whole when the build succeeds.
    pub output: PathBuf,
    /// Told of the media stage's progress, if set.
    pub progress: Option<Progress>,
}

/// What a successful build made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildSummary {
    /// Number of laureates.
    pub laureates: usize,
    /// Number of files rendered (pages, feeds, assets).
    pub rendered_files: usize,
    /// Number of media files published.
    pub media_files: usize,
    /// Warnings that did not stop the build.
    pub warnings: Vec<String>,
}

/// Builds the site at `options.root` into `options.output`.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Diagnostics> {
    output::check_output_folder(&options.root, &options.output)?;
    let site = content::load(&options.root)?;
    let cache = Cache::new(options.root.join(CACHE_DIR));
    let report = |done: usize, all: usize| {
        if let Some(progress) = &options.progress {
            progress(done, all);
        }
    };
    let media = media::process(&site, &cache, &report)?;
    let mut warnings = media_warnings(&site, &media);
    let rendered = render::render(&site, &media)?;
    warnings.extend(rendered.warnings.iter().cloned());
    output::write(
        &options.output,
        &rendered,
        &media,
        &site.root.join("static"),
    )?;
    Ok(BuildSummary {
        laureates: site.laureates.len(),
        rendered_files: rendered.files.len(),
        media_files: media.files().len(),
        warnings,
    })
}

/// What the build warns about media: the media stage's notes, then each video that breaks the
/// campaign's limits (the same rules `laurel check` reports as errors).
fn media_warnings(site: &Site, media: &MediaIndex) -> Vec<String> {
    let mut warnings = media.notes().to_vec();
    for video in site.laureates.iter().flat_map(|l| &l.videos) {
        let Some(published) = media.video(&video.source) else {
            continue;
        };
        let file = video
            .source
            .strip_prefix(&site.root)
            .unwrap_or(&video.source);
        for breach in check::video_breaches(&site.config.campaign.rules, &published.info) {
            warnings.push(format!(
                "{}: {} ({})",
                file.display(),
                breach.message,
                breach.hint
            ));
        }
    }
    warnings
}
