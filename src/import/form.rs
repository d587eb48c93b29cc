//! The notice's two tables as data: the 推荐表 (附件1, one form per candidate: label cells with
//! the value beside or below them) and the 汇总表 (附件2, one row per candidate under a header
//! row). Both are found by their labels, not by cell positions, because units re-type and
//! re-merge the tables.

// The 汇总表's columns are the ones `laurel export` writes.
use crate::export::COLUMNS as SUMMARY_COLUMNS;
use std::collections::BTreeMap;

/// A field of the 推荐表, by what it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// 姓名.
    Name,
    /// 性别.
    Gender,
    /// 出生年月.
    Birth,
    /// 民族 (kept private).
    Ethnicity,
    /// 政治面貌 (kept private).
    Politics,
    /// 学历 (kept private).
    Education,
    /// 工作单位.
    Organization,
    /// 职务.
    Position,
    /// 职称.
    Title,
    /// 职务职称 in one cell.
    PositionAndTitle,
    /// 专业领域.
    Speciality,
    /// 联系电话 (kept private).
    Phone,
    /// 身份证号 (kept private).
    IdNumber,
    /// 推荐单位.
    Recommender,
    /// 类别.
    Category,
    /// 主要事迹 (the long cell).
    Story,
    /// 曾获荣誉.
    Honors,
}

/// Labels as units write them (spaces, colons and bracketed notes removed), and their field.
const LABELS: &[(&str, Field)] = &[
    ("姓名", Field::Name),
    ("性别", Field::Gender),
    ("出生年月", Field::Birth),
    ("出生日期", Field::Birth),
    ("民族", Field::Ethnicity),
    ("政治面貌", Field::Politics),
    ("学历", Field::Education),
    ("最高学历", Field::Education),
    ("学历学位", Field::Education),
    ("工作单位", Field::Organization),
    ("单位", Field::Organization),
    ("职务", Field::Position),
    ("职称", Field::Title),
    ("职务职称", Field::PositionAndTitle),
    ("职务/职称", Field::PositionAndTitle),
    ("专业领域", Field::Speciality),
    ("从事专业", Field::Speciality),
    ("专业", Field::Speciality),
    ("联系电话", Field::Phone),
    ("手机", Field::Phone),
    ("手机号码", Field::Phone),
    ("身份证号", Field::IdNumber),
    ("身份证号码", Field::IdNumber),
    ("推荐单位", Field::Recommender),
    ("类别", Field::Category),
    ("推荐类别", Field::Category),
    ("申报类别", Field::Category),
    ("主要事迹", Field::Story),
    ("事迹", Field::Story),
    ("先进事迹", Field::Story),
    ("曾获荣誉", Field::Honors),
    ("获奖情况", Field::Honors),
    ("曾获奖励", Field::Honors),
];

/// A cell's text as a label: without whitespace (also full-width), colons and a bracketed
/// note such as （1500字以内）.
fn as_label(text: &str) -> String {
    let without_note = match text.find(['（', '(']) {
        Some(i) if i > 0 => &text[..i],
        _ => text,
    };
    without_note
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '：' | '*' | '＊'))
        .collect()
}

/// The field a cell labels, if it is a label.
fn label_of(text: &str) -> Option<Field> {
    let label = as_label(text);
    LABELS.iter().find(|(l, _)| *l == label).map(|(_, f)| *f)
}

/// The fields of a 推荐表 found in `tables`: for each label cell, the next non-empty cell to
/// its right that is not a label, else the cell below it. The first value of a field wins.
pub fn form_fields(tables: &[Vec<Vec<String>>]) -> BTreeMap<Field, String> {
    let mut fields = BTreeMap::new();
    for table in tables {
        for (r, row) in table.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let Some(field) = label_of(cell) else {
                    continue;
                };
                let usable = |text: &&String| !text.trim().is_empty() && label_of(text).is_none();
                let right = row[c + 1..].iter().find(usable);
                let below = table.get(r + 1).and_then(|next| next.get(c)).filter(usable);
                if let Some(value) = right.or(below) {
                    fields
                        .entry(field)
                        .or_insert_with(|| value.trim().to_string());
                }
            }
        }
    }
    fields
}

/// The rows of a 汇总表 in `grid` (a table or a sheet): under the first row that holds 姓名 and
/// at least two more of the notice's column names, each non-empty row by column name.
pub fn summary_rows(grid: &[Vec<String>]) -> Option<Vec<BTreeMap<&'static str, String>>> {
    let (header_at, header) = grid.iter().enumerate().find(|(_, row)| {
        let names: Vec<String> = row.iter().map(|c| as_label(c)).collect();
        let known = SUMMARY_COLUMNS
            .iter()
            .filter(|col| names.iter().any(|n| n == *col))
            .count();
        names.iter().any(|n| n == "姓名") && known >= 3
    })?;
    let columns: Vec<Option<&'static str>> = header
        .iter()
        .map(|cell| {
            let label = as_label(cell);
            SUMMARY_COLUMNS.iter().copied().find(|c| *c == label)
        })
        .collect();
    let rows = grid[header_at + 1..]
        .iter()
        .map(|row| {
            columns
                .iter()
                .zip(row)
                .filter_map(|(column, cell)| Some((((*column)?), cell.trim().to_string())))
                .filter(|(_, value)| !value.is_empty())
                .collect::<BTreeMap<_, _>>()
        })
        .filter(|row| row.get("姓名").is_some_and(|n| !n.is_empty()))
        .collect();
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn labels_find_their_values_right_or_below() {
        let table = grid(&[
            &["姓  名", "王芳", "性别：", "女", "照片"],
            &["出生年月", "1988.03", "民族", "汉族", ""],
            &["工作单位及职务", "", "", "", ""],
            &[
                "工作单位",
                "衡水市人民医院",
                "职务职称",
                "心内科主任、主任医师",
                "",
            ],
            &["主要事迹（1500字以内）", "", "", "", ""],
            &["她在心内科工作十五年。", "", "", "", ""],
        ]);
        let fields = form_fields(&[table]);
        assert_eq!(fields[&Field::Name], "王芳");
        assert_eq!(fields[&Field::Gender], "女");
        assert_eq!(fields[&Field::Birth], "1988.03");
        assert_eq!(fields[&Field::Organization], "衡水市人民医院");
        assert_eq!(fields[&Field::PositionAndTitle], "心内科主任、主任医师");
        assert_eq!(fields[&Field::Story], "她在心内科工作十五年。");
    }

    #[test]
    fn the_summary_is_read_under_its_header_row() {
        let sheet = grid(&[
            &["2022年推荐人选汇总表", "", ""],
            &["序号", "姓名", "性别", "出生年月", "推荐单位"],
            &["1", "王芳", "女", "1988.03", "桃城区科协"],
            &["", "", "", "", ""],
        ]);
        let rows = summary_rows(&sheet).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["推荐单位"], "桃城区科协");
        assert!(summary_rows(&grid(&[&["姓名", "王芳"]])).is_none());
    }
}
