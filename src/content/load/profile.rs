//! One laureate's folder: `profile.yaml` as written, read into a [`Laureate`] with every
//! problem at its line.

use super::files::{find_photos, find_portrait, find_videos, near_miss};
use super::{extension, file_name};
use crate::config::SiteConfig;
use crate::content::slug::is_valid_slug;
use crate::content::{
    Channel, Consent, Laureate, Member, Photo, Placeholder, Status, Team, Video, YearMonth,
};
use crate::diagnostics::{read_text, Diagnostic, Diagnostics};
use crate::finding::Rule;
use crate::i18n::Said;
use crate::markdown::Document;
use crate::{layout, said, yaml};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// `profile.yaml` as editors write it. Every field is optional here so that all missing ones
/// can be reported together; Chinese aliases are accepted for the common fields.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProfile {
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
    pub(super) title: Option<String>,
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
    pub(super) portrait: Option<String>,
    #[serde(alias = "照片")]
    pub(super) photos: Option<Vec<RawPhoto>>,
    #[serde(alias = "视频")]
    pub(super) videos: Option<Vec<RawVideo>>,
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
pub(super) struct RawPhoto {
    pub(super) file: String,
    #[serde(alias = "图说")]
    pub(super) caption: Option<String>,
    pub(super) alt: Option<String>,
    pub(super) focus: Option<[f32; 2]>,
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
pub(super) struct RawVideo {
    pub(super) file: String,
    #[serde(alias = "标题")]
    pub(super) title: Option<String>,
    #[serde(alias = "封面")]
    pub(super) poster: Option<String>,
    /// The name the file had when it was uploaded (the studio writes it); for the record only.
    #[serde(default, rename = "original", alias = "原文件名")]
    _original: Option<String>,
}

/// What loading one laureate needs to point errors at the right file and line.
pub(super) struct ProfileContext<'a> {
    pub(super) folder: &'a Path,
    pub(super) file: PathBuf,
    text: String,
    pub(super) problems: Diagnostics,
}

impl ProfileContext<'_> {
    pub(super) fn error(&mut self, key: &str, needle: &str, said: Said) {
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
    pub(super) fn resolve(&mut self, key: &str, written: &str) -> Option<PathBuf> {
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
    pub(super) fn check_extension(
        &mut self,
        key: &str,
        path: &Path,
        allowed: &[&str],
        kind: &str,
    ) -> bool {
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
pub(super) fn load_laureate(
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
    let read = read_checked(&mut cx, &raw, config);
    let placeholders = [
        Placeholder::scan(&cx.file, &cx.text, true),
        Placeholder::scan(&layout::story_file(folder), &read.story, false),
    ]
    .concat();
    let (laureate, story) = read.into_laureate(raw, folder, placeholders);
    Ok((laureate, story, cx.problems))
}

/// What of a profile is read with a check of its own (and the story beside it), before it
/// becomes a [`Laureate`].
struct Checked {
    name: String,
    birth: Option<YearMonth>,
    team: Option<Team>,
    slug: Option<String>,
    portrait: Option<Photo>,
    photos: Vec<Photo>,
    videos: Vec<Video>,
    story: String,
    consent: Option<Consent>,
    status: Status,
}

/// Reads and checks the values of `raw` that can be wrong, each problem in `cx` (in this
/// order: name, birth, team, category, slug, portrait, photos, videos, story, consent, pick).
fn read_checked(cx: &mut ProfileContext, raw: &RawProfile, config: &SiteConfig) -> Checked {
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
    let birth = parse_birth(cx, "birth", raw.birth.as_deref());
    let team = read_team(cx, raw);
    check_category(cx, raw.category.as_deref(), &config.campaign.categories);
    let slug = check_explicit_slug(cx, raw.slug.as_deref());
    let portrait = find_portrait(cx, raw, &name);
    let photos = find_photos(cx, raw, &name, portrait.as_ref());
    let videos = find_videos(cx, raw);
    let story = read_story(cx);
    let consent = raw.consent.as_ref().map(|c| read_consent(cx, c));
    let status = raw
        .status
        .unwrap_or_else(|| Status::default_for(&config.campaign));
    check_pick(cx, raw.province_pick, status);
    Checked {
        name,
        birth,
        team,
        slug,
        portrait,
        photos,
        videos,
        story,
        consent,
        status,
    }
}

impl Checked {
    /// The laureate of `raw` read into `self`, in `folder`, and the story's Markdown.
    fn into_laureate(
        self,
        raw: RawProfile,
        folder: &Path,
        placeholders: Vec<Placeholder>,
    ) -> (Laureate, String) {
        let laureate = Laureate {
            slug: self.slug.unwrap_or_default(),
            name: self.name,
            gender: raw.gender.unwrap_or_default(),
            birth: self.birth,
            organization: raw.organization.unwrap_or_default(),
            title: raw.title.unwrap_or_default(),
            position: raw.position.unwrap_or_default(),
            field: raw.field.unwrap_or_default(),
            region: raw.region.unwrap_or_default(),
            category: raw.category.unwrap_or_default(),
            channel: raw.channel,
            recommender: raw.recommender.unwrap_or_default(),
            identity: raw.identity.unwrap_or_default(),
            status: self.status,
            decided_by: raw.decided_by.unwrap_or_default(),
            decided_on: raw.decided_on,
            province_pick: raw.province_pick,
            order: raw.order,
            honors: raw.honors,
            quote: raw.quote.unwrap_or_default(),
            summary: raw.summary.unwrap_or_default().trim().to_string(),
            story: Document::default(),
            consent: self.consent,
            team: self.team,
            placeholders,
            portrait: self.portrait,
            photos: self.photos,
            videos: self.videos,
            folder: folder.to_path_buf(),
            private: raw
                .private
                .into_iter()
                .map(|(key, value)| (key, yaml::scalar_text(&value)))
                .collect(),
        };
        (laureate, self.story)
    }
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
