//! The 联审 table (`laurel export --joint-review`): the selected, with what the consulted
//! offices (纪检监察, 组织人事, 公安, 税务 …) ask about each name: 身份证号, 民族 and 政治面貌 from
//! `private:`. It says in its second row that it holds personal data.

use super::refuse_published;
use super::sheet::Sheet;
use super::summary::unit_and_titles;
use crate::content::{Laureate, Site, Status};
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// The columns, in order.
pub const COLUMNS: [&str; 8] = [
    "序号",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "身份证号",
    "政治面貌",
    "工作单位及职务",
];

/// The row under the title.
pub const PRIVATE_MARKER: &str = "内含个人信息，仅供联审使用，请勿外传";

/// Keys of `private:` read for each column, first match wins (import writes the first).
const ID_KEYS: [&str; 4] = ["id_number", "身份证号", "身份证号码", "公民身份号码"];
const ETHNICITY_KEYS: [&str; 2] = ["ethnicity", "民族"];
const POLITICS_KEYS: [&str; 2] = ["politics", "政治面貌"];

/// What was written, and who lacks a 身份证号 (a warning each, at the profile's line).
#[derive(Debug, Clone)]
pub struct JointReport {
    /// The file written.
    pub file: PathBuf,
    /// The selected in it.
    pub people: usize,
    /// One per selected laureate without a 身份证号.
    pub warnings: Vec<Diagnostic>,
}

/// The default file: `review/<year>/联审信息表.xlsx` under the site root.
pub fn default_file(root: &Path, year: u32) -> PathBuf {
    root.join("review")
        .join(year.to_string())
        .join("联审信息表.xlsx")
}

/// Writes the 联审 table of the selected of `site` into the .xlsx `file`.
pub fn write(site: &Site, file: &Path) -> Result<JointReport, Diagnostic> {
    refuse_published(&site.root, file)?;
    let selected: Vec<&Laureate> = (site.laureates.iter())
        .filter(|l| l.status == Status::Selected)
        .collect();
    let rows: Vec<Vec<String>> = (selected.iter().enumerate())
        .map(|(i, l)| row(i + 1, l))
        .collect();
    let title = format!("{}入选人员联审信息表", site.config.official_name());
    let sheet = Sheet {
        name: "联审信息表",
        title: &title,
        note: Some(PRIVATE_MARKER),
        columns: &COLUMNS,
        rows: &rows,
    };
    let cannot = |e: &dyn std::fmt::Display| {
        Diagnostic::new(
            file,
            crate::tr!("export-cannot-write-joint", error = e.to_string()),
        )
    };
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| cannot(&e))?;
    }
    sheet.save(file).map_err(|e| cannot(&e))?;
    let warnings = selected
        .iter()
        .filter(|l| private(l, &ID_KEYS).is_empty())
        .map(|l| missing_id(site, l))
        .collect();
    Ok(JointReport {
        file: file.to_path_buf(),
        people: rows.len(),
        warnings,
    })
}

/// A `private:` value by the first of `keys` present, else empty.
fn private(l: &Laureate, keys: &[&str]) -> String {
    keys.iter()
        .find_map(|k| l.private.get(*k))
        .cloned()
        .unwrap_or_default()
}

fn row(number: usize, l: &Laureate) -> Vec<String> {
    vec![
        number.to_string(),
        l.name.clone(),
        l.gender.clone(),
        private(l, &ETHNICITY_KEYS),
        l.leader_birth().map(|b| b.to_string()).unwrap_or_default(),
        private(l, &ID_KEYS),
        private(l, &POLITICS_KEYS),
        unit_and_titles(l),
    ]
}

/// The warning for a selected laureate without a 身份证号: where in profile.yaml to add it
/// (under `private:`, else at the end).
fn missing_id(site: &Site, l: &Laureate) -> Diagnostic {
    let file = l.profile_file();
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let private_line = text
        .lines()
        .position(|line| line.trim_end() == "private:")
        .map(|i| i + 1);
    let (line, hint) = match private_line {
        Some(line) => (line, crate::tr!("export-no-id-number-under-private")),
        None => (
            text.lines().count(),
            crate::tr!("export-no-id-number-no-private"),
        ),
    };
    Diagnostic::new(
        file.strip_prefix(&site.root).unwrap_or(&file),
        crate::tr!("export-no-id-number", name = &l.name),
    )
    .at_line(Some(line))
    .hint(hint)
}
