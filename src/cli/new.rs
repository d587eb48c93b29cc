//! `laurel new`: a laureate folder with a commented profile.yaml and story.md.

use super::{report, require_site};
use clap::Args;
use laurel::scaffold;
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
