//! The files of the submissions as received: folders, and `.zip` archives (also inside
//! folders). Zip entry names saved by Windows tools in GBK are decoded; entries whose path
//! would leave the archive (`..`, absolute) and encrypted archives are refused with a problem.
//! Junk (`__MACOSX/`, `._*`, `.DS_Store`, `Thumbs.db`, `desktop.ini`, `~$*` lock files,
//! `*.tmp`, hidden files) is not material and is left out silently.

use crate::content::natural::natural_cmp;
use crate::diagnostics::Diagnostic;
use crate::said;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// One received file.
#[derive(Debug, Clone)]
pub struct Received {
    /// Where it came from, for reports: a path, or `archive.zip!inner/path`.
    pub origin: String,
    /// Which SOURCE argument it came with (files of one unit are assigned together).
    pub source: usize,
    /// The folders it sits in, inside its source (and archive), outermost first.
    pub folders: Vec<String>,
    /// The file name.
    pub name: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

impl Received {
    /// The lower-case extension of the file name.
    pub fn extension(&self) -> String {
        Path::new(&self.name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    }
}

/// Every file under the `sources` (folders or zip files), zips unpacked in memory, in natural
/// order; the problems met on the way.
pub fn gather(sources: &[PathBuf]) -> (Vec<Received>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        if source.is_dir() {
            let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(source)
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !is_junk(&e.file_name().to_string_lossy()))
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .collect();
            paths.sort_by(|a, b| natural_cmp(&a.to_string_lossy(), &b.to_string_lossy()));
            for path in paths {
                let folders = path
                    .strip_prefix(source)
                    .ok()
                    .and_then(Path::parent)
                    .map(segments)
                    .unwrap_or_default();
                add_file(&path, index, folders, &mut files, &mut problems);
            }
        } else if source.is_file() {
            add_file(source, index, Vec::new(), &mut files, &mut problems);
        } else {
            problems.push(Diagnostic::said(source, said!("import-no-source")));
        }
    }
    (files, problems)
}

fn segments(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// Reads one file; a zip is unpacked into its entries.
fn add_file(
    path: &Path,
    source: usize,
    folders: Vec<String>,
    files: &mut Vec<Received>,
    problems: &mut Vec<Diagnostic>,
) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if is_junk(&name) {
        return;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let said = said!("import-unreadable", why = e.to_string());
            problems.push(Diagnostic::said(path, said));
            return;
        }
    };
    if name.to_lowercase().ends_with(".zip") {
        let origin = path.display().to_string();
        unzip(&origin, &bytes, source, &folders, files, problems);
        return;
    }
    files.push(Received {
        origin: path.display().to_string(),
        source,
        folders,
        name,
        bytes,
    });
}

/// The entries of the zip `bytes` (from `origin`), each with the archive's folders first.
fn unzip(
    origin: &str,
    bytes: &[u8],
    source: usize,
    folders: &[String],
    files: &mut Vec<Received>,
    problems: &mut Vec<Diagnostic>,
) {
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => {
            let said = said!("import-zip-unreadable", why = e.to_string());
            problems.push(Diagnostic::said(origin, said));
            return;
        }
    };
    let stem = Path::new(origin)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(entry) => entry,
            Err(e) => {
                let said = match e {
                    zip::result::ZipError::UnsupportedArchive(why) if why.contains("assword") => {
                        said!("import-zip-password")
                    }
                    e => said!("import-zip-entry", why = e.to_string()),
                };
                problems.push(Diagnostic::said(origin, said));
                return;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let name = entry_name(entry.name_raw());
        let path = Path::new(&name);
        let leaves = path.is_absolute()
            || path
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
        if leaves {
            let entry = format!("{origin}!{name}");
            problems.push(Diagnostic::said(entry, said!("import-zip-escape")));
            continue;
        }
        let mut content = Vec::new();
        if let Err(e) = entry.read_to_end(&mut content) {
            let said = said!("import-zip-unpack", why = e.to_string());
            problems.push(Diagnostic::said(format!("{origin}!{name}"), said));
            continue;
        }
        let mut inner: Vec<String> = folders.to_vec();
        inner.push(stem.clone());
        inner.extend(path.parent().map(segments).unwrap_or_default());
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.iter().any(|part| is_junk(&part.to_string_lossy())) {
            continue;
        }
        let entry_origin = format!("{origin}!{name}");
        if file_name.to_lowercase().ends_with(".zip") {
            unzip(&entry_origin, &content, source, &inner, files, problems);
            continue;
        }
        files.push(Received {
            origin: entry_origin,
            source,
            folders: inner,
            name: file_name,
            bytes: content,
        });
    }
}

/// Junk ([`layout::is_junk`]), and hidden files (`.git`, the `.laurel-import.json` of a folder
/// imported again).
fn is_junk(name: &str) -> bool {
    name.starts_with('.') || crate::layout::is_junk(name)
}

/// A zip entry's name: UTF-8 when it is, else GBK (as Windows' built-in zip and WinRAR write
/// Chinese names).
pub fn entry_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(name) => name.to_string(),
        Err(_) => encoding_rs::GBK.decode(raw).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_names_are_decoded() {
        let (gbk, _, _) = encoding_rs::GBK.encode("王芳/证件照.jpg");
        assert_eq!(entry_name(&gbk), "王芳/证件照.jpg");
        assert_eq!(entry_name("李明远1.jpg".as_bytes()), "李明远1.jpg");
    }
}
