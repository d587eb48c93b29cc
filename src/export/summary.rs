//! The 推荐人选汇总表 (the notice's 附件2) as .xlsx or UTF-8 CSV with BOM; it holds the
//! private 联系电话: it goes to the organisers, never to the site.

use super::sheet::Sheet;
use crate::content::slug::slugify;
use crate::content::{Laureate, Site};
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// The notice's columns, in order.
pub const COLUMNS: [&str; 9] = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "工作单位及职务职称",
    "推荐单位",
    "类别",
    "联系电话",
    "备注",
];

/// Keys of `private:` read as the phone number, first match wins.
const PHONE_KEYS: [&str; 4] = ["phone", "联系电话", "电话", "mobile"];

/// The table's title, e.g. 2022年衡水市“最美科技工作者”推荐人选汇总表.
pub fn title(site: &Site) -> String {
    format!("{}推荐人选汇总表", site.config.official_name())
}

/// The table's rows (without header), in site order or grouped by recommending unit.
pub fn rows(site: &Site, group_by_unit: bool) -> Vec<[String; 9]> {
    let mut laureates: Vec<&Laureate> = site.laureates.iter().collect();
    if group_by_unit {
        // Units in pinyin order, as Chinese readers expect an alphabetical list; within a
        // unit the campaign's order (a stable sort keeps it).
        laureates.sort_by_cached_key(|l| slugify(&l.recommender));
    }
    laureates
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let phone = PHONE_KEYS
                .iter()
                .find_map(|k| l.private.get(*k))
                .cloned()
                .unwrap_or_default();
            let mut remarks = Vec::new();
            if let Some(team) = &l.team {
                remarks.push(format!("团队成员：{}", team.member_names()));
            }
            if let Some(channel) = l.channel {
                remarks.push(channel.label().to_string());
            }
            if l.province_pick {
                remarks.push("推荐参加省级评选".to_string());
            }
            remarks.push(consent_remark(l));
            [
                (i + 1).to_string(),
                l.name.clone(),
                match l.team {
                    Some(_) => "团队".into(),
                    None => l.gender.clone(),
                },
                l.leader_birth().map(|b| b.to_string()).unwrap_or_default(),
                unit_and_titles(l),
                l.recommender.clone(),
                l.category.clone(),
                phone,
                remarks.join("；"),
            ]
        })
        .collect()
}

/// 工作单位及职务职称 in one cell: unit, post and title (a team's leader and size).
pub(super) fn unit_and_titles(l: &Laureate) -> String {
    let byline = l.team.as_ref().map(|t| t.byline()).unwrap_or_default();
    [l.organization.as_str(), &l.position, &l.title, &byline]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the laureate consented to publication, for the 备注 column.
fn consent_remark(l: &crate::content::Laureate) -> String {
    match &l.consent {
        Some(consent) => match consent.date {
            Some(date) => format!("已签公开同意书（{date}）"),
            None => "已签公开同意书".into(),
        },
        None => "未见公开同意书".into(),
    }
}

/// The file extensions `export` writes.
pub const FORMATS: &[&str] = &["xlsx", "csv"];

/// Writes the summary table to `file`: .xlsx, or .csv (UTF-8 with BOM) by extension.
pub fn export(site: &Site, file: &Path, group_by_unit: bool) -> Result<(), Diagnostic> {
    let rows = rows(site, group_by_unit);
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let result = match ext.as_str() {
        "xlsx" => xlsx_bytes(site, group_by_unit)
            .and_then(|bytes| std::fs::write(file, bytes).map_err(|e| e.to_string())),
        "csv" => std::fs::write(file, csv(&rows)).map_err(|e| e.to_string()),
        _ => {
            return Err(Diagnostic::new(file, crate::tr!("export-unknown-format"))
                .hint(crate::tr!("export-unknown-format-hint")))
        }
    };
    result.map_err(|e| Diagnostic::new(file, crate::tr!("export-cannot-write-summary", error = e)))
}

/// The summary table as an .xlsx file.
pub fn xlsx_bytes(site: &Site, group_by_unit: bool) -> Result<Vec<u8>, String> {
    let rows: Vec<Vec<String>> = (rows(site, group_by_unit).iter())
        .map(|r| r.to_vec())
        .collect();
    Sheet {
        name: "推荐人选汇总表",
        title: &title(site),
        note: None,
        columns: &COLUMNS,
        rows: &rows,
    }
    .to_bytes()
    .map_err(|e| e.to_string())
}

/// CSV with a UTF-8 BOM (so Excel reads the Chinese right) and CRLF line ends.
pub fn csv(rows: &[[String; 9]]) -> String {
    let mut out = String::from("\u{feff}");
    let header = COLUMNS.map(String::from);
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(csv_cell("平常"), "平常");
    }
}
