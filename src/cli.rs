//! The `laurel` command line: each subcommand (one file under `cli/`) parses its arguments,
//! calls the library and prints what it returned. This file holds the clap definition, the
//! dispatch and the printing shared by the subcommands. Exit codes: 0 success, 1 content
//! errors, 2 usage.

use crate::help;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use laurel::campaign::Campaign;
use laurel::diagnostics::Diagnostics;
use laurel::{i18n, tr};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

mod build;
mod check;
mod deploy;
mod double_click;
mod export;
mod import;
mod init;
mod new;
mod review;
mod serve;
mod studio;

/// laurel builds laureate showcase sites from a folder of profiles, stories and photos.
#[derive(Debug, Parser)]
#[command(name = "laurel", version, about)]
pub struct Cli {
    /// The language laurel speaks: zh (简体中文) or en; else LAUREL_LANG, else the system's.
    #[arg(long, global = true, value_parser = ["zh", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(build::BuildArgs),
    /// Create a new site: the example campaign, or with --empty a real campaign's start.
    Init(init::InitArgs),
    /// Add a laureate folder with a commented profile.yaml and story.md.
    New(new::NewArgs),
    /// Check every nomination against the campaign's rules (exit 1 on any error).
    Check(check::CheckArgs),
    /// Write the summary table (推荐人选汇总表) as .xlsx or .csv, with private contact data.
    Export(export::ExportArgs),
    /// Preview the site while you edit: serve it locally and reload pages on every change.
    Serve(serve::ServeArgs),
    /// Turn nominations as received (推荐表 .docx, 汇总表 .xlsx, photos, videos; folders or
    /// .zip) into laureate folders, never over an editor's changes.
    Import(import::ImportArgs),
    /// Publish public/ to a target in site.yaml (object storage or a folder), uploading only
    /// what changed. Credentials come from LAUREL_DEPLOY_ACCESS_KEY_ID and
    /// LAUREL_DEPLOY_SECRET_ACCESS_KEY.
    Deploy(deploy::DeployArgs),
    /// The jury's round (评审): score sheets, their tally, the selection recorded.
    #[command(subcommand)]
    Review(review::ReviewCommand),
    /// Edit the campaign in the browser (在浏览器中编辑): a studio on 127.0.0.1.
    Studio(studio::StudioArgs),
}

/// How a report is printed: text for people, JSON for scripts.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

/// laurel.exe double-clicked in Explorer: the studio on the campaign beside it.
pub fn double_clicked() -> ExitCode {
    double_click::run()
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let studio = args
        .iter()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .is_some_and(|a| a == "studio");
    let lang = match help::lang_flag(&args) {
        None if studio => i18n::Lang::Zh, // the studio speaks Chinese unless --lang en
        flag => i18n::Lang::choose(flag.as_deref()),
    };
    i18n::set_language(lang);
    let matches = help::matches(help::localised(Cli::command()), args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Init(args) => init::run(args),
        Command::New(args) => new::run(args),
        Command::Check(args) => check::run(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Import(args) => import::run(args),
        Command::Deploy(args) => deploy::run(args),
        Command::Review(command) => review::run(command),
        Command::Studio(args) => studio::run(args, cli.lang.as_deref()),
    }
}

/// Opens `url` in the default browser, or warns that it could not.
fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        warn(&tr!("serve-no-browser", opener = opener, url = url));
    }
}

/// Usage error (exit 2) when `root` holds no site.yaml.
fn require_site(root: &Path) -> Option<ExitCode> {
    if root.join(laurel::config::FILE_NAME).is_file() {
        return None;
    }
    let root = root.display().to_string();
    usage_error(
        &tr!("cli-no-site", root = root, file = laurel::config::FILE_NAME),
        &tr!("cli-no-site-hint"),
    );
    Some(ExitCode::from(2))
}

/// The campaign at `root` on `year` (else its newest year); a usage error (exit 2) when
/// `root` holds no site.yaml or the site has no such year, naming the years it has.
fn open(root: &Path, year: Option<u32>) -> Result<Campaign, ExitCode> {
    if let Some(code) = require_site(root) {
        return Err(code);
    }
    Campaign::open(root, year).map_err(|missing| {
        let has = match missing.years.is_empty() {
            true => tr!(
                "cli-year-single",
                year = missing.single.unwrap_or_default().to_string()
            ),
            false => format!("{:?}", missing.years),
        };
        usage_error(
            &tr!("cli-no-year", year = missing.asked.to_string(), has = has),
            &tr!("cli-no-year-hint"),
        );
        ExitCode::from(2)
    })
}

/// `path` as given when absolute, else taken from the site folder `root`.
fn under_root(root: &Path, path: PathBuf) -> PathBuf {
    if path.is_absolute() {
        path
    } else {
        root.join(path)
    }
}

/// A progress bar labelled `label` on standard error when it is a terminal and not `--quiet`.
fn progress_bar(quiet: bool, label: String) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(0);
    let template = tr!(
        "progress-template",
        label = label,
        bar = "{bar:30}",
        done = "{pos}",
        all = "{len}",
        eta = "{eta}"
    );
    let style = ProgressStyle::with_template(&template).expect("the template is valid");
    bar.set_style(style);
    Some(bar)
}

/// Moves `bar` (when there is one) as a stage reports (done, all).
fn progress_callback(bar: &Option<ProgressBar>) -> Option<laurel::build::Progress> {
    bar.clone().map(|bar| {
        Arc::new(move |done: usize, all: usize| {
            bar.set_length(all as u64);
            bar.set_position(done as u64);
        }) as laurel::build::Progress
    })
}

fn report(problems: &Diagnostics, what: &str) -> ExitCode {
    eprintln!("{problems}");
    eprintln!(
        "\n{}",
        tr!("failed-with-count", what = what, count = problems.0.len())
    );
    ExitCode::from(1)
}

/// A usage error (the command line asked for something laurel cannot do) and how to fix it,
/// on standard error.
fn usage_error(text: &str, hint: &str) {
    eprintln!("{}", tr!("cli-error", text = text));
    eprintln!("  {}", tr!("cli-hint", text = hint));
}

/// A warning on standard error, labelled in the reader's language.
fn warn(text: &str) {
    eprintln!("{}", tr!("warning-line", text = text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
