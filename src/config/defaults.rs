//! Every default of site.yaml, in one place: what a key left out means. They are the example
//! campaign's (the city's 2022 notice) and are documented in the example `site.yaml`.
//! `resolve` applies them; nothing else in laurel knows them. What is not here
//! defaults to nothing: an empty text or list, `false`, no value (the footer, the 公示).

use super::review::{Criterion, Judges, Method, Review};
use super::{
    ArticleSettings, Campaign, Date, ImageSettings, Order, Paginate, Phase, Quotas, Round, Rules,
    YoungTeam,
};

/// The site's title when site.yaml gives none.
pub const TITLE: &str = "最美科技工作者";

/// The theme when site.yaml names none (built into laurel).
pub const THEME: &str = "default";

/// The campaign year when site.yaml's `campaign:` gives none.
pub const YEAR: u32 = 2022;

/// An S3 deploy target's region when it names none.
pub const DEPLOY_REGION: &str = "us-east-1";

/// The most files one deploy may delete without `--force`, when the target says nothing.
pub const DEPLOY_MAX_DELETES: usize = 256;

/// A review criterion's weight (权重) when it gives none.
pub const CRITERION_WEIGHT: f64 = 1.0;

/// A review criterion's highest score (满分) when it gives none.
pub const CRITERION_MAX: f64 = 100.0;

/// The reference date of a campaign of `year` that gives none: the notice's submission
/// deadline, 20 April.
pub fn reference_date(year: u32) -> Date {
    Date {
        year,
        month: 4,
        day: 20,
    }
}

impl Campaign {
    /// The campaign of `year` that site.yaml (or the year's `campaign.yaml`) leaves wholly to
    /// the defaults.
    pub fn of_year(year: u32) -> Campaign {
        Campaign {
            name: String::new(),
            year,
            reference_date: reference_date(year),
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

impl Default for Campaign {
    fn default() -> Self {
        Campaign::of_year(YEAR)
    }
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

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            county: 2,
            society: 1,
            university: 1,
        }
    }
}

impl Default for Review {
    fn default() -> Self {
        let criterion = |name: &str, weight| Criterion {
            name: name.into(),
            weight,
            max: CRITERION_MAX,
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

impl Default for Paginate {
    fn default() -> Self {
        Paginate {
            grid: 120,
            gallery: 48,
            kit: 20,
        }
    }
}

impl Default for ArticleSettings {
    fn default() -> Self {
        ArticleSettings {
            title: "{campaign}风采 | {name}：{quote}".into(),
        }
    }
}
