//! `laurel deploy`: publishes `public/` to the targets in site.yaml, incrementally and in an
//! order that never shows a reader a page whose images are not there yet.
//!
//! Each target keeps a manifest (`.laurel-deploy.json`: path → content hash and size) of
//! what it holds. A deploy compares `public/` with it and uploads only new and changed
//! files: media, assets and other files first, then pages, then the sitemap and the feed,
//! then deletions (at most `max_deletes` without `--force`), then the new manifest. An
//! interrupted deploy leaves the old manifest, so the next run redoes what is missing.
//! Deploy reads `public/` only; it never builds.

mod folder;
mod s3;

use crate::config::{DeployKind, DeployTarget, SiteConfig};
use crate::diagnostics::{Diagnostic, Diagnostics};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The manifest's name in the target (under its prefix).
pub const MANIFEST: &str = ".laurel-deploy.json";

/// Called as files finish with (files done, files in all), from any thread.
pub use crate::build::Progress;
pub use crate::cancel::{Cancel, Step};

/// What to deploy where.
#[derive(Clone, Default)]
pub struct DeployOptions {
    /// The site root (holding `site.yaml`).
    pub root: PathBuf,
    /// The built site to publish.
    pub public: PathBuf,
    /// The target's name; may be left out when site.yaml has one target.
    pub target: Option<String>,
    /// List what would change, change nothing.
    pub dry_run: bool,
    /// Allow more deletions than the target's `max_deletes`.
    pub force: bool,
    /// Told of the uploads' progress, if set.
    pub progress: Option<Progress>,
    /// Asked between uploads whether to stop (a stopped deploy leaves the target as an
    /// interrupted one does: the old manifest, so the next run redoes what is missing).
    pub cancel: Cancel,
    /// An access key for this run only (the studio asks for one when the environment holds
    /// none); used before the environment's, never written or printed.
    pub key: Option<AccessKey>,
}

/// An object storage's access key, typed in for one run.
#[derive(Clone)]
pub struct AccessKey {
    /// The key's id (`AccessKeyId`).
    pub id: String,
    /// The key's secret.
    pub secret: String,
}

impl std::fmt::Debug for AccessKey {
    /// The id only: a secret never reaches a log or a message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AccessKey({}, secret hidden)", self.id)
    }
}

/// Whether a deploy to `target` needs a key typed in: an object storage's, with none in the
/// environment (a folder needs none).
pub fn needs_key(target: &DeployTarget) -> bool {
    target.kind == DeployKind::S3 && s3::key_from_environment().is_none()
}

/// One change a deploy makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Path under the site root (`media/x.jpg`).
    pub path: String,
    /// Bytes of the file uploaded, or of the file deleted.
    pub bytes: u64,
    /// `new`, `changed` or `delete`.
    pub what: &'static str,
}

/// What a deploy did (or, with `--dry-run`, would do).
#[derive(Debug, Clone)]
pub struct Summary {
    /// The target's name.
    pub target: String,
    /// Uploads in the order made, then deletions.
    pub changes: Vec<Change>,
    /// Files already there as they are.
    pub unchanged: usize,
    /// Requests sent to the storage (retries included); 0 for a folder.
    pub requests: usize,
    /// Seconds taken.
    pub seconds: f64,
    /// Whether nothing was changed.
    pub dry_run: bool,
}

impl Summary {
    /// Files uploaded (or to upload).
    pub fn uploaded(&self) -> usize {
        self.changes.iter().filter(|c| c.what != "delete").count()
    }

    /// Bytes uploaded.
    pub fn uploaded_bytes(&self) -> u64 {
        let uploads = self.changes.iter().filter(|c| c.what != "delete");
        uploads.map(|c| c.bytes).sum()
    }

    /// Files deleted.
    pub fn deleted(&self) -> usize {
        self.changes.iter().filter(|c| c.what == "delete").count()
    }
}

/// A target's record of what it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Path under the site root → what the file is.
    pub files: BTreeMap<String, Entry>,
}

/// One file of a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// BLAKE3 of the content, hex.
    pub hash: String,
    /// Size in bytes.
    pub size: u64,
}

/// A file of `public/`.
#[derive(Debug, Clone)]
pub struct LocalFile {
    /// Path under the site root, with `/`.
    pub path: String,
    /// Where it is on disk.
    pub file: PathBuf,
    /// Its manifest entry.
    pub entry: Entry,
}

/// What a deploy has to do: uploads in publishing order, and deletions.
#[derive(Debug, Default)]
pub struct Plan {
    /// Files to upload, media and assets first, pages next, sitemap and feed last.
    pub uploads: Vec<(LocalFile, &'static str)>,
    /// Paths to delete, with their sizes.
    pub deletions: Vec<(String, u64)>,
    /// Files that are there already.
    pub unchanged: usize,
    /// The manifest the target has after the deploy.
    pub manifest: Manifest,
}

/// Deploys `options.public` to the chosen target.
pub fn deploy(options: &DeployOptions) -> Result<Summary, Diagnostics> {
    let config = SiteConfig::load(&options.root)?;
    let target = choose_target(&config, options)?;
    if !options.public.is_dir() {
        return Err(
            Diagnostic::new(&options.public, crate::tr!("deploy-nothing-built"))
                .hint(crate::tr!("deploy-nothing-built-hint"))
                .into(),
        );
    }
    let started = Instant::now();
    options.cancel.reach(Step::Compare)?;
    let local = local_files(&options.public)?;
    let (changes, unchanged, requests) = match target.kind {
        DeployKind::Folder => folder::deploy(target, &local, options)?,
        DeployKind::S3 => s3::deploy(target, &local, options)?,
    };
    Ok(Summary {
        target: target.name.clone(),
        changes,
        unchanged,
        requests,
        seconds: started.elapsed().as_secs_f64(),
        dry_run: options.dry_run,
    })
}

fn choose_target<'a>(
    config: &'a SiteConfig,
    options: &DeployOptions,
) -> Result<&'a DeployTarget, Diagnostic> {
    let site_yaml = options.root.join(crate::layout::SITE_CONFIG);
    let names = || {
        config
            .deploy
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (&options.target, config.deploy.as_slice()) {
        (_, []) => Err(Diagnostic::new(site_yaml, crate::tr!("deploy-no-targets"))
            .hint(crate::tr!("deploy-no-targets-hint"))),
        (None, [only]) => Ok(only),
        (None, _) => Err(Diagnostic::new(
            site_yaml,
            crate::tr!("deploy-several-targets", names = names()),
        )
        .hint(crate::tr!("deploy-several-targets-hint"))),
        (Some(name), targets) => targets.iter().find(|t| &t.name == name).ok_or_else(|| {
            Diagnostic::new(site_yaml, crate::tr!("deploy-no-such-target", name = name))
                .hint(crate::tr!("deploy-no-such-target-hint", names = names()))
        }),
    }
}

/// Every file of `public/` with its hash, in path order.
pub fn local_files(public: &Path) -> Result<Vec<LocalFile>, Diagnostic> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(public).sort_by_file_name() {
        let entry = entry.map_err(|e| cannot_read(public, e))?;
        if entry.file_type().is_dir() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| cannot_read(entry.path(), e))?;
        let rel = entry.path().strip_prefix(public).unwrap_or(entry.path());
        let path = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push(LocalFile {
            path,
            file: entry.path().to_path_buf(),
            entry: Entry {
                hash: blake3::hash(&bytes).to_hex().to_string(),
                size: bytes.len() as u64,
            },
        });
    }
    Ok(files)
}

/// Compares `public/` with what the target holds.
pub fn plan(local: &[LocalFile], remote: &Manifest) -> Plan {
    let mut plan = Plan::default();
    for file in local {
        plan.manifest
            .files
            .insert(file.path.clone(), file.entry.clone());
        match remote.files.get(&file.path) {
            Some(entry) if *entry == file.entry => plan.unchanged += 1,
            Some(_) => plan.uploads.push((file.clone(), "changed")),
            None => plan.uploads.push((file.clone(), "new")),
        }
    }
    plan.uploads
        .sort_by_key(|(file, _)| (stage(&file.path), file.path.clone()));
    plan.deletions = remote
        .files
        .iter()
        .filter(|(path, _)| !plan.manifest.files.contains_key(*path))
        .map(|(path, entry)| (path.clone(), entry.size))
        .collect();
    plan
}

/// When a file goes up: 0 what pages use (media, assets, static files, the search index),
/// 1 pages, 2 the sitemap and the feed, which announce pages.
fn stage(path: &str) -> u8 {
    match path {
        "sitemap.xml" | "feed.xml" => 2,
        p if p.ends_with(".html") => 1,
        _ => 0,
    }
}

/// The Cache-Control header of a published file: content-hashed media and assets (whose
/// URLs carry their hash) cached for a year, pages and feeds revalidated every time.
pub fn cache_control(path: &str) -> &'static str {
    let text = [".html", ".xml", ".json", ".txt"]
        .iter()
        .any(|ext| path.ends_with(ext));
    if path.starts_with("media/") || path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else if text {
        "public, max-age=0, must-revalidate"
    } else {
        "public, max-age=3600"
    }
}

/// A file of the built site that cannot be read.
pub fn cannot_read(path: &Path, error: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::new(
        path,
        crate::tr!("deploy-cannot-read", error = error.to_string()),
    )
}

/// Stops a plan with more deletions than the target allows, unless forced.
fn check_deletions(plan: &Plan, target: &DeployTarget, force: bool) -> Result<(), Diagnostic> {
    if plan.deletions.len() <= target.max_deletes || force {
        return Ok(());
    }
    Err(Diagnostic::new(
        PathBuf::from(crate::layout::SITE_CONFIG),
        crate::tr!(
            "deploy-too-many-deletions",
            count = plan.deletions.len(),
            target = &target.name,
            max = target.max_deletes
        ),
    )
    .hint(crate::tr!("deploy-too-many-deletions-hint")))
}

/// The changes a plan makes, uploads first, as the summary lists them.
fn changes(plan: &Plan) -> Vec<Change> {
    let uploads = plan.uploads.iter().map(|(file, what)| Change {
        path: file.path.clone(),
        bytes: file.entry.size,
        what,
    });
    let deletions = plan.deletions.iter().map(|(path, bytes)| Change {
        path: path.clone(),
        bytes: *bytes,
        what: "delete",
    });
    uploads.chain(deletions).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, hash: &str) -> LocalFile {
        LocalFile {
            path: path.into(),
            file: PathBuf::from(path),
            entry: Entry {
                hash: hash.into(),
                size: 10,
            },
        }
    }

    #[test]
    fn media_go_up_before_pages_and_pages_before_the_sitemap_and_feed() {
        let local = [
            file("feed.xml", "f"),
            file("index.html", "i"),
            file("sitemap.xml", "s"),
            file("media/a.jpg", "a"),
            file("laureates/x/index.html", "x"),
            file("assets/laurel.css", "c"),
        ];
        let plan = plan(&local, &Manifest::default());
        let order: Vec<&str> = plan.uploads.iter().map(|(f, _)| f.path.as_str()).collect();
        assert_eq!(
            order,
            [
                "assets/laurel.css",
                "media/a.jpg",
                "index.html",
                "laureates/x/index.html",
                "feed.xml",
                "sitemap.xml"
            ]
        );
    }

    #[test]
    fn only_new_and_changed_files_go_up_and_gone_ones_are_deleted() {
        let mut remote = Manifest::default();
        for (path, hash) in [("a.html", "1"), ("b.html", "2"), ("gone.html", "3")] {
            remote.files.insert(
                path.into(),
                Entry {
                    hash: hash.into(),
                    size: 10,
                },
            );
        }
        let plan = plan(
            &[
                file("a.html", "1"),
                file("b.html", "9"),
                file("c.html", "4"),
            ],
            &remote,
        );
        let uploads: Vec<_> = plan
            .uploads
            .iter()
            .map(|(f, what)| (f.path.as_str(), *what))
            .collect();
        assert_eq!(uploads, [("b.html", "changed"), ("c.html", "new")]);
        assert_eq!(plan.deletions, [("gone.html".to_string(), 10)]);
        assert_eq!(plan.unchanged, 1);
    }

    #[test]
    fn hashed_files_are_immutable_and_pages_revalidated() {
        assert!(cache_control("media/ab12.jpg").contains("immutable"));
        assert!(cache_control("assets/laurel.css").contains("immutable"));
        assert!(cache_control("index.html").contains("max-age=0"));
        assert!(cache_control("feed.xml").contains("must-revalidate"));
        assert_eq!(cache_control("favicon.svg"), "public, max-age=3600");
    }
}
