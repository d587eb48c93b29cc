//! The notice's photo names (姓名0 for the portrait, 姓名1 … 姓名N for the photos) as one plan
//! per laureate folder: which file becomes the portrait (by its shape, when no file is named
//! as one) and how the others are numbered. `laurel check` gives each file the advice of the
//! plan, so following it takes one round; `laurel check --fix-names` carries it out.

use crate::content::{Laureate, Photo};
use crate::media::{portrait_likeness, source_dimensions};
use std::path::{Path, PathBuf};

/// One file to rename.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The file as it is.
    pub from: PathBuf,
    /// The name the notice asks for, in the same folder.
    pub to: PathBuf,
    /// True for the portrait (姓名0).
    pub portrait: bool,
}

/// The renames that give a laureate's portrait and photos the notice's names; empty when the
/// names are right already. A photo named 姓名N keeps its number (its extension may still be
/// made `jpg`); the others take the numbers after the highest in use, in order, so a new
/// photo never renumbers those named before it.
pub fn plan(laureate: &Laureate) -> Vec<Rename> {
    let portrait = laureate
        .portrait
        .as_ref()
        .map(|p| p.source.clone())
        .or_else(|| portrait_by_shape(&laureate.photos));
    let photos: Vec<&PathBuf> = laureate
        .photos
        .iter()
        .map(|p| &p.source)
        .filter(|source| Some(*source) != portrait.as_ref())
        .collect();
    let mut renames = Vec::new();
    let mut want = |from: &Path, number: usize, is_portrait: bool| {
        let wanted = format!("{}{number}.{}", laureate.name, extension(from));
        let to = from.with_file_name(windows_safe(&wanted));
        if to != from {
            renames.push(Rename {
                from: from.to_path_buf(),
                to,
                portrait: is_portrait,
            });
        }
    };
    if let Some(portrait) = &portrait {
        want(portrait, 0, true);
    }
    for (photo, number) in photos
        .iter()
        .zip(photo_numbers(&windows_safe(&laureate.name), &photos))
    {
        want(photo, number, false);
    }
    renames
}

/// The number each of `photos` gets: its own when it is named `name` + a number from 1 that no
/// photo before it holds, else the next after the highest number held.
fn photo_numbers(name: &str, photos: &[&PathBuf]) -> Vec<usize> {
    let mut taken = std::collections::BTreeSet::new();
    let own: Vec<Option<usize>> = photos
        .iter()
        .map(|photo| {
            let stem = photo.file_stem()?.to_str()?.strip_prefix(name)?;
            let digits = stem.bytes().all(|b| b.is_ascii_digit());
            let number = stem.parse().ok().filter(|&n| n > 0 && digits)?;
            taken.insert(number).then_some(number)
        })
        .collect();
    let mut next = taken.last().copied().unwrap_or(0);
    own.into_iter()
        .map(|number| {
            number.unwrap_or_else(|| {
                next += 1;
                next
            })
        })
        .collect()
}

/// Names Windows reserves for devices, whatever the extension: `CON`, `CON.txt` …
const DEVICE_NAMES: &[&str] = &["CON", "PRN", "AUX", "NUL"];

/// `name` as a file or folder name every Windows accepts, so that a campaign folder made
/// anywhere can be copied to an office PC: the characters Windows refuses (`<>:"/\|?*`) become
/// their full-width twins (`：` reads as well in a Chinese name), control characters go,
/// trailing dots and spaces go, and a device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`…`COM9`,
/// `LPT1`…`LPT9`, with any extension) gets a `_` after its stem. Nothing is left → `_`.
pub fn windows_safe(name: &str) -> String {
    let mut safe: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => {
                char::from_u32(c as u32 + 0xFEE0).expect("full-width forms exist")
            }
            c => c,
        })
        .collect();
    let trimmed = safe.trim_end_matches(['.', ' ']).len();
    safe.truncate(trimmed);
    let stem_end = safe.find('.').unwrap_or(safe.len());
    if is_device_name(safe[..stem_end].trim_end()) {
        safe.insert(stem_end, '_');
    }
    if safe.is_empty() {
        safe.push('_');
    }
    safe
}

/// Whether `stem` is one of the names Windows keeps for devices (case does not matter).
fn is_device_name(stem: &str) -> bool {
    let upper = stem.to_ascii_uppercase();
    let numbered = |prefix: &str| {
        upper.strip_prefix(prefix).is_some_and(|n| {
            let mut digits = n.chars();
            matches!(
                (digits.next(), digits.next()),
                (Some('0'..='9' | '¹' | '²' | '³'), None)
            )
        })
    };
    DEVICE_NAMES.contains(&upper.as_str()) || numbered("COM") || numbered("LPT")
}

/// Whether a photo is shaped like a 2-inch portrait (the studio asks here, beside the names).
pub use crate::media::is_portrait_shape;

/// The photo shaped most like a 2-inch portrait (35:45, upright), when one is close enough to
/// be taken for it.
fn portrait_by_shape(photos: &[Photo]) -> Option<PathBuf> {
    photos
        .iter()
        .filter_map(|p| {
            let (w, h) = source_dimensions(&p.source).ok()?;
            Some((portrait_likeness(w, h)?, &p.source))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, source)| source.clone())
}

/// The extension a renamed file gets: `jpg` for JPEGs, else the file's own, lower-cased.
fn extension(path: &Path) -> String {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "jpeg" {
        "jpg".into()
    } else {
        ext
    }
}

/// Carries out a laureate's plan: every file to a temporary name first (so that swapping two
/// names works), then to its new name; paths in `profile.yaml` that name a renamed file are
/// changed to match.
pub fn apply(laureate: &Laureate, renames: &[Rename]) -> std::io::Result<()> {
    let temporary: Vec<PathBuf> = renames
        .iter()
        .enumerate()
        .map(|(i, r)| r.from.with_file_name(format!(".laurel-rename-{i}")))
        .collect();
    for (rename, temp) in renames.iter().zip(&temporary) {
        crate::output::rename(&rename.from, temp)?;
    }
    for (rename, temp) in renames.iter().zip(&temporary) {
        if rename.to.exists() {
            let path = rename.to.display().to_string();
            return Err(std::io::Error::other(crate::tr!(
                "rename-target-exists",
                path = path
            )));
        }
        crate::output::rename(temp, &rename.to)?;
    }
    let profile = laureate.profile_file();
    let mut text = std::fs::read_to_string(&profile)?;
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    // Through placeholders, so that swapped names do not overwrite each other.
    let token = |i: usize| format!("/\u{0}{i}\u{0}");
    for (i, rename) in renames.iter().enumerate() {
        if let Some(old) = name(&rename.from) {
            text = text.replace(&format!("/{old}"), &token(i));
        }
    }
    for (i, rename) in renames.iter().enumerate() {
        if let Some(new) = name(&rename.to) {
            text = text.replace(&token(i), &format!("/{new}"));
        }
    }
    std::fs::write(profile, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::tests::minimal_laureate;

    fn photo(dir: &Path, name: &str, width: u32, height: u32) -> Photo {
        let source = dir.join(name);
        crate::media::write_test_jpeg(&source, width, height);
        Photo {
            source,
            caption: None,
            alt: String::new(),
            focus: crate::content::Focus::Auto(0.5, 0.5),
        }
    }

    /// The plan's renames as (from, to) file names.
    fn planned_names(laureate: &Laureate) -> Vec<(String, String)> {
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        plan(laureate)
            .iter()
            .map(|r| (name(&r.from), name(&r.to)))
            .collect()
    }

    #[test]
    fn the_portrait_is_found_by_its_shape_and_the_rest_numbered_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut laureate = minimal_laureate();
        laureate.name = "王芳".into();
        laureate.photos = vec![
            photo(dir.path(), "IMG_0001.JPG", 70, 90),
            photo(dir.path(), "IMG_0002.JPG", 120, 80),
            photo(dir.path(), "微信图片_2022.jpeg", 120, 80),
        ];
        let names = planned_names(&laureate);
        let want = [
            ("IMG_0001.JPG", "王芳0.jpg"),
            ("IMG_0002.JPG", "王芳1.jpg"),
            ("微信图片_2022.jpeg", "王芳2.jpg"),
        ];
        assert_eq!(names, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn a_new_photo_takes_the_next_number_and_the_named_keep_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let mut laureate = minimal_laureate();
        laureate.name = "阿依古丽·买买提".into();
        // In natural order the camera's name comes first.
        let files = [
            "IMG_0007.JPG",
            "阿依古丽·买买提1.jpg",
            "阿依古丽·买买提2.jpg",
            "阿依古丽·买买提3.JPG",
        ];
        laureate.photos = files.map(|name| photo(dir.path(), name, 120, 80)).into();
        let names = planned_names(&laureate);
        let want = [
            ("IMG_0007.JPG", "阿依古丽·买买提4.jpg"),
            ("阿依古丽·买买提3.JPG", "阿依古丽·买买提3.jpg"),
        ];
        assert_eq!(names, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn names_windows_refuses_are_never_made() {
        let cases = [
            ("王芳0.jpg", "王芳0.jpg"),
            ("CON", "CON_"),
            ("con.txt", "con_.txt"),
            ("Aux .jpg", "Aux _.jpg"),
            ("COM1", "COM1_"),
            ("lpt9.docx", "lpt9_.docx"),
            ("COM10", "COM10"),
            ("CONSOLE", "CONSOLE"),
            ("王芳.", "王芳"),
            ("王芳 . ", "王芳"),
            ("课题组:一期", "课题组：一期"),
            ("a<b>c\"d/e\\f|g?h*", "a＜b＞c＂d／e＼f｜g？h＊"),
            ("tab\there", "tabhere"),
            ("...", "_"),
            ("", "_"),
        ];
        for (name, safe) in cases {
            assert_eq!(windows_safe(name), safe, "{name:?}");
        }
    }

    #[test]
    fn a_name_windows_refuses_is_not_given_to_photos() {
        let dir = tempfile::tempdir().unwrap();
        let mut laureate = minimal_laureate();
        laureate.name = "COM".into();
        laureate.photos = vec![photo(dir.path(), "IMG_0002.JPG", 120, 80)];
        let renames = plan(&laureate);
        let to = renames[0].to.file_name().unwrap().to_string_lossy();
        assert_eq!(to, "COM1_.jpg");
    }

    #[test]
    fn applying_the_plan_swaps_names_and_fixes_the_profile() {
        let dir = tempfile::tempdir().unwrap();
        let mut laureate = minimal_laureate();
        laureate.folder = dir.path().to_path_buf();
        // The portrait is named as photo 1, and a photo as the portrait: they swap.
        laureate.portrait = Some(photo(dir.path(), "张三1.jpg", 70, 90));
        laureate.photos = vec![photo(dir.path(), "张三0.jpg", 120, 80)];
        std::fs::write(
            laureate.profile_file(),
            "portrait: photos/张三1.jpg\nphotos:\n  - file: photos/张三0.jpg\n",
        )
        .unwrap();
        let renames = plan(&laureate);
        assert_eq!(renames.len(), 2);
        apply(&laureate, &renames).unwrap();
        let height = |name: &str| source_dimensions(&dir.path().join(name)).unwrap().1;
        assert_eq!((height("张三0.jpg"), height("张三1.jpg")), (90, 80));
        let profile = std::fs::read_to_string(laureate.profile_file()).unwrap();
        assert!(
            profile.contains("portrait: photos/张三0.jpg\nphotos:\n  - file: photos/张三1.jpg"),
            "{profile}"
        );
    }
}
