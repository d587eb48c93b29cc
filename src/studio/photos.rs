//! A nominee's photos and videos in the studio: uploads, named as the notice wants (姓名0 the
//! portrait, 姓名1 … 姓名N the photos, 姓名.mp4 the video), small previews made by the media
//! module instead of the originals, and each file with check's findings about it.
//!
//! An upload is streamed to a hidden temporary file beside its final place (never held in
//! memory whole), checked (a whole JPEG or PNG; a video whose length and size can be read),
//! and renamed into place under a lock, so that two uploads at once never take one name.

use super::files::inside;
use super::Answer;
use crate::campaign::Campaign;
use crate::check::Finding;
use crate::content::{Focus, Laureate, Photo, IMAGE_EXTENSIONS, VIDEO_EXTENSIONS};
use crate::layout::{PHOTOS_DIR, VIDEOS_DIR};
use crate::media::{self, Shape};
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The largest photo accepted: 40 MB (a 12-megapixel phone photo is 3–8 MB, a 24-megapixel
/// PNG up to 70 MB: such a PNG should be saved as JPEG first).
pub const MAX_PHOTO_BYTES: u64 = 40 << 20;

/// The largest video accepted: 600 MB (three minutes of 1080p from a phone is 200–400 MB).
pub const MAX_VIDEO_BYTES: u64 = 600 << 20;

/// The width of the previews the studio shows.
const PREVIEW_WIDTH: u32 = 480;

/// Held while an upload's name is chosen and the file moved there.
static NAMING: Mutex<()> = Mutex::new(());

/// What an uploaded file is, by its name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A JPEG or PNG.
    Photo,
    /// An iPhone photo, converted to JPEG when `heif-convert` is found.
    Heic,
    /// An MP4 or MOV.
    Video,
}

impl Kind {
    fn of(name: &str) -> Option<Kind> {
        match extension(Path::new(name)).as_str() {
            e if IMAGE_EXTENSIONS.contains(&e) => Some(Kind::Photo),
            "heic" | "heif" => Some(Kind::Heic),
            e if VIDEO_EXTENSIONS.contains(&e) => Some(Kind::Video),
            _ => None,
        }
    }

    fn limit(self) -> u64 {
        match self {
            Kind::Photo | Kind::Heic => MAX_PHOTO_BYTES,
            Kind::Video => MAX_VIDEO_BYTES,
        }
    }
}

/// Whether a request is an upload, whose body is streamed rather than read whole.
pub fn is_upload(method: &str, path: &str) -> bool {
    method == "POST" && path == "/api/upload"
}

/// `POST /api/upload?folder=…&name=…` with the file as the body: 201 with the name it was
/// given (`{"file": "photos/王芳4.jpg", "original": "IMG_0001.JPG"}`), else 4xx saying why.
pub fn upload(
    root: &Path,
    folder: &str,
    original: &str,
    length: Option<u64>,
    body: &mut dyn Read,
) -> Answer {
    let original = original_name(original);
    let Some(kind) = Kind::of(&original) else {
        return refusal(
            415,
            crate::tr!("studio-upload-kind", name = original.as_str()),
        );
    };
    if length.is_some_and(|n| n > kind.limit()) {
        return too_large(kind);
    }
    let Some(nominee) = nominee_folder(root, folder) else {
        return Answer::not_found();
    };
    let dir = nominee.join(match kind {
        Kind::Video => VIDEOS_DIR,
        Kind::Photo | Kind::Heic => PHOTOS_DIR,
    });
    match receive(&dir, kind, &original, body) {
        Ok(temp) => place(root, &nominee, &dir, kind, temp, &original),
        Err(answer) => answer,
    }
}

/// The body in a hidden temporary file in `dir` (hidden files are not content), checked.
fn receive(dir: &Path, kind: Kind, original: &str, body: &mut dyn Read) -> Result<Temp, Answer> {
    let failed =
        |e: std::io::Error| refusal(500, crate::tr!("studio-upload-failed", why = e.to_string()));
    std::fs::create_dir_all(dir).map_err(failed)?;
    let ext = match kind {
        Kind::Heic => "heic".to_string(),
        _ => extension(Path::new(original)).replace("jpeg", "jpg"),
    };
    let temp = Temp::new(dir, &ext);
    let mut file = std::fs::File::create(&temp.0).map_err(failed)?;
    let written = std::io::copy(&mut body.take(kind.limit() + 1), &mut file).map_err(failed)?;
    drop(file);
    if written > kind.limit() {
        return Err(too_large(kind));
    }
    let temp = match kind {
        Kind::Heic => heic_to_jpeg(dir, temp)?,
        _ => temp,
    };
    let unreadable = |why: String| {
        refusal(
            422,
            crate::tr!("studio-upload-unreadable", name = original, why = why),
        )
    };
    match kind {
        Kind::Video => media::video_info(&temp.0)
            .map(drop)
            .map_err(|e| unreadable(e.0)),
        Kind::Photo | Kind::Heic => {
            let bytes = std::fs::read(&temp.0).map_err(failed)?;
            media::inspect_image(&bytes, &temp.0)
                .and_then(|()| media::source_dimensions(&temp.0).map(drop))
                .map_err(|e| unreadable(e.into_diagnostic(&temp.0).message))
        }
    }?;
    Ok(temp)
}

/// An iPhone photo as JPEG, by `heif-convert` (libheif), or 415 saying what to install.
fn heic_to_jpeg(dir: &Path, heic: Temp) -> Result<Temp, Answer> {
    let bytes = std::fs::read(&heic.0).map_err(|e| refusal(500, e.to_string()))?;
    let converter = crate::import::HeicConverter::default();
    let jpeg = converter
        .heic_to_jpeg(&heic.0.to_string_lossy(), &bytes)
        .map_err(|problem| refusal(415, problem.message))?;
    let temp = Temp::new(dir, "jpg");
    std::fs::write(&temp.0, jpeg).map_err(|e| refusal(500, e.to_string()))?;
    Ok(temp)
}

/// The checked upload moved to the notice's name; 201 with that name.
fn place(
    root: &Path,
    nominee: &Path,
    dir: &Path,
    kind: Kind,
    temp: Temp,
    original: &str,
) -> Answer {
    let _held = NAMING.lock().unwrap_or_else(|e| e.into_inner());
    let name = nominee_name(root, nominee);
    let ext = extension(&temp.0);
    let portrait = kind != Kind::Video && wants_portrait(dir, &name, &temp.0);
    let file_name = match kind {
        Kind::Video => video_name(dir, &name, &ext),
        _ if portrait => format!("{}0.{ext}", crate::naming::windows_safe(&name)),
        _ => photo_name(dir, &name, &ext),
    };
    let target = dir.join(&file_name);
    if let Err(e) = crate::output::rename(&temp.0, &target) {
        return refusal(500, crate::tr!("studio-upload-failed", why = e.to_string()));
    }
    std::mem::forget(temp);
    let relative = target.strip_prefix(nominee).unwrap_or(&target);
    let file = relative.to_string_lossy().replace('\\', "/");
    let recorded = !portrait && record(root, nominee, &file, original, kind);
    Answer::json_status(
        201,
        &serde_json::json!({ "file": file, "original": original, "portrait": portrait, "recorded": recorded }),
    )
}

/// The upload's original name in profile.yaml's list of photos or videos.
fn record(root: &Path, nominee: &Path, file: &str, original: &str, kind: Kind) -> bool {
    let nominees = Campaign::newest(root).nominees();
    let Some(l) = nominees
        .iter()
        .flat_map(|p| &p.site.laureates)
        .find(|l| l.folder == nominee)
    else {
        return false;
    };
    let sources: Vec<&PathBuf> = match kind {
        Kind::Video => l.videos.iter().map(|v| &v.source).collect(),
        Kind::Photo | Kind::Heic => l.photos.iter().map(|p| &p.source).collect(),
    };
    let listed: Vec<String> = sources.iter().map(|s| relative_to(nominee, s)).collect();
    super::arrange::record_upload(root, nominee, file, original, &listed)
}

/// `path` relative to `base`, with forward slashes, as profile.yaml writes it.
fn relative_to(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A hidden file in an upload's folder, removed when dropped unless moved into place.
struct Temp(PathBuf);

impl Temp {
    fn new(dir: &Path, ext: &str) -> Temp {
        static UPLOADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = UPLOADS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Temp(dir.join(format!(".upload-{}-{n}.{ext}", std::process::id())))
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// 413 naming the limit of this kind of file.
fn too_large(kind: Kind) -> Answer {
    refusal(
        413,
        crate::tr!("studio-upload-too-large", limit = kind.limit() >> 20),
    )
}

/// A refusal the page shows as it is: `{"error": …}`.
fn refusal(status: u16, message: String) -> Answer {
    Answer::json_status(status, &serde_json::json!({ "error": message }))
}

/// The uploaded file's own name, as recorded: its last path component only (a browser
/// sends no folders, a crafted request might), without control characters, shortened to 120
/// characters.
fn original_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).take(120).collect();
    crate::naming::windows_safe(clean.trim())
}

/// The nominee's folder named `folder` among the newest year's, checked inside the site.
pub(super) fn nominee_folder(root: &Path, folder: &str) -> Option<PathBuf> {
    let single = Path::new(folder).components().count() == 1 && !folder.starts_with('.');
    let laureates = crate::years::current_laureates_dir(root);
    let rel = laureates.strip_prefix(root).ok()?.join(folder);
    let path = inside(root, &rel.to_string_lossy())?;
    (single && path.parent() == Some(laureates.as_path()) && path.is_dir()).then_some(path)
}

/// The nominee's 姓名 from their profile, else the folder's name.
fn nominee_name(root: &Path, nominee: &Path) -> String {
    let named = |l: &&Laureate| l.folder == nominee;
    Campaign::newest(root)
        .nominees()
        .ok()
        .and_then(|p| p.site.laureates.iter().find(named).map(|l| l.name.clone()))
        .unwrap_or_else(|| file_name(nominee))
}

/// Whether a new photo becomes the portrait (姓名0): none is there yet and it has the shape
/// of a 2-inch photo.
fn wants_portrait(dir: &Path, name: &str, photo: &Path) -> bool {
    let stem = format!("{}0", crate::naming::windows_safe(name));
    let taken = files_in(dir)
        .iter()
        .any(|f| Path::new(f).file_stem().is_some_and(|s| s == stem.as_str()));
    !taken
        && media::source_dimensions(photo)
            .is_ok_and(|(w, h)| crate::naming::is_portrait_shape(w, h))
}

/// 姓名N.ext with N after the highest number a photo in `dir` holds.
fn photo_name(dir: &Path, name: &str, ext: &str) -> String {
    let safe = crate::naming::windows_safe(name);
    let highest = files_in(dir)
        .iter()
        .filter_map(|f| {
            Path::new(f)
                .file_stem()?
                .to_str()?
                .strip_prefix(&safe)?
                .parse::<u32>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    format!("{safe}{}.{ext}", highest + 1)
}

/// 姓名.mp4, else 姓名2.mp4, 姓名3.mp4 … the first not taken.
fn video_name(dir: &Path, name: &str, ext: &str) -> String {
    let safe = crate::naming::windows_safe(name);
    let taken = files_in(dir);
    let stems: Vec<String> = taken
        .iter()
        .filter_map(|f| Some(Path::new(f).file_stem()?.to_string_lossy().into_owned()))
        .collect();
    (1..)
        .map(|n| match n {
            1 => safe.clone(),
            n => format!("{safe}{n}"),
        })
        .find(|stem| !stems.contains(stem))
        .map(|stem| format!("{stem}.{ext}"))
        .expect("a free name")
}

/// The names of the visible files in `dir`.
fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect()
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
    match media::preview_jpeg(&path, PREVIEW_WIDTH) {
        Ok(jpeg) => {
            Answer::new(200, "image/jpeg", jpeg).header("Cache-Control", "private, max-age=86400")
        }
        Err(_) => Answer::not_found(),
    }
}

/// `GET /api/crops?w=…&h=…&x=…&y=…`: the part of a photo of that size each crop of the site
/// keeps around the focal point (x, y), as fractions `[left, top, width, height]`.
pub fn crops(width: u32, height: u32, focus: (f32, f32)) -> Answer {
    Answer::json(&crops_of(width, height, focus))
}

/// The site's crops of a `width`x`height` photo around `focus`.
#[derive(Debug, Serialize)]
struct Crops {
    /// 3:4, the portrait and the card's share poster.
    portrait: [f64; 4],
    /// 1:1, the gallery's thumbnails and the share square.
    square: [f64; 4],
    /// 2.35:1, the article cover.
    cover: [f64; 4],
}

fn crops_of(width: u32, height: u32, focus: (f32, f32)) -> Crops {
    let of = |shape| media::crop_fractions(width, height, shape, focus);
    Crops {
        portrait: of(Shape::Portrait),
        square: of(Shape::Square),
        cover: of(Shape::Cover),
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
            &l.folder,
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

fn image(root: &Path, folder: &Path, photo: &Photo, record: &Record, found: Vec<Finding>) -> Image {
    let (width, height) = media::source_dimensions(&photo.source).unwrap_or((0, 0));
    let (focus, focus_set) = match photo.focus {
        Focus::Set(x, y) => ((x, y), true),
        Focus::Auto(x, y) => ((x, y), false),
    };
    let meta = std::fs::metadata(&photo.source).ok();
    let file = relative_to(folder, &photo.source);
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
        crops: crops_of(width, height, focus),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploaded_names_keep_only_a_safe_last_component() {
        assert_eq!(original_name("IMG_0001.JPG"), "IMG_0001.JPG");
        assert_eq!(original_name("../../etc/passwd"), "passwd");
        assert_eq!(original_name("C:\\Users\\王\\照片 1.jpg"), "照片 1.jpg");
        assert_eq!(original_name("a\u{0}b?.png"), "ab？.png");
        assert_eq!(original_name(".."), "_");
    }

    #[test]
    fn new_photos_take_the_number_after_the_highest() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(photo_name(dir.path(), "王芳", "jpg"), "王芳1.jpg");
        for name in [
            "王芳0.jpg",
            "王芳1.jpg",
            "王芳7.png",
            "IMG_3.jpg",
            ".upload-1-1.jpg",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(photo_name(dir.path(), "王芳", "jpg"), "王芳8.jpg");
        assert_eq!(video_name(dir.path(), "王芳", "mp4"), "王芳.mp4");
        std::fs::write(dir.path().join("王芳.mov"), "x").unwrap();
        assert_eq!(video_name(dir.path(), "王芳", "mp4"), "王芳2.mp4");
    }
}
