//! 接收材料: nominations received in the browser. The files the editor drops (folders, `.zip`
//! files, 推荐表, 汇总表, photos) are streamed into a staging folder of their own,
//! `.laurel-studio/inbox/<time>/`, beside the studio's history and outside `content/` (so
//! check, build and import's own records never see it); import's dry run over that folder is
//! the plan the page shows; 「确认导入」 runs the same import for real, 「放弃」 deletes the
//! folder. Nothing is written to the campaign before the editor confirms.
//!
//! Limits: one file at most [`MAX_FILE_BYTES`], one batch at most [`MAX_BATCH_BYTES`] and
//! [`MAX_BATCH_FILES`] files (import reads a batch into memory). A file's path is kept as its
//! folders and name, each part sanitised ([`staged_path`]); entries of a zip that would leave
//! it are refused by import itself.

use super::{files, save, Answer};
use crate::campaign::Campaign;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The staging folders, relative to the site folder.
pub const INBOX_DIR: &str = ".laurel-studio/inbox";

/// The largest file received: 600 MB (a unit's zip with its videos).
pub const MAX_FILE_BYTES: u64 = 600 << 20;

/// The most one batch holds: 1 GB.
pub const MAX_BATCH_BYTES: u64 = 1 << 30;

/// The most files one batch holds.
pub const MAX_BATCH_FILES: usize = 2000;

/// The deepest folder path kept for a received file.
const MAX_DEPTH: usize = 8;

/// One import at a time, and no batch made while one is being read.
static IMPORTING: Mutex<()> = Mutex::new(());

/// Whether a request is a received file, whose body is streamed rather than read whole.
pub fn is_upload(method: &str, path: &str) -> bool {
    method == "POST" && path == "/api/receive/file"
}

/// `GET /api/receive`: the limits, and the batches received but neither imported nor
/// discarded (oldest first), so that a page opened again finds its plan.
pub fn status(root: &Path) -> Answer {
    let mut pending: Vec<String> = std::fs::read_dir(root.join(INBOX_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| batch_dir(root, name).is_some())
        .collect();
    pending.sort();
    Answer::json(&serde_json::json!({
        "pending": pending,
        "limits": { "file_mb": MAX_FILE_BYTES >> 20, "batch_mb": MAX_BATCH_BYTES >> 20, "files": MAX_BATCH_FILES },
    }))
}

/// `POST /api/receive`: a new, empty batch → 201 `{"batch": "<time>"}`.
pub fn open(root: &Path) -> Answer {
    let inbox = root.join(INBOX_DIR);
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let _held = IMPORTING.lock().unwrap_or_else(|e| e.into_inner());
    let batch = (millis..)
        .map(|n| format!("{n:014}"))
        .find(|name| !inbox.join(name).exists())
        .expect("a free name");
    match std::fs::create_dir_all(inbox.join(&batch)) {
        Ok(()) => Answer::json_status(201, &serde_json::json!({ "batch": batch })),
        Err(e) => failed(&e),
    }
}

/// `POST /api/receive/file?batch=…&path=…` with the file as the body: 201 with the path it
/// was kept under (`{"path": "城区科协/王芳/推荐表.docx"}`), else 4xx saying why.
pub fn file(
    root: &Path,
    batch: &str,
    rel: &str,
    length: Option<u64>,
    body: &mut dyn Read,
) -> Answer {
    let Some(dir) = batch_dir(root, batch) else {
        return Answer::not_found();
    };
    let Some(staged) = staged_path(rel) else {
        return save::bad_request();
    };
    let (used, count) = usage(&dir);
    if count >= MAX_BATCH_FILES {
        return refusal(
            413,
            crate::tr!("studio-receive-too-many", limit = MAX_BATCH_FILES),
        );
    }
    let allowed = MAX_FILE_BYTES.min(MAX_BATCH_BYTES.saturating_sub(used));
    if length.is_some_and(|n| n > allowed) {
        return too_large();
    }
    let rel = format!("{INBOX_DIR}/{batch}/{}", slashed(&staged));
    let Some(target) = files::inside(root, &rel).filter(|t| t.starts_with(&dir)) else {
        return save::bad_request();
    };
    match write_new(&target, allowed, body) {
        Ok(true) => Answer::json_status(201, &serde_json::json!({ "path": slashed(&staged) })),
        Ok(false) => too_large(),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => refusal(
            409,
            crate::tr!("studio-receive-twice", name = slashed(&staged)),
        ),
        Err(e) => failed(&e),
    }
}

/// `GET /api/receive/plan?batch=…`: the files received and import's dry run over them.
pub fn plan(root: &Path, batch: &str) -> Answer {
    let Some(dir) = batch_dir(root, batch) else {
        return Answer::not_found();
    };
    let _held = IMPORTING.lock().unwrap_or_else(|e| e.into_inner());
    let report = Campaign::newest(root).import(sources(&dir), true);
    Answer::json(&serde_json::json!({
        "batch": batch,
        "files": received(&dir),
        "report": shown(&report, &dir),
    }))
}

/// `POST /api/receive/confirm` `{"batch": …}`: the same import, for real; the batch is
/// deleted after it and the report answered.
pub fn confirm(root: &Path, body: &[u8]) -> Answer {
    let Some(dir) = batch_in(root, body) else {
        return Answer::not_found();
    };
    let _held = IMPORTING.lock().unwrap_or_else(|e| e.into_inner());
    let report = Campaign::newest(root).import(sources(&dir), false);
    let answer = Answer::json(&serde_json::json!({ "report": shown(&report, &dir) }));
    let _ = std::fs::remove_dir_all(&dir);
    answer
}

/// `POST /api/receive/discard` `{"batch": …}`: the batch deleted, nothing imported.
pub fn discard(root: &Path, body: &[u8]) -> Answer {
    let Some(dir) = batch_in(root, body) else {
        return Answer::not_found();
    };
    let _held = IMPORTING.lock().unwrap_or_else(|e| e.into_inner());
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => Answer::json(&serde_json::json!({ "discarded": true })),
        Err(e) => failed(&e),
    }
}

/// The batch a request's `{"batch": …}` names.
fn batch_in(root: &Path, body: &[u8]) -> Option<PathBuf> {
    #[derive(serde::Deserialize)]
    struct Named {
        batch: String,
    }
    let named: Named = serde_json::from_slice(body).ok()?;
    batch_dir(root, &named.batch)
}

/// The staging folder of `batch` (digits only), when it exists inside the site.
fn batch_dir(root: &Path, batch: &str) -> Option<PathBuf> {
    let digits = !batch.is_empty() && batch.bytes().all(|b| b.is_ascii_digit());
    let dir = files::inside(root, &format!("{INBOX_DIR}/{batch}"))?;
    (digits && dir.is_dir() && dir.starts_with(root.join(INBOX_DIR))).then_some(dir)
}

/// A received file's path made safe: its folders and name, each without control characters,
/// at most 120 characters, made a Windows-safe name (so `..` becomes `_`), at most
/// [`MAX_DEPTH`] deep. `None` when nothing is left.
pub fn staged_path(rel: &str) -> Option<PathBuf> {
    let parts: Vec<String> = rel
        .split(['/', '\\'])
        .filter(|part| !part.is_empty() && *part != ".")
        .map(|part| {
            let clean: String = part.chars().filter(|c| !c.is_control()).take(120).collect();
            crate::naming::windows_safe(clean.trim())
        })
        .collect();
    let keep = parts.len().saturating_sub(MAX_DEPTH);
    (!parts.is_empty()).then(|| parts[keep..].iter().collect())
}

/// The body into a new file at `target`; `false` (and no file) when it is over `limit`.
fn write_new(target: &Path, limit: u64, body: &mut dyn Read) -> std::io::Result<bool> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)?;
    let written = std::io::copy(&mut body.take(limit + 1), &mut file);
    drop(file);
    match written {
        Ok(n) if n <= limit => Ok(true),
        other => {
            let _ = std::fs::remove_file(target);
            other.map(|_| false)
        }
    }
}

/// The bytes and the number of files a batch holds.
fn usage(dir: &Path) -> (u64, usize) {
    walk(dir).fold((0, 0), |(bytes, n), (_, size)| (bytes + size, n + 1))
}

/// Every file of a batch with its size, in natural order of paths.
fn walk(dir: &Path) -> impl Iterator<Item = (PathBuf, u64)> {
    let mut found: Vec<(PathBuf, u64)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let size = e.metadata().map_or(0, |m| m.len());
            (e.into_path(), size)
        })
        .collect();
    found.sort_by(|a, b| {
        crate::content::natural::natural_cmp(&a.0.to_string_lossy(), &b.0.to_string_lossy())
    });
    found.into_iter()
}

/// The received files as the page lists them: path in the batch, size, and whether import
/// leaves it out as junk (`.DS_Store`, `Thumbs.db`, `~$` lock files, hidden files).
fn received(dir: &Path) -> Vec<serde_json::Value> {
    walk(dir)
        .map(|(path, bytes)| {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let junk = rel.iter().any(|part| {
                let part = part.to_string_lossy();
                part.starts_with('.') || crate::layout::is_junk(&part)
            });
            serde_json::json!({ "path": slashed(rel), "bytes": bytes, "junk": junk })
        })
        .collect()
}

/// What import is given: each thing dropped (a folder, a zip, a loose file) as one source,
/// as `laurel import` takes its arguments, so that a unit's files are assigned together.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut tops: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    tops.sort_by(|a, b| {
        crate::content::natural::natural_cmp(&a.to_string_lossy(), &b.to_string_lossy())
    });
    tops
}

/// The report as JSON, every received file named by its path in the batch (not the staging
/// folder's path on disk).
fn shown(report: &crate::import::ImportReport, dir: &Path) -> serde_json::Value {
    let mut value = serde_json::to_value(report).expect("the report serialises");
    let prefix = dir.to_string_lossy().into_owned();
    strip_prefix(&mut value, &prefix);
    value
}

fn strip_prefix(value: &mut serde_json::Value, prefix: &str) {
    match value {
        serde_json::Value::String(text) => {
            if let Some(rest) = text.strip_prefix(prefix) {
                *text = rest.trim_start_matches(['/', '\\']).to_string();
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| strip_prefix(v, prefix)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| strip_prefix(v, prefix)),
        _ => {}
    }
}

/// A relative path with `/` between its parts.
fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// 413 naming the limits.
fn too_large() -> Answer {
    refusal(
        413,
        crate::tr!(
            "studio-receive-too-large",
            file = MAX_FILE_BYTES >> 20,
            batch = MAX_BATCH_BYTES >> 20
        ),
    )
}

/// 500: the staging folder could not be written.
fn failed(e: &std::io::Error) -> Answer {
    refusal(500, crate::tr!("studio-upload-failed", why = e.to_string()))
}

/// A refusal the page shows as it is: `{"error": …}`.
fn refusal(status: u16, message: String) -> Answer {
    Answer::json_status(status, &serde_json::json!({ "error": message }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn received_paths_keep_their_folders_and_stay_inside() {
        let shown = |rel: &str| staged_path(rel).map(|p| slashed(&p));
        assert_eq!(
            shown("城区科协/王芳/推荐表.docx").as_deref(),
            Some("城区科协/王芳/推荐表.docx")
        );
        assert_eq!(shown("../../x.zip").as_deref(), Some("_/_/x.zip"));
        assert_eq!(shown("/etc/passwd").as_deref(), Some("etc/passwd"));
        assert_eq!(
            shown("C:\\a\u{0}b\\c?.jpg").as_deref(),
            Some("C：/ab/c？.jpg")
        );
        assert_eq!(shown("./"), None);
        let deep = "a/".repeat(20) + "x.jpg";
        assert_eq!(staged_path(&deep).unwrap().iter().count(), MAX_DEPTH);
    }

    #[test]
    fn a_file_over_the_limit_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a/b.zip");
        assert!(write_new(&target, 4, &mut &b"1234"[..]).unwrap());
        assert_eq!(std::fs::read(&target).unwrap(), b"1234");
        let other = dir.path().join("c.zip");
        assert!(!write_new(&other, 4, &mut &b"12345"[..]).unwrap());
        assert!(!other.exists());
        let again = write_new(&target, 4, &mut &b"x"[..]).unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
    }
}
