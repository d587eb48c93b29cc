//! `laurel import`: nominations as received into laureate folders, and the report of it.

use super::{open, ReportFormat};
use clap::Args;
use laurel::check;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ImportArgs {
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

/// Imports (or, with `--dry-run`, plans) and prints the report; exit 1 on any error.
pub fn run(args: ImportArgs) -> ExitCode {
    let campaign = match open(&args.root, None) {
        Ok(campaign) => campaign,
        Err(code) => return code,
    };
    let report = campaign.import(args.sources, args.dry_run);
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
    let problem = |p: &laurel::finding::Finding| {
        let severity = match p.severity {
            check::Severity::Error => tr!("severity-error"),
            check::Severity::Warning => tr!("severity-warning"),
        };
        let file = p.place.file.display().to_string();
        let said = tr!("import-problem", file = file, message = p.text());
        let mut line = format!("  {} {said}\n", pad(&severity, 7));
        let hint = p.fix();
        if !hint.is_empty() {
            line.push_str(&format!("          {}\n", tr!("report-fix", fix = hint)));
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
                out.push_str(&format!("    [{}] {}\n", f.rule, f.text()));
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
