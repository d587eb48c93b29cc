//! `media`: turns every source image and video of the [`Site`] into the files the pages
//! reference, and returns a [`MediaIndex`] saying, per source, which files were made.
//!
//! This is the only slow stage. It runs in parallel (rayon) and is cached under
//! `.laurel-cache/` by content hash + parameters, so a rebuild redoes only what changed.
//! Only this module touches image codecs.

mod cache;
mod faces;
mod ffmpeg;
mod image;
mod video;

pub use self::image::{
    crop_fractions, inspect_image, preview_jpeg, process_image, source_dimensions, ImageError,
};
pub use cache::Cache;
pub use ffmpeg::{Ffmpeg, FFMPEG_ENV};
pub use video::{video_info, VideoError, VideoInfo};

use crate::config::ImageSettings;
use crate::content::{Focus, Laureate, Photo, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::{said, tr};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

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

/// A video as published: its file name under `/media/` and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedVideo {
    /// File name under `/media/` (content-hashed).
    pub file: String,
    /// Duration, displayed size, codecs (of the source).
    pub info: VideoInfo,
    /// The image processed as its poster: the `poster:` from YAML, else a frame ffmpeg took;
    /// `None` when neither exists (pages then use the laureate's first photo).
    pub poster: Option<PathBuf>,
    /// The WebVTT captions' file name under `/media/`, when the video has captions.
    pub captions: Option<String>,
}

/// One image made for sharing (a 海报 or a part of a 长图).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareImage {
    /// File name under `/media/` (content-hashed).
    pub file: String,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
    /// File size in bytes.
    pub bytes: u64,
}

/// A laureate's images for WeChat, made by the posters stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareImages {
    /// The 9:16 海报 (1080x1920).
    pub tall: ShareImage,
    /// The 3:4 海报 (1080x1440).
    pub wide: ShareImage,
    /// The 长图, in parts of at most 10,000 pixels, top first.
    pub long: Vec<ShareImage>,
}

/// Every published media file, by source.
#[derive(Debug, Clone, Default)]
pub struct MediaIndex {
    images: HashMap<PathBuf, ProcessedImage>,
    videos: HashMap<PathBuf, PublishedVideo>,
    share: HashMap<String, ShareImages>,
    files: BTreeMap<String, PathBuf>,
    notes: Vec<String>,
}

impl MediaIndex {
    /// The processed form of a source image, if it was requested and processed.
    pub fn image(&self, source: &Path) -> Option<&ProcessedImage> {
        self.images.get(source)
    }

    /// The files of `source` made for `role`, with the image's placeholder colour; a
    /// problem naming the file when the media stage made none (the roles table and the page
    /// asking disagree, or the image was not processed).
    pub fn image_for(&self, source: &Path, role: Role) -> Result<(&ShapeSet, &str), Diagnostic> {
        self.images
            .get(source)
            .and_then(|processed| {
                let set = processed.shapes.get(&role.shape())?;
                Some((set, processed.placeholder.as_str()))
            })
            .ok_or_else(|| {
                Diagnostic::said(source, said!("image-role-missing", role = role.describe()))
            })
    }

    /// Adds what was made of a source image outside the media stage (the studio's preview
    /// names its own small files).
    pub fn add_image(&mut self, source: PathBuf, image: ProcessedImage) {
        self.images.insert(source, image);
    }

    /// The point the crops of `source` were centred on (the centre for an image not made).
    pub fn focus_of(&self, source: &Path) -> (f32, f32) {
        self.images.get(source).map_or((0.5, 0.5), |p| p.focus)
    }

    /// The published form of a source video.
    pub fn video(&self, source: &Path) -> Option<&PublishedVideo> {
        self.videos.get(source)
    }

    /// The 海报 and 长图 of the laureate with `slug`, when the posters stage made them.
    pub fn share_images(&self, slug: &str) -> Option<&ShareImages> {
        self.share.get(slug)
    }

    /// Adds a laureate's 海报 and 长图, kept in the cache at `files` (name → path).
    pub fn add_share_images(
        &mut self,
        slug: &str,
        images: ShareImages,
        files: impl IntoIterator<Item = (String, PathBuf)>,
    ) {
        self.files.extend(files);
        self.share.insert(slug.to_string(), images);
    }

    /// Adds something the build should tell the user about the media.
    pub fn add_note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Adds the files and notes of another year's index: a site of several years publishes
    /// every year's media in one `/media/` folder (names are content hashes, so years that
    /// share a photo share its files).
    pub fn add_files_of(&mut self, other: &MediaIndex) {
        self.files
            .extend(other.files.iter().map(|(k, v)| (k.clone(), v.clone())));
        for note in &other.notes {
            self.add_note(note.clone());
        }
    }

    /// Every file to publish: name under `/media/` → file to copy it from.
    pub fn files(&self) -> &BTreeMap<String, PathBuf> {
        &self.files
    }

    /// What the build should tell the user about the media it made (e.g. that ffmpeg would
    /// add poster frames), each said once.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}

/// What an image is used as on the site. This table ([`Role::shape`]) and
/// [`laureate_images`] are the only places that say which images are made in which shapes;
/// the media stage makes what they list and the pages ask for the same roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A life/work photo in its own ratio: profile page, gallery lightbox, card.
    Photo,
    /// A photo's square thumbnail: gallery grid.
    Thumbnail,
    /// The portrait in 3:4: profile, front-page grid, card cover.
    Portrait,
    /// The portrait as a square: the share thumbnail and the 1:1 article cover.
    ShareSquare,
    /// The first photo as a 2.35:1 article cover (900x383).
    Cover,
    /// The first photo (the portrait when there is none) in 3:4: the card's share poster.
    SharePoster,
    /// A video's poster, in its own ratio.
    VideoPoster,
}

impl Role {
    /// The crop this role is published in.
    pub fn shape(self) -> Shape {
        match self {
            Role::Photo | Role::VideoPoster => Shape::Original,
            Role::Thumbnail | Role::ShareSquare => Shape::Square,
            Role::Portrait | Role::SharePoster => Shape::Portrait,
            Role::Cover => Shape::Cover,
        }
    }

    /// The encodings pages use this role in: `<picture>` roles offer WebP with a JPEG
    /// fallback; share images, covers and video posters are single JPEG files (WeChat and
    /// download links want JPEG).
    pub fn formats(self) -> &'static [Format] {
        match self {
            Role::Photo | Role::Thumbnail | Role::Portrait => &[Format::Webp, Format::Jpeg],
            Role::ShareSquare | Role::Cover | Role::SharePoster | Role::VideoPoster => {
                &[Format::Jpeg]
            }
        }
    }

    /// The widths pages use this role at: `<picture>` roles their shape's widths, single
    /// files the one width they are shown at (a video poster the first at least 800 px wide;
    /// the share poster its shape's largest).
    pub fn widths(self, settings: &ImageSettings) -> Vec<u32> {
        let all = self.shape().widths(settings);
        match self {
            Role::Photo | Role::Thumbnail | Role::Portrait | Role::ShareSquare | Role::Cover => all,
            Role::SharePoster => all.iter().max().copied().into_iter().collect(),
            Role::VideoPoster => {
                let medium = all.iter().copied().filter(|w| *w >= 800).min();
                medium.or(all.iter().max().copied()).into_iter().collect()
            }
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Role::Photo => "photo",
            Role::Thumbnail => "thumbnail",
            Role::Portrait => "portrait",
            Role::ShareSquare => "square",
            Role::Cover => "cover",
            Role::SharePoster => "poster",
            Role::VideoPoster => "video-poster",
        }
    }
}

/// Every image of a laureate with the roles it plays on the site.
pub fn laureate_images(laureate: &Laureate) -> Vec<(&Photo, Role)> {
    let mut images = Vec::new();
    if let Some(portrait) = &laureate.portrait {
        images.push((portrait, Role::Portrait));
        images.push((portrait, Role::ShareSquare));
    }
    for photo in &laureate.photos {
        images.push((photo, Role::Photo));
        images.push((photo, Role::Thumbnail));
    }
    if let Some(first) = laureate.photos.first() {
        images.push((first, Role::Cover));
    }
    if let Some(poster) = laureate.share_poster() {
        images.push((poster, Role::SharePoster));
    }
    images
}

/// Collects the shapes each image of the site is needed in: each laureate's images by their
/// roles, and video posters.
pub fn image_requests<'a>(
    site: &Site,
    posters: impl Iterator<Item = &'a Path>,
) -> Vec<ImageRequest> {
    let mut requests: BTreeMap<PathBuf, ImageRequest> = BTreeMap::new();
    let settings = &site.config.images;
    let mut want = |source: &Path, focus: Focus, role: Role| {
        let needs = requests
            .entry(source.to_path_buf())
            .or_insert_with(|| ImageRequest {
                source: source.to_path_buf(),
                focus,
                shapes: BTreeMap::new(),
            })
            .shapes
            .entry(role.shape())
            .or_default();
        needs.widths.extend(role.widths(settings));
        needs.formats.extend(role.formats());
    };
    for laureate in &site.laureates {
        for (photo, role) in laureate_images(laureate) {
            want(&photo.source, photo.focus, role);
        }
    }
    for poster in posters {
        // A video's frame is taken as the editor chose it: its centre stays the centre.
        want(poster, Focus::Set(0.5, 0.5), Role::VideoPoster);
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
    let mut index = MediaIndex::default();
    let mut problems = Diagnostics::default();
    // Videos first: their poster frames join the images. ffmpeg is looked for (a process
    // start, ~0.1 s) only when a video's remux or poster is not in the cache yet.
    let ffmpeg = OnceLock::new();
    let videos: Vec<_> = site
        .laureates
        .iter()
        .flat_map(|l| &l.videos)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|video| (video, publish_video(video, cache, &ffmpeg)))
        .collect();
    for (video, result) in videos {
        match result {
            Ok((mut published, file, note)) => {
                index.files.insert(published.file.clone(), file);
                index.notes.extend(note);
                if let Some(source) = &video.captions {
                    match publish_captions(source, cache) {
                        Ok(name) => {
                            index.files.insert(name.clone(), cache.file_path(&name));
                            published.captions = Some(name);
                        }
                        Err(d) => problems.push(d.relative_to(&site.root)),
                    }
                }
                index.videos.insert(video.source.clone(), published);
            }
            Err(d) => problems.push(d.relative_to(&site.root)),
        }
    }
    if ffmpeg.get().is_some_and(Option::is_none) && !index.videos.is_empty() {
        index.notes.push(format!(
            "ffmpeg is not installed: {} video(s) are published as they are, with the first \
             photo as poster. Install ffmpeg (e.g. `apt install ffmpeg`) to get a poster frame \
             from each video and files that start playing before they have fully downloaded.",
            index.videos.len()
        ));
    }
    let posters = index.videos.values().filter_map(|v| v.poster.as_deref());
    let mut requests = image_requests(site, posters);
    // Largest files first, so the last image does not keep one core busy alone.
    requests.sort_by_cached_key(|r| {
        std::cmp::Reverse(std::fs::metadata(&r.source).map_or(0, |m| m.len()))
    });
    let done = AtomicUsize::new(0);
    let results: Vec<_> = requests
        .par_iter()
        .map(|request| {
            let result = process_image(request, &site.config.images, cache);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, requests.len());
            (request, result)
        })
        .collect();
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

/// What the cache keeps of a video made with ffmpeg changes when this does.
const VIDEO_RECIPE: &str = "faststart-1;poster-1";

/// Publishes one video: with ffmpeg, remuxed for streaming and with a poster frame (both
/// cached by content hash); without, the file as it is. `detected` holds ffmpeg once looked
/// for. Returns the published video, the file to copy to `/media/`, and a note when ffmpeg
/// failed on it.
fn publish_video(
    video: &crate::content::Video,
    cache: &Cache,
    detected: &OnceLock<Option<Ffmpeg>>,
) -> Result<(PublishedVideo, PathBuf, Option<String>), Diagnostic> {
    let source = &video.source;
    let info = video_info(source)
        .map_err(|VideoError(why)| Diagnostic::said(source, said!("video-format", why = why)))?;
    let (hash, _) = cache
        .source_hash(source)
        .map_err(|e| Diagnostic::said(source, said!("video-unreadable", why = e.to_string())))?;
    let key = blake3::hash(format!("{hash};{VIDEO_RECIPE}").as_bytes()).to_hex();
    let key = &key[..16];
    let extension = source
        .extension()
        .map_or_else(|| "mp4".into(), |e| e.to_string_lossy().to_lowercase());
    let mut published = PublishedVideo {
        file: format!("{key}.{extension}"),
        info,
        poster: video.poster.clone(),
        captions: None,
    };
    let streamable = format!("{key}.mp4");
    let cached = cache.file_path(&streamable).is_file()
        && (published.poster.is_some() || cache.poster_path(key).is_file());
    let ffmpeg = match cached {
        true => None,
        false => match detected.get_or_init(Ffmpeg::detect) {
            Some(ffmpeg) => Some(ffmpeg),
            None => return Ok((published, source.clone(), None)),
        },
    };
    let tool = || ffmpeg.ok_or_else(|| tr!("ffmpeg-missing"));
    let mut failures = Vec::new();
    let mut file = source.clone();
    match made_once(cache.file_path(&streamable), |out| {
        tool()?.faststart(source, &published.info, out)
    }) {
        Ok(path) => (published.file, file) = (streamable, path),
        Err(why) => failures.push(tr!("video-not-remuxed", why = why)),
    }
    if published.poster.is_none() {
        match made_once(cache.poster_path(key), |out| {
            tool()?.poster_frame(source, &published.info, out)
        }) {
            Ok(path) => published.poster = Some(path),
            Err(why) => failures.push(tr!("video-no-poster-frame", why = why)),
        }
    }
    let note = (!failures.is_empty()).then(|| {
        tr!(
            "video-published-as-is",
            file = source.display().to_string(),
            failures = failures.join(&tr!("list-separator"))
        )
    });
    Ok((published, file, note))
}

/// Publishes a video's captions as WebVTT (an `.srt` is converted) under a content-hashed
/// name, and returns the name.
fn publish_captions(source: &Path, cache: &Cache) -> Result<String, Diagnostic> {
    let text = crate::diagnostics::read_text(source)?;
    let is_srt = source
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("srt"));
    let vtt = if is_srt { srt_to_webvtt(&text) } else { text };
    if !vtt.trim_start().starts_with("WEBVTT") {
        return Err(Diagnostic::said(source, said!("captions-not-webvtt")));
    }
    let hash = blake3::hash(vtt.as_bytes()).to_hex();
    let name = format!("{}.vtt", &hash[..16]);
    cache
        .store_file(&name, vtt.as_bytes())
        .map_err(|e| Diagnostic::said(source, said!("captions-unstorable", why = e.to_string())))?;
    Ok(name)
}

/// SubRip to WebVTT: the header, and `00:00:01,000` timestamps written `00:00:01.000`.
fn srt_to_webvtt(srt: &str) -> String {
    let mut vtt = String::from("WEBVTT\n\n");
    for line in srt.replace("\r\n", "\n").lines() {
        if line.contains("-->") {
            vtt.push_str(&line.replace(',', "."));
        } else {
            vtt.push_str(line);
        }
        vtt.push('\n');
    }
    vtt
}

/// `path` if it exists, else `path` after `make` wrote it.
fn made_once(
    path: PathBuf,
    make: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<PathBuf, String> {
    if !path.is_file() {
        make(&path)?;
    }
    Ok(path)
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
