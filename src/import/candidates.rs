//! Who the material is about: one candidate per 推荐表 (a person or a team) and per 汇总表 row
//! without a form, each with its 汇总表 row; then whose each story, photo and video is — by a
//! candidate's name in the file or folder name, else by the folder: a file belongs to the one
//! form in its folder or the nearest folder above it that holds exactly one.

use super::form::{Field, Form};
use super::normalise;
use super::sources::Received;
use super::UnitReport;
use crate::content::natural::natural_cmp;
use crate::diagnostics::Diagnostic;
use crate::finding::Finding;
use crate::{said, tr};
use std::collections::BTreeMap;

/// One received 汇总表: where it came from, and its rows.
pub struct Summary {
    /// The file it came from, for reports.
    pub origin: String,
    /// One row per candidate.
    pub rows: Vec<BTreeMap<Field, String>>,
    /// The recommending unit the folder it came in is named after (`枣强县科协/汇总表.xlsx`),
    /// for rows without a 推荐单位 column.
    pub unit: Option<String>,
}

/// The endings of recommending units' names (科协, 学会 …).
const UNIT_ENDINGS: &[&str] = &["科协", "学会", "协会", "研究会", "大学", "学院"];

impl Summary {
    /// The 汇总表 `rows` read from `file`; its unit from the folders it came in, innermost
    /// first, or from the folder or zip given to import when it sat at the top.
    pub fn new(file: &Received, rows: Vec<BTreeMap<Field, String>>) -> Summary {
        let given = match file.origin.split_once('!') {
            Some((archive, _)) => archive,
            None => &file.origin,
        };
        let top = std::path::Path::new(given)
            .components()
            .rev()
            .nth(usize::from(!file.origin.contains('!')))
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let places = file.folders.iter().rev().cloned();
        let unit = places
            .chain(top.filter(|_| file.folders.is_empty()))
            .map(|place| place.trim_end_matches(".zip").to_string())
            .find(|place| UNIT_ENDINGS.iter().any(|e| place.ends_with(e)))
            .map(|place| normalise::name(&place));
        Summary {
            origin: file.origin.clone(),
            rows,
            unit,
        }
    }
}

/// The received material, sorted by kind.
#[derive(Default)]
pub struct Material {
    /// 推荐表.
    pub forms: Vec<(Received, Form)>,
    /// 汇总表.
    pub summaries: Vec<Summary>,
    /// 事迹材料 (documents of paragraphs).
    pub stories: Vec<(Received, Vec<String>)>,
    /// Photos.
    pub images: Vec<Received>,
    /// Videos.
    pub videos: Vec<Received>,
}

/// A candidate being put together from the material.
#[derive(Debug, Default)]
pub struct Candidate {
    /// 姓名, or the team's name.
    pub name: String,
    /// A team nomination.
    pub is_team: bool,
    /// Fields from the 推荐表.
    pub fields: BTreeMap<Field, String>,
    /// A team's members, from the form's members table.
    pub members: Vec<BTreeMap<Field, String>>,
    /// Pictures pasted into the form.
    pub pictures: Vec<Vec<u8>>,
    /// Where the form came from (for reports), or `汇总表` when there is none.
    pub form_origin: String,
    /// The row of the 汇总表, by field.
    pub summary: BTreeMap<Field, String>,
    /// Where the form came from (source, folders), to assign loose files by folder.
    home: Option<(usize, Vec<String>)>,
    /// A separate 事迹材料, which beats the form's cell: (origin, paragraphs).
    pub story: Option<(String, Vec<String>)>,
    /// Photos.
    pub images: Vec<Received>,
    /// Videos.
    pub videos: Vec<Received>,
    /// Problems of this candidate's material.
    pub problems: Vec<Finding>,
}

/// The candidates, in natural order of names: one per 推荐表 (a second form for the same name
/// is a warning), and one per 汇总表 row that has no form; each with its 汇总表 row.
pub fn candidates(material: &Material, problems: &mut Vec<Finding>) -> Vec<Candidate> {
    let mut by_name: BTreeMap<String, Candidate> = BTreeMap::new();
    for (file, form) in &material.forms {
        let Some(candidate) = from_form(file, form, problems) else {
            continue;
        };
        if by_name.contains_key(&candidate.name) {
            let said = said!("import-second-form", name = &candidate.name);
            problems.push(super::warning(Diagnostic::said(&file.origin, said)));
            continue;
        }
        by_name.insert(candidate.name.clone(), candidate);
    }
    for summary in &material.summaries {
        for row in &summary.rows {
            let mut row = row.clone();
            let given = row
                .get(&Field::Recommender)
                .is_some_and(|unit| !unit.trim().is_empty());
            if let (false, Some(unit)) = (given, &summary.unit) {
                row.insert(Field::Recommender, unit.clone());
            }
            add_summary_row(&mut by_name, &summary.origin, &row);
        }
    }
    let mut list: Vec<Candidate> = by_name.into_values().collect();
    list.sort_by(|a, b| natural_cmp(&a.name, &b.name));
    list
}

/// The candidate of one 推荐表, or a problem when its name cannot be a folder name.
fn from_form(file: &Received, form: &Form, problems: &mut Vec<Finding>) -> Option<Candidate> {
    let label = if form.is_team() {
        Field::TeamName
    } else {
        Field::Name
    };
    let name = normalise::name(&form.fields[&label]);
    if !usable_folder_name(&name) {
        let said = said!("import-name-unusable", name = &name);
        problems.push(super::error(Diagnostic::said(&file.origin, said)));
        return None;
    }
    Some(Candidate {
        name,
        is_team: form.is_team(),
        fields: form.fields.clone(),
        members: form.members.clone(),
        pictures: form.pictures.clone(),
        form_origin: file.origin.clone(),
        home: Some((file.source, file.folders.clone())),
        ..Candidate::default()
    })
}

/// Gives a 汇总表 row to its candidate (made from the row when no form came) and says where
/// the two disagree.
fn add_summary_row(
    by_name: &mut BTreeMap<String, Candidate>,
    origin: &str,
    row: &BTreeMap<Field, String>,
) {
    let name = normalise::name(&row[&Field::Name]);
    if !usable_folder_name(&name) {
        return;
    }
    let candidate = by_name.entry(name.clone()).or_insert_with(|| Candidate {
        name: name.clone(),
        form_origin: origin.to_string(),
        ..Candidate::default()
    });
    if candidate.fields.is_empty() {
        let said = said!("import-row-without-form", name = name);
        candidate
            .problems
            .push(super::warning(Diagnostic::said(origin, said)));
    }
    candidate.summary = row.clone();
    compare_form_and_summary(candidate, origin);
}

fn usable_folder_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\', ':', '.']) && name.chars().count() <= 20
}

/// Where the 推荐表 and the 汇总表 say different things (a birth month, a unit), a warning.
fn compare_form_and_summary(candidate: &mut Candidate, summary_origin: &str) {
    if candidate.fields.is_empty() {
        return;
    }
    let pairs = [
        (Field::Birth, "birth"),
        (Field::Gender, "gender"),
        (Field::Recommender, "recommender"),
    ];
    for (field, what) in pairs {
        let (Some(form), Some(summary)) =
            (candidate.fields.get(&field), candidate.summary.get(&field))
        else {
            continue;
        };
        let same = match field {
            Field::Birth => normalise::month(form) == normalise::month(summary),
            _ => normalise::name(form) == normalise::name(summary),
        };
        if !same {
            candidate.problems.push(disagreement(
                summary_origin,
                &candidate.name,
                what,
                form,
                summary,
            ));
        }
    }
    let unit = candidate
        .fields
        .get(&Field::Organization)
        .cloned()
        .or_else(|| {
            let employment = candidate.fields.get(&Field::Employment)?;
            normalise::employment(employment).organization
        });
    if let (Some(unit), Some(row)) = (unit, candidate.summary.get(&Field::Employment)) {
        if !normalise::name(row).contains(&normalise::name(&unit)) {
            candidate.problems.push(disagreement(
                summary_origin,
                &candidate.name,
                "unit",
                &unit,
                row,
            ));
        }
    }
}

/// The 推荐表 and the 汇总表 disagree on `what` (`birth`, `gender`, `recommender`, `unit`).
fn disagreement(origin: &str, name: &str, what: &str, form: &str, summary: &str) -> Finding {
    let said = said!(
        "import-disagree",
        name = name,
        what = what,
        form = form,
        summary = summary
    );
    super::warning(Diagnostic::said(origin, said))
}

/// Gives stories, photos and videos to candidates; what belongs to no one is a problem.
pub fn assign_files(material: Material, candidates: &mut [Candidate], problems: &mut Vec<Finding>) {
    let Material {
        stories,
        images,
        videos,
        ..
    } = material;
    let owners: Vec<Option<usize>> = {
        let owner = Owners::new(candidates);
        let files = stories.iter().map(|(f, _)| f).chain(&images).chain(&videos);
        files.map(|file| owner.of(file)).collect()
    };
    let mut owners = owners.into_iter();
    for (file, paragraphs) in stories {
        match owners.next().flatten() {
            Some(i) if candidates[i].story.is_none() => {
                candidates[i].story = Some((file.origin, paragraphs))
            }
            Some(i) => candidates[i].problems.push(super::warning(Diagnostic::said(
                &file.origin,
                said!("import-second-story"),
            ))),
            None => problems.push(unassigned(&file)),
        }
    }
    for (file, is_video) in images
        .into_iter()
        .map(|f| (f, false))
        .chain(videos.into_iter().map(|f| (f, true)))
    {
        match owners.next().flatten() {
            Some(i) if is_video => candidates[i].videos.push(file),
            Some(i) => candidates[i].images.push(file),
            None => problems.push(unassigned(&file)),
        }
    }
}

/// Finds whose a file is.
struct Owners<'a> {
    /// Candidates' names ([`normalise::name_key`]), longest first, so 王芳芳 wins over 王芳.
    names: Vec<(usize, String)>,
    candidates: &'a [Candidate],
}

impl<'a> Owners<'a> {
    fn new(candidates: &'a [Candidate]) -> Owners<'a> {
        let mut names: Vec<(usize, String)> = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (i, normalise::name_key(&c.name)))
            .collect();
        names.sort_by_key(|(_, n)| std::cmp::Reverse(n.chars().count()));
        Owners { names, candidates }
    }

    /// The candidate `file` belongs to: by name in its file or folder names, else by folder.
    fn of(&self, file: &Received) -> Option<usize> {
        let places: Vec<String> = file
            .folders
            .iter()
            .chain([&file.name])
            .map(|p| normalise::name_key(p))
            .collect();
        let by_name = self
            .names
            .iter()
            .find(|(_, name)| places.iter().any(|p| p.contains(name.as_str())));
        by_name.map(|(i, _)| *i).or_else(|| self.by_folder(file))
    }

    /// The one form in the file's folder or in the nearest folder above it (counting the
    /// forms in its subfolders) that holds exactly one; none when the nearest holds several.
    fn by_folder(&self, file: &Received) -> Option<usize> {
        for depth in (0..=file.folders.len()).rev() {
            let folder = &file.folders[..depth];
            let forms: Vec<usize> = self
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.home.as_ref().is_some_and(|(source, home)| {
                        *source == file.source && home.starts_with(folder)
                    })
                })
                .map(|(i, _)| i)
                .collect();
            match forms.as_slice() {
                [] => continue,
                [one] => return Some(*one),
                _ => return None,
            }
        }
        None
    }
}

fn unassigned(file: &Received) -> Finding {
    super::warning(Diagnostic::said(&file.origin, said!("import-unassigned")))
}

/// Per recommending unit: how many 推荐表 and 汇总表 rows came, and what is missing (forms but
/// no 汇总表, rows without a form).
pub fn units(candidates: &[Candidate]) -> Vec<UnitReport> {
    let mut units: BTreeMap<String, UnitReport> = BTreeMap::new();
    for candidate in candidates {
        let unit = candidate
            .fields
            .get(&Field::Recommender)
            .or_else(|| candidate.summary.get(&Field::Recommender))
            .map(|u| normalise::name(u))
            .unwrap_or_default();
        let entry = units.entry(unit.clone()).or_insert_with(|| UnitReport {
            name: unit,
            ..UnitReport::default()
        });
        if !candidate.fields.is_empty() {
            entry.forms.push(candidate.name.clone());
        }
        if !candidate.summary.is_empty() {
            entry.summary_rows.push(candidate.name.clone());
        }
    }
    let mut list: Vec<UnitReport> = units.into_values().collect();
    for unit in &mut list {
        let shown = if unit.name.is_empty() {
            tr!("import-unit-unnamed")
        } else {
            unit.name.clone()
        };
        if !unit.forms.is_empty() && unit.summary_rows.is_empty() {
            let said = said!("import-no-summary", count = unit.forms.len());
            unit.problems
                .push(super::warning(Diagnostic::said(&shown, said)));
        }
        let without_form: Vec<&str> = unit
            .summary_rows
            .iter()
            .filter(|name| !unit.forms.contains(name))
            .map(String::as_str)
            .collect();
        if !without_form.is_empty() {
            let said = said!("import-rows-without-forms", names = without_form.join("、"));
            unit.problems
                .push(super::warning(Diagnostic::said(&shown, said)));
        }
    }
    list.sort_by(|a, b| natural_cmp(&a.name, &b.name));
    list
}
