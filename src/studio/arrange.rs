//! The photo panel's changes to profile.yaml: the photos' order, captions (图说) and focal
//! points, the portrait, the videos' titles, and each upload's original name. Written through
//! the studio's one saving path ([`save::write_checked`]: atomic, with history, refused with
//! both texts when the file changed on disk), key by key ([`Document::set`]), so that the
//! rest of the profile stays as the editor wrote it.
//!
//! The order is the order of the `photos:` list; files are not renamed, so a reorder is one
//! change of one file, undone as one. A photo's `alt:` and `original:` are kept as they were.

use super::photos::nominee_folder;
use super::{save, Answer};
use crate::layout::PROFILE_FILE;
use crate::yaml::edit::Document;
use crate::yaml::Value;
use serde::Deserialize;
use std::path::Path;

/// The keys of the photos list and of the portrait, with their Chinese aliases.
const PHOTOS_KEYS: &[&str] = &["photos", "照片"];
const PORTRAIT_KEYS: &[&str] = &["portrait", "肖像"];
const VIDEOS_KEYS: &[&str] = &["videos", "视频"];

/// What the panel sends: the whole arrangement, and the profile's version it was made from.
#[derive(Debug, Deserialize)]
pub struct Arrangement {
    /// The nominee's folder.
    folder: String,
    /// profile.yaml's version as the panel read it.
    version: String,
    /// The portrait, relative to the nominee's folder.
    portrait: Option<String>,
    /// The photos in their new order.
    photos: Vec<PhotoEntry>,
    /// The videos.
    #[serde(default)]
    videos: Vec<VideoEntry>,
}

/// One photo of the arrangement.
#[derive(Debug, Deserialize)]
struct PhotoEntry {
    file: String,
    caption: Option<String>,
    /// Set only when the editor chose it.
    focus: Option<[f32; 2]>,
}

/// One video of the arrangement.
#[derive(Debug, Deserialize)]
struct VideoEntry {
    file: String,
    title: Option<String>,
}

/// `POST /api/media`: the arrangement written into profile.yaml; the panel's fresh data, or
/// the saving path's 409 with both texts.
pub fn arrange(root: &Path, body: &[u8]) -> Answer {
    let Ok(change) = serde_json::from_slice::<Arrangement>(body) else {
        return save::bad_request();
    };
    let Some(nominee) = nominee_folder(root, &change.folder) else {
        return Answer::not_found();
    };
    let files = change.photos.iter().map(|p| &p.file);
    let named = files
        .chain(change.videos.iter().map(|v| &v.file))
        .chain(&change.portrait);
    if !named.into_iter().all(|f| is_own_file(&nominee, f)) {
        return save::not_writable();
    }
    let profile = nominee.join(PROFILE_FILE);
    let text = std::fs::read_to_string(&profile).unwrap_or_default();
    let written = save::write_checked(root, &profile, &arranged(&text, &change), &change.version);
    match written {
        Ok(_) => super::photos::media_of(root, &change.folder),
        Err(conflict) => conflict,
    }
}

/// Whether `file` (relative to the nominee's folder) is a file under its photos/ or videos/.
fn is_own_file(nominee: &Path, file: &str) -> bool {
    let Ok(root) = nominee.canonicalize() else {
        return false;
    };
    super::files::inside(&root, file).is_some_and(|path| {
        let under = |dir: &str| path.starts_with(root.join(dir));
        path.is_file() && (under(crate::layout::PHOTOS_DIR) || under(crate::layout::VIDEOS_DIR))
    })
}

/// profile.yaml's `text` with the arrangement's photos, portrait and videos.
fn arranged(text: &str, change: &Arrangement) -> String {
    let profile: Value = serde_yaml::from_str(text).unwrap_or(Value::Null);
    let mut document = Document::new(text);
    let photos = change.photos.iter().map(|p| {
        let mut entry = kept(&profile, PHOTOS_KEYS, &p.file);
        set(
            &mut entry,
            "caption",
            p.caption
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(Value::from),
        );
        let focus = p
            .focus
            .map(|[x, y]| Value::Sequence(vec![rounded(x), rounded(y)]));
        set(&mut entry, "focus", focus);
        Value::Mapping(entry)
    });
    document.set(PHOTOS_KEYS, &Value::Sequence(photos.collect()), None);
    let portrait = change
        .portrait
        .clone()
        .map(Value::from)
        .unwrap_or(Value::Null);
    if value_of(&profile, PORTRAIT_KEYS) != Some(&portrait) && change.portrait.is_some() {
        document.set(PORTRAIT_KEYS, &portrait, None);
    }
    if !change.videos.is_empty() || value_of(&profile, VIDEOS_KEYS).is_some() {
        let videos = change.videos.iter().map(|v| {
            let mut entry = kept(&profile, VIDEOS_KEYS, &v.file);
            set(
                &mut entry,
                "title",
                v.title
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(Value::from),
            );
            Value::Mapping(entry)
        });
        document.set(VIDEOS_KEYS, &Value::Sequence(videos.collect()), None);
    }
    document.text()
}

/// A focal point's coordinate to three decimals (a click is not more exact).
fn rounded(value: f32) -> Value {
    Value::from((value.clamp(0.0, 1.0) as f64 * 1000.0).round() / 1000.0)
}

/// The value of the first of `keys` in the profile.
fn value_of<'a>(profile: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| profile.get(*k))
}

/// The entry for `file` as the profile's list under `keys` has it (its `alt:`, `original:`
/// and other keys kept), else a new one; `file` first.
fn kept(profile: &Value, keys: &[&str], file: &str) -> serde_yaml::Mapping {
    let listed = value_of(profile, keys)
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .find(|e| e.get("file").and_then(Value::as_str) == Some(file));
    let mut entry = serde_yaml::Mapping::new();
    entry.insert("file".into(), file.into());
    if let Some(Value::Mapping(old)) = listed {
        for (key, value) in old {
            if key.as_str() != Some("file") {
                entry.insert(key.clone(), value.clone());
            }
        }
    }
    entry
}

/// Sets or removes `key` of `entry`.
fn set(entry: &mut serde_yaml::Mapping, key: &str, value: Option<Value>) {
    match value {
        Some(value) => entry.insert(key.into(), value),
        None => entry.remove(key),
    };
}

/// Records an upload's original name in profile.yaml: a photo's or video's entry gets
/// `original:` (the list made from the folder's files first, when the profile has none, so
/// that nothing drops out of the site). Written through the saving path from the version just
/// read; `false` when the profile could not be written (the file stays; its entry can be
/// added by hand).
pub fn record_upload(
    root: &Path,
    nominee: &Path,
    file: &str,
    original: &str,
    listed: &[String],
) -> bool {
    let profile = nominee.join(PROFILE_FILE);
    let Ok(text) = std::fs::read_to_string(&profile) else {
        return false;
    };
    let parsed: Value = serde_yaml::from_str(&text).unwrap_or(Value::Null);
    let keys = match file.starts_with(crate::layout::VIDEOS_DIR) {
        true => VIDEOS_KEYS,
        false => PHOTOS_KEYS,
    };
    let mut entries: Vec<Value> = match value_of(&parsed, keys).and_then(Value::as_sequence) {
        Some(list) => list.clone(),
        None => listed
            .iter()
            .map(|f| Value::Mapping(kept(&parsed, keys, f)))
            .collect(),
    };
    let mut entry = kept(&parsed, keys, file);
    entry.insert("original".into(), original.into());
    match entries
        .iter_mut()
        .find(|e| e.get("file").and_then(Value::as_str) == Some(file))
    {
        Some(listed) => *listed = Value::Mapping(entry),
        None => entries.push(Value::Mapping(entry)),
    }
    let mut document = Document::new(&text);
    document.set(keys, &Value::Sequence(entries), None);
    let version = save::version(Some(text.as_bytes()));
    save::write_checked(root, &profile, &document.text(), &version).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arrangement_keeps_comments_alt_and_original_and_sets_order_captions_focus() {
        let text = "# 王芳的资料\nname: 王芳   # 姓名\nphotos:\n  - file: photos/王芳1.jpg\n    alt: 田间\n    original: IMG_1.JPG\n  - file: photos/王芳2.jpg\nquote: 扎根。\n";
        let change = Arrangement {
            folder: "王芳".into(),
            version: String::new(),
            portrait: None,
            photos: vec![
                PhotoEntry {
                    file: "photos/王芳2.jpg".into(),
                    caption: Some(" 在试验田 ".into()),
                    focus: Some([0.25, 0.3333]),
                },
                PhotoEntry {
                    file: "photos/王芳1.jpg".into(),
                    caption: None,
                    focus: None,
                },
            ],
            videos: vec![],
        };
        let out = arranged(text, &change);
        assert!(
            out.starts_with("# 王芳的资料\nname: 王芳   # 姓名\n"),
            "{out}"
        );
        assert!(out.ends_with("quote: 扎根。\n"), "{out}");
        let value: Value = serde_yaml::from_str(&out).unwrap();
        let photos = value["photos"].as_sequence().unwrap();
        assert_eq!(photos[0]["file"], "photos/王芳2.jpg");
        assert_eq!(photos[0]["caption"], "在试验田");
        assert_eq!(photos[0]["focus"][1], Value::from(0.333));
        assert_eq!(photos[1]["alt"], "田间");
        assert_eq!(photos[1]["original"], "IMG_1.JPG");
        assert!(value.get("videos").is_none());
    }
}
