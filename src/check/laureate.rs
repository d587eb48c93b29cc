//! The rules about one laureate: profile fields, portrait, photos and videos.

use super::memo::Facts;
use super::{Checker, Rule, Severity};
use crate::config::Rules;
use crate::content::{Laureate, Photo};
use crate::i18n::Said;
use crate::layout;
use crate::media::{self, VideoInfo};
use crate::naming::Rename;
use crate::said;
use std::path::Path;

/// A finding about a profile's values, before it is placed.
struct ProfileFinding {
    rule: Rule,
    severity: Severity,
    said: Said,
    at: At,
}

/// Where a [`ProfileFinding`] points.
enum At {
    /// At `profile.yaml`.
    Profile,
    /// At the line of `profile.yaml` where the key (and the text, if any) is written.
    Line(&'static str, String),
    /// At `story.md`.
    Story,
}

impl ProfileFinding {
    /// An error at `profile.yaml`.
    fn error(rule: Rule, said: Said) -> ProfileFinding {
        ProfileFinding {
            rule,
            severity: Severity::Error,
            said,
            at: At::Profile,
        }
    }

    /// This finding at the line of `key` (and `text`).
    fn at_line(self, key: &'static str, text: &str) -> ProfileFinding {
        ProfileFinding {
            at: At::Line(key, text.to_string()),
            ..self
        }
    }
}

/// The rules about a profile's values, in the order their findings are reported.
const PROFILE_RULES: &[fn(&Laureate, &Rules) -> Vec<ProfileFinding>] = &[
    required_fields,
    summary_length,
    consent_missing,
    story_empty,
    excluded_identity,
    prior_honors,
];

/// The profile's findings: required fields, the summary's length, consent, an empty story,
/// an excluded identity and prior honours. Findings about a value point at its line.
pub(super) fn check_profile(c: &mut Checker, l: &Laureate) {
    let profile = l.profile_file();
    let text = std::fs::read_to_string(&profile).unwrap_or_default();
    for rule in PROFILE_RULES {
        for found in rule(l, c.rules) {
            let (file, line) = match &found.at {
                At::Profile => (profile.clone(), None),
                At::Line(key, needle) => {
                    (profile.clone(), crate::yaml::line_of(&text, key, needle))
                }
                At::Story => (l.story_file(), None),
            };
            let finding = c.add(Some(l), &file, found.rule, found.severity, found.said);
            finding.place.line = line;
        }
    }
}

/// `required-field`: the fields every nomination needs, gender as 男 or 女, birth (a team
/// has no gender or birth of its own) and channel.
fn required_fields(l: &Laureate, _: &Rules) -> Vec<ProfileFinding> {
    let person = l.team.is_none();
    let required = [
        ("gender", l.gender.as_str(), person),
        ("organization", &l.organization, true),
        ("field", &l.field, true),
        ("category", &l.category, true),
        ("recommender", &l.recommender, true),
    ];
    let missing = required
        .into_iter()
        .filter(|(_, value, asked)| *asked && value.trim().is_empty())
        .map(|(key, ..)| said!("field-missing", key = key));
    let mut found: Vec<ProfileFinding> = missing
        .map(|said| ProfileFinding::error(Rule::RequiredField, said))
        .collect();
    if !l.gender.is_empty() && l.gender != "男" && l.gender != "女" {
        let said = said!("gender-invalid", gender = &l.gender);
        found.push(ProfileFinding::error(Rule::RequiredField, said).at_line("gender", ""));
    }
    if person && l.birth.is_none() {
        found.push(ProfileFinding::error(
            Rule::RequiredField,
            said!("birth-missing"),
        ));
    }
    if l.channel.is_none() {
        found.push(ProfileFinding::error(
            Rule::RequiredField,
            said!("channel-missing"),
        ));
    }
    found
}

/// `summary-length`: a summary there and within `summary_max_chars`.
fn summary_length(l: &Laureate, rules: &Rules) -> Vec<ProfileFinding> {
    let chars = l.summary.chars().count();
    let max = rules.summary_max_chars;
    let found = if l.summary.is_empty() {
        ProfileFinding::error(Rule::SummaryLength, said!("summary-missing"))
    } else if chars > max {
        let said = said!(
            "summary-too-long",
            chars = chars,
            max = max,
            over = chars - max
        );
        ProfileFinding::error(Rule::SummaryLength, said).at_line("summary", "")
    } else {
        return Vec::new();
    };
    vec![found]
}

/// `consent-missing`: an error when the campaign requires consent, else a warning.
fn consent_missing(l: &Laureate, rules: &Rules) -> Vec<ProfileFinding> {
    if l.consent.is_some() {
        return Vec::new();
    }
    let severity = match rules.require_consent {
        true => Severity::Error,
        false => Severity::Warning,
    };
    vec![ProfileFinding {
        severity,
        ..ProfileFinding::error(Rule::ConsentMissing, said!("consent-missing"))
    }]
}

/// `story-empty`, at `story.md`.
fn story_empty(l: &Laureate, _: &Rules) -> Vec<ProfileFinding> {
    if !l.story.is_empty() {
        return Vec::new();
    }
    vec![ProfileFinding {
        at: At::Story,
        ..ProfileFinding::error(Rule::StoryEmpty, said!("story-empty"))
    }]
}

/// `excluded-identity`: an identity with one of the campaign's excluded words.
fn excluded_identity(l: &Laureate, rules: &Rules) -> Vec<ProfileFinding> {
    let excluded = rules
        .excluded_identities
        .iter()
        .find(|w| l.identity.contains(w.as_str()));
    let found = excluded.map(|word| {
        let said = said!("identity-excluded", identity = &l.identity, word = word);
        ProfileFinding::error(Rule::ExcludedIdentity, said).at_line("identity", "")
    });
    found.into_iter().collect()
}

/// `prior-honor`: a warning for each honour with one of the campaign's keywords.
fn prior_honors(l: &Laureate, rules: &Rules) -> Vec<ProfileFinding> {
    let word_in = |honor: &str| {
        let mut words = rules.honor_keywords.iter();
        words.find(|w| honor.contains(w.as_str()))
    };
    l.honors
        .iter()
        .filter_map(|honor| {
            let word = word_in(honor)?;
            let said = said!("prior-honor", honor = honor, word = word);
            let found = ProfileFinding::error(Rule::PriorHonor, said).at_line("honors", honor);
            Some(ProfileFinding {
                severity: Severity::Warning,
                ..found
            })
        })
        .collect()
}

pub(super) fn check_portrait(c: &mut Checker, l: &Laureate) {
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
    let dimensions = || media::source_dimensions(&portrait.source);
    let Ok((width, height)) = c
        .memo
        .recall(&portrait.source, Facts::dimensions, dimensions)
    else {
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

pub(super) fn check_photos(c: &mut Checker, l: &Laureate) {
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
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `photo-unreadable` finding for an image the media stage would refuse (empty, cut
/// short, or not what its extension says); true when the image is usable.
fn check_readable(c: &mut Checker, l: &Laureate, image: &Path) -> bool {
    // Read once: the shared-photo rule compares these hashes.
    let whole = c.memo.recall(image, Facts::whole, || {
        let bytes = std::fs::read(image).map_err(|e| (media::ImageError::Read(e), None))?;
        let hash = blake3::hash(&bytes);
        media::inspect_image(&bytes, image).map_err(|e| (e, Some(hash)))?;
        Ok(hash.to_hex().to_string())
    });
    let (hash, problem) = match whole {
        Ok(hex) => (blake3::Hash::from_hex(hex).ok(), None),
        Err((problem, hash)) => (hash, Some(problem)),
    };
    if let Some(hash) = hash {
        c.hashes.insert(image.to_path_buf(), hash);
    }
    let Some(problem) = problem else {
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
pub(super) fn check_videos(c: &mut Checker, l: &Laureate) {
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
        let info = match c.memo.recall(&video.source, Facts::video, || {
            media::video_info(&video.source)
        }) {
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
pub(super) fn add_video_breaches(c: &mut Checker, l: &Laureate, file: &Path, info: &VideoInfo) {
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
