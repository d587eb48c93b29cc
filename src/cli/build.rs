//! `laurel build`: the site into the output folder, with a progress bar and a summary.

use super::{open, progress_bar, progress_callback, report, under_root, warn};
use clap::Args;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Args)]
pub struct BuildArgs {
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

/// Builds the site and prints its warnings and (unless `--quiet`) what was built.
pub fn run(args: BuildArgs) -> ExitCode {
    let campaign = match open(&args.root, None) {
        Ok(campaign) => campaign,
        Err(code) => return code,
    };
    let output = under_root(&args.root, args.output);
    let started = Instant::now();
    let bar = progress_bar(args.quiet, tr!("progress-images"));
    let result = campaign.build(&output, progress_callback(&bar), Default::default());
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary = match result {
        Ok(summary) => summary,
        Err(problems) => return report(&problems, &tr!("failed-build")),
    };
    for warning in &summary.warnings {
        warn(&warning.to_string());
    }
    if args.quiet {
        return ExitCode::SUCCESS;
    }
    let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
    let output = output.display().to_string();
    let done = match summary.up_to_date {
        true => tr!(
            "build-up-to-date",
            output = output,
            laureates = summary.laureates,
            seconds = seconds
        ),
        false => tr!(
            "build-done",
            laureates = summary.laureates,
            pages = summary.rendered_files,
            media = summary.media_files,
            output = output,
            seconds = seconds
        ),
    };
    println!("{done}");
    ExitCode::SUCCESS
}
