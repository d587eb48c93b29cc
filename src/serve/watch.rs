//! Watching the site's sources with notify, debounced: editors' tools save in several steps
//! (temporary file, rename, metadata), so changes are collected until things are quiet.
//!
//! The debounce is hand-written: notify-debouncer-mini drops the event kind, so the build's own
//! reads (inotify access events) retriggered builds in a loop (the preview browser test).
//!
//! Change notifications do not always come: network shares (SMB) drop them, and wine 8's
//! `ReadDirectoryChangesW` reports a change deep inside a watched subtree only in folders the
//! process opened after the watch began (the first build lists them all before it; so the
//! preview under wine never saw an edited story, while `site.yaml` beside the root worked:
//! laurel's paths were right). So a poller walks the sources every second beside the
//! notifications and compares sizes and modification times (under wine its walks also open the
//! folders, after which their notifications come). While notifications keep up it only listens; when it sees a change and no
//! notification at all has come since the walk before the change, it takes over: from then on
//! its own findings trigger the rebuilds (the first missed edit is rebuilt about two seconds
//! after it was saved, the later ones within a second). `LAUREL_WATCH=poll` starts polling at
//! once.

use notify::{RecursiveMode, Watcher};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// How long the files must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(60);
/// The longest a rebuild waits for quiet while files keep changing.
const PATIENCE: Duration = Duration::from_millis(1000);
/// How often the poller walks the sources (less often when a walk takes over 100 ms).
const POLL: Duration = Duration::from_millis(1000);
/// The environment variable that makes the preview poll from the start (`poll`), for
/// folders whose change notifications are known not to work.
pub const WATCH_ENV: &str = "LAUREL_WATCH";

/// Watches `site.yaml`, `content/`, `static/`, `templates/` and `themes/` under `root` and
/// calls `on_change` with the changed files after each quiet spell. The returned watcher must
/// be kept alive; the poller beside it runs as long as the process.
pub fn watch(
    root: &Path,
    on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> notify::Result<Option<notify::RecommendedWatcher>> {
    let (sender, events) = channel::<PathBuf>();
    let heard = Arc::new(AtomicU64::new(0));
    let polling_only = std::env::var(WATCH_ENV).is_ok_and(|v| v == "poll");
    let watcher = match polling_only {
        true => None,
        false => Some(notifications(root, sender.clone(), heard.clone())?),
    };
    let mut poller = Poller::new(root, heard, polling_only);
    std::thread::spawn(move || {
        let mut pause = POLL;
        loop {
            std::thread::sleep(pause);
            let started = Instant::now();
            for path in poller.tick() {
                if sender.send(path).is_err() {
                    return;
                }
            }
            // A huge site's walk takes long: it may use a tenth of one core at most.
            pause = POLL.max(started.elapsed() * 10);
        }
    });
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

/// The notify watcher: sends the path of every event but reads, and counts the events in
/// `heard` for the poller.
fn notifications(
    root: &Path,
    sender: Sender<PathBuf>,
    heard: Arc<AtomicU64>,
) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !event.kind.is_access() {
                heard.fetch_add(1, Ordering::Relaxed);
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
    Ok(watcher)
}

/// A file's size and modification time, as the poller compares them.
type Stamp = (u64, Option<SystemTime>);

/// The polling fallback: walks the sources, and hands on what changed once notifications are
/// found not to come.
struct Poller {
    root: PathBuf,
    known: BTreeMap<PathBuf, Stamp>,
    heard: Arc<AtomicU64>,
    fallback: Fallback,
}

impl Poller {
    fn new(root: &Path, heard: Arc<AtomicU64>, polling: bool) -> Poller {
        let heard_now = heard.load(Ordering::Relaxed);
        Poller {
            root: root.to_path_buf(),
            known: sources(root),
            heard,
            fallback: Fallback::new(polling, heard_now),
        }
    }

    /// One walk: the changed paths to rebuild for (none while notifications keep up).
    fn tick(&mut self) -> Vec<PathBuf> {
        let heard_before = self.heard.load(Ordering::Relaxed);
        let now = sources(&self.root);
        let changed = differences(&self.known, &now);
        self.known = now;
        self.fallback
            .decide(changed, heard_before, self.heard.load(Ordering::Relaxed))
    }
}

/// Whether the poller's findings are used, decided from the notifications counted around
/// each walk.
#[derive(Debug)]
struct Fallback {
    polling: bool,
    /// The count of notifications at the start of the previous walk.
    heard_at_previous: u64,
    /// Changes found while notifications were trusted, with the count before the walk that
    /// preceded them: if that count has not moved by the next walk, nothing reported them.
    unconfirmed: Option<(Vec<PathBuf>, u64)>,
}

impl Fallback {
    fn new(polling: bool, heard: u64) -> Fallback {
        Fallback {
            polling,
            heard_at_previous: heard,
            unconfirmed: None,
        }
    }

    /// The paths to rebuild for after a walk that found `changed`, with `before` notifications
    /// counted when the walk started and `after` when it ended.
    fn decide(&mut self, changed: Vec<PathBuf>, before: u64, after: u64) -> Vec<PathBuf> {
        let previous = std::mem::replace(&mut self.heard_at_previous, before);
        if self.polling {
            return changed;
        }
        if let Some((missed, heard)) = self.unconfirmed.take() {
            if after == heard {
                self.polling = true;
                return missed.into_iter().chain(changed).collect();
            }
        }
        if !changed.is_empty() {
            self.unconfirmed = Some((changed, previous));
        }
        Vec::new()
    }
}

/// Every file the site is built from, with its stamp: `site.yaml` and the source folders,
/// [junk](crate::layout::is_junk) left out.
fn sources(root: &Path) -> BTreeMap<PathBuf, Stamp> {
    let config = root.join(crate::layout::SITE_CONFIG);
    crate::layout::SOURCE_DIRS
        .iter()
        .flat_map(|folder| {
            walkdir::WalkDir::new(root.join(folder))
                .into_iter()
                .filter_entry(|e| !crate::layout::is_junk(&e.file_name().to_string_lossy()))
                .flatten()
                .filter(|e| e.file_type().is_file())
                .map(walkdir::DirEntry::into_path)
        })
        .chain(config.is_file().then_some(config))
        .filter_map(|path| {
            let meta = std::fs::metadata(&path).ok()?;
            Some((path, (meta.len(), meta.modified().ok())))
        })
        .collect()
}

/// The paths added, removed or changed between two walks.
fn differences(old: &BTreeMap<PathBuf, Stamp>, new: &BTreeMap<PathBuf, Stamp>) -> Vec<PathBuf> {
    let changed = new
        .iter()
        .filter(|(path, stamp)| old.get(*path) != Some(stamp))
        .map(|(path, _)| path);
    let removed = old.keys().filter(|path| !new.contains_key(*path));
    changed.chain(removed).cloned().collect()
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
    use super::*;

    #[test]
    fn polling_takes_over_when_a_change_was_not_notified() {
        let story = || vec![PathBuf::from("/site/content/laureates/a/story.md")];
        // Notifications keep up: the poller's findings are left to them.
        let mut fallback = Fallback::new(false, 0);
        assert!(fallback.decide(Vec::new(), 0, 0).is_empty());
        assert!(fallback.decide(story(), 0, 1).is_empty());
        assert!(fallback.decide(Vec::new(), 1, 1).is_empty());
        assert!(!fallback.polling);
        // A late notification (after the walk that found the change) still counts.
        assert!(fallback.decide(story(), 1, 1).is_empty());
        assert!(fallback.decide(Vec::new(), 1, 2).is_empty());
        assert!(!fallback.polling);

        // None came for a change: the missed change is handed on and polling goes on.
        let mut fallback = Fallback::new(false, 5);
        assert!(fallback.decide(Vec::new(), 5, 5).is_empty());
        assert!(fallback.decide(story(), 5, 5).is_empty());
        assert_eq!(fallback.decide(Vec::new(), 5, 5), story());
        assert!(fallback.polling);
        assert_eq!(fallback.decide(story(), 5, 5), story());

        let mut polling = Fallback::new(true, 0);
        assert_eq!(polling.decide(story(), 0, 0), story());
    }

    #[test]
    fn walks_find_edits_new_files_and_removals() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let story = root.join("content/laureates/a/story.md");
        std::fs::create_dir_all(story.parent().unwrap()).unwrap();
        std::fs::write(&story, "一").unwrap();
        std::fs::write(root.join("site.yaml"), "title: t\n").unwrap();
        std::fs::write(root.join("content/laureates/a/Thumbs.db"), "").unwrap();
        let before = sources(root);
        assert_eq!(before.len(), 2, "{before:?}");
        std::fs::write(&story, "一二").unwrap();
        let photo = root.join("content/laureates/a/photos/a1.jpg");
        std::fs::create_dir_all(photo.parent().unwrap()).unwrap();
        std::fs::write(&photo, "").unwrap();
        std::fs::remove_file(root.join("site.yaml")).unwrap();
        let changed = differences(&before, &sources(root));
        assert_eq!(changed, [photo, story, root.join("site.yaml")]);
    }

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
