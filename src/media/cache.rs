//! The media cache under `.laurel-cache/`: encoded files in `media/`, and per source image a
//! manifest in `images/<key>.json` saying what was made. The key is a hash of the source's
//! bytes and every parameter that shapes the output, so a changed photo or setting misses.
//!
//! Hashing every source on every build would cost a read of every photo (hundreds of MB), so
//! `sources.json` remembers each source's size, modification time and hash: a source whose
//! size and time are unchanged is not read again, which keeps a no-op rebuild near instant.

use super::ProcessedImage;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

/// The cache folder of one site.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    /// Source file → what it was when last hashed; read at start, written by [`Cache::prune`].
    stamps: Mutex<BTreeMap<PathBuf, Stamp>>,
}

/// A source file's size and modification time when its content hash was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified_ns: u128,
    hash: String,
}

impl Cache {
    /// The cache rooted at `dir` (usually `<site>/.laurel-cache`); created on first write.
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        let dir = dir.into();
        let stamps = std::fs::read(dir.join("sources.json"))
            .ok()
            .and_then(|json| serde_json::from_slice(&json).ok())
            .unwrap_or_default();
        Cache {
            dir,
            stamps: Mutex::new(stamps),
        }
    }

    /// The cache of one year of a site of several years, in its own folder, so that each
    /// year's build prunes only what it made.
    pub fn for_year(&self, year: u32) -> Cache {
        Cache::new(self.dir.join("years").join(year.to_string()))
    }

    /// The content hash of a source file, and its bytes when they had to be read for it.
    pub fn source_hash(&self, path: &Path) -> io::Result<(String, Option<Vec<u8>>)> {
        let metadata = std::fs::metadata(path)?;
        let modified_ns = metadata
            .modified()?
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let known = self.stamps.lock().expect("stamps lock").get(path).cloned();
        if let Some(stamp) =
            known.filter(|s| s.len == metadata.len() && s.modified_ns == modified_ns)
        {
            return Ok((stamp.hash, None));
        }
        let bytes = std::fs::read(path)?;
        let hash = blake3::hash(&bytes).to_hex().to_string();
        let stamp = Stamp {
            len: metadata.len(),
            modified_ns,
            hash: hash.clone(),
        };
        self.stamps
            .lock()
            .expect("stamps lock")
            .insert(path.to_path_buf(), stamp);
        Ok((hash, Some(bytes)))
    }

    /// Where the encoded file `name` is kept.
    pub fn file_path(&self, name: &str) -> PathBuf {
        self.dir.join("media").join(name)
    }

    /// Where the poster frame taken from the video with cache key `key` is kept.
    pub fn poster_path(&self, key: &str) -> PathBuf {
        self.dir.join("posters").join(format!("{key}.jpg"))
    }

    /// Where the share image (海报, 长图 part) or its manifest `name` is kept.
    pub fn share_path(&self, name: &str) -> PathBuf {
        self.dir.join("share").join(name)
    }

    /// Stores a share image or its manifest atomically.
    pub fn store_share(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        write_atomically(&self.share_path(name), bytes)
    }

    /// Removes the share images and manifests whose 16-character key is not in `keep`.
    pub fn prune_share(&self, keep: &HashSet<String>) {
        self.remove_where("share", |name| {
            !name.get(..16).is_some_and(|key| keep.contains(key))
        });
    }

    fn manifest_path(&self, key: &str) -> PathBuf {
        self.dir.join("images").join(format!("{key}.json"))
    }

    /// The manifest stored under `key`, if it exists and all its files are still there.
    pub fn lookup(&self, key: &str) -> Option<ProcessedImage> {
        let text = std::fs::read(self.manifest_path(key)).ok()?;
        let processed: ProcessedImage = serde_json::from_slice(&text).ok()?;
        let complete = processed
            .shapes
            .values()
            .flat_map(|s| &s.variants)
            .all(|v| self.file_path(&v.file).is_file());
        complete.then_some(processed)
    }

    /// Stores an encoded file atomically (temporary file, then rename).
    pub fn store_file(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        write_atomically(&self.file_path(name), bytes)
    }

    /// Stores the manifest of a processed image; written last, so it implies its files.
    pub fn store_manifest(&self, key: &str, processed: &ProcessedImage) -> io::Result<()> {
        let json = serde_json::to_vec(processed).map_err(io::Error::other)?;
        write_atomically(&self.manifest_path(key), &json)
    }

    /// Removes encoded files not in `keep`, manifests and poster frames none of whose files are
    /// kept and stamps
    /// of sources not in `sources`, then saves the stamps. Failures are ignored: a stale cache
    /// entry costs disk space, not correctness.
    pub fn prune<'a>(&self, keep: impl Iterator<Item = &'a String>, sources: &HashSet<&Path>) {
        let mut stamps = self.stamps.lock().expect("stamps lock");
        stamps.retain(|path, _| sources.contains(path.as_path()));
        if let Ok(json) = serde_json::to_vec(&*stamps) {
            let _ = write_atomically(&self.dir.join("sources.json"), &json);
        }
        let keep: HashSet<&str> = keep.map(String::as_str).collect();
        let kept_keys: HashSet<&str> = keep.iter().filter_map(|f| f.get(..16)).collect();
        self.remove_where("media", |name| !keep.contains(name));
        for folder in ["images", "posters"] {
            self.remove_where(folder, |name| {
                !name.get(..16).is_some_and(|key| kept_keys.contains(key))
            });
        }
    }

    fn remove_where(&self, folder: &str, is_stale: impl Fn(&str) -> bool) {
        let Ok(entries) = std::fs::read_dir(self.dir.join(folder)) else {
            return;
        };
        for entry in entries.flatten() {
            if is_stale(&entry.file_name().to_string_lossy()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename, its folder made
/// when missing: a reader sees the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().expect("cache paths have a parent");
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .expect("cache paths have a name")
        .to_string_lossy();
    // Unique per write: two sources with the same bytes make the same files concurrently.
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    std::fs::write(&temp, bytes)?;
    crate::output::rename(&temp, path)
}
