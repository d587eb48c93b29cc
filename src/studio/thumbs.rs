//! The dashboard's portraits: a small 3:4 JPEG of each ([`THUMB_WIDTH`] pixels wide, twice
//! the card's 72 CSS pixels), never the 12-megapixel original. Each is made once and kept
//! under the site's cache folder (`.laurel-cache/studio/thumbs/`) by the photo's path, size
//! and modification time, so a portrait replaced gets a new one and 6,000 cards cost a file
//! read each after the first look.

use super::files::content_image;
use super::Answer;
use crate::media::{self, Shape};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The thumbnails' width in pixels.
const THUMB_WIDTH: u32 = 144;

/// Where a portrait's face usually is, as the site's own portrait crop takes it.
const FOCUS: (f32, f32) = (0.5, 0.4);

/// The thumbnail of the content image `rel` (relative to the site folder `root`): from the
/// cache, else made and kept; 404 for anything but an image of the site's content.
pub fn thumbnail(root: &Path, rel: &str) -> Answer {
    let Some(path) = content_image(root, rel) else {
        return Answer::not_found();
    };
    let Some(kept) = cached_path(root, rel, &path) else {
        return Answer::not_found();
    };
    let jpeg = match std::fs::read(&kept) {
        Ok(jpeg) => jpeg,
        Err(_) => match media::preview_jpeg(&path, THUMB_WIDTH, Shape::Portrait, FOCUS) {
            Ok(jpeg) => {
                // Not kept is only slower next time.
                let _ = media::write_atomically(&kept, &jpeg);
                jpeg
            }
            Err(_) => return Answer::not_found(),
        },
    };
    Answer::new(200, "image/jpeg", jpeg).header("Cache-Control", "private, no-cache")
}

/// Where the thumbnail of the image at `path` (`rel` in the site) is kept, named by its
/// [`key`]; `None` when the image cannot be read.
fn cached_path(root: &Path, rel: &str, path: &Path) -> Option<PathBuf> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let name = format!("{}.jpg", key(rel, metadata.len(), modified.as_nanos()));
    let dir = root.join(crate::layout::CACHE_DIR).join("studio/thumbs");
    Some(dir.join(name))
}

/// The name of a thumbnail: a hash of the image's path, size, modification time and the
/// thumbnail's width, so that any change to one of them makes another.
fn key(rel: &str, len: u64, modified_ns: u128) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(rel.as_bytes());
    hasher.update(&[0]);
    hasher.update(&len.to_le_bytes());
    hasher.update(&modified_ns.to_le_bytes());
    hasher.update(&THUMB_WIDTH.to_le_bytes());
    hasher.finalize().to_hex()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_changes_with_the_path_the_size_and_the_time() {
        let at = 1_700_000_000_000_000_000;
        let base = key("content/laureates/王芳/photos/王芳0.jpg", 2_000_000, at);
        assert_eq!(
            base,
            key("content/laureates/王芳/photos/王芳0.jpg", 2_000_000, at)
        );
        for other in [
            key("content/laureates/李强/photos/李强0.jpg", 2_000_000, at),
            key("content/laureates/王芳/photos/王芳0.jpg", 2_000_001, at),
            key("content/laureates/王芳/photos/王芳0.jpg", 2_000_000, at + 1),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn a_thumbnail_is_small_kept_and_made_again_when_the_portrait_changes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let rel = "content/laureates/王芳/photos/王芳0.jpg";
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        media::write_test_jpeg(&path, 1200, 1600);
        let answer = thumbnail(&root, rel);
        assert_eq!(answer.status, 200);
        assert_eq!(media::dimensions(&answer.body).unwrap(), (144, 192));
        let kept = cached_path(&root, rel, &path).unwrap();
        assert_eq!(std::fs::read(&kept).unwrap(), answer.body, "kept");
        std::fs::remove_file(&path).unwrap();
        media::write_test_jpeg(&path, 900, 900);
        let again = thumbnail(&root, rel);
        assert_eq!(again.status, 200);
        let kept_again = cached_path(&root, rel, &path).unwrap();
        assert_ne!(kept_again, kept, "another size: another thumbnail");
        assert!(kept_again.is_file());
        assert_eq!(thumbnail(&root, "site.yaml").status, 404);
    }
}
