//! `laurel review sheets`: one 评分表 (.xlsx) per judge. Title, the criteria with their
//! weights and maxima, one row per nominee (编号, 姓名, 工作单位, 类别, a column per
//! criterion, 总分 as a formula, 备注). The sheet is protected: only the score and 备注 cells
//! can be edited, and a score outside 0–max is refused by Excel's data validation.

use super::{messages, nominees, Nominee};
use crate::config::Review;
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use std::path::{Path, PathBuf};

/// The worksheet's name.
pub const SHEET: &str = "评分表";
/// The label of the cell left of the judge's name.
pub const JUDGE: &str = "评委";
/// The columns before the criteria; the header row is the one starting with the first.
pub const FIXED: [&str; 4] = ["编号", "姓名", "工作单位", "类别"];
/// The columns after the criteria.
pub const TRAILING: [&str; 2] = ["总分", "备注"];
/// The 0-based row of the header; the nominees follow it.
const HEADER_ROW: u32 = 2;

/// The file name of a judge's sheet.
pub fn file_name(judge: &str) -> String {
    format!("评分表-{judge}.xlsx")
}

/// Writes one sheet per judge of `campaign.review` into `dir` (created when missing; never
/// under the site's `public/`) and returns the files written.
pub fn write(site: &Site, dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let public = std::path::absolute(site.root.join("public")).unwrap_or_default();
    if std::path::absolute(dir).is_ok_and(|d| d.starts_with(&public)) {
        return Err(Diagnostic::new(dir, messages::sheets_in_public())
            .hint(messages::sheets_in_public_hint()));
    }
    let nominees = nominees(site);
    if nominees.is_empty() {
        return Err(Diagnostic::new(&site.root, messages::no_nominees()));
    }
    std::fs::create_dir_all(dir).map_err(|e| Diagnostic::new(dir, messages::cannot_write(&e)))?;
    let title = messages::sheet_title(&site.config.official_name());
    site.config
        .campaign
        .review
        .judges
        .names()
        .iter()
        .map(|judge| {
            let file = dir.join(file_name(judge));
            write_sheet(
                &site.config.campaign.review,
                &title,
                judge,
                &nominees,
                &file,
            )
            .map_err(|e| Diagnostic::new(&file, messages::cannot_write(&e)))?;
            Ok(file)
        })
        .collect()
}

/// The cell formats of a sheet.
struct Formats {
    title: Format,
    bold: Format,
    header: Format,
    locked: Format,
    score: Format,
    remark: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center),
            bold: Format::new().set_bold(),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color("#F2F2F2"),
            locked: cell.clone(),
            score: cell
                .clone()
                .set_unlocked()
                .set_background_color("#FFF9E0")
                .set_num_format("0.0"),
            remark: cell.set_unlocked(),
        }
    }
}

fn write_sheet(
    review: &Review,
    title: &str,
    judge: &str,
    nominees: &[Nominee],
    file: &Path,
) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET)?;
    let formats = Formats::new();
    let criteria = review.criteria.len() as u16;
    let last_col = FIXED.len() as u16 + criteria + TRAILING.len() as u16 - 1;
    sheet.merge_range(0, 0, 0, last_col, title, &formats.title)?;
    sheet.set_row_height(0, 30)?;
    sheet.write_string_with_format(1, 0, JUDGE, &formats.bold)?;
    sheet.write_string_with_format(1, 1, judge, &formats.bold)?;
    sheet.merge_range(
        1,
        2,
        1,
        last_col,
        &messages::instructions(review),
        &Format::new().set_text_wrap(),
    )?;
    sheet.set_row_height(1, 48)?;
    let headers = FIXED
        .iter()
        .map(|h| h.to_string())
        .chain(review.criteria.iter().map(|c| c.name.clone()))
        .chain(TRAILING.iter().map(|h| h.to_string()));
    for (col, header) in headers.enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, &header, &formats.header)?;
    }
    for (i, nominee) in nominees.iter().enumerate() {
        write_row(sheet, review, HEADER_ROW + 1 + i as u32, nominee, &formats)?;
    }
    add_validation(sheet, review, nominees.len() as u32)?;
    for (col, width) in [(0, 6.0), (1, 10.0), (2, 30.0), (3, 12.0)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_column_range_width(4, last_col - 2, 11.0)?;
    sheet.set_column_width(last_col - 1, 9.0)?;
    sheet.set_column_width(last_col, 24.0)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 2)?;
    sheet.protect();
    workbook.save(file)
}

fn write_row(
    sheet: &mut Worksheet,
    review: &Review,
    row: u32,
    nominee: &Nominee,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let l = nominee.laureate;
    sheet.write_number_with_format(row, 0, nominee.number as f64, &formats.locked)?;
    for (col, text) in [(1, &l.name), (2, &l.organization), (3, &l.category)] {
        sheet.write_string_with_format(row, col, text, &formats.locked)?;
    }
    let first = FIXED.len() as u16;
    let last = first + review.criteria.len() as u16 - 1;
    for col in first..=last {
        sheet.write_blank(row, col, &formats.score)?;
    }
    let sum: Vec<String> = review
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}*{}", row_col_to_cell(row, first + i as u16), c.weight))
        .collect();
    let range = format!(
        "{}:{}",
        row_col_to_cell(row, first),
        row_col_to_cell(row, last)
    );
    let formula = format!("=IF(COUNT({range})=0,\"\",{})", sum.join("+"));
    sheet.write_formula_with_format(row, last + 1, formula.as_str(), &formats.locked)?;
    sheet.write_blank(row, last + 2, &formats.remark)?;
    Ok(())
}

/// Each criterion's cells take a number from 0 to its max, nothing else.
fn add_validation(sheet: &mut Worksheet, review: &Review, rows: u32) -> Result<(), XlsxError> {
    let first_row = HEADER_ROW + 1;
    for (i, criterion) in review.criteria.iter().enumerate() {
        let col = FIXED.len() as u16 + i as u16;
        let validation = DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, criterion.max))
            .set_error_title(messages::VALIDATION_TITLE)?
            .set_error_message(messages::validation_message(criterion))?;
        sheet.add_data_validation(first_row, col, first_row + rows - 1, col, &validation)?;
    }
    Ok(())
}
