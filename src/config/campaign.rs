//! The campaign as the build uses it (`campaign:` in site.yaml, or a year's `campaign.yaml`):
//! year, dates, rules and the 公示, every default applied.

use super::review::Review;
use crate::yaml;
use serde::Deserialize;
use std::fmt;

/// The campaign's year, reference date and categories.
#[derive(Debug, Clone)]
pub struct Campaign {
    /// The official name as the notice writes it (`2022年衡水市“最美科技工作者”`), used as
    /// written in the 公示 heading, the 汇总表 title, the hero, cards and 海报; see
    /// [`SiteConfig::official_name`](super::SiteConfig::official_name) for the name made when
    /// it is left out.
    pub name: String,
    /// The campaign year (评选年度).
    pub year: u32,
    /// The date ages are computed at and the feed's `updated` date (`YYYY-MM-DD`);
    /// the notice's submission deadline by default.
    pub reference_date: Date,
    /// The award categories a laureate's `category` must be one of; empty allows any.
    pub categories: Vec<String>,
    /// The rules `laurel check` applies (the notice's numbers by default).
    pub rules: Rules,
    /// The order of every list of laureates.
    pub order: Order,
    /// Where the campaign stands: the 公示 of the selected candidates, or the showcase.
    pub phase: Phase,
    /// The 公示: its period, where objections go, who signs it.
    pub publicity: Option<Publicity>,
    /// Whether a selection round is recorded in the profiles (`campaign.round`, 评选): it
    /// decides the status of a profile without `status:`.
    pub round: Round,
    /// The 公示 lists the nominees (推荐人选) still in the round, not only the selected
    /// (`campaign.publicise_nominees`, 公示推荐人选); only in the publicity phase.
    pub publicise_nominees: bool,
    /// The jury's scoring (`campaign.review`, 评审): criteria, method, judges.
    pub review: Review,
}

impl Campaign {
    /// Whether the site publishes a 公示 page: always in the publicity phase, and in the
    /// showcase when `publicity` is set.
    pub fn publicity_published(&self) -> bool {
        self.phase == Phase::Publicity || self.publicity.is_some()
    }
}

/// Where a campaign stands (`campaign.phase`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// 公示: only the list of candidates for public comment is published.
    Publicity,
    /// The laureates are announced: the whole showcase (and the 公示 page, for the record).
    #[default]
    Showcase,
}

/// Whether the campaign records its selection round (`campaign.round`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Round {
    /// `none` (无): no selection is recorded; a profile without `status:` is a laureate, as
    /// in a campaign whose folders hold only the selected.
    #[default]
    #[serde(rename = "none", alias = "无")]
    NoSelection,
    /// `selection` (评选): the folders hold every nominee; a profile without `status:` is a
    /// nominee, published only once `laurel review select` marks it selected.
    #[serde(alias = "评选")]
    Selection,
}

/// The 公示 (`campaign.publicity`): every key optional; missing ones are build warnings in
/// the publicity phase.
#[derive(Debug, Clone, Default)]
pub struct Publicity {
    /// First day of the 公示 period.
    pub start: Option<Date>,
    /// Last day of the period.
    pub end: Option<Date>,
    /// Telephone for objections (受理电话).
    pub phone: String,
    /// E-mail for objections.
    pub email: String,
    /// Postal address for written objections (通讯地址).
    pub address: String,
    /// Who signs the notice; the organisers (`organizer`) when empty.
    pub signed: String,
    /// The date under the signature; the first day of the period when empty.
    pub date: Option<Date>,
}

/// How lists of laureates are ordered (`campaign.order`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// By the pinyin of the name (the slug).
    #[default]
    Pinyin,
    /// 按姓氏笔画: by the surname's strokes, as official name lists are ordered.
    Strokes,
    /// By `order:` in each profile.yaml; laureates without one follow, by pinyin.
    Manual,
}

/// The campaign's rules, as the city's notice sets them; `laurel check` reports breaches.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Most laureates chosen (20).
    pub laureates: usize,
    /// Laureates put forward to the provincial round (3).
    pub province_picks: usize,
    /// Selection is final: a wrong number of provincial picks is an error, not a warning.
    pub selection_final: bool,
    /// Most nominations per recommending unit, by channel.
    pub quotas: Quotas,
    /// "Young" means under this age at the reference date (45).
    pub young_age: u32,
    /// Smallest share of young nominees (0.2).
    pub young_share: f64,
    /// How a team counts in the young share.
    pub young_team: YoungTeam,
    /// Longest summary in characters (300).
    pub summary_max_chars: usize,
    /// Fewest and most life/work photos (3–5).
    pub photos_min: usize,
    /// Most life/work photos.
    pub photos_max: usize,
    /// Smallest photo file in bytes (2 MB).
    pub photo_min_bytes: u64,
    /// Smallest portrait width in pixels.
    pub portrait_min_width: u32,
    /// Words in an honour that suggest a provincial/ministerial or higher honour or an earlier
    /// 「最美」 title (a warning: such people are in principle not nominated).
    pub honor_keywords: Vec<String>,
    /// Words in `identity` that exclude a nominee (active military, civil servants, officials).
    pub excluded_identities: Vec<String>,
    /// Longest video in seconds (3 minutes).
    pub video_max_seconds: f64,
    /// Allowed displayed video sizes, `[width, height]` (1920x1080 landscape, 1080x1920 portrait).
    pub video_sizes: Vec<[u32; 2]>,
    /// A laureate without `consent:` is an error, not a warning (PIPL art. 25: publishing
    /// personal information needs the person's separate consent).
    pub require_consent: bool,
}

/// How a team nomination counts in the share of young nominees. The notice counts 推荐人选
/// (nominations), and a team is one nomination: by default it counts once, as young when its
/// leader is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YoungTeam {
    /// One nomination, young when the leader is under `young_age`.
    #[default]
    Leader,
    /// One nomination, young when more than half of its members are.
    Majority,
    /// Teams are left out of the share (neither counted nor young).
    Exclude,
}

/// Most nominations a recommending unit of each channel may send.
#[derive(Debug, Clone)]
pub struct Quotas {
    /// Per county-level district (县市区): 2.
    pub county: usize,
    /// Per city-level society (学会): 1.
    pub society: usize,
    /// Per university science association (高校科协): 1.
    pub university: usize,
}

impl Quotas {
    /// The most nominations a unit of `channel` may send.
    pub fn of(&self, channel: crate::content::Channel) -> usize {
        match channel {
            crate::content::Channel::County => self.county,
            crate::content::Channel::Society => self.society,
            crate::content::Channel::University => self.university,
        }
    }
}

/// A calendar date written `YYYY-MM-DD` in YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: u32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-').map(|p| p.parse::<u32>().ok());
        let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
        let valid = parts.next().is_none() && (1..=12).contains(&month) && (1..=31).contains(&day);
        valid.then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` {}", yaml::NOT_A_DATE)))
    }
}
