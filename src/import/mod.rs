//! `import`: turns nominations as they arrive (推荐表 `.docx`, 汇总表 `.xlsx`/`.docx`, loose
//! photos and videos, 事迹材料, in folders or `.zip` files) into laureate folders under
//! `content/laureates/`. It writes nowhere else, never over a file an editor changed since the
//! last import (a record of what it wrote is kept in each folder), and its report reuses
//! `check`'s findings.

mod docx;
mod form;
mod sources;

use crate::content::natural::natural_cmp;
use crate::diagnostics::Diagnostic;
use crate::layout::{PHOTOS_DIR, PROFILE_FILE, STORY_FILE, VIDEOS_DIR};
use form::Field;
use serde::Serialize;
use sources::Received;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The record of what import wrote into a laureate folder: file (relative) → content hash.
pub const RECORD_FILE: &str = ".laurel-import.json";

/// The version of the JSON report's shape.
pub const REPORT_VERSION: u32 = 1;

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
    /// Problems with the input that are no one candidate's (unreadable files, unassigned
    /// photos …), each naming the file.
    pub problems: Vec<Problem>,
}

/// One candidate's part of the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CandidateReport {
    /// 姓名.
    pub name: String,
    /// The laureate folder, relative to the site root.
    pub folder: String,
    /// Every file written (or planned).
    pub files: Vec<FileAction>,
    /// Problems of this candidate's material: the 推荐表 and the 汇总表 disagree, a HEIC
    /// photo could not be converted …
    pub problems: Vec<Problem>,
    /// What `laurel check` finds in the folder after the import (none with `--dry-run`).
    pub findings: Vec<crate::check::Finding>,
}

/// One file import writes.
#[derive(Debug, Clone, Serialize)]
pub struct FileAction {
    /// The received file it comes from (or `推荐表` for the generated profile and story).
    pub from: String,
    /// Where it goes, relative to the laureate folder.
    pub to: String,
    /// `new`, `updated`, `unchanged`, or `conflict` (an editor changed the file since the last
    /// import: it is left alone).
    pub action: &'static str,
}

/// A problem with the input, naming the file.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The file concerned.
    pub file: String,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: String,
}

impl Problem {
    fn error(d: Diagnostic) -> Problem {
        Problem::of(d, "error")
    }

    fn warning(d: Diagnostic) -> Problem {
        Problem::of(d, "warning")
    }

    fn of(d: Diagnostic, severity: &'static str) -> Problem {
        Problem {
            severity,
            file: d.file.display().to_string(),
            message: d.message,
            hint: d.hint.unwrap_or_default(),
        }
    }
}

/// A candidate being put together from the material.
#[derive(Debug, Default)]
struct Candidate {
    name: String,
    /// Fields from the 推荐表.
    form: BTreeMap<Field, String>,
    /// The row of the 汇总表, by column name.
    summary: BTreeMap<&'static str, String>,
    /// Where the form came from (source, folders), to assign loose files by folder.
    home: Option<(usize, Vec<String>)>,
    /// A separate 事迹材料, which beats the form's cell: (origin, paragraphs).
    story: Option<(String, Vec<String>)>,
    images: Vec<Received>,
    videos: Vec<Received>,
    problems: Vec<Problem>,
}

/// The kinds of received material.
#[derive(Default)]
struct Material {
    forms: Vec<(Received, BTreeMap<Field, String>)>,
    summaries: Vec<(String, Vec<BTreeMap<&'static str, String>>)>,
    stories: Vec<(Received, Vec<String>)>,
    images: Vec<Received>,
    videos: Vec<Received>,
}

/// Imports the material at `options.sources` into the site at `options.root`.
pub fn import(options: &ImportOptions) -> ImportReport {
    let (received, gathered) = sources::gather(&options.sources);
    let mut report = ImportReport {
        version: REPORT_VERSION,
        dry_run: options.dry_run,
        problems: gathered.into_iter().map(Problem::error).collect(),
        ..ImportReport::default()
    };
    let material = sort_material(received, &mut report.problems);
    let mut candidates = candidates(&material, &mut report.problems);
    assign_files(material, &mut candidates, &mut report.problems);
    let converter = heif::Converter::default();
    for candidate in &mut candidates {
        let planned = plan_candidate(candidate, &converter);
        let folder = crate::layout::current_laureates_dir(&options.root).join(&candidate.name);
        let files = write_planned(&folder, &planned, options.dry_run, &mut candidate.problems);
        let shown = folder.strip_prefix(&options.root).unwrap_or(&folder);
        report.candidates.push(CandidateReport {
            name: candidate.name.clone(),
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
fn sort_material(received: Vec<Received>, problems: &mut Vec<Problem>) -> Material {
    let mut material = Material::default();
    let mut office = office::Converter::default();
    for file in received {
        match file.extension().as_str() {
            "docx" => read_word(file, &mut material, problems),
            "doc" | "wps" => match office.convert(&file) {
                Ok(bytes) => read_word(Received { bytes, ..file }, &mut material, problems),
                Err(d) => problems.push(Problem::error(d)),
            },
            "xlsx" | "xls" | "et" => match spreadsheet_rows(&file) {
                Ok(Some(rows)) => material.summaries.push((file.origin.clone(), rows)),
                Ok(None) => problems.push(Problem::warning(
                    Diagnostic::new(&file.origin, "this spreadsheet has no 汇总表 (no header row with 姓名, 性别 …); it was not used")
                        .hint("the 汇总表 needs the notice's column names in one row"),
                )),
                Err(d) => problems.push(Problem::error(d)),
            },
            "jpg" | "jpeg" | "png" | "heic" | "heif" => material.images.push(file),
            "mp4" | "mov" => material.videos.push(file),
            _ => problems.push(Problem::warning(
                Diagnostic::new(&file.origin, "not a kind of file laurel imports; it was left out")
                    .hint("laurel imports .docx/.doc forms and stories, .xlsx/.xls summaries, JPEG/PNG/HEIC photos and MP4/MOV videos"),
            )),
        }
    }
    material
}

/// A Word document: a 汇总表, a 推荐表, or 事迹材料, by what its tables hold.
fn read_word(file: Received, material: &mut Material, problems: &mut Vec<Problem>) {
    let text = match docx::read(&file.bytes) {
        Ok(text) => text,
        Err(e) => {
            let hint = match e {
                docx::DocxError::Encrypted => "ask the unit for a copy without a password",
                docx::DocxError::NotDocx(_) => "open it in Word or WPS and save it again as .docx",
            };
            problems.push(Problem::error(
                Diagnostic::new(&file.origin, e.to_string()).hint(hint),
            ));
            return;
        }
    };
    if let Some(rows) = text.tables.iter().find_map(|t| form::summary_rows(t)) {
        material.summaries.push((file.origin.clone(), rows));
        return;
    }
    let fields = form::form_fields(&text.tables);
    if fields.contains_key(&Field::Name) {
        material.forms.push((file, fields));
    } else if fields.len() >= 3 {
        problems.push(Problem::error(
            Diagnostic::new(&file.origin, "this 推荐表 has no 姓名")
                .hint("fill in the 姓名 cell of the form, or ask the unit for a complete form"),
        ));
    } else if !text.paragraphs.is_empty() {
        material.stories.push((file, text.paragraphs));
    }
}

/// The 汇总表 rows of a spreadsheet's first sheet that has one.
fn spreadsheet_rows(
    file: &Received,
) -> Result<Option<Vec<BTreeMap<&'static str, String>>>, Diagnostic> {
    use calamine::Reader;
    let cursor = std::io::Cursor::new(file.bytes.clone());
    let mut workbook = calamine::open_workbook_auto_from_rs(cursor).map_err(|e| {
        Diagnostic::new(&file.origin, format!("not a readable spreadsheet ({e})"))
            .hint("open it in Excel or WPS and save it again as .xlsx")
    })?;
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let grid: Vec<Vec<String>> = range
            .rows()
            .map(|row| row.iter().map(|cell| cell.to_string()).collect())
            .collect();
        if let Some(rows) = form::summary_rows(&grid) {
            return Ok(Some(rows));
        }
    }
    Ok(None)
}

/// The candidates: one per 推荐表 (a second form for the same name is a warning), and one per
/// 汇总表 row that has no form; each with its 汇总表 row.
fn candidates(material: &Material, problems: &mut Vec<Problem>) -> Vec<Candidate> {
    let mut by_name: BTreeMap<String, Candidate> = BTreeMap::new();
    for (file, fields) in &material.forms {
        let name = clean_name(&fields[&Field::Name]);
        if !usable_folder_name(&name) {
            problems.push(Problem::error(Diagnostic::new(
                &file.origin,
                format!("the form's 姓名 `{name}` cannot be a folder name"),
            )));
            continue;
        }
        if by_name.contains_key(&name) {
            problems.push(Problem::warning(
                Diagnostic::new(
                    &file.origin,
                    format!("a second 推荐表 for {name}; the first one was used"),
                )
                .hint("remove the copy you do not want from the submission and import again"),
            ));
            continue;
        }
        let mut home = file.folders.clone();
        // A form named after its candidate sits in the unit's folder, not its own.
        if home.last().is_some_and(|f| f.contains(&name)) {
            home.pop();
        }
        by_name.insert(
            name.clone(),
            Candidate {
                name,
                form: fields.clone(),
                home: Some((file.source, home)),
                ..Candidate::default()
            },
        );
    }
    for (origin, rows) in &material.summaries {
        for row in rows {
            let name = clean_name(&row["姓名"]);
            if !usable_folder_name(&name) {
                continue;
            }
            let candidate = by_name.entry(name.clone()).or_insert_with(|| Candidate {
                name: name.clone(),
                ..Candidate::default()
            });
            if candidate.form.is_empty() {
                candidate.problems.push(Problem::warning(
                    Diagnostic::new(
                        origin,
                        format!("{name} is in the 汇总表, but no 推荐表 came"),
                    )
                    .hint("the profile was made from the 汇总表 row; ask the unit for the form"),
                ));
            }
            candidate.summary = row.clone();
            compare_form_and_summary(candidate, origin);
        }
    }
    let mut list: Vec<Candidate> = by_name.into_values().collect();
    list.sort_by(|a, b| natural_cmp(&a.name, &b.name));
    list
}

/// 姓名 as written in a cell, without spaces (forms pad two-character names: 王  芳).
fn clean_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

fn usable_folder_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\', ':', '.']) && name.chars().count() <= 20
}

/// Where the 推荐表 and the 汇总表 say different things (a birth month, a unit), a warning.
fn compare_form_and_summary(candidate: &mut Candidate, summary_origin: &str) {
    if candidate.form.is_empty() {
        return;
    }
    let month = |text: &str| crate::content::YearMonth::parse(&normalise_birth(text));
    let pairs = [
        (Field::Birth, "出生年月", "birth month"),
        (Field::Gender, "性别", "gender"),
        (Field::Recommender, "推荐单位", "recommending unit"),
    ];
    for (field, column, what) in pairs {
        let (Some(form), Some(summary)) =
            (candidate.form.get(&field), candidate.summary.get(column))
        else {
            continue;
        };
        let same = match field {
            Field::Birth => month(form) == month(summary),
            _ => clean_name(form) == clean_name(summary),
        };
        if !same {
            candidate.problems.push(Problem::warning(
                Diagnostic::new(
                    summary_origin,
                    format!("the 推荐表 and the 汇总表 give {} different {what}s: `{form}` and `{summary}`", candidate.name),
                )
                .hint("ask the unit which is right; the 推荐表's value was used"),
            ));
        }
    }
    if let (Some(unit), Some(row)) = (
        candidate.form.get(&Field::Organization),
        candidate.summary.get("工作单位及职务职称"),
    ) {
        if !clean_name(row).contains(&clean_name(unit)) {
            candidate.problems.push(Problem::warning(
                Diagnostic::new(
                    summary_origin,
                    format!(
                        "the 推荐表 and the 汇总表 give {} different units: `{unit}` and `{row}`",
                        candidate.name
                    ),
                )
                .hint("ask the unit which is right; the 推荐表's value was used"),
            ));
        }
    }
}

/// `1988.03`, `1988年3月`, `1988-03-12` → `1988-03`-like text [`YearMonth::parse`] reads.
fn normalise_birth(text: &str) -> String {
    let digits: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    match digits.as_slice() {
        [year, month, ..] => format!("{year}-{month}"),
        [compact] if compact.len() == 6 => format!("{}-{}", &compact[..4], &compact[4..]),
        _ => text.to_string(),
    }
}

/// Gives stories, photos and videos to candidates: by a candidate's name in the file name or a
/// folder name (the longest name wins), else by the folder the candidate's form came in.
fn assign_files(material: Material, candidates: &mut [Candidate], problems: &mut Vec<Problem>) {
    let Material {
        stories,
        images,
        videos,
        ..
    } = material;
    let mut names: Vec<(usize, String)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.name.clone()))
        .collect();
    names.sort_by_key(|(_, n)| std::cmp::Reverse(n.chars().count()));
    let owner = |file: &Received| -> Option<usize> {
        let by_name = names.iter().find(|(_, name)| {
            file.name.contains(name.as_str())
                || file.folders.iter().any(|f| f.contains(name.as_str()))
        });
        if let Some((i, _)) = by_name {
            return Some(*i);
        }
        let homes: Vec<usize> = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.home.as_ref().is_some_and(|(source, folders)| {
                    *source == file.source && file.folders.starts_with(folders)
                })
            })
            .map(|(i, _)| i)
            .collect();
        match homes.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    let story_owners: Vec<Option<usize>> = stories.iter().map(|(file, _)| owner(file)).collect();
    let media: Vec<(Received, bool)> = images
        .into_iter()
        .map(|f| (f, false))
        .chain(videos.into_iter().map(|f| (f, true)))
        .collect();
    let media_owners: Vec<Option<usize>> = media.iter().map(|(file, _)| owner(file)).collect();
    for ((file, paragraphs), owner) in stories.into_iter().zip(story_owners) {
        match owner {
            Some(i) if candidates[i].story.is_none() => {
                candidates[i].story = Some((file.origin, paragraphs))
            }
            Some(i) => candidates[i].problems.push(Problem::warning(
                Diagnostic::new(&file.origin, "a second 事迹材料; the first one was used")
                    .hint("keep one story document per candidate"),
            )),
            None => problems.push(unassigned(&file)),
        }
    }
    for ((file, is_video), owner) in media.into_iter().zip(media_owners) {
        match owner {
            Some(i) if is_video => candidates[i].videos.push(file),
            Some(i) => candidates[i].images.push(file),
            None => problems.push(unassigned(&file)),
        }
    }
}

fn unassigned(file: &Received) -> Problem {
    Problem::warning(
        Diagnostic::new(&file.origin, "could not tell whose file this is; it was not imported")
            .hint("put the candidate's name in the file or folder name, or send each unit's files in their own folder"),
    )
}

/// One file to write into a laureate folder.
struct Planned {
    from: String,
    to: String,
    bytes: Vec<u8>,
}

/// The files of a candidate's folder: profile.yaml, story.md, the portrait as 姓名0, the
/// other photos as 姓名1 … in natural order, and videos.
fn plan_candidate(candidate: &mut Candidate, converter: &heif::Converter) -> Vec<Planned> {
    let name = candidate.name.clone();
    let mut images: Vec<(Received, Vec<u8>)> = Vec::new();
    for image in std::mem::take(&mut candidate.images) {
        if matches!(image.extension().as_str(), "heic" | "heif") {
            match converter.to_jpeg(&image) {
                Ok(jpeg) => images.push((image, jpeg)),
                Err(d) => candidate.problems.push(Problem::warning(d)),
            }
        } else {
            let bytes = image.bytes.clone();
            images.push((image, bytes));
        }
    }
    images.sort_by(|a, b| natural_cmp(&a.0.name, &b.0.name));
    let portrait = portrait_index(&images);
    let mut planned = Vec::new();
    let extension = |file: &Received, bytes: &[u8]| match image::guess_format(bytes) {
        Ok(image::ImageFormat::Png) => "png".to_string(),
        Ok(_) => "jpg".to_string(),
        Err(_) => file.extension(),
    };
    let mut number = 0;
    for (i, (file, bytes)) in images.into_iter().enumerate() {
        let n = if Some(i) == portrait {
            0
        } else {
            number += 1;
            number
        };
        planned.push(Planned {
            to: format!("{PHOTOS_DIR}/{name}{n}.{}", extension(&file, &bytes)),
            from: file.origin,
            bytes,
        });
    }
    for (i, video) in std::mem::take(&mut candidate.videos)
        .into_iter()
        .enumerate()
    {
        let suffix = if i == 0 {
            String::new()
        } else {
            (i + 1).to_string()
        };
        planned.push(Planned {
            to: format!("{VIDEOS_DIR}/{name}{suffix}.{}", video.extension()),
            from: video.origin,
            bytes: video.bytes,
        });
    }
    let (story_from, story) = story_of(candidate);
    planned.insert(
        0,
        Planned {
            from: story_from,
            to: STORY_FILE.into(),
            bytes: story.into_bytes(),
        },
    );
    planned.insert(
        0,
        Planned {
            from: "推荐表".into(),
            to: PROFILE_FILE.into(),
            bytes: profile_yaml(candidate).into_bytes(),
        },
    );
    planned
}

/// Which image is the 二寸 portrait: one whose name says so (证件照, 二寸 …), else the one
/// nearest 35:45 upright, if any is near enough.
fn portrait_index(images: &[(Received, Vec<u8>)]) -> Option<usize> {
    const HINTS: &[&str] = &[
        "证件照",
        "二寸",
        "2寸",
        "寸照",
        "免冠",
        "头像",
        "肖像",
        "portrait",
    ];
    let named = images
        .iter()
        .position(|(f, _)| HINTS.iter().any(|h| f.name.to_lowercase().contains(h)));
    named.or_else(|| {
        images
            .iter()
            .enumerate()
            .filter_map(|(i, (_, bytes))| {
                let (w, h) = image::ImageReader::new(std::io::Cursor::new(bytes))
                    .with_guessed_format()
                    .ok()?
                    .into_dimensions()
                    .ok()?;
                let off = (w as f64 / h as f64 - 35.0 / 45.0).abs();
                (off < 0.08).then_some((off, i))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, i)| i)
    })
}

/// `story.md` from the 事迹材料 (which beats the form's 主要事迹 cell): paragraphs kept, a
/// short line without closing punctuation taken as a `##` heading.
fn story_of(candidate: &Candidate) -> (String, String) {
    let (from, paragraphs): (String, Vec<String>) = match &candidate.story {
        Some((origin, paragraphs)) => (origin.clone(), paragraphs.clone()),
        None => (
            "推荐表".into(),
            candidate
                .form
                .get(&Field::Story)
                .map(|text| text.lines().map(str::to_string).collect())
                .unwrap_or_default(),
        ),
    };
    let mut story = String::new();
    for paragraph in paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
    {
        if paragraph.contains("事迹材料") && story.is_empty() {
            continue; // the document's own title
        }
        if is_heading(paragraph) {
            story.push_str(&format!("## {}\n\n", strip_numbering(paragraph)));
        } else {
            story.push_str(paragraph);
            story.push_str("\n\n");
        }
    }
    (from, story)
}

/// A line that reads like a heading: short, and not ending like a sentence.
fn is_heading(line: &str) -> bool {
    let chars = line.chars().count();
    let ends_sentence = line.ends_with(['。', '！', '？', '；', '，', '：', '.', '”', '…']);
    (2..=24).contains(&chars) && !ends_sentence
}

/// `一、扎根田野` / `（一）扎根田野` / `1. 扎根田野` → `扎根田野`.
fn strip_numbering(line: &str) -> &str {
    let trimmed = line.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十（）()、.．".contains(c) || c.is_whitespace()
    });
    if trimmed.is_empty() {
        line
    } else {
        trimmed
    }
}

/// The profile.yaml of a candidate: the form's fields, the 汇总表's where the form is silent;
/// contact data and ID numbers under `private:`.
fn profile_yaml(candidate: &Candidate) -> String {
    let form = |field: Field| candidate.form.get(&field).cloned();
    let summary = |column: &str| candidate.summary.get(column).cloned();
    let (mut position, mut title) = (form(Field::Position), form(Field::Title));
    if let Some(both) = form(Field::PositionAndTitle) {
        let mut parts = both.splitn(2, ['、', '，', ',', '/', ' ', '；']);
        let first = parts.next().map(str::trim).map(str::to_string);
        let second = parts.next().map(str::trim).map(str::to_string);
        match second {
            Some(second) => {
                position = position.or(first);
                title = title.or(Some(second));
            }
            None => title = title.or(first),
        }
    }
    let recommender = form(Field::Recommender).or_else(|| summary("推荐单位"));
    let channel = channel_of(recommender.as_deref(), summary("备注").as_deref());
    let region = recommender.as_deref().and_then(region_of);
    let birth = form(Field::Birth)
        .or_else(|| summary("出生年月"))
        .map(|b| normalise_birth(&b));
    let honors: Vec<String> = form(Field::Honors)
        .map(|h| {
            h.split(['\n', '；', ';'])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && s != "无")
                .collect()
        })
        .unwrap_or_default();
    let mut yaml = format!(
        "# Imported by `laurel import` from the 推荐表{}. Check every value, then fill in\n# summary (简要事迹) and quote (寄语), and captions under photos: if you like.\n",
        if candidate.summary.is_empty() { "" } else { " and the 汇总表" }
    );
    let mut line = |key: &str, value: Option<String>| match value.filter(|v| !v.is_empty()) {
        Some(value) => yaml.push_str(&format!("{key}: {}\n", scalar(&value))),
        None => yaml.push_str(&format!("# {key}:\n")),
    };
    line("name", Some(candidate.name.clone()));
    line("gender", form(Field::Gender).or_else(|| summary("性别")));
    line("birth", birth);
    line("organization", form(Field::Organization));
    line("title", title);
    line("position", position);
    line("field", form(Field::Speciality));
    line("region", region);
    line(
        "category",
        form(Field::Category).or_else(|| summary("类别")),
    );
    line("channel", channel.map(str::to_string));
    line("recommender", recommender);
    if honors.is_empty() {
        yaml.push_str("honors: []\n");
    } else {
        yaml.push_str("honors:\n");
        for honor in honors {
            yaml.push_str(&format!("  - {}\n", scalar(&honor)));
        }
    }
    yaml.push_str("# quote:\n# summary:\n");
    let private: Vec<(&str, Option<String>)> = vec![
        ("phone", form(Field::Phone).or_else(|| summary("联系电话"))),
        ("id_number", form(Field::IdNumber)),
        ("ethnicity", form(Field::Ethnicity)),
        ("politics", form(Field::Politics)),
        ("education", form(Field::Education)),
    ];
    let private: Vec<(&str, String)> = private
        .into_iter()
        .filter_map(|(k, v)| Some((k, v.filter(|v| !v.is_empty())?)))
        .collect();
    if !private.is_empty() {
        yaml.push_str(
            "private:                  # never published; only `laurel export` reads it\n",
        );
        for (key, value) in private {
            yaml.push_str(&format!("  {key}: {}\n", scalar(&value)));
        }
    }
    yaml
}

/// A YAML scalar for `value`, quoted when YAML needs it (numbers like phone numbers stay text).
fn scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && !value.starts_with([
            '-', '?', ':', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
            '`', ' ',
        ])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains('\n')
        && !matches!(value, "true" | "false" | "null" | "yes" | "no" | "~");
    if plain {
        value.to_string()
    } else {
        serde_json::to_string(value).expect("strings serialise")
    }
}

/// The nomination channel a recommending unit (or the 汇总表's 备注) implies.
fn channel_of(recommender: Option<&str>, remark: Option<&str>) -> Option<&'static str> {
    let text = format!("{}{}", recommender.unwrap_or(""), remark.unwrap_or(""));
    if text.contains("高校") || text.contains("大学") || text.contains("学院") {
        Some("university")
    } else if text.contains("学会") {
        Some("society")
    } else if text.contains("县") || text.contains("区") || text.contains("市科协") {
        Some("county")
    } else {
        None
    }
}

/// The county-level district a county's 科协 is in (`冀州区科协` → `冀州区`).
fn region_of(recommender: &str) -> Option<String> {
    let end = recommender.rfind(['县', '区'])?;
    let region = &recommender[..end + '区'.len_utf8()];
    (region.chars().count() >= 2).then(|| region.to_string())
}

/// Writes the planned files into `folder` unless `dry_run`, never over a file an editor
/// changed since the last import (see [`RECORD_FILE`]).
fn write_planned(
    folder: &Path,
    planned: &[Planned],
    dry_run: bool,
    problems: &mut Vec<Problem>,
) -> Vec<FileAction> {
    let record_path = folder.join(RECORD_FILE);
    let mut record: BTreeMap<String, String> = std::fs::read(&record_path)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
        .unwrap_or_default();
    let mut actions = Vec::new();
    for file in planned {
        let target = folder.join(&file.to);
        let new_hash = blake3::hash(&file.bytes).to_hex().to_string();
        let current = std::fs::read(&target)
            .ok()
            .map(|b| blake3::hash(&b).to_hex().to_string());
        let action = match (&current, record.get(&file.to)) {
            (None, _) => "new",
            (Some(now), _) if *now == new_hash => "unchanged",
            (Some(now), Some(written)) if now == written => "updated",
            (Some(_), _) => "conflict",
        };
        if action == "conflict" {
            problems.push(Problem::warning(
                Diagnostic::new(&target, "changed since the last import; the newly received version was not written over it")
                    .hint(format!("compare it with {} and merge by hand if needed", file.from)),
            ));
        }
        if !dry_run && matches!(action, "new" | "updated") {
            let written = target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&target, &file.bytes));
            match written {
                Ok(()) => {
                    record.insert(file.to.clone(), new_hash);
                }
                Err(e) => problems.push(Problem::error(Diagnostic::new(
                    &target,
                    format!("cannot write: {e}"),
                ))),
            }
        }
        actions.push(FileAction {
            from: file.from.clone(),
            to: file.to.clone(),
            action,
        });
    }
    if !dry_run {
        let json = serde_json::to_vec_pretty(&record).expect("records serialise");
        if let Err(e) = std::fs::write(&record_path, json) {
            problems.push(Problem::error(Diagnostic::new(
                &record_path,
                format!("cannot write the import record: {e}"),
            )));
        }
    }
    actions
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
                f.laureate.as_deref() == Some(candidate.name.as_str())
                    || f.file.to_string_lossy().starts_with(&prefix)
            })
            .cloned()
            .collect();
    }
}

/// HEIC photos from iPhones, converted to JPEG with libheif's `heif-convert`, found lazily.
mod heif {
    use super::Received;
    use crate::diagnostics::Diagnostic;
    use std::sync::OnceLock;

    /// `heif-convert`, looked for on first use.
    #[derive(Default)]
    pub struct Converter {
        program: OnceLock<Option<std::path::PathBuf>>,
    }

    impl Converter {
        /// The photo as JPEG, or a problem saying how to get it converted.
        pub fn to_jpeg(&self, photo: &Received) -> Result<Vec<u8>, Diagnostic> {
            let program = self
                .program
                .get_or_init(|| super::office::on_path("heif-convert"))
                .as_ref()
                .ok_or_else(|| {
                    Diagnostic::new(&photo.origin, "a HEIC photo from an iPhone; it was not imported because heif-convert is not installed")
                        .hint("install libheif's tools (Debian/Ubuntu: apt install libheif-examples) and import again, or convert the photo to JPEG")
                })?;
            let dir = tempfile_dir()?;
            let input = dir.join("photo.heic");
            let output = dir.join("photo.jpg");
            let fail = |why: String| {
                Diagnostic::new(
                    &photo.origin,
                    format!("the HEIC photo could not be converted: {why}"),
                )
                .hint("convert it to JPEG by hand, or ask for the original as JPEG")
            };
            std::fs::write(&input, &photo.bytes).map_err(|e| fail(e.to_string()))?;
            let status = std::process::Command::new(program)
                .args(["-q", "92"])
                .arg(&input)
                .arg(&output)
                .output()
                .map_err(|e| fail(e.to_string()))?;
            let jpeg = std::fs::read(&output);
            let _ = std::fs::remove_dir_all(&dir);
            match (status.status.success(), jpeg) {
                (true, Ok(jpeg)) => Ok(jpeg),
                _ => Err(fail(
                    String::from_utf8_lossy(&status.stderr).trim().to_string(),
                )),
            }
        }
    }

    /// A fresh folder under the system's temporary folder.
    pub fn tempfile_dir() -> Result<std::path::PathBuf, Diagnostic> {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("laurel-import-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| Diagnostic::new(&dir, format!("cannot create a temporary folder: {e}")))?;
        Ok(dir)
    }
}

/// `.doc` and `.wps` forms, converted to `.docx` with LibreOffice (`soffice`), found lazily.
mod office {
    use super::Received;
    use crate::diagnostics::Diagnostic;

    /// LibreOffice, looked for on first use; its absence is said once.
    #[derive(Default)]
    pub struct Converter {
        program: Option<Option<std::path::PathBuf>>,
        missing_said: bool,
    }

    impl Converter {
        /// The document as `.docx` bytes.
        pub fn convert(&mut self, file: &Received) -> Result<Vec<u8>, Diagnostic> {
            let program = self
                .program
                .get_or_insert_with(|| on_path("soffice").or_else(|| on_path("libreoffice")))
                .clone();
            let Some(program) = program else {
                let hint = match std::mem::replace(&mut self.missing_said, true) {
                    false => "install LibreOffice (apt install libreoffice-writer) and import again, or open the file in Word or WPS and save it as .docx",
                    true => "as above: install LibreOffice or re-save as .docx",
                };
                return Err(Diagnostic::new(&file.origin, "an old Word (.doc) or WPS file, and LibreOffice is not installed to convert it").hint(hint));
            };
            let dir = super::heif::tempfile_dir()?;
            let input = dir.join(format!("form.{}", file.extension()));
            let fail = |why: String| {
                Diagnostic::new(
                    &file.origin,
                    format!("could not be converted to .docx: {why}"),
                )
                .hint("open it in Word or WPS and save it as .docx")
            };
            std::fs::write(&input, &file.bytes).map_err(|e| fail(e.to_string()))?;
            let output = std::process::Command::new(program)
                .args(["--headless", "--convert-to", "docx", "--outdir"])
                .arg(&dir)
                .arg(&input)
                .output()
                .map_err(|e| fail(e.to_string()))?;
            let converted = std::fs::read(dir.join("form.docx"));
            let _ = std::fs::remove_dir_all(&dir);
            converted.map_err(|_| fail(String::from_utf8_lossy(&output.stderr).trim().to_string()))
        }
    }

    /// Where `program` is on PATH.
    pub fn on_path(program: &str) -> Option<std::path::PathBuf> {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_numbering_and_births_are_recognised() {
        assert!(is_heading("一、扎根田野"));
        assert!(!is_heading("他在田里一待就是十年。"));
        assert_eq!(strip_numbering("（二）带出团队"), "带出团队");
        assert_eq!(strip_numbering("1. 扎根田野"), "扎根田野");
        assert_eq!(normalise_birth("1988年3月"), "1988-3");
        assert_eq!(normalise_birth("1988.03.12"), "1988-03");
        assert_eq!(normalise_birth("198803"), "1988-03");
    }

    #[test]
    fn units_give_channel_and_region() {
        assert_eq!(channel_of(Some("冀州区科协"), None), Some("county"));
        assert_eq!(channel_of(Some("衡水市农学会"), None), Some("society"));
        assert_eq!(channel_of(Some("衡水学院科协"), None), Some("university"));
        assert_eq!(region_of("冀州区科协").as_deref(), Some("冀州区"));
        assert_eq!(region_of("故城县科协").as_deref(), Some("故城县"));
        assert_eq!(scalar("13800000000"), "\"13800000000\"");
        assert_eq!(scalar("衡水市人民医院"), "衡水市人民医院");
    }
}
