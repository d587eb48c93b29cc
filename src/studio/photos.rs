//! A nominee's photos and videos in the studio: the photo panel's data (each file with check's
//! findings about it, the site's crops and the 海报's frame at its focal point), small
//! previews made by the media module instead of the originals, and uploads ([`upload`]).

mod making;
mod upload;

pub use making::ImageMaker;
pub use upload::{is_upload, upload};

use super::files::inside;
use super::Answer;
use crate::campaign::Campaign;
use crate::check::Finding;
use crate::content::{Focus, Laureate, Photo, IMAGE_EXTENSIONS};
use crate::media::{self, Shape};
use serde::Serialize;
use std::path::{Path, PathBuf};
use upload::{MAX_PHOTO_BYTES, MAX_VIDEO_BYTES};

/// The width of the previews the studio shows.
pub(super) const PREVIEW_WIDTH: u32 = 480;

/// `path` relative to `base`, with forward slashes, as profile.yaml writes it.
fn relative_to(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The nominee's folder named `folder` among the newest year's, checked inside the site.
pub(super) fn nominee_folder(root: &Path, folder: &str) -> Option<PathBuf> {
    let single = Path::new(folder).components().count() == 1 && !folder.starts_with('.');
    let laureates = crate::years::current_laureates_dir(root);
    let rel = laureates.strip_prefix(root).ok()?.join(folder);
    let path = inside(root, &rel.to_string_lossy())?;
    (single && path.parent() == Some(laureates.as_path()) && path.is_dir()).then_some(path)
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// `GET /api/preview?path=…`: a small JPEG of a content image (never the original), kept by
/// the browser until the file changes (the page adds the file's time to the address).
pub fn preview(root: &Path, rel: &str) -> Answer {
    let Some(path) = inside(root, rel) else {
        return Answer::not_found();
    };
    let is_image = IMAGE_EXTENSIONS.contains(&extension(&path).as_str());
    if !is_image || !path.starts_with(root.join(crate::layout::CONTENT_DIR)) {
        return Answer::not_found();
    }
    match media::preview_jpeg(&path, PREVIEW_WIDTH, Shape::Original, (0.5, 0.5)) {
        Ok(jpeg) => {
            Answer::new(200, "image/jpeg", jpeg).header("Cache-Control", "private, max-age=86400")
        }
        Err(_) => Answer::not_found(),
    }
}

/// The site's crops of a photo around its focal point, and the part each 海报 shows.
#[derive(Debug, Serialize)]
struct Crops {
    /// 3:4, the portrait and the card's share poster.
    portrait: [f64; 4],
    /// 1:1, the gallery's thumbnails and the share square.
    square: [f64; 4],
    /// 2.35:1, the article cover.
    cover: [f64; 4],
    /// The 海报s' photo frames, as the poster module lays them out.
    posters: Vec<crate::poster::frame::PhotoFrame>,
}

/// The crops of a `width`x`height` photo of laureate `l` around `focus`.
fn crops_of((width, height): (u32, u32), focus: (f32, f32), l: &Laureate) -> Crops {
    let of = |shape| media::crop_fractions(width, height, shape, focus);
    Crops {
        portrait: of(Shape::Portrait),
        square: of(Shape::Square),
        cover: of(Shape::Cover),
        posters: crate::poster::frame::photo_frames((width, height), focus, &l.name, &l.category),
    }
}

/// What profile.yaml says beyond what the site uses: its version (sent back with a change)
/// and the uploaded files' original names.
struct Record {
    version: String,
    originals: std::collections::BTreeMap<String, String>,
}

impl Record {
    fn of(nominee: &Path) -> Record {
        let text = std::fs::read(nominee.join(crate::layout::PROFILE_FILE)).ok();
        let profile: crate::yaml::Value = text
            .as_deref()
            .and_then(|t| serde_yaml::from_slice(t).ok())
            .unwrap_or_default();
        let entries = ["photos", "照片", "videos", "视频"]
            .iter()
            .filter_map(|key| profile.get(*key)?.as_sequence())
            .flatten();
        let originals = entries
            .filter_map(|e| {
                let file = e.get("file")?.as_str()?;
                let original = e.get("original").or_else(|| e.get("原文件名"))?.as_str()?;
                Some((file.to_string(), original.to_string()))
            })
            .collect();
        Record {
            version: super::save::version(text.as_deref()),
            originals,
        }
    }
}

/// A nominee's media as the photo panel shows it.
#[derive(Debug, Serialize)]
struct Media {
    /// profile.yaml's version, sent back with a change.
    version: String,
    /// The folder (the nominee's id in the studio).
    folder: String,
    /// 姓名.
    name: String,
    /// The portrait, if any.
    portrait: Option<Image>,
    /// The photos in the site's order.
    photos: Vec<Image>,
    /// The videos.
    videos: Vec<Clip>,
    /// Findings about the nominee's photos and videos as a whole (count, no portrait).
    findings: Vec<Finding>,
    /// The notice's limits, as the campaign sets them.
    limits: Limits,
}

/// A photo or the portrait.
#[derive(Debug, Serialize)]
struct Image {
    /// Relative to the nominee's folder, as profile.yaml writes it.
    file: String,
    /// Relative to the site folder, for previews.
    path: String,
    /// The name it was uploaded with, as profile.yaml records it.
    original: Option<String>,
    /// The file's time, so a changed file gets a fresh preview.
    version: u64,
    /// 图说.
    caption: Option<String>,
    /// The focal point, and whether the editor set it.
    focus: (f32, f32),
    /// Whether `focus` was written by the editor.
    focus_set: bool,
    /// Pixel size as shown; 0 when unreadable.
    width: u32,
    /// Pixel height as shown.
    height: u32,
    /// File size.
    bytes: u64,
    /// The crops at the focal point.
    crops: Crops,
    /// Check's findings about this file.
    findings: Vec<Finding>,
}

/// A video.
#[derive(Debug, Serialize)]
struct Clip {
    /// Relative to the nominee's folder.
    file: String,
    /// The name it was uploaded with, as profile.yaml records it.
    original: Option<String>,
    /// Its title.
    title: Option<String>,
    /// Seconds, when it could be read.
    duration: Option<f64>,
    /// Displayed width.
    width: u32,
    /// Displayed height.
    height: u32,
    /// File size.
    bytes: u64,
    /// Check's findings about this file.
    findings: Vec<Finding>,
}

/// What the notice allows, from the campaign's rules and the studio's upload limits.
#[derive(Debug, Serialize)]
struct Limits {
    photos_min: usize,
    photos_max: usize,
    photo_min_bytes: u64,
    portrait_min_width: u32,
    video_max_seconds: f64,
    video_sizes: Vec<[u32; 2]>,
    upload_photo_mb: u64,
    upload_video_mb: u64,
}

/// `GET /api/media?folder=…`: the nominee's portrait, photos and videos with check's findings
/// at each; 404 when the folder is not a nominee whose profile loads.
pub fn media_of(root: &Path, folder: &str) -> Answer {
    let Some(nominee) = nominee_folder(root, folder) else {
        return Answer::not_found();
    };
    let checked = Campaign::newest(root).check();
    let Some(partial) = checked.site else {
        return Answer::not_found();
    };
    let Some(laureate) = partial.site.laureates.iter().find(|l| l.folder == nominee) else {
        return Answer::not_found();
    };
    let findings: Vec<Finding> = checked
        .report
        .findings
        .into_iter()
        .filter(|f| {
            f.place.laureate.as_deref() == Some(&laureate.name) && is_media_rule(f.rule.id())
        })
        .collect();
    Answer::json(&media(
        root,
        laureate,
        findings,
        &partial.site.config.campaign.rules,
        &Record::of(&nominee),
    ))
}

/// Whether a rule is about photos, the portrait or videos.
fn is_media_rule(rule: &str) -> bool {
    ["photo", "portrait", "video"]
        .iter()
        .any(|p| rule.starts_with(p))
}

fn media(
    root: &Path,
    l: &Laureate,
    mut findings: Vec<Finding>,
    rules: &crate::config::Rules,
    record: &Record,
) -> Media {
    let mut image = |p: &Photo| {
        image(
            root,
            l,
            p,
            record,
            take_about(&mut findings, root, &p.source),
        )
    };
    let portrait = l.portrait.as_ref().map(&mut image);
    let photos = l.photos.iter().map(&mut image).collect();
    let videos = l
        .videos
        .iter()
        .map(|v| {
            clip(
                &l.folder,
                v,
                record,
                take_about(&mut findings, root, &v.source),
            )
        })
        .collect();
    Media {
        version: record.version.clone(),
        folder: file_name(&l.folder),
        name: l.name.clone(),
        portrait,
        photos,
        videos,
        findings,
        limits: Limits {
            photos_min: rules.photos_min,
            photos_max: rules.photos_max,
            photo_min_bytes: rules.photo_min_bytes,
            portrait_min_width: rules.portrait_min_width,
            video_max_seconds: rules.video_max_seconds,
            video_sizes: rules.video_sizes.clone(),
            upload_photo_mb: MAX_PHOTO_BYTES >> 20,
            upload_video_mb: MAX_VIDEO_BYTES >> 20,
        },
    }
}

/// The findings about `file`, taken out of `findings`.
fn take_about(findings: &mut Vec<Finding>, root: &Path, file: &Path) -> Vec<Finding> {
    let (about, rest) = std::mem::take(findings)
        .into_iter()
        .partition(|f| root.join(&f.place.file) == file);
    *findings = rest;
    about
}

fn image(root: &Path, l: &Laureate, photo: &Photo, record: &Record, found: Vec<Finding>) -> Image {
    let (width, height) = media::source_dimensions(&photo.source).unwrap_or((0, 0));
    let (focus, focus_set) = match photo.focus {
        Focus::Set(x, y) => ((x, y), true),
        Focus::Auto(x, y) => ((x, y), false),
    };
    let meta = std::fs::metadata(&photo.source).ok();
    let file = relative_to(&l.folder, &photo.source);
    Image {
        original: record.originals.get(&file).cloned(),
        path: relative_to(root, &photo.source),
        file,
        version: meta
            .as_ref()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs()),
        caption: photo.caption.clone(),
        focus,
        focus_set,
        width,
        height,
        bytes: meta.map_or(0, |m| m.len()),
        crops: crops_of((width, height), focus, l),
        findings: found,
    }
}

fn clip(
    folder: &Path,
    video: &crate::content::Video,
    record: &Record,
    findings: Vec<Finding>,
) -> Clip {
    let source = &video.source;
    let info = media::video_info(source).ok();
    Clip {
        original: record.originals.get(&relative_to(folder, source)).cloned(),
        file: relative_to(folder, source),
        title: video.title.clone(),
        duration: info.as_ref().map(|i| i.duration),
        width: info.as_ref().map_or(0, |i| i.width),
        height: info.as_ref().map_or(0, |i| i.height),
        bytes: info.map_or(0, |i| i.bytes),
        findings,
    }
}
