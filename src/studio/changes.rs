//! The 修改记录 screen: every change the studio made, across all files, newest first. Each
//! earlier version [`super::save`] kept is one change: the file, the time it was replaced,
//! and what changed (the lines that went and the lines that came, from that version to the
//! next one, or to the file as it is now). Going back to one is [`super::save::back`]'s
//! 「恢复」, which keeps the text it replaces as a change of its own.

use super::{save, Answer};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How many changes the list shows at most (the newest).
pub const CHANGES_SHOWN: usize = 500;

/// How many lines that went and came a change shows at most.
const LINES_SHOWN: usize = 4;

/// One change of one file.
#[derive(Debug, Serialize)]
struct Change {
    /// The file, relative to the site folder.
    path: String,
    /// The earlier version's id in the history (the time it was replaced, in milliseconds
    /// since 1970): 「恢复」 brings it back.
    id: String,
    /// The file's version now, for 「恢复」 to send.
    version: String,
    /// Lines the change took out (the first [`LINES_SHOWN`]).
    removed: Vec<String>,
    /// Lines the change put in (the first [`LINES_SHOWN`]).
    added: Vec<String>,
    /// How many lines went and came in all.
    lines: usize,
}

/// `GET /api/changes`: the studio's changes to every file, newest first.
pub fn list(root: &Path) -> Answer {
    let history = root.join(save::HISTORY_DIR);
    let folders = walkdir::WalkDir::new(&history)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir());
    let mut changes = Vec::new();
    for folder in folders {
        let rel = save::relative(&history, folder.path());
        if let Some(file) = save::writable(root, &rel) {
            changes.extend(changes_of(root, &file, folder.path()));
        }
    }
    changes.sort_by(|a, b| b.id.cmp(&a.id).then_with(|| a.path.cmp(&b.path)));
    changes.truncate(CHANGES_SHOWN);
    Answer::json(&serde_json::json!({ "changes": changes }))
}

/// The changes of the file at `file` whose earlier versions are in `folder`.
fn changes_of(root: &Path, file: &Path, folder: &Path) -> Vec<Change> {
    let entries = save::entries(folder);
    if entries.is_empty() {
        return Vec::new();
    }
    let now = save::read(root, file);
    let mut after = now.text.clone();
    let mut changes = Vec::new();
    for entry in entries {
        let bytes = std::fs::read(folder.join(&entry.id)).unwrap_or_default();
        let before = String::from_utf8_lossy(&bytes).into_owned();
        let (removed, added) = lines_changed(&before, &after);
        changes.push(Change {
            path: now.path.clone(),
            id: entry.id,
            version: now.version.clone(),
            lines: removed.len() + added.len(),
            removed: removed.into_iter().take(LINES_SHOWN).collect(),
            added: added.into_iter().take(LINES_SHOWN).collect(),
        });
        after = before;
    }
    changes
}

/// The lines of `before` that `after` does not have, and those of `after` that `before` does
/// not have (counted, so that a line written twice and kept once is one that went); blank
/// lines left out.
fn lines_changed(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let count = |text: &str| {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for line in text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
        {
            *counts.entry(line.to_string()).or_default() += 1;
        }
        counts
    };
    let (old, new) = (count(before), count(after));
    let only = |text: &str, theirs: &BTreeMap<String, usize>| {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        text.lines()
            .map(str::trim_end)
            .filter(|line| {
                let n = seen.entry(line).or_default();
                *n += 1;
                !line.trim().is_empty() && *n > theirs.get(*line).copied().unwrap_or(0)
            })
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    (only(before, &new), only(after, &old))
}

#[cfg(test)]
mod tests {
    use super::lines_changed;

    #[test]
    fn a_change_is_the_lines_that_went_and_came_in_their_order() {
        let before = "name: 王芳\norganization: 市农科院\n\nquote: 一\nquote: 一\n";
        let after = "name: 王芳\norganization: 市农业科学院\nquote: 一\n";
        let (removed, added) = lines_changed(before, after);
        assert_eq!(removed, ["organization: 市农科院", "quote: 一"]);
        assert_eq!(added, ["organization: 市农业科学院"]);
    }
}
