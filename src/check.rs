//! `check`: the campaign's rules over a loaded [`Site`]. Findings are data (a [`Report`]),
//! not errors: the CLI prints them as text or JSON and sets the exit code.

use crate::config::{Rules, YoungTeam};
use crate::content::{Channel, Laureate, PartialSite, Photo, Site, Status, YearMonth};
use crate::diagnostics::Diagnostics;
use crate::i18n::Said;
use crate::layout;
use crate::markdown::{Document, SourceRef};
use crate::media::{self, VideoInfo};
use crate::naming::Rename;
use crate::said;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
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
}

impl<'a> Checker<'a> {
    /// A checker of `site`, of which `unloaded` laureates could not be loaded.
    fn new(site: &'a Site, unloaded: usize) -> Checker<'a> {
        Checker {
            site,
            rules: &site.config.campaign.rules,
            findings: Vec::new(),
            unloaded,
            hashes: HashMap::new(),
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
    let findings = rule_findings(site, 0);
    Report::new(site.laureates.len(), 0, findings)
}

/// Checks a site loaded as far as it goes: each load problem is a finding of its laureate
/// (or file), and every rule runs over what loaded.
pub fn check_partial(partial: &PartialSite) -> Report {
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
    findings.extend(rule_findings(site, partial.unloaded.len()));
    // Each laureate's findings together, in site order; campaign-level ones last.
    let order = |f: &Finding| {
        f.place.laureate.as_ref().map_or(usize::MAX, |name| {
            site.laureates
                .iter()
                .position(|l| &l.name == name)
                .unwrap_or(usize::MAX - 1)
        })
    };
    findings.sort_by_key(|f| (order(f), f.severity));
    Report::new(site.laureates.len(), partial.unloaded.len(), findings)
}

/// The findings of every rule over the loaded laureates; `unloaded` laureates could not be
/// loaded and are named in the campaign-wide findings.
fn rule_findings(site: &Site, unloaded: usize) -> Vec<Finding> {
    let mut checker = Checker::new(site, unloaded);
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
    let mut checker = Checker::new(site, 0);
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

fn check_profile(c: &mut Checker, l: &Laureate) {
    let profile = l.profile_file();
    // Findings about a value point at its line.
    let text = std::fs::read_to_string(&profile).unwrap_or_default();
    let line = |key: &str, needle: &str| crate::yaml::line_of(&text, key, needle);
    // A team has no gender or birth of its own.
    let person = l.team.is_none();
    let required = [
        ("gender", l.gender.as_str(), person),
        ("organization", &l.organization, true),
        ("field", &l.field, true),
        ("category", &l.category, true),
        ("recommender", &l.recommender, true),
    ];
    for (key, value, asked) in required {
        if asked && value.trim().is_empty() {
            c.add(
                Some(l),
                &profile,
                Rule::RequiredField,
                Severity::Error,
                said!("field-missing", key = key),
            );
        }
    }
    if !l.gender.is_empty() && l.gender != "男" && l.gender != "女" {
        c.add(
            Some(l),
            &profile,
            Rule::RequiredField,
            Severity::Error,
            said!("gender-invalid", gender = &l.gender),
        )
        .place
        .line = line("gender", "");
    }
    if person && l.birth.is_none() {
        c.add(
            Some(l),
            &profile,
            Rule::RequiredField,
            Severity::Error,
            said!("birth-missing"),
        );
    }
    if l.channel.is_none() {
        c.add(
            Some(l),
            &profile,
            Rule::RequiredField,
            Severity::Error,
            said!("channel-missing"),
        );
    }
    let chars = l.summary.chars().count();
    if l.summary.is_empty() {
        c.add(
            Some(l),
            &profile,
            Rule::SummaryLength,
            Severity::Error,
            said!("summary-missing"),
        );
    } else if chars > c.rules.summary_max_chars {
        let max = c.rules.summary_max_chars;
        c.add(
            Some(l),
            &profile,
            Rule::SummaryLength,
            Severity::Error,
            said!(
                "summary-too-long",
                chars = chars,
                max = max,
                over = chars - max
            ),
        )
        .place
        .line = line("summary", "");
    }
    if l.consent.is_none() {
        let severity = match c.rules.require_consent {
            true => Severity::Error,
            false => Severity::Warning,
        };
        c.add(
            Some(l),
            &profile,
            Rule::ConsentMissing,
            severity,
            said!("consent-missing"),
        );
    }
    if l.story.is_empty() {
        c.add(
            Some(l),
            &l.story_file(),
            Rule::StoryEmpty,
            Severity::Error,
            said!("story-empty"),
        );
    }
    let excluded = c
        .rules
        .excluded_identities
        .iter()
        .find(|w| l.identity.contains(w.as_str()));
    if let Some(word) = excluded {
        c.add(
            Some(l),
            &profile,
            Rule::ExcludedIdentity,
            Severity::Error,
            said!("identity-excluded", identity = &l.identity, word = word),
        )
        .place
        .line = line("identity", "");
    }
    for honor in &l.honors {
        if let Some(word) = c
            .rules
            .honor_keywords
            .iter()
            .find(|w| honor.contains(w.as_str()))
        {
            c.add(
                Some(l),
                &profile,
                Rule::PriorHonor,
                Severity::Warning,
                said!("prior-honor", honor = honor, word = word),
            )
            .place
            .line = line("honors", honor);
        }
    }
}

fn check_portrait(c: &mut Checker, l: &Laureate) {
    let Some(portrait) = &l.portrait else {
        let by_shape = crate::naming::plan(l).into_iter().find(|r| r.portrait);
        let said = match by_shape {
            Some(r) => said!(
                "portrait-misnamed",
                from = file_name(&r.from),
                to = file_name(&r.to)
            ),
            None if l.team.is_some() => said!("portrait-missing-team", name = &l.name),
            None => said!("portrait-missing", name = &l.name),
        };
        c.add(
            Some(l),
            &l.folder.join(layout::PHOTOS_DIR),
            Rule::Portrait,
            Severity::Error,
            said,
        );
        return;
    };
    if !check_readable(c, l, &portrait.source) {
        return;
    }
    let Ok((width, height)) = media::source_dimensions(&portrait.source) else {
        return; // the build reports unreadable images
    };
    // A team's portrait is its group photo, of any shape.
    if l.team.is_none() && !media::is_portrait_shape(width, height) {
        c.add(
            Some(l),
            &portrait.source,
            Rule::Portrait,
            Severity::Warning,
            said!("portrait-shape", width = width, height = height),
        );
    }
    if width < c.rules.portrait_min_width {
        c.add(
            Some(l),
            &portrait.source,
            Rule::Portrait,
            Severity::Error,
            said!(
                "portrait-too-small",
                width = width,
                min = c.rules.portrait_min_width
            ),
        );
    }
}

fn check_photos(c: &mut Checker, l: &Laureate) {
    let (min, max) = (c.rules.photos_min, c.rules.photos_max);
    let count = l.photos.len();
    if count < min || count > max {
        c.add(
            Some(l),
            &l.folder.join(layout::PHOTOS_DIR),
            Rule::PhotoCount,
            Severity::Error,
            if count < min {
                said!("photo-count-low", count = count, min = min, max = max)
            } else {
                said!("photo-count-high", count = count, min = min, max = max)
            },
        );
    }
    let renames = crate::naming::plan(l);
    for photo in &l.photos {
        let rename = renames.iter().find(|r| r.from == photo.source);
        check_photo(c, l, photo, rename);
    }
}

/// A file's name, for messages.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `photo-unreadable` finding for an image the media stage would refuse (empty, cut
/// short, or not what its extension says); true when the image is usable.
fn check_readable(c: &mut Checker, l: &Laureate, image: &Path) -> bool {
    let result = std::fs::read(image)
        .map_err(media::ImageError::Read)
        .and_then(|bytes| {
            // Read once: the shared-photo rule compares these hashes.
            c.hashes.insert(image.to_path_buf(), blake3::hash(&bytes));
            media::inspect_image(&bytes, image)
        });
    let Err(problem) = result else {
        return true;
    };
    let d = problem.into_diagnostic(image);
    c.add_text(
        Some(l),
        image,
        Rule::PhotoUnreadable,
        Severity::Error,
        d.message,
        d.hint.as_deref().unwrap_or(""),
    );
    false
}

fn check_photo(c: &mut Checker, l: &Laureate, photo: &Photo, rename: Option<&Rename>) {
    let file = &photo.source;
    check_readable(c, l, file);
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext != "jpg" && ext != "jpeg" {
        c.add(
            Some(l),
            file,
            Rule::PhotoFormat,
            Severity::Error,
            said!("photo-format", ext = ext),
        );
    }
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if bytes < c.rules.photo_min_bytes {
        c.add(
            Some(l),
            file,
            Rule::PhotoSize,
            Severity::Error,
            said!(
                "photo-size",
                kb = bytes / 1000,
                min = c.rules.photo_min_bytes / 1000
            ),
        );
    }
    if let Some(rename) = rename {
        let (from, to) = (file_name(&rename.from), file_name(&rename.to));
        let said = match rename.portrait {
            true => said!("photo-name-portrait", from = from, to = to),
            false => said!("photo-name", from = from, to = to),
        };
        c.add(Some(l), file, Rule::PhotoName, Severity::Error, said);
    }
    if photo.caption.is_none() {
        c.add(
            Some(l),
            file,
            Rule::PhotoCaption,
            Severity::Warning,
            said!("photo-caption"),
        );
    }
}

/// Videos: readable MP4/MOV, not too long, at one of the allowed sizes (rotation counted).
fn check_videos(c: &mut Checker, l: &Laureate) {
    for video in &l.videos {
        if video.captions.is_none() {
            c.add(
                Some(l),
                &video.source,
                Rule::VideoCaptions,
                Severity::Warning,
                said!("video-captions"),
            );
        }
        let info = match media::video_info(&video.source) {
            Ok(info) => info,
            Err(media::VideoError(why)) => {
                c.add(
                    Some(l),
                    &video.source,
                    Rule::VideoFormat,
                    Severity::Error,
                    said!("video-format", why = why),
                );
                continue;
            }
        };
        add_video_breaches(c, l, &video.source, &info);
    }
}

/// The campaign limits the video `file` of `l` breaks, as errors.
fn add_video_breaches(c: &mut Checker, l: &Laureate, file: &Path, info: &VideoInfo) {
    for breach in video_breaches(c.rules, info) {
        c.add(Some(l), file, breach.rule, Severity::Error, breach.said);
    }
}

/// A campaign limit a video breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct VideoBreach {
    /// The rule it breaks.
    pub rule: Rule,
    /// What is wrong and how to fix it.
    pub said: Said,
}

/// The campaign limits a video breaks: length and size (rotation counted). Shared by
/// `laurel check`, where they are errors, and the build, where they are warnings.
pub fn video_breaches(rules: &Rules, info: &VideoInfo) -> Vec<VideoBreach> {
    let mut breaches = Vec::new();
    let max = rules.video_max_seconds;
    if info.duration > max {
        breaches.push(VideoBreach {
            rule: Rule::VideoDuration,
            said: said!(
                "video-duration",
                seconds = info.duration.round(),
                max = max.round()
            ),
        });
    }
    if !rules.video_sizes.contains(&[info.width, info.height]) {
        let allowed: Vec<String> = rules
            .video_sizes
            .iter()
            .map(|[w, h]| format!("{w}x{h}"))
            .collect();
        breaches.push(VideoBreach {
            rule: Rule::VideoResolution,
            said: said!(
                "video-resolution",
                size = format!("{}x{}", info.width, info.height),
                allowed = allowed.join(" / ")
            ),
        });
    }
    breaches
}

pub use crate::content::Placeholder;

/// Every placeholder text left in a laureate's `profile.yaml` or `story.md` (found while
/// loading): an error of `laurel check`, a warning of the build.
pub fn placeholders(site: &Site) -> Vec<(&Laureate, &Placeholder)> {
    site.laureates
        .iter()
        .flat_map(|l| l.placeholders.iter().map(move |p| (l, p)))
        .collect()
}

/// The `placeholder` findings: template text must not go live.
fn check_placeholders(c: &mut Checker) {
    for (laureate, p) in placeholders(c.site) {
        let said = match p.field.as_str() {
            "story" => said!("placeholder-story", text = &p.text),
            field => said!("placeholder-field", field = field, text = &p.text),
        };
        c.add(
            Some(laureate),
            &p.file,
            Rule::Placeholder,
            Severity::Error,
            said,
        )
        .place
        .line = Some(p.line);
    }
}

/// The `private-data` findings: no laureate's `private:` value, and nothing shaped like a
/// mobile number, an ID number or an e-mail address, in public text ([`crate::privacy::leaks`]).
fn check_private_data(c: &mut Checker) {
    for leak in crate::privacy::leaks(c.site) {
        c.add(
            leak.laureate,
            &leak.file,
            Rule::PrivateData,
            Severity::Error,
            leak.said,
        )
        .place
        .line = leak.line;
    }
}

/// A link, image or removed piece of HTML in the site's Markdown: the file, the laureate
/// whose story it is in (none for pages and the introduction), and what with its line.
pub struct MarkdownRef<'a> {
    /// The Markdown file.
    pub file: PathBuf,
    /// The laureate whose story holds it.
    pub laureate: Option<&'a Laureate>,
    /// What, as written, and its line.
    pub item: &'a SourceRef,
}

/// The items `which` picks from every story, page and the front-page introduction.
fn markdown_refs<'a>(site: &'a Site, which: fn(&Document) -> &[SourceRef]) -> Vec<MarkdownRef<'a>> {
    let mut found = Vec::new();
    for l in &site.laureates {
        for item in which(&l.story) {
            found.push(MarkdownRef {
                file: l.story_file(),
                laureate: Some(l),
                item,
            });
        }
    }
    let intro = site
        .intro
        .iter()
        .map(|d| (site.root.join(layout::INTRO_FILE), d));
    let pages = site.pages.iter().map(|p| (p.file.clone(), &p.body));
    for (file, document) in intro.chain(pages) {
        for item in which(document) {
            found.push(MarkdownRef {
                file: file.clone(),
                laureate: None,
                item,
            });
        }
    }
    found
}

/// Every link in stories, pages and the front-page introduction that leads to no page of the
/// site. `laurel check` reports them as `broken-link` errors; the build refuses to publish them.
pub fn broken_links(site: &Site) -> Vec<MarkdownRef<'_>> {
    markdown_refs(site, |d| &d.broken_links)
}

/// Every piece of raw HTML the sanitiser removes from the site's Markdown: `html-removed`
/// warnings of `laurel check` and of the build.
pub fn removed_html(site: &Site) -> Vec<MarkdownRef<'_>> {
    markdown_refs(site, |d| &d.removed)
}

impl MarkdownRef<'_> {
    /// What `laurel check` and the build say about a link to nowhere.
    pub fn broken_link(&self) -> Said {
        said!("broken-link", address = &self.item.address)
    }

    /// What `laurel check` and the build say about HTML the sanitiser removes.
    pub fn html_removed(&self) -> Said {
        said!("html-removed", what = &self.item.address)
    }
}

/// The `html-removed` warnings: raw HTML the sanitiser drops, at its line.
fn check_removed_html(c: &mut Checker) {
    for removed in removed_html(c.site) {
        c.add(
            removed.laureate,
            &removed.file,
            Rule::HtmlRemoved,
            Severity::Warning,
            removed.html_removed(),
        )
        .place
        .line = Some(removed.item.line);
    }
}

/// Links in stories and pages must lead to a page of the site (or outside it); images in a
/// story are not processed, so only absolute `https://` ones can show.
fn check_links(c: &mut Checker) {
    for broken in broken_links(c.site) {
        c.add(
            broken.laureate,
            &broken.file,
            Rule::BrokenLink,
            Severity::Error,
            broken.broken_link(),
        )
        .place
        .line = Some(broken.item.line);
    }
    check_removed_html(c);
    for l in &c.site.laureates {
        for image in &l.story.images {
            let src = &image.address;
            if !src.starts_with("https://") && !src.starts_with("http://") {
                c.add(
                    Some(l),
                    &l.story_file(),
                    Rule::BrokenImage,
                    Severity::Error,
                    said!("broken-image", address = src),
                )
                .place
                .line = Some(image.line);
            }
        }
    }
}

/// site.yaml's own warnings (a footer number of the wrong form, a 公示 key missing) and a
/// missing `base_url`.
fn check_site_config(c: &mut Checker) {
    let site = c.site;
    for warning in site.config.warnings() {
        let finding = Finding::of_diagnostic(warning, Rule::Footer, Severity::Warning);
        c.findings.push(finding.relative_to(&site.root));
    }
    if crate::routes::Routes::new(&site.config).base_url_missing() {
        let site_yaml = site.root.join(crate::config::FILE_NAME);
        c.add(
            None,
            &site_yaml,
            Rule::BaseUrl,
            Severity::Warning,
            said!("base-url-missing"),
        );
    }
}

fn check_campaign(c: &mut Checker) {
    let site = c.site;
    let rules = c.rules;
    let rules_file = layout::campaign_file(&site.root, site.config.year_folder());
    let total = site.laureates.len();
    if c.unloaded > 0 {
        let unloaded = c.unloaded;
        c.add(
            None,
            &rules_file,
            Rule::CampaignPartial,
            Severity::Warning,
            said!("campaign-partial", unloaded = unloaded, total = total),
        );
    }
    // The nominations' numbers (quotas, the young share) count every nominee; the
    // selection's (the laureates, the province picks) only the selected.
    let selected: Vec<&Laureate> = site
        .laureates
        .iter()
        .filter(|l| l.status == Status::Selected)
        .collect();
    if selected.len() > rules.laureates {
        c.add(
            None,
            &rules_file,
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
            &rules_file,
            Rule::ProvincePicks,
            severity,
            said!(
                "province-picks",
                picks = picks,
                wanted = rules.province_picks
            ),
        );
    }
    let nominations: Vec<&Laureate> = site.laureates.iter().collect();
    for breach in quota_breaches(&nominations, rules) {
        let finding = c.add(
            None,
            &rules_file,
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
            &rules_file,
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
fn check_shared_photos(c: &mut Checker) {
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
