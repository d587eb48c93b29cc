//! `--help` in the reader's language. clap's derive takes the doc comments at compile time, so
//! the built command is walked once the language is chosen: each command's line (`about-…`),
//! each option's description (`help-<command>-<option>`, else the shared `help-<option>`), the
//! names of option values (their `.value`), the usage line and the headings all come from the
//! message files (`locales/*/help.ftl`).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgMatches, Command};
use laurel::i18n::messages;
use laurel::tr;
use std::io::IsTerminal;

/// `cmd` built, with every text of its help pages in the process's language.
pub fn localised(mut cmd: Command) -> Command {
    cmd.build();
    localise_command(cmd, &[])
}

/// The command line parsed by `cmd`; help, the version and every mistake in it are printed in
/// the process's language and end the process with clap's exit code (0 for help, 2 for a
/// mistake).
pub fn matches(cmd: Command, args: Vec<std::ffi::OsString>) -> ArgMatches {
    let e = match cmd.try_get_matches_from(args) {
        Ok(matches) => return matches,
        Err(e) => e,
    };
    let text = match mistake(&e) {
        Some(text) => text,
        None => {
            let styled = e.render();
            let terminal = match e.use_stderr() {
                true => std::io::stderr().is_terminal(),
                false => std::io::stdout().is_terminal(),
            };
            let text = match terminal {
                true => styled.ansi().to_string(),
                false => styled.to_string(),
            };
            headings_punctuated(&text)
        }
    };
    let text = match text.ends_with('\n') {
        true => text,
        false => text + "\n",
    };
    match e.use_stderr() {
        true => eprint!("{text}"),
        false => print!("{text}"),
    }
    std::process::exit(e.exit_code())
}

/// Help text with each heading's colon as the language writes it (`选项：`).
fn headings_punctuated(text: &str) -> String {
    let headings = [
        "help-heading-arguments",
        "help-heading-options",
        "help-heading-commands",
    ];
    headings.iter().fold(text.to_string(), |text, id| {
        let heading = messages().format(id, &[]);
        let line = tr!("help-heading-line", heading = heading.as_str());
        text.replace(&format!("{heading}:"), &line)
    })
}

/// What is wrong with the command line, its tip and its usage line, in the process's
/// language; `None` for help and the version (and a kind of mistake not worded here).
fn mistake(e: &clap::Error) -> Option<String> {
    let get = |kind| e.get(kind).map(listed);
    let arg = || get(ContextKind::InvalidArg).unwrap_or_default();
    let value = || get(ContextKind::InvalidValue).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::UnknownArgument => tr!("parse-unknown-argument", arg = arg()),
        ErrorKind::InvalidSubcommand => tr!(
            "parse-unknown-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => tr!(
            "parse-invalid-value",
            arg = arg(),
            value = value(),
            valid = get(ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(ToString::to_string);
            tr!(
                "parse-bad-value",
                arg = arg(),
                value = value(),
                why = why.unwrap_or_default()
            )
        }
        ErrorKind::MissingRequiredArgument => tr!("parse-missing", arg = arg()),
        ErrorKind::MissingSubcommand => tr!("parse-missing-command"),
        ErrorKind::ArgumentConflict => tr!(
            "parse-conflict",
            arg = arg(),
            other = get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => tr!("parse-wrong-values", arg = arg()),
        _ => return None,
    };
    let mut text = tr!("parse-error", what = what);
    let suggestion =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand));
    if let Some(suggestion) = suggestion {
        text.push_str(&format!(
            "\n{}",
            tr!("parse-did-you-mean", suggestion = suggestion)
        ));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage
            .split_once(": ")
            .map_or(usage.as_str(), |(_, rest)| rest);
        let line = tr!("help-usage-line", usage = usage.trim());
        text.push_str(&format!("\n\n{line}"));
    }
    text.push_str(&format!("\n\n{}\n", tr!("parse-more")));
    Some(text)
}

/// A value of a mistake's context as text, a list joined as the language joins lists.
fn listed(value: &ContextValue) -> String {
    match value {
        ContextValue::Strings(items) => items.join(&tr!("list-separator")),
        other => other.to_string(),
    }
}

/// The language asked for on the command line (`--lang zh`, `--lang=zh`), found before clap
/// parses, so that clap's help and errors can speak it.
pub fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            return words.next().map(|w| w.into_owned());
        }
        if let Some(lang) = word.strip_prefix("--lang=") {
            return Some(lang.to_string());
        }
    }
    None
}

/// The id of the line of the command at `path` (`[]` is laurel itself).
pub fn about_id(name: &str, path: &[String]) -> String {
    match (name, path) {
        ("help", _) => "about-help".to_string(),
        (_, []) => "about-laurel".to_string(),
        _ => format!("about-{}", path.join("-")),
    }
}

/// The id of the description of option `arg` of the command at `path`: its own when the files
/// have one, else the one shared by every command.
pub fn help_id(path: &[String], arg: &str) -> String {
    let arg = arg.replace('_', "-");
    let own = format!("help-{}-{arg}", path.join("-"));
    match !path.is_empty() && messages().has(&own) {
        true => own,
        false => format!("help-{arg}"),
    }
}

fn localise_command(cmd: Command, path: &[String]) -> Command {
    let about = messages().format(&about_id(cmd.get_name(), path), &[]);
    let name = cmd.get_name().to_string();
    let mut cmd = cmd
        .mut_args(|arg| localise_arg(arg, path))
        .mut_subcommands(|sub| {
            let sub_path = child_path(&name, path, sub.get_name());
            localise_command(sub, &sub_path)
        })
        .about(about)
        .long_about(None)
        .subcommand_help_heading(tr!("help-heading-commands"))
        .subcommand_value_name(tr!("help-command-value"));
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(": ")
        .map_or(usage.as_str(), |(_, rest)| rest)
        .replace("[OPTIONS]", &tr!("help-usage-options"));
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}\n\n{{all-args}}{{after-help}}",
        tr!("help-usage-line", usage = "{usage}")
    );
    cmd.override_usage(usage).help_template(template)
}

/// The path of `child`, a command under the command `parent` at `path`. The help command's
/// tree copies the commands: `laurel help build` is about `build`.
fn child_path(parent: &str, path: &[String], child: &str) -> Vec<String> {
    let base = match parent {
        "help" if !path.is_empty() => &path[..path.len() - 1],
        _ => path,
    };
    let mut child_path = base.to_vec();
    child_path.push(child.to_string());
    child_path
}

fn localise_arg(arg: Arg, path: &[String]) -> Arg {
    let id = help_id(path, arg.get_id().as_str());
    let mut help = messages().format(&id, &[]);
    let mut arg = arg;
    if arg.get_action().takes_values() {
        let shared = format!("help-{}", arg.get_id().as_str().replace('_', "-"));
        let value = [&id, &shared]
            .iter()
            .map(|id| messages().format_attribute(id, "value", &[]))
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        if !value.is_empty() {
            arg = arg.value_name(value);
        }
        help.push_str(&value_notes(&arg));
    }
    let heading = match arg.is_positional() {
        true => tr!("help-heading-arguments"),
        false => tr!("help-heading-options"),
    };
    arg.help(help)
        .long_help(None)
        .help_heading(heading)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// What clap would append to a description (the default, the possible values), worded in the
/// process's language.
fn value_notes(arg: &Arg) -> String {
    let mut notes = String::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        notes.push_str(&tr!("help-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() {
        let values = possible.join(&tr!("list-separator"));
        notes.push_str(&tr!("help-possible", values = values));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;
    use laurel::i18n::{Lang, Messages};

    /// Every command and option of `cmd` (at `path`) as the ids of its texts.
    fn ids(cmd: &Command, path: &[String], into: &mut Vec<String>) {
        into.push(about_id(cmd.get_name(), path));
        for arg in cmd.get_arguments() {
            into.push(help_id(path, arg.get_id().as_str()));
        }
        for sub in cmd.get_subcommands() {
            ids(sub, &child_path(cmd.get_name(), path, sub.get_name()), into);
        }
    }

    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut wanted = Vec::new();
        ids(&cmd, &[], &mut wanted);
        for lang in [Lang::Zh, Lang::En] {
            let messages = Messages::of(lang);
            let missing: Vec<_> = wanted.iter().filter(|id| !messages.has(id)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    #[test]
    fn the_language_flag_is_found_before_parsing() {
        let args = |words: &[&str]| words.iter().map(Into::into).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["laurel", "build", "--lang", "zh"])),
            Some("zh".into())
        );
        assert_eq!(
            lang_flag(&args(&["laurel", "--lang=en", "check"])),
            Some("en".into())
        );
        assert_eq!(lang_flag(&args(&["laurel", "new", "--", "--lang"])), None);
    }
}
