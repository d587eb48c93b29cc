//! Helpers for whole-site tests: small sites written into a temporary folder, photos made
//! in the test (with EXIF orientation and GPS where a test needs them), and the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A site under construction in a temporary folder.
pub struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    /// An empty site with the given `site.yaml`.
    pub fn new(site_yaml: &str) -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        site.write("site.yaml", site_yaml);
        site
    }

    /// A copy of the repository's example campaign (site.yaml, content/, static/).
    pub fn example() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("site.yaml"), site.root().join("site.yaml")).unwrap();
        for folder in ["content", "static"] {
            copy_tree(&repo.join(folder), &site.root().join(folder));
        }
        site
    }

    /// A copy of the fixture site `tests/fixtures/sites/<name>/` in a temporary folder.
    pub fn fixture(name: &str) -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_tree(&fixture_site(name), site.root());
        site
    }

    /// Rewrites a text file of the site through `change`.
    pub fn edit(&self, rel: &str, change: impl FnOnce(String) -> String) -> &Self {
        let path = self.root().join(rel);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        self.write(rel, &change(text))
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes a text file (creating folders).
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        self.write_bytes(rel, text.as_bytes())
    }

    /// Writes a binary file (creating folders).
    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// Adds a laureate folder with a profile (the YAML given after `name:`), a story and
    /// `photos` generated JPEG photos named 姓名1.jpg … plus a portrait 姓名0.jpg.
    pub fn laureate(&self, name: &str, extra_yaml: &str, story: &str, photos: usize) -> &Self {
        let folder = format!("content/laureates/{name}");
        self.write(
            &format!("{folder}/profile.yaml"),
            &format!("name: {name}\n{extra_yaml}"),
        );
        self.write(&format!("{folder}/story.md"), story);
        self.write_bytes(
            &format!("{folder}/photos/{name}0.jpg"),
            &jpeg(350, 450, [200, 80, 60]),
        );
        for i in 1..=photos {
            let colour = [(20 * i % 250) as u8, 120, (200 - 15 * i % 200) as u8];
            self.write_bytes(
                &format!("{folder}/photos/{name}{i}.jpg"),
                &jpeg(800, 600, colour),
            );
        }
        self
    }

    /// Reads an output file as text.
    pub fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Runs `laurel build` on the site.
    pub fn build(&self) -> Output {
        self.build_with_env(&[])
    }

    /// Runs `laurel build` on the site with extra environment variables.
    pub fn build_with_env(&self, env: &[(&str, &str)]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_laurel"))
            .args(["build", "--root", self.root().to_str().unwrap()])
            .env("LAUREL_LANG", "en")
            .envs(env.iter().copied())
            .output()
            .expect("run laurel")
    }

    /// Runs `laurel build` and fails the test unless it succeeded.
    pub fn build_ok(&self) -> Output {
        let output = self.build();
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
        output
    }
}

/// Runs `laurel check --format json` on the site: the exit code and the parsed report.
pub fn check_json(site: &TestSite) -> (Option<i32>, serde_json::Value) {
    let output = laurel(&[
        "check",
        "--root",
        site.root().to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", stderr(&output)));
    (output.status.code(), report)
}

/// Runs the laurel binary with `args`, in English (the tests' expectations are English
/// unless they ask for Chinese, see [`laurel_in`]).
pub fn laurel(args: &[&str]) -> Output {
    laurel_in("en", args)
}

/// Runs the laurel binary with `args`, speaking `lang` (`LAUREL_LANG`).
pub fn laurel_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_laurel"))
        .args(args)
        .env("LAUREL_LANG", lang)
        .output()
        .expect("run laurel")
}

/// Whether the program `tool` is on PATH; when not, prints `skipped: <tool> not installed`
/// so the test says why it did nothing.
pub fn installed(tool: &str) -> bool {
    find_program(tool).is_some()
}

/// Where the program `tool` is on PATH; when it is not, prints `skipped: <tool> not installed`.
pub fn find_program(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join(tool))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        skipped(tool, "");
    }
    found
}

/// The environment variable under which a missing tool fails the test instead of skipping
/// it; `.ci/run` sets it, so a green CI means every test really ran.
pub const REQUIRE_TOOLS: &str = "LAUREL_REQUIRE_TOOLS";

/// Says `skipped: <tool> not installed` (with how to install it); fails the test instead
/// when [`REQUIRE_TOOLS`] or `CI` is set (to anything but 0 or false).
pub fn skipped(tool: &str, how: &str) {
    let message = format!("skipped: {tool} not installed{how}");
    let required = |var: &str| std::env::var_os(var).is_some_and(|v| v != "0" && v != "false");
    if required(REQUIRE_TOOLS) || required("CI") {
        panic!("{message}, and {REQUIRE_TOOLS} or CI says every tool must be there");
    }
    eprintln!("{message}");
}

/// The bytes of a small clip kept in tests/fixtures/videos/.
pub fn fixture_video(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/videos")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The standard error of a run, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A JPEG of one colour with a diagonal gradient, so resizing has something to do.
pub fn jpeg(width: u32, height: u32, colour: [u8; 3]) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        let shade = ((x + y) % 64) as u8;
        image::Rgb([
            colour[0].saturating_add(shade),
            colour[1],
            colour[2].saturating_sub(shade),
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// Inserts an EXIF segment with the given orientation and a GPS position right after the
/// JPEG's SOI marker, as phone cameras write it.
pub fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let exif = exif_segment(orientation);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn exif_segment(orientation: u16) -> Vec<u8> {
    // Little-endian TIFF: IFD0 with Orientation (0x0112) and a GPS IFD pointer (0x8825);
    // the GPS IFD holds GPSLatitudeRef "N" and a marker string in GPSMapDatum.
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend_from_slice(&kind.to_le_bytes());
        e.extend_from_slice(&count.to_le_bytes());
        e.extend_from_slice(&value);
        e
    };
    let ifd0_len = 2 + 2 * 12 + 4;
    let gps_offset = 8 + ifd0_len as u32;
    tiff.extend_from_slice(&2u16.to_le_bytes());
    let mut o = [0u8; 4];
    o[..2].copy_from_slice(&orientation.to_le_bytes());
    tiff.extend(entry(0x0112, 3, 1, o));
    tiff.extend(entry(0x8825, 4, 1, gps_offset.to_le_bytes()));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    let datum = b"GPSSECRET-37.7N\0";
    let gps_len = 2 + 2 * 12 + 4;
    let datum_offset = gps_offset + gps_len as u32;
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(
        0x0012,
        2,
        datum.len() as u32,
        datum_offset.to_le_bytes(),
    ));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(datum);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// Decodes a published JPEG or WebP file.
pub fn decode(name: &str, bytes: &[u8]) -> image::RgbImage {
    if name.ends_with(".webp") {
        let decoded = webp::Decoder::new(bytes)
            .decode()
            .unwrap_or_else(|| panic!("{name}: not WebP"));
        let (width, height, pixels) = (decoded.width(), decoded.height(), decoded.to_vec());
        if decoded.is_alpha() {
            image::DynamicImage::ImageRgba8(
                image::RgbaImage::from_raw(width, height, pixels).unwrap(),
            )
            .to_rgb8()
        } else {
            image::RgbImage::from_raw(width, height, pixels).unwrap()
        }
    } else {
        image::load_from_memory(bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .to_rgb8()
    }
}

/// All files under `dir`, as (relative path, bytes), sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The folder of the fixture site `name`: a whole campaign as editors keep it, under
/// `tests/fixtures/sites/`.
pub fn fixture_site(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sites")
        .join(name)
}

/// Copies a folder recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The minimal valid `site.yaml` of test sites.
pub const SITE_YAML: &str = "title: 测试评选\nbase_url: https://example.org/zuimei/\nimages:\n  widths: [200, 400]\n  thumbnail: 120\ncampaign:\n  categories: [科技创新, 乡村振兴]\n";

/// Words of three or more Latin letters in `text` outside `code spans`, paths, the YAML
/// keys editors are shown beside their Chinese names (`性别（gender）`) and the abbreviations
/// Chinese text uses as they are: what a Chinese report must not hold.
pub fn english_words(text: &str) -> Vec<String> {
    const KEPT: &[&str] = &[
        "JPG",
        "JPEG",
        "MP4",
        "MOV",
        "KB",
        "Markdown",
        "PNG",
        "YAML",
        // Names of programs, as Chinese text writes them.
        "Word",
        "WPS",
        "Excel",
        "LibreOffice",
        "iPhone",
        "HEIC",
        "vtt",
        "srt",
        "docx",
        "xlsx",
        "zip",
        // YAML keys, shown beside their Chinese names.
        "name",
        "kind",
        "leader",
        "members",
        "gender",
        "birth",
        "organization",
        "title",
        "position",
        "field",
        "region",
        "category",
        "recommender",
        "channel",
        "identity",
        "status",
        "honors",
        "quote",
        "summary",
        "portrait",
        "photos",
        "videos",
        "caption",
        "consent",
        "file",
        "date",
        "role",
        "order",
    ];
    let outside_code: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    outside_code
        .split(|c: char| c.is_whitespace() || "，。：；（）“”「」、".contains(c))
        .filter(|token| !token.contains(['/', '.', '@', '_']))
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|word| word.len() >= 3 && !KEPT.contains(word))
        .map(str::to_string)
        .collect()
}

/// A profile body (after `name:`) with every field filled.
pub const FULL_PROFILE: &str = "gender: 女\nbirth: 1990-03\norganization: 测试研究院\ntitle: 研究员\nposition: 主任\nfield: 作物育种\nregion: 冀州区\ncategory: 乡村振兴\nchannel: county\nrecommender: 冀州区科协\nquote: 把论文写在大地上\nsummary: 一段简要事迹。\nhonors: [\"2020年 省科技进步奖\"]\nprivate:\n  phone: \"13999990000\"\n  id_number: SECRET-ID-4242\n";

/// The attributes of every `<name …>` start tag in `html`, quoted or not (as minified pages
/// write them), in document order.
pub fn start_tags(html: &str, name: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    html.split(&format!("<{name}"))
        .skip(1)
        .filter(|rest| rest.starts_with([' ', '>', '/']))
        .map(parse_attributes)
        .collect()
}

fn parse_attributes(mut rest: &str) -> std::collections::BTreeMap<String, String> {
    let mut attributes = std::collections::BTreeMap::new();
    loop {
        rest = rest.trim_start_matches([' ', '\n', '/']);
        if rest.is_empty() || rest.starts_with('>') {
            return attributes;
        }
        let name_end = rest.find(['=', ' ', '>']).unwrap_or(rest.len());
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let value = if let Some(after) = rest.strip_prefix('=') {
            let (value, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..end], &after[(end + 1).min(after.len())..])
                }
                _ => {
                    let end = after.find([' ', '>']).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = tail;
            value.to_string()
        } else {
            String::new()
        };
        attributes.insert(name, value);
    }
}

/// The text of a piece of HTML as a reader sees it: tags removed, no-break spaces (which keep
/// a name and its separator together) read as spaces.
pub fn text_of(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    text.replace("&nbsp;", " ").replace('\u{a0}', " ")
}
