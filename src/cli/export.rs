//! `laurel export`: the summary table (推荐人选汇总表), the jury's dossier, the 联审 table and
//! the package to the province.

use super::{open, report, require_site, usage_error, warn};
use clap::Args;
use laurel::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The file (or, with --dossier, the folder) to write; the table: .xlsx or .csv (UTF-8
    /// with BOM), 推荐人选汇总表.xlsx by default.
    #[arg(long, short, alias = "out")]
    output: Option<PathBuf>,
    /// The jury's 汇编 of every nominee (HTML for print, with photos), into
    /// review/<year>/dossier/ by default.
    #[arg(long, group = "material")]
    dossier: bool,
    /// The 联审 table of the selected (身份证号 and more from private:), into
    /// review/<year>/联审信息表.xlsx by default.
    #[arg(long, group = "material")]
    joint_review: bool,
    /// The package to the province: the province picks' 推荐表 .docx, photos, videos and
    /// 汇总表 in one zip, into review/<year>/ by default.
    #[arg(long, group = "material")]
    province: bool,
    /// Order the rows by recommending unit.
    #[arg(long)]
    group_by_unit: bool,
    /// In a site of several years, the year to export (default: the newest).
    #[arg(long)]
    year: Option<u32>,
}

/// Writes the material asked for and says where.
pub fn run(args: ExportArgs) -> ExitCode {
    if let Some(code) = require_site(&args.root) {
        return code;
    }
    if args.dossier {
        return dossier(args);
    }
    if args.joint_review {
        return joint_review(args);
    }
    if args.province {
        return province(args);
    }
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("推荐人选汇总表.xlsx"));
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !laurel::export::FORMATS.contains(&ext.as_str()) {
        let file = output.display().to_string();
        usage_error(
            &tr!("export-bad-format", file = file, ext = ext),
            &tr!("export-bad-format-hint"),
        );
        return ExitCode::from(2);
    }
    // The table is about people: every laureate that loads is in it, whatever else
    // `laurel check` finds (a missing photo); the folders that do not load are named.
    let partial = match export_site(&args) {
        Ok(partial) => partial,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::export(site, &output, args.group_by_unit) {
        Ok(()) => {
            let file = output.display().to_string();
            let count = site.laureates.len();
            println!("{}", tr!("export-done", file = file, count = count));
            if !partial.unloaded.is_empty() {
                let names: Vec<String> = partial
                    .unloaded
                    .iter()
                    .map(|f| {
                        f.file_name()
                            .unwrap_or_default()
                            .to_string_lossy()
                            .into_owned()
                    })
                    .collect();
                let (count, names) = (names.len(), names.join("、"));
                println!("{}", tr!("export-left-out", count = count, names = names));
            }
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}

/// The site of the year `export` works on, with every nominee whatever their status.
fn export_site(args: &ExportArgs) -> Result<laurel::content::PartialSite, ExitCode> {
    open(&args.root, args.year)?
        .nominees()
        .map_err(|problems| report(&problems, &tr!("failed-site-yaml")))
}

/// The site `export` works on and where its output goes: `--output`, else `default`.
fn export_target(
    args: &ExportArgs,
    default: impl FnOnce(&laurel::content::Site) -> PathBuf,
) -> Result<(laurel::content::PartialSite, PathBuf), ExitCode> {
    let partial = export_site(args)?;
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| default(&partial.site));
    Ok((partial, target))
}

fn dossier(args: ExportArgs) -> ExitCode {
    let (partial, folder) = match export_target(&args, |site| {
        laurel::export::dossier::default_folder(&args.root, site.config.campaign.year)
    }) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::dossier::write(site, &folder) {
        Ok(dossier) => {
            for problem in &dossier.problems {
                warn(&problem.to_string());
            }
            let [nominated, selected, not_selected] = dossier.counts;
            let done = tr!(
                "export-dossier-done",
                file = dossier.compilation.display().to_string(),
                count = site.laureates.len(),
                selected = selected,
                not_selected = not_selected,
                nominated = nominated,
                folder = dossier.folder.display().to_string()
            );
            println!("{done}\n{}", tr!("export-dossier-private"));
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}

fn joint_review(args: ExportArgs) -> ExitCode {
    let (partial, file) = match export_target(&args, |site| {
        laurel::export::joint::default_file(&args.root, site.config.campaign.year)
    }) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::joint::write(site, &file) {
        Ok(joint) => {
            for warning in &joint.warnings {
                warn(&warning.to_string());
            }
            let file = joint.file.display().to_string();
            let count = joint.people;
            println!("{}", tr!("export-joint-done", file = file, count = count));
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}

fn province(args: ExportArgs) -> ExitCode {
    let (partial, file) = match export_target(&args, laurel::export::province::default_file) {
        Ok(target) => target,
        Err(code) => return code,
    };
    let site = &partial.site;
    match laurel::export::province::write(site, &file) {
        Ok(package) => {
            let done = tr!(
                "export-province-done",
                file = package.file.display().to_string(),
                count = package.people.len(),
                names = package.people.join("、")
            );
            println!("{done}");
            if !package.small_photos.is_empty() {
                let count = package.small_photos.len();
                println!("{}", tr!("export-province-small", count = count));
            }
            ExitCode::SUCCESS
        }
        Err(d) => report(&d.into(), &tr!("failed-export")),
    }
}
