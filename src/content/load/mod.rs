//! `load`: reads `site.yaml` and `content/` into a [`Site`], collecting every problem of every
//! laureate before failing, each naming its file (and YAML line).

mod files;
mod pages;
mod profile;

use super::natural::natural_cmp;
use super::slug::name_slug;
use super::{strokes, Laureate, Page, Placeholder, Site};
use crate::config::{Order, SiteConfig};
use crate::diagnostics::{read_text, Diagnostic, Diagnostics};
use crate::layout::STATIC_DIR;
pub use crate::layout::{LAUREATES_DIR, PAGES_DIR};
use crate::routes::{LaureateTarget, LinkTargets, Route, Routes};
use crate::{layout, markdown, said};
use pages::load_pages;
use profile::load_laureate;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Image file extensions the media stage decodes (compared lower-case).
pub const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png"];
/// Video file extensions accepted (compared lower-case).
pub const VIDEO_EXTENSIONS: &[&str] = &["mp4", "mov"];

/// Loads and validates the year `config` (site.yaml, read already) is for: a site of one year,
/// or the [year folder](SiteConfig::year_folder) of a site of several years
/// ([`SiteConfig::for_year`]); any problem fails the load.
///
/// This is the site as it is published: only the laureates [published](Laureate::is_published)
/// are in it (a nominee who was not selected is left out here, once, before slugs, links,
/// media, posters and pages are made; their problems are not the build's).
pub fn load(root: &Path, config: SiteConfig) -> Result<Site, Diagnostics> {
    let partial = load_with(root, config, Scope::Published);
    partial.problems.into_result(partial.site)
}

/// Which profiles a load keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Every nominee, whatever their status (check, export, the jury's material).
    Nominees,
    /// Only those the site publishes.
    Published,
}

/// A site loaded as far as it goes, for `laurel check`: every laureate whose profile could be
/// read (with what of it loaded), and every problem met on the way.
#[derive(Debug)]
pub struct PartialSite {
    /// The site with the laureates that could be loaded.
    pub site: Site,
    /// Every problem, with file (relative to the root) and line.
    pub problems: Diagnostics,
    /// The folders of laureates whose profile could not be read at all.
    pub unloaded: Vec<PathBuf>,
}

/// Loads what can be loaded of the site at `root` (the newest year of a site of several
/// years); fails only when `site.yaml` cannot be read.
pub fn load_partial(root: &Path) -> Result<PartialSite, Diagnostics> {
    load_partial_year(root, crate::years::newest(root))
}

/// Loads what can be loaded of one year of the site at `root` (`None`: a site of one year).
/// Every nominee is in it, whatever their status.
pub fn load_partial_year(root: &Path, year: Option<u32>) -> Result<PartialSite, Diagnostics> {
    load_scoped(root, year, Scope::Nominees)
}

/// Loads what can be loaded of one year, keeping the profiles `scope` asks for.
fn load_scoped(root: &Path, year: Option<u32>, scope: Scope) -> Result<PartialSite, Diagnostics> {
    let config = crate::years::config(root, year).map_err(|problems| problems.relative_to(root))?;
    Ok(load_with(root, config, scope))
}

/// Loads what can be loaded of the year `config` is for (its
/// [year folder](SiteConfig::year_folder)), every nominee in it whatever their status, with
/// site.yaml already read (see [`crate::campaign`]).
pub fn load_partial_with(root: &Path, config: SiteConfig) -> PartialSite {
    load_with(root, config, Scope::Nominees)
}

/// The threads that read the nominees' folders. Reading is mostly waiting for the disk when
/// its cache is cold (the studio's first open of the day, a first `laurel check`), and a disk
/// answers many reads at once: at 6,000 nominees on two cores, a cold first load took 3.2 s
/// with the two threads of the CPU-sized pool, 1.5 s with 8 readers, 1.1 s with 16, 1.4 s
/// with 32 (bench/studio.py dashboard after dropping the page cache); warm, the same.
fn readers() -> &'static rayon::ThreadPool {
    static READERS: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    READERS.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(16)
            .thread_name(|n| format!("laurel-reader-{n}"))
            .build()
            .expect("the readers' threads")
    })
}

/// Loads what can be loaded of the year `config` is for, keeping the profiles `scope` asks
/// for.
fn load_with(root: &Path, config: SiteConfig, scope: Scope) -> PartialSite {
    let year = config.year_folder();
    let mut problems = Diagnostics::default();
    let intro = read_optional_text(&layout::intro_file(root, year), &mut problems);
    let mut laureates = Vec::new();
    let mut stories = Vec::new();
    let mut unloaded = Vec::new();
    let folders = subfolders(&layout::laureates_dir(root, year), &mut problems);
    // Read in parallel (6,000 profiles and stories take a second on one core), then taken in
    // the folders' order, so the problems come in the same order as before.
    let loaded: Vec<_> = readers().install(|| {
        folders
            .par_iter()
            .map(|folder| load_laureate(folder, &config))
            .collect()
    });
    for (folder, result) in folders.into_iter().zip(loaded) {
        match result {
            Ok((laureate, _, _))
                if scope == Scope::Published && !laureate.is_published(&config.campaign) => {}
            Ok((laureate, story, found)) => {
                laureates.push(laureate);
                stories.push(story);
                problems.extend(found);
            }
            Err(found) => {
                problems.extend(found);
                unloaded.push(folder);
            }
        }
    }
    assign_slugs(&mut laureates, &mut problems);
    let (mut pages, bodies) = load_pages(&root.join(PAGES_DIR), &mut problems);
    let own = link_targets(root, &config, &laureates, &unloaded, &pages);
    let (targets, page_targets) = match year {
        Some(year) => years_link_targets(root, &config, year, own, &pages),
        None => (own.clone(), own),
    };
    laureates
        .par_iter_mut()
        .zip(stories)
        .for_each(|(laureate, story)| {
            laureate.story = markdown::render(&story, &|href| {
                targets.resolve(href, &Route::Profile(&laureate.slug))
            });
        });
    for (page, body) in pages.iter_mut().zip(bodies) {
        page.body = markdown::render(&body, &|href| {
            page_targets.resolve(href, &Route::Page(&page.slug))
        });
        if page.title.is_empty() {
            let stem = page
                .file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned());
            page.title = page.body.title.clone().or(stem).unwrap_or_default();
        }
    }
    let intro =
        intro.map(|text| markdown::render(&text, &|href| targets.resolve(href, &Route::Home)));
    sort_laureates(&mut laureates, config.campaign.order);
    pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    let problems = problems.relative_to(root);
    let site = Site {
        root: root.to_path_buf(),
        config,
        intro,
        laureates,
        pages,
        links: targets,
    };
    PartialSite {
        site,
        problems,
        unloaded,
    }
}

/// What links in the site's Markdown can lead to. A laureate folder that could not be loaded
/// still counts (by folder name and its pinyin), so that `check` reports its own problem and
/// not a broken link in every story that mentions the laureate.
fn link_targets(
    root: &Path,
    config: &SiteConfig,
    laureates: &[Laureate],
    unloaded: &[PathBuf],
    pages: &[Page],
) -> LinkTargets {
    let folder_names: Vec<String> = laureates.iter().map(|l| file_name(&l.folder)).collect();
    let unloaded: Vec<(String, String)> = unloaded
        .iter()
        .map(|folder| (file_name(folder), name_slug(&file_name(folder))))
        .collect();
    let page_files: Vec<String> = pages.iter().map(|p| file_name(&p.file)).collect();
    LinkTargets::new(
        Routes::new(config),
        laureates
            .iter()
            .zip(&folder_names)
            .map(|(l, folder)| LaureateTarget {
                folder,
                slug: &l.slug,
                category: &l.category,
                region: &l.region,
            })
            .chain(unloaded.iter().map(|(folder, slug)| LaureateTarget {
                folder,
                slug,
                category: "",
                region: "",
            })),
        pages
            .iter()
            .zip(&page_files)
            .map(|(p, f)| (p.slug.as_str(), f.as_str())),
        &root.join(STATIC_DIR),
    )
    .with_publicity(config.campaign.publicity_published())
}

/// The link targets of `year` (`own`) in a site of several years, with every other year's
/// reached by links that start with it; and those the pages of the whole site see, which the
/// newest year renders (a link without a year leads to the newest year's page).
fn years_link_targets(
    root: &Path,
    config: &SiteConfig,
    year: u32,
    own: LinkTargets,
    pages: &[Page],
) -> (LinkTargets, LinkTargets) {
    let mut all: BTreeMap<u32, LinkTargets> = crate::years::of_site(root)
        .into_iter()
        .filter(|other| *other != year)
        .filter_map(|other| Some((other, year_targets(root, config, other, pages)?)))
        .collect();
    all.insert(year, own);
    let seen_from = |from: u32| {
        let others = all.iter().filter(|(other, _)| **other != from);
        all[&from]
            .clone()
            .with_other_years(others.map(|(other, t)| (*other, t.clone())))
    };
    let newest = all.keys().last().copied().unwrap_or(year);
    (seen_from(year), seen_from(newest))
}

/// What links can reach of another year of a site of several years (its laureates, filters
/// and 公示); `None` when its campaign cannot be read. Its problems are that year's load's to
/// report.
fn year_targets(
    root: &Path,
    config: &SiteConfig,
    year: u32,
    pages: &[Page],
) -> Option<LinkTargets> {
    let config = config.for_year(year).ok()?;
    let mut ignored = Diagnostics::default();
    let (mut laureates, mut unloaded) = (Vec::new(), Vec::new());
    for folder in subfolders(&layout::laureates_dir(root, Some(year)), &mut ignored) {
        match load_laureate(&folder, &config) {
            Ok((laureate, _, _)) if !laureate.is_published(&config.campaign) => {}
            Ok((laureate, _, _)) => laureates.push(laureate),
            Err(_) => unloaded.push(folder),
        }
    }
    assign_slugs(&mut laureates, &mut ignored);
    Some(link_targets(root, &config, &laureates, &unloaded, pages))
}

fn read_optional_text(file: &Path, problems: &mut Diagnostics) -> Option<String> {
    if !file.exists() {
        return None;
    }
    read_text(file).map_err(|d| problems.push(d)).ok()
}

/// The sub-folders of `dir` in natural order; none when `dir` does not exist.
fn subfolders(dir: &Path, problems: &mut Diagnostics) -> Vec<PathBuf> {
    list(dir, problems, Keep::Folders)
}

/// The entries of `dir` in natural order of their names; hidden ones and
/// [junk](layout::is_junk) skipped.
pub(super) fn list_dir(dir: &Path, problems: &mut Diagnostics) -> Vec<PathBuf> {
    list(dir, problems, Keep::All)
}

/// The files of `dir` (symbolic links followed) as [`list_dir`] lists them.
pub(super) fn list_files(dir: &Path, problems: &mut Diagnostics) -> Vec<PathBuf> {
    list(dir, problems, Keep::Files)
}

/// Which entries a listing keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    All,
    Files,
    Folders,
}

/// The entries of `dir` that `keep` wants, in natural order. An entry's kind comes with the
/// listing (no look at each file: at 6,000 nominees of six photos, asking each photo's kind
/// was 42,000 metadata reads, most of a cold first load's time); a symbolic link is followed.
fn list(dir: &Path, problems: &mut Diagnostics, keep: Keep) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        if dir.exists() {
            problems.push(Diagnostic::said(dir, said!("folder-unreadable")));
        }
        return Vec::new();
    };
    let wanted = |entry: &std::fs::DirEntry| {
        let kind = match entry.file_type() {
            Ok(kind) if kind.is_symlink() => std::fs::metadata(entry.path()).map(|m| m.file_type()),
            other => other,
        };
        match (keep, kind) {
            (Keep::All, _) => true,
            (Keep::Files, Ok(kind)) => kind.is_file(),
            (Keep::Folders, Ok(kind)) => kind.is_dir(),
            (_, Err(_)) => false,
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            !name.starts_with('.') && !layout::is_junk(&name) && wanted(e)
        })
        .map(|e| e.path())
        .collect();
    paths.sort_by(|a, b| natural_cmp(&file_name(a), &file_name(b)));
    paths
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub(super) fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Puts laureates in the campaign's order; ties (and pinyin order) by slug.
fn sort_laureates(laureates: &mut [Laureate], order: Order) {
    match order {
        // Slugs compare naturally: wang-fang-2 before wang-fang-10.
        Order::Pinyin => laureates.sort_by(|a, b| natural_cmp(&a.slug, &b.slug)),
        Order::Strokes => laureates.sort_by(|a, b| {
            strokes::stroke_cmp(&a.name, &b.name).then_with(|| natural_cmp(&a.slug, &b.slug))
        }),
        Order::Manual => laureates.sort_by_key(|l| (l.order.is_none(), l.order, l.slug.clone())),
    }
}

/// Reads a laureate's `story.md` again into `laureate`, for the preview server when only
/// stories changed; everything else of the laureate is kept as loaded.
pub fn reload_story(laureate: &mut Laureate, targets: &LinkTargets) -> Result<(), Diagnostic> {
    let file = layout::story_file(&laureate.folder);
    let text = read_text(&file)?;
    let from = Route::Profile(&laureate.slug);
    let story = markdown::render(&text, &|href| targets.resolve(href, &from));
    laureate.story = story;
    laureate.placeholders.retain(|p| p.file != file);
    laureate
        .placeholders
        .extend(Placeholder::scan(&file, &text, false));
    Ok(())
}

/// Gives every laureate a unique slug: explicit ones must not collide; pinyin ones get a
/// numeric suffix (`-2`, `-3`) for namesakes.
fn assign_slugs(laureates: &mut [Laureate], problems: &mut Diagnostics) {
    let mut taken: BTreeMap<String, PathBuf> = BTreeMap::new();
    for laureate in laureates.iter().filter(|l| !l.slug.is_empty()) {
        let file = layout::profile_file(&laureate.folder);
        if let Some(other) = taken.insert(laureate.slug.clone(), file.clone()) {
            problems.push(Diagnostic::said(
                &file,
                said!(
                    "slug-taken",
                    slug = &laureate.slug,
                    other = other.display().to_string()
                ),
            ));
        }
    }
    for laureate in laureates.iter_mut().filter(|l| l.slug.is_empty()) {
        let base = match name_slug(&laureate.name) {
            s if s.is_empty() => "laureate".to_string(),
            s => s,
        };
        let mut slug = base.clone();
        let mut n = 2;
        while taken.contains_key(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(slug.clone(), laureate.folder.clone());
        laureate.slug = slug;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::Status;
    use crate::markdown::Document;

    #[test]
    fn a_listing_keeps_files_or_folders_by_the_kind_the_listing_gives_links_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("张三10.jpg"), b"x").unwrap();
        std::fs::write(root.join("张三2.jpg"), b"x").unwrap();
        std::fs::write(root.join(".DS_Store"), b"x").unwrap();
        std::fs::create_dir(root.join("旧照片")).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("张三2.jpg"), root.join("张三3.jpg")).unwrap();
            std::os::unix::fs::symlink(root.join("旧照片"), root.join("链接")).unwrap();
            std::os::unix::fs::symlink(root.join("没有.jpg"), root.join("张三4.jpg")).unwrap();
        }
        let names = |keep: Keep| -> Vec<String> {
            let mut problems = Diagnostics::default();
            list(root, &mut problems, keep)
                .iter()
                .map(|p| file_name(p))
                .collect()
        };
        #[cfg(unix)]
        {
            assert_eq!(names(Keep::Files), ["张三2.jpg", "张三3.jpg", "张三10.jpg"]);
            assert_eq!(names(Keep::Folders), ["旧照片", "链接"]);
            assert_eq!(
                names(Keep::All).len(),
                6,
                "a broken link is listed, not kept as a file"
            );
        }
        #[cfg(not(unix))]
        assert_eq!(names(Keep::Files), ["张三2.jpg", "张三10.jpg"]);
    }

    /// A laureate with only a name, for tests of functions over laureates.
    pub(crate) fn minimal_laureate() -> Laureate {
        Laureate {
            slug: "zhang-san".into(),
            name: "张三".into(),
            gender: String::new(),
            birth: None,
            organization: String::new(),
            title: String::new(),
            position: String::new(),
            field: String::new(),
            region: String::new(),
            category: String::new(),
            channel: None,
            recommender: String::new(),
            identity: String::new(),
            status: Status::Selected,
            decided_by: String::new(),
            decided_on: None,
            province_pick: false,
            order: None,
            honors: Vec::new(),
            quote: String::new(),
            summary: String::new(),
            story: Document::default(),
            portrait: None,
            photos: Vec::new(),
            videos: Vec::new(),
            folder: PathBuf::from("content/laureates/zhang"),
            placeholders: Vec::new(),
            consent: None,
            team: None,
            private: BTreeMap::new(),
        }
    }

    #[test]
    fn numbered_namesakes_sort_naturally_in_every_order() {
        for order in [Order::Pinyin, Order::Strokes] {
            let mut laureates: Vec<Laureate> = ["10", "2", "1"]
                .iter()
                .map(|n| Laureate {
                    slug: format!("zhang-san-{n}"),
                    name: format!("张三{n}"),
                    ..minimal_laureate()
                })
                .collect();
            sort_laureates(&mut laureates, order);
            let names: Vec<&str> = laureates.iter().map(|l| l.name.as_str()).collect();
            assert_eq!(names, ["张三1", "张三2", "张三10"], "{order:?}");
        }
    }

    #[test]
    fn namesakes_get_numbered_slugs_and_explicit_slugs_win() {
        let mut a = minimal_laureate();
        a.slug.clear();
        let mut b = a.clone();
        b.folder = PathBuf::from("b");
        let mut c = a.clone();
        c.slug = "zhang-san".into();
        let mut list = vec![a, b, c];
        let mut problems = Diagnostics::default();
        assign_slugs(&mut list, &mut problems);
        let slugs: Vec<_> = list.iter().map(|l| l.slug.as_str()).collect();
        assert_eq!(slugs, vec!["zhang-san-2", "zhang-san-3", "zhang-san"]);
        assert!(problems.is_empty());
    }
}
