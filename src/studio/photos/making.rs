//! The site's images of a nominee made in the background after an upload, into the build's
//! cache ([`Campaign::make_images_of`]), so that the next build and the live preview find
//! them made; the photo panel follows the progress (`GET /api/images?folder=…`).
//!
//! One thread makes them, one nominee at a time, so uploads and the pages keep the other
//! core; it starts with the first upload of the session.

use crate::campaign::Campaign;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

/// Where the making of one nominee's images is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Making {
    /// Images made (or found made) so far.
    pub made: usize,
    /// Images the nominee's pages use; 0 until the making starts.
    pub total: usize,
    /// Images that could not be made (check says why).
    pub failed: usize,
    /// Whether it has finished.
    pub done: bool,
}

/// One nominee's making, and the requests it answers.
#[derive(Debug, Clone, Copy, Default)]
struct Asked {
    making: Making,
    /// Requests made so far.
    asked: u64,
    /// The requests the making under way answers (those made before it started).
    answering: u64,
}

/// The nominees' makings, by folder.
type Progress = Arc<Mutex<BTreeMap<PathBuf, Asked>>>;

/// The background maker of the studio's session.
pub struct ImageMaker {
    root: PathBuf,
    queue: Mutex<Option<Sender<PathBuf>>>,
    progress: Progress,
}

impl ImageMaker {
    /// A maker for the site at `root`; its thread starts with the first request.
    pub fn new(root: &Path) -> ImageMaker {
        ImageMaker {
            root: root.to_path_buf(),
            queue: Mutex::new(None),
            progress: Default::default(),
        }
    }

    /// Asks for the images of the nominee in `folder` (an absolute path) to be made.
    pub fn make(&self, folder: PathBuf) {
        update(&self.progress, &folder, &|a| {
            a.asked += 1;
            a.making.done = false;
        });
        let mut queue = lock(&self.queue);
        let sender = queue.get_or_insert_with(|| {
            let (sender, receiver) = channel();
            let (root, progress) = (self.root.clone(), self.progress.clone());
            std::thread::spawn(move || work(&root, &receiver, &progress));
            sender
        });
        // The thread ends only with the maker.
        let _ = sender.send(folder);
    }

    /// Where the making of `folder`'s images is; finished with nothing made when none was
    /// asked for this session.
    pub fn progress(&self, folder: &Path) -> Making {
        let finished = Making {
            done: true,
            ..Making::default()
        };
        lock(&self.progress)
            .get(folder)
            .map_or(finished, |asked| asked.making)
    }
}

/// Makes each nominee asked for, those asked for again while waiting only once; a nominee
/// is done when the making that answers their last request has finished.
fn work(root: &Path, queue: &Receiver<PathBuf>, progress: &Progress) {
    while let Ok(first) = queue.recv() {
        let mut folders: BTreeSet<PathBuf> = std::iter::once(first).collect();
        folders.extend(queue.try_iter());
        for folder in folders {
            update(progress, &folder, &|a| {
                a.answering = a.asked;
                a.making = Making::default();
            });
            let report = |made, total| {
                update(progress, &folder, &|a| {
                    (a.making.made, a.making.total) = (made, total);
                });
            };
            let failed = match Campaign::newest(root).make_images_of(&folder, &report) {
                Ok(_) => 0,
                Err(problems) => problems.0.len(),
            };
            update(progress, &folder, &|a| {
                a.making.failed = failed;
                a.making.done = a.answering == a.asked;
            });
        }
    }
}

/// Changes the record of `folder`'s making.
fn update(progress: &Progress, folder: &Path, change: &dyn Fn(&mut Asked)) {
    change(lock(progress).entry(folder.to_path_buf()).or_default());
}

/// The lock, also after a panic elsewhere (the data stays usable: counts only).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
