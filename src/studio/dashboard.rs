//! The dashboard's data, in two answers: first the cards (every nominee and the campaign's
//! numbers against its rules, from the profiles alone: at 6,000 nominees a fraction of a
//! second), then check's verdict (each nominee's findings and the campaign-wide ones), which
//! reads the photos and videos. Both are made by the calls `laurel check` makes (load every
//! nominee of the newest year, then check), so the two never disagree; the verdict keeps what
//! it learnt of each file for the session ([`Memo`]), so the next look reads only what changed.

use crate::campaign::Campaign as Opened;
use crate::check::{self, Finding, Memo, Severity};
use crate::content::{Laureate, PartialSite, Status};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The dashboard's cards.
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
}

/// Check's verdict on the campaign, which the dashboard fills in after the cards.
#[derive(Debug, Serialize)]
pub struct Verdict {
    /// Each nominee's findings, in the cards' order.
    nominees: Vec<NomineeVerdict>,
    /// Findings about the campaign as a whole (quotas, shares, site.yaml).
    findings: Vec<Finding>,
    /// Errors in all.
    errors: usize,
    /// Warnings in all.
    warnings: usize,
}

/// Check's findings about one nominee.
#[derive(Debug, Serialize)]
struct NomineeVerdict {
    /// The nominee's folder, as on their card.
    folder: String,
    /// Check's errors about this nominee.
    errors: usize,
    /// Check's warnings about this nominee.
    warnings: usize,
    /// Those findings.
    findings: Vec<Finding>,
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

/// The dashboard's cards of the site at `root` (canonical): every nominee of the newest year
/// as loaded, without check's verdict.
pub fn campaign(root: &Path) -> Campaign {
    cards_of(&Opened::newest(root))
}

/// An earlier year's dashboard: its cards with check's verdict in the same answer.
#[derive(Debug, Serialize)]
struct WithVerdict {
    /// The cards.
    #[serde(flatten)]
    cards: Campaign,
    /// Check's verdict on them.
    verdict: Verdict,
}

/// `GET /api/campaign?year=…`: the dashboard of one year of the site (an earlier one, to
/// look at), check's verdict included, or 404 for a year it does not have.
pub fn of_year(root: &Path, year: &str) -> super::Answer {
    let year = year.parse().ok();
    let Some(opened) = year.and_then(|y| Opened::open(root, Some(y)).ok()) else {
        return super::Answer::not_found();
    };
    let mut memo = opened.check_memo();
    let verdict = verdict_of(&opened, &mut memo);
    memo.save();
    super::Answer::json(&WithVerdict {
        cards: cards_of(&opened),
        verdict,
    })
}

/// The cards of the year `opened` is on.
fn cards_of(opened: &Opened) -> Campaign {
    match opened.nominees() {
        Ok(partial) => of_site(&partial),
        Err(_) => Campaign {
            title: String::new(),
            year: opened.year().unwrap_or_default(),
            categories: Vec::new(),
            nominees: Vec::new(),
            counts: None,
        },
    }
}

/// The cards of a loaded site.
fn of_site(partial: &PartialSite) -> Campaign {
    let site = &partial.site;
    let rules = &site.config.campaign.rules;
    let at = site.config.campaign.reference_date;
    let mut nominees: Vec<Nominee> = site
        .laureates
        .iter()
        .map(|l| {
            let young = check::is_young(l, rules, at).unwrap_or(false);
            nominee(l, &site.root, young)
        })
        .collect();
    nominees.extend(partial.unloaded.iter().map(PathBuf::as_path).map(unloaded));
    Campaign {
        title: site.config.title.clone(),
        year: site.config.campaign.year,
        categories: site.config.campaign.categories.clone(),
        nominees,
        counts: Some(counts(site)),
    }
}

/// Check's verdict on the site at `root` (canonical), as `laurel check` gives it; `memo`
/// holds what the session's earlier checks learnt of the files (opened from the site's cache
/// folder on the first call, and saved there after each).
pub fn verdict(root: &Path, memo: &Mutex<Option<Memo>>) -> Verdict {
    let opened = Opened::newest(root);
    let mut kept = memo.lock().unwrap_or_else(PoisonError::into_inner);
    let memo = kept.get_or_insert_with(|| opened.check_memo());
    let verdict = verdict_of(&opened, memo);
    memo.save();
    verdict
}

/// Check's verdict on the year `opened` is on, with what `memo` knows of the files.
fn verdict_of(opened: &Opened, memo: &mut Memo) -> Verdict {
    let checked = opened.check_with(memo);
    let report = checked.report;
    let (errors, warnings) = (report.errors, report.warnings);
    let (nominees, findings) = match checked.site {
        Some(partial) => by_nominee(&partial, report.findings),
        None => (Vec::new(), report.findings),
    };
    Verdict {
        nominees,
        findings,
        errors,
        warnings,
    }
}

/// `findings` shared out to the nominees (every card's folder, in the cards' order), and
/// those about the campaign as a whole.
fn by_nominee(
    partial: &PartialSite,
    findings: Vec<Finding>,
) -> (Vec<NomineeVerdict>, Vec<Finding>) {
    let site = &partial.site;
    let folders: Vec<&Path> = site
        .laureates
        .iter()
        .map(|l| l.folder.as_path())
        .chain(partial.unloaded.iter().map(PathBuf::as_path))
        .collect();
    let known: HashSet<&Path> = folders.iter().copied().collect();
    let mut by_folder: BTreeMap<&Path, Vec<Finding>> = BTreeMap::new();
    let mut campaign_wide = Vec::new();
    for finding in findings {
        let file = site.root.join(&finding.place.file);
        // The folder among the file's ancestors: a look-up per level, not a scan of them all.
        match file.ancestors().find_map(|a| known.get(a)) {
            Some(folder) if finding.place.laureate.is_some() => {
                by_folder.entry(*folder).or_default().push(finding)
            }
            _ => campaign_wide.push(finding),
        }
    }
    let nominees = folders
        .into_iter()
        .map(|folder| {
            let findings = by_folder.remove(&folder).unwrap_or_default();
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            NomineeVerdict {
                folder: folder_name(folder),
                errors,
                warnings: findings.len() - errors,
                findings,
            }
        })
        .collect();
    (nominees, campaign_wide)
}

/// A nominee's card.
fn nominee(l: &Laureate, root: &Path, young: bool) -> Nominee {
    let relative = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_string_lossy().into();
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
    }
}

/// The card of a folder whose profile could not be read.
fn unloaded(folder: &Path) -> Nominee {
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
    }
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
