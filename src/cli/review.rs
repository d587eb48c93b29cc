//! `laurel review`: the jury's round (评审) — score sheets, their tally, the selection recorded.

use super::{open, report, ReportFormat};
use clap::{Args, Subcommand};
use laurel::diagnostics::Diagnostics;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
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
pub struct ReviewSite {
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

/// Loads the year's site and runs the review command on it.
pub fn run(command: ReviewCommand) -> ExitCode {
    let (ReviewCommand::Sheets { site, .. }
    | ReviewCommand::Tally { site, .. }
    | ReviewCommand::Select { site, .. }) = &command;
    let campaign = match open(&site.root, site.year) {
        Ok(campaign) => campaign,
        Err(code) => return code,
    };
    let loaded = match laurel::review::load(&site.root, campaign.year()) {
        Ok(loaded) => loaded,
        Err(problems) => return report(&problems, &tr!("failed-review-load")),
    };
    let done = match command {
        ReviewCommand::Sheets { out, .. } => write_sheets(&loaded, out),
        ReviewCommand::Tally {
            files, format, out, ..
        } => show_tally(&loaded, &files, format, out),
        ReviewCommand::Select {
            from,
            files,
            by,
            on,
            yes,
            ..
        } => record_selection(&loaded, from, &files, &by, on, yes),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => report(&problems, &tr!("failed-review")),
    }
}

fn write_sheets(site: &laurel::content::Site, out: Option<PathBuf>) -> Result<(), Diagnostics> {
    let dir = out.unwrap_or_else(|| laurel::review::default_dir(site));
    for file in laurel::review::sheets::write(site, &dir)? {
        println!("{}", tr!("review-wrote", file = file.display().to_string()));
    }
    Ok(())
}

fn show_tally(
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

fn record_selection(
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
