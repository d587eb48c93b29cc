//! The 设置 screen: site.yaml as a form. Its settings are the keys of the written config
//! ([`crate::config`]'s `written` layer) an editor sets — the site, the campaign, its rules and
//! quotas, the 公示, the footer, the deploy targets (never a secret: those come from the
//! environment) — each with a kind the page makes its input from. The form's values are
//! applied to site.yaml's text by [`crate::yaml::edit`] (only the keys whose values changed,
//! comments and order kept), checked by the library's own reading of site.yaml (its errors
//! and check's findings about it, each at its setting), and saved through [`super::save`].

use super::profile::{same, tidied};
use super::{save, Answer};
use crate::check::{self, Finding};
use crate::config::SiteConfig;
use crate::yaml::{edit::Document, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

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

impl Setting {
    /// Its keys from the top.
    fn path(&self) -> Vec<&'static str> {
        self.key.split('.').collect()
    }

    /// Its value in the parsed site.yaml `document`, under whichever spelling it has.
    fn value_in(&self, document: &Value) -> Value {
        let path = self.path();
        let (last, parents) = path.split_last().expect("a key");
        let parent = parents.iter().try_fold(document, |v, key| v.get(*key));
        std::iter::once(last)
            .chain(self.aliases)
            .find_map(|key| parent.and_then(|p| p.get(*key)).cloned())
            .unwrap_or(Value::Null)
    }

    /// Whether `path` (keys from the top) is this setting's.
    fn is_at(&self, path: &[String]) -> bool {
        let own = self.path();
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

/// `GET /api/settings`: site.yaml's text and version, and the form's settings with their
/// values.
pub fn open(root: &Path) -> Answer {
    let source = save::read(root, &root.join(crate::layout::SITE_CONFIG));
    let document: Value = serde_yaml::from_str(&source.text).unwrap_or(Value::Null);
    let settings: Vec<SettingView> = SETTINGS
        .iter()
        .map(|s| SettingView {
            key: s.key,
            section: s.section,
            label: label(s.key),
            kind: s.kind,
            choices: choice_views(s.key),
            value: s.value_in(&document),
        })
        .collect();
    let parts: Vec<PartView> = TARGET_PARTS
        .iter()
        .map(|(key, kind)| PartView {
            key,
            label: label(&format!("deploy.{key}")),
            kind,
            choices: choice_views(key),
        })
        .collect();
    let mut sections: Vec<&str> = SETTINGS.iter().map(|s| s.section).collect();
    sections.dedup();
    let sections: Vec<serde_json::Value> = sections
        .into_iter()
        .map(|id| {
            let label = crate::tr!("studio-setting-section", section = id);
            serde_json::json!({ "id": id, "label": label })
        })
        .collect();
    // In a site of several years, the newest year's own campaign.yaml (if it has one) holds
    // its campaign: the page says so.
    let campaign = crate::layout::campaign_file(root, crate::years::newest(root));
    let year_campaign = (campaign != root.join(crate::layout::SITE_CONFIG))
        .then(|| save::relative(root, &campaign));
    Answer::json(&serde_json::json!({
        "source": source,
        "year_campaign": year_campaign,
        "sections": sections,
        "settings": settings,
        "target_parts": parts,
        "target_label": label("deploy"),
    }))
}

/// `text` (a site.yaml) with the form's `values` (by dotted key) set where they differ from
/// the text's. Keys the form does not have are refused.
pub fn apply(text: &str, values: &BTreeMap<String, Value>) -> Result<String, String> {
    let document: Value = serde_yaml::from_str(text).unwrap_or(Value::Null);
    let mut edited = Document::new(text);
    for (key, value) in values {
        let Some(setting) = SETTINGS.iter().find(|s| s.key == key) else {
            return Err(key.clone());
        };
        let value = tidied(value);
        if !same(&setting.value_in(&document), &value) {
            edited.set_path(&setting.path(), setting.aliases, &value);
        }
    }
    Ok(edited.text())
}

/// What the form sends to check or save: site.yaml's version as it read it, its values.
#[derive(Debug, Deserialize)]
struct Form {
    #[serde(default)]
    version: String,
    values: BTreeMap<String, Value>,
}

/// site.yaml's text with the form of `body` applied, or the answer saying why not.
fn applied(root: &Path, body: &[u8]) -> Result<(Form, String), Answer> {
    let form: Form = serde_json::from_slice(body).map_err(|_| save::bad_request())?;
    let current =
        std::fs::read_to_string(root.join(crate::layout::SITE_CONFIG)).unwrap_or_default();
    let text = apply(&current, &form.values).map_err(|key| {
        let said = crate::tr!("studio-unknown-field", key = key);
        Answer::json_status(400, &save::error(&said))
    })?;
    Ok((form, text))
}

/// `POST /api/settings`: the form's values written into site.yaml (409 when it changed on
/// disk since the form read it).
pub fn save(root: &Path, body: &[u8]) -> Answer {
    let (form, text) = match applied(root, body) {
        Ok(applied) => applied,
        Err(refusal) => return refusal,
    };
    let path = root.join(crate::layout::SITE_CONFIG);
    save::answer(save::write_checked(root, &path, &text, &form.version))
}

/// `POST /api/settings/check`: what the library finds in site.yaml with the form's unsaved
/// values (its errors, else check's findings about it), each at its setting.
pub fn validate(root: &Path, body: &[u8]) -> Answer {
    let text = match applied(root, body) {
        Ok((_, text)) => text,
        Err(refusal) => return refusal,
    };
    let file = root.join(crate::layout::SITE_CONFIG);
    let found = match SiteConfig::parse(&text, &file) {
        Ok(config) => check::site_config_findings(&config, root),
        Err(problems) => check::Report::of_broken_config(&problems).findings,
    };
    let document = Document::new(&text);
    let found = found.into_iter().map(|f| f.relative_to(root)).collect();
    super::nominee::at_fields(found, |finding| setting_of(finding, &document))
}

/// The setting a finding is about: the one its message names (`campaign.publicity.start`,
/// `（base_url）`), else the one at its line of site.yaml, else the one holding its line (a
/// deploy target's key).
fn setting_of(finding: &Finding, document: &Document) -> Option<&'static str> {
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
        let own = s.path();
        !path.is_empty() && path.len() >= own.len() && own.iter().zip(&path).all(|(a, b)| a == b)
    };
    SETTINGS
        .iter()
        .filter(named)
        .max_by_key(|s| s.key.len())
        .or_else(|| SETTINGS.iter().find(|s| s.is_at(&path)))
        .or_else(|| SETTINGS.iter().find(holding))
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
        let edited = apply(text, &values).unwrap();
        assert_eq!(
            edited,
            text.replace("county: 2   # 每县", "county: 3 # 每县")
        );
        let unknown: BTreeMap<String, Value> = serde_yaml::from_str("{secret: x}").unwrap();
        assert_eq!(apply(text, &unknown), Err("secret".to_string()));
    }
}
