//! A laureate's files: the portrait, the photos and videos (named in the profile or found in
//! the folder), their captions, and near misses for a file that is not there.

use super::profile::{ProfileContext, RawProfile};
use super::{extension, file_name, list_dir, list_files, IMAGE_EXTENSIONS, VIDEO_EXTENSIONS};
use crate::content::{Focus, Photo, Video};
use crate::layout::{PHOTOS_DIR, VIDEOS_DIR};
use crate::{layout, said};
use std::path::{Path, PathBuf};

fn default_alt(name: &str, what: &str) -> String {
    format!("{name}{what}")
}

pub(super) fn find_portrait(
    cx: &mut ProfileContext,
    raw: &RawProfile,
    name: &str,
) -> Option<Photo> {
    let source = match &raw.portrait {
        Some(written) => cx.resolve("portrait", written)?,
        None => list_dir(&cx.folder.join(PHOTOS_DIR), &mut cx.problems)
            .into_iter()
            .find(|p| is_portrait_name(p, name))?,
    };
    if !cx.check_extension("portrait", &source, IMAGE_EXTENSIONS, "image") {
        return None;
    }
    Some(Photo {
        source,
        caption: None,
        alt: default_alt(name, "的肖像照"),
        focus: Focus::Auto(0.5, 0.4),
    })
}

/// `张三0.jpg` or `portrait.jpg` is taken as the portrait when the profile names none.
fn is_portrait_name(path: &Path, name: &str) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    IMAGE_EXTENSIONS.contains(&extension(path).as_str())
        && (stem == format!("{name}0") || stem == "portrait" || stem == "肖像")
}

pub(super) fn find_photos(
    cx: &mut ProfileContext,
    raw: &RawProfile,
    name: &str,
    portrait: Option<&Photo>,
) -> Vec<Photo> {
    let mut photos = Vec::new();
    if let Some(listed) = &raw.photos {
        for (i, entry) in listed.iter().enumerate() {
            let Some(source) = cx.resolve("file", &entry.file) else {
                continue;
            };
            if !cx.check_extension("file", &source, IMAGE_EXTENSIONS, "image") {
                continue;
            }
            let focus = match entry.focus {
                Some([x, y]) => Focus::Set(x, y),
                None => Focus::Auto(0.5, 0.5),
            };
            if let Some(written) = entry
                .focus
                .filter(|f| !f.iter().all(|v| (0.0..=1.0).contains(v)))
            {
                let focus = format!("{written:?}");
                cx.error(
                    "focus",
                    "",
                    said!("focus-outside", focus = focus, file = &entry.file),
                );
            }
            let caption = entry.caption.clone().filter(|c| !c.trim().is_empty());
            let alt = entry.alt.clone().or_else(|| caption.clone());
            photos.push(Photo {
                source,
                alt: alt.unwrap_or_else(|| default_alt(name, &format!("的照片{}", i + 1))),
                caption,
                focus,
            });
        }
        return photos;
    }
    let portrait_source = portrait.map(|p| p.source.clone());
    for path in list_files(&cx.folder.join(PHOTOS_DIR), &mut cx.problems) {
        if Some(&path) == portrait_source.as_ref() {
            continue;
        }
        if cx.check_extension("photos", &path, IMAGE_EXTENSIONS, "image") {
            let n = photos.len() + 1;
            photos.push(Photo {
                source: path,
                caption: None,
                alt: default_alt(name, &format!("的照片{n}")),
                focus: Focus::Auto(0.5, 0.5),
            });
        }
    }
    photos
}

pub(super) fn find_videos(cx: &mut ProfileContext, raw: &RawProfile) -> Vec<Video> {
    let entries: Vec<(Option<PathBuf>, Option<String>, Option<PathBuf>)> = match &raw.videos {
        Some(listed) => listed
            .iter()
            .map(|v| {
                let poster = v.poster.as_deref().and_then(|p| cx.resolve("poster", p));
                (cx.resolve("file", &v.file), v.title.clone(), poster)
            })
            .collect(),
        None => list_files(&cx.folder.join(VIDEOS_DIR), &mut cx.problems)
            .into_iter()
            .filter(|p| !CAPTION_EXTENSIONS.contains(&extension(p).as_str()))
            .map(|p| (Some(p), None, None))
            .collect(),
    };
    entries
        .into_iter()
        .filter_map(|(source, title, poster)| {
            let source = source?;
            let poster =
                poster.filter(|p| cx.check_extension("poster", p, IMAGE_EXTENSIONS, "image"));
            cx.check_extension("videos", &source, VIDEO_EXTENSIONS, "video")
                .then(|| Video {
                    captions: captions_beside(&source),
                    source,
                    title,
                    poster,
                })
        })
        .collect()
}

/// Caption file extensions, looked for beside each video (compared lower-case).
pub const CAPTION_EXTENSIONS: &[&str] = &["vtt", "srt"];

/// The captions file with the video's name (`田间.vtt` or `田间.srt` beside `田间.mp4`).
fn captions_beside(video: &Path) -> Option<PathBuf> {
    CAPTION_EXTENSIONS
        .iter()
        .map(|ext| video.with_extension(ext))
        .find(|path| path.is_file())
}

/// The name of a file beside `missing` that is almost its name: equal once look-alike
/// punctuation (• ・ for ·), full-width letters and digits, and case are evened out, or one or
/// two edits away.
pub(super) fn near_miss(missing: &Path) -> Option<String> {
    let wanted = normalise_name(&file_name(missing));
    let entries = std::fs::read_dir(missing.parent()?).ok()?;
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !layout::is_junk(name))
        .collect();
    let distance = |name: &String| strsim::levenshtein(&normalise_name(name), &wanted);
    names
        .iter()
        .map(|name| (distance(name), name))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, name)| name.clone())
}

/// A file name with look-alike characters made alike, for [`near_miss`].
fn normalise_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '•' | '・' | '‧' | '∙' | '·' | '．' => '·',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '　' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_finds_its_look_alike() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("阿依古丽·买买提1.jpg"), b"x").unwrap();
        std::fs::write(dir.path().join("其他.jpg"), b"x").unwrap();
        let near = |name: &str| near_miss(&dir.path().join(name));
        assert_eq!(
            near("阿依古丽•买买提1.jpg").as_deref(),
            Some("阿依古丽·买买提1.jpg")
        );
        assert_eq!(
            near("阿依古丽·买买提１.JPG").as_deref(),
            Some("阿依古丽·买买提1.jpg")
        );
        assert_eq!(near("完全不同的名字.jpg"), None);
    }
}
