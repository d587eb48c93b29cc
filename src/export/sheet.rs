//! One table as an .xlsx worksheet: a merged title row, an optional note row under it (the
//! private-data marker), a bold header, bordered cells, widths fitted to Chinese text, the
//! header frozen; a 序号 in the first column written as a number.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use std::path::Path;

/// A table to write.
pub struct Sheet<'a> {
    /// The worksheet's name.
    pub name: &'a str,
    /// The title row.
    pub title: &'a str,
    /// A line under the title, in bold red (e.g. that the table holds private data).
    pub note: Option<&'a str>,
    /// The header.
    pub columns: &'a [&'a str],
    /// The rows, one cell per column.
    pub rows: &'a [Vec<String>],
}

/// Display width of text in Excel's character units: CJK characters count double.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.1 })
        .sum()
}

impl Sheet<'_> {
    /// Writes the table as the only worksheet of the .xlsx `file`.
    pub fn save(&self, file: &Path) -> Result<(), XlsxError> {
        std::fs::write(file, self.to_bytes()?)?;
        Ok(())
    }

    /// The .xlsx file holding the table as its only worksheet.
    pub fn to_bytes(&self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(self.name)?;
        let last = self.columns.len() as u16 - 1;
        let title_format = Format::new()
            .set_bold()
            .set_font_size(16)
            .set_align(FormatAlign::Center);
        sheet.merge_range(0, 0, 0, last, self.title, &title_format)?;
        sheet.set_row_height(0, 30)?;
        let mut header_row = 1;
        if let Some(note) = self.note {
            let note_format = Format::new()
                .set_bold()
                .set_font_color(Color::Red)
                .set_align(FormatAlign::Center);
            sheet.merge_range(1, 0, 1, last, note, &note_format)?;
            header_row = 2;
        }
        let header_format = Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_background_color("#F2F2F2");
        let cell_format = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        for (col, name) in self.columns.iter().enumerate() {
            sheet.write_string_with_format(header_row, col as u16, *name, &header_format)?;
            let widest = (self.rows.iter())
                .map(|row| text_width(&row[col]))
                .fold(text_width(name), f64::max);
            sheet.set_column_width(col as u16, (widest + 2.0).min(60.0))?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                let (row, col) = (header_row + 1 + r as u32, col as u16);
                // 序号 is a number, so that Excel sorts and sums it as one.
                match cell.parse::<u32>() {
                    Ok(number) if col == 0 => {
                        sheet.write_number_with_format(row, col, number, &cell_format)?
                    }
                    _ => sheet.write_string_with_format(row, col, cell, &cell_format)?,
                };
            }
        }
        sheet.set_freeze_panes(header_row + 1, 0)?;
        workbook.save_to_buffer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_wider() {
        assert!(text_width("工作单位") > text_width("abcdefgh"));
    }
}
