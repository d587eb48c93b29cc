//! profile.yaml edited as text, key by key, so that everything an editor wrote around the
//! keys that change stays as it was: comments, key order, blank lines, the other keys'
//! quoting. A top-level key's value (a scalar, a list, a block of text, a mapping) is
//! replaced whole; a scalar's line keeps its trailing comment; a missing key is inserted
//! where the caller says (after a commented-out `# key:` line by default). Keys inside
//! mappings (site.yaml's `campaign.rules.quotas.county`) are set by their path the same way.

use super::Value;

/// A YAML document as lines, for editing top-level keys.
#[derive(Debug, Clone)]
pub struct Document {
    lines: Vec<String>,
    newline: &'static str,
}

impl Document {
    /// The document of `text` (CRLF line ends are kept when the text has them).
    pub fn new(text: &str) -> Document {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Document {
            lines: text.lines().map(str::to_string).collect(),
            newline: if text.contains("\r\n") { "\r\n" } else { "\n" },
        }
    }

    /// The text, ending with a line end.
    pub fn text(&self) -> String {
        let mut out = self.lines.join(self.newline);
        out.push_str(self.newline);
        out
    }

    /// The line of the first top-level key among `keys` (a key and its aliases).
    pub fn find(&self, keys: &[&str]) -> Option<usize> {
        self.find_in(0..self.lines.len(), 0, keys)
    }

    /// The first line of `scope` that is one of `keys` at indentation `indent`.
    fn find_in(
        &self,
        scope: std::ops::Range<usize>,
        indent: usize,
        keys: &[&str],
    ) -> Option<usize> {
        scope.clone().zip(&self.lines[scope]).find_map(|(i, line)| {
            let at_indent = indentation(line) == indent;
            (at_indent && keys.iter().any(|k| top_level_key(&line[indent..], k))).then_some(i)
        })
    }

    /// The path of mapping keys (from the top) of the value that holds the 1-based `line`:
    /// `["campaign", "rules", "quotas", "county"]`. Items of lists add no key.
    pub fn path_at(&self, line: usize) -> Vec<String> {
        let mut path = Vec::new();
        let mut limit = usize::MAX;
        for text in self.lines[..line.min(self.lines.len())].iter().rev() {
            let content = text.trim_start();
            let indent = indentation(text);
            if content.is_empty() || content.starts_with('#') || indent >= limit {
                continue;
            }
            limit = indent;
            let key = content.split_once(':').map(|(k, _)| k.trim());
            match key.filter(|k| !content.starts_with('-') && !k.contains([' ', '"', '\''])) {
                Some(key) => path.push(key.to_string()),
                None if content.starts_with('-') => {}
                None => break,
            }
            if indent == 0 {
                break;
            }
        }
        path.reverse();
        path
    }

    /// Sets the key at `path` (mapping keys from the top; the last also found under one of
    /// `aliases`) to `value`, its line's comment kept. Missing keys are added at the end of
    /// their mapping (a missing top-level key as [`Document::set`] adds it); a mapping
    /// written on one line (`quotas: {county: 2}`) is written again whole, in block style.
    pub fn set_path(&mut self, path: &[&str], aliases: &[&str], value: &Value) {
        let (mut scope, mut indent) = (0..self.lines.len(), 0);
        for (depth, name) in path.iter().enumerate() {
            let last = depth + 1 == path.len();
            let keys: Vec<&str> = match last {
                true => std::iter::once(*name)
                    .chain(aliases.iter().copied())
                    .collect(),
                false => vec![name],
            };
            let Some(at) = self.find_in(scope.clone(), indent, &keys) else {
                let nested = path[depth + 1..]
                    .iter()
                    .rev()
                    .fold(value.clone(), |inner, key| {
                        Value::Mapping([(Value::from(*key), inner)].into_iter().collect())
                    });
                let at = match depth {
                    0 => self.insertion_point(name, &[]),
                    _ => self.content_end(scope),
                };
                self.put(at..at, indent, name, &nested, None);
                return;
            };
            let line = &self.lines[at];
            let colon = line.find(':').expect("a key line holds a colon");
            let after = &line[colon + 1..];
            let (written, comment) = (
                line[indent..colon].trim_end().to_string(),
                trailing_comment(after),
            );
            let end = self.block_end_at(at, indent);
            if last || !is_open(after) {
                let whole = match last {
                    true => value.clone(),
                    false => self.merged(&path[..=depth], &path[depth + 1..], aliases, value),
                };
                self.put(at..end, indent, &written, &whole, comment);
                return;
            }
            indent = self.lines[at + 1..end]
                .iter()
                .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .map_or(indent + 2, |l| indentation(l));
            scope = at + 1..end;
        }
    }

    /// Replaces the lines `range` by `name: value` indented by `indent`, with `comment` after
    /// a value on one line.
    fn put(
        &mut self,
        range: std::ops::Range<usize>,
        indent: usize,
        name: &str,
        value: &Value,
        comment: Option<String>,
    ) {
        let pad = " ".repeat(indent);
        let mut lines: Vec<String> = render(name, value)
            .into_iter()
            .map(|l| format!("{pad}{l}"))
            .collect();
        if let (Some(comment), true) = (comment, lines.len() == 1) {
            lines[0] = format!("{} {comment}", lines[0]);
        }
        self.lines.splice(range, lines);
    }

    /// The value at `parent` (a mapping written on one line) with `rest` set to `value` (its
    /// last key's `aliases` removed).
    fn merged(&self, parent: &[&str], rest: &[&str], aliases: &[&str], value: &Value) -> Value {
        let document: Value = serde_yaml::from_str(&self.text()).unwrap_or(Value::Null);
        let mut whole = parent
            .iter()
            .try_fold(&document, |v, key| v.get(*key))
            .cloned()
            .filter(Value::is_mapping)
            .unwrap_or_else(|| Value::Mapping(Default::default()));
        let mut at = &mut whole;
        for (i, key) in rest.iter().enumerate() {
            let Some(map) = at.as_mapping_mut() else {
                break;
            };
            if i + 1 == rest.len() {
                for alias in aliases {
                    map.remove(*alias);
                }
                map.insert(Value::from(*key), value.clone());
                break;
            }
            let inner = map
                .entry(Value::from(*key))
                .or_insert_with(|| Value::Mapping(Default::default()));
            if !inner.is_mapping() {
                *inner = Value::Mapping(Default::default());
            }
            at = inner;
        }
        whole
    }

    /// The line after the last line of `scope` that is not blank.
    fn content_end(&self, scope: std::ops::Range<usize>) -> usize {
        let start = scope.start;
        scope
            .rev()
            .find(|&i| !self.lines[i].trim().is_empty())
            .map_or(start, |i| i + 1)
    }

    /// The top-level key whose value holds the 1-based `line`.
    pub fn key_at(&self, line: usize) -> Option<String> {
        self.lines[..line.min(self.lines.len())]
            .iter()
            .rev()
            .find(|l| !l.starts_with([' ', '\t', '#', '-']) && l.contains(':'))
            .and_then(|l| l.split(':').next())
            .map(|key| key.trim().to_string())
    }

    /// Where a missing `key` goes: after a commented-out `# key:` line, else before the first
    /// of the top-level keys `before`, else at the end.
    pub fn insertion_point(&self, key: &str, before: &[&str]) -> usize {
        let prefix = format!("{key}:");
        let commented = self.lines.iter().position(|l| {
            l.starts_with('#') && l.trim_start_matches('#').trim_start().starts_with(&prefix)
        });
        commented
            .map(|i| i + 1)
            .or_else(|| self.find(before))
            .unwrap_or(self.lines.len())
    }

    /// Sets the top-level key (the first of `keys` found, else `keys[0]` inserted at
    /// `missing_at`, else at [`Document::insertion_point`]) to `value`. Returns the key's line.
    pub fn set(&mut self, keys: &[&str], value: &Value, missing_at: Option<usize>) -> usize {
        let (at, name, comment, end) = match self.find(keys) {
            Some(i) => {
                let line = &self.lines[i];
                let colon = line.find(':').expect("a key line holds a colon");
                let name = line[..colon].trim_end().to_string();
                (
                    i,
                    name,
                    trailing_comment(&line[colon + 1..]),
                    self.block_end(i),
                )
            }
            None => {
                let at = missing_at.unwrap_or_else(|| self.insertion_point(keys[0], &[]));
                (at, keys[0].to_string(), None, at)
            }
        };
        let mut lines = render(&name, value);
        if let (Some(comment), true) = (comment, lines.len() == 1) {
            lines[0] = format!("{} {comment}", lines[0]);
        }
        self.lines.splice(at..end, lines);
        at
    }

    /// The line after the value of the top-level key at line `at`.
    fn block_end(&self, at: usize) -> usize {
        self.block_end_at(at, 0)
    }

    /// The line after the value of the key at line `at`, indented by `indent`: its lines
    /// indented further and its list items, without the blank lines that end it.
    fn block_end_at(&self, at: usize, indent: usize) -> usize {
        let mut end = at + 1;
        let mut last = at + 1;
        while end < self.lines.len() {
            let line = &self.lines[end];
            if line.trim().is_empty() {
                end += 1;
                continue;
            }
            let rest = &line[indentation(line).min(indent)..];
            let item = rest.starts_with("- ") || rest == "-";
            if !(indentation(line) > indent || (indentation(line) == indent && item)) {
                break;
            }
            end += 1;
            last = end;
        }
        last
    }
}

/// The number of spaces (and tabs) a line starts with.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// Whether the text after a key's colon leaves its value to the lines below (nothing but a
/// comment), so that keys inside it have their own lines.
fn is_open(after_colon: &str) -> bool {
    let value = after_colon.trim();
    value.is_empty() || value.starts_with('#')
}

/// Whether `line` is the top-level mapping key `key:`.
fn top_level_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// The ` # comment` after a value on its line (not a `#` inside quotes), from `#` on.
fn trailing_comment(after_colon: &str) -> Option<String> {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in after_colon.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if previous == ' ' || previous == '\t' => {
                return Some(after_colon[i..].trim_end().to_string())
            }
            _ => {}
        }
        previous = c;
    }
    None
}

/// The lines of `key: value`, in block style.
fn render(key: &str, value: &Value) -> Vec<String> {
    match value {
        Value::Null => vec![format!("{key}:")],
        Value::String(text) if text.trim_end_matches('\n').contains('\n') => {
            block_text(key, text.trim_end_matches('\n'))
        }
        Value::Sequence(items) if items.is_empty() => vec![format!("{key}: []")],
        Value::Sequence(items) if items.iter().all(is_scalar) => {
            let mut lines = vec![format!("{key}:")];
            lines.extend(items.iter().map(|item| format!("  - {}", scalar(item))));
            lines
        }
        Value::Mapping(map) if map.is_empty() => vec![format!("{key}: {{}}")],
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => {
            let nested = serde_yaml::to_string(value).unwrap_or_default();
            let mut lines = vec![format!("{key}:")];
            lines.extend(nested.lines().map(|l| format!("  {l}")));
            lines
        }
        scalar_value => vec![format!("{key}: {}", scalar(scalar_value))],
    }
}

/// A multi-line text as a literal block (`|-`), or quoted when a literal block cannot hold it.
fn block_text(key: &str, text: &str) -> Vec<String> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.starts_with([' ', '\t']) || text.contains('\t') || text.contains('\r') {
        return vec![format!("{key}: {}", quoted(text))];
    }
    let mut lines = vec![format!("{key}: |-")];
    lines.extend(text.lines().map(|l| match l.trim_end().is_empty() {
        true => String::new(),
        false => format!("  {}", l.trim_end()),
    }));
    lines
}

fn is_scalar(value: &Value) -> bool {
    !matches!(
        value,
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_)
    )
}

/// A scalar as YAML writes it on one line: plain when YAML reads it back as the same value,
/// else double-quoted.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => {
            let reads_back = serde_yaml::from_str::<Value>(&format!("k: {text}"))
                .ok()
                .and_then(|v| v.get("k").cloned());
            let plain = !text.is_empty()
                && !text.contains(['\n', '#', '\''])
                && text.trim() == text
                && reads_back.as_ref() == Some(value);
            match plain {
                true => text.clone(),
                false => quoted(text),
            }
        }
        other => super::scalar_text(other),
    }
}

/// A text double-quoted (JSON's escapes are YAML's).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str, key: &str, value: Value) -> String {
        let mut doc = Document::new(text);
        doc.set(&[key], &value, None);
        doc.text()
    }

    fn parsed(text: &str, key: &str) -> Value {
        serde_yaml::from_str::<Value>(text).unwrap()[key].clone()
    }

    const PROFILE: &str = "# 张三 的基本信息。\nname: 张三\n# gender: 女   # 性别\n\
organization: 请填写工作单位   # 全称\nhonors: []                 # 例如\nsummary: >-\n  请填写简要事迹。\n  第二行。\n\n\
# portrait: photos/张三0.jpg\nprivate:\n  phone: \"13800000000\"\nquote: 一句话\n";

    #[test]
    fn a_scalar_keeps_its_comment_and_every_other_line_stays() {
        let edited = set(PROFILE, "organization", "市农科院".into());
        assert_eq!(
            edited,
            PROFILE.replace(
                "organization: 请填写工作单位   # 全称",
                "organization: 市农科院 # 全称"
            )
        );
        let gender = set(PROFILE, "gender", "女".into());
        assert!(
            gender.contains("# gender: 女   # 性别\ngender: 女\norganization"),
            "{gender}"
        );
    }

    #[test]
    fn lists_blocks_and_mappings_are_replaced_whole() {
        let honors: Value =
            serde_yaml::from_str("[2019年 省科技进步三等奖, \"全国劳模: 2020\"]").unwrap();
        let edited = set(PROFILE, "honors", honors.clone());
        assert_eq!(parsed(&edited, "honors"), honors);
        assert!(
            edited.contains(
                "honors:\n  - 2019年 省科技进步三等奖\n  - \"全国劳模: 2020\"\nsummary: >-"
            ),
            "{edited}"
        );
        let summary = set(&edited, "summary", "第一段。\n\n第二段。".into());
        assert!(
            summary.contains("summary: |-\n  第一段。\n\n  第二段。\n\n# portrait"),
            "{summary}"
        );
        assert_eq!(
            parsed(&summary, "summary"),
            Value::from("第一段。\n\n第二段。")
        );
        let private: Value =
            serde_yaml::from_str("{phone: '13900000000', id_card: '110'}").unwrap();
        let both = set(&summary, "private", private.clone());
        assert_eq!(parsed(&both, "private"), private);
        assert_eq!(parsed(&both, "quote"), Value::from("一句话"));
        assert_eq!(parsed(&both, "honors"), honors);
        let emptied = set(&both, "honors", Value::Sequence(Vec::new()));
        assert!(emptied.contains("honors: []\nsummary"), "{emptied}");
    }

    #[test]
    fn texts_yaml_would_read_otherwise_are_quoted() {
        for text in [
            "true",
            "123",
            "2020-01-01",
            "a: b",
            "- x",
            "it's",
            "",
            " x",
            "null",
            "# no",
        ] {
            let edited = set("name: x\n", "quote", text.into());
            assert_eq!(parsed(&edited, "quote"), Value::from(text), "{edited}");
        }
        assert_eq!(
            set("name: x\n", "birth", "1985-01".into()),
            "name: x\nbirth: 1985-01\n"
        );
        assert_eq!(
            set("a: 1\r\nb: 2\r\n", "a", "3".into()),
            "a: \"3\"\r\nb: 2\r\n"
        );
    }

    #[test]
    fn a_line_belongs_to_the_key_above_it() {
        let doc = Document::new(PROFILE);
        assert_eq!(doc.key_at(2).as_deref(), Some("name"));
        assert_eq!(doc.key_at(7).as_deref(), Some("summary"));
        assert_eq!(doc.key_at(1), None);
    }

    const SITE: &str = "title: 最美   # 网站名称\ncampaign:\n  year: 2022\n  rules:\n    # 名额\n    quotas:\n      county: 2   # 每个县市区\n      society: 1\n    young_age: 45\n\n# 页脚\nfooter: {icp: 冀ICP备1号}\n";

    fn set_at(text: &str, path: &[&str], value: Value) -> String {
        let mut doc = Document::new(text);
        doc.set_path(path, &[], &value);
        doc.text()
    }

    #[test]
    fn a_key_inside_mappings_is_set_in_place_and_missing_ones_are_added_to_their_mapping() {
        let county = set_at(
            SITE,
            &["campaign", "rules", "quotas", "county"],
            Value::from(3),
        );
        assert_eq!(
            county,
            SITE.replace("county: 2   # 每个县市区", "county: 3 # 每个县市区")
        );
        let university = set_at(
            SITE,
            &["campaign", "rules", "quotas", "university"],
            Value::from(1),
        );
        assert!(
            university.contains("      society: 1\n      university: 1\n    young_age: 45\n"),
            "{university}"
        );
        let share = set_at(
            SITE,
            &["campaign", "rules", "young_share"],
            Value::from(0.3),
        );
        assert!(
            share.contains("    young_age: 45\n    young_share: 0.3\n\n# 页脚"),
            "{share}"
        );
        let start = set_at(
            SITE,
            &["campaign", "publicity", "start"],
            Value::from("2022-05-01"),
        );
        assert!(
            start.contains("    young_age: 45\n  publicity:\n    start: 2022-05-01\n"),
            "{start}"
        );
        let icp = set_at(
            SITE,
            &["footer", "police"],
            Value::from("冀公网安备13110202000123号"),
        );
        assert_eq!(parsed(&icp, "footer")["icp"], Value::from("冀ICP备1号"));
        assert_eq!(
            parsed(&icp, "footer")["police"],
            Value::from("冀公网安备13110202000123号")
        );
        assert!(icp.contains("# 页脚\nfooter:\n  icp:"), "{icp}");
        let new = set_at(
            "title: x\n",
            &["campaign", "rules", "laureates"],
            Value::from(10),
        );
        assert_eq!(new, "title: x\ncampaign:\n  rules:\n    laureates: 10\n");
    }

    #[test]
    fn a_line_has_the_path_of_its_keys() {
        let doc = Document::new(SITE);
        assert_eq!(doc.path_at(7), ["campaign", "rules", "quotas", "county"]);
        assert_eq!(doc.path_at(5), ["campaign", "rules"]);
        assert_eq!(doc.path_at(1), ["title"]);
        let deploy = Document::new("deploy:\n  - name: a\n    kind: s3\n");
        assert_eq!(deploy.path_at(3), ["deploy", "kind"]);
    }

    #[test]
    fn a_list_written_at_the_keys_indentation_is_one_value() {
        let text = "honors:\n- 一\n- 二\nquote: 话\n";
        let edited = set(text, "honors", serde_yaml::from_str("[三]").unwrap());
        assert_eq!(edited, "honors:\n  - 三\nquote: 话\n");
    }
}
