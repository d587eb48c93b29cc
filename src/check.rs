//! `check`: the campaign's rules over a loaded [`Site`]. Findings are data (a [`Report`]),
//! not errors: the CLI prints them as text or JSON and sets the exit code.

use crate::config::{Rules, YoungTeam};
use crate::content::{Channel, Laureate, PartialSite, Photo, Site, Status, YearMonth};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout;
use crate::markdown::{Document, SourceRef};
use crate::media::{self, VideoInfo};
use crate::naming::Rename;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks a rule of the notice: the nomination cannot go forward like this.
    Error,
    /// Worth a look; the notice allows it in principle, or the editors' choice is pending.
    Warning,
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `photo-size`.
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The laureate's name, or `None` for campaign-level findings.
    pub laureate: Option<String>,
    /// For a campaign-level finding about one recommending unit: the unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For a campaign-level finding about one recommending unit: its nominees' names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub laureates: Vec<String>,
    /// The file concerned, relative to the site root; for campaign-level findings the file
    /// that holds the rule.
    pub file: PathBuf,
    /// 1-based line in the file, when the finding is about one line.
    pub line: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

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
            .map(|d| finding_of(d, "site-config", None))
            .collect();
        Report::new(0, 0, findings)
    }
}

/// A load problem as a finding (an error) under its own rule, else `default_rule`.
fn finding_of(d: &Diagnostic, default_rule: &'static str, laureate: Option<String>) -> Finding {
    Finding {
        rule: d.rule.unwrap_or(default_rule),
        severity: Severity::Error,
        laureate,
        unit: None,
        laureates: Vec::new(),
        file: d.file.clone(),
        line: d.line,
        message: d.message.clone(),
        fix: d.hint.clone().unwrap_or_default(),
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

impl Checker<'_> {
    fn add(
        &mut self,
        laureate: Option<&Laureate>,
        file: &Path,
        rule: &'static str,
        severity: Severity,
        message: String,
        fix: &str,
    ) -> &mut Finding {
        self.findings.push(Finding {
            rule,
            severity,
            laureate: laureate.map(|l| l.name.clone()),
            unit: None,
            laureates: Vec::new(),
            file: file
                .strip_prefix(&self.site.root)
                .unwrap_or(file)
                .to_path_buf(),
            line: None,
            message,
            fix: fix.to_string(),
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
        .map(|d| finding_of(d, "load-error", owner(&d.file)))
        .collect();
    findings.extend(rule_findings(site, partial.unloaded.len()));
    // Each laureate's findings together, in site order; campaign-level ones last.
    let order = |f: &Finding| {
        f.laureate.as_ref().map_or(usize::MAX, |name| {
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
    let mut checker = Checker {
        site,
        rules: &site.config.campaign.rules,
        findings: Vec::new(),
        unloaded,
        hashes: HashMap::new(),
    };
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
    check_campaign(&mut checker);
    checker.findings
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
                "required-field",
                Severity::Error,
                format!("`{key}` is missing"),
                &format!("add `{key}:` to profile.yaml"),
            );
        }
    }
    if !l.gender.is_empty() && l.gender != "男" && l.gender != "女" {
        c.add(
            Some(l),
            &profile,
            "required-field",
            Severity::Error,
            format!("gender `{}` is not 男 or 女", l.gender),
            "write `gender: 男` or `gender: 女`",
        )
        .line = line("gender", "");
    }
    if person && l.birth.is_none() {
        c.add(
            Some(l),
            &profile,
            "required-field",
            Severity::Error,
            "`birth` is missing".into(),
            "add the year and month of birth, e.g. `birth: 1986-05`",
        );
    }
    if l.channel.is_none() {
        c.add(
            Some(l),
            &profile,
            "required-field",
            Severity::Error,
            "`channel` is missing".into(),
            "add `channel: county`, `society` or `university`",
        );
    }
    let chars = l.summary.chars().count();
    if l.summary.is_empty() {
        c.add(
            Some(l),
            &profile,
            "summary-length",
            Severity::Error,
            "`summary` is missing".into(),
            "add a short summary (简要事迹)",
        );
    } else if chars > c.rules.summary_max_chars {
        let max = c.rules.summary_max_chars;
        c.add(
            Some(l),
            &profile,
            "summary-length",
            Severity::Error,
            format!("summary has {chars} characters, the notice allows {max}"),
            &format!("shorten it by {} characters", chars - max),
        )
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
            "consent-missing",
            severity,
            "no record of the laureate's consent to publication".into(),
            "PIPL art. 25 asks for the person's separate consent: record it as `consent: {date: 2022-04-18, file: 同意书.pdf}` (the form stays private)",
        );
    }
    if l.story.is_empty() {
        c.add(
            Some(l),
            &l.story_file(),
            "story-empty",
            Severity::Error,
            "the story is empty".into(),
            "write the laureate's story (主要事迹) in story.md",
        );
    }
    let excluded = c
        .rules
        .excluded_identities
        .iter()
        .find(|w| l.identity.contains(w.as_str()));
    if let Some(word) = excluded {
        c.add(Some(l), &profile, "excluded-identity", Severity::Error, format!("identity `{}` ({word}) is excluded by the notice", l.identity), "the notice excludes active military, civil servants and county-level or higher officials")
            .line = line("identity", "");
    }
    for honor in &l.honors {
        if let Some(word) = c
            .rules
            .honor_keywords
            .iter()
            .find(|w| honor.contains(w.as_str()))
        {
            c.add(Some(l), &profile, "prior-honor", Severity::Warning, format!("honour `{honor}` looks provincial/ministerial or higher, or a 「最美」 title (`{word}`)"), "people with such honours are in principle not nominated: confirm with the organisers")
                .line = line("honors", honor);
        }
    }
}

fn check_portrait(c: &mut Checker, l: &Laureate) {
    let Some(portrait) = &l.portrait else {
        let by_shape = crate::naming::plan(l).into_iter().find(|r| r.portrait);
        let fix = match by_shape {
            Some(r) => format!(
                "`{}` has the shape of a 2-inch portrait: rename it to {} (`laurel check --fix-names` renames every photo at once)",
                file_name(&r.from),
                file_name(&r.to)
            ),
            None if l.team.is_some() => format!(
                "add the team's group photo (团队合影) as photos/{}0.jpg",
                l.name
            ),
            None => format!(
                "add a 2-inch frontal colour photo as photos/{}0.jpg",
                l.name
            ),
        };
        c.add(
            Some(l),
            &l.folder.join(layout::PHOTOS_DIR),
            "portrait",
            Severity::Error,
            "no portrait".into(),
            &fix,
        );
        return;
    };
    if !check_readable(c, l, &portrait.source) {
        return;
    }
    let Ok((width, height)) = media::source_dimensions(&portrait.source) else {
        return; // the build reports unreadable images
    };
    let ratio = width as f64 / height as f64;
    // A team's portrait is its group photo, of any shape.
    if l.team.is_none() && (ratio - 35.0 / 45.0).abs() > 0.06 {
        c.add(
            Some(l),
            &portrait.source,
            "portrait",
            Severity::Warning,
            format!("portrait is {width}x{height}, not the 35:45 of a 2-inch photo"),
            "crop it to 35:45 (e.g. 700x900) around the face",
        );
    }
    if width < c.rules.portrait_min_width {
        c.add(
            Some(l),
            &portrait.source,
            "portrait",
            Severity::Error,
            format!("portrait is only {width} px wide"),
            &format!(
                "send a scan or photo at least {} px wide",
                c.rules.portrait_min_width
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
            "photo-count",
            Severity::Error,
            format!("{count} life/work photos, the notice asks for {min}–{max}"),
            if count < min {
                "add photos of the laureate at work or in daily life"
            } else {
                "choose the best ones and remove the rest"
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
    c.add(
        Some(l),
        image,
        "photo-unreadable",
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
            "photo-format",
            Severity::Error,
            format!("`.{ext}` photo: the notice asks for JPEG"),
            "export the photo as JPEG",
        );
    }
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if bytes < c.rules.photo_min_bytes {
        c.add(
            Some(l),
            file,
            "photo-size",
            Severity::Error,
            format!(
                "{} KB, the notice asks for at least {} KB",
                bytes / 1000,
                c.rules.photo_min_bytes / 1000
            ),
            "send the original file from the camera or phone, not a copy from a chat app",
        );
    }
    if let Some(rename) = rename {
        let (from, to) = (file_name(&rename.from), file_name(&rename.to));
        let message = match rename.portrait {
            true => format!(
                "`{from}` has the shape of the 2-inch portrait, which the notice names 姓名0"
            ),
            false => format!("named `{from}`, the notice asks for 姓名+序号: `{to}`"),
        };
        c.add(
            Some(l),
            file,
            "photo-name",
            Severity::Error,
            message,
            &format!("rename it to {to} (`laurel check --fix-names` renames every photo of the folder at once and updates profile.yaml)"),
        );
    }
    if photo.caption.is_none() {
        c.add(
            Some(l),
            file,
            "photo-caption",
            Severity::Warning,
            "no caption (图说); the alt text falls back to a generic description".into(),
            "add `caption:` for this photo under `photos:` in profile.yaml",
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
                "video-captions",
                Severity::Warning,
                "the video has no captions; viewers who cannot hear it (or have the sound off) miss what is said".into(),
                "put a .vtt or .srt file with the video's name beside it (e.g. videos/田间.srt for videos/田间.mp4)",
            );
        }
        let info = match media::video_info(&video.source) {
            Ok(info) => info,
            Err(media::VideoError(why)) => {
                c.add(
                    Some(l),
                    &video.source,
                    "video-format",
                    Severity::Error,
                    format!("not a readable MP4/MOV video: {why}"),
                    "export the clip again as MP4 (H.264) from the phone or editing app",
                );
                continue;
            }
        };
        for breach in video_breaches(c.rules, &info) {
            c.add(
                Some(l),
                &video.source,
                breach.rule,
                Severity::Error,
                breach.message,
                breach.hint,
            );
        }
    }
}

/// A campaign limit a video breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VideoBreach {
    /// The rule's name, as in a [`Finding`].
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: &'static str,
}

/// The campaign limits a video breaks: length and size (rotation counted). Shared by
/// `laurel check`, where they are errors, and the build, where they are warnings.
pub fn video_breaches(rules: &Rules, info: &VideoInfo) -> Vec<VideoBreach> {
    let mut breaches = Vec::new();
    let max = rules.video_max_seconds;
    if info.duration > max {
        breaches.push(VideoBreach {
            rule: "video-duration",
            message: format!("{:.0} s long, the notice allows {max:.0} s", info.duration),
            hint: "trim the clip",
        });
    }
    if !rules.video_sizes.contains(&[info.width, info.height]) {
        let allowed: Vec<String> = rules
            .video_sizes
            .iter()
            .map(|[w, h]| format!("{w}x{h}"))
            .collect();
        breaches.push(VideoBreach {
            rule: "video-resolution",
            message: format!(
                "{}x{} as shown, the notice asks for {}",
                info.width,
                info.height,
                allowed.join(" or ")
            ),
            hint: "export the clip at one of those sizes",
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
        let what = match p.field.as_str() {
            "story" => "the story".to_string(),
            field => format!("`{field}`"),
        };
        c.add(
            Some(laureate),
            &p.file,
            "placeholder",
            Severity::Error,
            format!("{what} still holds placeholder text: 「{}」", p.text),
            "replace it with the real text (or delete the line), so it does not go live",
        )
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
            "private-data",
            Severity::Error,
            leak.message,
            crate::privacy::LEAK_FIX,
        )
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

/// What to do about raw HTML the sanitiser removes.
pub const HTML_REMOVED_FIX: &str = "write the story in plain Markdown: stories from nominating units may not carry scripts, styles or players from other sites";

/// What to do about a link that leads nowhere.
pub const BROKEN_LINK_FIX: &str = "link to a page of the site: another laureate as /laureates/<slug or folder name>/ or ../<folder name>/, a card as /cards/<slug>/, or /gallery/, /kit/, /publicity/, an extra page as /<slug>/ or @/pages/<file>.md; in a site of several years, a page of a given year starts with it: /2022/laureates/<slug or folder name>/ or @/2022/laureates/<folder>/story.md";

/// Links in stories and pages must lead to a page of the site (or outside it); images in a
/// story are not processed, so only absolute `https://` ones can show.
fn check_links(c: &mut Checker) {
    for broken in broken_links(c.site) {
        c.add(
            broken.laureate,
            &broken.file,
            "broken-link",
            Severity::Error,
            format!(
                "link `{}` leads to no page of the site",
                broken.item.address
            ),
            BROKEN_LINK_FIX,
        )
        .line = Some(broken.item.line);
    }
    for removed in removed_html(c.site) {
        c.add(
            removed.laureate,
            &removed.file,
            "html-removed",
            Severity::Warning,
            format!("{} is removed from the page", removed.item.address),
            HTML_REMOVED_FIX,
        )
        .line = Some(removed.item.line);
    }
    for l in &c.site.laureates {
        for image in &l.story.images {
            let src = &image.address;
            if !src.starts_with("https://") && !src.starts_with("http://") {
                c.add(Some(l), &l.story_file(), "broken-image", Severity::Error, format!("image `{src}` in the story is not published"), "list the photo under `photos:` in profile.yaml instead: it then appears with its caption")
                    .line = Some(image.line);
            }
        }
    }
}

fn check_campaign(c: &mut Checker) {
    let site = c.site;
    let rules = c.rules;
    let site_yaml = site.root.join(crate::config::FILE_NAME);
    let rules_file = layout::campaign_file(&site.root, site.config.year_folder());
    let total = site.laureates.len();
    for warning in site.config.warnings() {
        c.add(
            None,
            &warning.file,
            "footer",
            Severity::Warning,
            warning.message.clone(),
            warning.hint.as_deref().unwrap_or(""),
        )
        .line = warning.line;
    }
    if crate::routes::Routes::new(&site.config).base_url_missing() {
        c.add(
            None,
            &site_yaml,
            "base-url",
            Severity::Warning,
            "base_url is not set: the sitemap, the feed, shared links and the QR codes need the address the site is published at".into(),
            "add e.g. `base_url: https://www.example.gov.cn/zuimei/` to site.yaml",
        );
    }
    if c.unloaded > 0 {
        let unloaded = c.unloaded;
        c.add(
            None,
            &rules_file,
            "campaign-partial",
            Severity::Warning,
            format!(
                "{unloaded} laureate folder(s) could not be loaded: the campaign-wide rules (quotas, the young share) counted only the {total} that did"
            ),
            "fix the load errors above and check again for the campaign-wide figures",
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
            "laureate-quota",
            Severity::Error,
            format!(
                "{} laureates selected, the campaign chooses {}",
                selected.len(),
                rules.laureates
            ),
            "mark the nominees who were not selected `status: not_selected` (未入选): they stay in the folders for the record and are never published",
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
            "province-picks",
            severity,
            format!(
                "{picks} laureates are marked `province_pick`, the campaign puts forward {}",
                rules.province_picks
            ),
            "mark exactly that many with `province_pick: true` once the selection is made",
        );
    }
    let nominations: Vec<&Laureate> = site.laureates.iter().collect();
    for breach in quota_breaches(&nominations, rules) {
        let finding = c.add(
            None,
            &rules_file,
            "channel-quota",
            Severity::Error,
            format!(
                "{} nominated {} ({}), a {} may nominate at most {}",
                breach.unit,
                breach.names.len(),
                breach.names.join("、"),
                breach.channel.label(),
                breach.quota
            ),
            "withdraw the extra nominations or correct `recommender`",
        );
        finding.unit = Some(breach.unit);
        finding.laureates = breach.names;
    }
    let share = young_share(&nominations, rules, site.config.campaign.reference_date);
    if share.falls_short(rules) {
        c.add(
            None,
            &rules_file,
            "young-share",
            Severity::Error,
            format!(
                "{} of {} nominees are under {}, the notice asks for at least {:.0}%",
                share.young,
                share.counted,
                rules.young_age,
                rules.young_share * 100.0
            ),
            &young_fix(site, rules),
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
            let quota = match channel {
                Channel::County => rules.quotas.county,
                Channel::Society => rules.quotas.society,
                Channel::University => rules.quotas.university,
            };
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

/// The young-share finding's fix, saying how teams counted when there are any.
fn young_fix(site: &Site, rules: &Rules) -> String {
    let fix = "nominate more young scientists and engineers";
    if site.laureates.iter().all(|l| l.team.is_none()) {
        return fix.into();
    }
    let how = match rules.young_team {
        YoungTeam::Leader => "a team counted once, as young when its leader is",
        YoungTeam::Majority => "a team counted once, as young when most of its members are",
        YoungTeam::Exclude => "teams were left out",
    };
    format!("{fix} ({how}: `campaign.rules.young_team` in site.yaml)")
}

/// No two laureates may share a photo (same bytes), and no laureate shows one photo twice.
fn check_shared_photos(c: &mut Checker) {
    let mut seen: HashMap<blake3::Hash, (&Laureate, &Path)> = HashMap::new();
    for l in &c.site.laureates {
        for photo in l.portrait.iter().chain(&l.photos) {
            let Some(hash) = c.hashes.get(&photo.source).copied() else {
                continue; // unreadable: photo-unreadable says so
            };
            let (message, fix) = match seen.insert(hash, (l, &photo.source)) {
                Some((other, _)) if other.slug != l.slug => (
                    format!("the same photo is also used by {}", other.name),
                    "each laureate needs photos of their own",
                ),
                Some((_, file)) if file != photo.source => (
                    format!("the same photo is also {}", file_name(file)),
                    "remove one of the two copies",
                ),
                _ => continue,
            };
            c.add(
                Some(l),
                &photo.source,
                "shared-photo",
                Severity::Error,
                message,
                fix,
            );
        }
    }
}
