//! The `folder` target: a web server's document root, replaced as a whole. The new tree is
//! made beside the old one (unchanged files hard-linked from it, others copied from
//! `public/`), then swapped in; a deploy that fails on the way leaves the old tree serving.

use super::{changes, check_deletions, local_files, plan, Change, DeployOptions, LocalFile};
use super::{Manifest, MANIFEST};
use crate::config::DeployTarget;
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// Deploys `local` to the folder target; returns the changes, the unchanged count and the
/// requests made (none).
pub fn deploy(
    target: &DeployTarget,
    local: &[LocalFile],
    options: &DeployOptions,
) -> Result<(Vec<Change>, usize, usize), Diagnostic> {
    if target.path.is_empty() {
        return Err(Diagnostic::new(
            options.root.join(crate::layout::SITE_CONFIG),
            crate::tr!("deploy-no-path", target = &target.name),
        )
        .hint(crate::tr!("deploy-no-path-hint")));
    }
    let dest = options.root.join(&target.path);
    let remote = current_manifest(&dest)?;
    let plan = plan(local, &remote);
    check_deletions(&plan, target, options.force)?;
    let made = changes(&plan);
    if options.dry_run || (plan.uploads.is_empty() && plan.deletions.is_empty()) {
        return Ok((made, plan.unchanged, 0));
    }
    let staging = dest.with_file_name(format!(
        ".{}.laurel-deploy-{}",
        dest.file_name()
            .map_or("site".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    let result = fill(&staging, &dest, local, &plan.manifest, &remote, options).and_then(|()| {
        crate::output::swap_in(&staging, &dest).map_err(|e| {
            Diagnostic::new(
                &dest,
                crate::tr!("deploy-cannot-swap", error = e.to_string()),
            )
        })
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result.map(|()| (made, plan.unchanged, 0))
}

/// What the folder holds: its manifest, or (when it was filled otherwise) its files hashed.
fn current_manifest(dest: &Path) -> Result<Manifest, Diagnostic> {
    if !dest.exists() {
        return Ok(Manifest::default());
    }
    if let Ok(json) = std::fs::read(dest.join(MANIFEST)) {
        if let Ok(manifest) = serde_json::from_slice(&json) {
            return Ok(manifest);
        }
    }
    let files = local_files(dest)?
        .into_iter()
        .filter(|f| f.path != MANIFEST)
        .map(|f| (f.path, f.entry))
        .collect();
    Ok(Manifest { files })
}

fn fill(
    staging: &Path,
    dest: &Path,
    local: &[LocalFile],
    manifest: &Manifest,
    remote: &Manifest,
    options: &DeployOptions,
) -> Result<(), Diagnostic> {
    let _ = std::fs::remove_dir_all(staging);
    options.cancel.reach(super::Step::Upload)?;
    for (n, file) in local.iter().enumerate() {
        options.cancel.check()?;
        let to = staging.join(&file.path);
        let old: PathBuf = dest.join(&file.path);
        let unchanged = remote.files.get(&file.path) == Some(&file.entry) && old.is_file();
        let made =
            std::fs::create_dir_all(to.parent().expect("a file has a folder")).and_then(|()| {
                match unchanged {
                    true => crate::output::link_or_copy(&old, &to),
                    false => std::fs::copy(&file.file, &to).map(|_| ()),
                }
            });
        made.map_err(|e| {
            let (to, error) = (to.display().to_string(), e.to_string());
            Diagnostic::new(
                &file.file,
                crate::tr!("deploy-cannot-copy", to = to, error = error),
            )
        })?;
        if let Some(progress) = &options.progress {
            progress(n + 1, local.len());
        }
    }
    let json = serde_json::to_vec_pretty(manifest).expect("manifest serialises");
    std::fs::write(staging.join(MANIFEST), json).map_err(|e| {
        Diagnostic::new(
            staging,
            crate::tr!("deploy-cannot-write-manifest", error = e.to_string()),
        )
    })
}
