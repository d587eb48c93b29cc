//! The names of the site's files and folders, defined once: where editors put things, where
//! laurel keeps its cache, and which folders the preview server watches.

use std::path::{Path, PathBuf};

/// The site configuration, at the site root.
pub const SITE_CONFIG: &str = "site.yaml";
/// The folder of everything editors write.
pub const CONTENT_DIR: &str = "content";
/// The front page's introduction.
pub const INTRO_FILE: &str = "content/index.md";
/// One folder per laureate.
pub const LAUREATES_DIR: &str = "content/laureates";
/// Extra Markdown pages.
pub const PAGES_DIR: &str = "content/pages";
/// A laureate's facts, in the laureate's folder.
pub const PROFILE_FILE: &str = "profile.yaml";
/// A laureate's story, in the laureate's folder.
pub const STORY_FILE: &str = "story.md";
/// A laureate's portrait and photos, in the laureate's folder.
pub const PHOTOS_DIR: &str = "photos";
/// A laureate's videos, in the laureate's folder.
pub const VIDEOS_DIR: &str = "videos";
/// Files copied to the output root as they are.
pub const STATIC_DIR: &str = "static";
/// The site's template overrides.
pub const TEMPLATES_DIR: &str = "templates";
/// The site's own themes.
pub const THEMES_DIR: &str = "themes";
/// laurel's cache of processed media.
pub const CACHE_DIR: &str = ".laurel-cache";
/// The folders the site is built from (besides `site.yaml`): the preview server watches
/// them, and the output may not be written into them.
pub const SOURCE_DIRS: &[&str] = &[CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR];

/// Whether a file or folder named `name` is something computers leave behind rather than
/// material editors put there: macOS's `__MACOSX/` folders (in zips), `._*` AppleDouble files
/// and `.DS_Store`, Windows' `Thumbs.db` and `desktop.ini`, Word's and WPS's lock files
/// (`~$*`), and `*.tmp` files. Every listing of the site's folders skips them silently.
pub fn is_junk(name: &str) -> bool {
    const NAMES: &[&str] = &["__macosx", ".ds_store", "thumbs.db", "desktop.ini"];
    let lower = name.to_lowercase();
    NAMES.contains(&lower.as_str())
        || lower.starts_with("._")
        || lower.starts_with("~$")
        || lower.ends_with(".tmp")
}

/// Whether any part of `path` is [junk](is_junk): `__MACOSX/王芳/photos/王芳1.jpg` is.
pub fn is_junk_path(path: &Path) -> bool {
    path.iter().any(|part| is_junk(&part.to_string_lossy()))
}

/// The `profile.yaml` of the laureate folder `folder`.
pub fn profile_file(folder: &Path) -> PathBuf {
    folder.join(PROFILE_FILE)
}

/// The `story.md` of the laureate folder `folder`.
pub fn story_file(folder: &Path) -> PathBuf {
    folder.join(STORY_FILE)
}

/// A year's settings in a site of several years: `content/<year>/campaign.yaml`.
pub const YEAR_CAMPAIGN_FILE: &str = "campaign.yaml";

/// The folder of one year's content in a site of several years: `content/<year>/`.
pub fn year_dir(root: &Path, year: u32) -> PathBuf {
    root.join(CONTENT_DIR).join(year.to_string())
}

/// One year's `campaign.yaml`.
pub fn year_campaign_file(root: &Path, year: u32) -> PathBuf {
    year_dir(root, year).join(YEAR_CAMPAIGN_FILE)
}

/// The file that holds a campaign's rules: the year's `campaign.yaml` in a site of several
/// years (when it has one), else `site.yaml`.
pub fn campaign_file(root: &Path, year: Option<u32>) -> PathBuf {
    match year.map(|year| year_campaign_file(root, year)) {
        Some(file) if file.is_file() => file,
        _ => root.join(SITE_CONFIG),
    }
}

/// Where the laureate folders are: `content/laureates/`, or `content/<year>/laureates/` in a
/// site of several years.
pub fn laureates_dir(root: &Path, year: Option<u32>) -> PathBuf {
    match year {
        Some(year) => year_dir(root, year).join("laureates"),
        None => root.join(LAUREATES_DIR),
    }
}

/// The front page's introduction: `content/index.md`, or `content/<year>/index.md`.
pub fn intro_file(root: &Path, year: Option<u32>) -> PathBuf {
    match year {
        Some(year) => year_dir(root, year).join("index.md"),
        None => root.join(INTRO_FILE),
    }
}

#[cfg(test)]
mod tests {
    use super::{is_junk, is_junk_path};
    use std::path::Path;

    #[test]
    fn what_computers_leave_behind_is_junk_and_material_is_not() {
        for junk in [
            "__MACOSX",
            "._王芳1.jpg",
            ".DS_Store",
            "Thumbs.db",
            "thumbs.db",
            "desktop.ini",
            "Desktop.ini",
            "~$推荐表.docx",
            "~$WRL0001.tmp",
            "story.md.tmp",
            "A.TMP",
        ] {
            assert!(is_junk(junk), "{junk}");
        }
        for material in [
            "王芳1.jpg",
            "profile.yaml",
            "story.md",
            "macosx",
            "tmp",
            "a~$b.jpg",
        ] {
            assert!(!is_junk(material), "{material}");
        }
        assert!(is_junk_path(Path::new(
            "content/laureates/__MACOSX/王芳/profile.yaml"
        )));
        assert!(!is_junk_path(Path::new(
            "content/laureates/王芳/profile.yaml"
        )));
    }
}
