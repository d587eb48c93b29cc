//! `media`: turns every source image and video of the [`Site`] into the files the pages
//! reference, and returns a [`MediaIndex`] saying, per source, which files were made.
//!
//! This is the only slow stage. It runs in parallel (rayon) and is cached under
//! `.laurel-cache/` by content hash + parameters, so a rebuild redoes only what changed.
//! Only this module touches image codecs.

mod cache;
mod image;
mod video;

pub use self::image::{process_image, source_dimensions, ImageError};
pub use cache::Cache;
pub use video::{video_info, VideoError, VideoInfo};

use crate::config::ImageSettings;
use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The URL folder (under the site root) all processed media are published in.
pub const MEDIA_DIR: &str = "media";

/// A crop an image is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// The photo's own aspect ratio, at the configured widths.
    Original,
    /// A square around the focal point, for grids and share images.
    Square,
    /// 3:4 around the focal point, for portraits.
    Portrait,
    /// 2.35:1 around the focal point, 900 px wide: the article cover WeChat asks for (900x383).
    Cover,
}

impl Shape {
    /// Width:height of the crop, or `None` for the photo's own ratio.
    pub fn aspect(self) -> Option<(u32, u32)> {
        match self {
            Shape::Original => None,
            Shape::Square => Some((1, 1)),
            Shape::Portrait => Some((3, 4)),
            Shape::Cover => Some((47, 20)),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Shape::Original => "o",
            Shape::Square => "s",
            Shape::Portrait => "p",
            Shape::Cover => "c",
        }
    }

    /// The widths to make this shape at, from the site's settings. Crops are shown small
    /// (thumbnails, portraits), so they get the smaller widths only.
    pub fn widths(self, settings: &ImageSettings) -> Vec<u32> {
        match self {
            Shape::Original => settings.widths.clone(),
            Shape::Square => vec![settings.thumbnail],
            Shape::Cover => vec![900],
            Shape::Portrait => settings
                .widths
                .iter()
                .copied()
                .filter(|w| *w <= 960)
                .collect(),
        }
    }
}

/// An encoded file format of a published image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Lossy WebP (libwebp).
    Webp,
    /// Baseline JPEG (interleaved, 4:2:0).
    Jpeg,
}

impl Format {
    /// File extension without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
        }
    }
}

/// One published image file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// File name under `/media/` (content-hashed).
    pub file: String,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
    /// Encoding.
    pub format: Format,
}

/// All files of one shape of one image, smallest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShapeSet {
    /// The variants, ordered by format then width.
    pub variants: Vec<Variant>,
}

impl ShapeSet {
    /// The variants of one format, smallest first.
    pub fn of(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// The largest variant of a format.
    pub fn largest(&self, format: Format) -> Option<&Variant> {
        self.of(format).last()
    }
}

/// What the media stage made of one source image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessedImage {
    /// The image's average colour as `#rrggbb`, shown while it loads.
    pub placeholder: String,
    /// The published files per shape.
    pub shapes: BTreeMap<Shape, ShapeSet>,
}

/// What one source image is needed as, as collected from the site.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageRequest {
    /// The source file.
    pub source: PathBuf,
    /// Focal point, `(x, y)` in 0–1.
    pub focus: (f32, f32),
    /// The shapes to make.
    pub shapes: BTreeSet<Shape>,
}

/// A video as published: its file name under `/media/` and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedVideo {
    /// File name under `/media/` (content-hashed).
    pub file: String,
    /// Duration, displayed size, codecs.
    pub info: VideoInfo,
}

/// Every published media file, by source.
#[derive(Debug, Clone, Default)]
pub struct MediaIndex {
    images: HashMap<PathBuf, ProcessedImage>,
    videos: HashMap<PathBuf, PublishedVideo>,
    files: BTreeMap<String, PathBuf>,
}

impl MediaIndex {
    /// The processed form of a source image, if it was requested and processed.
    pub fn image(&self, source: &Path) -> Option<&ProcessedImage> {
        self.images.get(source)
    }

    /// The published form of a source video.
    pub fn video(&self, source: &Path) -> Option<&PublishedVideo> {
        self.videos.get(source)
    }

    /// Every file to publish: name under `/media/` → file to copy it from.
    pub fn files(&self) -> &BTreeMap<String, PathBuf> {
        &self.files
    }
}

/// Collects what each image of the site is used as: portraits in 3:4 and square, photos in
/// their own ratio and square, and each laureate's first photo also as a 2.35:1 cover.
pub fn image_requests(site: &Site) -> Vec<ImageRequest> {
    let mut requests: BTreeMap<PathBuf, ImageRequest> = BTreeMap::new();
    let mut want = |photo: &crate::content::Photo, shapes: &[Shape]| {
        let entry = requests
            .entry(photo.source.clone())
            .or_insert_with(|| ImageRequest {
                source: photo.source.clone(),
                focus: photo.focus,
                shapes: BTreeSet::new(),
            });
        entry.shapes.extend(shapes.iter().copied());
    };
    for laureate in &site.laureates {
        if let Some(portrait) = &laureate.portrait {
            want(portrait, &[Shape::Portrait, Shape::Square]);
        }
        for photo in &laureate.photos {
            want(photo, &[Shape::Original, Shape::Square]);
        }
        if let Some(first) = laureate.photos.first() {
            want(first, &[Shape::Cover]);
        }
    }
    requests.into_values().collect()
}

/// Runs the media stage over the whole site with the cache in `cache`; `progress` is called
/// with (images done, images in all) as each image finishes.
pub fn process(
    site: &Site,
    cache: &Cache,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<MediaIndex, Diagnostics> {
    let settings = &site.config.images;
    let mut requests = image_requests(site);
    // Largest files first, so the last image does not keep one core busy alone.
    requests.sort_by_cached_key(|r| {
        std::cmp::Reverse(std::fs::metadata(&r.source).map_or(0, |m| m.len()))
    });
    let done = AtomicUsize::new(0);
    let results: Vec<_> = requests
        .par_iter()
        .map(|request| {
            let result = process_image(request, settings, cache);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, requests.len());
            (request, result)
        })
        .collect();
    let mut index = MediaIndex::default();
    let mut problems = Diagnostics::default();
    for (request, result) in results {
        match result {
            Ok(processed) => {
                for variant in processed.shapes.values().flat_map(|s| &s.variants) {
                    index
                        .files
                        .insert(variant.file.clone(), cache.file_path(&variant.file));
                }
                index.images.insert(request.source.clone(), processed);
            }
            Err(err) => problems.push(err.into_diagnostic(&request.source).relative_to(&site.root)),
        }
    }
    for video in site.laureates.iter().flat_map(|l| &l.videos) {
        match publish_video(&video.source, cache) {
            Ok(published) => {
                index
                    .files
                    .insert(published.file.clone(), video.source.clone());
                index.videos.insert(video.source.clone(), published);
            }
            Err(d) => problems.push(d.relative_to(&site.root)),
        }
    }
    if problems.is_empty() {
        let sources: HashSet<&Path> = requests
            .iter()
            .map(|r| r.source.as_path())
            .chain(index.videos.keys().map(PathBuf::as_path))
            .collect();
        cache.prune(index.files.keys(), &sources);
    }
    problems.into_result(index)
}

/// Reads a video's metadata and names it by its content hash; the file is published as it is.
fn publish_video(source: &Path, cache: &Cache) -> Result<PublishedVideo, Diagnostic> {
    let info = video_info(source).map_err(|VideoError(why)| {
        Diagnostic::new(source, format!("not a readable MP4/MOV video: {why}"))
            .hint("export the clip again as MP4 (H.264) from the phone or editing app")
    })?;
    let (hash, _) = cache
        .source_hash(source)
        .map_err(|e| Diagnostic::new(source, format!("cannot read the video: {e}")))?;
    let ext = source
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_else(|| "mp4".into());
    Ok(PublishedVideo {
        file: format!("{}.{ext}", &hash[..16]),
        info,
    })
}

/// The file name of one variant: content hash of source + parameters, shape and width.
fn variant_file_name(key: &str, shape: Shape, width: u32, format: Format) -> String {
    format!(
        "{}-{}{width}.{}",
        &key[..16],
        shape.name(),
        format.extension()
    )
}
