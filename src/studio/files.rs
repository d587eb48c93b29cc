//! The site's files as the studio reaches them: every path a page names is resolved (after
//! `..` and symlinks) and refused unless it stays inside the site folder, compared by whole
//! path components, so that a sibling folder with the same prefix (`site-old` beside `site`)
//! is outside.

use super::Answer;
use std::path::{Component, Path, PathBuf};

/// `rel`, a path relative to the site folder `root` (canonical), resolved: symlinks and `..`
/// followed as far as the path exists, the rest taken as plain names. `None` when it is
/// absolute or ends up outside `root`.
pub fn inside(root: &Path, rel: &str) -> Option<PathBuf> {
    let rel = Path::new(rel);
    if rel
        .components()
        .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return None;
    }
    let joined = root.join(rel);
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?);
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    for name in rest.iter().rev() {
        // A name that does not exist yet: `..` or `.` here would be taken literally.
        if matches!(
            Path::new(name).components().next(),
            Some(Component::Normal(_))
        ) {
            resolved.push(name);
        } else {
            return None;
        }
    }
    resolved.starts_with(root).then_some(resolved)
}

/// An image of the site's content (a portrait, a photo) for the studio's pages; 404 for
/// anything else, outside the site or not an image under `content/`.
pub fn image(root: &Path, rel: &str) -> Answer {
    let Some(path) = content_image(root, rel) else {
        return Answer::not_found();
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            let name = path.to_string_lossy();
            Answer::new(200, &crate::routes::content_type(&name), bytes)
                .header("Cache-Control", "private, no-cache")
        }
        _ => Answer::not_found(),
    }
}

/// `rel` resolved inside the site folder `root` (canonical) when it names an image of the
/// site's content (a portrait, a photo under `content/`).
pub fn content_image(root: &Path, rel: &str) -> Option<PathBuf> {
    let path = inside(root, rel)?;
    let is_image = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| crate::content::IMAGE_EXTENSIONS.contains(&e.as_str()));
    let in_content = path.starts_with(root.join(crate::layout::CONTENT_DIR));
    (is_image && in_content).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_site_folder() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        let root = base.join("site");
        std::fs::create_dir_all(root.join("content/laureates/张三")).unwrap();
        std::fs::create_dir_all(base.join("site-old/content")).unwrap();
        let ok = |rel: &str| inside(&root, rel);
        assert_eq!(
            ok("content/laureates/张三/profile.yaml"),
            Some(root.join("content/laureates/张三/profile.yaml"))
        );
        assert_eq!(
            ok("content/laureates/../laureates/张三/new/x.jpg"),
            Some(root.join("content/laureates/张三/new/x.jpg"))
        );
        for outside in [
            "../site-old/content/x.yaml",
            "content/../../site-old/content",
            "/etc/passwd",
            "content/new/../../../x",
            "..",
        ] {
            assert_eq!(ok(outside), None, "{outside}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("site-old"), root.join("content/link")).unwrap();
            assert_eq!(ok("content/link/content/x.yaml"), None, "a symlink out");
        }
    }
}
