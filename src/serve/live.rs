//! The site as the preview server holds it: the last good build in memory, the current build
//! problem if there is one, and the browsers listening for reloads.

use crate::build::CACHE_DIR;
use crate::content::{self, Site};
use crate::diagnostics::Diagnostics;
use crate::media::{self, Cache, MediaIndex};
use crate::render::{self, RenderOptions};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

/// One good build, as served.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The URL path every page lives under (`/` or the path of `base_url`).
    pub root_path: String,
    /// Rendered pages and assets by output path.
    pub pages: BTreeMap<String, Arc<Vec<u8>>>,
    /// Media files by name under `/media/`, and the file that holds each.
    pub media: BTreeMap<String, PathBuf>,
    /// The site's `static/` folder.
    pub static_dir: PathBuf,
    pub(super) site: Option<Site>,
    pub(super) media_index: MediaIndex,
}

/// What a browser is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The site changed: reload the page.
    Reload,
    /// The last change broke the build: show this report.
    Problem(String),
    /// The build is fine (sent to new listeners).
    Fine,
}

/// What one rebuild did, for the terminal.
#[derive(Debug)]
pub struct Outcome {
    /// What was redone, e.g. `2 pages` or `the whole site`.
    pub what: String,
    /// How long it took, in milliseconds.
    pub millis: u128,
    /// The problems, when the build failed.
    pub problems: Option<Diagnostics>,
}

/// The served site and its listeners.
pub struct Live {
    root: PathBuf,
    cache: Cache,
    snapshot: RwLock<Arc<Snapshot>>,
    problem: RwLock<Option<String>>,
    listeners: Mutex<Vec<Sender<Event>>>,
}

impl Live {
    /// A server state for the site at `root`, with nothing built yet.
    pub fn new(root: &Path) -> Live {
        Live {
            root: root.to_path_buf(),
            cache: Cache::new(root.join(CACHE_DIR)),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            problem: RwLock::new(None),
            listeners: Mutex::new(Vec::new()),
        }
    }

    /// The site as last built successfully.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// The current build problem, if the last build failed.
    pub fn problem(&self) -> Option<String> {
        self.problem.read().expect("problem lock").clone()
    }

    /// A channel of events for one browser; it first hears the current state.
    pub fn subscribe(&self) -> Receiver<Event> {
        let (sender, receiver) = channel();
        let now = self.problem().map_or(Event::Fine, Event::Problem);
        let _ = sender.send(now);
        self.listeners.lock().expect("listeners lock").push(sender);
        receiver
    }

    fn tell(&self, event: Event) {
        let mut listeners = self.listeners.lock().expect("listeners lock");
        listeners.retain(|listener| listener.send(event.clone()).is_ok());
    }

    /// Rebuilds after `changed` files changed (all of it when `changed` is empty), swaps the
    /// result in and tells the browsers. A failed build keeps the last good site served.
    pub fn rebuild(&self, changed: &[PathBuf]) -> Outcome {
        let started = Instant::now();
        let previous = self.snapshot();
        let result = self.build(&previous, changed);
        let millis = started.elapsed().as_millis();
        match result {
            Ok((snapshot, what)) => {
                *self.snapshot.write().expect("snapshot lock") = Arc::new(snapshot);
                *self.problem.write().expect("problem lock") = None;
                self.tell(Event::Reload);
                Outcome {
                    what,
                    millis,
                    problems: None,
                }
            }
            Err(problems) => {
                let report = problems.to_string();
                *self.problem.write().expect("problem lock") = Some(report.clone());
                self.tell(Event::Problem(report));
                Outcome {
                    what: "nothing".into(),
                    millis,
                    problems: Some(problems),
                }
            }
        }
    }

    fn build(
        &self,
        previous: &Snapshot,
        changed: &[PathBuf],
    ) -> Result<(Snapshot, String), Diagnostics> {
        // Only stories changed: read those, render their laureates' pages over the previous
        // ones, no media work. Anything else: load, media (cached) and every page.
        let (site, media_index, only_laureates, mut pages) =
            match with_new_stories(previous.site.as_ref(), changed) {
                Some((site, slugs)) => (
                    site,
                    previous.media_index.clone(),
                    Some(slugs),
                    previous.pages.clone(),
                ),
                None => {
                    let site = content::load(&self.root)?;
                    let media_index = media::process(&site, &self.cache, &|_, _| {})?;
                    (site, media_index, None, BTreeMap::new())
                }
            };
        let what = match &only_laureates {
            Some(_) => "pages",
            None => "pages and assets of the whole site",
        };
        let options = RenderOptions {
            minify: false,
            only_laureates,
        };
        let rendered = render::render_with(&site, &media_index, &options)?;
        let what = format!("{} {what}", rendered.files.len());
        pages.extend(rendered.files.into_iter().map(|(k, v)| (k, Arc::new(v))));
        let snapshot = Snapshot {
            root_path: site.config.root_path(),
            pages,
            media: media_index.files().clone(),
            static_dir: site.root.join("static"),
            media_index,
            site: Some(site),
        };
        Ok((snapshot, what))
    }
}

/// When every changed file is the `story.md` of a known laureate: the previous site with those
/// stories read again, and the laureates' slugs. `None` when anything else changed (then the
/// whole site is loaded again) or a story cannot be read (the full load reports it).
fn with_new_stories(
    previous: Option<&Site>,
    changed: &[PathBuf],
) -> Option<(Site, BTreeSet<String>)> {
    let mut site = previous?.clone();
    let mut slugs = BTreeSet::new();
    for path in changed {
        if path.file_name()? != "story.md" {
            return None;
        }
        let laureate = site
            .laureates
            .iter_mut()
            .find(|l| path.parent() == Some(l.folder.as_path()))?;
        content::reload_story(laureate).ok()?;
        slugs.insert(laureate.slug.clone());
    }
    (!slugs.is_empty()).then_some((site, slugs))
}
