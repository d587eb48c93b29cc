//! `laurel new`: a laureate folder with a commented profile.yaml and story.md.

use super::{open, report};
use clap::Args;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The laureate's name, used as the folder name (e.g. 张三).
    name: String,
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// Creates the folder and says where.
pub fn run(args: NewArgs) -> ExitCode {
    let campaign = match open(&args.root, None) {
        Ok(campaign) => campaign,
        Err(code) => return code,
    };
    match campaign.new_laureate(&args.name) {
        Ok(folder) => {
            let folder = folder.display().to_string();
            println!("{}", tr!("new-done", folder = folder));
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-new")),
    }
}
