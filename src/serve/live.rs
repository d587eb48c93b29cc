//! The site as the preview server holds it: the last good build in memory, the current build
//! problem if there is one, and the browsers listening for reloads.

use super::changes::{classify, plan, Change, Plan};
use crate::build;
use crate::content::{self, Site};
use crate::diagnostics::Diagnostics;
use crate::layout::{CACHE_DIR, STATIC_DIR};
use crate::media::{Cache, MediaIndex};
use crate::render::{Collect, RenderOptions};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

/// One good build, as served.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    /// The URL path every page lives under (`/` or the path of `base_url`).
    pub root_path: String,
    /// Rendered pages and assets by output path.
    pub pages: BTreeMap<String, Arc<Vec<u8>>>,
    /// Media files by name under `/media/`, and the file that holds each.
    pub media: BTreeMap<String, PathBuf>,
    /// The site's `static/` folder.
    pub static_dir: PathBuf,
    /// What the build warned about (the same as `laurel build` says).
    pub warnings: Vec<crate::finding::Finding>,
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
    /// The build's warnings (those of the last good build when this one failed).
    pub warnings: Vec<crate::finding::Finding>,
}

/// The served site and its listeners.
pub struct Live {
    root: PathBuf,
    served_under: String,
    cache: Cache,
    snapshot: RwLock<Arc<Snapshot>>,
    problem: RwLock<Option<String>>,
    listeners: Mutex<Vec<Sender<Event>>>,
}

impl Live {
    /// A server state for the site at `root`, with nothing built yet; its pages are served
    /// under `served_under` (`""`, or `/site` in the studio) before the site's own path.
    pub fn new(root: &Path, served_under: &str) -> Live {
        Live {
            root: root.to_path_buf(),
            served_under: served_under.to_string(),
            cache: Cache::new(root.join(CACHE_DIR)),
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            problem: RwLock::new(None),
            listeners: Mutex::new(Vec::new()),
        }
    }

    /// The site's folder.
    pub fn root(&self) -> &Path {
        &self.root
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
                let warnings = snapshot.warnings.clone();
                *self.snapshot.write().expect("snapshot lock") = Arc::new(snapshot);
                *self.problem.write().expect("problem lock") = None;
                self.tell(Event::Reload);
                Outcome {
                    what,
                    millis,
                    problems: None,
                    warnings,
                }
            }
            Err(problems) => {
                let report = problems.to_string();
                *self.problem.write().expect("problem lock") = Some(report.clone());
                self.tell(Event::Problem(report));
                Outcome {
                    what: crate::tr!("serve-what-nothing"),
                    millis,
                    problems: Some(problems),
                    warnings: previous.warnings.clone(),
                }
            }
        }
    }

    fn build(
        &self,
        previous: &Snapshot,
        changed: &[PathBuf],
    ) -> Result<(Snapshot, String), Diagnostics> {
        let changes: Vec<Change> = changed.iter().map(|p| classify(&self.root, p)).collect();
        let all = RenderOptions {
            minify: false,
            only_laureates: None,
            years: None,
        };
        let whole_site = true;
        // A site of several years is rebuilt as a whole (its media cached): one year's
        // pages also feed the 历届 page, the search index and the other years' links.
        let one_year = previous
            .site
            .as_ref()
            .filter(|site| site.config.year_folder().is_none());
        let sink = Collect::default();
        let (built, mut pages, what) = match (plan(&changes), one_year) {
            (Plan::Reload, Some(_)) => {
                return Ok((previous.clone(), crate::tr!("serve-what-static")))
            }
            (Plan::Stories(stories), Some(site)) => match with_new_stories(site, &stories) {
                Some((site, slugs)) => {
                    let only = RenderOptions {
                        minify: false,
                        only_laureates: Some(slugs),
                        years: None,
                    };
                    let media = previous.media_index.clone();
                    let built = build::rerender(site, media, &self.cache, &only, &sink)?;
                    (built, previous.pages.clone(), false)
                }
                None => (self.everything(&all, &sink)?, BTreeMap::new(), whole_site),
            },
            (Plan::Rerender, Some(site)) => {
                let built = build::rerender(
                    site.clone(),
                    previous.media_index.clone(),
                    &self.cache,
                    &all,
                    &sink,
                )?;
                (built, BTreeMap::new(), whole_site)
            }
            _ => (self.everything(&all, &sink)?, BTreeMap::new(), whole_site),
        };
        let count = built.rendered_files;
        let what = match what {
            true => crate::tr!("serve-what-site", count = count),
            false => crate::tr!("serve-what-pages", count = count),
        };
        let rendered = sink.into_site().files;
        pages.extend(rendered.into_iter().map(|(k, v)| (k, Arc::new(v))));
        let snapshot = Snapshot {
            root_path: built.site.routes().root().to_string(),
            pages,
            media: built.media.files().clone(),
            static_dir: built.site.root.join(STATIC_DIR),
            warnings: built.warnings,
            media_index: built.media,
            site: Some(built.site),
        };
        Ok((snapshot, what))
    }

    /// Every stage, as `laurel build` runs them.
    fn everything(
        &self,
        options: &RenderOptions,
        sink: &Collect,
    ) -> Result<build::Built, Diagnostics> {
        build::run_stages(
            &self.root,
            &self.served_under,
            &self.cache,
            &|_, _| {},
            options,
            sink,
        )
    }
}

/// The site with the stories at `paths` read again, and their laureates' slugs; `None` when a
/// story is not a known laureate's or cannot be read (the full load then reports it).
fn with_new_stories(previous: &Site, paths: &[PathBuf]) -> Option<(Site, BTreeSet<String>)> {
    let targets = previous.link_targets();
    let mut site = previous.clone();
    let mut slugs = BTreeSet::new();
    for path in paths {
        let laureate = site
            .laureates
            .iter_mut()
            .find(|l| path.parent() == Some(l.folder.as_path()))?;
        content::reload_story(laureate, targets).ok()?;
        slugs.insert(laureate.slug.clone());
    }
    (!slugs.is_empty()).then_some((site, slugs))
}
