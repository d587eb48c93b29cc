//! The site model: what `load` makes of `site.yaml` and `content/`, validated, with every
//! path resolved. Later stages only read it.

pub(crate) mod load;
pub mod natural;
pub mod slug;
pub mod strokes;

pub use load::{
    load, load_partial, load_partial_with, load_partial_year, reload_story, PartialSite,
    IMAGE_EXTENSIONS, LAUREATES_DIR, PAGES_DIR, VIDEO_EXTENSIONS,
};

use crate::config::SiteConfig;
use crate::markdown::Document;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

/// A loaded, validated campaign site.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site root (the folder holding `site.yaml`).
    pub root: PathBuf,
    /// The parsed `site.yaml`.
    pub config: SiteConfig,
    /// The front page introduction from `content/index.md`, if present.
    pub intro: Option<Document>,
    /// All laureates, in the campaign's order (`campaign.order`: pinyin, 笔画 or manual).
    pub laureates: Vec<Laureate>,
    /// Extra pages from `content/pages/`, sorted by slug.
    pub pages: Vec<Page>,
    /// What links in the site's Markdown can lead to (made once while loading).
    pub links: crate::routes::LinkTargets,
}

impl Site {
    /// What links in the site's Markdown can lead to.
    pub fn link_targets(&self) -> &crate::routes::LinkTargets {
        &self.links
    }

    /// The site's routes (URLs under `base_url`).
    pub fn routes(&self) -> crate::routes::Routes {
        crate::routes::Routes::new(&self.config)
    }
}

/// One laureate, from a folder under `content/laureates/`.
#[derive(Debug, Clone)]
pub struct Laureate {
    /// URL slug: pinyin of the name, or `slug:` from the profile; unique in the site.
    pub slug: String,
    /// 姓名.
    pub name: String,
    /// 性别.
    pub gender: String,
    /// 出生年月.
    pub birth: Option<YearMonth>,
    /// 工作单位.
    pub organization: String,
    /// 职称, e.g. 研究员.
    pub title: String,
    /// 职务, e.g. 育种室主任.
    pub position: String,
    /// 专业领域.
    pub field: String,
    /// 县市区 (used for the region filter).
    pub region: String,
    /// Award category, one of `site.yaml`'s categories.
    pub category: String,
    /// The nomination channel.
    pub channel: Option<Channel>,
    /// 推荐单位.
    pub recommender: String,
    /// 身份, e.g. 事业单位专业技术人员; checked against the notice's exclusions.
    pub identity: String,
    /// Where the nominee stands in the selection round (`status:`, or the campaign's default).
    pub status: Status,
    /// Who recorded the selection (`decided_by:`, 决定人), written by `laurel review select`.
    pub decided_by: String,
    /// When the selection was recorded (`decided_on:`, 决定日期).
    pub decided_on: Option<crate::config::Date>,
    /// Put forward to the provincial round (only a selected laureate can be).
    pub province_pick: bool,
    /// `order:` from profile.yaml: the place in lists with `campaign.order: manual`.
    pub order: Option<u32>,
    /// Honours received, one line each.
    pub honors: Vec<String>,
    /// A short quote in the laureate's own words.
    pub quote: String,
    /// A short summary (简要事迹).
    pub summary: String,
    /// The story (主要事迹) from `story.md`.
    pub story: Document,
    /// The frontal portrait, if any.
    pub portrait: Option<Photo>,
    /// Life and work photos, in display order.
    pub photos: Vec<Photo>,
    /// Short videos, in display order.
    pub videos: Vec<Video>,
    /// The laureate's folder.
    pub folder: PathBuf,
    /// A team nomination's leader and members (`kind: team`); `None` for a person.
    pub team: Option<Team>,
    /// The laureate's consent to publication (PIPL art. 25), if recorded.
    pub consent: Option<Consent>,
    /// Template text (请填写 …) still in `profile.yaml` or `story.md`.
    pub placeholders: Vec<Placeholder>,
    /// `private:` fields (phone, ID number …) as text. Only `laurel export` reads them; no
    /// render view carries them, so they never reach the site.
    pub private: BTreeMap<String, String>,
}

/// Where a nominee stands in the selection round (`status:` in profile.yaml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 推荐: nominated, not (yet) selected.
    #[serde(alias = "推荐", alias = "推荐人选")]
    Nominated,
    /// 入选: one of the campaign's laureates.
    #[serde(alias = "入选")]
    Selected,
    /// 未入选: nominated and not selected; never published.
    #[serde(alias = "未入选")]
    NotSelected,
}

impl Status {
    /// The status of a profile without `status:`: a laureate while the campaign records no
    /// selection round (`campaign.round: none`), else a nominee.
    pub fn default_for(campaign: &crate::config::Campaign) -> Status {
        match campaign.round {
            crate::config::Round::NoSelection => Status::Selected,
            crate::config::Round::Selection => Status::Nominated,
        }
    }
}

impl Laureate {
    /// Whether this person may appear anywhere in the published site: the selected always;
    /// nominees still in the round only on the 公示 of a campaign that publicises nominees
    /// (`campaign.publicise_nominees`, in the publicity phase, where only the 公示 is
    /// published); the not selected never.
    pub fn is_published(&self, campaign: &crate::config::Campaign) -> bool {
        match self.status {
            Status::Selected => true,
            Status::Nominated => {
                campaign.publicise_nominees && campaign.phase == crate::config::Phase::Publicity
            }
            Status::NotSelected => false,
        }
    }

    /// 职务 and 职称 as one line (`副院长 · 教授`), the same on every page and poster; for a
    /// team its leader and size (`团队负责人 陈晓燕 · 4名成员`).
    pub fn role(&self) -> String {
        if let Some(team) = &self.team {
            return team.byline();
        }
        [self.position.as_str(), self.title.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The birth month that counts for the under-45 share: a person's own; a team's leader's
    /// (from the leader's row in `members`, else the team profile's `birth`).
    pub fn leader_birth(&self) -> Option<YearMonth> {
        let from_members = self.team.as_ref().and_then(|team| {
            team.members
                .iter()
                .find(|m| m.name == team.leader)
                .and_then(|m| m.birth)
        });
        from_members.or(self.birth)
    }

    /// The laureate's `profile.yaml`.
    pub fn profile_file(&self) -> PathBuf {
        crate::layout::profile_file(&self.folder)
    }

    /// The laureate's `story.md`.
    pub fn story_file(&self) -> PathBuf {
        crate::layout::story_file(&self.folder)
    }

    /// Age in full years at `date` (the campaign's reference date), if the birth is known;
    /// a team has no age of its own (see [`Laureate::leader_birth`]).
    pub fn age_at(&self, date: crate::config::Date) -> Option<u32> {
        match self.team {
            Some(_) => None,
            None => self.birth?.age_at(date),
        }
    }
}

/// A team nomination (团队): its leader and members. The team's name is the laureate's
/// `name`, its 依托单位 the `organization`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// 团队负责人.
    pub leader: String,
    /// 团队成员, in the order of the form (the leader among them when listed).
    pub members: Vec<Member>,
}

impl Team {
    /// The line shown where a person's 职务 and 职称 stand: `团队负责人 陈晓燕 · 4名成员`.
    pub fn byline(&self) -> String {
        let leader = format!("团队负责人 {}", self.leader);
        match self.members.len() {
            0 => leader,
            n => format!("{leader} · {n}名成员"),
        }
    }

    /// The members' names joined as Chinese lists are (`陈晓燕、刘洋、孙丽`).
    pub fn member_names(&self) -> String {
        self.members
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// One member of a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// 姓名.
    pub name: String,
    /// 性别.
    pub gender: String,
    /// 出生年月.
    pub birth: Option<YearMonth>,
    /// 工作单位.
    pub organization: String,
    /// 分工 or 职务职称 in the team.
    pub role: String,
}

/// Words that mark text as a placeholder still to be replaced: those of `laurel new`'s
/// templates and the ones editors type themselves. `laurel check` reports them as errors.
pub const PLACEHOLDER_MARKERS: &[&str] = &["请填写", "某某", "XXX", "待补充", "待填写"];

/// A line of a laureate's `profile.yaml` or `story.md` that still holds placeholder text
/// ([`PLACEHOLDER_MARKERS`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The file, absolute.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// The profile key the line belongs to, or `story`.
    pub field: String,
    /// The placeholder text found.
    pub text: String,
}

impl Placeholder {
    /// The placeholders in `text`, the contents of `file`: a profile (YAML: comments are
    /// skipped, each line belongs to the key above it) or a story.
    pub fn scan(file: &std::path::Path, text: &str, is_profile: bool) -> Vec<Placeholder> {
        let mut found = Vec::new();
        let mut field = String::from("story");
        for (i, line) in text.lines().enumerate() {
            let content = match is_profile {
                true => line.split(" #").next().unwrap_or(""),
                false => line,
            };
            if is_profile && content.trim_start().starts_with('#') {
                continue;
            }
            if is_profile && !line.starts_with([' ', '-']) {
                if let Some((key, _)) = content.split_once(':') {
                    field = key.trim().to_string();
                }
            }
            let marked = PLACEHOLDER_MARKERS.iter().any(|m| content.contains(m));
            if marked {
                let value = content.split_once(": ").map_or(content, |(_, v)| v);
                found.push(Placeholder {
                    file: file.to_path_buf(),
                    line: i + 1,
                    field: field.clone(),
                    text: value.trim().trim_start_matches("## ").to_string(),
                });
            }
        }
        found
    }
}

/// A laureate's separate consent to having their information published (`consent:`). The
/// signed form stays in the laureate's folder: nothing publishes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// When it was given.
    pub date: Option<crate::config::Date>,
    /// The signed form.
    pub file: Option<PathBuf>,
}

/// A photo with its 图说 caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// Absolute path of the source file.
    pub source: PathBuf,
    /// The 图说 text, if given.
    pub caption: Option<String>,
    /// Alt text: `alt`, else the caption, else a description made from the name.
    pub alt: String,
    /// Where crops of the photo are centred.
    pub focus: Focus,
}

/// Where crops of a photo are centred, `(x, y)` in 0–1 from the top left.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub enum Focus {
    /// Written by the editor (`focus: [x, y]`): used as it is.
    Set(f32, f32),
    /// Not written: the faces the media stage finds in the photo, else this point.
    Auto(f32, f32),
}

/// A short video.
#[derive(Debug, Clone, PartialEq)]
pub struct Video {
    /// Absolute path of the source file.
    pub source: PathBuf,
    /// Title shown with the video.
    pub title: Option<String>,
    /// An image chosen as the poster (`poster:`), instead of a frame of the video.
    pub poster: Option<PathBuf>,
    /// Captions beside the video with the same name (`.vtt`, or `.srt` made WebVTT).
    pub captions: Option<PathBuf>,
}

/// An extra page from `content/pages/`.
#[derive(Debug, Clone)]
pub struct Page {
    /// URL slug (`/<slug>/`).
    pub slug: String,
    /// Title, from front matter, the leading `#` heading or the file name.
    pub title: String,
    /// The rendered body.
    pub body: Document,
    /// The Markdown file it comes from.
    pub file: PathBuf,
}

/// Year and month of birth (出生年月).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    /// Year, e.g. 1986.
    pub year: u32,
    /// Month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// Parses `1986-05`, `1986-5`, `1986.05`, `1986/05` or `1986年5月`.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let cleaned = text.trim().trim_end_matches('月');
        let mut parts = cleaned.split(['-', '.', '/', '年']);
        let year = parts.next()?.trim().parse().ok()?;
        let month = parts.next()?.trim().parse().ok()?;
        let valid = parts.next().is_none() && (1900..=2100).contains(&year);
        (valid && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }
}

impl YearMonth {
    /// Age in full years at `date`.
    pub fn age_at(self, date: crate::config::Date) -> Option<u32> {
        let years = date.year.checked_sub(self.year)?;
        Some(if date.month < self.month {
            years.saturating_sub(1)
        } else {
            years
        })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月", self.year, self.month)
    }
}

/// How a nomination came in, each with its own quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// A county-level district (县市区).
    #[serde(alias = "县市区")]
    County,
    /// A city-level society (学会).
    #[serde(alias = "学会")]
    Society,
    /// A university's science association (高校科协).
    #[serde(alias = "高校", alias = "高校科协")]
    University,
}

impl Channel {
    /// The Chinese label shown on pages.
    pub fn label(self) -> &'static str {
        match self {
            Channel::County => "县市区推荐",
            Channel::Society => "市级学会推荐",
            Channel::University => "高校科协推荐",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Date;

    #[test]
    fn birth_formats() {
        let want = Some(YearMonth {
            year: 1986,
            month: 5,
        });
        for text in [
            "1986-05",
            "1986-5",
            "1986.05",
            "1986/5",
            "1986年5月",
            " 1986-05 ",
        ] {
            assert_eq!(YearMonth::parse(text), want, "{text}");
        }
        for bad in ["1986", "86-05", "1986-13", "五月", "1986-05-01"] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn age_counts_full_years() {
        let mut laureate = crate::content::load::tests::minimal_laureate();
        laureate.birth = YearMonth::parse("1977-05");
        let at = |month| Date {
            year: 2022,
            month,
            day: 20,
        };
        assert_eq!(laureate.age_at(at(4)), Some(44));
        assert_eq!(laureate.age_at(at(5)), Some(45));
    }
}
