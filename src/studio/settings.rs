//! The 设置 screen: site.yaml (and the newest year's own campaign.yaml) as a form. Its settings are the keys of the written config
//! ([`crate::config`]'s `written` layer) an editor sets — the site, the campaign, its rules and
//! quotas, the 公示, the footer, the deploy targets (never a secret: those come from the
//! environment) — each with a kind the page makes its input from. The form's values are
//! applied to site.yaml's text by [`crate::yaml::edit`] (only the keys whose values changed,
//! comments and order kept), checked by the library's own reading of site.yaml (its errors
//! and check's findings about it, each at its setting), and saved through [`super::save`].
//! In a site of several years whose newest year has its own `campaign.yaml`, that file holds
//! the year's campaign (`campaign.*` settings, written there from its top: `rules.quotas.county`);
//! the rest stays in site.yaml.

use super::profile::{same, tidied};
use super::{save, Answer};
use crate::check::{self, Finding};
use crate::config::SiteConfig;
use crate::yaml::{edit::Document, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A setting of the form.
pub struct Setting {
    /// Its section of the form.
    pub section: &'static str,
    /// Its keys in site.yaml, dotted (`campaign.rules.quotas.county`).
    pub key: &'static str,
    /// Other spellings of its last key that site.yaml reads (`主办`).
    pub aliases: &'static [&'static str],
    /// `text`, `long`, `number`, `decimal`, `date`, `choice`, `bool`, `list` or `targets`
    /// (the deploy targets, each a group of [`TARGET_PARTS`]).
    pub kind: &'static str,
}

const fn setting(
    section: &'static str,
    key: &'static str,
    aliases: &'static [&'static str],
    kind: &'static str,
) -> Setting {
    Setting {
        section,
        key,
        aliases,
        kind,
    }
}

/// The settings of the form, in its order.
pub const SETTINGS: &[Setting] = &[
    setting("site", "title", &[], "text"),
    setting("site", "subtitle", &[], "text"),
    setting("site", "description", &[], "long"),
    setting("site", "organizer", &[], "text"),
    setting("site", "base_url", &[], "text"),
    setting("campaign", "campaign.name", &["名称"], "text"),
    setting("campaign", "campaign.year", &[], "number"),
    setting("campaign", "campaign.reference_date", &[], "date"),
    setting("campaign", "campaign.phase", &[], "choice"),
    setting("campaign", "campaign.round", &["评选"], "choice"),
    setting("campaign", "campaign.order", &[], "choice"),
    setting("campaign", "campaign.categories", &[], "list"),
    setting(
        "campaign",
        "campaign.publicise_nominees",
        &["公示推荐人选"],
        "bool",
    ),
    setting("rules", "campaign.rules.laureates", &[], "number"),
    setting("rules", "campaign.rules.province_picks", &[], "number"),
    setting("rules", "campaign.rules.selection_final", &[], "bool"),
    setting("rules", "campaign.rules.quotas.county", &[], "number"),
    setting("rules", "campaign.rules.quotas.society", &[], "number"),
    setting("rules", "campaign.rules.quotas.university", &[], "number"),
    setting("rules", "campaign.rules.young_age", &[], "number"),
    setting("rules", "campaign.rules.young_share", &[], "decimal"),
    setting("rules", "campaign.rules.summary_max_chars", &[], "number"),
    setting("rules", "campaign.rules.photos_min", &[], "number"),
    setting("rules", "campaign.rules.photos_max", &[], "number"),
    setting("rules", "campaign.rules.photo_min_bytes", &[], "number"),
    setting("rules", "campaign.rules.portrait_min_width", &[], "number"),
    setting("rules", "campaign.rules.video_max_seconds", &[], "decimal"),
    setting("rules", "campaign.rules.require_consent", &[], "bool"),
    setting("rules", "campaign.rules.honor_keywords", &[], "list"),
    setting("rules", "campaign.rules.excluded_identities", &[], "list"),
    setting("publicity", "campaign.publicity.start", &["开始"], "date"),
    setting("publicity", "campaign.publicity.end", &["结束"], "date"),
    setting("publicity", "campaign.publicity.phone", &["电话"], "text"),
    setting("publicity", "campaign.publicity.email", &["邮箱"], "text"),
    setting("publicity", "campaign.publicity.address", &["地址"], "text"),
    setting("publicity", "campaign.publicity.signed", &["落款"], "text"),
    setting("publicity", "campaign.publicity.date", &["日期"], "date"),
    setting("publicity", "public_contacts", &["公开联系方式"], "list"),
    setting("footer", "footer.organizers", &["主办"], "text"),
    setting("footer", "footer.undertaker", &["承办"], "text"),
    setting("footer", "footer.icp", &["ICP备案号"], "text"),
    setting("footer", "footer.police", &["公安备案号"], "text"),
    setting("footer", "footer.site_code", &["网站标识码"], "text"),
    setting("footer", "footer.contact", &["联系我们"], "text"),
    setting("footer", "footer.ipv6", &[], "bool"),
    setting("deploy", "deploy", &[], "targets"),
];

/// The keys of one deploy target the form shows, with their kinds. No secret is among
/// them: credentials come from the environment (or the page of a deploy), never site.yaml.
pub const TARGET_PARTS: &[(&str, &str)] = &[
    ("name", "text"),
    ("kind", "choice"),
    ("endpoint", "text"),
    ("bucket", "text"),
    ("region", "text"),
    ("prefix", "text"),
    ("path_style", "bool"),
    ("path", "text"),
    ("max_deletes", "number"),
];

/// The values a choice of `key` may take.
fn choices(key: &str) -> &'static [&'static str] {
    match key {
        "campaign.phase" => &["publicity", "showcase"],
        "campaign.round" => &["none", "selection"],
        "campaign.order" => &["pinyin", "strokes", "manual"],
        "kind" => &["s3", "folder"],
        _ => &[],
    }
}

/// The file a setting is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    /// site.yaml.
    Site,
    /// The newest year's own campaign.yaml (its top is site.yaml's `campaign:`).
    YearCampaign,
}

impl Setting {
    /// Its keys from the top of site.yaml.
    fn path(&self) -> Vec<&'static str> {
        self.key.split('.').collect()
    }

    /// Where it is written when the newest year has (`year_file`) or has not its own
    /// campaign.yaml.
    fn home(&self, year_file: bool) -> Home {
        match year_file && self.key.starts_with("campaign.") {
            true => Home::YearCampaign,
            false => Home::Site,
        }
    }

    /// Its keys from the top of the file it is written in.
    fn path_in(&self, home: Home) -> Vec<&'static str> {
        let path = self.path();
        match home {
            Home::Site => path,
            Home::YearCampaign => path[1..].to_vec(),
        }
    }

    /// Its value in the parsed `document` of its file, under whichever spelling it has.
    fn value_in(&self, document: &Value, home: Home) -> Value {
        let path = self.path_in(home);
        let (last, parents) = path.split_last().expect("a key");
        let parent = parents.iter().try_fold(document, |v, key| v.get(*key));
        std::iter::once(last)
            .chain(self.aliases)
            .find_map(|key| parent.and_then(|p| p.get(*key)).cloned())
            .unwrap_or(Value::Null)
    }

    /// Whether `path` (keys from the top of its file) is this setting's.
    fn is_at(&self, path: &[String], home: Home) -> bool {
        let own = self.path_in(home);
        let (last, parents) = own.split_last().expect("a key");
        path.len() == own.len()
            && parents.iter().zip(path).all(|(a, b)| a == b)
            && path
                .last()
                .is_some_and(|key| key == last || self.aliases.contains(&key.as_str()))
    }
}

/// A label and the value site.yaml is given for it.
#[derive(Debug, Serialize)]
struct Choice {
    value: &'static str,
    label: String,
}

fn choice_views(key: &str) -> Vec<Choice> {
    choices(key)
        .iter()
        .map(|value| Choice {
            value,
            label: crate::tr!("studio-setting-choice", value = *value),
        })
        .collect()
}

/// One setting as the page shows it.
#[derive(Debug, Serialize)]
struct SettingView {
    key: &'static str,
    section: &'static str,
    label: String,
    kind: &'static str,
    choices: Vec<Choice>,
    value: Value,
}

/// A part of a deploy target as the page shows it.
#[derive(Debug, Serialize)]
struct PartView {
    key: &'static str,
    label: String,
    kind: &'static str,
    choices: Vec<Choice>,
}

/// The label of `key` (dotted) in the process's language.
fn label(key: &str) -> String {
    crate::tr!("studio-setting", key = key.replace('.', "_"))
}

/// The files the form edits: site.yaml, and the newest year's own campaign.yaml if it has one.
struct Files {
    site: PathBuf,
    year_campaign: Option<(u32, PathBuf)>,
}

impl Files {
    fn of(root: &Path) -> Files {
        let site = root.join(crate::layout::SITE_CONFIG);
        let newest = crate::years::newest(root);
        let year_campaign = newest
            .map(|year| (year, crate::layout::year_campaign_file(root, year)))
            .filter(|(_, file)| file.is_file());
        Files {
            site,
            year_campaign,
        }
    }

    /// The file of `home`.
    fn path(&self, home: Home) -> &Path {
        match (&self.year_campaign, home) {
            (Some((_, file)), Home::YearCampaign) => file,
            _ => &self.site,
        }
    }
}

/// `GET /api/settings`: site.yaml's text and version (and the year's campaign.yaml's, when it
/// has one), and the form's settings with their values.
pub fn open(root: &Path) -> Answer {
    let files = Files::of(root);
    let year_file = files.year_campaign.is_some();
    let source = save::read(root, &files.site);
    let campaign_source = files
        .year_campaign
        .as_ref()
        .map(|(_, file)| save::read(root, file));
    let parse = |text: &str| serde_yaml::from_str(text).unwrap_or(Value::Null);
    let documents = [
        parse(&source.text),
        parse(campaign_source.as_ref().map_or("", |c| &c.text)),
    ];
    let settings: Vec<SettingView> = SETTINGS
        .iter()
        .map(|s| {
            let home = s.home(year_file);
            SettingView {
                key: s.key,
                section: s.section,
                label: label(s.key),
                kind: s.kind,
                choices: choice_views(s.key),
                value: s.value_in(&documents[home as usize], home),
            }
        })
        .collect();
    Answer::json(&serde_json::json!({
        "source": source,
        "campaign_source": campaign_source,
        "sections": sections(),
        "settings": settings,
        "target_parts": target_parts(),
        "target_label": label("deploy"),
    }))
}

/// The form's sections, in order, with their names.
fn sections() -> Vec<serde_json::Value> {
    let mut ids: Vec<&str> = SETTINGS.iter().map(|s| s.section).collect();
    ids.dedup();
    ids.into_iter()
        .map(|id| {
            let label = crate::tr!("studio-setting-section", section = id);
            serde_json::json!({ "id": id, "label": label })
        })
        .collect()
}

/// The parts of a deploy target as the page shows them.
fn target_parts() -> Vec<PartView> {
    TARGET_PARTS
        .iter()
        .map(|(key, kind)| PartView {
            key,
            label: label(&format!("deploy.{key}")),
            kind,
            choices: choice_views(key),
        })
        .collect()
}

/// `text` (the file of `home`) with the form's `values` (by dotted key) of that file set where
/// they differ from the text's; `year_file` says whether the year has its own campaign.yaml.
/// Keys the form does not have are refused.
pub fn apply(
    text: &str,
    values: &BTreeMap<String, Value>,
    home: Home,
    year_file: bool,
) -> Result<String, String> {
    let document: Value = serde_yaml::from_str(text).unwrap_or(Value::Null);
    let mut edited = Document::new(text);
    for (key, value) in values {
        let Some(setting) = SETTINGS.iter().find(|s| s.key == key) else {
            return Err(key.clone());
        };
        let value = tidied(value);
        if setting.home(year_file) == home && !same(&setting.value_in(&document, home), &value) {
            edited.set_path(&setting.path_in(home), setting.aliases, &value);
        }
    }
    Ok(edited.text())
}

/// What the form sends to check or save: the versions of the files as it read them, its values.
#[derive(Debug, Deserialize)]
struct Form {
    #[serde(default)]
    version: String,
    #[serde(default)]
    campaign_version: String,
    values: BTreeMap<String, Value>,
}

/// The texts of the form's files with the form of `body` applied: site.yaml's, and the year's
/// campaign.yaml's when it has one.
struct Applied {
    form: Form,
    files: Files,
    site: String,
    year_campaign: Option<String>,
}

/// The form of `body` applied to its files, or the answer saying why not.
fn applied(root: &Path, body: &[u8]) -> Result<Applied, Answer> {
    let form: Form = serde_json::from_slice(body).map_err(|_| save::bad_request())?;
    let files = Files::of(root);
    let year_file = files.year_campaign.is_some();
    let edit = |home: Home| {
        let current = std::fs::read_to_string(files.path(home)).unwrap_or_default();
        apply(&current, &form.values, home, year_file).map_err(|key| {
            let said = crate::tr!("studio-unknown-field", key = key);
            Answer::json_status(400, &save::error(&said))
        })
    };
    let site = edit(Home::Site)?;
    let year_campaign = year_file.then(|| edit(Home::YearCampaign)).transpose()?;
    Ok(Applied {
        form,
        files,
        site,
        year_campaign,
    })
}

/// `POST /api/settings`: the form's values written into site.yaml and the year's campaign.yaml
/// (409, and nothing written, when either changed on disk since the form read it).
pub fn save(root: &Path, body: &[u8]) -> Answer {
    let applied = match applied(root, body) {
        Ok(applied) => applied,
        Err(refusal) => return refusal,
    };
    let campaign_file = applied.files.path(Home::YearCampaign);
    let writes = [
        (
            applied.files.site.as_path(),
            Some(&applied.site),
            &applied.form.version,
        ),
        (
            campaign_file,
            applied.year_campaign.as_ref(),
            &applied.form.campaign_version,
        ),
    ];
    // Both versions first, so that a conflict in the second file leaves the first unwritten.
    for (path, text, expected) in &writes {
        let Some(text) = text else { continue };
        if save::version(std::fs::read(path).ok().as_deref()) != **expected {
            return save::answer(save::write_checked(root, path, text, expected));
        }
    }
    let mut written = Vec::new();
    for (path, text, expected) in writes {
        if let Some(text) = text {
            match save::write_checked(root, path, text, expected) {
                Ok(source) => written.push(source),
                Err(conflict) => return conflict,
            }
        }
    }
    let mut written = written.into_iter();
    Answer::json(&serde_json::json!({
        "source": written.next(),
        "campaign_source": written.next(),
    }))
}

/// `POST /api/settings/check`: what the library finds in site.yaml (and the year's
/// campaign.yaml) with the form's unsaved values (their errors, else check's findings about
/// them), each at its setting.
pub fn validate(root: &Path, body: &[u8]) -> Answer {
    let applied = match applied(root, body) {
        Ok(applied) => applied,
        Err(refusal) => return refusal,
    };
    let year = applied.files.year_campaign.as_ref().map(|(year, _)| *year);
    let config = SiteConfig::parse(&applied.site, &applied.files.site).and_then(|config| {
        match (year, &applied.year_campaign) {
            (Some(year), Some(text)) => config.for_year_with(year, text),
            _ => Ok(config),
        }
    });
    let found = match config {
        Ok(config) => check::site_config_findings(&config, root),
        Err(problems) => check::Report::of_broken_config(&problems).findings,
    };
    let found = found.into_iter().map(|f| f.relative_to(root)).collect();
    let site = Document::new(&applied.site);
    let campaign = Document::new(applied.year_campaign.as_deref().unwrap_or(""));
    let campaign_file = applied.files.path(Home::YearCampaign);
    let campaign_rel = campaign_file.strip_prefix(root).unwrap_or(campaign_file);
    super::nominee::at_fields(found, |finding| {
        let home = match applied.year_campaign.is_some() && finding.place.file == campaign_rel {
            true => Home::YearCampaign,
            false => Home::Site,
        };
        let document = if home == Home::Site { &site } else { &campaign };
        setting_of(finding, document, home)
    })
}

/// The setting a finding is about: the one its message names (`campaign.publicity.start`,
/// `（base_url）`), else the one at its line of its file (`home`), else the one holding its line
/// (a deploy target's key).
fn setting_of(finding: &Finding, document: &Document, home: Home) -> Option<&'static str> {
    let path = finding
        .place
        .line
        .map(|line| document.path_at(line))
        .unwrap_or_default();
    let text = finding.text();
    let named = |s: &&Setting| {
        let last = s.key.rsplit('.').next().unwrap_or(s.key);
        text.contains(s.key) || text.contains(&format!("（{last}）"))
    };
    let holding = |s: &&Setting| {
        let own = s.path_in(home);
        !path.is_empty() && path.len() >= own.len() && own.iter().zip(&path).all(|(a, b)| a == b)
    };
    let of_home = |s: &&Setting| home == Home::Site || s.key.starts_with("campaign.");
    SETTINGS
        .iter()
        .filter(named)
        .max_by_key(|s| s.key.len())
        .or_else(|| {
            SETTINGS
                .iter()
                .filter(of_home)
                .find(|s| s.is_at(&path, home))
        })
        .or_else(|| SETTINGS.iter().filter(of_home).find(holding))
        .map(|s| s.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_settings_that_changed_are_written_and_comments_stay() {
        let text = "# 本届评选\ntitle: 最美   # 网站名称\ncampaign:\n  rules:\n    quotas:\n      county: 2   # 每县\n";
        let values: BTreeMap<String, Value> = serde_yaml::from_str(
            "{title: 最美, campaign.rules.quotas.county: 3, footer.icp: '', campaign.year: null}",
        )
        .unwrap();
        let edited = apply(text, &values, Home::Site, false).unwrap();
        assert_eq!(
            edited,
            text.replace("county: 2   # 每县", "county: 3 # 每县")
        );
        let unknown: BTreeMap<String, Value> = serde_yaml::from_str("{secret: x}").unwrap();
        assert_eq!(
            apply(text, &unknown, Home::Site, false),
            Err("secret".to_string())
        );
    }
}
