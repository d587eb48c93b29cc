//! `export`: what goes to the organisers, the jury and the province, never to the site. This
//! is the one place that reads `private:` fields (联系电话, 身份证号).
//!
//! One module per document: [`summary`] the 推荐人选汇总表 (.xlsx or .csv), [`dossier`] the
//! jury's 汇编 of every nominee (HTML for print), [`joint`] the 联审 table of the selected, and
//! [`province`] the package of the province picks (a 推荐表 .docx each, written by
//! [`wordml`], with photos, videos and the 汇总表, in one zip).

pub mod dossier;
pub mod joint;
pub(crate) mod nomination;
pub mod province;
mod sheet;
pub mod summary;
mod wordml;

pub use summary::{csv, export, rows, title, COLUMNS, FORMATS};

use crate::config::ImageSettings;
use crate::content::Photo;
use crate::diagnostics::Diagnostic;
use crate::media::{Cache, Format, ImageRequest, Needs, Shape};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Folders of the site that are published (the build's default output and `static/`, which
/// the build copies into it): jury material is never written inside them.
const PUBLISHED_FOLDERS: [&str; 2] = ["public", crate::layout::STATIC_DIR];

/// Refuses `out` when it is inside a folder of `root` that is published.
pub fn refuse_published(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let out_abs = absolute(out);
    let root_abs = absolute(root);
    match PUBLISHED_FOLDERS
        .iter()
        .find(|f| out_abs.starts_with(root_abs.join(f)))
    {
        Some(folder) => Err(Diagnostic::new(
            out,
            crate::tr!("export-into-published", folder = *folder),
        )
        .hint(crate::tr!("export-into-published-hint"))),
        None => Ok(()),
    }
}

/// `photo` made by the media stage as one JPEG of `shape` at most `width` pixels wide (never
/// upscaled, no metadata): the file in the cache.
pub fn print_jpeg(
    photo: &Photo,
    shape: Shape,
    width: u32,
    settings: &ImageSettings,
    cache: &Cache,
) -> Result<PathBuf, Diagnostic> {
    let needs = Needs {
        widths: [width].into(),
        formats: [Format::Jpeg].into(),
    };
    let request = ImageRequest {
        source: photo.source.clone(),
        focus: photo.focus,
        shapes: BTreeMap::from([(shape, needs)]),
    };
    let processed = crate::media::process_image(&request, settings, cache)
        .map_err(|e| e.into_diagnostic(&photo.source))?;
    let variant = processed
        .shapes
        .get(&shape)
        .and_then(|set| set.largest(Format::Jpeg))
        .ok_or_else(|| Diagnostic::new(&photo.source, crate::tr!("export-no-photo")))?;
    Ok(cache.file_path(&variant.file))
}
