//! `write`: puts the rendered site, the site's `static/` files and the media into the output
//! folder atomically. Everything is written into a temporary sibling folder which then takes
//! the output's place, so a failed build leaves the last good output exactly as it was.

use crate::diagnostics::Diagnostic;
use crate::media::{MediaIndex, MEDIA_DIR};
use crate::render::RenderedSite;
use std::io;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Folders of a site that an output folder must never be (they would be replaced).
const SOURCE_FOLDERS: &[&str] = &[
    crate::layout::CONTENT_DIR,
    crate::layout::STATIC_DIR,
    crate::layout::THEMES_DIR,
    crate::layout::TEMPLATES_DIR,
    crate::layout::CACHE_DIR,
];

/// Checks that `output` can safely be replaced: not the site root, a folder above it, or one
/// of the site's source folders.
pub fn check_output_folder(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root_abs, output_abs) = (absolute(root), absolute(output));
    let unsafe_target = root_abs.starts_with(&output_abs)
        || SOURCE_FOLDERS
            .iter()
            .any(|f| output_abs.starts_with(root_abs.join(f)));
    if unsafe_target {
        return Err(Diagnostic::new(
            output,
            "refusing to build into this folder: it holds the site's own files and would be replaced",
        )
        .hint("choose an output folder of its own, such as public/"));
    }
    Ok(())
}

/// Writes the whole output to `output`, replacing what was there only once all is written.
pub fn write(
    output: &Path,
    rendered: &RenderedSite,
    media: &MediaIndex,
    static_dir: &Path,
) -> Result<(), Diagnostic> {
    let staging = sibling(output, "tmp");
    let result =
        fill(&staging, rendered, media, static_dir).and_then(|()| swap_in(&staging, output));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result.map_err(|e| {
        Diagnostic::new(output, format!("cannot write the output: {e}"))
            .hint("check free disk space and permissions; the previous output was left as it was")
    })
}

fn sibling(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    output.with_file_name(format!(".{name}.laurel-{what}-{}", std::process::id()))
}

fn fill(
    staging: &Path,
    rendered: &RenderedSite,
    media: &MediaIndex,
    static_dir: &Path,
) -> io::Result<()> {
    if staging.exists() {
        std::fs::remove_dir_all(staging)?;
    }
    std::fs::create_dir_all(staging)?;
    for entry in WalkDir::new(static_dir).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(static_dir)
                .map_err(io::Error::other)?;
            copy_file(entry.path(), &staging.join(rel))?;
        }
    }
    for (path, bytes) in &rendered.files {
        let target = staging.join(path);
        std::fs::create_dir_all(target.parent().expect("output paths have a parent"))?;
        std::fs::write(target, bytes)?;
    }
    let media_dir = staging.join(MEDIA_DIR);
    std::fs::create_dir_all(&media_dir)?;
    for (name, source) in media.files() {
        link_or_copy(source, &media_dir.join(name))?;
    }
    Ok(())
}

fn copy_file(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to.parent().expect("output paths have a parent"))?;
    std::fs::copy(from, to).map(|_| ())
}

/// Media files are hard-linked from the cache where the file system allows (instant, no
/// extra space), copied otherwise.
pub(crate) fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::hard_link(from, to).or_else(|_| copy_file(from, to))
}

/// Puts the finished folder `staging` in the place of `output` (renamed aside, then removed),
/// or back as it was when the second rename fails.
pub(crate) fn swap_in(staging: &Path, output: &Path) -> io::Result<()> {
    if !output.exists() {
        return std::fs::rename(staging, output);
    }
    let old = sibling(output, "old");
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    std::fs::rename(output, &old)?;
    if let Err(e) = std::fs::rename(staging, output) {
        std::fs::rename(&old, output)?;
        return Err(e);
    }
    std::fs::remove_dir_all(&old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_site_root_and_its_source_folders() {
        let root = Path::new("/site");
        assert!(check_output_folder(root, Path::new("/site")).is_err());
        assert!(check_output_folder(root, Path::new("/")).is_err());
        assert!(check_output_folder(root, Path::new("/site/content")).is_err());
        assert!(check_output_folder(root, Path::new("/site/public")).is_ok());
        assert!(check_output_folder(root, Path::new("/elsewhere/out")).is_ok());
    }
}
