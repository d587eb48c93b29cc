//! [`Writer`]: puts the rendered files (as render makes them), the site's `static/` files and
//! the media into the output folder.
//!
//! - A first build fills a temporary sibling folder, which then takes the output's place.
//! - Later builds update the output: every new or changed file is first written into a
//!   temporary sibling folder; only when all of them are written are they renamed into place
//!   and the files the site no longer has removed. A rebuild touches only what changed
//!   (deleting and re-creating every file made a no-op rebuild of 2,000 laureates spend most
//!   of its time in the file system).
//!
//! Either way a build that fails, in an earlier stage or while writing, leaves the last good
//! output as it was.

use crate::diagnostics::Diagnostic;
use crate::layout;
use crate::media::{MediaIndex, MEDIA_DIR};
use crate::{said, tr};
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use walkdir::WalkDir;

/// Folders of a site that an output folder must never be (they would be replaced).
const SOURCE_FOLDERS: &[&str] = &[
    crate::layout::CONTENT_DIR,
    crate::layout::STATIC_DIR,
    crate::layout::THEMES_DIR,
    crate::layout::TEMPLATES_DIR,
    crate::layout::CACHE_DIR,
];

/// Checks that `output` can safely be replaced: not the site root, a folder above it, or one
/// of the site's source folders.
pub fn check_output_folder(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root_abs, output_abs) = (absolute(root), absolute(output));
    let unsafe_target = root_abs.starts_with(&output_abs)
        || SOURCE_FOLDERS
            .iter()
            .any(|f| output_abs.starts_with(root_abs.join(f)));
    if unsafe_target {
        return Err(Diagnostic::said(output, said!("output-holds-site")));
    }
    Ok(())
}

/// Writes a build's files into the output as they are made, so that no build holds its whole
/// site in memory (2,000 laureates' pages were about 250 MB of it). See the module's
/// documentation for what it does when; [`Writer::finish`] completes the output, and a
/// writer dropped unfinished removes what it staged.
pub struct Writer {
    output: PathBuf,
    staging: PathBuf,
    /// The output folder existed: files are compared with it and only changed ones staged.
    updating: bool,
    written: Mutex<Written>,
}

/// What a [`Writer`] has been given so far.
#[derive(Default)]
struct Written {
    /// Every file the output will hold, by path relative to it.
    wanted: BTreeSet<PathBuf>,
    /// Updating: where each staged file goes in the output, and the numbered file in the
    /// staging folder that holds it (a path given twice keeps what it was given last).
    staged: BTreeMap<PathBuf, PathBuf>,
    /// Files staged so far, which numbers them.
    count: usize,
}

/// Where one output file's contents come from.
enum Source<'a> {
    /// Rendered in memory.
    Bytes(&'a [u8]),
    /// A file of `static/`, copied.
    Copy(&'a Path),
    /// A media file in the cache, linked (or copied); its content-hashed name says what it
    /// holds.
    Link(&'a Path),
}

impl Writer {
    /// A writer into `output`, with an empty staging folder beside it.
    pub fn open(output: &Path) -> Result<Writer, Diagnostic> {
        let writer = Writer {
            output: output.to_path_buf(),
            staging: sibling(output, "tmp"),
            updating: output.is_dir(),
            written: Mutex::default(),
        };
        let fresh = |staging: &Path| {
            if staging.exists() {
                std::fs::remove_dir_all(staging)?;
            }
            std::fs::create_dir_all(staging)
        };
        fresh(&writer.staging).map_err(|e| writer.problem(e))?;
        Ok(writer)
    }

    /// Puts one rendered file, at `path` relative to the output.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.put_source(Path::new(path), Source::Bytes(bytes))
            .map_err(|e| self.problem(e))
    }

    /// Adds the site's `static/` files (but [junk](layout::is_junk), and where no rendered file
    /// has the same path) and the media, then puts every staged file in place and removes what
    /// the site no longer has.
    pub fn finish(self, media: &MediaIndex, static_dir: &Path) -> Result<(), Diagnostic> {
        self.complete(media, static_dir)
            .map_err(|e| self.problem(e))
    }

    fn complete(&self, media: &MediaIndex, static_dir: &Path) -> io::Result<()> {
        let files = WalkDir::new(static_dir)
            .into_iter()
            .filter_entry(|entry| !layout::is_junk(&entry.file_name().to_string_lossy()))
            .filter_map(Result::ok);
        for entry in files {
            if let (true, Ok(rel)) = (
                entry.file_type().is_file(),
                entry.path().strip_prefix(static_dir),
            ) {
                if !self.lock().wanted.contains(rel) {
                    self.put_source(rel, Source::Copy(entry.path()))?;
                }
            }
        }
        for (name, source) in media.files() {
            self.put_source(&Path::new(MEDIA_DIR).join(name), Source::Link(source))?;
        }
        if !self.updating {
            return swap_in(&self.staging, &self.output);
        }
        let written = std::mem::take(&mut *self.lock());
        for (rel, temporary) in written.staged {
            let target = self.output.join(rel);
            if target.is_dir() {
                std::fs::remove_dir_all(&target)?;
            }
            std::fs::create_dir_all(target.parent().expect("output paths have a parent"))?;
            rename(&temporary, &target)?;
        }
        std::fs::remove_dir_all(&self.staging)?;
        remove_unwanted(&self.output, &written.wanted)
    }

    /// A first build writes each file where it goes in the staging folder; an update stages
    /// only files the output does not already hold, under a number.
    fn put_source(&self, rel: &Path, source: Source) -> io::Result<()> {
        let target = match self.updating {
            false => self.staging.join(rel),
            true if unchanged(&self.output.join(rel), &source) => {
                let mut written = self.lock();
                written.staged.remove(rel);
                written.wanted.insert(rel.to_path_buf());
                return Ok(());
            }
            true => {
                let mut written = self.lock();
                let temporary = self.staging.join(written.count.to_string());
                written.count += 1;
                written.staged.insert(rel.to_path_buf(), temporary.clone());
                temporary
            }
        };
        std::fs::create_dir_all(target.parent().expect("output paths have a parent"))?;
        match source {
            Source::Bytes(bytes) => std::fs::write(&target, bytes)?,
            Source::Copy(from) => std::fs::copy(from, &target).map(|_| ())?,
            Source::Link(from) => link_or_copy(from, &target)?,
        }
        self.lock().wanted.insert(rel.to_path_buf());
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Written> {
        self.written.lock().expect("the writer's lists")
    }

    fn problem(&self, e: io::Error) -> Diagnostic {
        Diagnostic::said(
            &self.output,
            said!("output-unwritable", why = e.to_string()),
        )
    }
}

impl Drop for Writer {
    /// An unfinished build's staged files go; the output stays as it was.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

impl crate::render::Sink for Writer {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        Writer::put(self, &path, &bytes)
    }
}

fn sibling(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    output.with_file_name(format!(".{name}.laurel-{what}-{}", std::process::id()))
}

/// Whether the output's file at `current` already holds what `source` would put there.
fn unchanged(current: &Path, source: &Source) -> bool {
    match source {
        Source::Bytes(bytes) => std::fs::read(current).is_ok_and(|old| old == *bytes),
        Source::Copy(from) => {
            std::fs::read(current).is_ok_and(|old| std::fs::read(from).is_ok_and(|new| old == new))
        }
        Source::Link(from) => {
            let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
            current.is_file() && len(current) == len(from)
        }
    }
}

/// Removes the files under `output` that are not in `wanted`, and folders left empty.
fn remove_unwanted(output: &Path, wanted: &BTreeSet<PathBuf>) -> io::Result<()> {
    for entry in WalkDir::new(output).contents_first(true).min_depth(1) {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry
            .path()
            .strip_prefix(output)
            .map_err(io::Error::other)?;
        if entry.file_type().is_dir() {
            // Fails, as it should, while the folder still holds wanted files.
            let _ = std::fs::remove_dir(entry.path());
        } else if !wanted.contains(rel) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn copy_file(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to.parent().expect("output paths have a parent"))?;
    std::fs::copy(from, to).map(|_| ())
}

/// Media files are hard-linked from the cache where the file system allows (instant, no
/// extra space), copied otherwise.
pub(crate) fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::hard_link(from, to).or_else(|_| copy_file(from, to))
}

/// Puts the finished folder `staging` in the place of `output` (renamed aside, then removed),
/// or back as it was when the second rename fails.
pub(crate) fn swap_in(staging: &Path, output: &Path) -> io::Result<()> {
    if !output.exists() {
        return rename(staging, output);
    }
    let old = sibling(output, "old");
    if old.exists() {
        remove_dir_all(&old)?;
    }
    rename(output, &old)?;
    if let Err(e) = rename(staging, output) {
        rename(&old, output)?;
        return Err(e);
    }
    remove_dir_all(&old)
}

/// The pauses between tries of a file operation that another program blocks: about 3 s in
/// all, long enough for a browser, Explorer's preview pane or a virus scan to let go.
const PAUSES_MS: [u64; 6] = [50, 100, 200, 400, 800, 1600];

/// `fs::rename`, tried again for a few seconds while another program holds the file or folder
/// open (Windows refuses then); when it still fails, the error names both paths.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    retrying(
        || std::fs::rename(from, to),
        || {
            tr!(
                "output-cannot-move",
                from = from.display().to_string(),
                to = to.display().to_string()
            )
        },
    )
}

/// `fs::remove_dir_all`, tried again like [`rename`].
fn remove_dir_all(path: &Path) -> io::Result<()> {
    retrying(
        || std::fs::remove_dir_all(path),
        || tr!("output-cannot-remove", path = path.display().to_string()),
    )
}

/// Runs `operation` until it succeeds, pausing while it fails as when a file is held open;
/// a final error starts with `what` and says what to do about a file held open.
fn retrying<T>(
    mut operation: impl FnMut() -> io::Result<T>,
    what: impl Fn() -> String,
) -> io::Result<T> {
    let mut pauses = PAUSES_MS.iter();
    loop {
        let e = match operation() {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        match (held_open(&e), pauses.next()) {
            (true, Some(ms)) => std::thread::sleep(std::time::Duration::from_millis(*ms)),
            (true, None) => {
                let why = tr!("output-held-open", what = what(), why = e.to_string());
                return Err(io::Error::new(e.kind(), why));
            }
            (false, _) => {
                let why = tr!("output-failed", what = what(), why = e.to_string());
                return Err(io::Error::new(e.kind(), why));
            }
        }
    }
}

/// Whether `e` is what Windows answers while another program has the file open: access
/// denied, or a sharing or lock violation (errors 32 and 33).
fn held_open(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::PermissionDenied
        || (cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_held_open_for_a_moment_is_waited_for_and_named_when_it_stays_held() {
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let mut tries = 0;
        let moved = retrying(
            || {
                tries += 1;
                if tries < 3 {
                    Err(denied())
                } else {
                    Ok(tries)
                }
            },
            || "cannot move a to b".into(),
        );
        assert_eq!(moved.unwrap(), 3);

        let held = retrying(|| Err::<(), _>(denied()), || "cannot move public".into());
        let message = held.unwrap_err().to_string();
        assert!(message.starts_with("cannot move public: "), "{message}");
        assert!(message.contains("close it and try again"), "{message}");

        let mut tries = 0;
        let missing = retrying(
            || {
                tries += 1;
                Err::<(), _>(std::io::Error::from(std::io::ErrorKind::NotFound))
            },
            || "cannot move x".into(),
        );
        assert_eq!(
            (tries, missing.is_err()),
            (1, true),
            "no waiting for a missing file"
        );
    }

    #[test]
    fn refuses_the_site_root_and_its_source_folders() {
        let root = Path::new("/site");
        assert!(check_output_folder(root, Path::new("/site")).is_err());
        assert!(check_output_folder(root, Path::new("/")).is_err());
        assert!(check_output_folder(root, Path::new("/site/content")).is_err());
        assert!(check_output_folder(root, Path::new("/site/public")).is_ok());
        assert!(check_output_folder(root, Path::new("/elsewhere/out")).is_ok());
    }

    #[test]
    fn a_rebuild_rewrites_only_what_changed_and_removes_what_is_gone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let (output, static_dir) = (dir.path().join("public"), dir.path().join("static"));
        let media = MediaIndex::default();
        let write = |pages: &[(&str, &str)]| {
            let writer = Writer::open(&output).unwrap();
            for (path, text) in pages {
                writer.put(path, text.as_bytes()).unwrap();
            }
            writer.finish(&media, &static_dir).unwrap();
        };
        write(&[
            ("index.html", "首页"),
            ("a/index.html", "甲"),
            ("b/index.html", "乙"),
        ]);
        let inode = |rel: &str| std::fs::metadata(output.join(rel)).unwrap().ino();
        let kept = inode("a/index.html");
        write(&[("index.html", "新首页"), ("a/index.html", "甲")]);
        assert_eq!(
            inode("a/index.html"),
            kept,
            "an unchanged page is not rewritten"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "新首页"
        );
        assert!(
            !output.join("b").exists(),
            "a page the site no longer has is gone, with its folder"
        );
        // A path given twice keeps what it was given last, even when that is what it holds.
        let twice = Writer::open(&output).unwrap();
        twice.put("a/index.html", "别的".as_bytes()).unwrap();
        twice.put("a/index.html", "甲".as_bytes()).unwrap();
        twice.put("index.html", "新首页".as_bytes()).unwrap();
        twice.finish(&media, &static_dir).unwrap();
        assert_eq!(inode("a/index.html"), kept);
        // A build that fails after some files were given leaves the output as it was.
        let unfinished = Writer::open(&output).unwrap();
        unfinished.put("index.html", "半成品".as_bytes()).unwrap();
        unfinished.put("c/index.html", "丙".as_bytes()).unwrap();
        drop(unfinished);
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "新首页"
        );
        assert!(!output.join("c").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            leftovers,
            vec![std::ffi::OsString::from("public")],
            "no staging folder is left"
        );
    }
}
