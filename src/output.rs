//! `write`: puts the rendered site, the site's `static/` files and the media into the output
//! folder. A first build fills a temporary sibling folder which then takes the output's
//! place. Later builds update the output: every new or changed file is first written into a
//! temporary sibling folder, and only when all of them are written are they renamed into
//! place and the files the site no longer has removed. Either way a build that fails, in an
//! earlier stage or while writing, leaves the last good output as it was; and a rebuild
//! touches only what changed (deleting and re-creating every file made a no-op rebuild of
//! 2,000 laureates spend most of its time in the file system).

use crate::diagnostics::Diagnostic;
use crate::media::{MediaIndex, MEDIA_DIR};
use crate::render::RenderedSite;
use std::collections::BTreeMap;
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
    let result = match output.is_dir() {
        true => update(output, &staging, &wanted(rendered, media, static_dir)),
        false => {
            fill(&staging, rendered, media, static_dir).and_then(|()| swap_in(&staging, output))
        }
    };
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

/// Where one output file's contents come from.
enum Source<'a> {
    /// Rendered in memory.
    Bytes(&'a [u8]),
    /// A file of `static/`, copied.
    Copy(PathBuf),
    /// A media file in the cache, linked (or copied); its content-hashed name says what it
    /// holds.
    Link(&'a Path),
}

/// Every file the output should hold, by path relative to it.
fn wanted<'a>(
    rendered: &'a RenderedSite,
    media: &'a MediaIndex,
    static_dir: &Path,
) -> BTreeMap<PathBuf, Source<'a>> {
    let mut files = BTreeMap::new();
    for entry in WalkDir::new(static_dir).into_iter().filter_map(Result::ok) {
        if let (true, Ok(rel)) = (
            entry.file_type().is_file(),
            entry.path().strip_prefix(static_dir),
        ) {
            files.insert(rel.to_path_buf(), Source::Copy(entry.path().to_path_buf()));
        }
    }
    for (path, bytes) in &rendered.files {
        files.insert(PathBuf::from(path), Source::Bytes(bytes));
    }
    for (name, source) in media.files() {
        files.insert(Path::new(MEDIA_DIR).join(name), Source::Link(source));
    }
    files
}

/// Whether the output's file at `current` already holds what `source` would put there.
fn unchanged(current: &Path, source: &Source) -> bool {
    match source {
        Source::Bytes(bytes) => std::fs::read(current).is_ok_and(|old| old == *bytes),
        Source::Copy(from) => {
            std::fs::read(current).is_ok_and(|old| std::fs::read(from).is_ok_and(|new| old == new))
        }
        Source::Link(from) => {
            let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
            current.is_file() && len(current) == len(from)
        }
    }
}

/// Brings the existing `output` to `wanted`: new and changed files are written into `staging`
/// first (a failure there leaves the output as it was), then renamed into place; then the
/// files (and emptied folders) the site no longer has are removed.
fn update(output: &Path, staging: &Path, wanted: &BTreeMap<PathBuf, Source>) -> io::Result<()> {
    if staging.exists() {
        std::fs::remove_dir_all(staging)?;
    }
    std::fs::create_dir_all(staging)?;
    let mut staged = Vec::new();
    for (rel, source) in wanted {
        if unchanged(&output.join(rel), source) {
            continue;
        }
        let temporary = staging.join(staged.len().to_string());
        match source {
            Source::Bytes(bytes) => std::fs::write(&temporary, bytes)?,
            Source::Copy(from) => std::fs::copy(from, &temporary).map(|_| ())?,
            Source::Link(from) => link_or_copy(from, &temporary)?,
        }
        staged.push((temporary, rel));
    }
    for (temporary, rel) in staged {
        let target = output.join(rel);
        if target.is_dir() {
            std::fs::remove_dir_all(&target)?;
        }
        std::fs::create_dir_all(target.parent().expect("output paths have a parent"))?;
        std::fs::rename(temporary, target)?;
    }
    std::fs::remove_dir_all(staging)?;
    remove_unwanted(output, wanted)
}

/// Removes the files under `output` that are not in `wanted`, and folders left empty.
fn remove_unwanted(output: &Path, wanted: &BTreeMap<PathBuf, Source>) -> io::Result<()> {
    for entry in WalkDir::new(output).contents_first(true).min_depth(1) {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry
            .path()
            .strip_prefix(output)
            .map_err(io::Error::other)?;
        if entry.file_type().is_dir() {
            // Fails, as it should, while the folder still holds wanted files.
            let _ = std::fs::remove_dir(entry.path());
        } else if !wanted.contains_key(rel) {
            std::fs::remove_file(entry.path())?;
        }
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

    #[test]
    fn a_rebuild_rewrites_only_what_changed_and_removes_what_is_gone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let (output, static_dir) = (dir.path().join("public"), dir.path().join("static"));
        let site = |pages: &[(&str, &str)]| RenderedSite {
            files: pages
                .iter()
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
                .collect(),
        };
        let media = MediaIndex::default();
        let first = site(&[
            ("index.html", "首页"),
            ("a/index.html", "甲"),
            ("b/index.html", "乙"),
        ]);
        write(&output, &first, &media, &static_dir).unwrap();
        let inode = |rel: &str| std::fs::metadata(output.join(rel)).unwrap().ino();
        let kept = inode("a/index.html");
        let second = site(&[("index.html", "新首页"), ("a/index.html", "甲")]);
        write(&output, &second, &media, &static_dir).unwrap();
        assert_eq!(
            inode("a/index.html"),
            kept,
            "an unchanged page is not rewritten"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "新首页"
        );
        assert!(
            !output.join("b").exists(),
            "a page the site no longer has is gone, with its folder"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            leftovers,
            vec![std::ffi::OsString::from("public")],
            "no staging folder is left"
        );
    }
}
