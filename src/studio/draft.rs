//! A nominee as the editor has them on screen, not yet saved: a small copy of the site in
//! `.laurel-studio/drafts/` (site.yaml, the year's campaign.yaml, the theme's folders and the
//! nominee's folder, its files hard-linked, with the unsaved profile.yaml and story.md
//! written in), loaded and checked by the same library calls as `laurel check`, and rendered
//! into memory as `laurel serve` renders. Removed when dropped.

use crate::check::{self, Finding};
use crate::content::PartialSite;
use crate::diagnostics::Diagnostics;
use crate::layout;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The studio's drafts, relative to the site folder.
const DRAFTS_DIR: &str = ".laurel-studio/drafts";

/// Drafts made in this process, for their folders' names.
static MADE: AtomicUsize = AtomicUsize::new(0);

/// A draft site holding one nominee.
pub struct Draft {
    /// Its root.
    pub root: PathBuf,
    /// The nominee's folder in it.
    pub folder: PathBuf,
}

impl Drop for Draft {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

impl Draft {
    /// The draft of the nominee folder `rel` (relative to `root`) with `profile` and `story`
    /// in place of their files.
    pub fn new(root: &Path, rel: &Path, profile: &str, story: &str) -> std::io::Result<Draft> {
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let at = root
            .join(DRAFTS_DIR)
            .join(format!("{}-{n}", std::process::id()));
        let draft = Draft {
            folder: at.join(rel),
            root: at,
        };
        std::fs::create_dir_all(&draft.root)?;
        std::fs::copy(
            root.join(layout::SITE_CONFIG),
            draft.root.join(layout::SITE_CONFIG),
        )?;
        for ancestor in rel.ancestors().skip(1) {
            let campaign = root.join(ancestor).join(layout::YEAR_CAMPAIGN_FILE);
            if ancestor.starts_with(layout::CONTENT_DIR) && campaign.is_file() {
                link_tree(
                    &campaign,
                    &draft.root.join(ancestor).join(layout::YEAR_CAMPAIGN_FILE),
                )?;
            }
        }
        for folder in [layout::TEMPLATES_DIR, layout::THEMES_DIR] {
            link_tree(&root.join(folder), &draft.root.join(folder))?;
        }
        link_tree(&root.join(rel), &draft.folder)?;
        for (name, text) in [(layout::PROFILE_FILE, profile), (layout::STORY_FILE, story)] {
            // A hard link is the real file: unlink it before writing.
            let file = draft.folder.join(name);
            let _ = std::fs::remove_file(&file);
            std::fs::write(file, text)?;
        }
        Ok(draft)
    }

    /// The draft loaded as `laurel check` loads a site.
    pub fn load(&self) -> Result<PartialSite, Diagnostics> {
        let year = crate::years::newest(&self.root);
        crate::content::load_partial_year(&self.root, year)
    }

    /// Check's findings about the nominee (paths relative to the draft's root, which are the
    /// site's).
    pub fn findings(&self) -> Vec<Finding> {
        let report = match self.load() {
            Ok(partial) => check::check_partial(&partial),
            Err(problems) => check::Report::of_broken_config(&problems),
        };
        let rel = self.folder.strip_prefix(&self.root).unwrap_or(&self.folder);
        report
            .findings
            .into_iter()
            .filter(|f| f.place.file.starts_with(rel))
            .collect()
    }
}

/// Hard-links the files of `from` (a file or a folder, if it exists) into `to`, copying
/// where a link cannot be made.
fn link_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    if !from.exists() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = entry.path().strip_prefix(from).unwrap_or(Path::new(""));
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            if std::fs::hard_link(entry.path(), &target).is_err() {
                std::fs::copy(entry.path(), &target)?;
            }
        }
    }
    Ok(())
}
