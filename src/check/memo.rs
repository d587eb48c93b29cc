//! What check learnt of each photo and video it read, kept while the file's size and
//! modification time stay the same: a second `laurel check` of 6,000 nominees, and the
//! studio's next look at them, read none of their unchanged photos again. Kept in memory
//! (the studio holds one [`Memo`] for its session) and in `check.json` under the site's
//! cache folder. A file whose size or modification time changed is read again; only what a
//! file passed is kept, so a problem is found again on every check until it is put right.

use crate::media::VideoInfo;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The file name of the memo in its cache folder.
const FILE: &str = "check.json";

/// What check knows of the files it read, by path.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Memo {
    /// Path → what the file was when it was read, and what was learnt of it.
    files: HashMap<PathBuf, Known>,
    /// The cache folder it is saved in; `None` for a memo kept in memory only.
    #[serde(skip)]
    dir: Option<PathBuf>,
    /// The site folder: paths are kept relative to it, so that the command line (`--root .`)
    /// and the studio (the folder's full path) share what they learnt.
    #[serde(skip)]
    root: PathBuf,
    /// The paths asked about since the last save (the others are dropped when saving).
    #[serde(skip)]
    asked: HashSet<PathBuf>,
    /// Whether anything was learnt or dropped since the memo was read.
    #[serde(skip)]
    changed: bool,
}

/// One file's stamp and facts.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Known {
    stamp: Stamp,
    facts: Facts,
}

/// A file's size and modification time: the key that says whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified_ns: u128,
}

impl Stamp {
    /// The stamp of the file at `path` now, if it can be read.
    fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let modified = metadata.modified().ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified_ns: modified.duration_since(UNIX_EPOCH).ok()?.as_nanos(),
        })
    }
}

/// What check learnt of one file; each fact is learnt when a rule first asks for it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Facts {
    /// The content hash (hex) of an image that is whole and what its name says.
    whole: Option<String>,
    /// An image's size as shown.
    dimensions: Option<(u32, u32)>,
    /// A video's duration, size and codecs.
    video: Option<VideoInfo>,
}

impl Facts {
    /// The hash of a whole image.
    pub(super) fn whole(&mut self) -> &mut Option<String> {
        &mut self.whole
    }

    /// An image's size as shown.
    pub(super) fn dimensions(&mut self) -> &mut Option<(u32, u32)> {
        &mut self.dimensions
    }

    /// A video's facts.
    pub(super) fn video(&mut self) -> &mut Option<VideoInfo> {
        &mut self.video
    }
}

impl Memo {
    /// The memo of the site at `root` saved in the cache folder `dir` (`.laurel-cache`, or a
    /// year's folder in it); empty when there is none or it does not read.
    pub fn open(root: &Path, dir: &Path) -> Memo {
        let saved = std::fs::read(dir.join(FILE))
            .ok()
            .and_then(|json| serde_json::from_slice::<Memo>(&json).ok());
        Memo {
            dir: Some(dir.to_path_buf()),
            root: root.to_path_buf(),
            ..saved.unwrap_or_default()
        }
    }

    /// Writes the memo back to its cache folder when it changed, keeping only the files asked
    /// about since the last save (a file deleted or renamed is forgotten). Failures are
    /// ignored: a memo not saved costs a read of each photo, not a wrong finding.
    pub fn save(&mut self) {
        let asked = std::mem::take(&mut self.asked);
        let before = self.files.len();
        self.files.retain(|path, _| asked.contains(path));
        let changed = std::mem::take(&mut self.changed) || self.files.len() != before;
        let Some(dir) = self.dir.as_ref().filter(|_| changed) else {
            return;
        };
        if let Ok(json) = serde_json::to_vec(&*self) {
            let _ = crate::media::write_atomically(&dir.join(FILE), &json);
        }
    }

    /// The fact `field` of the file at `path`: known while its size and modification time
    /// are those it had when the fact was learnt, else learnt again by `learn` (and kept when
    /// `learn` succeeds).
    pub(super) fn recall<T: Clone, E>(
        &mut self,
        path: &Path,
        field: fn(&mut Facts) -> &mut Option<T>,
        learn: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        // Stamped before reading: a file that changes while it is read is read again next time.
        let Some(facts) = self.facts_of(path) else {
            return learn();
        };
        if let Some(known) = field(facts) {
            return Ok(known.clone());
        }
        let learnt = learn()?;
        *field(facts) = Some(learnt.clone());
        self.changed = true;
        Ok(learnt)
    }

    /// The facts kept of the file at `path` as it is now (none kept when it changed), or
    /// `None` when it cannot be stamped.
    fn facts_of(&mut self, path: &Path) -> Option<&mut Facts> {
        let stamp = Stamp::of(path)?;
        let key = path.strip_prefix(&self.root).unwrap_or(path).to_path_buf();
        self.asked.insert(key.clone());
        let known = self.files.entry(key).or_insert(Known {
            stamp,
            facts: Facts::default(),
        });
        if known.stamp != stamp {
            *known = Known {
                stamp,
                facts: Facts::default(),
            };
        }
        Some(&mut known.facts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;
    use std::time::{Duration, SystemTime};

    /// Whether `learn` ran when `path` was asked about.
    fn learnt(memo: &mut Memo, path: &Path) -> bool {
        let mut ran = false;
        let _: Result<(u32, u32), ()> = memo.recall(path, Facts::dimensions, || {
            ran = true;
            Ok((4, 3))
        });
        ran
    }

    fn set_modified(path: &Path, at: SystemTime) {
        File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(at)
            .unwrap();
    }

    #[test]
    fn a_fact_is_kept_while_size_and_time_stay_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jpg"), dir.path().join("b.jpg"));
        std::fs::write(&a, b"1234").unwrap();
        std::fs::write(&b, b"1234").unwrap();
        let then = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        set_modified(&a, then);
        set_modified(&b, then);
        let mut memo = Memo::default();
        assert!(learnt(&mut memo, &a), "first ask");
        assert!(!learnt(&mut memo, &a), "unchanged: kept");
        assert!(learnt(&mut memo, &b), "another path with the same stamp");
        std::fs::write(&a, b"4321").unwrap();
        set_modified(&a, then);
        assert!(
            !learnt(&mut memo, &a),
            "same size and time: taken as unchanged"
        );
        set_modified(&a, then + Duration::from_nanos(1));
        assert!(learnt(&mut memo, &a), "a new modification time");
        std::fs::write(&a, b"12345").unwrap();
        set_modified(&a, then + Duration::from_nanos(1));
        assert!(learnt(&mut memo, &a), "a new size");
    }

    #[test]
    fn a_failure_is_not_kept_and_a_missing_file_not_stamped() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jpg");
        std::fs::write(&a, b"1234").unwrap();
        let mut memo = Memo::default();
        let failed: Result<(u32, u32), &str> = memo.recall(&a, Facts::dimensions, || Err("cut"));
        assert_eq!(failed, Err("cut"));
        assert!(learnt(&mut memo, &a), "asked again after a failure");
        assert!(learnt(&mut memo, &dir.path().join("gone.jpg")));
        assert!(learnt(&mut memo, &dir.path().join("gone.jpg")));
    }

    #[test]
    fn saved_it_opens_again_with_only_the_files_asked_about() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jpg"), dir.path().join("b.jpg"));
        std::fs::write(&a, b"1234").unwrap();
        std::fs::write(&b, b"5678").unwrap();
        let cache = dir.path().join(".laurel-cache");
        let mut memo = Memo::open(dir.path(), &cache);
        learnt(&mut memo, &a);
        learnt(&mut memo, &b);
        memo.save();
        let mut again = Memo::open(dir.path(), &cache);
        assert!(!learnt(&mut again, &a), "kept on disk");
        again.save();
        let mut third = Memo::open(dir.path(), &cache);
        assert!(!learnt(&mut third, &a));
        assert!(
            learnt(&mut third, &b),
            "not asked about in the last run: forgotten"
        );
    }
}
