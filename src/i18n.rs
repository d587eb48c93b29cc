//! Messages in the reader's language. The sentences laurel says live in Project Fluent files
//! under `locales/<language>/` (embedded in the binary), one set per language: Simplified
//! Chinese (`zh-CN`) and English (`en`). Code names a message by its id and gives its
//! arguments ([`tr!`](crate::tr)); Fluent picks the words, plural forms and number formats.
//!
//! The language is chosen once per process by the front end ([`set_language`], from `--lang`,
//! `LAUREL_LANG` or the system's, see [`Lang::choose`]); until then messages are English.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The message files of each language, in load order.
const ZH_CN: &[&str] = &[
    include_str!("../locales/zh-CN/check.ftl"),
    include_str!("../locales/zh-CN/cli.ftl"),
    include_str!("../locales/zh-CN/build.ftl"),
    include_str!("../locales/zh-CN/studio.ftl"),
    include_str!("../locales/zh-CN/help.ftl"),
    include_str!("../locales/zh-CN/commands.ftl"),
    include_str!("../locales/zh-CN/review.ftl"),
    include_str!("../locales/zh-CN/load.ftl"),
    include_str!("../locales/zh-CN/config.ftl"),
    include_str!("../locales/zh-CN/import.ftl"),
    include_str!("../locales/zh-CN/start.ftl"),
    include_str!("../locales/zh-CN/media.ftl"),
];
const EN: &[&str] = &[
    include_str!("../locales/en/check.ftl"),
    include_str!("../locales/en/cli.ftl"),
    include_str!("../locales/en/build.ftl"),
    include_str!("../locales/en/studio.ftl"),
    include_str!("../locales/en/help.ftl"),
    include_str!("../locales/en/commands.ftl"),
    include_str!("../locales/en/review.ftl"),
    include_str!("../locales/en/load.ftl"),
    include_str!("../locales/en/config.ftl"),
    include_str!("../locales/en/import.ftl"),
    include_str!("../locales/en/start.ftl"),
    include_str!("../locales/en/media.ftl"),
];

/// A language laurel speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh_CN.UTF-8` … → Chinese; `en…`, `C` and `POSIX` → English.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("zh") {
            Some(Lang::Zh)
        } else if tag.starts_with("en") || tag == "c" || tag == "posix" || tag.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language asked for by `flag` (`--lang`), else `LAUREL_LANG`, else the system's
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`; the user's interface language on Windows and macOS);
    /// a language laurel does not speak is English.
    pub fn choose(flag: Option<&str>) -> Lang {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let asked = flag
            .map(str::to_string)
            .or_else(|| env("LAUREL_LANG"))
            .or_else(|| env("LC_ALL"))
            .or_else(|| env("LC_MESSAGES"))
            .or_else(|| env("LANG"))
            .or_else(sys_locale::get_locale);
        asked.as_deref().and_then(Lang::parse).unwrap_or(Lang::En)
    }

    /// The BCP 47 tag of the language's message files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    fn files(self) -> &'static [&'static str] {
        match self {
            Lang::Zh => ZH_CN,
            Lang::En => EN,
        }
    }
}

/// The messages of one language, ready to format.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    /// The messages of `lang`. The files are part of the binary and checked by tests, so a
    /// file that does not parse is a bug in laurel.
    pub fn of(lang: Lang) -> Messages {
        let tag = lang.tag().parse().expect("language tags are valid");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around arguments: terminals and JSON readers show them.
        bundle.set_use_isolating(false);
        for text in lang.files() {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, errors)| panic!("{} messages: {errors:?}", lang.tag()));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("{} messages: {errors:?}", lang.tag()));
        }
        Messages { bundle }
    }

    /// The message `id` with `args`; the id itself when the files lack it (a test checks that
    /// every id the code uses is there).
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let fluent_args = fluent_args(args);
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The attribute `attribute` of message `id` with `args`; empty when there is none.
    pub fn format_attribute(&self, id: &str, attribute: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self
            .bundle
            .get_message(id)
            .and_then(|m| m.get_attribute(attribute))
            .map(|a| a.value())
        else {
            return String::new();
        };
        let fluent_args = fluent_args(args);
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Whether the files hold a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

fn fluent_args<'a>(args: &'a [(&str, Arg)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.to_fluent());
    }
    fluent_args
}

/// What a finding says: a message id, whose `.fix` attribute says how to fix it, and its
/// arguments. Made with [`said!`](crate::said).
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    /// The message's id in the files (stable: `--format json` gives it as `message_id`).
    pub id: &'static str,
    /// Its arguments.
    pub args: Vec<(&'static str, Arg)>,
}

impl Said {
    /// What is wrong, in the process's language.
    pub fn message(&self) -> String {
        messages().format(self.id, &self.args)
    }

    /// How to fix it, in the process's language.
    pub fn fix(&self) -> String {
        messages().format_attribute(self.id, "fix", &self.args)
    }
}

/// An argument of a message: text or a number (numbers choose plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, put in as it is.
    Text(String),
    /// A number, formatted by the language's rules.
    Number(f64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64, f32, f64);

static CHOSEN: OnceLock<Messages> = OnceLock::new();

/// Sets the language of every message of this process; only the first call counts.
pub fn set_language(lang: Lang) {
    let _ = CHOSEN.set(Messages::of(lang));
}

/// The messages of the process's language (English unless [`set_language`] said otherwise).
pub fn messages() -> &'static Messages {
    CHOSEN.get_or_init(|| Messages::of(Lang::En))
}

/// Formats message `id` in the process's language:
/// `tr!("birth-missing")`, `tr!("summary-too-long", chars = n, max = 200, over = n - 200)`.
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::messages().format(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// A [`Said`]: `said!("summary-too-long", chars = n, max = 200, over = n - 200)`.
#[macro_export]
macro_rules! said {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Said {
            id: $id,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Each message id of `lang`'s files with the variables it uses.
    fn ids_and_variables(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let mut found = BTreeMap::new();
        for text in lang.files() {
            let resource = fluent_syntax::parser::parse(*text).expect("message files parse");
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut variables = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        collect_variables(pattern, &mut variables);
                    }
                    found.insert(message.id.name.to_string(), variables);
                }
            }
        }
        found
    }

    fn collect_variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                collect_in_expression(expression, into);
            }
        }
    }

    fn collect_in_expression(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                collect_in_inline(selector, into);
                for variant in variants {
                    collect_variables(&variant.value, into);
                }
            }
            ast::Expression::Inline(inline) => collect_in_inline(inline, into),
        }
    }

    fn collect_in_inline(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    collect_in_inline(argument, into);
                }
            }
            ast::InlineExpression::Placeable { expression } => {
                collect_in_expression(expression, into)
            }
            _ => {}
        }
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_arguments() {
        let (zh, en) = (ids_and_variables(Lang::Zh), ids_and_variables(Lang::En));
        let zh_ids: BTreeSet<_> = zh.keys().collect();
        let en_ids: BTreeSet<_> = en.keys().collect();
        assert_eq!(zh_ids, en_ids, "message ids differ between zh-CN and en");
        for (id, variables) in &zh {
            assert_eq!(Some(variables), en.get(id), "arguments of `{id}` differ");
        }
    }

    #[test]
    fn every_id_the_code_names_is_in_the_files() {
        let messages = Messages::of(Lang::En);
        let source = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut missing = Vec::new();
        for entry in walkdir::WalkDir::new(source) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let named = ["tr!(\"", "said!(\""]
                .iter()
                .flat_map(|macro_call| text.match_indices(macro_call));
            for (at, call) in named {
                // `include_str!(` holds `tr!(` too.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let start = at + call.len();
                let id: String = text[start..].chars().take_while(|&c| c != '"').collect();
                if !messages.has(&id) {
                    missing.push(format!("{}: {id}", entry.path().display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "ids missing from the files: {missing:?}"
        );
    }

    #[test]
    fn the_language_is_the_flag_else_the_environment_else_english() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
        assert_eq!(Lang::choose(Some("zh")), Lang::Zh);
        assert_eq!(Lang::choose(Some("en")), Lang::En);
        assert_eq!(Lang::choose(Some("fr")), Lang::En);
    }

    #[test]
    fn numbers_and_text_fill_the_messages() {
        let zh = Messages::of(Lang::Zh);
        let text = zh.format(
            "summary-too-long",
            &[("chars", 230.into()), ("max", 200.into())],
        );
        assert!(text.contains("230") && text.contains("200"), "{text}");
        assert!(!text.contains('\u{2068}'), "no isolation marks: {text:?}");
    }
}
