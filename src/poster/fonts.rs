//! The CJK font posters are set in: the files named by `fonts:` in site.yaml, else the
//! system's (Noto Sans/Serif CJK SC, Source Han, WenQuanYi …). Never a font without Chinese.

use crate::config::FontFile;
use crate::diagnostics::Diagnostic;
use crate::{said, tr};
use resvg::usvg::fontdb::{self, Database};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Environment variable naming the folders to look for system fonts in (separated like
/// `PATH`), instead of the platform's usual ones.
pub const FONT_DIRS_ENV: &str = "LAUREL_FONT_DIRS";

/// Families to prefer, best first: simplified-Chinese sans faces, then serif, then others.
const PREFERRED_FAMILIES: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "DengXian",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Noto Serif SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "SimSun",
    "Droid Sans Fallback",
];

/// Parts of file names of fonts that may hold Chinese: only these are opened when looking
/// through the system's fonts, which keeps the search fast on machines with many fonts.
const CJK_FILE_HINTS: &[&str] = &[
    "cjk",
    "sourcehan",
    "source-han",
    "notosanssc",
    "notoserifsc",
    "wqy",
    "wenquanyi",
    "droidsansfallback",
    "pingfang",
    "msyh",
    "simhei",
    "simsun",
    "deng",
    "simkai",
    "simfang",
    "lxgw",
    "sarasa",
];

/// Characters every acceptable font must have.
const PROBE: &str = "中国科技工作者最美";

/// The font posters are set in, loaded for usvg and for measuring text.
#[derive(Clone)]
pub struct Fonts {
    /// The faces usvg may use (the chosen family's, and any other site fonts).
    pub db: Arc<Database>,
    /// The family name templates set text in.
    pub family: String,
    regular: fontdb::ID,
    bold: fontdb::ID,
    /// Says which files the family comes from (names and sizes), for the cache key.
    pub identity: String,
}

/// Why there is no poster font.
#[derive(Debug)]
pub enum NoFont {
    /// No font with Chinese characters was found; the note says what to install.
    NotFound(String),
    /// A `fonts:` entry of site.yaml is wrong.
    Configured(Diagnostic),
}

impl Fonts {
    /// The poster font for the site at `root`: the `configured` files (site.yaml's `fonts:`)
    /// when given, else the best CJK family among the system's fonts.
    pub fn find(root: &Path, configured: &[FontFile]) -> Result<Fonts, NoFont> {
        if !configured.is_empty() {
            return Fonts::from_files(root, configured);
        }
        let mut db = Database::new();
        for file in system_candidates() {
            let _ = db.load_font_file(file);
        }
        let family = PREFERRED_FAMILIES
            .iter()
            .find(|wanted| has_family(&db, wanted))
            .map(|f| f.to_string())
            .or_else(|| any_chinese_family(&db))
            .ok_or_else(|| {
                NoFont::NotFound(
                    "no font with Chinese characters was found, so no posters or 长图 were \
                     made. Install one (Debian/Ubuntu: `apt install fonts-noto-cjk`), or name \
                     font files under `fonts:` in site.yaml."
                        .into(),
                )
            })?;
        Ok(Fonts::of_family(db, family))
    }

    fn from_files(root: &Path, configured: &[FontFile]) -> Result<Fonts, NoFont> {
        let site_yaml = root.join(crate::layout::SITE_CONFIG);
        let mut db = Database::new();
        for FontFile { name, path } in configured {
            if let Err(e) = db.load_font_file(path) {
                return Err(NoFont::Configured(Diagnostic::said(
                    &site_yaml,
                    said!("fonts-unreadable", name = name, why = e.to_string()),
                )));
            }
        }
        let family = db
            .faces()
            .find(|face| covers(&db, face.id, PROBE))
            .and_then(|face| face.families.first())
            .map(|(family, _)| family.clone())
            .ok_or_else(|| {
                NoFont::Configured(Diagnostic::said(
                    &site_yaml,
                    said!(
                        "fonts-no-chinese",
                        names = configured
                            .iter()
                            .map(|font| font.name.as_str())
                            .collect::<Vec<_>>()
                            .join(&tr!("list-separator"))
                    ),
                ))
            })?;
        Ok(Fonts::of_family(db, family))
    }

    fn of_family(mut db: Database, family: String) -> Fonts {
        let face = |weight: u16| {
            db.query(&fontdb::Query {
                families: &[fontdb::Family::Name(&family)],
                weight: fontdb::Weight(weight),
                ..Default::default()
            })
            .expect("the family was found among the faces")
        };
        let (regular, bold) = (face(400), face(700));
        for id in [regular, bold] {
            // Map the file once for the whole build instead of once per text run (which cost
            // a tenth of the posters' time in page-table work).
            // SAFETY: the mapping is read-only; a font file rewritten while laurel runs could
            // change under it, which fontdb documents and which installing fonts does not do
            // in place.
            let _ = unsafe { db.make_shared_face_data(id) };
        }
        let mut files: Vec<String> = [regular, bold]
            .iter()
            .filter_map(|id| match db.face_source(*id)?.0 {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
                    let len = std::fs::metadata(&path).map_or(0, |m| m.len());
                    Some(format!("{}:{len}", path.file_name()?.to_string_lossy()))
                }
                _ => None,
            })
            .collect();
        files.dedup();
        Fonts {
            identity: format!("{family};{}", files.join(";")),
            db: Arc::new(db),
            family,
            regular,
            bold,
        }
    }

    /// Runs `measure` with the metrics of the regular (or bold) face.
    pub fn with_metrics<T>(&self, bold: bool, measure: impl FnOnce(&Metrics) -> T) -> T {
        let id = if bold { self.bold } else { self.regular };
        self.db
            .with_face_data(id, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok()?;
                Some(measure(&Metrics {
                    units_per_em: f32::from(face.units_per_em()),
                    face,
                }))
            })
            .flatten()
            .expect("the font was readable when it was found")
    }

    /// The characters of `text` the regular face has no glyph for, each once, in order.
    pub fn missing(&self, text: &str) -> Vec<char> {
        self.with_metrics(false, |metrics| {
            let mut missing: Vec<char> = Vec::new();
            for c in text.chars() {
                if !c.is_whitespace() && !c.is_control() && !metrics.has(c) && !missing.contains(&c)
                {
                    missing.push(c);
                }
            }
            missing
        })
    }
}

/// Glyph widths of one face.
pub struct Metrics<'a> {
    face: ttf_parser::Face<'a>,
    units_per_em: f32,
}

impl Metrics<'_> {
    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }

    /// The advance of `c` in ems (1.0 for a full-width character); a missing glyph counts as
    /// full width.
    pub fn advance(&self, c: char) -> f32 {
        self.face
            .glyph_index(c)
            .and_then(|glyph| self.face.glyph_hor_advance(glyph))
            .map_or(1.0, |units| f32::from(units) / self.units_per_em)
    }
}

/// The system's font files that [`Fonts::find`] opens when site.yaml names none: those in the
/// usual font folders (or `LAUREL_FONT_DIRS`) whose names suggest Chinese.
pub fn system_candidates() -> Vec<PathBuf> {
    system_font_dirs()
        .iter()
        .flat_map(|dir| walkdir::WalkDir::new(dir).follow_links(true).max_depth(6))
        .flatten()
        .filter(|e| e.file_type().is_file() && may_hold_chinese(e.path()))
        .map(walkdir::DirEntry::into_path)
        .collect()
}

fn system_font_dirs() -> Vec<PathBuf> {
    if let Some(dirs) = std::env::var_os(FONT_DIRS_ENV) {
        return std::env::split_paths(&dirs).collect();
    }
    let var = |name: &str| std::env::var_os(name).map(PathBuf::from);
    let mut dirs = match cfg!(windows) {
        true => windows_font_dirs(var),
        false => unix_font_dirs(var),
    };
    dirs.retain(|d| d.is_dir());
    dirs
}

/// The font folders of Linux and macOS: the system's and the user's.
fn unix_font_dirs(var: impl Fn(&str) -> Option<PathBuf>) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/System/Library/Fonts",
        "/Library/Fonts",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = var("HOME") {
        for sub in [".local/share/fonts", ".fonts", "Library/Fonts"] {
            dirs.push(home.join(sub));
        }
    }
    dirs
}

/// The font folders of Windows: `%WINDIR%\Fonts` (微软雅黑 `msyh.ttc`, 等线 `Deng.ttf`, 黑体
/// `simhei.ttf`, 宋体 `simsun.ttc` …) and the folder of fonts a user installed for themselves
/// only, `%LOCALAPPDATA%\Microsoft\Windows\Fonts`.
fn windows_font_dirs(var: impl Fn(&str) -> Option<PathBuf>) -> Vec<PathBuf> {
    let windows = var("WINDIR")
        .or_else(|| var("SystemRoot"))
        .unwrap_or_else(|| PathBuf::from("C:\\Windows"));
    let mut dirs = vec![windows.join("Fonts")];
    if let Some(local) = var("LOCALAPPDATA") {
        dirs.push(local.join("Microsoft").join("Windows").join("Fonts"));
    }
    dirs
}

fn may_hold_chinese(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let is_font = [".ttf", ".otf", ".ttc", ".otc"]
        .iter()
        .any(|ext| name.ends_with(ext));
    is_font && CJK_FILE_HINTS.iter().any(|hint| name.contains(hint))
}

fn has_family(db: &Database, wanted: &str) -> bool {
    db.faces()
        .any(|face| face.families.iter().any(|(name, _)| name == wanted))
}

fn any_chinese_family(db: &Database) -> Option<String> {
    db.faces()
        .find(|face| covers(db, face.id, PROBE))
        .and_then(|face| face.families.first().map(|(name, _)| name.clone()))
}

fn covers(db: &Database, id: fontdb::ID, text: &str) -> bool {
    db.with_face_data(id, |data, index| {
        ttf_parser::Face::parse(data, index)
            .is_ok_and(|face| text.chars().all(|c| face.glyph_index(c).is_some()))
    })
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_fonts_are_looked_for_in_the_system_and_the_users_folders() {
        let env = |name: &str| match name {
            "WINDIR" => Some(PathBuf::from("D:/Windows")),
            "LOCALAPPDATA" => Some(PathBuf::from("C:/Users/王芳/AppData/Local")),
            _ => None,
        };
        assert_eq!(
            windows_font_dirs(env),
            [
                PathBuf::from("D:/Windows/Fonts"),
                Path::new("C:/Users/王芳/AppData/Local")
                    .join("Microsoft")
                    .join("Windows")
                    .join("Fonts"),
            ]
        );
        assert_eq!(
            windows_font_dirs(|_| None),
            [PathBuf::from("C:\\Windows").join("Fonts")]
        );
        for file in [
            "msyh.ttc",
            "MSYHBD.TTC",
            "simhei.ttf",
            "simsun.ttc",
            "Deng.ttf",
        ] {
            assert!(may_hold_chinese(Path::new(file)), "{file}");
        }
        assert!(!may_hold_chinese(Path::new("arial.ttf")));
    }
}
