//! Uploads of a nominee's photos and videos, named as the notice wants (姓名0 the portrait,
//! 姓名1 … 姓名N the photos, 姓名.mp4 the video).
//!
//! An upload is streamed to a hidden temporary file beside its final place (never held in
//! memory whole), checked (a whole JPEG or PNG; a video whose length and size can be read),
//! and renamed into place under a lock, so that two uploads at once never take one name.

use super::{extension, file_name, nominee_folder, relative_to};
use crate::campaign::Campaign;
use crate::content::{Laureate, IMAGE_EXTENSIONS, VIDEO_EXTENSIONS};
use crate::layout::{PHOTOS_DIR, VIDEOS_DIR};
use crate::media;
use crate::studio::Answer;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The largest photo accepted: 40 MB (a 12-megapixel phone photo is 3–8 MB, a 24-megapixel
/// PNG up to 70 MB: such a PNG should be saved as JPEG first).
pub const MAX_PHOTO_BYTES: u64 = 40 << 20;

/// The largest video accepted: 600 MB (three minutes of 1080p from a phone is 200–400 MB).
pub const MAX_VIDEO_BYTES: u64 = 600 << 20;

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
    crate::studio::arrange::record_upload(root, nominee, file, original, &listed)
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
