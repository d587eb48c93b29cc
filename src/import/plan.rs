//! The files of one candidate's folder: `profile.yaml` (serialised from [`Profile`]),
//! `story.md` (chapters from the story's short heading lines), the portrait as 姓名0 (a
//! received portrait, else the picture pasted into the form), the other photos 姓名1 … in
//! natural order, and the videos.

use super::candidates::Candidate;
use super::convert::heif;
use super::form::Field;
use super::normalise;
use super::sources::Received;
use super::write::Planned;
use crate::content::natural::natural_cmp;
use crate::diagnostics::Diagnostic;
use crate::layout::{PHOTOS_DIR, PROFILE_FILE, STORY_FILE, VIDEOS_DIR};
use crate::media::{self, Sniffed};
use crate::naming::windows_safe;
use crate::{said, tr};
use serde::Serialize;
use std::collections::BTreeMap;

/// The files of a candidate's folder, profile and story first.
pub fn plan_candidate(candidate: &mut Candidate, converter: &heif::Converter) -> Vec<Planned> {
    let (story_from, story, contact_lines) = story_of(candidate);
    if !contact_lines.is_empty() {
        let lines: String = contact_lines.join("; ").chars().take(60).collect();
        let said = said!("import-contact-moved", lines = lines);
        candidate
            .problems
            .push(super::warning(Diagnostic::said(&story_from, said)));
    }
    let profile = profile(candidate, contact_lines);
    let mut planned = vec![
        Planned {
            from: candidate.form_origin.clone(),
            to: PROFILE_FILE.into(),
            bytes: profile.to_yaml().into_bytes(),
        },
        Planned {
            from: story_from,
            to: STORY_FILE.into(),
            bytes: story.into_bytes(),
        },
    ];
    planned.extend(photos(candidate, converter));
    planned.extend(videos(candidate));
    planned
}

/// The photos: the portrait as 姓名0, the others 姓名1 … in natural order of their names.
fn photos(candidate: &mut Candidate, converter: &heif::Converter) -> Vec<Planned> {
    let name = candidate.name.clone();
    let mut images: Vec<(String, String, Vec<u8>)> = Vec::new();
    for image in std::mem::take(&mut candidate.images) {
        let bytes = match image.extension().as_str() {
            "heic" | "heif" => match converter.to_jpeg(&image) {
                Ok(jpeg) => jpeg,
                Err(d) => {
                    candidate.problems.push(super::warning(d));
                    continue;
                }
            },
            _ => image.bytes.clone(),
        };
        images.push((image.name.clone(), image.origin.clone(), bytes));
    }
    images.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    let mut portrait = portrait_index(&images, candidate.is_team);
    if portrait.is_none() {
        if let Some(picture) = candidate.pictures.first() {
            images.insert(
                0,
                (
                    "推荐表".into(),
                    tr!("import-form-picture", form = &candidate.form_origin),
                    picture.clone(),
                ),
            );
            portrait = Some(0);
        }
    }
    if portrait.is_none() && candidate.is_team && !images.is_empty() {
        portrait = Some(0); // a team's picture: its first photo, until the editor picks another
    }
    let mut number = 0;
    let mut planned = Vec::new();
    for (i, (file_name, origin, bytes)) in images.into_iter().enumerate() {
        let n = match Some(i) == portrait {
            true => 0,
            false => {
                number += 1;
                number
            }
        };
        let extension = match media::sniff(&bytes) {
            Some(Sniffed::Png) => "png".to_string(),
            Some(_) => "jpg".to_string(),
            None => extension_of(&file_name),
        };
        planned.push(Planned {
            to: format!(
                "{PHOTOS_DIR}/{}",
                windows_safe(&format!("{name}{n}.{extension}"))
            ),
            from: origin,
            bytes,
        });
    }
    planned
}

fn extension_of(file_name: &str) -> String {
    std::path::Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The videos as `videos/姓名.mp4`, `姓名2.mp4` ….
fn videos(candidate: &mut Candidate) -> Vec<Planned> {
    let name = &candidate.name;
    std::mem::take(&mut candidate.videos)
        .into_iter()
        .enumerate()
        .map(|(i, video): (usize, Received)| {
            let suffix = if i == 0 {
                String::new()
            } else {
                (i + 1).to_string()
            };
            Planned {
                to: format!(
                    "{VIDEOS_DIR}/{}",
                    windows_safe(&format!("{name}{suffix}.{}", video.extension()))
                ),
                from: video.origin,
                bytes: video.bytes,
            }
        })
        .collect()
}

/// Which image is the 二寸 portrait: one whose name says so (证件照, 二寸 …), else the one
/// nearest 35:45 upright, if any is near enough. A team's is its group photo, named so
/// (合影, 集体照 …).
fn portrait_index(images: &[(String, String, Vec<u8>)], team: bool) -> Option<usize> {
    const GROUP_HINTS: &[&str] = &["合影", "集体照", "团队照", "全体", "group"];
    if team {
        return images
            .iter()
            .position(|(name, _, _)| GROUP_HINTS.iter().any(|h| name.to_lowercase().contains(h)));
    }
    const HINTS: &[&str] = &[
        "证件照",
        "二寸",
        "2寸",
        "寸照",
        "免冠",
        "头像",
        "肖像",
        "portrait",
    ];
    let named = images
        .iter()
        .position(|(name, _, _)| HINTS.iter().any(|h| name.to_lowercase().contains(h)));
    named.or_else(|| {
        images
            .iter()
            .enumerate()
            .filter_map(|(i, (_, _, bytes))| {
                let (w, h) = media::dimensions(bytes).ok()?;
                Some((media::portrait_likeness(w, h)?, i))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, i)| i)
    })
}

/// `story.md` from the 事迹材料 (which beats the form's 主要事迹): paragraphs kept, a short
/// line that does not end like a sentence taken as a `##` chapter heading; lines with contact
/// data (a phone number, an e-mail address) left out and returned. Also where it came from.
fn story_of(candidate: &Candidate) -> (String, String, Vec<String>) {
    let (from, paragraphs): (String, Vec<String>) = match &candidate.story {
        Some((origin, paragraphs)) => (origin.clone(), paragraphs.clone()),
        None => (
            candidate.form_origin.clone(),
            candidate
                .fields
                .get(&Field::Story)
                .map(|text| text.lines().map(str::to_string).collect())
                .unwrap_or_default(),
        ),
    };
    let mut story = String::new();
    let mut contact_lines = Vec::new();
    for paragraph in paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
    {
        if paragraph.contains("事迹材料") && story.is_empty() {
            continue; // the document's own title
        }
        if !crate::privacy::contacts(paragraph).is_empty() {
            contact_lines.push(paragraph.to_string());
            continue;
        }
        if is_heading(paragraph) || paragraph.starts_with(['#', '＃']) {
            story.push_str(&format!("## {}\n\n", strip_numbering(paragraph)));
        } else {
            story.push_str(paragraph);
            story.push_str("\n\n");
        }
    }
    (from, story, contact_lines)
}

/// A line that reads like a heading: short, and not ending like a sentence (a closing quote
/// ends a sentence only after a full stop: `甘当农民的“贴心人”` is a heading).
pub fn is_heading(line: &str) -> bool {
    let chars = line.chars().count();
    let without_quote = line.trim_end_matches(['”', '’', '」', '』', '"']);
    let ends_sentence =
        without_quote.ends_with(['。', '！', '？', '；', '，', '：', '、', '.', '…', '!', '?']);
    (2..=24).contains(&chars) && !ends_sentence
}

/// `一、扎根田野` / `（一）扎根田野` / `1. 扎根田野` / `## 扎根田野` (Markdown typed into Word)
/// → `扎根田野`; a title's own first numeral stays (`二、一张“明白纸”` → `一张“明白纸”`,
/// `2014年的冬天` as it is).
pub fn strip_numbering(line: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mark = |c: char| "（）()、.．#＃".contains(c) || c.is_whitespace();
    let run = line
        .find(|c: char| !numeral(c) && !mark(c))
        .unwrap_or(line.len());
    let numbering = line[..run].trim_end_matches(numeral);
    match &line[numbering.len()..] {
        "" => line,
        rest => rest,
    }
}

/// A profile.yaml as import writes it. Keys without a value are left out, and named in the
/// comment at the end so an editor sees what is still to fill in.
#[derive(Debug, Default, Serialize)]
pub struct Profile {
    /// `team` for a team nomination.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    gender: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birth: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    leader: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    members: Vec<Member>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recommender: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    honors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    private: BTreeMap<&'static str, String>,
    /// Where the values came from, for the header comment.
    #[serde(skip)]
    sources: &'static str,
}

/// A team member's row.
#[derive(Debug, Default, Serialize)]
struct Member {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    gender: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birth: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
}

impl Profile {
    /// The YAML text: a header comment, the keys, and a closing comment naming what is still
    /// to fill in.
    pub fn to_yaml(&self) -> String {
        let body = serde_yaml::to_string(self).expect("profiles serialise");
        let person_only = [
            ("gender", &self.gender),
            ("birth", &self.birth),
            ("title", &self.title),
        ];
        let everyone = [
            ("organization", &self.organization),
            ("category", &self.category),
            ("summary", &self.summary),
        ];
        let person_keys = person_only.iter().filter(|_| self.kind.is_none());
        let mut missing: Vec<&str> = person_keys
            .chain(&everyone)
            .filter(|(_, value)| value.is_none())
            .map(|(key, _)| *key)
            .collect();
        if self.channel.is_none() {
            missing.push("channel");
        }
        missing.push("quote");
        format!(
            "# Imported by `laurel import` from {}. Check every value.\n{body}# Still to fill in: {} (summary is the 简要事迹, quote the 寄语), and captions under photos:\n",
            self.sources,
            missing.join(", ")
        )
    }
}

/// The profile of a candidate: the form's fields, the 汇总表's where the form is silent;
/// contact data, ID numbers and the unit's opinion under `private:`.
fn profile(candidate: &Candidate, contact_lines: Vec<String>) -> Profile {
    let value = |field: Field| {
        candidate
            .fields
            .get(&field)
            .or_else(|| candidate.summary.get(&field))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut employment = value(Field::Employment)
        .map(|text| normalise::employment(&text))
        .unwrap_or_default();
    if let Some(both) = value(Field::PositionAndTitle) {
        let (position, title) = normalise::post_and_title(&both);
        employment.position = employment.position.or(position);
        employment.title = employment.title.or(title);
    }
    let recommender = value(Field::Recommender);
    let ticked = value(Field::Channel);
    let ticked = ticked.as_deref().and_then(normalise::ticked);
    let channel = ticked.and_then(|t| channel_of(t, None)).or_else(|| {
        channel_of(
            recommender.as_deref().unwrap_or(""),
            value(Field::Remark).as_deref(),
        )
    });
    let team = candidate.is_team;
    Profile {
        kind: team.then_some("team"),
        name: candidate.name.clone(),
        gender: value(Field::Gender)
            .filter(|_| !team)
            .map(|g| g.replace(' ', "")),
        birth: birth_of(candidate).filter(|_| !team),
        leader: team
            .then(|| value(Field::Leader).map(|l| normalise::name(&l)))
            .flatten(),
        members: candidate.members.iter().map(member).collect(),
        organization: value(Field::Organization).or(employment.organization),
        title: value(Field::Title).or(employment.title),
        position: value(Field::Position).or(employment.position),
        field: value(Field::Speciality),
        region: recommender.as_deref().and_then(region_of),
        category: value(Field::Category),
        channel,
        recommender,
        honors: value(Field::Honors)
            .map(|h| normalise::honours(&h))
            .unwrap_or_default(),
        summary: value(Field::Summary),
        private: private_fields(&value, contact_lines),
        sources: match candidate.summary.is_empty() {
            true => "the 推荐表",
            false if candidate.fields.is_empty() => "the 汇总表",
            false => "the 推荐表 and the 汇总表",
        },
    }
}

/// The birth month as `YYYY-MM`: the form's when it reads as a month, else the 汇总表's (the
/// form's `1977年` loses to the table's `1977.06`), else the form's text for check to point at.
fn birth_of(candidate: &Candidate) -> Option<String> {
    let sources = [&candidate.fields, &candidate.summary];
    let typed = || sources.iter().filter_map(|s| s.get(&Field::Birth));
    typed().find_map(|b| normalise::month(b)).or_else(|| {
        typed()
            .map(|b| b.trim().to_string())
            .find(|b| !b.is_empty())
    })
}

/// The `private:` values: contact data, ID number, ethnicity, politics, education, address,
/// the unit's opinion, and contact lines taken out of the story.
fn private_fields(
    value: &dyn Fn(Field) -> Option<String>,
    contact_lines: Vec<String>,
) -> BTreeMap<&'static str, String> {
    let mut private = BTreeMap::new();
    let keys = [
        ("phone", Field::Phone),
        ("email", Field::Email),
        ("id_number", Field::IdNumber),
        ("ethnicity", Field::Ethnicity),
        ("politics", Field::Politics),
        ("education", Field::Education),
        ("address", Field::Address),
        ("postcode", Field::Postcode),
        ("opinion", Field::Opinion),
    ];
    for (key, field) in keys {
        if let Some(v) = value(field) {
            let v = match field {
                Field::Phone | Field::IdNumber | Field::Postcode => normalise::phone(&v),
                _ => v,
            };
            private.insert(key, v);
        }
    }
    if !contact_lines.is_empty() {
        private.insert("story_contact", contact_lines.join("\n"));
    }
    private
}

/// A team member from a row of the members table.
fn member(row: &BTreeMap<Field, String>) -> Member {
    let get = |field: Field| {
        row.get(&field)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let role = [
        Field::PositionAndTitle,
        Field::Position,
        Field::Title,
        Field::Role,
        Field::Employment,
    ]
    .into_iter()
    .filter_map(get)
    .collect::<Vec<_>>();
    Member {
        name: normalise::name(&get(Field::Name).unwrap_or_default()),
        gender: get(Field::Gender),
        birth: get(Field::Birth).map(|b| normalise::month(&b).unwrap_or(b)),
        organization: get(Field::Organization),
        role: (!role.is_empty()).then(|| role.join(" ")),
    }
}

/// The nomination channel a recommending unit, a ticked box or the 汇总表's 备注 implies.
pub fn channel_of(unit: &str, remark: Option<&str>) -> Option<&'static str> {
    let text = format!("{unit}{}", remark.unwrap_or(""));
    if text.contains("高校") || text.contains("大学") || text.contains("学院") {
        Some("university")
    } else if text.contains("学会") || text.contains("协会") && !text.contains("科协") {
        Some("society")
    } else if text.contains('县') || text.contains('区') || text.contains("市科协") {
        Some("county")
    } else {
        None
    }
}

/// The county-level district a county's 科协 is in (`冀州区科协` → `冀州区`).
fn region_of(recommender: &str) -> Option<String> {
    let end = recommender.rfind(['县', '区'])?;
    let region = &recommender[..end + '区'.len_utf8()];
    (region.chars().count() >= 2).then(|| region.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_numbering_and_channels() {
        assert!(is_heading("一、扎根田野"));
        assert!(is_heading("三、甘当农民的“贴心人”"));
        assert!(!is_heading("他说：“把论文写在大地上。”"));
        assert!(!is_heading("他在田里一待就是十年。"));
        assert_eq!(strip_numbering("（二）带出团队"), "带出团队");
        assert_eq!(strip_numbering("1. 扎根田野"), "扎根田野");
        assert_eq!(strip_numbering("## 守护一方水土"), "守护一方水土");
        assert_eq!(strip_numbering("＃＃守护一方水土"), "守护一方水土");
        assert_eq!(strip_numbering("二、一张“明白纸”"), "一张“明白纸”");
        assert_eq!(strip_numbering("一张“明白纸”"), "一张“明白纸”");
        assert_eq!(strip_numbering("2014年的冬天"), "2014年的冬天");
        assert_eq!(channel_of("冀州区科协", None), Some("county"));
        assert_eq!(channel_of("县（市、区）科协", None), Some("county"));
        assert_eq!(channel_of("衡水市农学会", None), Some("society"));
        assert_eq!(channel_of("衡水学院科协", None), Some("university"));
        assert_eq!(region_of("冀州区科协").as_deref(), Some("冀州区"));
        assert_eq!(region_of("故城县科协").as_deref(), Some("故城县"));
    }
}
