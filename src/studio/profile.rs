//! A nominee's profile.yaml as the studio's form sees it: the fields (with the keys and
//! Chinese aliases profile.yaml accepts), the values the form sends applied to the file's
//! text by [`crate::yaml::edit`] (only the keys whose values changed, comments and order
//! kept), and saving them through [`super::save`].

use super::{save, Answer};
use crate::yaml::{edit::Document, Value};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A field of the form: its key, the aliases profile.yaml may spell it with, its kind.
pub struct Field {
    /// The key laurel writes.
    pub key: &'static str,
    /// The other spellings it reads.
    pub aliases: &'static [&'static str],
    /// `text`, `long`, `month`, `date`, `choice`, `list`, `bool`, `map`, `consent` (the date of
    /// `consent:`'s mapping; its signed form's file is kept as written).
    pub kind: &'static str,
    /// Whether check reports it missing.
    pub required: bool,
}

const fn field(
    key: &'static str,
    aliases: &'static [&'static str],
    kind: &'static str,
    required: bool,
) -> Field {
    Field {
        key,
        aliases,
        kind,
        required,
    }
}

/// The fields of the form, in its order (those of `RawProfile` an editor fills in; photos and
/// videos have their own panel, the rest stay as written).
pub const FIELDS: &[Field] = &[
    field("name", &["姓名", "团队名称"], "text", true),
    field("gender", &["性别"], "choice", true),
    field("birth", &["出生年月"], "month", true),
    field("organization", &["工作单位"], "text", true),
    field("title", &["职称"], "text", false),
    field("position", &["职务"], "text", false),
    field("field", &["专业领域", "领域"], "text", true),
    field("region", &["地区", "县市区"], "text", false),
    field("category", &["类别"], "choice", true),
    field("channel", &["推荐渠道"], "choice", true),
    field("recommender", &["推荐单位"], "text", true),
    field("identity", &["身份"], "text", false),
    field("status", &["评选状态", "状态"], "choice", false),
    field("decided_by", &["决定人"], "text", false),
    field("decided_on", &["决定日期"], "date", false),
    field("province_pick", &["推荐省级"], "bool", false),
    field("consent", &["同意公开"], "consent", false),
    field("honors", &["荣誉"], "list", false),
    field("quote", &["格言", "寄语"], "text", false),
    field("summary", &["简要事迹"], "long", true),
    field("private", &["隐私"], "map", false),
];

/// The value of the field `key` in a parsed profile, under whichever spelling it has.
pub fn value_of(profile: &Value, field: &Field) -> Value {
    std::iter::once(field.key)
        .chain(field.aliases.iter().copied())
        .find_map(|k| profile.get(k).cloned())
        .unwrap_or(Value::Null)
}

/// Whether two values are the same to an editor (`""`, `[]`, `{}` and nothing alike).
pub(super) fn same(a: &Value, b: &Value) -> bool {
    let empty = |v: &Value| match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Sequence(s) => s.is_empty(),
        Value::Mapping(m) => m.is_empty(),
        _ => false,
    };
    let scalars = !matches!(a, Value::Sequence(_) | Value::Mapping(_));
    // `honors: 一项荣誉` is the list of that one.
    let one = |list: &Value, item: &Value| {
        list.as_sequence()
            .is_some_and(|l| l.len() == 1 && &l[0] == item)
    };
    a == b
        || one(a, b)
        || one(b, a)
        || (empty(a) && empty(b))
        || (scalars && crate::yaml::scalar_text(a) == crate::yaml::scalar_text(b))
}

/// A value as a form sends it, tidied: a text without its trailing spaces, an empty one
/// nothing.
pub(super) fn tidied(value: &Value) -> Value {
    match value {
        Value::String(s) if s.trim().is_empty() => Value::Null,
        Value::String(s) => Value::String(s.trim_end().to_string()),
        other => other.clone(),
    }
}

/// `text` (a profile.yaml) with the form's `values` (by key) set where they differ from the
/// text's. Keys the form does not know are refused.
pub fn apply(text: &str, values: &BTreeMap<String, Value>) -> Result<String, String> {
    let profile: Value = serde_yaml::from_str(text).unwrap_or(Value::Null);
    let mut document = Document::new(text);
    for (key, value) in values {
        let Some(field) = FIELDS.iter().find(|f| f.key == key) else {
            return Err(key.clone());
        };
        let value = tidied(value);
        if !same(&value_of(&profile, field), &value) {
            let keys: Vec<&str> = std::iter::once(field.key)
                .chain(field.aliases.iter().copied())
                .collect();
            document.set(&keys, &value, None);
        }
    }
    Ok(document.text())
}

/// What the form sends: the profile, the version it read, the values of its fields.
#[derive(Debug, Deserialize)]
pub struct Form {
    /// The profile.yaml, relative to the site folder.
    pub path: String,
    /// Its version as the form read it.
    pub version: String,
    /// The fields' values, by key.
    pub values: BTreeMap<String, Value>,
}

/// `POST /api/profile`: the form's values written into profile.yaml. A conflict's 「mine」 is
/// the file on disk with the form's changes applied.
pub fn save(root: &Path, body: &[u8]) -> Answer {
    let Ok(form) = serde_json::from_slice::<Form>(body) else {
        return save::bad_request();
    };
    let Some(path) =
        save::writable(root, &form.path).filter(|p| p.ends_with(crate::layout::PROFILE_FILE))
    else {
        return save::not_writable();
    };
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    match apply(&current, &form.values) {
        Ok(text) => save::answer(save::write_checked(root, &path, &text, &form.version)),
        Err(key) => Answer::json_status(
            400,
            &save::error(&crate::tr!("studio-unknown-field", key = key)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_fields_that_changed_are_written_under_their_own_spelling() {
        let text = "姓名: 王芳   # 核对过\n工作单位: 市农科院\nhonors: 一项荣誉\nprivate:\n  phone: \"138\"\n";
        let values: BTreeMap<String, Value> = serde_yaml::from_str(
            "{name: 王芳, organization: 市农业科学院, honors: [一项荣誉], gender: 女, quote: '', private: {phone: '138'}}",
        )
        .unwrap();
        let edited = apply(text, &values).unwrap();
        assert_eq!(
            edited,
            "姓名: 王芳   # 核对过\n工作单位: 市农业科学院\nhonors: 一项荣誉\nprivate:\n  phone: \"138\"\ngender: 女\n"
        );
        let unknown: BTreeMap<String, Value> = serde_yaml::from_str("{photos: []}").unwrap();
        assert_eq!(apply(text, &unknown), Err("photos".to_string()));
    }
}
