//! `import`: turns nominations as they arrive (推荐表 `.docx` of any common layout, team
//! nominations, 汇总表 `.xlsx`/`.docx`, loose photos and videos, 事迹材料, in folders or `.zip`
//! files) into laureate folders under `content/laureates/`. It writes nowhere else, never over
//! a file an editor changed since the last import, and its report reuses `check`'s findings.
//!
//! The stages, one module each: [`sources`] gathers the received files (zips unpacked, junk
//! left out), [`docx`] and [`form`] read the documents, [`normalise`] makes typed values into
//! profile values, [`candidates`] decides who is who and whose each file is, [`plan`] lays out
//! each candidate's folder, [`write`] writes it; [`convert`] runs the outside converters.

mod candidates;
mod convert;
mod docx;
mod form;
pub(crate) mod normalise;
mod plan;
mod sources;
mod write;

pub use convert::heif::Converter as HeicConverter;
pub use write::RECORD_FILE;

use crate::diagnostics::Diagnostic;
use crate::finding::{self, Finding, Rule, Severity};
use crate::said;
use candidates::{Material, Summary};
use form::Contents;
use serde::Serialize;
use sources::Received;
use std::path::{Path, PathBuf};

/// The version of the JSON report's shape (2: `units`, the `kept` action).
pub const REPORT_VERSION: u32 = 2;

/// What to import and where.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The site root.
    pub root: PathBuf,
    /// Folders and `.zip` files as received.
    pub sources: Vec<PathBuf>,
    /// Print the plan, write nothing.
    pub dry_run: bool,
}

/// What import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// The shape's version, [`REPORT_VERSION`].
    pub version: u32,
    /// True when nothing was written.
    pub dry_run: bool,
    /// One entry per candidate, in natural order of names.
    pub candidates: Vec<CandidateReport>,
    /// One entry per recommending unit: its forms, its 汇总表 rows, what is missing.
    pub units: Vec<UnitReport>,
    /// Problems with the input that are no one candidate's (unreadable files, unassigned
    /// photos …), each naming the file.
    #[serde(serialize_with = "finding::as_problems")]
    pub problems: Vec<Finding>,
}

impl ImportReport {
    /// True when some received file could not be read or written.
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .chain(self.candidates.iter().flat_map(|c| &c.problems))
            .any(Finding::is_error)
    }
}

/// One candidate's part of the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CandidateReport {
    /// 姓名, or the team's name.
    pub name: String,
    /// True for a team nomination.
    pub team: bool,
    /// The laureate folder, relative to the site root.
    pub folder: String,
    /// Every file written (or planned).
    pub files: Vec<FileAction>,
    /// Problems of this candidate's material: the 推荐表 and the 汇总表 disagree, a HEIC
    /// photo could not be converted, contact data moved out of the story …
    #[serde(serialize_with = "finding::as_problems")]
    pub problems: Vec<Finding>,
    /// What `laurel check` finds in the folder after the import (none with `--dry-run`).
    pub findings: Vec<crate::check::Finding>,
}

/// One recommending unit's part of the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UnitReport {
    /// The 推荐单位 as the forms give it (empty when none says).
    pub name: String,
    /// The candidates whose 推荐表 came.
    pub forms: Vec<String>,
    /// The candidates in its 汇总表.
    pub summary_rows: Vec<String>,
    /// What is missing: no 汇总表, rows without a form.
    #[serde(serialize_with = "finding::as_problems")]
    pub problems: Vec<Finding>,
}

/// One file import writes.
#[derive(Debug, Clone, Serialize)]
pub struct FileAction {
    /// The received file it comes from: for the profile the 推荐表 (`汇总表` when only its row
    /// named the candidate), for the story the 事迹材料 or the 推荐表.
    pub from: String,
    /// Where it goes, relative to the laureate folder.
    pub to: String,
    /// What was (or would be) done with it.
    pub action: Action,
}

/// What import does with one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Not there yet: written.
    New,
    /// Received anew and nobody changed the file since the last import: rewritten.
    Updated,
    /// Already as received.
    Unchanged,
    /// An editor changed it and the received material is what was imported last time: the
    /// editor's copy is kept.
    Kept,
    /// Both the editor's copy and the received material changed: left alone, reported.
    Conflict,
}

impl Action {
    /// Its name, as in the JSON report (`new`, `kept` …); the text report words it with
    /// the message `import-action`.
    pub fn name(self) -> &'static str {
        match self {
            Action::New => "new",
            Action::Updated => "updated",
            Action::Unchanged => "unchanged",
            Action::Kept => "kept",
            Action::Conflict => "conflict",
        }
    }
}

/// A problem import met (an unreadable or unwritable file) as an error.
fn error(d: Diagnostic) -> Finding {
    Finding::of_diagnostic(&d, Rule::Import, Severity::Error)
}

/// Something in the received material to look at, as a warning.
fn warning(d: Diagnostic) -> Finding {
    Finding::of_diagnostic(&d, Rule::Import, Severity::Warning)
}

/// Imports the material at `options.sources` into the site at `options.root`.
pub fn import(options: &ImportOptions) -> ImportReport {
    let (received, gathered) = sources::gather(&options.sources);
    let mut report = ImportReport {
        version: REPORT_VERSION,
        dry_run: options.dry_run,
        problems: gathered.into_iter().map(error).collect(),
        ..ImportReport::default()
    };
    let material = sort_material(received, &mut report.problems);
    let mut candidates = candidates::candidates(&material, &mut report.problems);
    candidates::assign_files(material, &mut candidates, &mut report.problems);
    report.units = candidates::units(&candidates);
    let converter = convert::heif::Converter::default();
    let laureates = crate::years::current_laureates_dir(&options.root);
    for candidate in &mut candidates {
        let planned = plan::plan_candidate(candidate, &converter);
        let folder = laureates.join(crate::naming::windows_safe(&candidate.name));
        let files =
            write::write_planned(&folder, &planned, options.dry_run, &mut candidate.problems);
        let shown = folder.strip_prefix(&options.root).unwrap_or(&folder);
        report.candidates.push(CandidateReport {
            name: candidate.name.clone(),
            team: candidate.is_team,
            folder: shown.to_string_lossy().into_owned(),
            files,
            problems: std::mem::take(&mut candidate.problems),
            findings: Vec::new(),
        });
    }
    if !options.dry_run {
        add_check_findings(&options.root, &mut report);
    }
    report
}

/// Sorts received files into forms, summaries, stories, photos and videos; `.doc`/`.wps` are
/// converted with LibreOffice when it is installed.
fn sort_material(received: Vec<Received>, problems: &mut Vec<Finding>) -> Material {
    let mut material = Material::default();
    let mut office = convert::office::Converter::default();
    for file in received {
        match file.extension().as_str() {
            "docx" => read_word(file, &mut material, problems),
            "doc" | "wps" => match office.convert(&file) {
                Ok(bytes) => read_word(Received { bytes, ..file }, &mut material, problems),
                Err(d) => problems.push(error(d)),
            },
            "xlsx" | "xls" | "et" => match spreadsheet_rows(&file) {
                Ok(Some(rows)) => material.summaries.push(Summary::new(&file, rows)),
                Ok(None) => problems.push(warning(Diagnostic::said(
                    &file.origin,
                    said!("import-no-summary-sheet"),
                ))),
                Err(d) => problems.push(error(d)),
            },
            "jpg" | "jpeg" | "png" | "heic" | "heif" => material.images.push(file),
            "mp4" | "mov" => material.videos.push(file),
            _ => problems.push(warning(Diagnostic::said(
                &file.origin,
                said!("import-unknown-kind"),
            ))),
        }
    }
    material
}

/// A Word document: a 推荐表, a 汇总表, or 事迹材料, by what its tables hold.
fn read_word(file: Received, material: &mut Material, problems: &mut Vec<Finding>) {
    let document = match docx::read(&file.bytes) {
        Ok(document) => document,
        Err(e) => {
            problems.push(error(Diagnostic::said(&file.origin, e.said())));
            return;
        }
    };
    match form::read(&document) {
        Contents::Form(form) => material.forms.push((file, form)),
        Contents::Summary(rows) => material.summaries.push(Summary::new(&file, rows)),
        Contents::Nameless => problems.push(error(Diagnostic::said(
            &file.origin,
            said!("import-form-nameless"),
        ))),
        Contents::Paragraphs(paragraphs) if !paragraphs.is_empty() => {
            material.stories.push((file, paragraphs))
        }
        Contents::Paragraphs(_) => {}
    }
}

/// The 汇总表 rows of a spreadsheet's first sheet that has one.
fn spreadsheet_rows(
    file: &Received,
) -> Result<Option<Vec<std::collections::BTreeMap<form::Field, String>>>, Diagnostic> {
    use calamine::Reader;
    let cursor = std::io::Cursor::new(file.bytes.clone());
    let mut workbook = calamine::open_workbook_auto_from_rs(cursor).map_err(|e| {
        Diagnostic::said(
            &file.origin,
            said!("import-not-spreadsheet", why = e.to_string()),
        )
    })?;
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let grid: Vec<Vec<String>> = range
            .rows()
            .map(|row| row.iter().map(|cell| cell.to_string()).collect())
            .collect();
        if let Some(rows) = form::rows_under_header(&grid) {
            return Ok(Some(rows));
        }
    }
    Ok(None)
}

/// Adds to each candidate what `laurel check` finds in its folder now.
fn add_check_findings(root: &Path, report: &mut ImportReport) {
    let Ok(partial) = crate::content::load_partial(root) else {
        return;
    };
    let checked = crate::check::check_partial(&partial);
    for candidate in &mut report.candidates {
        let prefix = format!("{}/", candidate.folder);
        candidate.findings = checked
            .findings
            .iter()
            .filter(|f| {
                f.place.laureate.as_deref() == Some(candidate.name.as_str())
                    || f.place.laureates.contains(&candidate.name)
                    || f.place.file.to_string_lossy().starts_with(&prefix)
            })
            .cloned()
            .collect();
    }
}
