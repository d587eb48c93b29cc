//! `laurel serve`: the preview server, one line per rebuild.

use super::{open_in_browser, report, require_site, warn};
use clap::Args;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ServeArgs {
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

/// Serves the site until the process ends.
pub fn run(args: ServeArgs) -> ExitCode {
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
                    let text = warning.to_string();
                    let _ = writeln!(err, "{}", tr!("warning-line", text = text));
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
