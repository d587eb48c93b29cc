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

/// The `profile.yaml` of the laureate folder `folder`.
pub fn profile_file(folder: &Path) -> PathBuf {
    folder.join(PROFILE_FILE)
}

/// The `story.md` of the laureate folder `folder`.
pub fn story_file(folder: &Path) -> PathBuf {
    folder.join(STORY_FILE)
}
