//! `site.yaml`: campaign and site settings.
//!
//! Parsing is separate from IO ([`SiteConfig::parse`] takes the text) and every key has a
//! default, so an empty `site.yaml` is a valid one; unknown keys are errors with a hint. The
//! defaults are the example campaign's (the city's 2022 notice) and are documented in the
//! example `site.yaml`.
//!
//! ```
//! use laurel::config::SiteConfig;
//! let config = SiteConfig::parse("title: 最美科技工作者\nimages:\n  widths: [320, 640]\n",
//!     std::path::Path::new("site.yaml")).unwrap();
//! assert_eq!(config.images.widths, vec![320, 640]);
//! assert_eq!(config.campaign.year, 2022);
//! ```

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Said;
use crate::{said, yaml};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// The file name of the site configuration, at the site root.
pub const FILE_NAME: &str = crate::layout::SITE_CONFIG;

/// Everything in `site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    /// The campaign's name, shown in the header and the browser tab.
    pub title: String,
    /// A line under the title (e.g. the organisers' slogan).
    pub subtitle: String,
    /// Meta description of the front page and the feed's subtitle.
    pub description: String,
    /// The organisers (主办单位), shown in the footer.
    pub organizer: String,
    /// Absolute URL the site is published at, e.g. `https://kx.example.gov.cn/zuimei/`.
    /// Needed for the sitemap, the feed and shared links; may be empty while previewing.
    pub base_url: String,
    /// Name of the theme folder under `themes/`; `default` is built into laurel.
    pub theme: String,
    /// The campaign's rules and dates.
    pub campaign: Campaign,
    /// How photos are turned into responsive images.
    pub images: ImageSettings,
    /// How many laureates one page of a long list shows.
    pub paginate: Paginate,
    /// WeChat JS-SDK share settings for the H5 cards; without them cards load nothing from
    /// outside and WeChat shows its default link preview.
    pub wechat: Option<WechatSettings>,
    /// The 公众号 article drafts in the media kit.
    pub article: ArticleSettings,
    /// What an official site's footer carries: organisers, registration numbers, contact.
    pub footer: Footer,
    /// Font files (OTF/TTF/TTC, relative to site.yaml) posters are set in; empty: the
    /// system's CJK font.
    pub fonts: Vec<String>,
    /// Phone numbers and e-mail addresses that may appear in stories and pages (an office
    /// hotline): the `private-data` rule lets them through. The footer's `contact` and the
    /// 公示's `phone` and `email` are public already and need not be listed.
    #[serde(alias = "公开联系方式", deserialize_with = "yaml::texts")]
    pub public_contacts: Vec<String>,
    /// Where `laurel deploy` publishes `public/`.
    pub deploy: Vec<DeployTarget>,
    /// In a site of several years (`content/2022/`, `content/2023/` …): the year whose pages
    /// were at the site root before the site held several years. Its old addresses (printed
    /// QR codes, links in WeChat articles) get pages that lead to the new ones. When unset,
    /// the year of site.yaml's own `campaign:` (the one year the site had), else the oldest.
    pub old_urls_year: Option<u32>,
    /// In a site of several years, the year folder this configuration is for: its
    /// `campaign.yaml` is `campaign`, and its pages are published under `/<year>/`.
    #[serde(skip)]
    year_folder: Option<u32>,
    /// `base_url` parsed, when it is set and valid.
    #[serde(skip)]
    parsed_base_url: Option<url::Url>,
    /// Things in the file that do not stop a build (a malformed 备案号 …).
    #[serde(skip)]
    warnings: Vec<Diagnostic>,
}

/// The footer of an official site (every item optional): 主办, 承办, the ICP 备案号 linked to
/// MIIT's registry, the 公安备案号 linked to the public-security registry, the 网站标识码, the
/// 党政机关网站标识, contact and the IPv6 line.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Footer {
    /// 主办单位; the top-level `organizer` when empty.
    #[serde(alias = "主办")]
    pub organizers: String,
    /// 承办单位.
    #[serde(alias = "承办")]
    pub undertaker: String,
    /// ICP 备案号, e.g. 冀ICP备12345678号-1.
    #[serde(alias = "ICP备案号")]
    pub icp: String,
    /// 公安机关备案号, e.g. 冀公网安备13110202000123号.
    #[serde(alias = "公安备案号")]
    pub police: String,
    /// 网站标识码 (10 digits).
    #[serde(alias = "网站标识码")]
    pub site_code: String,
    /// The 党政机关网站标识: its image (a path in static/) and the link to its certificate.
    pub badge: Option<Badge>,
    /// 联系我们: a phone number, an address or an e-mail.
    #[serde(alias = "联系我们")]
    pub contact: String,
    /// Show 「本网站支持IPv6」.
    pub ipv6: bool,
}

/// The 党政机关网站标识.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Badge {
    /// The badge image, e.g. `/images/dzjg.png` (from `static/`).
    pub image: String,
    /// The link to the certificate (bszs.conac.cn).
    pub link: String,
}

impl Footer {
    /// The digits of the 公安备案号, which the registry's link takes.
    pub fn police_code(&self) -> String {
        self.police.chars().filter(char::is_ascii_digit).collect()
    }
}

/// The publisher's WeChat official account and its JS-SDK signing endpoint.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WechatSettings {
    /// The official account's AppID (`wx…`).
    pub app_id: String,
    /// URL of the publisher's endpoint that signs a page URL for `wx.config` (see README).
    pub signature_url: String,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "最美科技工作者".into(),
            subtitle: String::new(),
            description: String::new(),
            organizer: String::new(),
            base_url: String::new(),
            theme: "default".into(),
            campaign: Campaign::default(),
            images: ImageSettings::default(),
            paginate: Paginate::default(),
            wechat: None,
            article: ArticleSettings::default(),
            footer: Footer::default(),
            fonts: Vec::new(),
            public_contacts: Vec::new(),
            deploy: Vec::new(),
            old_urls_year: None,
            year_folder: None,
            parsed_base_url: None,
            warnings: Vec::new(),
        }
    }
}

/// How many laureates one page of a long list shows, so that no page grows past about 300 KB
/// of HTML in a national campaign (`bench/scale.py`); `0` puts everyone on one page.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Paginate {
    /// The front page's grid and the category and region pages (about 0.8 KB a laureate).
    pub grid: usize,
    /// The 图说 gallery, by laureate (about 3 KB a laureate).
    pub gallery: usize,
    /// The media kit, by laureate (about 12 KB a laureate).
    pub kit: usize,
}

impl Default for Paginate {
    fn default() -> Self {
        Paginate {
            grid: 120,
            gallery: 48,
            kit: 20,
        }
    }
}

/// How the 公众号 article drafts are titled.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArticleSettings {
    /// The title pattern: `{campaign}` (the site's title), `{name}`, `{quote}`, `{organization}`
    /// and `{year}` are filled in; WeChat allows 64 characters, so a long quote is shortened.
    pub title: String,
}

impl Default for ArticleSettings {
    fn default() -> Self {
        ArticleSettings {
            title: "{campaign}风采 | {name}：{quote}".into(),
        }
    }
}

/// The campaign's year, reference date and categories.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Campaign {
    /// The official name as the notice writes it (`2022年衡水市“最美科技工作者”`), used as
    /// written in the 公示 heading, the 汇总表 title, the hero, cards and 海报; see
    /// [`SiteConfig::official_name`] for the name made when it is left out.
    #[serde(alias = "名称")]
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
    #[serde(alias = "评选")]
    pub round: Round,
    /// The 公示 lists the nominees (推荐人选) still in the round, not only the selected
    /// (`campaign.publicise_nominees`, 公示推荐人选); only in the publicity phase.
    #[serde(alias = "公示推荐人选")]
    pub publicise_nominees: bool,
    /// The jury's scoring (`campaign.review`, 评审): criteria, method, judges.
    #[serde(alias = "评审")]
    pub review: Review,
}

impl Campaign {
    /// Whether the site publishes a 公示 page: always in the publicity phase, and in the
    /// showcase when `publicity` is set.
    pub fn publicity_published(&self) -> bool {
        self.phase == Phase::Publicity || self.publicity.is_some()
    }
}

impl Default for Campaign {
    fn default() -> Self {
        Campaign {
            name: String::new(),
            year: 2022,
            reference_date: Date {
                year: 2022,
                month: 4,
                day: 20,
            },
            categories: Vec::new(),
            rules: Rules::default(),
            order: Order::default(),
            phase: Phase::default(),
            publicity: None,
            round: Round::default(),
            publicise_nominees: false,
            review: Review::default(),
        }
    }
}

/// One place `laurel deploy` publishes to (`deploy:` in site.yaml). Credentials never come
/// from here: they are read from the environment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeployTarget {
    /// The name given on the command line (`laurel deploy oss`).
    pub name: String,
    /// What kind of storage it is.
    pub kind: DeployKind,
    /// `s3`: the API endpoint, e.g. `https://oss-cn-beijing.aliyuncs.com`.
    #[serde(default)]
    pub endpoint: String,
    /// `s3`: the bucket.
    #[serde(default)]
    pub bucket: String,
    /// `s3`: the region, e.g. `cn-beijing`.
    #[serde(default = "default_region")]
    pub region: String,
    /// `s3`: a folder inside the bucket, e.g. `zuimei/`.
    #[serde(default)]
    pub prefix: String,
    /// `s3`: address the bucket in the path (MinIO, test servers) rather than the host name
    /// (OSS, COS, OBS, S3); by default path style only for an IP address or localhost.
    #[serde(default)]
    pub path_style: Option<bool>,
    /// `folder`: the web server's document root.
    #[serde(default)]
    pub path: String,
    /// The most files one deploy may delete without `--force`.
    #[serde(default = "default_max_deletes")]
    pub max_deletes: usize,
}

fn default_region() -> String {
    "us-east-1".into()
}

fn default_max_deletes() -> usize {
    256
}

/// The kinds of deploy targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeployKind {
    /// Any S3-compatible object storage: Aliyun OSS, Tencent COS, Huawei OBS, AWS S3, MinIO.
    S3,
    /// A folder on this machine or a mounted share, replaced atomically.
    Folder,
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
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Publicity {
    /// First day of the 公示 period.
    #[serde(alias = "开始")]
    pub start: Option<Date>,
    /// Last day of the period.
    #[serde(alias = "结束")]
    pub end: Option<Date>,
    /// Telephone for objections (受理电话).
    #[serde(alias = "电话")]
    pub phone: String,
    /// E-mail for objections.
    #[serde(alias = "邮箱")]
    pub email: String,
    /// Postal address for written objections (通讯地址).
    #[serde(alias = "地址")]
    pub address: String,
    /// Who signs the notice; the organisers (`organizer`) when empty.
    #[serde(alias = "落款")]
    pub signed: String,
    /// The date under the signature; the first day of the period when empty.
    #[serde(alias = "日期")]
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
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
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

impl Default for Rules {
    fn default() -> Self {
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect();
        Rules {
            laureates: 20,
            province_picks: 3,
            selection_final: false,
            quotas: Quotas::default(),
            young_age: 45,
            young_share: 0.2,
            young_team: YoungTeam::default(),
            summary_max_chars: 300,
            photos_min: 3,
            photos_max: 5,
            photo_min_bytes: 2_000_000,
            portrait_min_width: 295,
            honor_keywords: words(&["最美", "全国", "国家", "省部级", "省"]),
            excluded_identities: words(&["现役军人", "公务员", "参公", "县处级", "厅局级"]),
            video_max_seconds: 180.0,
            video_sizes: vec![[1920, 1080], [1080, 1920]],
            require_consent: false,
        }
    }
}

/// How the jury scores the nominees (`campaign.review`, 评审): `laurel review sheets` writes
/// a 评分表 per judge from it, `laurel review tally` reads them back. The places are
/// `rules.laureates`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Review {
    /// The criteria, each scored from 0 to its `max` (评分标准); the notice's 遴选标准 by
    /// default.
    #[serde(alias = "评分标准")]
    pub criteria: Vec<Criterion>,
    /// How the judges' totals make a nominee's score (计分方法).
    #[serde(alias = "计分方法")]
    pub method: Method,
    /// The judges: their names, or how many there are (评委).
    #[serde(alias = "评委")]
    pub judges: Judges,
}

impl Default for Review {
    fn default() -> Self {
        let criterion = |name: &str, weight| Criterion {
            name: name.into(),
            weight,
            max: 100.0,
        };
        Review {
            criteria: vec![
                criterion("政治坚定", 0.3),
                criterion("业绩突出", 0.4),
                criterion("事迹感人", 0.3),
            ],
            method: Method::default(),
            judges: Judges::Count(5),
        }
    }
}

/// One criterion of the 评分表.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Its name, the column's heading (名称).
    #[serde(alias = "名称")]
    pub name: String,
    /// What a point of it counts in a judge's total (权重, 1 by default).
    #[serde(default = "one", alias = "权重")]
    pub weight: f64,
    /// The highest score a judge may give (满分, 100 by default).
    #[serde(default = "hundred", alias = "满分")]
    pub max: f64,
}

fn one() -> f64 {
    1.0
}

fn hundred() -> f64 {
    100.0
}

/// How a nominee's score is made from the judges' totals (`campaign.review.method`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The mean of every judge's total (平均).
    #[default]
    #[serde(alias = "平均")]
    Mean,
    /// The mean without each nominee's highest and lowest total (去掉最高分和最低分).
    #[serde(alias = "去掉最高最低", alias = "去掉最高分和最低分")]
    TrimmedMean,
}

/// The judges (`campaign.review.judges`): a list of names, or a count (评委1, 评委2 …).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Judges {
    /// So many judges, named 评委1, 评委2 ….
    Count(usize),
    /// The judges by name.
    Names(Vec<String>),
}

impl Judges {
    /// The judges' names, in order.
    pub fn names(&self) -> Vec<String> {
        match self {
            Judges::Count(n) => (1..=*n).map(|i| format!("评委{i}")).collect(),
            Judges::Names(names) => names.iter().map(|n| n.trim().to_string()).collect(),
        }
    }
}

impl Review {
    /// The highest total a judge can give: Σ weight × max.
    pub fn max_total(&self) -> f64 {
        self.criteria.iter().map(|c| c.weight * c.max).sum()
    }

    /// Values the jury's round cannot work with, each at its line of `text` (the file
    /// holding `campaign:`).
    fn problems(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let at = |line: Option<usize>, said: Said| Diagnostic::said(file, said).at_line(line);
        let mut problems = Vec::new();
        if self.criteria.is_empty() {
            problems.push(at(
                yaml::line_of(text, "criteria", ""),
                said!("criteria-empty"),
            ));
        }
        for (i, c) in self.criteria.iter().enumerate() {
            let own = yaml::line_of(text, "name", &c.name);
            let line = |key: &str| line_after(text, own, key).or(own);
            if !(c.weight.is_finite() && c.weight > 0.0) {
                problems.push(at(
                    line("weight"),
                    said!(
                        "criterion-weight",
                        weight = c.weight.to_string(),
                        name = &c.name
                    ),
                ));
            }
            if !(c.max.is_finite() && c.max > 0.0) {
                problems.push(at(
                    line("max"),
                    said!("criterion-max", max = c.max.to_string(), name = &c.name),
                ));
            }
            if c.name.trim().is_empty() || self.criteria[..i].iter().any(|o| o.name == c.name) {
                problems.push(at(own, said!("criterion-name", name = &c.name)));
            }
        }
        problems.extend(self.judge_problems(text, file));
        problems
    }

    /// Judges who could not each have their own sheet, and too few for the method.
    fn judge_problems(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let names = self.judges.names();
        let line = yaml::line_of(text, "judges", "");
        let mut problems = Vec::new();
        let unusable = |(i, n): (usize, &String)| {
            n.is_empty()
                || n.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|'])
                || names[..i].contains(n)
        };
        if names.is_empty() || names.iter().enumerate().any(unusable) {
            let judges = format!("{names:?}");
            problems.push(
                Diagnostic::said(file, said!("judges-unnamed", judges = judges)).at_line(line),
            );
        }
        if self.method == Method::TrimmedMean && names.len() < 3 {
            problems.push(
                Diagnostic::said(file, said!("trimmed-mean-judges", count = names.len()))
                    .at_line(yaml::line_of(text, "method", "")),
            );
        }
        problems
    }
}

/// The 1-based line of the first line from `from` on that holds `key:`.
fn line_after(text: &str, from: Option<usize>, key: &str) -> Option<usize> {
    let from = from?;
    let key = format!("{key}:");
    text.lines()
        .enumerate()
        .skip(from - 1)
        .find(|(_, l)| l.contains(&key))
        .map(|(i, _)| i + 1)
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
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
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

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            county: 2,
            society: 1,
            university: 1,
        }
    }
}

/// Responsive image settings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImageSettings {
    /// Widths in pixels of the responsive variants; never upscaled.
    pub widths: Vec<u32>,
    /// Side in pixels of the square thumbnails (grids, gallery, share images).
    pub thumbnail: u32,
    /// JPEG quality, 1–100.
    pub jpeg_quality: u8,
    /// WebP quality, 1–100.
    pub webp_quality: u8,
    /// libwebp's method (effort), 0–6: lower encodes faster and writes slightly larger files.
    pub webp_effort: u8,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 960, 1600],
            thumbnail: 480,
            jpeg_quality: 80,
            webp_quality: 80,
            webp_effort: 4,
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

impl SiteConfig {
    /// Parses and validates the text of `site.yaml`; `file` is used in messages.
    pub fn parse(text: &str, file: &Path) -> Result<SiteConfig, Diagnostics> {
        let mut config: SiteConfig = yaml::parse(text, file)?;
        config.parsed_base_url = parse_base_url(&config.base_url);
        config.warnings = config.footer_warnings(text, file);
        config
            .warnings
            .extend(config.publicity_warnings(text, file));
        config.validate(text, file).into_result(config)
    }

    /// Reads `site.yaml` from the site root.
    pub fn load(root: &Path) -> Result<SiteConfig, Diagnostics> {
        let file = root.join(FILE_NAME);
        let text = crate::diagnostics::read_text(&file)?;
        SiteConfig::parse(&text, &file)
    }

    /// Reads the configuration of one year of a site of several years: `site.yaml`, with
    /// the year folder's `campaign.yaml` (the keys of site.yaml's `campaign:`) as its
    /// campaign. Without that file the year takes site.yaml's campaign. The year is the
    /// folder's; reference_date defaults to 20 April of it.
    pub fn load_year(root: &Path, year: u32) -> Result<SiteConfig, Diagnostics> {
        let site_file = root.join(FILE_NAME);
        let site_text = crate::diagnostics::read_text(&site_file)?;
        let mut config = SiteConfig::parse(&site_text, &site_file)?;
        config.year_folder = Some(year);
        let file = crate::layout::year_campaign_file(root, year);
        let Some(text) = file
            .exists()
            .then(|| crate::diagnostics::read_text(&file))
            .transpose()?
        else {
            config.campaign.year = year;
            return Ok(config);
        };
        let campaign: Campaign = yaml::parse(&text, &file)?;
        let review_problems = campaign.review.problems(&text, &file);
        if !review_problems.is_empty() {
            return Err(Diagnostics(review_problems));
        }
        let written_year = yaml::line_of(&text, "year", "");
        if written_year.is_some() && campaign.year != year {
            let said = said!(
                "campaign-year-differs",
                written = campaign.year.to_string(),
                folder = year.to_string()
            );
            return Err(Diagnostic::said(&file, said).at_line(written_year).into());
        }
        config.campaign = Campaign { year, ..campaign };
        if yaml::line_of(&text, "reference_date", "").is_none() {
            config.campaign.reference_date = Date {
                year,
                month: 4,
                day: 20,
            };
        }
        config.warnings = config.footer_warnings(&site_text, &site_file);
        config
            .warnings
            .extend(config.publicity_warnings(&text, &file));
        Ok(config)
    }

    /// In a site of several years, the year folder this configuration is for.
    pub fn year_folder(&self) -> Option<u32> {
        self.year_folder
    }

    fn validate(&self, text: &str, file: &Path) -> Diagnostics {
        let mut problems = Diagnostics::default();
        let mut problem = |key: &str, said: Said| {
            problems.push(Diagnostic::said(file, said).at_line(yaml::line_of(text, key, "")))
        };
        let url = &self.base_url;
        if !url.is_empty() && self.parsed_base_url.is_none() {
            problem("base_url", said!("base-url-invalid", url = url));
        }
        if let Some(wechat) = &self.wechat {
            if !wechat.app_id.starts_with("wx") {
                problem("app_id", said!("wechat-app-id", id = &wechat.app_id));
            }
            if !wechat.signature_url.starts_with("https://") {
                let url = &wechat.signature_url;
                problem("signature_url", said!("wechat-signature-url", url = url));
            }
        }
        let widths = &self.images.widths;
        let usable = |w: &u32| (16..=8192).contains(w);
        if widths.is_empty() || !widths.iter().all(usable) || !usable(&self.images.thumbnail) {
            let said = said!(
                "image-widths",
                widths = format!("{widths:?}"),
                thumbnail = self.images.thumbnail.to_string()
            );
            problem("widths", said);
        }
        if self.images.webp_effort > 6 {
            let effort = self.images.webp_effort.to_string();
            problem("webp_effort", said!("webp-effort", effort = effort));
        }
        for (key, quality) in [
            ("jpeg_quality", self.images.jpeg_quality),
            ("webp_quality", self.images.webp_quality),
        ] {
            if !(1..=100).contains(&quality) {
                let said = said!("image-quality", key = key, quality = quality.to_string());
                problem(key, said);
            }
        }
        for problem in self.campaign.review.problems(text, file) {
            problems.push(problem);
        }
        problems
    }

    /// What does not stop a build but should be fixed, each at its line of `site.yaml`.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// A 备案号 or 网站标识码 that does not have the registry's form.
    fn footer_warnings(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let footer = &self.footer;
        let checks = [
            ("icp", &footer.icp, icp_form(&footer.icp)),
            ("police", &footer.police, police_form(&footer.police)),
            (
                "site_code",
                &footer.site_code,
                footer.site_code.len() == 10
                    && footer.site_code.chars().all(|c| c.is_ascii_digit()),
            ),
        ];
        checks
            .into_iter()
            .filter(|(_, value, ok)| !value.is_empty() && !ok)
            .map(|(key, value, _)| {
                Diagnostic::said(file, said!("footer-form", key = key, value = value))
                    .at_line(yaml::line_of(text, key, value))
            })
            .collect()
    }

    /// In the publicity phase, each key of `campaign.publicity` the 公示 needs but lacks.
    fn publicity_warnings(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        if self.campaign.phase != Phase::Publicity {
            return Vec::new();
        }
        let publicity = self.campaign.publicity.clone().unwrap_or_default();
        let line = yaml::line_of(text, "publicity", "").or(yaml::line_of(text, "phase", ""));
        [
            ("start", publicity.start.is_none()),
            ("end", publicity.end.is_none()),
            ("phone", publicity.phone.is_empty()),
            ("email", publicity.email.is_empty()),
            ("address", publicity.address.is_empty()),
        ]
        .into_iter()
        .filter(|(_, missing)| *missing)
        .map(|(key, _)| Diagnostic::said(file, said!("publicity-missing", key = key)).at_line(line))
        .collect()
    }

    /// The campaign's official name: `campaign.name`, else the year and the title made into
    /// one (`2022年“最美科技工作者”`), never a second year nor quotes inside quotes when the
    /// title already holds them.
    pub fn official_name(&self) -> String {
        let name = self.campaign.name.trim();
        if !name.is_empty() {
            return name.to_string();
        }
        let title = self.title.trim();
        let year = self.campaign.year;
        let has_year = title.contains(&year.to_string());
        let quoted = title.contains(['“', '"', '「']);
        match (has_year, quoted) {
            (true, _) => title.to_string(),
            (false, true) => format!("{year}年{title}"),
            (false, false) => format!("{year}年“{title}”"),
        }
    }

    /// `base_url` parsed; `None` when it is not set (or not a valid http(s) URL, which
    /// validation reports).
    pub fn base_url(&self) -> Option<&url::Url> {
        self.parsed_base_url.as_ref()
    }
}

/// 冀ICP备12345678号 or 冀ICP备12345678号-1: a province's character, ICP备, 8 digits, 号.
fn icp_form(text: &str) -> bool {
    let mut chars = text.chars();
    let province = chars.next().is_some_and(|c| !c.is_ascii());
    let rest: String = chars.collect();
    let Some(number) = rest.strip_prefix("ICP备") else {
        return false;
    };
    let (digits, tail) = number.split_at(number.find('号').unwrap_or(number.len()));
    let serial = tail.strip_prefix('号').is_some_and(|t| {
        t.is_empty()
            || t.strip_prefix('-')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    });
    province && digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) && serial
}

/// 冀公网安备13110202000123号: a province's character, 公网安备, 14 digits, 号.
fn police_form(text: &str) -> bool {
    let mut chars = text.chars();
    let province = chars.next().is_some_and(|c| !c.is_ascii());
    let rest: String = chars.collect();
    let digits = rest
        .strip_prefix("公网安备")
        .and_then(|r| r.trim_start().strip_suffix('号'));
    province && digits.is_some_and(|d| d.len() == 14 && d.chars().all(|c| c.is_ascii_digit()))
}

/// `base_url` as a URL, when it is an absolute http(s) URL with a host.
pub fn parse_base_url(text: &str) -> Option<url::Url> {
    let url = url::Url::parse(text.trim()).ok()?;
    let usable = matches!(url.scheme(), "http" | "https") && url.has_host();
    usable.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, Diagnostics> {
        SiteConfig::parse(text, Path::new("site.yaml"))
    }

    #[test]
    fn official_name_is_written_once_without_a_second_year_or_nested_quotes() {
        let name = |yaml: &str| parse(yaml).unwrap().official_name();
        assert_eq!(name("title: 最美科技工作者\n"), "2022年“最美科技工作者”");
        assert_eq!(
            name("title: 2022年衡水市“最美科技工作者”\n"),
            "2022年衡水市“最美科技工作者”"
        );
        assert_eq!(
            name("title: 衡水市“最美科技工作者”\n"),
            "2022年衡水市“最美科技工作者”"
        );
        assert_eq!(
            name("title: 最美\ncampaign:\n  name: 2022年衡水市“最美科技工作者”\n"),
            "2022年衡水市“最美科技工作者”"
        );
    }

    #[test]
    fn empty_file_gives_the_defaults() {
        let config = parse("").unwrap();
        assert_eq!(config.images.widths, vec![480, 960, 1600]);
        assert_eq!(config.campaign.reference_date.to_string(), "2022-04-20");
    }

    #[test]
    fn unknown_nested_key_is_an_error_with_hint() {
        let err = parse("images:\n  widht: [1]\n").unwrap_err();
        assert_eq!(err.0[0].line, Some(2));
        assert_eq!(err.0[0].hint.as_deref(), Some("did you mean `widths`?"));
    }

    #[test]
    fn bad_values_are_all_reported() {
        let err =
            parse("base_url: example.org\nimages:\n  jpeg_quality: 0\n  widths: []\n").unwrap_err();
        assert_eq!(err.0.len(), 3, "{err}");
        assert_eq!(err.0[0].line, Some(1));
    }

    #[test]
    fn the_review_defaults_to_the_notices_criteria_and_bad_values_are_errors_at_their_line() {
        let review = parse("").unwrap().campaign.review;
        let names: Vec<&str> = review.criteria.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["政治坚定", "业绩突出", "事迹感人"]);
        assert!((review.max_total() - 100.0).abs() < 1e-9);
        assert_eq!(review.judges.names().len(), 5);
        let err = parse(
            "campaign:\n  review:\n    criteria:\n      - name: 业绩\n        weight: 0\n      - name: 事迹\n        max: -5\n    method: trimmed_mean\n    judges: [甲, 乙]\n",
        )
        .unwrap_err();
        let lines: Vec<Option<usize>> = err.0.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(5), Some(7), Some(8)], "{err}");
        let unknown = parse("campaign:\n  review:\n    judge: 5\n").unwrap_err();
        assert_eq!(unknown.0[0].line, Some(3), "{unknown}");
        let method = parse("campaign:\n  review:\n    method: median\n").unwrap_err();
        assert_eq!(method.0[0].line, Some(3), "{method}");
    }

    #[test]
    fn bad_date_is_explained() {
        let err = parse("campaign:\n  reference_date: 2022/4/20\n").unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn registration_numbers_are_checked_and_bad_ones_warned_at_their_line() {
        assert!(icp_form("冀ICP备12345678号") && icp_form("冀ICP备12345678号-1"));
        assert!(
            !icp_form("ICP备12345678号")
                && !icp_form("冀ICP备1234567号")
                && !icp_form("冀ICP备12345678")
        );
        assert!(police_form("冀公网安备13110202000123号"));
        assert!(!police_form("冀公网安备1311020200012号"));
        let config =
            parse("title: x\nfooter:\n  icp: 冀ICP备123号\n  police: 冀公网安备13110202000123号\n")
                .unwrap();
        assert_eq!(config.warnings().len(), 1);
        assert_eq!(config.warnings()[0].line, Some(3));
        assert_eq!(config.footer.police_code(), "13110202000123");
    }

    #[test]
    fn base_url_is_parsed_once_and_checked() {
        let config = parse("base_url: https://a.org/zuimei\n").unwrap();
        assert_eq!(config.base_url().map(|u| u.path()), Some("/zuimei"));
        assert!(parse("").unwrap().base_url().is_none());
        for bad in ["a.org/x", "ftp://a.org/", "https://"] {
            let err = parse(&format!("base_url: {bad}\n")).unwrap_err();
            assert!(
                err.to_string().contains("not an absolute URL"),
                "{bad}: {err}"
            );
        }
    }
}
