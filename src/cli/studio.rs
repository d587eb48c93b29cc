//! `laurel studio`: the campaign edited in the browser. Starts the studio on 127.0.0.1,
//! prints its address (with the session's secret) as the first line and opens it.

use super::{open_in_browser, report, require_site};
use clap::Args;
use laurel::i18n::Lang;
use laurel::studio::{Studio, StudioOptions};
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct StudioArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, short, default_value_t = 0)]
    port: u16,
    /// Do not open the studio in the default browser.
    #[arg(long)]
    no_open: bool,
}

/// Runs the studio until the process ends; Chinese unless `--lang en`.
pub fn run(args: StudioArgs, lang: Option<&str>) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    serve(
        args.root,
        args.port,
        !args.no_open,
        lang,
        &tr!("studio-started"),
    )
}

/// Starts the studio on the site at `root`, prints its address and `how_to_stop`, opens it in
/// the default browser when `open`, and serves until the process ends.
pub fn serve(
    root: PathBuf,
    port: u16,
    open: bool,
    lang: Option<&str>,
    how_to_stop: &str,
) -> ExitCode {
    let options = StudioOptions {
        root,
        port,
        lang: lang.map_or(Lang::Zh, |flag| Lang::choose(Some(flag))),
    };
    let studio = match Studio::start(&options) {
        Ok(studio) => studio,
        Err(d) => return report(&d.into(), &tr!("studio-failed-start")),
    };
    let url = studio.url();
    println!("{url}");
    println!("{how_to_stop}");
    if open {
        open_in_browser(&url);
    }
    let stopped = studio.run();
    report(&stopped.into(), &tr!("studio-failed-stopped"))
}
