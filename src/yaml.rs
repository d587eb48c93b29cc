//! The one place that parses YAML (site.yaml, profile.yaml, page front matter).
//!
//! Backed by `yaml_serde`, the maintained continuation of the archived `serde_yaml` (same API).
//! It is kept behind this module so the rest of laurel only sees [`Diagnostic`]s that name the
//! file, line and column, with a "did you mean" hint for misspelt keys.

use crate::diagnostics::Diagnostic;
use crate::i18n::Said;
use crate::{said, tr};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::path::Path;

pub mod edit;

/// A YAML value of any shape, for fields laurel keeps without interpreting (e.g. `private:`).
pub type Value = serde_yaml::Value;

/// Parses `text` (the contents of `file`) into `T`. A UTF-8 BOM and CRLF line ends are accepted.
pub fn parse<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(slip) = typing_slip(text, file) {
        return Err(slip);
    }
    serde_yaml::from_str(text).map_err(|err| {
        let found = to_diagnostic(&err, text, file);
        // A quote left open is reported by the parser where it gives up, often many lines
        // later: point at the line that opened it.
        match (unclosed_quote_line(text), found.line) {
            (Some(line), Some(reported)) if line <= reported => {
                Diagnostic::said(file, said!("yaml-unclosed-quote"))
                    .at_line(Some(line))
                    .rule(crate::finding::Rule::Yaml)
            }
            _ => found,
        }
    })
}

/// Typing slips an editor makes that YAML reports far away or not at all, at their own line:
/// a tab in the indentation, and a full-width colon 「：」 after a key (which YAML would read
/// as part of the previous value).
fn typing_slip(text: &str, file: &Path) -> Option<Diagnostic> {
    let mut block_indent: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim_start();
        match block_indent {
            Some(block) if content.is_empty() || indent > block => continue,
            _ => block_indent = None,
        }
        let slip = |said: Said| {
            Some(
                Diagnostic::said(file, said)
                    .at(i + 1, indent + 1)
                    .rule(crate::finding::Rule::Yaml),
            )
        };
        if line[indent..].starts_with('\t') {
            return slip(said!("yaml-tab"));
        }
        let item = content.strip_prefix("- ").unwrap_or(content);
        if let Some((key, value)) = item.split_once('：') {
            let key_like = !key.is_empty()
                && key.chars().count() <= 20
                && !key.contains([':', ' ', '"', '\'', '#']);
            if key_like {
                let fixed = format!("{key}: {}", value.trim_start());
                return slip(said!("yaml-full-width-colon", key = key, fixed = fixed));
            }
        }
        let value = item.split_once(": ").map_or("", |(_, v)| v.trim());
        if ["|", ">", "|-", ">-", "|+", ">+"].contains(&value) {
            block_indent = Some(indent);
        }
    }
    None
}

/// The 1-based line of the first value that opens a quote and does not close it on its line.
fn unclosed_quote_line(text: &str) -> Option<usize> {
    text.lines().enumerate().find_map(|(i, line)| {
        let content = line.trim_start().trim_start_matches("- ");
        let value = content.split_once(": ").map_or(content, |(_, v)| v).trim();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let closes = value.len() > 1 && value[1..].contains(quote);
        (!closes).then_some(i + 1)
    })
}

fn to_diagnostic(err: &serde_yaml::Error, text: &str, file: &Path) -> Diagnostic {
    let full = err.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    let (path, what) = split_path(message);
    let diagnostic = Diagnostic::said(file, serde_said(path, what));
    let diagnostic = match (duplicate_line(what, text), err.location()) {
        // serde reports a duplicate key at the start of the mapping; point at the second one.
        (Some(line), _) => diagnostic.at_line(Some(line)),
        (None, Some(loc)) => diagnostic.at(loc.line(), loc.column()),
        (None, None) => diagnostic,
    };
    diagnostic.rule(crate::finding::Rule::Yaml)
}

/// serde_yaml's `photos[0].file: what` as the path (empty at the top) and the what.
fn split_path(message: &str) -> (&str, &str) {
    match message.split_once(": ") {
        Some((path, what)) if !path.is_empty() && !path.contains([' ', '`']) => (path, what),
        _ => ("", message),
    }
}

/// What serde_yaml said at `path`, in laurel's words: unknown and missing keys, wrong
/// types and laurel's own value checks are worded here; the parser's syntax errors are
/// quoted as it gives them.
fn serde_said(path: &str, what: &str) -> Said {
    let place = match path {
        "" => String::new(),
        path => tr!("yaml-place", path = path),
    };
    if let Some(said) = unknown_said(&place, what) {
        return said;
    }
    if let Some(key) = quoted_after(what, "missing field `") {
        let field = field_label(key);
        return said!(
            "yaml-missing-field",
            place = place,
            field = field,
            key = key
        );
    }
    if let Some(key) = quoted_after(what, "duplicate field `") {
        return said!(
            "yaml-duplicate-field",
            place = place,
            field = field_label(key)
        );
    }
    if let Some(rest) = what.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (found, expected) = (kind_label(found), kind_label(expected));
        return if rest.ends_with("a sequence") {
            said!(
                "yaml-wrong-type-list",
                place = place,
                found = found,
                expected = expected
            )
        } else {
            said!(
                "yaml-wrong-type",
                place = place,
                found = found,
                expected = expected
            )
        };
    }
    if let Some(date) = what.strip_suffix(NOT_A_DATE) {
        return said!(
            "yaml-not-a-date",
            place = place,
            text = date.trim_matches([' ', '`'])
        );
    }
    match what {
        NOT_SINGLE => said!("yaml-not-single", place = place),
        NOT_SINGLES => said!("yaml-not-singles", place = place),
        _ if what.contains("did not find expected") || what.contains("mapping values") => {
            said!("yaml-syntax-layout", place = place, detail = what)
        }
        _ => said!("yaml-syntax", place = place, detail = what),
    }
}

/// An unknown key or value (`unknown field `x`, expected one of `a`, `b``), with the closest
/// known one when there is one close enough.
fn unknown_said(place: &str, what: &str) -> Option<Said> {
    let (is_key, rest) = match what.strip_prefix("unknown field `") {
        Some(rest) => (true, rest),
        None => (false, what.strip_prefix("unknown variant `")?),
    };
    let unknown = &rest[..rest.find('`')?];
    let known: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
    let best = known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), *candidate))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate);
    let list = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(&tr!("list-separator"));
    Some(match (is_key, best) {
        (true, Some(guess)) => said!(
            "yaml-unknown-field-guess",
            place = place,
            key = unknown,
            expected = list,
            guess = field_label(guess),
        ),
        (true, None) => said!(
            "yaml-unknown-field",
            place = place,
            key = unknown,
            expected = list
        ),
        (false, Some(guess)) => said!(
            "yaml-unknown-value-guess",
            place = place,
            value = unknown,
            expected = list,
            guess = guess,
        ),
        (false, None) => {
            said!(
                "yaml-unknown-value",
                place = place,
                value = unknown,
                expected = list
            )
        }
    })
}

/// The text between `prefix` and the next backquote of `message`.
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    Some(&rest[..rest.find('`')?])
}

/// A YAML key as editors know it: `性别（gender）` in Chinese, `` `gender` `` in English.
pub fn field_label(key: &str) -> String {
    tr!("field-label", key = key)
}

/// serde's name of a kind of value (`sequence`, `a string`, `u32`, `struct RawProfile`) in
/// the reader's language.
fn kind_label(serde: &str) -> String {
    let bare = serde.trim_start_matches("a ").trim_start_matches("an ");
    let kind = match bare.split([' ', '`']).next().unwrap_or_default() {
        "sequence" => "list",
        "map" => "map",
        "struct" => "struct",
        "string" | "borrowed" | "char" => "text",
        "integer" | "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            "integer"
        }
        "floating" | "f32" | "f64" => "number",
        "boolean" => "boolean",
        "unit" => "empty",
        _ => "other",
    };
    tr!("yaml-kind", kind = kind, text = serde)
}

/// For serde's "duplicate field `x`": the line of the second top-level `x:` in `text`.
fn duplicate_line(message: &str, text: &str) -> Option<usize> {
    let key = format!("{}:", quoted_after(message, "duplicate field `")?);
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with(&key))
        .nth(1)
        .map(|(i, _)| i + 1)
}

/// The 1-based line of the first line in `text` that starts a mapping key `key:` (at any
/// indentation) or, failing that, contains `needle`. Used to point semantic errors (a missing
/// photo, an unknown category) at the line the editor must change.
pub fn line_of(text: &str, key: &str, needle: &str) -> Option<usize> {
    let lines = || text.lines().enumerate();
    let key_prefix = format!("{key}:");
    let by_key_and_value = lines().find(|(_, l)| {
        let t = l.trim_start().trim_start_matches("- ");
        t.starts_with(&key_prefix) && (needle.is_empty() || l.contains(needle))
    });
    by_key_and_value
        .or_else(|| lines().find(|(_, l)| !needle.is_empty() && l.contains(needle)))
        .or_else(|| lines().find(|(_, l)| l.trim_start().starts_with(&key_prefix)))
        .map(|(i, _)| i + 1)
}

/// What [`string_like`] tells serde when a value is not a single one (worded by
/// [`serde_said`] as `yaml-not-single`).
const NOT_SINGLE: &str = "expected a single value, not a list or mapping";
/// What [`texts`] tells serde when an item is not a single value (`yaml-not-singles`).
const NOT_SINGLES: &str = "expected a list of single values, not of lists or mappings";

/// What a date's deserializer tells serde after the text it could not read
/// (`yaml-not-a-date`).
pub const NOT_A_DATE: &str = "is not a date: write it as YYYY-MM-DD";

/// Deserializes a scalar of any type (string, number, bool) as its text, so that
/// `birth: 1986` and `birth: "1986-05"` both arrive as strings.
pub fn string_like<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let value = Option::<Value>::deserialize(deserializer)?;
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(_) => Err(serde::de::Error::custom(NOT_SINGLE)),
    }
}

/// The text of a scalar value (`13800000000` and `"13800000000"` alike); lists and mappings
/// are written as YAML on one line.
pub fn scalar_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .replace('\n', "; "),
    }
}

/// Deserializes a list of scalars as their text, so that `[13903185678, kx@example.cn]` reads
/// the number as written.
pub fn texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Vec::<Value>::deserialize(deserializer)?
        .iter()
        .map(|value| match value {
            Value::Sequence(_) | Value::Mapping(_) => Err(serde::de::Error::custom(NOT_SINGLES)),
            scalar => Ok(scalar_text(scalar)),
        })
        .collect()
}

/// Deserializes a list that an editor may also write as a single value
/// (`honors: 一项荣誉` as well as `honors: [一项, 两项]`).
pub fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(deserializer)? {
        None => Vec::new(),
        Some(OneOrMany::One(one)) => vec![one],
        Some(OneOrMany::Many(many)) => many,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Person {
        name: String,
        organization: Option<String>,
    }

    #[test]
    fn unknown_key_names_line_and_suggests_the_closest() {
        let err =
            parse::<Person>("name: 张三\norganisation: 研究院\n", Path::new("p.yaml")).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("organisation"), "{err}");
        assert_eq!(err.hint.as_deref(), Some("did you mean `organization`?"));
    }

    #[test]
    fn a_duplicate_key_points_at_its_second_line() {
        let err = parse::<Person>(
            "name: 张三\norganization: 甲\n\norganization: 乙\n",
            Path::new("p"),
        )
        .unwrap_err();
        assert!(
            err.message.contains("duplicate field `organization`"),
            "{err}"
        );
        assert_eq!(err.line, Some(4));
        assert!(err.hint.as_deref().unwrap().contains("twice"));
    }

    #[test]
    fn bom_and_crlf_load() {
        let p: Person =
            parse("\u{feff}name: 张三\r\norganization: 所\r\n", Path::new("p")).unwrap();
        assert_eq!(p.name, "张三");
        assert_eq!(p.organization.as_deref(), Some("所"));
    }

    #[test]
    fn syntax_error_has_a_location() {
        let err = parse::<Person>("name: [unclosed\n", Path::new("p.yaml")).unwrap_err();
        assert!(err.line.is_some(), "{err}");
    }

    #[test]
    fn typing_slips_are_reported_at_their_own_line() {
        let parse = |text: &str| {
            super::parse::<std::collections::BTreeMap<String, Value>>(text, Path::new("p.yaml"))
                .unwrap_err()
        };
        let colon = parse("name: 王芳\ntitle: 主任医师\nfield：心血管介入治疗\nregion: 桃城区\n");
        assert_eq!(colon.line, Some(3));
        assert!(colon.message.contains("「：」"), "{colon}");
        assert_eq!(
            colon.hint.as_deref(),
            Some("write a half-width colon and a space: `field: 心血管介入治疗`")
        );
        let mut quote = String::from("name: 王芳\nquote: \"把论文写在大地上\n");
        for i in 0..12 {
            quote.push_str(&format!("k{i}: v\n"));
        }
        let quote = parse(&quote);
        assert_eq!(quote.line, Some(2), "{quote}");
        assert!(quote.message.contains("quote"), "{quote}");
        let tab = parse("name: 王芳\nphotos:\n\t- file: a.jpg\n");
        assert_eq!(tab.line, Some(3));
        assert!(tab.message.contains("tab"), "{tab}");
        // A full-width colon inside a block of text is the text's own.
        let fine = "summary: >-\n  他说：育种是接力跑。\nname: 王芳\n";
        assert!(
            super::parse::<std::collections::BTreeMap<String, Value>>(fine, Path::new("p")).is_ok()
        );
    }

    #[test]
    fn line_of_finds_key_then_value() {
        let text = "name: a\nphotos:\n  - file: photos/x.jpg\n  - file: photos/y.jpg\n";
        assert_eq!(line_of(text, "file", "photos/y.jpg"), Some(4));
        assert_eq!(line_of(text, "photos", ""), Some(2));
        assert_eq!(line_of(text, "nothing", ""), None);
    }
}
