//! site.yaml as written: what the editor's file says, nothing more. A key the file may leave
//! out is an `Option` here (`None`: not written); no default is applied and nothing is
//! worked out. [`super::resolve`] makes the configuration the build uses from it.
//!
//! Value types that have no defaults (dates, the enums, the badge, WeChat's settings, the
//! judges) are the resolved layer's own, read as they are.

use super::YoungTeam;
use super::{Badge, Date, DeployKind, Judges, Method, Order, Phase, Round, WechatSettings};
use serde::{Deserialize, Deserializer};

/// Every key of `site.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteYaml {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub organizer: Option<String>,
    pub base_url: Option<String>,
    pub theme: Option<String>,
    pub campaign: Option<CampaignYaml>,
    pub images: Option<ImagesYaml>,
    pub paginate: Option<PaginateYaml>,
    pub wechat: Option<WechatSettings>,
    pub article: Option<ArticleYaml>,
    pub footer: Option<FooterYaml>,
    pub fonts: Option<Vec<String>>,
    #[serde(alias = "公开联系方式", deserialize_with = "some_texts")]
    pub public_contacts: Option<Vec<String>>,
    pub deploy: Option<Vec<DeployTargetYaml>>,
    pub old_urls_year: Option<u32>,
}

/// The keys of `campaign:` in site.yaml, and of a year's `campaign.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CampaignYaml {
    #[serde(alias = "名称")]
    pub name: Option<String>,
    pub year: Option<u32>,
    pub reference_date: Option<Date>,
    pub categories: Option<Vec<String>>,
    pub rules: Option<RulesYaml>,
    pub order: Option<Order>,
    pub phase: Option<Phase>,
    pub publicity: Option<PublicityYaml>,
    #[serde(alias = "评选")]
    pub round: Option<Round>,
    #[serde(alias = "公示推荐人选")]
    pub publicise_nominees: Option<bool>,
    #[serde(alias = "评审")]
    pub review: Option<ReviewYaml>,
}

/// The keys of `campaign.rules`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulesYaml {
    pub laureates: Option<usize>,
    pub province_picks: Option<usize>,
    pub selection_final: Option<bool>,
    pub quotas: Option<QuotasYaml>,
    pub young_age: Option<u32>,
    pub young_share: Option<f64>,
    pub young_team: Option<YoungTeam>,
    pub summary_max_chars: Option<usize>,
    pub photos_min: Option<usize>,
    pub photos_max: Option<usize>,
    pub photo_min_bytes: Option<u64>,
    pub portrait_min_width: Option<u32>,
    pub honor_keywords: Option<Vec<String>>,
    pub excluded_identities: Option<Vec<String>>,
    pub video_max_seconds: Option<f64>,
    pub video_sizes: Option<Vec<[u32; 2]>>,
    pub require_consent: Option<bool>,
}

/// The keys of `campaign.rules.quotas`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuotasYaml {
    pub county: Option<usize>,
    pub society: Option<usize>,
    pub university: Option<usize>,
}

/// The keys of `campaign.publicity`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublicityYaml {
    #[serde(alias = "开始")]
    pub start: Option<Date>,
    #[serde(alias = "结束")]
    pub end: Option<Date>,
    #[serde(alias = "电话")]
    pub phone: Option<String>,
    #[serde(alias = "邮箱")]
    pub email: Option<String>,
    #[serde(alias = "地址")]
    pub address: Option<String>,
    #[serde(alias = "落款")]
    pub signed: Option<String>,
    #[serde(alias = "日期")]
    pub date: Option<Date>,
}

/// The keys of `campaign.review`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewYaml {
    #[serde(alias = "评分标准")]
    pub criteria: Option<Vec<CriterionYaml>>,
    #[serde(alias = "计分方法")]
    pub method: Option<Method>,
    #[serde(alias = "评委")]
    pub judges: Option<Judges>,
}

/// One criterion of `campaign.review.criteria`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionYaml {
    #[serde(alias = "名称")]
    pub name: String,
    #[serde(alias = "权重")]
    pub weight: Option<f64>,
    #[serde(alias = "满分")]
    pub max: Option<f64>,
}

/// The keys of `images:`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImagesYaml {
    pub widths: Option<Vec<u32>>,
    pub thumbnail: Option<u32>,
    pub jpeg_quality: Option<u8>,
    pub webp_quality: Option<u8>,
    pub webp_effort: Option<u8>,
}

/// The keys of `paginate:`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PaginateYaml {
    pub grid: Option<usize>,
    pub gallery: Option<usize>,
    pub kit: Option<usize>,
}

/// The keys of `article:`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArticleYaml {
    pub title: Option<String>,
}

/// The keys of `footer:`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FooterYaml {
    #[serde(alias = "主办")]
    pub organizers: Option<String>,
    #[serde(alias = "承办")]
    pub undertaker: Option<String>,
    #[serde(alias = "ICP备案号")]
    pub icp: Option<String>,
    #[serde(alias = "公安备案号")]
    pub police: Option<String>,
    #[serde(alias = "网站标识码")]
    pub site_code: Option<String>,
    pub badge: Option<Badge>,
    #[serde(alias = "联系我们")]
    pub contact: Option<String>,
    pub ipv6: Option<bool>,
}

/// One item of `deploy:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeployTargetYaml {
    pub name: String,
    pub kind: DeployKind,
    pub endpoint: Option<String>,
    pub bucket: Option<String>,
    pub region: Option<String>,
    pub prefix: Option<String>,
    pub path_style: Option<bool>,
    pub path: Option<String>,
    pub max_deletes: Option<usize>,
}

/// [`crate::yaml::texts`] for a key that may be left out.
fn some_texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<String>>, D::Error> {
    crate::yaml::texts(deserializer).map(Some)
}
