//! `site.yaml`: campaign and site settings, in two layers.
//!
//! `written` is the file as the editor wrote it (serde structs; a key left out is `None`);
//! `resolve` makes [`SiteConfig`], what the build uses, from it in one step: the defaults
//! (all in `defaults`) applied, font files joined to the site folder, `base_url` parsed,
//! and — in a site of several years — the year's campaign chosen ([`SiteConfig::for_year`]).
//! site.yaml is read once: every year's configuration is made from that one read.
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

mod campaign;
mod defaults;
mod resolve;
mod review;
mod settings;
mod validate;
mod written;

pub use campaign::{Campaign, Date, Order, Phase, Publicity, Quotas, Round, Rules, YoungTeam};
pub use review::{Criterion, Judges, Method, Review};
pub use settings::{
    ArticleSettings, Badge, DeployKind, DeployTarget, FontFile, Footer, ImageSettings, Paginate,
    WechatSettings,
};

use crate::diagnostics::{read_text, Diagnostic, Diagnostics};
use crate::{layout, said, yaml};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file name of the site configuration, at the site root.
pub const FILE_NAME: &str = crate::layout::SITE_CONFIG;

/// The configuration the build uses: site.yaml resolved, for a site of one year or for one
/// year of a site of several years.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// The campaign's name, shown in the header and the browser tab.
    pub title: String,
    /// A line under the title (e.g. the organisers' slogan).
    pub subtitle: String,
    /// Meta description of the front page and the feed's subtitle.
    pub description: String,
    /// The organisers (主办单位), shown in the footer.
    pub organizer: String,
    /// Absolute URL the site is published at, e.g. `https://kx.example.gov.cn/zuimei/`, as
    /// written (see [`SiteConfig::base_url`] for it parsed). Needed for the sitemap, the feed
    /// and shared links; may be empty while previewing.
    pub base_url: String,
    /// Name of the theme folder under `themes/`; `default` is built into laurel.
    pub theme: String,
    /// The campaign's rules and dates: in a site of several years, the year's.
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
    pub fonts: Vec<FontFile>,
    /// Phone numbers and e-mail addresses that may appear in stories and pages (an office
    /// hotline): the `private-data` rule lets them through. The footer's `contact` and the
    /// 公示's `phone` and `email` are public already and need not be listed.
    pub public_contacts: Vec<String>,
    /// Where `laurel deploy` publishes `public/`.
    pub deploy: Vec<DeployTarget>,
    /// In a site of several years (`content/2022/`, `content/2023/` …): the year whose pages
    /// were at the site root before the site held several years. Its old addresses (printed
    /// QR codes, links in WeChat articles) get pages that lead to the new ones. When unset,
    /// the year of site.yaml's own `campaign:` (the one year the site had), else the oldest.
    pub old_urls_year: Option<u32>,
    /// The site folder (site.yaml's).
    root: PathBuf,
    /// In a site of several years, the year folder this configuration is for: its
    /// `campaign.yaml` is `campaign`, and its pages are published under `/<year>/`.
    year_folder: Option<u32>,
    /// `base_url` parsed, when it is set and valid.
    parsed_base_url: Option<url::Url>,
    /// The path a preview serves the site under, before `base_url`'s own path (`/site` in the
    /// studio); empty for a published site.
    served_under: String,
    /// Things in the files that do not stop a build (a malformed 备案号 …).
    warnings: Vec<Diagnostic>,
    /// What site.yaml itself says of the campaign, for the years without a `campaign.yaml`.
    own: Arc<OwnCampaign>,
}

/// site.yaml's own `campaign:` and the warnings of site.yaml, kept so that each year's
/// configuration is made from the one read of site.yaml.
#[derive(Debug, Default)]
struct OwnCampaign {
    campaign: Campaign,
    /// The footer's warnings (every year's).
    footer_warnings: Vec<Diagnostic>,
    /// The warnings of `campaign` (the 公示's missing keys).
    campaign_warnings: Vec<Diagnostic>,
}

impl SiteConfig {
    /// Parses, resolves and validates the text of `site.yaml`; `file` is used in messages, and
    /// its folder is the site's.
    pub fn parse(text: &str, file: &Path) -> Result<SiteConfig, Diagnostics> {
        let written: written::SiteYaml = yaml::parse(text, file)?;
        let mut config = resolve::site(written, file.parent().unwrap_or(Path::new("")));
        let own = OwnCampaign {
            footer_warnings: validate::footer_warnings(&config.footer, text, file),
            campaign_warnings: validate::publicity_warnings(&config.campaign, text, file),
            campaign: config.campaign.clone(),
        };
        config.warnings = [&own.footer_warnings[..], &own.campaign_warnings[..]].concat();
        config.own = Arc::new(own);
        validate::problems(&config, text, file).into_result(config)
    }

    /// Reads `site.yaml` from the site root.
    pub fn load(root: &Path) -> Result<SiteConfig, Diagnostics> {
        let file = root.join(FILE_NAME);
        let text = read_text(&file)?;
        SiteConfig::parse(&text, &file)
    }

    /// The configuration of `year` of a site of several years, made from this one (site.yaml
    /// is not read again): the year folder's `campaign.yaml` (the keys of site.yaml's
    /// `campaign:`) is its campaign; without that file the year takes site.yaml's campaign.
    /// The year is the folder's; reference_date defaults to 20 April of it.
    pub fn for_year(&self, year: u32) -> Result<SiteConfig, Diagnostics> {
        let file = layout::year_campaign_file(&self.root, year);
        match file.exists() {
            true => self.for_year_with(year, &read_text(&file)?),
            false => {
                let own = &self.own;
                let campaign = Campaign {
                    year,
                    ..own.campaign.clone()
                };
                Ok(self.of_year(year, campaign, own.campaign_warnings.clone()))
            }
        }
    }

    /// The configuration of `year` with `text` as the year's `campaign.yaml` (the studio's
    /// unsaved settings), as [`SiteConfig::for_year`] makes it from the file.
    pub fn for_year_with(&self, year: u32, text: &str) -> Result<SiteConfig, Diagnostics> {
        let file = layout::year_campaign_file(&self.root, year);
        let (campaign, warnings) = year_campaign(text, &file, year)?;
        Ok(self.of_year(year, campaign, warnings))
    }

    fn of_year(&self, year: u32, campaign: Campaign, warnings: Vec<Diagnostic>) -> SiteConfig {
        SiteConfig {
            campaign,
            year_folder: Some(year),
            warnings: [&self.own.footer_warnings[..], &warnings[..]].concat(),
            ..self.clone()
        }
    }

    /// In a site of several years, the year folder this configuration is for.
    pub fn year_folder(&self) -> Option<u32> {
        self.year_folder
    }

    /// What does not stop a build but should be fixed, each at its line of `site.yaml` (or
    /// of the year's `campaign.yaml`).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
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

    /// Places every page under `prefix` (`/site`) before `base_url`'s path, as the studio
    /// serves its preview of the whole site; `""` leaves the site where it is published.
    pub fn serve_under(&mut self, prefix: &str) {
        self.served_under = prefix.trim_end_matches('/').to_string();
    }

    /// The path set by [`SiteConfig::serve_under`] (empty for a published site).
    pub fn served_under(&self) -> &str {
        &self.served_under
    }
}

/// The campaign of `year` its `campaign.yaml` (`file`, holding `text`) makes, with the file's
/// warnings.
fn year_campaign(
    text: &str,
    file: &Path,
    year: u32,
) -> Result<(Campaign, Vec<Diagnostic>), Diagnostics> {
    let written: written::CampaignYaml = yaml::parse(text, file)?;
    let written_year = written.year;
    let campaign = resolve::campaign(written, Campaign::of_year(year));
    let review_problems = campaign.review.problems(text, file);
    if !review_problems.is_empty() {
        return Err(Diagnostics(review_problems));
    }
    if let Some(written) = written_year.filter(|written| *written != year) {
        let said = said!(
            "campaign-year-differs",
            written = written.to_string(),
            folder = year.to_string()
        );
        let line = yaml::line_of(text, "year", "");
        return Err(Diagnostic::said(file, said).at_line(line).into());
    }
    let warnings = validate::publicity_warnings(&campaign, text, file);
    Ok((campaign, warnings))
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
    fn bad_registration_numbers_are_warned_at_their_line() {
        let config =
            parse("title: x\nfooter:\n  icp: 冀ICP备123号\n  police: 冀公网安备13110202000123号\n")
                .unwrap();
        assert_eq!(config.warnings().len(), 1);
        assert_eq!(config.warnings()[0].line, Some(3));
        assert_eq!(config.footer.police_code(), "13110202000123");
    }

    #[test]
    fn fonts_are_joined_to_the_site_folder_once_and_keep_their_written_name() {
        let config = SiteConfig::parse(
            "fonts: [fonts/思源宋体.otf]\n",
            Path::new("/site/site.yaml"),
        );
        let font = &config.unwrap().fonts[0];
        assert_eq!(font.name, "fonts/思源宋体.otf");
        assert_eq!(font.path, Path::new("/site/fonts/思源宋体.otf"));
    }

    #[test]
    fn every_year_is_made_from_the_one_read_of_site_yaml() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let site_yaml = "title: 最美\nfooter:\n  icp: 冀ICP备1号\ncampaign:\n  year: 2022\n  rules:\n    laureates: 10\n";
        std::fs::write(root.join(FILE_NAME), site_yaml).unwrap();
        std::fs::create_dir_all(root.join("content/2024")).unwrap();
        std::fs::write(
            root.join("content/2024/campaign.yaml"),
            "phase: publicity\nrules:\n  photos_min: 2\n",
        )
        .unwrap();
        let config = SiteConfig::load(root).unwrap();
        std::fs::remove_file(root.join(FILE_NAME)).unwrap();
        let own = config.for_year(2023).unwrap();
        assert_eq!(own.year_folder(), Some(2023));
        assert_eq!(
            (own.campaign.year, own.campaign.rules.laureates),
            (2023, 10)
        );
        assert_eq!(own.campaign.reference_date.to_string(), "2022-04-20");
        assert_eq!(own.warnings().len(), 1, "the footer's");
        let written = config.for_year(2024).unwrap();
        let rules = &written.campaign.rules;
        assert_eq!((rules.laureates, rules.photos_min), (20, 2));
        assert_eq!(written.campaign.reference_date.to_string(), "2024-04-20");
        assert_eq!(written.title, "最美");
        assert_eq!(
            written.warnings().len(),
            1 + 5,
            "the footer's and the 公示's"
        );
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
