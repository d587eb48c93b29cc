//! A build's inputs summed up in one hash, so that `laurel build` with nothing changed since
//! the last good build can say so at once instead of loading, rendering and comparing every
//! page again (at 2,000 laureates that no-op took 15 s; walking the inputs takes a few tens of
//! milliseconds).
//!
//! The inputs are every file of site.yaml, `content/`, `static/`, `templates/` and `themes/`
//! (path, size, modification time; [junk](layout::is_junk) left out), the font files posters
//! may be set in, the ffmpeg program videos are finished with, and laurel itself (its version
//! and executable). After a good build the hash is saved in the cache folder with the build's
//! summary and the identity of the output folder. The next build skips the work only when
//! all three still match, so a deleted or replaced `public/` is built again. Files edited by
//! hand inside `public/` are not looked at; deleting `public/` (or the cache) makes the next
//! build a full one.

use crate::config::FontFile;
use crate::layout;
use crate::media::Ffmpeg;
use crate::poster::fonts;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// What a successful build made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildSummary {
    /// Number of laureates.
    pub laureates: usize,
    /// Number of files rendered (pages, feeds, assets).
    pub rendered_files: usize,
    /// Number of media files published.
    pub media_files: usize,
    /// Warnings that did not stop the build.
    pub warnings: Vec<crate::finding::Finding>,
    /// Nothing had changed since the last good build, so the output was left as it was (the
    /// other fields are that build's).
    #[serde(skip)]
    pub up_to_date: bool,
}

/// The file in the cache folder that remembers the last good build.
const LAST_BUILD_FILE: &str = "last-build.json";

/// The hash of everything a build reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs(String);

/// What the cache remembers of the last good build.
#[derive(Serialize, Deserialize)]
struct LastBuild {
    inputs: String,
    output: PathBuf,
    output_identity: String,
    summary: BuildSummary,
}

impl Inputs {
    /// Sums up the inputs of the site at `root` as they are now; `fonts` are site.yaml's.
    pub fn of(root: &Path, fonts: &[FontFile]) -> Inputs {
        let mut hasher = blake3::Hasher::new();
        let mut add = |what: &str| {
            hasher.update(what.as_bytes());
            hasher.update(b"\n");
        };
        add(env!("CARGO_PKG_VERSION"));
        if let Ok(exe) = std::env::current_exe() {
            add(&file_line(Path::new(""), &exe));
        }
        add(&file_line(root, &root.join(layout::SITE_CONFIG)));
        for folder in layout::SOURCE_DIRS {
            for entry in walkdir::WalkDir::new(root.join(folder))
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|entry| !layout::is_junk(&entry.file_name().to_string_lossy()))
                .flatten()
            {
                add(&file_line(root, entry.path()));
            }
        }
        for font in font_files(fonts) {
            add(&file_line(root, &font));
        }
        add(&format!("ffmpeg {:?}", Ffmpeg::program_file()));
        Inputs(hasher.finalize().to_hex().to_string())
    }

    /// The summary of the last good build into `output`, if these inputs made it and the
    /// output folder is the one it wrote.
    pub fn last_build(&self, cache_dir: &Path, output: &Path) -> Option<BuildSummary> {
        let json = std::fs::read(cache_dir.join(LAST_BUILD_FILE)).ok()?;
        let last: LastBuild = serde_json::from_slice(&json).ok()?;
        let same = last.inputs == self.0
            && last.output == absolute(output)
            && Some(last.output_identity) == folder_identity(output);
        same.then_some(last.summary)
    }

    /// Remembers that these inputs built `output` with `summary`. Failing to save only costs
    /// the next build its shortcut.
    pub fn remember(&self, cache_dir: &Path, output: &Path, summary: &BuildSummary) {
        let Some(output_identity) = folder_identity(output) else {
            return;
        };
        let last = LastBuild {
            inputs: self.0.clone(),
            output: absolute(output),
            output_identity,
            summary: summary.clone(),
        };
        if let Ok(json) = serde_json::to_vec(&last) {
            let _ = std::fs::create_dir_all(cache_dir);
            let _ = std::fs::write(cache_dir.join(LAST_BUILD_FILE), json);
        }
    }

    /// Forgets the last build, so that the next one is a full build.
    pub fn forget(cache_dir: &Path) {
        let _ = std::fs::remove_file(cache_dir.join(LAST_BUILD_FILE));
    }
}

/// One line for a file: its path under `root`, size and modification time (or that it is
/// missing). A folder is its path alone: the lines of its files say what it holds, and its
/// own size and time change with any entry, junk too.
fn file_line(root: &Path, path: &Path) -> String {
    let shown = path.strip_prefix(root).unwrap_or(path).display();
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => format!("dir {shown}"),
        Ok(meta) => {
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("file {shown} {} {modified}", meta.len())
        }
        Err(_) => format!("missing {shown}"),
    }
}

/// The font files posters may be set in: site.yaml's `fonts:` (`configured`) if it names any,
/// else the system's candidates.
fn font_files(configured: &[FontFile]) -> Vec<PathBuf> {
    match configured.is_empty() {
        true => fonts::system_candidates(),
        false => configured.iter().map(|font| font.path.clone()).collect(),
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Which folder `output` is: a rebuild keeps it (and its modification time, unless files are
/// added or removed at its top), a first build or a hand-made copy is another one.
fn folder_identity(output: &Path) -> Option<String> {
    let meta = std::fs::metadata(output).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(format!("{inode} {}", modified.as_nanos()))
}
