//! The package to the province (`laurel export --province`): for each province pick (a
//! selected laureate with `province_pick: true`) a 推荐表 `.docx` in the notice's layout (a
//! label/value grid, the portrait in its cell, 主要事迹 in its cell, 推荐单位意见), the photos
//! named 姓名+序号 as the notice asks (originals, as large as they came), the videos, and the
//! 汇总表 of the picks, in one zip named after the sending unit and the year. The forms hold
//! 联系电话 and 身份证号, as the province's form asks: the package is not published.

use super::refuse_published;
use super::wordml::{docx, Picture};
use crate::content::{Laureate, Photo, Site, Status};
use crate::diagnostics::Diagnostic;
use crate::media::{Cache, Shape};
use crate::naming::windows_safe;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The notice's smallest photo file: 不小于2MB.
pub const NOTICE_PHOTO_BYTES: u64 = 2_000_000;

/// Originals larger than this are made smaller (by the media stage) before they are packed.
const LARGEST_PHOTO_BYTES: u64 = 20_000_000;
const LARGEST_PHOTO_WIDTH: u32 = 4000;

/// What was packed.
#[derive(Debug, Clone)]
pub struct ProvinceReport {
    /// The zip written.
    pub file: PathBuf,
    /// The picks, in the package's order.
    pub people: Vec<String>,
    /// Photos smaller than the notice's 2 MB (packed as they are: laurel never enlarges).
    pub small_photos: Vec<PathBuf>,
}

/// The package's name without `.zip`: `衡水市科学技术协会-2022-最美科技工作者推荐材料`, after
/// the organiser that sends it (the 科协 among several organisers).
pub fn package_name(site: &Site) -> String {
    let organizer = &site.config.organizer;
    let words: Vec<&str> = organizer.split_whitespace().collect();
    let sender = (words.iter())
        .find(|w| w.contains("科协") || w.contains("科学技术协会"))
        .map_or_else(|| words.concat(), |w| w.to_string());
    let title = site.config.title.trim().trim_matches(['“', '”', '"']);
    windows_safe(&format!(
        "{sender}-{}-{title}推荐材料",
        site.config.campaign.year
    ))
}

/// The default file: `review/<year>/<package name>.zip` under the site root.
pub fn default_file(site: &Site) -> PathBuf {
    (site.root.join("review"))
        .join(site.config.campaign.year.to_string())
        .join(format!("{}.zip", package_name(site)))
}

/// The province picks of `site`, in its order.
pub fn picks(site: &Site) -> Vec<&Laureate> {
    (site.laureates.iter())
        .filter(|l| l.status == Status::Selected && l.province_pick)
        .collect()
}

/// Writes the package of the province picks of `site` into the zip `file`.
pub fn write(site: &Site, file: &Path) -> Result<ProvinceReport, Diagnostic> {
    refuse_published(&site.root, file)?;
    let picks = picks(site);
    if picks.is_empty() {
        return Err(
            Diagnostic::new(&site.root, crate::tr!("export-no-province-picks"))
                .hint(crate::tr!("export-no-province-picks-hint")),
        );
    }
    let cannot = |e: &dyn std::fmt::Display| {
        Diagnostic::new(
            file,
            crate::tr!("export-cannot-write-province", error = e.to_string()),
        )
    };
    let folder = package_name(site);
    let mut package = Package::default();
    let mut small_photos = Vec::new();
    for laureate in &picks {
        let person = format!("{folder}/{}", windows_safe(&laureate.name));
        package.add(
            format!("{person}/{}推荐表.docx", windows_safe(&laureate.name)),
            nomination_docx(site, laureate)?,
        );
        for (n, photo) in numbered_photos(laureate) {
            let name = format!("{person}/{}", photo_name(&laureate.name, n, &photo.source));
            let (bytes, small) = packed_photo(site, photo)?;
            package.add(name, bytes);
            small_photos.extend(small.then(|| photo.source.clone()));
        }
        for (i, video) in laureate.videos.iter().enumerate() {
            let ext = extension(&video.source);
            let name = format!(
                "{person}/{}视频{}.{ext}",
                windows_safe(&laureate.name),
                i + 1
            );
            package.add(name, read(&video.source)?);
        }
    }
    let mut picks_site = site.clone();
    picks_site
        .laureates
        .retain(|l| picks.iter().any(|p| p.folder == l.folder));
    let summary = super::summary::xlsx_bytes(&picks_site, false).map_err(|e| cannot(&e))?;
    package.add(format!("{folder}/推荐人选汇总表.xlsx"), summary);
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| cannot(&e))?;
    }
    std::fs::write(file, package.zip().map_err(|e| cannot(&e))?).map_err(|e| cannot(&e))?;
    Ok(ProvinceReport {
        file: file.to_path_buf(),
        people: picks.iter().map(|l| l.name.clone()).collect(),
        small_photos,
    })
}

/// Files to pack, by name in the zip.
#[derive(Default)]
struct Package {
    entries: Vec<(String, Vec<u8>)>,
}

impl Package {
    fn add(&mut self, name: String, bytes: Vec<u8>) {
        self.entries.push((name, bytes));
    }

    fn zip(&self) -> std::io::Result<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, bytes) in &self.entries {
            zip.start_file(name, options)
                .map_err(std::io::Error::other)?;
            zip.write_all(bytes)?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(path).map_err(|e| {
        Diagnostic::new(
            path,
            crate::tr!("export-cannot-read", error = e.to_string()),
        )
    })
}

fn extension(path: &Path) -> String {
    (path.extension())
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_else(|| "jpg".into())
}

/// The portrait as 姓名0, the other photos 姓名1 … (the notice's 姓名+序号).
fn numbered_photos(laureate: &Laureate) -> Vec<(usize, &Photo)> {
    let others = laureate.photos.iter().enumerate().map(|(i, p)| (i + 1, p));
    laureate
        .portrait
        .iter()
        .map(|p| (0, p))
        .chain(others)
        .collect()
}

fn photo_name(name: &str, n: usize, source: &Path) -> String {
    let ext = match extension(source).as_str() {
        "jpeg" => "jpg".to_string(),
        other => other.to_string(),
    };
    windows_safe(&format!("{name}{n}.{ext}"))
}

/// A photo's bytes as packed: the original, unless larger than the notice needs by far
/// (then the media stage makes it 4000 px wide); whether it is under the notice's 2 MB.
fn packed_photo(site: &Site, photo: &Photo) -> Result<(Vec<u8>, bool), Diagnostic> {
    let bytes = read(&photo.source)?;
    if bytes.len() as u64 <= LARGEST_PHOTO_BYTES {
        let small = (bytes.len() as u64) < NOTICE_PHOTO_BYTES;
        return Ok((bytes, small));
    }
    let cache = Cache::new(site.root.join(crate::layout::CACHE_DIR));
    let made = super::print_jpeg(
        photo,
        Shape::Original,
        LARGEST_PHOTO_WIDTH,
        &site.config.images,
        &cache,
    )?;
    Ok((read(&made)?, false))
}

/// A 推荐表 as the `.docx` the notice attaches.
fn nomination_docx(site: &Site, laureate: &Laureate) -> Result<Vec<u8>, Diagnostic> {
    let picture = match &laureate.portrait {
        Some(portrait) => {
            let cache = Cache::new(site.root.join(crate::layout::CACHE_DIR));
            let file =
                super::print_jpeg(portrait, Shape::Portrait, 600, &site.config.images, &cache)?;
            Some(Picture {
                jpeg: read(&file)?,
                size_cm: (2.7, 3.6),
            })
        }
        None => None,
    };
    let form = super::nomination::form(site, laureate, picture.is_some());
    docx(&form, picture.as_ref()).map_err(|e| {
        let error = e.to_string();
        Diagnostic::new(
            &laureate.folder,
            crate::tr!("export-cannot-make-form", error = error),
        )
    })
}
