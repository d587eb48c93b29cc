//! The dashboard's data: every nominee with check's verdict on them, the campaign's numbers
//! against its rules, and the campaign-wide findings. Made by the calls `laurel check` makes
//! (load every nominee of the newest year, then check), so the two never disagree.

use crate::check::{self, Finding, Report, Severity};
use crate::content::{Laureate, PartialSite, Status};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the dashboard shows.
#[derive(Debug, Serialize)]
pub struct Campaign {
    /// The site's title.
    title: String,
    /// The campaign's year.
    year: u32,
    /// The categories of `site.yaml`, for the filter.
    categories: Vec<String>,
    /// Every nominee, those that do not load included.
    nominees: Vec<Nominee>,
    /// The numbers the rules limit.
    counts: Option<Counts>,
    /// Findings about the campaign as a whole (quotas, shares, site.yaml).
    findings: Vec<Finding>,
    /// Errors and warnings in all.
    errors: usize,
    /// Warnings in all.
    warnings: usize,
}

/// One nominee's card.
#[derive(Debug, Serialize)]
struct Nominee {
    /// The folder's name (the nominee's id in the studio).
    folder: String,
    /// 姓名 (the folder's name when the profile does not load).
    name: String,
    /// 工作单位.
    organization: String,
    /// 类别.
    category: String,
    /// 推荐单位.
    recommender: String,
    /// 推荐渠道, as the notice says it.
    channel: String,
    /// `nominated`, `selected` or `not_selected`.
    status: &'static str,
    /// Put forward to the provincial round.
    province_pick: bool,
    /// Under the young age at the reference date.
    young: bool,
    /// The portrait, relative to the site folder.
    portrait: Option<String>,
    /// Whether the profile loaded.
    loaded: bool,
    /// Check's errors about this nominee.
    errors: usize,
    /// Check's warnings about this nominee.
    warnings: usize,
    /// Those findings.
    findings: Vec<Finding>,
}

/// The campaign's numbers against its rules.
#[derive(Debug, Serialize)]
struct Counts {
    /// Nominees whose profile loaded.
    nominees: usize,
    /// The selected, and the most there may be.
    selected: usize,
    /// 名额 (`campaign.rules.laureates`).
    laureates_max: usize,
    /// Province picks among the selected, and how many there should be.
    province_picks: usize,
    /// `campaign.rules.province_picks`.
    province_picks_wanted: usize,
    /// Nominees under the young age, of those counted.
    young: usize,
    /// Those counted for the young share.
    young_counted: usize,
    /// The young age (45).
    young_age: u32,
    /// The smallest young share, in percent.
    young_percent_min: f64,
    /// Per recommending unit: its nominees against its channel's quota.
    units: Vec<Unit>,
}

/// One recommending unit's nominations.
#[derive(Debug, Serialize)]
struct Unit {
    /// 推荐单位.
    unit: String,
    /// Its channel, as the notice says it.
    channel: String,
    /// Its nominees.
    nominees: usize,
    /// The most it may nominate.
    quota: usize,
}

/// The dashboard of the site at `root` (canonical), as `laurel check` sees it.
pub fn campaign(root: &Path) -> Campaign {
    of_campaign(crate::campaign::Campaign::newest(root))
}

/// `GET /api/campaign?year=…`: the dashboard of one year of the site (an earlier one, to
/// look at), or 404 for a year it does not have.
pub fn of_year(root: &Path, year: &str) -> super::Answer {
    let year = year.parse().ok();
    match year.and_then(|y| crate::campaign::Campaign::open(root, Some(y)).ok()) {
        Some(opened) => super::Answer::json(&of_campaign(opened)),
        None => super::Answer::not_found(),
    }
}

/// The dashboard of the year `opened` is on.
fn of_campaign(opened: crate::campaign::Campaign) -> Campaign {
    let checked = opened.check();
    let report = checked.report;
    match checked.site {
        Some(partial) => of_site(&partial, report),
        None => Campaign {
            title: String::new(),
            year: opened.year().unwrap_or_default(),
            categories: Vec::new(),
            nominees: Vec::new(),
            counts: None,
            errors: report.errors,
            warnings: report.warnings,
            findings: report.findings,
        },
    }
}

/// The dashboard of a loaded site and its report.
fn of_site(partial: &PartialSite, report: Report) -> Campaign {
    let site = &partial.site;
    let mut by_folder: BTreeMap<PathBuf, Vec<Finding>> = BTreeMap::new();
    let mut campaign_wide = Vec::new();
    let folders: Vec<PathBuf> = site
        .laureates
        .iter()
        .map(|l| l.folder.clone())
        .chain(partial.unloaded.iter().cloned())
        .collect();
    for finding in report.findings {
        let file = site.root.join(&finding.place.file);
        match folders.iter().find(|f| file.starts_with(f)) {
            Some(folder) if finding.place.laureate.is_some() => {
                by_folder.entry(folder.clone()).or_default().push(finding)
            }
            _ => campaign_wide.push(finding),
        }
    }
    let mut take = |folder: &Path| by_folder.remove(folder).unwrap_or_default();
    let rules = &site.config.campaign.rules;
    let at = site.config.campaign.reference_date;
    let mut nominees: Vec<Nominee> = site
        .laureates
        .iter()
        .map(|l| {
            let young = check::is_young(l, rules, at).unwrap_or(false);
            nominee(l, &site.root, young, take(&l.folder))
        })
        .collect();
    nominees.extend(
        partial
            .unloaded
            .iter()
            .map(|folder| unloaded(folder, take(folder))),
    );
    Campaign {
        title: site.config.title.clone(),
        year: site.config.campaign.year,
        categories: site.config.campaign.categories.clone(),
        nominees,
        counts: Some(counts(site)),
        findings: campaign_wide,
        errors: report.errors,
        warnings: report.warnings,
    }
}

/// A nominee's card.
fn nominee(l: &Laureate, root: &Path, young: bool, findings: Vec<Finding>) -> Nominee {
    let relative = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_string_lossy().into();
    let (errors, warnings) = tally(&findings);
    Nominee {
        folder: folder_name(&l.folder),
        name: l.name.clone(),
        organization: l.organization.clone(),
        category: l.category.clone(),
        recommender: l.recommender.clone(),
        channel: l.channel.map(|c| c.label()).unwrap_or_default().into(),
        status: match l.status {
            Status::Nominated => "nominated",
            Status::Selected => "selected",
            Status::NotSelected => "not_selected",
        },
        province_pick: l.province_pick,
        young,
        portrait: l.portrait.as_ref().map(|p| relative(&p.source)),
        loaded: true,
        errors,
        warnings,
        findings,
    }
}

/// The card of a folder whose profile could not be read.
fn unloaded(folder: &Path, findings: Vec<Finding>) -> Nominee {
    let (errors, warnings) = tally(&findings);
    Nominee {
        folder: folder_name(folder),
        name: folder_name(folder),
        organization: String::new(),
        category: String::new(),
        recommender: String::new(),
        channel: String::new(),
        status: "nominated",
        province_pick: false,
        young: false,
        portrait: None,
        loaded: false,
        errors,
        warnings,
        findings,
    }
}

/// Errors and warnings among `findings`.
fn tally(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

fn folder_name(folder: &Path) -> String {
    folder
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The campaign's numbers, counted as check counts them.
fn counts(site: &crate::content::Site) -> Counts {
    let rules = &site.config.campaign.rules;
    let all: Vec<&Laureate> = site.laureates.iter().collect();
    let selected: Vec<&&Laureate> = all
        .iter()
        .filter(|l| l.status == Status::Selected)
        .collect();
    let share = check::young_share(&all, rules, site.config.campaign.reference_date);
    let mut units: BTreeMap<(String, &'static str), (usize, usize)> = BTreeMap::new();
    for l in &all {
        if let Some(channel) = l.channel {
            let quota = rules.quotas.of(channel);
            units
                .entry((l.recommender.clone(), channel.label()))
                .or_insert((0, quota))
                .0 += 1;
        }
    }
    Counts {
        nominees: all.len(),
        selected: selected.len(),
        laureates_max: rules.laureates,
        province_picks: selected.iter().filter(|l| l.province_pick).count(),
        province_picks_wanted: rules.province_picks,
        young: share.young,
        young_counted: share.counted,
        young_age: rules.young_age,
        young_percent_min: (rules.young_share * 100.0).round(),
        units: units
            .into_iter()
            .map(|((unit, channel), (nominees, quota))| Unit {
                unit,
                channel: channel.into(),
                nominees,
                quota,
            })
            .collect(),
    }
}
