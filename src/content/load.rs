//! `load`: reads `site.yaml` and `content/` into a [`Site`], collecting every problem of every
//! laureate before failing, each naming its file (and YAML line).

use super::natural::natural_cmp;
use super::slug::{is_valid_slug, name_slug, slugify};
use super::strokes;
use super::{
    Channel, Consent, Focus, Laureate, Member, Page, Photo, Placeholder, Site, Status, Team, Video,
    YearMonth,
};
use crate::config::{Order, SiteConfig};
use crate::diagnostics::{read_text, Diagnostic, Diagnostics};
use crate::finding::Rule;
use crate::i18n::Said;
use crate::markdown::{self, Document};
use crate::{said, yaml};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use crate::layout::{self, PHOTOS_DIR, STATIC_DIR, VIDEOS_DIR};
pub use crate::layout::{LAUREATES_DIR, PAGES_DIR};
use crate::routes::{LaureateTarget, LinkTargets, Route, Routes, RESERVED_SEGMENTS};

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

/// Loads what can be loaded of the year `config` is for, keeping the profiles `scope` asks
/// for.
fn load_with(root: &Path, config: SiteConfig, scope: Scope) -> PartialSite {
    let year = config.year_folder();
    let mut problems = Diagnostics::default();
    let intro = read_optional_text(&layout::intro_file(root, year), &mut problems);
    let mut laureates = Vec::new();
    let mut stories = Vec::new();
    let mut unloaded = Vec::new();
    for folder in subfolders(&layout::laureates_dir(root, year), &mut problems) {
        match load_laureate(&folder, &config) {
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
    for (laureate, story) in laureates.iter_mut().zip(stories) {
        laureate.story = markdown::render(&story, &|href| {
            targets.resolve(href, &Route::Profile(&laureate.slug))
        });
    }
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
    list_dir(dir, problems)
        .into_iter()
        .filter(|p| p.is_dir())
        .collect()
}

/// The entries of `dir` in natural order of their names; hidden ones and
/// [junk](layout::is_junk) skipped.
fn list_dir(dir: &Path, problems: &mut Diagnostics) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        if dir.exists() {
            problems.push(Diagnostic::said(dir, said!("folder-unreadable")));
        }
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = file_name(p);
            !name.starts_with('.') && !layout::is_junk(&name)
        })
        .collect();
    paths.sort_by(|a, b| natural_cmp(&file_name(a), &file_name(b)));
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// `profile.yaml` as editors write it. Every field is optional here so that all missing ones
/// can be reported together; Chinese aliases are accepted for the common fields.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    /// `team` for a team nomination; a person by default.
    #[serde(alias = "类型")]
    kind: Option<RawKind>,
    #[serde(alias = "姓名", alias = "团队名称")]
    name: Option<String>,
    /// A team's leader.
    #[serde(alias = "负责人", alias = "团队负责人")]
    leader: Option<String>,
    /// A team's members.
    #[serde(default, alias = "成员", alias = "团队成员")]
    members: Vec<RawMember>,
    #[serde(alias = "性别")]
    gender: Option<String>,
    #[serde(default, alias = "出生年月", deserialize_with = "yaml::string_like")]
    birth: Option<String>,
    #[serde(alias = "工作单位")]
    organization: Option<String>,
    #[serde(alias = "职称")]
    title: Option<String>,
    #[serde(alias = "职务")]
    position: Option<String>,
    #[serde(alias = "专业领域", alias = "领域")]
    field: Option<String>,
    #[serde(alias = "地区", alias = "县市区")]
    region: Option<String>,
    #[serde(alias = "类别")]
    category: Option<String>,
    #[serde(alias = "推荐渠道")]
    channel: Option<Channel>,
    #[serde(alias = "推荐单位")]
    recommender: Option<String>,
    #[serde(alias = "身份")]
    identity: Option<String>,
    #[serde(alias = "评选状态", alias = "状态")]
    status: Option<Status>,
    #[serde(alias = "决定人")]
    decided_by: Option<String>,
    #[serde(alias = "决定日期")]
    decided_on: Option<crate::config::Date>,
    #[serde(default, alias = "推荐省级")]
    province_pick: bool,
    #[serde(default, alias = "荣誉", deserialize_with = "yaml::one_or_many")]
    honors: Vec<String>,
    #[serde(alias = "格言", alias = "寄语")]
    quote: Option<String>,
    #[serde(alias = "简要事迹")]
    summary: Option<String>,
    slug: Option<String>,
    #[serde(alias = "肖像")]
    portrait: Option<String>,
    #[serde(alias = "照片")]
    photos: Option<Vec<RawPhoto>>,
    #[serde(alias = "视频")]
    videos: Option<Vec<RawVideo>>,
    /// Read only by `laurel export`.
    #[serde(default, alias = "隐私")]
    private: BTreeMap<String, yaml::Value>,
    #[serde(alias = "同意书", alias = "公开同意")]
    consent: Option<RawConsent>,
    /// The place in lists with `campaign.order: manual`.
    #[serde(alias = "排序")]
    order: Option<u32>,
}

/// `kind:` of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawKind {
    #[serde(alias = "个人")]
    Person,
    #[serde(alias = "团队")]
    Team,
}

/// One row of a team's `members:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMember {
    #[serde(alias = "姓名")]
    name: String,
    #[serde(alias = "性别")]
    gender: Option<String>,
    #[serde(default, alias = "出生年月", deserialize_with = "yaml::string_like")]
    birth: Option<String>,
    #[serde(alias = "工作单位")]
    organization: Option<String>,
    #[serde(alias = "分工", alias = "职务")]
    role: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhoto {
    file: String,
    #[serde(alias = "图说")]
    caption: Option<String>,
    alt: Option<String>,
    focus: Option<[f32; 2]>,
    /// The name the file had when it was uploaded (the studio writes it); for the record only.
    #[serde(default, rename = "original", alias = "原文件名")]
    _original: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsent {
    #[serde(alias = "日期", deserialize_with = "yaml::string_like", default)]
    date: Option<String>,
    #[serde(alias = "文件")]
    file: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVideo {
    file: String,
    #[serde(alias = "标题")]
    title: Option<String>,
    #[serde(alias = "封面")]
    poster: Option<String>,
    /// The name the file had when it was uploaded (the studio writes it); for the record only.
    #[serde(default, rename = "original", alias = "原文件名")]
    _original: Option<String>,
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

/// What loading one laureate needs to point errors at the right file and line.
struct ProfileContext<'a> {
    folder: &'a Path,
    file: PathBuf,
    text: String,
    problems: Diagnostics,
}

impl ProfileContext<'_> {
    fn error(&mut self, key: &str, needle: &str, said: Said) {
        let line = yaml::line_of(&self.text, key, needle);
        self.problems
            .push(Diagnostic::said(&self.file, said).at_line(line));
    }

    /// Gives the problem just reported its own rule id (else it is a `load-error`).
    fn tag_last(&mut self, rule: Rule) {
        if let Some(last) = self.problems.0.last_mut() {
            last.rule = Some(rule);
        }
    }

    /// Resolves a path written in the profile, which must stay inside the laureate's folder
    /// and name an existing file.
    fn resolve(&mut self, key: &str, written: &str) -> Option<PathBuf> {
        let relative = Path::new(written);
        let escapes = relative.is_absolute()
            || relative
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
        if escapes {
            self.error(key, written, said!("path-escapes", path = written));
            return None;
        }
        let path = self.folder.join(relative);
        if !path.is_file() {
            let said = match near_miss(&path) {
                Some(name) => {
                    let parent = relative.parent().filter(|p| !p.as_os_str().is_empty());
                    let fixed = parent.map_or(name.clone(), |p| format!("{}/{name}", p.display()));
                    said!("path-missing-near", path = written, near = fixed)
                }
                None => said!("path-missing", path = written),
            };
            self.error(key, written, said);
            self.tag_last(Rule::FileMissing);
            return None;
        }
        Some(path)
    }

    /// Whether `path` has one of the `allowed` extensions; `kind` is `image` or `video`.
    fn check_extension(&mut self, key: &str, path: &Path, allowed: &[&str], kind: &str) -> bool {
        let ext = extension(path);
        if allowed.contains(&ext.as_str()) {
            return true;
        }
        let name = file_name(path);
        let said = match ext.as_str() {
            "heic" | "heif" => said!("file-heic", name = &name, kind = kind),
            _ => said!(
                "file-kind",
                name = &name,
                kind = kind,
                allowed = allowed.join(", ")
            ),
        };
        self.error(key, &name, said);
        false
    }
}

/// One laureate as far as it loads, the Markdown text of the story (rendered once every link
/// target is known) and the problems met; an error when the profile cannot be read at all.
fn load_laureate(
    folder: &Path,
    config: &SiteConfig,
) -> Result<(Laureate, String, Diagnostics), Diagnostics> {
    let file = layout::profile_file(folder);
    if !file.is_file() {
        return Err(Diagnostic::said(&file, said!("profile-missing")).into());
    }
    let text = read_text(&file)?;
    let raw: RawProfile = yaml::parse(&text, &file)?;
    let mut cx = ProfileContext {
        folder,
        file,
        text,
        problems: Diagnostics::default(),
    };
    let name = raw
        .name
        .clone()
        .map(|n| n.trim().to_string())
        .unwrap_or_default();
    if name.is_empty() {
        cx.error(
            "name",
            "",
            said!("name-missing", field = yaml::field_label("name")),
        );
    }
    let birth = parse_birth(&mut cx, "birth", raw.birth.as_deref());
    let team = read_team(&mut cx, &raw);
    check_category(
        &mut cx,
        raw.category.as_deref(),
        &config.campaign.categories,
    );
    let slug = check_explicit_slug(&mut cx, raw.slug.as_deref());
    let portrait = find_portrait(&mut cx, &raw, &name);
    let photos = find_photos(&mut cx, &raw, &name, portrait.as_ref());
    let videos = find_videos(&mut cx, &raw);
    let story = read_story(&mut cx);
    let consent = raw.consent.as_ref().map(|c| read_consent(&mut cx, c));
    let status = raw
        .status
        .unwrap_or_else(|| Status::default_for(&config.campaign));
    check_pick(&mut cx, raw.province_pick, status);
    let laureate = Laureate {
        slug: slug.unwrap_or_default(),
        name,
        gender: raw.gender.unwrap_or_default(),
        birth,
        organization: raw.organization.unwrap_or_default(),
        title: raw.title.unwrap_or_default(),
        position: raw.position.unwrap_or_default(),
        field: raw.field.unwrap_or_default(),
        region: raw.region.unwrap_or_default(),
        category: raw.category.unwrap_or_default(),
        channel: raw.channel,
        recommender: raw.recommender.unwrap_or_default(),
        identity: raw.identity.unwrap_or_default(),
        status,
        decided_by: raw.decided_by.unwrap_or_default(),
        decided_on: raw.decided_on,
        province_pick: raw.province_pick,
        order: raw.order,
        honors: raw.honors,
        quote: raw.quote.unwrap_or_default(),
        summary: raw.summary.unwrap_or_default().trim().to_string(),
        story: Document::default(),
        consent,
        team,
        placeholders: [
            Placeholder::scan(&cx.file, &cx.text, true),
            Placeholder::scan(&layout::story_file(folder), &story, false),
        ]
        .concat(),
        portrait,
        photos,
        videos,
        folder: folder.to_path_buf(),
        private: raw
            .private
            .into_iter()
            .map(|(key, value)| (key, yaml::scalar_text(&value)))
            .collect(),
    };
    Ok((laureate, story, cx.problems))
}

/// The laureate's consent to publication: its date and the signed form (kept private).
fn read_consent(cx: &mut ProfileContext, raw: &RawConsent) -> Consent {
    let date = raw.date.as_deref().and_then(|text| {
        let date = crate::config::Date::parse(text);
        if date.is_none() {
            cx.error("date", text, said!("consent-date", date = text));
        }
        date
    });
    let file = raw.file.as_deref().and_then(|f| cx.resolve("file", f));
    Consent { date, file }
}

/// A team's leader and members (`kind: team`); `leader:` or `members:` in a person's profile
/// is an error, as is a team without a leader.
fn read_team(cx: &mut ProfileContext, raw: &RawProfile) -> Option<Team> {
    let leader = raw.leader.as_deref().map(str::trim).unwrap_or_default();
    if raw.kind != Some(RawKind::Team) {
        if !leader.is_empty() || !raw.members.is_empty() {
            let key = if leader.is_empty() {
                "members"
            } else {
                "leader"
            };
            let field = yaml::field_label(key);
            cx.error(key, "", said!("team-key-on-person", field = field));
        }
        return None;
    }
    if leader.is_empty() {
        cx.error("kind", "", said!("team-leader-missing"));
    }
    let members = raw
        .members
        .iter()
        .map(|m| Member {
            name: m.name.trim().to_string(),
            gender: m.gender.clone().unwrap_or_default(),
            birth: parse_birth(cx, "members", m.birth.as_deref()),
            organization: m.organization.clone().unwrap_or_default(),
            role: m.role.clone().unwrap_or_default(),
        })
        .collect();
    Some(Team {
        leader: leader.to_string(),
        members,
    })
}

fn parse_birth(cx: &mut ProfileContext, key: &str, birth: Option<&str>) -> Option<YearMonth> {
    let text = birth?;
    let parsed = YearMonth::parse(text);
    if parsed.is_none() {
        cx.error(key, text, said!("birth-invalid", birth = text));
    }
    parsed
}

/// Only a selected laureate can be put forward to the province.
fn check_pick(cx: &mut ProfileContext, province_pick: bool, status: Status) {
    if province_pick && status != Status::Selected {
        cx.error("province_pick", "", said!("province-pick-unselected"));
    }
}

fn check_category(cx: &mut ProfileContext, category: Option<&str>, allowed: &[String]) {
    let Some(category) = category else { return };
    if !allowed.is_empty() && !allowed.iter().any(|c| c == category) {
        let said = said!(
            "category-unknown",
            category = category,
            allowed = allowed.join("、")
        );
        cx.error("category", category, said);
        cx.tag_last(Rule::Category);
    }
}

fn check_explicit_slug(cx: &mut ProfileContext, slug: Option<&str>) -> Option<String> {
    let slug = slug?;
    if !is_valid_slug(slug) {
        cx.error("slug", slug, said!("slug-invalid", slug = slug));
        return None;
    }
    Some(slug.to_string())
}

fn default_alt(name: &str, what: &str) -> String {
    format!("{name}{what}")
}

fn find_portrait(cx: &mut ProfileContext, raw: &RawProfile, name: &str) -> Option<Photo> {
    let source = match &raw.portrait {
        Some(written) => cx.resolve("portrait", written)?,
        None => list_dir(&cx.folder.join(PHOTOS_DIR), &mut cx.problems)
            .into_iter()
            .find(|p| is_portrait_name(p, name))?,
    };
    if !cx.check_extension("portrait", &source, IMAGE_EXTENSIONS, "image") {
        return None;
    }
    Some(Photo {
        source,
        caption: None,
        alt: default_alt(name, "的肖像照"),
        focus: Focus::Auto(0.5, 0.4),
    })
}

/// `张三0.jpg` or `portrait.jpg` is taken as the portrait when the profile names none.
fn is_portrait_name(path: &Path, name: &str) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    IMAGE_EXTENSIONS.contains(&extension(path).as_str())
        && (stem == format!("{name}0") || stem == "portrait" || stem == "肖像")
}

fn find_photos(
    cx: &mut ProfileContext,
    raw: &RawProfile,
    name: &str,
    portrait: Option<&Photo>,
) -> Vec<Photo> {
    let mut photos = Vec::new();
    if let Some(listed) = &raw.photos {
        for (i, entry) in listed.iter().enumerate() {
            let Some(source) = cx.resolve("file", &entry.file) else {
                continue;
            };
            if !cx.check_extension("file", &source, IMAGE_EXTENSIONS, "image") {
                continue;
            }
            let focus = match entry.focus {
                Some([x, y]) => Focus::Set(x, y),
                None => Focus::Auto(0.5, 0.5),
            };
            if let Some(written) = entry
                .focus
                .filter(|f| !f.iter().all(|v| (0.0..=1.0).contains(v)))
            {
                let focus = format!("{written:?}");
                cx.error(
                    "focus",
                    "",
                    said!("focus-outside", focus = focus, file = &entry.file),
                );
            }
            let caption = entry.caption.clone().filter(|c| !c.trim().is_empty());
            let alt = entry.alt.clone().or_else(|| caption.clone());
            photos.push(Photo {
                source,
                alt: alt.unwrap_or_else(|| default_alt(name, &format!("的照片{}", i + 1))),
                caption,
                focus,
            });
        }
        return photos;
    }
    let portrait_source = portrait.map(|p| p.source.clone());
    for path in list_dir(&cx.folder.join(PHOTOS_DIR), &mut cx.problems) {
        if !path.is_file() || Some(&path) == portrait_source.as_ref() {
            continue;
        }
        if cx.check_extension("photos", &path, IMAGE_EXTENSIONS, "image") {
            let n = photos.len() + 1;
            photos.push(Photo {
                source: path,
                caption: None,
                alt: default_alt(name, &format!("的照片{n}")),
                focus: Focus::Auto(0.5, 0.5),
            });
        }
    }
    photos
}

fn find_videos(cx: &mut ProfileContext, raw: &RawProfile) -> Vec<Video> {
    let entries: Vec<(Option<PathBuf>, Option<String>, Option<PathBuf>)> = match &raw.videos {
        Some(listed) => listed
            .iter()
            .map(|v| {
                let poster = v.poster.as_deref().and_then(|p| cx.resolve("poster", p));
                (cx.resolve("file", &v.file), v.title.clone(), poster)
            })
            .collect(),
        None => list_dir(&cx.folder.join(VIDEOS_DIR), &mut cx.problems)
            .into_iter()
            .filter(|p| p.is_file() && !CAPTION_EXTENSIONS.contains(&extension(p).as_str()))
            .map(|p| (Some(p), None, None))
            .collect(),
    };
    entries
        .into_iter()
        .filter_map(|(source, title, poster)| {
            let source = source?;
            let poster =
                poster.filter(|p| cx.check_extension("poster", p, IMAGE_EXTENSIONS, "image"));
            cx.check_extension("videos", &source, VIDEO_EXTENSIONS, "video")
                .then(|| Video {
                    captions: captions_beside(&source),
                    source,
                    title,
                    poster,
                })
        })
        .collect()
}

/// Caption file extensions, looked for beside each video (compared lower-case).
pub const CAPTION_EXTENSIONS: &[&str] = &["vtt", "srt"];

/// The captions file with the video's name (`田间.vtt` or `田间.srt` beside `田间.mp4`).
fn captions_beside(video: &Path) -> Option<PathBuf> {
    CAPTION_EXTENSIONS
        .iter()
        .map(|ext| video.with_extension(ext))
        .find(|path| path.is_file())
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

/// The Markdown text of the laureate's story (empty, with a problem, when it is missing).
fn read_story(cx: &mut ProfileContext) -> String {
    let file = layout::story_file(cx.folder);
    if !file.is_file() {
        cx.problems
            .push(Diagnostic::said(&file, said!("story-missing")));
        return String::new();
    }
    read_text(&file).unwrap_or_else(|d| {
        cx.problems.push(d);
        String::new()
    })
}

/// The name of a file beside `missing` that is almost its name: equal once look-alike
/// punctuation (• ・ for ·), full-width letters and digits, and case are evened out, or one or
/// two edits away.
fn near_miss(missing: &Path) -> Option<String> {
    let wanted = normalise_name(&file_name(missing));
    let entries = std::fs::read_dir(missing.parent()?).ok()?;
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !layout::is_junk(name))
        .collect();
    let distance = |name: &String| strsim::levenshtein(&normalise_name(name), &wanted);
    names
        .iter()
        .map(|name| (distance(name), name))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, name)| name.clone())
}

/// A file name with look-alike characters made alike, for [`near_miss`].
fn normalise_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '•' | '・' | '‧' | '∙' | '·' | '．' => '·',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '　' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
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

/// Optional front matter of a page: `---` YAML `---` before the Markdown.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageMeta {
    title: Option<String>,
    slug: Option<String>,
}

/// The extra pages (title and body still to be rendered) and their Markdown bodies.
fn load_pages(dir: &Path, problems: &mut Diagnostics) -> (Vec<Page>, Vec<String>) {
    let mut pages = Vec::new();
    let mut bodies = Vec::new();
    let mut seen = HashSet::new();
    for file in list_dir(dir, problems) {
        if extension(&file) != "md" {
            continue;
        }
        let Some((page, body)) = load_page(&file, problems) else {
            continue;
        };
        let a_year = page.slug.len() == 4 && page.slug.bytes().all(|b| b.is_ascii_digit());
        if RESERVED_SEGMENTS.contains(&page.slug.as_str())
            || a_year
            || !seen.insert(page.slug.clone())
        {
            problems.push(Diagnostic::said(
                &file,
                said!("page-url-taken", slug = &page.slug),
            ));
            continue;
        }
        pages.push(page);
        bodies.push(body);
    }
    (pages, bodies)
}

/// A page's front matter read, and its body with the front matter's lines left blank, so that
/// lines in messages are the file's.
fn load_page(file: &Path, problems: &mut Diagnostics) -> Option<(Page, String)> {
    let text = match read_text(file) {
        Ok(text) => text.replace("\r\n", "\n"),
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let (meta, body) = match split_front_matter(&text) {
        Some((front, body)) => match yaml::parse::<PageMeta>(front, file) {
            Ok(meta) => {
                let blank = "\n".repeat(text[..text.len() - body.len()].matches('\n').count());
                (meta, format!("{blank}{body}"))
            }
            Err(d) => {
                // Front matter starts on line 2 of the file.
                let d = Diagnostic {
                    line: d.line.map(|l| l + 1),
                    ..d
                };
                problems.push(d);
                return None;
            }
        },
        None => (PageMeta::default(), text.clone()),
    };
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = meta.slug.unwrap_or_else(|| slugify(&stem));
    if !is_valid_slug(&slug) {
        problems.push(Diagnostic::said(
            file,
            said!("page-slug-invalid", slug = &slug),
        ));
        return None;
    }
    let page = Page {
        slug,
        title: meta.title.unwrap_or_default(),
        body: Document::default(),
        file: file.to_path_buf(),
    };
    Some((page, body))
}

fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    let body = rest[end + 4..].trim_start_matches(['-']);
    Some((&rest[..end + 1], body.strip_prefix('\n').unwrap_or(body)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

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

    #[test]
    fn a_missing_file_finds_its_look_alike() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("阿依古丽·买买提1.jpg"), b"x").unwrap();
        std::fs::write(dir.path().join("其他.jpg"), b"x").unwrap();
        let near = |name: &str| near_miss(&dir.path().join(name));
        assert_eq!(
            near("阿依古丽•买买提1.jpg").as_deref(),
            Some("阿依古丽·买买提1.jpg")
        );
        assert_eq!(
            near("阿依古丽·买买提１.JPG").as_deref(),
            Some("阿依古丽·买买提1.jpg")
        );
        assert_eq!(near("完全不同的名字.jpg"), None);
    }

    #[test]
    fn front_matter_is_split_from_the_body() {
        let (front, body) = split_front_matter("---\ntitle: 关于\n---\n正文\n").unwrap();
        assert_eq!(front, "title: 关于\n");
        assert_eq!(body, "正文\n");
        assert!(split_front_matter("正文").is_none());
    }
}
