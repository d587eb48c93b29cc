//! Watching the site's sources with notify, debounced: editors' tools save in several steps
//! (temporary file, rename, metadata), so changes are collected until things are quiet.
//!
//! The debounce is hand-written: notify-debouncer-mini drops the event kind, so the build's own
//! reads (inotify access events) retriggered builds in a loop (the preview browser test).

use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the files must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(60);
/// The longest a rebuild waits for quiet while files keep changing.
const PATIENCE: Duration = Duration::from_millis(1000);

/// Watches `site.yaml`, `content/`, `static/`, `templates/` and `themes/` under `root` and
/// calls `on_change` with the changed files after each quiet spell. The returned watcher must
/// be kept alive.
pub fn watch(
    root: &Path,
    on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> notify::Result<notify::RecommendedWatcher> {
    let (sender, events) = channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !event.kind.is_access() {
                for path in event.paths {
                    let _ = sender.send(path);
                }
            }
        }
    })?;
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for folder in crate::layout::SOURCE_DIRS {
        let dir = root.join(folder);
        if dir.is_dir() {
            watcher.watch(&dir, RecursiveMode::Recursive)?;
        }
    }
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        while let Ok(first) = events.recv() {
            let mut changed = BTreeSet::new();
            changed.insert(first);
            let started = Instant::now();
            loop {
                match events.recv_timeout(QUIET) {
                    Ok(path) => {
                        changed.insert(path);
                        if started.elapsed() > PATIENCE {
                            break;
                        }
                    }
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            let relevant: Vec<PathBuf> = changed
                .into_iter()
                .filter(|p| is_source(&root, p))
                .collect();
            if !relevant.is_empty() {
                on_change(relevant);
            }
        }
    });
    Ok(watcher)
}

/// Whether a changed path is one the site is built from: not an editor's temporary or backup
/// file, not [junk](crate::layout::is_junk) nor inside a junk folder (`__MACOSX/`), and at the
/// root only `site.yaml` (the root holds `public/` and the cache too).
fn is_source(root: &Path, path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let scratch = name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || crate::layout::is_junk_path(path.strip_prefix(root).unwrap_or(path));
    if scratch {
        return false;
    }
    match path.parent() {
        Some(parent) if parent == root => name == crate::config::FILE_NAME,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::is_source;
    use std::path::Path;

    #[test]
    fn scratch_files_and_other_root_files_are_ignored() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/site.yaml")));
        assert!(is_source(
            root,
            Path::new("/site/content/laureates/a/story.md")
        ));
        assert!(!is_source(
            root,
            Path::new("/site/content/laureates/a/.story.md.swp")
        ));
        assert!(!is_source(
            root,
            Path::new("/site/content/laureates/a/story.md~")
        ));
        assert!(!is_source(
            root,
            Path::new("/site/content/laureates/a/photos/Thumbs.db")
        ));
        assert!(!is_source(
            root,
            Path::new("/site/content/laureates/__MACOSX/a/profile.yaml")
        ));
        assert!(!is_source(
            root,
            Path::new("/site/content/laureates/a/~$推荐表.docx")
        ));
        assert!(!is_source(root, Path::new("/site/public")));
        assert!(!is_source(root, Path::new("/site/.laurel-cache")));
    }
}
