//! The `laurel` command line: each subcommand parses its arguments, calls one library
//! function and prints what it returned. Exit codes: 0 success, 1 content errors, 2 usage.

use crate::help;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use laurel::build::{self, BuildOptions};
use laurel::check;
use laurel::diagnostics::Diagnostics;
use laurel::scaffold;
use laurel::{i18n, tr};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

mod double_click;
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
    Build(BuildArgs),
    /// Create a new site: the example campaign, or with --empty a real campaign's start.
    Init(InitArgs),
    /// Add a laureate folder with a commented profile.yaml and story.md.
    New(NewArgs),
    /// Check every nomination against the campaign's rules (exit 1 on any error).
    Check(CheckArgs),
    /// Write the summary table (推荐人选汇总表) as .xlsx or .csv, with private contact data.
    Export(ExportArgs),
    /// Preview the site while you edit: serve it locally and reload pages on every change.
    Serve(ServeArgs),
    /// Turn nominations as received (推荐表 .docx, 汇总表 .xlsx, photos, videos; folders or
    /// .zip) into laureate folders, never over an editor's changes.
    Import(ImportArgs),
    /// Publish public/ to a target in site.yaml (object storage or a folder), uploading only
    /// what changed. Credentials come from LAUREL_DEPLOY_ACCESS_KEY_ID and
    /// LAUREL_DEPLOY_SECRET_ACCESS_KEY.
    Deploy(DeployArgs),
    /// The jury's round (评审): score sheets, their tally, the selection recorded.
    #[command(subcommand)]
    Review(ReviewCommand),
    /// Edit the campaign in the browser (在浏览器中编辑): a studio on 127.0.0.1.
    Studio(studio::StudioArgs),
}

#[derive(Debug, Subcommand)]
enum ReviewCommand {
    /// Write a 评分表 (.xlsx) per judge of campaign.review (default: review/<year>/).
    Sheets {
        #[command(flatten)]
        site: ReviewSite,
        /// The folder to write into (never under public/).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Read the judges' filled sheets, rank the nominees and check the proposed selection.
    Tally {
        /// The filled 评分表 files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        site: ReviewSite,
        /// Output format on the terminal.
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Also write the proposal as .xlsx or .json.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Record the selection in the profiles (status, decided_by, decided_on).
    Select {
        /// The proposal (JSON) of `review tally --out proposal.json`, as the editors confirmed it.
        #[arg(long, required_unless_present = "top", conflicts_with = "top")]
        from: Option<PathBuf>,
        /// Take the tally's top places from these filled sheets.
        #[arg(long, requires = "files")]
        top: bool,
        /// With --top: the filled 评分表 files.
        files: Vec<PathBuf>,
        /// Who decided (e.g. 评审委员会).
        #[arg(long)]
        by: String,
        /// The date of the decision (YYYY-MM-DD; default today).
        #[arg(long, value_parser = parse_date)]
        on: Option<laurel::config::Date>,
        /// Write the profiles; without it the plan is printed and nothing is written.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        site: ReviewSite,
    },
}

/// The site and year a review command works on.
#[derive(Debug, Args)]
struct ReviewSite {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// In a site of several years, the year (default: the newest).
    #[arg(long)]
    year: Option<u32>,
}

fn parse_date(text: &str) -> Result<laurel::config::Date, String> {
    laurel::config::Date::parse(text).ok_or_else(|| tr!("cli-bad-date", text = text))
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Folders or .zip files as the units sent them.
    #[arg(required = true)]
    sources: Vec<PathBuf>,
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print what would be written, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Output format: text for people, json for scripts.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The port to listen on (0 picks a free one).
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; other machines (a phone on the office network) can reach
    /// the preview only with e.g. --bind 0.0.0.0.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the front page in the default browser.
    #[arg(long)]
    open: bool,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The file (or, with --dossier, the folder) to write; the table: .xlsx or .csv (UTF-8
    /// with BOM), 推荐人选汇总表.xlsx by default.
    #[arg(long, short, alias = "out")]
    output: Option<PathBuf>,
    /// The jury's 汇编 of every nominee (HTML for print, with photos), into
    /// review/<year>/dossier/ by default.
    #[arg(long, group = "material")]
    dossier: bool,
    /// The 联审 table of the selected (身份证号 and more from private:), into
    /// review/<year>/联审信息表.xlsx by default.
    #[arg(long, group = "material")]
    joint_review: bool,
    /// The package to the province: the province picks' 推荐表 .docx, photos, videos and
    /// 汇总表 in one zip, into review/<year>/ by default.
    #[arg(long, group = "material")]
    province: bool,
    /// Order the rows by recommending unit.
    #[arg(long)]
    group_by_unit: bool,
    /// In a site of several years, the year to export (default: the newest).
    #[arg(long)]
    year: Option<u32>,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output format: text for people, json for scripts and CI.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Show only errors (hide warnings).
    #[arg(long, value_enum)]
    only: Option<OnlyFindings>,
    /// Rename portraits and photos to the notice's 姓名0, 姓名1 … (printing each rename and
    /// updating profile.yaml), then check.
    #[arg(long)]
    fix_names: bool,
    /// In a site of several years, the year to check, with its own rules (default: the
    /// newest).
    #[arg(long)]
    year: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OnlyFindings {
    Errors,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The output folder; relative paths are taken from the site folder.
    #[arg(long, short, default_value = "public")]
    output: PathBuf,
    /// Print only errors and warnings (no progress bar, no summary).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct DeployArgs {
    /// The target's name in site.yaml's `deploy:` list (may be left out when there is one).
    target: Option<String>,
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The built site to publish; relative paths are taken from the site folder.
    #[arg(long, short, default_value = "public")]
    output: PathBuf,
    /// List every upload and deletion with its size, and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Delete more files than the target's max_deletes.
    #[arg(long)]
    force: bool,
    /// Print only errors (no progress bar, no summary).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct InitArgs {
    /// Folder to create the site in.
    dir: PathBuf,
    /// Start a real campaign: the notice's rules, no example people or texts.
    #[arg(long)]
    empty: bool,
}

#[derive(Debug, Args)]
struct NewArgs {
    /// The laureate's name, used as the folder name (e.g. 张三).
    name: String,
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
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
    let matches = help::localised(Cli::command()).get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Build(args) => run_build(args),
        Command::Init(args) => match scaffold::init(
            &args.dir,
            match args.empty {
                true => scaffold::Start::Empty,
                false => scaffold::Start::Example,
            },
        ) {
            Ok(()) => {
                let dir = args.dir.display().to_string();
                match args.empty {
                    true => println!("{}", tr!("init-done-empty", dir = dir)),
                    false => println!("{}", tr!("init-done", dir = dir)),
                }
                ExitCode::SUCCESS
            }
            Err(d) => report(&d.into(), &tr!("failed-init")),
        },
        Command::Check(args) => run_check(args),
        Command::Export(args) => run_export(args),
        Command::Serve(args) => run_serve(args),
        Command::Import(args) => run_import(args),
        Command::Deploy(args) => run_deploy(args),
        Command::Review(command) => run_review(command),
        Command::Studio(args) => studio::run(args, cli.lang.as_deref()),
        Command::New(args) => {
            if let Some(code) = require_site(&args.root) {
                return code;
            }
            match scaffold::new_laureate(&args.root, &args.name) {
                Ok(folder) => {
                    let folder = folder.display().to_string();
                    println!("{}", tr!("new-done", folder = folder));
                    ExitCode::SUCCESS
                }
                Err(d) => report(&d.into(), &tr!("failed-new")),
            }
        }
    }
}

fn run_review(command: ReviewCommand) -> ExitCode {
    let (ReviewCommand::Sheets { site, .. }
    | ReviewCommand::Tally { site, .. }
    | ReviewCommand::Select { site, .. }) = &command;
    if let Some(code) = require_site(&site.root) {
        return code;
    }
    let year = match chosen_year(&site.root, site.year) {
        Ok(year) => year,
        Err(code) => return code,
    };
    let loaded = match laurel::review::load(&site.root, year) {
        Ok(loaded) => loaded,
        Err(problems) => return report(&problems, &tr!("failed-review-load")),
    };
    let done = match command {
        ReviewCommand::Sheets { out, .. } => review_sheets(&loaded, out),
        ReviewCommand::Tally {
            files, format, out, ..
        } => review_tally(&loaded, &files, format, out),
        ReviewCommand::Select {
            from,
            files,
            by,
            on,
            yes,
            ..
        } => review_select(&loaded, from, &files, &by, on, yes),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => report(&problems, &tr!("failed-review")),
    }
}

fn review_sheets(site: &laurel::content::Site, out: Option<PathBuf>) -> Result<(), Diagnostics> {
    let dir = out.unwrap_or_else(|| laurel::review::default_dir(site));
    for file in laurel::review::sheets::write(site, &dir)? {
        println!("{}", tr!("review-wrote", file = file.display().to_string()));
    }
    Ok(())
}

fn review_tally(
    site: &laurel::content::Site,
    files: &[PathBuf],
    format: ReportFormat,
    out: Option<PathBuf>,
) -> Result<(), Diagnostics> {
    let proposal = laurel::review::tally::tally(site, files)?;
    match format {
        ReportFormat::Text => print!("{}", proposal.text()),
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&proposal).expect("proposals serialise")
        ),
    }
    match out {
        Some(file) => Ok(proposal.write(&file)?),
        None => Ok(()),
    }
}

fn review_select(
    site: &laurel::content::Site,
    from: Option<PathBuf>,
    files: &[PathBuf],
    by: &str,
    on: Option<laurel::config::Date>,
    yes: bool,
) -> Result<(), Diagnostics> {
    use laurel::review::{select, tally};
    let chosen = match from {
        Some(file) => select::chosen_from_file(site, &file)?,
        None => select::chosen_from_tally(&tally::tally(site, files)?),
    };
    let plan = select::plan(site, &chosen, by, on.unwrap_or_else(select::today))?;
    print!("{}", plan.text());
    if yes {
        select::apply(&plan)?;
        println!("{}", tr!("review-select-wrote", count = plan.changes.len()));
    } else {
        println!("{}", tr!("review-select-dry"));
    }
    Ok(())
}

fn run_serve(args: ServeArgs) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    let options = laurel::serve::ServeOptions {
        root: args.root.clone(),
        bind: args.bind,
        port: args.port,
    };
    let server = match laurel::serve::Server::start(&options) {
        Ok(server) => server,
        Err(d) => return report(&d.into(), &tr!("failed-serve-start")),
    };
    if !args.bind.is_loopback() {
        warn(&tr!(
            "serve-open-to-network",
            address = args.bind.to_string()
        ));
    }
    print_rebuild(&[], server.first_build());
    let url = server.url();
    println!("{}", tr!("serve-serving", url = &url));
    if args.open {
        open_in_browser(&url);
    }
    let stopped = server.run(print_rebuild);
    report(&stopped.into(), &tr!("failed-serve-stopped"))
}

/// One line per rebuild on the terminal; a failed build prints its problems. Write errors are
/// ignored: a closed terminal must not stop the watcher.
fn print_rebuild(changed: &[PathBuf], outcome: &laurel::serve::Outcome) {
    use std::io::Write;
    let what = match changed {
        [] => tr!("serve-first-build"),
        [one] => one
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        many => tr!("serve-files", count = many.len()),
    };
    match &outcome.problems {
        None => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "serve-rebuilt",
                    what = what,
                    done = &outcome.what,
                    millis = outcome.millis.to_string()
                )
            );
            let _ = out.flush();
            if changed.is_empty() {
                let mut err = std::io::stderr().lock();
                for warning in &outcome.warnings {
                    let _ = writeln!(err, "{}", tr!("warning-line", text = warning));
                }
            }
        }
        Some(problems) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{}", tr!("serve-failed", what = what));
            for problem in &problems.0 {
                let _ = writeln!(err, "{}", tr!("cli-error", text = problem.to_string()));
            }
        }
    }
}

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

/// The year folder `check` and `export` work on: `--year`, else the newest of a site of
/// several years; `None` for a site of one year. A year the site does not have is a usage
/// error naming the years it has.
fn chosen_year(root: &Path, asked: Option<u32>) -> Result<Option<u32>, ExitCode> {
    let years = laurel::layout::year_folders(root);
    let single = || {
        laurel::config::SiteConfig::load(root)
            .map(|c| c.campaign.year)
            .ok()
    };
    match asked {
        None => Ok(years.last().copied()),
        Some(year) if years.contains(&year) => Ok(Some(year)),
        Some(year) if years.is_empty() && single() == Some(year) => Ok(None),
        Some(year) => {
            let has = match years.is_empty() {
                true => tr!(
                    "cli-year-single",
                    year = single().unwrap_or_default().to_string()
                ),
                false => format!("{years:?}"),
            };
            usage_error(
                &tr!("cli-no-year", year = year.to_string(), has = has),
                &tr!("cli-no-year-hint"),
            );
            Err(ExitCode::from(2))
        }
    }
}

fn run_build(args: BuildArgs) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    let output = under_root(&args.root, args.output);
    let started = Instant::now();
    let bar = progress_bar(args.quiet, tr!("progress-images"));
    let result = build::build(&BuildOptions {
        root: args.root,
        output: output.clone(),
        progress: progress_callback(&bar),
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(summary) => {
            for warning in &summary.warnings {
                warn(warning);
            }
            if args.quiet {
                return ExitCode::SUCCESS;
            }
            if summary.up_to_date {
                let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
                println!(
                    "{}",
                    tr!(
                        "build-up-to-date",
                        output = output.display().to_string(),
                        laureates = summary.laureates,
                        seconds = seconds
                    )
                );
                return ExitCode::SUCCESS;
            }
            let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
            println!(
                "{}",
                tr!(
                    "build-done",
                    laureates = summary.laureates,
                    pages = summary.rendered_files,
                    media = summary.media_files,
                    output = output.display().to_string(),
                    seconds = seconds
                )
            );
            ExitCode::SUCCESS
        }
        Err(problems) => report(&problems, &tr!("failed-build")),
    }
}

fn run_deploy(args: DeployArgs) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    let public = under_root(&args.root, args.output);
    let bar = progress_bar(args.quiet || args.dry_run, tr!("progress-uploads"));
    let result = laurel::deploy::deploy(&laurel::deploy::DeployOptions {
        root: args.root,
        public,
        target: args.target,
        dry_run: args.dry_run,
        force: args.force,
        progress: progress_callback(&bar),
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(summary) => {
            if summary.dry_run {
                for change in &summary.changes {
                    let what = match change.what {
                        "new" => tr!("deploy-new"),
                        "changed" => tr!("deploy-changed"),
                        _ => tr!("deploy-delete"),
                    };
                    let size = human_bytes(change.bytes);
                    println!("{what:<8} {size:>10}  {}", change.path);
                }
            }
            if !args.quiet {
                println!("{}", deploy_summary(&summary));
            }
            ExitCode::SUCCESS
        }
        Err(problems) => report(&problems, &tr!("failed-deploy")),
    }
}

/// The last line of a deploy: what was uploaded, kept and deleted (or would be, in a dry run).
fn deploy_summary(summary: &laurel::deploy::Summary) -> String {
    let (target, bytes) = (&summary.target, human_bytes(summary.uploaded_bytes()));
    let (uploaded, deleted) = (summary.uploaded(), summary.deleted());
    let (unchanged, requests) = (summary.unchanged, summary.requests);
    let seconds = format!("{:.2}", summary.seconds);
    let dry_run = if summary.dry_run { "yes" } else { "no" };
    tr!(
        "deploy-done",
        dry_run = dry_run,
        target = target,
        uploaded = uploaded,
        bytes = bytes,
        unchanged = unchanged,
        deleted = deleted,
        requests = requests,
        seconds = seconds
    )
}

/// `path` as given when absolute, else taken from the site folder `root`.
fn under_root(root: &Path, path: PathBuf) -> PathBuf {
    if path.is_absolute() {
        path
    } else {
        root.join(path)
    }
}

/// Moves `bar` (when there is one) as a stage reports (done, all).
fn progress_callback(bar: &Option<ProgressBar>) -> Option<build::Progress> {
    bar.clone().map(|bar| {
        Arc::new(move |done: usize, all: usize| {
            bar.set_length(all as u64);
            bar.set_position(done as u64);
        }) as build::Progress
    })
}

/// `1.2 MB`, `340 KB`, `12 B`.
fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{} KB", b.div_ceil(1000)),
        b => format!("{b} B"),
    }
}

fn run_export(args: ExportArgs) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    if args.dossier {
        return run_dossier(args);
    }
    if args.joint_review {
        return run_joint_review(args);
    }
    if args.province {
        return run_province(args);
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("推荐人选汇总表.xlsx"));
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !laurel::export::FORMATS.contains(&ext.as_str()) {
        let file = output.display().to_string();
        usage_error(
            &tr!("export-bad-format", file = file, ext = ext),
            &tr!("export-bad-format-hint"),
        );
        return ExitCode::from(2);
    }
    // The table is about people: every laureate that loads is in it, whatever else
    // `laurel check` finds (a missing photo); the folders that do not load are named.
    let partial = match export_site(&args) {
        Ok(partial) => partial,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::export(site, &output, args.group_by_unit) {
        Ok(()) => {
            let file = output.display().to_string();
            let count = site.laureates.len();
            println!("{}", tr!("export-done", file = file, count = count));
            if !partial.unloaded.is_empty() {
                let names: Vec<String> = partial
                    .unloaded
                    .iter()
                    .map(|f| {
                        f.file_name()
                            .unwrap_or_default()
                            .to_string_lossy()
                            .into_owned()
                    })
                    .collect();
                let (count, names) = (names.len(), names.join("、"));
                println!("{}", tr!("export-left-out", count = count, names = names));
            }
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}

/// The site of the year `export` works on, with every nominee whatever their status.
fn export_site(args: &ExportArgs) -> Result<laurel::content::PartialSite, ExitCode> {
    let year = chosen_year(&args.root, args.year)?;
    laurel::content::load_partial_year(&args.root, year)
        .map_err(|problems| report(&problems, &tr!("failed-site-yaml")))
}

/// The site `export` works on and where its output goes: `--output`, else `default`.
fn export_target(
    args: &ExportArgs,
    default: impl FnOnce(&laurel::content::Site) -> PathBuf,
) -> Result<(laurel::content::PartialSite, PathBuf), ExitCode> {
    let partial = export_site(args)?;
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| default(&partial.site));
    Ok((partial, target))
}

fn run_dossier(args: ExportArgs) -> ExitCode {
    let (partial, folder) = match export_target(&args, |site| {
        laurel::export::dossier::default_folder(&args.root, site.config.campaign.year)
    }) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::dossier::write(site, &folder) {
        Ok(dossier) => {
            for problem in &dossier.problems {
                warn(&problem.to_string());
            }
            let [nominated, selected, not_selected] = dossier.counts;
            let done = tr!(
                "export-dossier-done",
                file = dossier.compilation.display().to_string(),
                count = site.laureates.len(),
                selected = selected,
                not_selected = not_selected,
                nominated = nominated,
                folder = dossier.folder.display().to_string()
            );
            println!("{done}\n{}", tr!("export-dossier-private"));
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}

fn run_joint_review(args: ExportArgs) -> ExitCode {
    let (partial, file) = match export_target(&args, |site| {
        laurel::export::joint::default_file(&args.root, site.config.campaign.year)
    }) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::joint::write(site, &file) {
        Ok(joint) => {
            for warning in &joint.warnings {
                warn(&warning.to_string());
            }
            let file = joint.file.display().to_string();
            let count = joint.people;
            println!("{}", tr!("export-joint-done", file = file, count = count));
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}

fn run_province(args: ExportArgs) -> ExitCode {
    let (partial, file) = match export_target(&args, laurel::export::province::default_file) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::province::write(site, &file) {
        Ok(package) => {
            let done = tr!(
                "export-province-done",
                file = package.file.display().to_string(),
                count = package.people.len(),
                names = package.people.join("、")
            );
            println!("{done}");
            if !package.small_photos.is_empty() {
                let count = package.small_photos.len();
                println!("{}", tr!("export-province-small", count = count));
            }
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    if args.fix_names {
        if let Err(code) = fix_names(&args.root) {
            return code;
        }
    }
    let year = match chosen_year(&args.root, args.year) {
        Ok(year) => year,
        Err(code) => return code,
    };
    let mut report = match laurel::content::load_partial_year(&args.root, year) {
        Ok(partial) => check::check_partial(&partial),
        Err(problems) => check::Report::of_broken_config(&problems),
    };
    if args.only == Some(OnlyFindings::Errors) {
        report
            .findings
            .retain(|f| f.severity == check::Severity::Error);
    }
    match args.format {
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("reports serialise")
        ),
        ReportFormat::Text => print!("{}", check_text(&report, std::io::stdout().is_terminal())),
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_import(args: ImportArgs) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    let report = laurel::import::import(&laurel::import::ImportOptions {
        root: args.root,
        sources: args.sources,
        dry_run: args.dry_run,
    });
    match args.format {
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("reports serialise")
        ),
        ReportFormat::Text => print!("{}", import_text(&report)),
    }
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The import report for people: per candidate the files and what the notice still needs.
fn import_text(report: &laurel::import::ImportReport) -> String {
    let mut out = String::new();
    let problem = |p: &laurel::import::Problem| {
        let severity = match p.severity {
            check::Severity::Error => tr!("severity-error"),
            check::Severity::Warning => tr!("severity-warning"),
        };
        let said = tr!("import-problem", file = &p.file, message = &p.message);
        let mut line = format!("  {} {said}\n", pad(&severity, 7));
        if !p.hint.is_empty() {
            line.push_str(&format!("          {}\n", tr!("report-fix", fix = &p.hint)));
        }
        line
    };
    for candidate in &report.candidates {
        out.push_str(&format!("\n{} → {}\n", candidate.name, candidate.folder));
        for file in &candidate.files {
            let action = tr!("import-action", action = file.action.name());
            out.push_str(&format!(
                "  {} {} ← {}\n",
                pad(&action, 9),
                pad(&file.to, 16),
                file.from
            ));
        }
        for p in &candidate.problems {
            out.push_str(&problem(p));
        }
        let errors: Vec<_> = candidate
            .findings
            .iter()
            .filter(|f| f.severity == check::Severity::Error)
            .collect();
        if !errors.is_empty() {
            out.push_str(&format!("  {}\n", tr!("import-still-needed")));
            for f in errors {
                out.push_str(&format!("    [{}] {}\n", f.rule, f.message));
            }
        }
    }
    let unit_problems: Vec<_> = report.units.iter().flat_map(|u| &u.problems).collect();
    if !unit_problems.is_empty() {
        out.push_str(&format!("\n{}\n", tr!("import-units")));
        for p in unit_problems {
            out.push_str(&problem(p));
        }
    }
    if !report.problems.is_empty() {
        out.push_str(&format!("\n{}\n", tr!("import-not-imported")));
        for p in &report.problems {
            out.push_str(&problem(p));
        }
    }
    let dry = if report.dry_run { "yes" } else { "no" };
    let summary = tr!("import-summary", dry = dry, count = report.candidates.len());
    out.push_str(&format!("\n{summary}\n"));
    out
}

/// `text` followed by spaces to `width` columns, a CJK character counting as two.
fn pad(text: &str, width: usize) -> String {
    let used: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// Prints and carries out the renaming plan of every laureate folder (on stderr, so JSON on
/// stdout stays one document).
fn fix_names(root: &Path) -> Result<(), ExitCode> {
    let Ok(partial) = laurel::content::load_partial(root) else {
        return Ok(()); // the check below reports why the site does not load
    };
    let site = &partial.site;
    let mut renamed = 0;
    for laureate in &site.laureates {
        let renames = laurel::naming::plan(laureate);
        for r in &renames {
            let shown = r.from.strip_prefix(&site.root).unwrap_or(&r.from);
            let to = r.to.file_name().unwrap_or_default().to_string_lossy();
            let from = shown.display().to_string();
            eprintln!("{}", tr!("check-rename", from = from, to = to.as_ref()));
        }
        if let Err(e) = laurel::naming::apply(laureate, &renames) {
            let failed = tr!(
                "check-rename-failed",
                name = &laureate.name,
                error = e.to_string()
            );
            eprintln!("{}", tr!("cli-error", text = failed));
            return Err(ExitCode::from(1));
        }
        renamed += renames.len();
    }
    eprintln!("{}", tr!("check-renamed", count = renamed));
    Ok(())
}

/// The report for a terminal: findings grouped by laureate (errors first), a total per
/// laureate and for the campaign; colour and a legend when `terminal`.
fn check_text(report: &check::Report, terminal: bool) -> String {
    let paint = |code: &str, text: &str| {
        if terminal {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let (error, warning) = (tr!("severity-error"), tr!("severity-warning"));
    let mut out = String::new();
    if terminal {
        let (error, warning) = (paint("31", &error), paint("33", &warning));
        out.push_str(&tr!("report-legend", error = error, warning = warning));
        out.push('\n');
    }
    let mut groups: Vec<(&Option<String>, Vec<&check::Finding>)> = Vec::new();
    for finding in &report.findings {
        match groups.last_mut() {
            Some((laureate, list)) if *laureate == &finding.laureate => list.push(finding),
            _ => groups.push((&finding.laureate, vec![finding])),
        }
    }
    // The two labels padded to one width, so that the places line up.
    let width = error.chars().count().max(warning.chars().count());
    let pad = |label: &str| format!("{label:<width$}");
    for (laureate, findings) in groups {
        let heading = laureate.clone().unwrap_or_else(|| tr!("report-campaign"));
        out.push_str(&format!("\n{}\n", paint("1", &heading)));
        for finding in &findings {
            let severity = match finding.severity {
                check::Severity::Error => paint("31", &pad(&error)),
                check::Severity::Warning => paint("33", &pad(&warning)),
            };
            let place = match finding.line {
                Some(line) => format!("{}:{line}", finding.file.display()),
                None => finding.file.display().to_string(),
            };
            out.push_str(&format!(
                "  {severity} {place} [{}]\n          {}\n",
                finding.rule, finding.message
            ));
            if !finding.fix.is_empty() {
                out.push_str(&format!(
                    "          {}\n",
                    tr!("report-fix", fix = &finding.fix)
                ));
            }
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == check::Severity::Error)
            .count();
        let total = tr!(
            "report-group-total",
            heading = heading,
            errors = tr!("report-errors", count = errors),
            warnings = tr!("report-warnings", count = findings.len() - errors)
        );
        out.push_str(&format!("  {total}\n"));
    }
    let total = tr!(
        "report-total",
        laureates = report.laureates,
        unloaded = report.unloaded,
        errors = tr!("report-errors", count = report.errors),
        warnings = tr!("report-warnings", count = report.warnings)
    );
    out.push_str(&format!("\n{total}\n"));
    out
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
