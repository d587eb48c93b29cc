//! 发布: the built site published to a target of site.yaml, as `laurel deploy` publishes it.
//!
//! `GET /api/deploy` lists the targets (where each publishes, whether it needs a key typed in,
//! its deletion limit) and whether the site is built. `POST /api/deploy` runs the library's
//! deploy as one of the studio's long operations ([`super::jobs`]): first a plan (the dry run:
//! uploads and deletions, nothing changed), then, once the editor confirms, the deploy itself.
//! A key typed in the page comes with each of the two requests and lives only in that run's
//! options: it is never written (not to the site, the cache or the studio's history) and
//! never sent back to the page.

use super::jobs::{Ended, Jobs};
use super::{save, Answer};
use crate::campaign::Campaign;
use crate::config::{DeployKind, DeployTarget};
use crate::deploy::{AccessKey, DeployOptions, Summary};
use serde::Deserialize;
use std::path::Path;

/// The changes a plan lists one by one; the rest are counted.
const LISTED_CHANGES: usize = 200;

/// `GET /api/deploy`: the targets, and whether there is a built site to publish.
pub fn targets(root: &Path) -> Answer {
    let campaign = Campaign::newest(root);
    let config = match campaign.config() {
        Ok(config) => config,
        Err(problems) => return Answer::json_status(422, &save::error(&problems.to_string())),
    };
    let targets: Vec<_> = config.deploy.iter().map(target_json).collect();
    Answer::json(&serde_json::json!({
        "built": campaign.root().join("public").is_dir(),
        "targets": targets,
    }))
}

/// What the page is told of a target: never a key, only whether one must be typed.
fn target_json(target: &DeployTarget) -> serde_json::Value {
    let place = match target.kind {
        DeployKind::S3 => format!("{} · {}/{}", target.endpoint, target.bucket, target.prefix),
        DeployKind::Folder => target.path.clone(),
    };
    serde_json::json!({
        "name": target.name,
        "kind": match target.kind { DeployKind::S3 => "s3", DeployKind::Folder => "folder" },
        "place": place,
        "needs_key": crate::deploy::needs_key(target),
        "max_deletes": target.max_deletes,
    })
}

/// What the page sends to plan or publish.
#[derive(Deserialize)]
struct Request {
    /// The target's name.
    target: String,
    /// Plan only (the dry run).
    plan: bool,
    /// Allow more deletions than the target's limit (the editor confirmed them).
    #[serde(default)]
    force: bool,
    /// A key typed in the page, when the environment holds none.
    key_id: Option<String>,
    /// Its secret.
    secret: Option<String>,
}

/// `POST /api/deploy`: the plan, or the deploy, started as the studio's long operation.
pub fn start(jobs: &Jobs, root: &Path, body: &[u8]) -> Answer {
    let Ok(request) = serde_json::from_slice::<Request>(body) else {
        return save::bad_request();
    };
    let key = match (request.key_id, request.secret) {
        (Some(id), Some(secret)) if !id.trim().is_empty() && !secret.is_empty() => {
            Some(AccessKey {
                id: id.trim().to_string(),
                secret,
            })
        }
        _ => None,
    };
    let campaign = Campaign::newest(root);
    let kind = if request.plan { "plan" } else { "deploy" };
    let target = request.target;
    jobs.start(kind, Some(target.clone()), move |progress, cancel| {
        let options = DeployOptions {
            public: campaign.root().join("public"),
            target: Some(target),
            dry_run: request.plan,
            // A plan lists every deletion; the limit is the page's to enforce before confirming.
            force: request.force || request.plan,
            progress: Some(progress),
            cancel: cancel.clone(),
            key,
            ..DeployOptions::default()
        };
        match campaign.deploy(options) {
            Ok(summary) => Ended::done(summary_json(&summary), Vec::new()),
            Err(problems) => Ended::failed(&problems, &cancel),
        }
    })
}

/// A deploy's summary for the page: counts, and the first changes one by one.
fn summary_json(summary: &Summary) -> serde_json::Value {
    let changes: Vec<_> = summary
        .changes
        .iter()
        .take(LISTED_CHANGES)
        .map(|c| serde_json::json!({"path": c.path, "bytes": c.bytes, "what": c.what}))
        .collect();
    serde_json::json!({
        "target": summary.target,
        "uploaded": summary.uploaded(),
        "uploaded_bytes": summary.uploaded_bytes(),
        "deleted": summary.deleted(),
        "unchanged": summary.unchanged,
        "changes": changes,
        "listed": changes.len(),
        "all_changes": summary.changes.len(),
        "dry_run": summary.dry_run,
    })
}
