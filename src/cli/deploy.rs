//! `laurel deploy`: public/ to a target in site.yaml, uploading only what changed.

use super::{open, progress_bar, progress_callback, report, under_root};
use clap::Args;
use laurel::deploy::DeployOptions;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct DeployArgs {
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

/// Publishes (or, with `--dry-run`, lists) the changes and prints the summary.
pub fn run(args: DeployArgs) -> ExitCode {
    let campaign = match open(&args.root, None) {
        Ok(campaign) => campaign,
        Err(code) => return code,
    };
    let public = under_root(&args.root, args.output);
    let bar = progress_bar(args.quiet || args.dry_run, tr!("progress-uploads"));
    let progress = progress_callback(&bar);
    let result = campaign.deploy(DeployOptions {
        public,
        target: args.target,
        dry_run: args.dry_run,
        force: args.force,
        progress,
        ..DeployOptions::default()
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

/// `1.2 MB`, `340 KB`, `12 B`.
fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{} KB", b.div_ceil(1000)),
        b => format!("{b} B"),
    }
}
