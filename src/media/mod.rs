//! `media`: turns every source image and video of the [`Site`] into the files the pages
//! reference, and returns a [`MediaIndex`] saying, per source, which files were made.
//!
//! This is the only slow stage. It runs in parallel (rayon) and is cached under
//! `.laurel-cache/` by content hash + parameters, so a rebuild redoes only what changed.
//! Only this module touches image codecs.

mod cache;
mod decode;
mod encode;
mod faces;
mod ffmpeg;
mod image;
mod index;
mod portrait;
mod publish;
mod roles;
mod video;

pub use self::image::{crop_fractions, preview_jpeg, process_image, ImageError};
pub use cache::{write_atomically, Cache};
pub use decode::{dimensions, inspect_image, sniff, source_dimensions, Sniffed};
#[cfg(test)]
pub use encode::{grey_pixels, write_test_jpeg};
pub use encode::{grey_png, sharp_jpeg};
pub use ffmpeg::{Ffmpeg, FFMPEG_ENV};
pub use index::{MediaIndex, PublishedVideo, ShareImage, ShareImages};
pub use portrait::{is_portrait_shape, portrait_likeness};
pub use roles::{image_requests, laureate_image_requests, laureate_images, LaureateImages, Role};
pub use video::{video_info, VideoError, VideoInfo};

use crate::cancel::Cancel;
use crate::config::ImageSettings;
use crate::content::{Focus, Site};
use crate::diagnostics::Diagnostics;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub use crate::routes::MEDIA_DIR;

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessedImage {
    /// The image's average colour as `#rrggbb`, shown while it loads.
    pub placeholder: String,
    /// The published files per shape.
    pub shapes: BTreeMap<Shape, ShapeSet>,
    /// The point its crops were centred on, `(x, y)` in 0–1: the editor's, else its
    /// subjects' faces, else the default.
    pub focus: (f32, f32),
}

/// What one source image is needed as, as collected from the site.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageRequest {
    /// The source file.
    pub source: PathBuf,
    /// Where its crops are centred.
    pub focus: Focus,
    /// The shapes to make, each at the widths and in the formats its roles need.
    pub shapes: BTreeMap<Shape, Needs>,
}

/// What one shape of an image is made at: the union of what the roles that use it need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Needs {
    /// Widths before the no-upscaling limit.
    pub widths: BTreeSet<u32>,
    /// Encodings.
    pub formats: BTreeSet<Format>,
}

/// Runs the media stage over the whole site with the cache in `cache`; `progress` is called
/// with (images done, images in all) as each image finishes.
pub fn process(
    site: &Site,
    cache: &Cache,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &Cancel,
) -> Result<MediaIndex, Diagnostics> {
    let mut index = MediaIndex::default();
    let mut problems = Diagnostics::default();
    // Videos first: their poster frames join the images.
    publish::publish_videos(site, cache, &mut index, &mut problems);
    let posters = index.videos.values().filter_map(|v| v.poster.as_deref());
    let mut requests = image_requests(site, posters);
    // Largest files first, so the last image does not keep one core busy alone.
    requests.sort_by_cached_key(|r| {
        std::cmp::Reverse(std::fs::metadata(&r.source).map_or(0, |m| m.len()))
    });
    process_images(
        site,
        cache,
        &requests,
        progress,
        cancel,
        &mut index,
        &mut problems,
    );
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

/// Processes `requests` in parallel into `index`, each problem into `problems`, telling
/// `progress` of each image done and asking `cancel` before each image: once stopping is
/// asked for, no further image is begun and the stage fails with that.
fn process_images(
    site: &Site,
    cache: &Cache,
    requests: &[ImageRequest],
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &Cancel,
    index: &mut MediaIndex,
    problems: &mut Diagnostics,
) {
    let done = AtomicUsize::new(0);
    let results: Vec<_> = requests
        .par_iter()
        .filter(|_| !cancel.is_cancelled())
        .map(|request| {
            let result = process_image(request, &site.config.images, cache);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, requests.len());
            (request, result)
        })
        .collect();
    if let Err(stopped) = cancel.check() {
        problems.push(stopped);
        return;
    }
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
