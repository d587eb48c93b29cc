//! The jury's material (`laurel export --dossier`): a 汇编 of every nominee of the round
//! (nominated, selected and not selected) as one HTML file made for print (A4, each nominee
//! on a run of pages of their own: portrait, facts, 事迹, honours, the unit's opinion), one
//! HTML file per nominee, and their photos beside them, made by the media stage (resized, no
//! metadata, so no GPS position). Contacts and ID numbers are left out: the jury judges the
//! story, not the person's papers.

use super::{print_jpeg, refuse_published};
use crate::content::{Laureate, Photo, Site, Status};
use crate::diagnostics::Diagnostic;
use crate::markdown::escape;
use crate::media::{Cache, Shape};
use crate::naming::windows_safe;
use std::path::{Path, PathBuf};

/// The 汇编's file name in the dossier folder.
pub const COMPILATION_FILE: &str = "汇编.html";

/// The photos' folder in the dossier folder.
const PHOTOS: &str = "photos";

/// Width of the portrait (3:4) and of the other photos in the dossier, in pixels: sharp in
/// print at the sizes the pages show them (45 mm and 80 mm at about 300 dpi).
const PORTRAIT_WIDTH: u32 = 600;
const PHOTO_WIDTH: u32 = 960;

/// Keys of `private:` read as the unit's opinion (推荐单位意见), first match wins; import
/// writes `opinion`.
const OPINION_KEYS: [&str; 4] = ["opinion", "推荐单位意见", "单位意见", "推荐意见"];

/// Print rules: A4 pages, each nominee from a new page, headings kept with what follows,
/// facts, figures and table rows never split.
const PRINT_CSS: &str = "@page{size:A4;margin:18mm 16mm 20mm}\
body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",SimSun,serif;font-size:11pt;line-height:1.75;color:#000;margin:0 auto;max-width:178mm}\
.cover{text-align:center;padding-top:60mm}.cover h1{font-size:22pt;margin:0 0 8mm}\
.private{border:1px solid #000;display:inline-block;padding:2mm 4mm;font-weight:bold}\
.toc{break-after:page;page-break-after:always}\
.nominee{break-before:page;page-break-before:always}\
h1,h2,h3{break-after:avoid;page-break-after:avoid;line-height:1.4}\
h2{font-size:16pt;border-bottom:2px solid #000;padding-bottom:2mm}h3{font-size:12.5pt;margin:6mm 0 2mm}\
.facts{width:100%;border-collapse:collapse;break-inside:avoid;page-break-inside:avoid}\
.facts th,.facts td{border:1px solid #000;padding:1.5mm 2.5mm;text-align:left;vertical-align:top}\
.facts th{width:22mm;background:#f0f0f0;white-space:nowrap}\
.facts .portrait{width:45mm;text-align:center;vertical-align:middle}.portrait img{width:42mm}\
tr,figure,blockquote{break-inside:avoid;page-break-inside:avoid}\
p{orphans:2;widows:2;text-indent:2em;margin:0 0 2mm}\
.photos{display:flex;flex-wrap:wrap;gap:4mm}.photos figure{margin:0;width:54mm}.photos img{width:100%}\
figcaption{font-size:9.5pt;text-align:center}\
.status{font-size:11pt;font-weight:normal;margin-left:4mm}";

/// Messages and words of the dossier (in one place for the later move into Fluent files).
mod words {
    pub const TITLE: &str = "推荐人选材料汇编";
    pub const PRIVATE: &str = "评审材料，仅供评审使用，请勿外传";
    pub const CONTENTS: &str = "目录";
    pub const STORY: &str = "主要事迹";
    pub const HONOURS: &str = "曾获荣誉";
    pub const OPINION: &str = "推荐单位意见";
    pub const PHOTOS: &str = "工作生活照片";
    pub const NOTHING: &str = "（未填写）";
    pub const NO_PORTRAIT: &str = "（无照片）";
    pub const NO_OPINION: &str = "（推荐表中未见推荐单位意见）";
}

/// What the dossier holds.
#[derive(Debug, Clone)]
pub struct DossierReport {
    /// The folder written.
    pub folder: PathBuf,
    /// The 汇编.
    pub compilation: PathBuf,
    /// Nominees in it, by status: nominated, selected, not selected.
    pub counts: [usize; 3],
    /// Photos that could not be made (the nominee is in the dossier without them).
    pub problems: Vec<Diagnostic>,
}

/// The dossier's default folder: `review/<year>/dossier/` under the site root.
pub fn default_folder(root: &Path, year: u32) -> PathBuf {
    root.join("review").join(year.to_string()).join("dossier")
}

/// Writes the dossier of every nominee of `site` (loaded with every status) into `folder`.
pub fn write(site: &Site, folder: &Path) -> Result<DossierReport, Diagnostic> {
    refuse_published(&site.root, folder)?;
    let io = |e: std::io::Error| {
        Diagnostic::new(
            folder,
            crate::tr!("export-cannot-write-dossier", error = e.to_string()),
        )
    };
    std::fs::create_dir_all(folder.join(PHOTOS)).map_err(io)?;
    let cache = Cache::new(site.root.join(crate::layout::CACHE_DIR));
    let mut problems = Vec::new();
    let mut sections = Vec::new();
    let mut counts = [0; 3];
    for (i, laureate) in site.laureates.iter().enumerate() {
        counts[status_index(laureate.status)] += 1;
        let photos = NomineePhotos::make(site, laureate, folder, &cache, &mut problems);
        let section = nominee_section(laureate, i + 1, &photos);
        let file = folder.join(nominee_file(i + 1, &laureate.name));
        std::fs::write(&file, page(&laureate.name, &section)).map_err(io)?;
        sections.push((laureate, section));
    }
    let compilation = folder.join(COMPILATION_FILE);
    std::fs::write(&compilation, compilation_html(site, &sections)).map_err(io)?;
    Ok(DossierReport {
        folder: folder.to_path_buf(),
        compilation,
        counts,
        problems,
    })
}

/// A nominee's own file: `03-王芳.html`.
fn nominee_file(number: usize, name: &str) -> String {
    windows_safe(&format!("{number:02}-{name}.html"))
}

fn status_index(status: Status) -> usize {
    match status {
        Status::Nominated => 0,
        Status::Selected => 1,
        Status::NotSelected => 2,
    }
}

/// How the dossier names a status.
pub fn status_label(status: Status) -> &'static str {
    ["推荐人选", "入选", "未入选"][status_index(status)]
}

/// A nominee's photos as written into the dossier, relative to its folder.
struct NomineePhotos {
    portrait: Option<String>,
    others: Vec<(String, Option<String>)>,
}

impl NomineePhotos {
    /// Makes the portrait (3:4) and the other photos into `folder/photos/姓名N.jpg`.
    fn make(
        site: &Site,
        laureate: &Laureate,
        folder: &Path,
        cache: &Cache,
        problems: &mut Vec<Diagnostic>,
    ) -> NomineePhotos {
        let mut copy = |photo: &Photo, n: usize, shape: Shape, width: u32| {
            let name = format!(
                "{PHOTOS}/{}",
                windows_safe(&format!("{}{n}.jpg", laureate.name))
            );
            let made = print_jpeg(photo, shape, width, &site.config.images, cache)
                .and_then(|file| copy_file(&file, &folder.join(&name)));
            match made {
                Ok(()) => Some(name),
                Err(d) => {
                    problems.push(d.relative_to(&site.root));
                    None
                }
            }
        };
        let portrait = laureate
            .portrait
            .as_ref()
            .and_then(|p| copy(p, 0, Shape::Portrait, PORTRAIT_WIDTH));
        let others = (laureate.photos.iter().enumerate())
            .filter_map(|(i, p)| {
                let file = copy(p, i + 1, Shape::Original, PHOTO_WIDTH)?;
                Some((file, p.caption.clone()))
            })
            .collect();
        NomineePhotos { portrait, others }
    }
}

fn copy_file(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| {
        Diagnostic::new(
            to,
            crate::tr!("export-cannot-write-photo", error = e.to_string()),
        )
    })
}

/// One nominee's pages: name and status, the facts beside the portrait, the story, the
/// honours, the unit's opinion, the photos.
fn nominee_section(laureate: &Laureate, number: usize, photos: &NomineePhotos) -> String {
    let mut html = format!(
        "<article class=\"nominee\" id=\"n{number}\"><h2>{number}. {}<span class=\"status\">（{}）</span></h2>",
        escape(&laureate.name),
        status_label(laureate.status)
    );
    html.push_str(&facts_table(laureate, photos.portrait.as_deref()));
    html.push_str(&format!("<h3>{}</h3>", words::STORY));
    html.push_str(&story_html(laureate));
    html.push_str(&format!("<h3>{}</h3>", words::HONOURS));
    html.push_str(&lines_html(&laureate.honors));
    html.push_str(&format!("<h3>{}</h3>", words::OPINION));
    let opinion = OPINION_KEYS.iter().find_map(|k| laureate.private.get(*k));
    match opinion {
        Some(text) => html.push_str(&lines_html(
            &text.lines().map(String::from).collect::<Vec<_>>(),
        )),
        None => html.push_str(&format!("<p>{}</p>", words::NO_OPINION)),
    }
    if !photos.others.is_empty() {
        html.push_str(&format!("<h3>{}</h3><div class=\"photos\">", words::PHOTOS));
        for (file, caption) in &photos.others {
            let caption = caption.as_deref().unwrap_or("");
            html.push_str(&format!(
                "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                escape(file),
                escape(caption),
                escape(caption)
            ));
        }
        html.push_str("</div>");
    }
    html.push_str("</article>");
    html
}

/// The facts as a bordered table, the portrait in a cell spanning its rows.
fn facts_table(laureate: &Laureate, portrait: Option<&str>) -> String {
    let team = laureate.team.as_ref();
    let rows: Vec<(&str, String)> = vec![
        ("姓名", laureate.name.clone()),
        (
            "性别",
            match team {
                Some(_) => "团队".into(),
                None => laureate.gender.clone(),
            },
        ),
        (
            "出生年月",
            laureate
                .leader_birth()
                .map(|b| b.to_string())
                .unwrap_or_default(),
        ),
        ("单位", laureate.organization.clone()),
        ("职务职称", laureate.role()),
        (
            "团队成员",
            team.map(|t| t.member_names()).unwrap_or_default(),
        ),
        ("专业领域", laureate.field.clone()),
        ("类别", laureate.category.clone()),
        ("推荐单位", laureate.recommender.clone()),
        (
            "推荐渠道",
            laureate
                .channel
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
        ),
    ];
    let rows: Vec<(&str, String)> = rows
        .into_iter()
        .filter(|(label, value)| !value.is_empty() || !matches!(*label, "团队成员" | "专业领域"))
        .collect();
    let portrait_cell = match portrait {
        Some(file) => format!(
            "<img src=\"{}\" alt=\"{}\">",
            escape(file),
            escape(&laureate.name)
        ),
        None => words::NO_PORTRAIT.to_string(),
    };
    let mut html = String::from("<table class=\"facts\">");
    for (i, (label, value)) in rows.iter().enumerate() {
        let value = match value.is_empty() {
            true => words::NOTHING.to_string(),
            false => escape(value),
        };
        html.push_str(&format!("<tr><th>{label}</th><td>{value}</td>"));
        if i == 0 {
            html.push_str(&format!(
                "<td class=\"portrait\" rowspan=\"{}\">{portrait_cell}</td>",
                rows.len()
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    html
}

/// The story as rendered for the site, its `##` chapters as third-level headings.
fn story_html(laureate: &Laureate) -> String {
    match laureate.story.is_empty() {
        true => format!("<p>{}</p>", words::NOTHING),
        false => laureate
            .story
            .to_html()
            .replace("<h2", "<h4")
            .replace("</h2>", "</h4>"),
    }
}

fn lines_html(lines: &[String]) -> String {
    match lines.is_empty() {
        true => format!("<p>{}</p>", words::NOTHING),
        false => {
            let items: String = lines
                .iter()
                .map(|l| format!("<li>{}</li>", escape(l)))
                .collect();
            format!("<ul>{items}</ul>")
        }
    }
}

/// A whole HTML page around `body`.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\"><title>{}</title><style>{PRINT_CSS}</style></head><body>{body}</body></html>\n",
        escape(title)
    )
}

/// The 汇编: a cover, the contents, every nominee's pages.
fn compilation_html(site: &Site, sections: &[(&Laureate, String)]) -> String {
    let title = format!("{}{}", site.config.official_name(), words::TITLE);
    let mut body = format!(
        "<section class=\"cover\"><h1>{}</h1><p>{}</p><p>共{}名推荐人选</p><p class=\"private\">{}</p></section>",
        escape(&title),
        escape(&site.config.organizer),
        sections.len(),
        words::PRIVATE
    );
    body.push_str(&format!(
        "<nav class=\"toc\"><h2>{}</h2><ol>",
        words::CONTENTS
    ));
    for (i, (laureate, _)) in sections.iter().enumerate() {
        body.push_str(&format!(
            "<li><a href=\"#n{}\">{}</a>　{}　{}</li>",
            i + 1,
            escape(&laureate.name),
            escape(&laureate.recommender),
            status_label(laureate.status)
        ));
    }
    body.push_str("</ol></nav>");
    for (_, section) in sections {
        body.push_str(section);
    }
    page(&title, &body)
}
