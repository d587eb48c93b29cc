//! The studio's one way of writing a file of the site. Every read hands out the file's
//! version (a hash of its bytes); every write sends it back and is refused with 409, with both
//! texts, when the file changed on disk since (a text editor, a re-import): nothing is ever
//! overwritten unseen. A write goes to a temporary file in the same folder, then replaces the
//! file by a rename, and the earlier bytes go to the studio's history,
//! `.laurel-studio/history/<path>/`, outside `content/` (so check, import, build and the
//! build's fingerprint never see it), from where undo and 「恢复」 bring them back.
//!
//! Only files under `content/` and `site.yaml` are written, each path resolved inside the site
//! folder by [`files::inside`].

use super::{files, Answer};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The studio's history, relative to the site folder.
pub const HISTORY_DIR: &str = ".laurel-studio/history";

/// How many earlier versions of one file are kept.
pub const HISTORY_KEPT: usize = 100;

/// One write at a time: a version checked is still the version replaced.
static WRITING: Mutex<()> = Mutex::new(());

/// A file's text and version, as a read hands them out.
#[derive(Debug, Serialize)]
pub struct Source {
    /// The path relative to the site folder.
    pub path: String,
    /// The text (empty when the file does not exist).
    pub text: String,
    /// Its version, to send back with a write.
    pub version: String,
}

/// The version of a file's bytes (`""` for a file that does not exist).
pub fn version(bytes: Option<&[u8]>) -> String {
    bytes.map_or(String::new(), |b| {
        blake3::hash(b).to_hex().as_str()[..24].to_string()
    })
}

/// `rel` resolved, when the studio may write it: under `content/` or `site.yaml`, and not a
/// file computers leave behind.
pub fn writable(root: &Path, rel: &str) -> Option<PathBuf> {
    let path = files::inside(root, rel)?;
    let allowed = path.starts_with(root.join(crate::layout::CONTENT_DIR))
        || path == root.join(crate::layout::SITE_CONFIG);
    let junk = crate::layout::is_junk_path(path.strip_prefix(root).ok()?);
    (allowed && !junk && path != root.join(crate::layout::CONTENT_DIR)).then_some(path)
}

/// `GET /api/source?path=…`: the text and version of a writable file.
pub fn source(root: &Path, rel: &str) -> Answer {
    match writable(root, rel) {
        Some(path) => Answer::json(&read(root, &path)),
        None => not_writable(),
    }
}

/// The file at `path` (resolved) as a [`Source`].
pub fn read(root: &Path, path: &Path) -> Source {
    let bytes = std::fs::read(path).ok();
    Source {
        path: relative(root, path),
        text: bytes
            .as_deref()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default(),
        version: version(bytes.as_deref()),
    }
}

/// A write the page sends: the whole new text and the version it was made from.
#[derive(Debug, Deserialize)]
pub struct Write {
    /// The path relative to the site folder.
    pub path: String,
    /// The new text.
    pub text: String,
    /// The version the page read (`""`: the page expects no file).
    pub version: String,
}

/// `POST /api/source`: writes a whole text (also the choice 「用我的」 after a conflict).
pub fn save(root: &Path, body: &[u8]) -> Answer {
    let Ok(write) = serde_json::from_slice::<Write>(body) else {
        return bad_request();
    };
    match writable(root, &write.path) {
        Some(path) => answer(write_checked(root, &path, &write.text, &write.version)),
        None => not_writable(),
    }
}

/// Writes `text` to `path` (resolved, writable) if its bytes are still of `expected`'s
/// version, keeping the earlier bytes in the history. `Err` is the 409 with both texts.
pub fn write_checked(
    root: &Path,
    path: &Path,
    text: &str,
    expected: &str,
) -> Result<Source, Answer> {
    write(root, path, text, expected, true)
}

/// [`write_checked`], keeping the earlier bytes in the history only when `keep` (not for undo,
/// whose earlier bytes are the change undone).
fn write(
    root: &Path,
    path: &Path,
    text: &str,
    expected: &str,
    keep: bool,
) -> Result<Source, Answer> {
    let _one = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let current = std::fs::read(path).ok();
    if version(current.as_deref()) != expected {
        return Err(conflict(root, path, text, current.as_deref()));
    }
    if current.as_deref() != Some(text.as_bytes()) {
        if let Some(old) = current.as_ref().filter(|_| keep) {
            remember(root, path, old).map_err(cannot_write)?;
        }
        replace(path, text.as_bytes()).map_err(cannot_write)?;
    }
    Ok(read(root, path))
}

/// `path`'s bytes replaced by a temporary file in the same folder and a rename.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().ok_or(std::io::ErrorKind::NotFound)?;
    std::fs::create_dir_all(folder)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // `*.tmp` is junk to every listing of the site, should one be left behind.
    let temporary = folder.join(format!(".{name}.laurel-studio.tmp"));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// The history folder of the file at `path`.
pub(super) fn history_of(root: &Path, path: &Path) -> PathBuf {
    root.join(HISTORY_DIR)
        .join(path.strip_prefix(root).unwrap_or(path))
}

/// Keeps `bytes` as the newest earlier version of `path`; the oldest beyond
/// [`HISTORY_KEPT`] go.
fn remember(root: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = history_of(root, path);
    std::fs::create_dir_all(&folder)?;
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let newest = entries(&folder).first().map(|e| e.id.clone());
    let mut id = format!("{millis:014}");
    if newest.as_deref() >= Some(id.as_str()) {
        id = format!(
            "{:014}",
            newest.and_then(|n| n.parse::<u128>().ok()).unwrap_or(0) + 1
        );
    }
    std::fs::write(folder.join(&id), bytes)?;
    for old in entries(&folder).iter().skip(HISTORY_KEPT) {
        std::fs::remove_file(folder.join(&old.id))?;
    }
    Ok(())
}

/// An earlier version of a file.
#[derive(Debug, Serialize)]
pub(super) struct Entry {
    /// Its name in the history (the time it was replaced, in milliseconds since 1970).
    pub(super) id: String,
    /// Its size in bytes.
    pub(super) bytes: u64,
}

/// The history in `folder`, newest first.
pub(super) fn entries(folder: &Path) -> Vec<Entry> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let id = e.file_name().to_string_lossy().into_owned();
            let bytes = e.metadata().ok()?.len();
            id.bytes()
                .all(|b| b.is_ascii_digit())
                .then_some(Entry { id, bytes })
        })
        .collect();
    entries.sort_by(|a, b| b.id.cmp(&a.id));
    entries
}

/// `GET /api/history?path=…`: the earlier versions of a file, newest first.
pub fn history(root: &Path, rel: &str) -> Answer {
    match writable(root, rel) {
        Some(path) => Answer::json(&serde_json::json!({
            "path": relative(root, &path),
            "entries": entries(&history_of(root, &path)),
        })),
        None => not_writable(),
    }
}

/// What undo and 「恢复」 send: the file, its version as the page has it, and for 「恢复」 the
/// earlier version to go back to.
#[derive(Debug, Deserialize)]
struct Back {
    path: String,
    version: String,
    #[serde(default)]
    id: Option<String>,
}

/// `POST /api/undo` (`{path, version}`): the newest earlier version comes back and leaves the
/// history; `POST /api/restore` (`{path, version, id}`): that version comes back, and the
/// text it replaces goes to the history like any change.
pub fn back(root: &Path, body: &[u8]) -> Answer {
    let Ok(back) = serde_json::from_slice::<Back>(body) else {
        return bad_request();
    };
    let Some(path) = writable(root, &back.path) else {
        return not_writable();
    };
    let folder = history_of(root, &path);
    let newest = entries(&folder).into_iter().next().map(|e| e.id);
    let id = back.id.clone().or(newest).unwrap_or_default();
    let wanted = folder.join(&id);
    let is_entry = !id.is_empty() && id.bytes().all(|c| c.is_ascii_digit());
    let Some(bytes) = std::fs::read(&wanted).ok().filter(|_| is_entry) else {
        return Answer::json_status(404, &error(&crate::tr!("studio-no-history")));
    };
    let text = String::from_utf8_lossy(&bytes);
    let undo = back.id.is_none();
    let written = write(root, &path, &text, &back.version, !undo);
    if written.is_ok() && undo {
        // The version restored is the file again, not an earlier one.
        let _ = std::fs::remove_file(&wanted);
    }
    answer(written)
}

/// 200 with the file as written, or the refusal.
pub(super) fn answer(written: Result<Source, Answer>) -> Answer {
    written.map_or_else(|refusal| refusal, |source| Answer::json(&source))
}

/// 409: the file changed on disk since the page read it; both texts, and the version on disk
/// (sent back with the text chosen).
fn conflict(root: &Path, path: &Path, mine: &str, theirs: Option<&[u8]>) -> Answer {
    Answer::json_status(
        409,
        &serde_json::json!({
            "error": crate::tr!("studio-conflict"),
            "path": relative(root, path),
            "mine": mine,
            "theirs": theirs.map(String::from_utf8_lossy).unwrap_or_default(),
            "version": version(theirs),
        }),
    )
}

/// `{"error": …}`.
pub fn error(message: &str) -> serde_json::Value {
    serde_json::json!({ "error": message })
}

/// 400: a body that is not what the endpoint reads.
pub fn bad_request() -> Answer {
    Answer::json_status(400, &error(&crate::tr!("studio-bad-request")))
}

/// 403: a path the studio does not write.
pub fn not_writable() -> Answer {
    Answer::json_status(403, &error(&crate::tr!("studio-not-writable")))
}

fn cannot_write(e: std::io::Error) -> Answer {
    Answer::json_status(
        500,
        &error(&crate::tr!("studio-cannot-write", reason = e.to_string())),
    )
}

/// `path` relative to `root`, with `/`.
pub(super) fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
