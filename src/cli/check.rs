//! `laurel check`: every nomination against the campaign's rules, as text or JSON.

use super::{open, ReportFormat};
use clap::Args;
use laurel::campaign::Campaign;
use laurel::check;
use laurel::tr;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct CheckArgs {
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

/// Checks (after renaming, with `--fix-names`) and prints the report; exit 1 on any error.
pub fn run(args: CheckArgs) -> ExitCode {
    let campaign = match open(&args.root, args.year) {
        Ok(campaign) => campaign,
        Err(code) => return code,
    };
    if args.fix_names {
        if let Err(code) = fix_names(&campaign) {
            return code;
        }
    }
    let mut report = campaign.check().report;
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

/// Prints and carries out the renaming plan of every laureate folder of the year (on stderr,
/// so JSON on stdout stays one document).
fn fix_names(campaign: &Campaign) -> Result<(), ExitCode> {
    let Some(plan) = campaign.rename_plan() else {
        return Ok(()); // the check reports why the site does not load
    };
    for r in plan.renames() {
        let shown = r.from.strip_prefix(plan.root()).unwrap_or(&r.from);
        let to = r.to.file_name().unwrap_or_default().to_string_lossy();
        let from = shown.display().to_string();
        eprintln!("{}", tr!("check-rename", from = from, to = to.as_ref()));
    }
    match plan.apply() {
        Ok(renamed) => {
            eprintln!("{}", tr!("check-renamed", count = renamed));
            Ok(())
        }
        Err(failed) => {
            let error = failed.error.to_string();
            let failed = tr!(
                "check-rename-failed",
                name = &failed.laureate,
                error = error
            );
            eprintln!("{}", tr!("cli-error", text = failed));
            Err(ExitCode::from(1))
        }
    }
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
            Some((laureate, list)) if *laureate == &finding.place.laureate => list.push(finding),
            _ => groups.push((&finding.place.laureate, vec![finding])),
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
            let place = match finding.place.line {
                Some(line) => format!("{}:{line}", finding.place.file.display()),
                None => finding.place.file.display().to_string(),
            };
            out.push_str(&format!(
                "  {severity} {place} [{}]\n          {}\n",
                finding.rule,
                finding.text()
            ));
            let fix = finding.fix();
            if !fix.is_empty() {
                out.push_str(&format!("          {}\n", tr!("report-fix", fix = fix)));
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
