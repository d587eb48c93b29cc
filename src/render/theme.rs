//! Themes: the default theme is embedded in the binary; a site overrides any of its files
//! with a file of the same name in `themes/<theme>/` or (templates only) in `templates/`.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::said;
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;
use walkdir::WalkDir;

static DEFAULT_THEME: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme's templates, compiled, and its static assets (path under the output root → bytes).
pub struct Theme {
    /// The compiled templates.
    pub tera: Tera,
    /// Files from the theme's `static/` folder, by output path.
    pub assets: BTreeMap<String, Vec<u8>>,
}

/// Templates whose names start with this are the posters' SVG layouts, compiled by the
/// posters stage and not with the pages.
pub const POSTER_TEMPLATES: &str = "posters/";

/// Loads the theme named `name` for the site at `root`.
pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
    let theme_dir = root.join("themes").join(name);
    let (templates, mut problems) = match template_sources(root, name) {
        Ok(templates) => (templates, Diagnostics::default()),
        Err(problems) => (BTreeMap::new(), problems),
    };
    let templates: BTreeMap<_, _> = templates
        .into_iter()
        .filter(|(name, _)| !name.starts_with(POSTER_TEMPLATES))
        .collect();
    let mut assets = embedded("static");
    for (name, path) in files_under(&theme_dir.join("static")) {
        match std::fs::read(&path) {
            Ok(bytes) => {
                assets.insert(name, bytes);
            }
            Err(e) => problems.push(Diagnostic::said(
                &path,
                said!("theme-file-unreadable", why = e.to_string()),
            )),
        }
    }
    match compile(root, &templates, &[".html", ".xml"]) {
        Ok(tera) => problems.into_result(Theme { tera, assets }),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// `templates` (name → (file, text)) compiled, escaping the output of templates whose names
/// end in one of `escaped_suffixes`; a syntax error names the template's file.
pub fn compile(
    root: &Path,
    templates: &BTreeMap<String, (PathBuf, String)>,
    escaped_suffixes: &[&'static str],
) -> Result<Tera, Diagnostics> {
    let mut tera = Tera::default();
    tera.autoescape_on(escaped_suffixes.to_vec());
    // Tera's own escaping also encodes `/`, which bloats every URL; `&<>"'` are enough.
    tera.set_escape_fn(crate::markdown::escape);
    let sources: Vec<(String, String)> = templates
        .iter()
        .map(|(name, (_, text))| (name.clone(), text.clone()))
        .collect();
    if let Err(e) = tera.add_raw_templates(sources) {
        let file = templates
            .iter()
            .find(|(name, _)| e.to_string().contains(name.as_str()))
            .map(|(_, (path, _))| path.clone())
            .unwrap_or_else(|| root.join("templates"));
        let why = super::error_chain(&e);
        return Err(Diagnostic::said(file, said!("template-error", why = why)).into());
    }
    Ok(tera)
}

/// Every template of the theme named `name` for the site at `root`, by name: the built-in
/// ones, overridden by the theme folder's, overridden by the site's `templates/`.
pub fn template_sources(
    root: &Path,
    name: &str,
) -> Result<BTreeMap<String, (PathBuf, String)>, Diagnostics> {
    let theme_dir = root.join("themes").join(name);
    if name != "default" && !theme_dir.is_dir() {
        return Err(Diagnostic::said(
            root.join(crate::config::FILE_NAME),
            said!("theme-missing", name = name),
        )
        .into());
    }
    let mut templates: BTreeMap<String, (PathBuf, String)> = embedded("templates")
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (
                name.clone(),
                (PathBuf::from("(built-in theme)").join(&name), text),
            )
        })
        .collect();
    let mut problems = Diagnostics::default();
    for (name, path) in
        files_under(&theme_dir.join("templates")).chain(files_under(&root.join("templates")))
    {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                templates.insert(name, (path, text));
            }
            Err(e) => problems.push(Diagnostic::said(
                &path,
                said!("template-unreadable", why = e.to_string()),
            )),
        }
    }
    problems.into_result(templates)
}

/// The embedded default theme's files under `folder`, by path relative to it.
fn embedded(folder: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if let Some(dir) = DEFAULT_THEME.get_dir(folder) {
        collect_embedded(dir, folder, &mut files);
    }
    files
}

fn collect_embedded(dir: &Dir, prefix: &str, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        if let Ok(rel) = file.path().strip_prefix(prefix) {
            files.insert(slash_path(rel), file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, prefix, files);
    }
}

/// Files under `dir` (none if it does not exist) as (relative path with `/`, full path).
fn files_under(dir: &Path) -> impl Iterator<Item = (String, PathBuf)> + '_ {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(move |e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            Some((slash_path(rel), e.path().to_path_buf()))
        })
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
