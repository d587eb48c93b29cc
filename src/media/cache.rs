//! The media cache under `.laurel-cache/`: encoded files in `media/`, and per source image a
//! manifest in `images/<key>.json` saying what was made. The key is a hash of the source's
//! bytes and every parameter that shapes the output, so a changed photo or setting misses.

use super::ProcessedImage;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cache folder of one site.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache rooted at `dir` (usually `<site>/.laurel-cache`); created on first write.
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// Where the encoded file `name` is kept.
    pub fn file_path(&self, name: &str) -> PathBuf {
        self.dir.join("media").join(name)
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

    /// Removes encoded files not in `keep` and manifests none of whose files are kept.
    /// Failures are ignored: a stale cache entry costs disk space, not correctness.
    pub fn prune<'a>(&self, keep: impl Iterator<Item = &'a String>) {
        let keep: HashSet<&str> = keep.map(String::as_str).collect();
        let kept_keys: HashSet<&str> = keep.iter().filter_map(|f| f.get(..16)).collect();
        self.remove_where("media", |name| !keep.contains(name));
        self.remove_where("images", |name| {
            !name.get(..16).is_some_and(|key| kept_keys.contains(key))
        });
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

fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
    std::fs::rename(&temp, path)
}

/// The hex BLAKE3 hash of a file's contents.
pub fn hash_file(path: &Path) -> io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
    Ok(hasher.finalize().to_hex().to_string())
}
