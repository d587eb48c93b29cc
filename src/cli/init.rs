//! `laurel init`: a new site, the example campaign or (with `--empty`) a real campaign's start.

use super::report;
use clap::Args;
use laurel::campaign::Campaign;
use laurel::scaffold;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create the site in.
    dir: PathBuf,
    /// Start a real campaign: the notice's rules, no example people or texts.
    #[arg(long)]
    empty: bool,
}

/// Creates the site and says where.
pub fn run(args: InitArgs) -> ExitCode {
    let start = match args.empty {
        true => scaffold::Start::Empty,
        false => scaffold::Start::Example,
    };
    if let Err(d) = Campaign::init(&args.dir, start) {
        return report(&d.into(), &tr!("failed-init"));
    }
    let dir = args.dir.display().to_string();
    match args.empty {
        true => println!("{}", tr!("init-done-empty", dir = dir)),
        false => println!("{}", tr!("init-done", dir = dir)),
    }
    ExitCode::SUCCESS
}
