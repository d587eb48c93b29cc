//! Writing a candidate's planned files into its laureate folder, never over an editor's work:
//! each folder keeps a record of what import last wrote there ([`RECORD_FILE`]: file → content
//! hash). A file is rewritten only when nobody changed it since; when an editor changed it and
//! the received material did not change either, the editor's copy is simply kept; only when
//! both changed is it a conflict.

use super::{Action, FileAction};
use crate::diagnostics::Diagnostic;
use crate::finding::Finding;
use crate::said;
use std::collections::BTreeMap;
use std::path::Path;

/// The record of what import wrote into a laureate folder: file (relative) → content hash.
pub const RECORD_FILE: &str = ".laurel-import.json";

/// One file to write into a laureate folder.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The received file it comes from: for the profile the 推荐表 (`汇总表` when only its row
    /// named the candidate), for the story the 事迹材料 or the 推荐表.
    pub from: String,
    /// Where it goes, relative to the laureate folder.
    pub to: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// What to do with one planned file, from the hashes of the file now (`current`), of what
/// import wrote last time (`written`) and of what it would write now (`new`).
fn action(current: Option<&str>, written: Option<&str>, new: &str) -> Action {
    match (current, written) {
        // Import wrote it, an editor removed or renamed it, and nothing new came: left so.
        (None, Some(written)) if written == new => Action::Kept,
        (None, _) => Action::New,
        (Some(now), _) if now == new => Action::Unchanged,
        (Some(now), Some(written)) if now == written => Action::Updated,
        // The editor changed it, and what was received is what was imported last time.
        (Some(_), Some(written)) if written == new => Action::Kept,
        (Some(_), _) => Action::Conflict,
    }
}

/// Writes the planned files into `folder` unless `dry_run` (see the module's rules); the
/// action taken for each file.
pub fn write_planned(
    folder: &Path,
    planned: &[Planned],
    dry_run: bool,
    problems: &mut Vec<Finding>,
) -> Vec<FileAction> {
    let record_path = folder.join(RECORD_FILE);
    let mut record: BTreeMap<String, String> = std::fs::read(&record_path)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
        .unwrap_or_default();
    let mut actions = Vec::new();
    for file in planned {
        let target = folder.join(&file.to);
        let new_hash = hash(&file.bytes);
        let current = std::fs::read(&target).ok().map(|b| hash(&b));
        let action = action(
            current.as_deref(),
            record.get(&file.to).map(String::as_str),
            &new_hash,
        );
        if action == Action::Conflict {
            let said = said!("import-conflict", from = &file.from);
            problems.push(super::warning(Diagnostic::said(&target, said)));
        }
        if !dry_run && matches!(action, Action::New | Action::Updated) {
            match write_file(&target, &file.bytes) {
                Ok(()) => {
                    record.insert(file.to.clone(), new_hash);
                }
                Err(e) => problems.push(super::error(Diagnostic::said(
                    &target,
                    said!("import-cannot-write", why = e.to_string()),
                ))),
            }
        }
        actions.push(FileAction {
            from: file.from.clone(),
            to: file.to.clone(),
            action,
        });
    }
    if !dry_run {
        let json = serde_json::to_vec_pretty(&record).expect("records serialise");
        if let Err(e) = write_file(&record_path, &json) {
            problems.push(super::error(Diagnostic::said(
                &record_path,
                said!("import-cannot-write-record", why = e.to_string()),
            )));
        }
    }
    actions
}

fn write_file(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(target, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_change_on_both_sides_is_a_conflict() {
        assert_eq!(action(None, None, "a"), Action::New);
        assert_eq!(
            action(None, Some("a"), "a"),
            Action::Kept,
            "renamed by an editor"
        );
        assert_eq!(
            action(None, Some("a"), "b"),
            Action::New,
            "removed, then sent anew"
        );
        assert_eq!(action(Some("a"), Some("a"), "a"), Action::Unchanged);
        assert_eq!(action(Some("a"), Some("a"), "b"), Action::Updated);
        assert_eq!(action(Some("edited"), Some("a"), "a"), Action::Kept);
        assert_eq!(action(Some("edited"), Some("a"), "b"), Action::Conflict);
        assert_eq!(action(Some("someone's"), None, "b"), Action::Conflict);
    }
}
