//! The campaign-wide rules: site.yaml's warnings and `base_url`, the places, the province
//! picks, the units' quotas, the young share, and photos shared between laureates.

use super::laureate::file_name;
use super::{Checker, Finding, Place, Rule, Severity};
use crate::config::{Rules, SiteConfig, YoungTeam};
use crate::content::{Channel, Laureate, Site, Status, YearMonth};
use crate::layout;
use crate::said;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// site.yaml's own warnings (a footer number of the wrong form, a 公示 key missing) and a
/// missing `base_url`.
pub(super) fn check_site_config(c: &mut Checker) {
    let site = c.site;
    c.findings
        .extend(site_config_findings(&site.config, &site.root));
}

/// The findings about site.yaml itself, once it is read: its warnings (a footer number of
/// the wrong form, a 公示 key missing) and a missing `base_url`; paths relative to `root`.
pub fn site_config_findings(config: &SiteConfig, root: &Path) -> Vec<Finding> {
    let mut findings: Vec<Finding> = config
        .warnings()
        .iter()
        .map(|w| Finding::of_diagnostic(w, Rule::Footer, Severity::Warning).relative_to(root))
        .collect();
    if crate::routes::Routes::new(config).base_url_missing() {
        let place = Place::file(crate::config::FILE_NAME);
        let said = said!("base-url-missing");
        findings.push(Finding::new(Rule::BaseUrl, Severity::Warning, place, said));
    }
    findings
}

/// The campaign-wide numbers, in `campaign.yaml`'s name: laureates left out, the places,
/// the province picks, the units' quotas and the young share.
pub(super) fn check_campaign(c: &mut Checker) {
    let site = c.site;
    let rules_file = layout::campaign_file(&site.root, site.config.year_folder());
    check_unloaded(c, &rules_file);
    // The nominations' numbers (quotas, the young share) count every nominee; the
    // selection's (the laureates, the province picks) only the selected.
    check_selection(c, &rules_file);
    check_nominations(c, &rules_file);
}

/// `campaign-partial`: laureates that could not be loaded are left out of the numbers.
fn check_unloaded(c: &mut Checker, rules_file: &Path) {
    if c.unloaded > 0 {
        let unloaded = c.unloaded;
        let total = c.site.laureates.len();
        c.add(
            None,
            rules_file,
            Rule::CampaignPartial,
            Severity::Warning,
            said!("campaign-partial", unloaded = unloaded, total = total),
        );
    }
}

/// `laureate-quota` and `province-picks`: the selected within the places, with as many
/// province picks as the campaign asks (an error once the selection is final).
fn check_selection(c: &mut Checker, rules_file: &Path) {
    let (site, rules) = (c.site, c.rules);
    let selected: Vec<&Laureate> = site
        .laureates
        .iter()
        .filter(|l| l.status == Status::Selected)
        .collect();
    if selected.len() > rules.laureates {
        c.add(
            None,
            rules_file,
            Rule::LaureateQuota,
            Severity::Error,
            said!(
                "laureate-quota",
                selected = selected.len(),
                places = rules.laureates
            ),
        );
    }
    let picks = selected.iter().filter(|l| l.province_pick).count();
    if picks != rules.province_picks {
        let severity = if rules.selection_final {
            Severity::Error
        } else {
            Severity::Warning
        };
        c.add(
            None,
            rules_file,
            Rule::ProvincePicks,
            severity,
            said!(
                "province-picks",
                picks = picks,
                wanted = rules.province_picks
            ),
        );
    }
}

/// `channel-quota` and `young-share` over every nomination.
fn check_nominations(c: &mut Checker, rules_file: &Path) {
    let (site, rules) = (c.site, c.rules);
    let nominations: Vec<&Laureate> = site.laureates.iter().collect();
    for breach in quota_breaches(&nominations, rules) {
        let finding = c.add(
            None,
            rules_file,
            Rule::ChannelQuota,
            Severity::Error,
            said!(
                "channel-quota",
                unit = &breach.unit,
                count = breach.names.len(),
                names = breach.names.join("、"),
                channel = breach.channel.label(),
                quota = breach.quota
            ),
        );
        finding.place.unit = Some(breach.unit);
        finding.place.laureates = breach.names;
    }
    let share = young_share(&nominations, rules, site.config.campaign.reference_date);
    if share.falls_short(rules) {
        c.add(
            None,
            rules_file,
            Rule::YoungShare,
            Severity::Error,
            said!(
                "young-share",
                young = share.young,
                counted = share.counted,
                age = rules.young_age,
                percent = (rules.young_share * 100.0).round(),
                teams = teams_counted(site, rules)
            ),
        );
    }
}

/// A recommending unit with more people in a list than its channel's quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotaBreach {
    /// The recommending unit (推荐单位).
    pub unit: String,
    /// Its channel, which sets the quota.
    pub channel: Channel,
    /// The most it may have.
    pub quota: usize,
    /// Its people in the list, in the list's order.
    pub names: Vec<String>,
}

/// The units with more people in `laureates` than `rules.quotas` allows (check applies it to
/// the nominations, the jury's tally to a proposed selection).
pub fn quota_breaches(laureates: &[&Laureate], rules: &Rules) -> Vec<QuotaBreach> {
    let mut per_unit: BTreeMap<(&str, Channel), Vec<&Laureate>> = BTreeMap::new();
    for l in laureates {
        if let Some(channel) = l.channel {
            per_unit
                .entry((l.recommender.as_str(), channel))
                .or_default()
                .push(l);
        }
    }
    per_unit
        .into_iter()
        .filter_map(|((unit, channel), people)| {
            let quota = rules.quotas.of(channel);
            (people.len() > quota).then(|| QuotaBreach {
                unit: unit.to_string(),
                channel,
                quota,
                names: people.iter().map(|l| l.name.clone()).collect(),
            })
        })
        .collect()
}

/// How many of a list count as young, of how many counted (teams as `rules.young_team`
/// says).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YoungShare {
    /// Those under `rules.young_age`.
    pub young: usize,
    /// Those counted (a team left out of the share is not).
    pub counted: usize,
}

impl YoungShare {
    /// Whether the young are fewer than `rules.young_share` of those counted.
    pub fn falls_short(&self, rules: &Rules) -> bool {
        self.counted > 0 && (self.young as f64) < rules.young_share * self.counted as f64
    }
}

/// The young share of `laureates` at the date `at` (check: the nominations; the tally: a
/// proposed selection).
pub fn young_share(laureates: &[&Laureate], rules: &Rules, at: crate::config::Date) -> YoungShare {
    let counted: Vec<bool> = laureates
        .iter()
        .filter_map(|l| is_young(l, rules, at))
        .collect();
    YoungShare {
        young: counted.iter().filter(|&&y| y).count(),
        counted: counted.len(),
    }
}

/// Whether a nomination counts as young for the share: a person by age, a team as
/// `rules.young_team` says; `None` for a team left out of the share. An unknown birth is not
/// young (required-field reports it).
pub fn is_young(l: &Laureate, rules: &Rules, at: crate::config::Date) -> Option<bool> {
    let under = |birth: Option<YearMonth>| {
        birth
            .and_then(|b| b.age_at(at))
            .is_some_and(|age| age < rules.young_age)
    };
    let Some(team) = &l.team else {
        return Some(under(l.birth));
    };
    match rules.young_team {
        YoungTeam::Leader => Some(under(l.leader_birth())),
        YoungTeam::Majority => {
            let young = team.members.iter().filter(|m| under(m.birth)).count();
            Some(young * 2 > team.members.len())
        }
        YoungTeam::Exclude => None,
    }
}

/// How teams counted in the young share, for its fix: `none` when there are no teams.
fn teams_counted(site: &Site, rules: &Rules) -> &'static str {
    if site.laureates.iter().all(|l| l.team.is_none()) {
        return "none";
    }
    match rules.young_team {
        YoungTeam::Leader => "leader",
        YoungTeam::Majority => "majority",
        YoungTeam::Exclude => "exclude",
    }
}

/// No two laureates may share a photo (same bytes), and no laureate shows one photo twice.
pub(super) fn check_shared_photos(c: &mut Checker) {
    let mut seen: HashMap<blake3::Hash, (&Laureate, &Path)> = HashMap::new();
    for l in &c.site.laureates {
        for photo in l.portrait.iter().chain(&l.photos) {
            let Some(hash) = c.hashes.get(&photo.source).copied() else {
                continue; // unreadable: photo-unreadable says so
            };
            let said = match seen.insert(hash, (l, &photo.source)) {
                Some((other, _)) if other.slug != l.slug => {
                    said!("shared-photo-other", name = &other.name)
                }
                Some((_, file)) if file != photo.source => {
                    said!("shared-photo-twice", file = file_name(file))
                }
                _ => continue,
            };
            c.add(
                Some(l),
                &photo.source,
                Rule::SharedPhoto,
                Severity::Error,
                said,
            );
        }
    }
}
