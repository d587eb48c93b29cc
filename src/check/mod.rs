//! `check`: the campaign's rules over a loaded [`Site`]. Findings are data (a [`Report`]),
//! not errors: the CLI prints them as text or JSON and sets the exit code.

mod campaign;
mod laureate;
mod memo;
mod text;

use campaign::{check_campaign, check_shared_photos, check_site_config};
pub use campaign::{
    is_young, quota_breaches, site_config_findings, young_share, QuotaBreach, YoungShare,
};
use laureate::{add_video_breaches, check_photos, check_portrait, check_profile, check_videos};
pub use laureate::{video_breaches, VideoBreach};
pub use memo::Memo;
pub use text::{broken_links, placeholders, removed_html, MarkdownRef, Placeholder};
use text::{check_links, check_placeholders, check_private_data, check_removed_html};

use crate::config::Rules;
use crate::content::{Laureate, PartialSite, Site};
use crate::diagnostics::Diagnostics;
use crate::i18n::Said;
use crate::media::VideoInfo;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use crate::finding::{Finding, Message, Place, Rule, Severity};

/// The version of the JSON report's shape (README: *laurel check*); raised when a field
/// changes meaning or goes away.
pub const REPORT_VERSION: u32 = 1;

/// Everything `laurel check` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The shape's version, [`REPORT_VERSION`].
    pub version: u32,
    /// Number of laureates checked against the rules.
    pub laureates: usize,
    /// Number of laureate folders whose profile could not be read, left out of the
    /// campaign-wide rules.
    pub unloaded: usize,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// All findings: per laureate in site order, campaign-level ones last.
    pub findings: Vec<Finding>,
}

impl Report {
    /// A report of these findings.
    fn new(laureates: usize, unloaded: usize, findings: Vec<Finding>) -> Report {
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        Report {
            version: REPORT_VERSION,
            laureates,
            unloaded,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            findings,
        }
    }

    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// The report when `site.yaml` itself cannot be read: its problems, nothing checked.
    pub fn of_broken_config(problems: &Diagnostics) -> Report {
        let findings = problems
            .0
            .iter()
            .map(|d| Finding::of_diagnostic(d, Rule::SiteConfig, Severity::Error))
            .collect();
        Report::new(0, 0, findings)
    }
}

/// Collects findings with the site root for relative paths.
struct Checker<'a> {
    site: &'a Site,
    rules: &'a Rules,
    findings: Vec<Finding>,
    /// Laureates that could not be loaded (named in campaign-wide findings).
    unloaded: usize,
    /// Content hashes of the images read so far.
    hashes: HashMap<PathBuf, blake3::Hash>,
    /// What is known of the files from earlier checks.
    memo: &'a mut Memo,
}

impl<'a> Checker<'a> {
    /// A checker of `site`, of which `unloaded` laureates could not be loaded, that reads
    /// only the files `memo` does not know as they are.
    fn new(site: &'a Site, unloaded: usize, memo: &'a mut Memo) -> Checker<'a> {
        Checker {
            site,
            rules: &site.config.campaign.rules,
            findings: Vec::new(),
            unloaded,
            hashes: HashMap::new(),
            memo,
        }
    }

    fn add(
        &mut self,
        laureate: Option<&Laureate>,
        file: &Path,
        rule: Rule,
        severity: Severity,
        said: Said,
    ) -> &mut Finding {
        self.push(laureate, file, rule, severity, Message::Said(said))
    }

    /// A finding whose words come from elsewhere (an image's error, a leak's masked value).
    fn add_text(
        &mut self,
        laureate: Option<&Laureate>,
        file: &Path,
        rule: Rule,
        severity: Severity,
        message: String,
        fix: impl Into<String>,
    ) -> &mut Finding {
        let message = Message::Worded {
            id: None,
            message,
            fix: fix.into(),
        };
        self.push(laureate, file, rule, severity, message)
    }

    fn push(
        &mut self,
        laureate: Option<&Laureate>,
        file: &Path,
        rule: Rule,
        severity: Severity,
        message: Message,
    ) -> &mut Finding {
        let file = file.strip_prefix(&self.site.root).unwrap_or(file);
        self.findings.push(Finding {
            rule,
            severity,
            place: Place {
                laureate: laureate.map(|l| l.name.clone()),
                ..Place::file(file)
            },
            message,
        });
        self.findings.last_mut().expect("just pushed")
    }
}

/// Applies every rule of the campaign to `site`.
pub fn check(site: &Site) -> Report {
    let findings = rule_findings(site, 0, &mut Memo::default());
    Report::new(site.laureates.len(), 0, findings)
}

/// Checks a site loaded as far as it goes: each load problem is a finding of its laureate
/// (or file), and every rule runs over what loaded.
pub fn check_partial(partial: &PartialSite) -> Report {
    check_partial_with(partial, &mut Memo::default())
}

/// [`check_partial`], reading only the photos and videos `memo` does not know as they are
/// now, and keeping in it what it learns of the others.
pub fn check_partial_with(partial: &PartialSite, memo: &mut Memo) -> Report {
    let site = &partial.site;
    let owner = |file: &Path| {
        let folder = site.root.join(file);
        let in_folder = |dir: &Path| folder.starts_with(dir);
        site.laureates
            .iter()
            .find(|l| in_folder(&l.folder))
            .map(|l| l.name.clone())
            .or_else(|| {
                partial
                    .unloaded
                    .iter()
                    .find(|dir| in_folder(dir))
                    .and_then(|dir| dir.file_name())
                    .map(|name| name.to_string_lossy().into_owned())
            })
    };
    let mut findings: Vec<Finding> = partial
        .problems
        .0
        .iter()
        .map(|d| {
            let mut finding = Finding::of_diagnostic(d, Rule::LoadError, Severity::Error);
            finding.place.laureate = owner(&d.file);
            finding
        })
        .collect();
    findings.extend(rule_findings(site, partial.unloaded.len(), memo));
    // Each laureate's findings together, in site order; campaign-level ones last. Positions
    // by name from a map: a search of the laureates per comparison was most of check's time
    // at 6,000 nominees.
    let mut positions: HashMap<&str, usize> = HashMap::new();
    for (i, l) in site.laureates.iter().enumerate() {
        positions.entry(l.name.as_str()).or_insert(i);
    }
    let order = |f: &Finding| {
        f.place.laureate.as_deref().map_or(usize::MAX, |name| {
            positions.get(name).copied().unwrap_or(usize::MAX - 1)
        })
    };
    findings.sort_by_cached_key(|f| (order(f), f.severity));
    Report::new(site.laureates.len(), partial.unloaded.len(), findings)
}

/// The findings of every rule over the loaded laureates; `unloaded` laureates could not be
/// loaded and are named in the campaign-wide findings.
fn rule_findings(site: &Site, unloaded: usize, memo: &mut Memo) -> Vec<Finding> {
    let mut checker = Checker::new(site, unloaded, memo);
    for laureate in &site.laureates {
        check_profile(&mut checker, laureate);
        check_portrait(&mut checker, laureate);
        check_photos(&mut checker, laureate);
        check_videos(&mut checker, laureate);
    }
    check_links(&mut checker);
    check_placeholders(&mut checker);
    check_private_data(&mut checker);
    check_shared_photos(&mut checker);
    check_site_config(&mut checker);
    check_campaign(&mut checker);
    checker.findings
}

/// What the build warns about, in the words of `laurel check`: site.yaml's warnings, each
/// video that breaks the campaign's limits (`info` gives what the media stage read of a
/// source video), raw HTML the sanitiser drops, template text left in (check's errors, which
/// the build publishes) and a missing `base_url`.
pub fn build_warnings<'a>(
    site: &Site,
    info: impl Fn(&Path) -> Option<&'a VideoInfo>,
) -> Vec<Finding> {
    let mut memo = Memo::default();
    let mut checker = Checker::new(site, 0, &mut memo);
    let c = &mut checker;
    for l in &site.laureates {
        for video in &l.videos {
            if let Some(info) = info(&video.source) {
                add_video_breaches(c, l, &video.source, info);
            }
        }
    }
    check_removed_html(c);
    check_placeholders(c);
    check_site_config(c);
    let warnings = checker.findings.into_iter().map(Finding::as_warning);
    warnings.collect()
}
