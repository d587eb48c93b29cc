//! Private data in a site's public text: any laureate's `private:` value, and anything shaped
//! like a mobile number, an ID number or an e-mail address, in the stories, the public fields
//! of the profiles (captions, alt texts and video titles too), the extra pages and the
//! front-page introduction. What site.yaml publishes on purpose (`public_contacts`, the
//! footer's `contact`, the 公示's `phone` and `email`) may appear anywhere.

use super::{contacts, mask, occurrences};
use crate::content::{Laureate, Site};
use crate::i18n::Said;
use crate::layout;
use crate::said;
use std::ops::Range;
use std::path::PathBuf;

/// `private:` keys whose values many people share (男, 汉族, 中共党员, 本科, a postcode): not
/// looked for in public text.
const SHARED_KEYS: &[&str] = &[
    "gender",
    "性别",
    "ethnicity",
    "民族",
    "politics",
    "政治面貌",
    "education",
    "学历",
    "degree",
    "学位",
    "postcode",
    "邮编",
];

/// `private:` values shorter than this (in characters) are not looked for: too common.
const MIN_PRIVATE_CHARS: usize = 4;

/// Private data found in public text.
#[derive(Debug, Clone)]
pub struct Leak<'a> {
    /// The file it is in, absolute.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The laureate whose profile or story holds it; none for pages and the introduction.
    pub laureate: Option<&'a Laureate>,
    /// What was found where, with most of it masked (`private-in-public`, whose `.fix` says
    /// what to do about it).
    pub said: Said,
}

/// A text that is published, and where it comes from.
struct PublicText<'a> {
    file: PathBuf,
    /// What it is, for messages: `story`, `introduction`, `page`, or `field` (then `key` says
    /// which).
    what: &'static str,
    /// The profile key it is written under; `None` when `text` is the whole file.
    key: Option<&'static str>,
    text: String,
    laureate: Option<&'a Laureate>,
}

/// A `private:` value to look for.
struct Secret<'a> {
    owner: &'a Laureate,
    key: &'a str,
    value: String,
}

/// Every piece of private data in the site's public text, in site order.
pub fn leaks(site: &Site) -> Vec<Leak<'_>> {
    let secrets = secrets(site);
    let config = &site.config;
    let publicity = config.campaign.publicity.iter();
    let allowed: Vec<&str> = config
        .public_contacts
        .iter()
        .map(String::as_str)
        .chain([config.footer.contact.as_str()])
        .chain(publicity.flat_map(|p| [p.phone.as_str(), p.email.as_str()]))
        .filter(|t| !t.trim().is_empty())
        .collect();
    let is_allowed = |found: &str| allowed.iter().any(|t| !occurrences(t, found).is_empty());
    let mut found = Vec::new();
    for text in public_texts(site) {
        found.extend(leaks_in(&text, &secrets, &is_allowed));
    }
    found
}

/// The private data in one public text.
fn leaks_in<'a>(
    text: &PublicText<'a>,
    secrets: &[Secret],
    is_allowed: &dyn Fn(&str) -> bool,
) -> Vec<Leak<'a>> {
    let mut hits: Vec<(Range<usize>, Found)> = Vec::new();
    for secret in secrets {
        for range in occurrences(&text.text, &secret.value) {
            let found = Found {
                kind: "private",
                owner: &secret.owner.name,
                key: secret.key,
                masked: mask(&text.text[range.clone()]),
            };
            hits.push((range, found));
        }
    }
    for contact in contacts(&text.text) {
        let known = hits
            .iter()
            .any(|(r, _)| r.start < contact.range.end && contact.range.start < r.end);
        if !known {
            let found = Found {
                kind: contact.kind.id(),
                owner: "",
                key: "",
                masked: mask(&contact.text),
            };
            hits.push((contact.range, found));
        }
    }
    hits.sort_by_key(|(range, _)| range.start);
    hits.into_iter()
        .filter(|(range, _)| !is_allowed(&text.text[range.clone()]))
        .map(|(range, found)| Leak {
            file: text.file.clone(),
            line: line_of(text, &range),
            laureate: text.laureate,
            said: said!(
                "private-in-public",
                place = text.what,
                field = text.key.map(crate::yaml::field_label).unwrap_or_default(),
                kind = found.kind,
                owner = found.owner,
                key = found.key,
                masked = found.masked
            ),
        })
        .collect()
}

/// Private data found in a public text: what kind (`private`, or a kind of contact), whose
/// `private:` key it is, and the text masked.
struct Found<'a> {
    kind: &'static str,
    owner: &'a str,
    key: &'a str,
    masked: String,
}

/// The 1-based line of `range` of a public text in its file.
fn line_of(text: &PublicText, range: &Range<usize>) -> Option<usize> {
    match text.key {
        None => Some(text.text[..range.start].matches('\n').count() + 1),
        Some(key) => {
            let source = std::fs::read_to_string(&text.file).unwrap_or_default();
            crate::yaml::line_of(&source, key, &text.text[range.clone()])
        }
    }
}

/// Every laureate's `private:` values worth looking for: lists and mappings value by value,
/// long texts line by line; short values and values many people share left out.
fn secrets(site: &Site) -> Vec<Secret<'_>> {
    let mut secrets = Vec::new();
    for owner in &site.laureates {
        for (key, value) in &owner.private {
            if SHARED_KEYS.contains(&key.as_str()) {
                continue;
            }
            for part in value.split('\n').flat_map(|line| line.split("; ")) {
                let part = part.trim().trim_start_matches("- ");
                // A mapping's entry as `key: value`.
                let part = part.split_once(": ").map_or(part, |(_, v)| v).trim();
                if part.chars().count() >= MIN_PRIVATE_CHARS {
                    secrets.push(Secret {
                        owner,
                        key,
                        value: part.to_string(),
                    });
                }
            }
        }
    }
    secrets
}

/// Every text of the site that is published: each laureate's story and public profile fields,
/// the extra pages and the front-page introduction.
fn public_texts(site: &Site) -> Vec<PublicText<'_>> {
    let mut texts = Vec::new();
    for l in &site.laureates {
        texts.extend(file_text(l.story_file(), "story", Some(l)));
        texts.extend(profile_texts(l));
    }
    let intro = site
        .intro
        .as_ref()
        .map(|_| (site.root.join(layout::INTRO_FILE), "introduction"));
    let pages = site.pages.iter().map(|p| (p.file.clone(), "page"));
    for (file, what) in intro.into_iter().chain(pages) {
        texts.extend(file_text(file, what, None));
    }
    texts
}

/// A Markdown file as a public text, if it can be read.
fn file_text<'a>(
    file: PathBuf,
    what: &'static str,
    laureate: Option<&'a Laureate>,
) -> Option<PublicText<'a>> {
    let text = std::fs::read_to_string(&file).ok()?;
    Some(PublicText {
        file,
        what,
        key: None,
        text,
        laureate,
    })
}

/// The public fields of a laureate's profile (every one but the names, which are public by
/// definition): facts, honours, quote, summary, photo captions and alt texts, video titles, a
/// team's members' units and parts.
fn profile_texts(l: &Laureate) -> Vec<PublicText<'_>> {
    let mut fields: Vec<(&'static str, &str)> = vec![
        ("organization", l.organization.as_str()),
        ("title", l.title.as_str()),
        ("position", l.position.as_str()),
        ("field", l.field.as_str()),
        ("region", l.region.as_str()),
        ("category", l.category.as_str()),
        ("recommender", l.recommender.as_str()),
        ("identity", l.identity.as_str()),
        ("quote", l.quote.as_str()),
        ("summary", l.summary.as_str()),
    ];
    fields.extend(l.honors.iter().map(|h| ("honors", h.as_str())));
    for photo in l.portrait.iter().chain(&l.photos) {
        let caption = photo.caption.as_deref().unwrap_or_default();
        fields.push(("caption", caption));
        if photo.alt != caption {
            fields.push(("alt", photo.alt.as_str()));
        }
    }
    fields.extend(
        l.videos
            .iter()
            .filter_map(|v| Some(("title", v.title.as_deref()?))),
    );
    for member in l.team.iter().flat_map(|team| &team.members) {
        fields.push(("organization", member.organization.as_str()));
        fields.push(("role", member.role.as_str()));
    }
    fields
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(key, text)| PublicText {
            file: l.profile_file(),
            what: "field",
            key: Some(key),
            text: text.to_string(),
            laureate: Some(l),
        })
        .collect()
}
