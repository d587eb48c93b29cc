//! Reading what a Word document holds: a 推荐表 (one candidate or one team: label cells with
//! their values beside or below them, or `label：value` in one cell, the story in the table or
//! after it, a pasted portrait), a 汇总表 (a header row of column names and one row per
//! candidate), or 事迹材料 (paragraphs). Labels are found from a vocabulary of the ways units
//! write them, never by cell position, because units re-type and re-merge the tables; a 推荐表
//! is told from a 汇总表 by the shape of its table.

use super::docx::{Block, Cell, Document, Table};
use std::collections::BTreeMap;

/// A field of the forms and tables, by what it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// 工作单位 (of a team: 依托单位).
    Organization,
    /// 职务.
    Position,
    /// 职称.
    Title,
    /// 职务职称 in one cell.
    PositionAndTitle,
    /// 工作单位及职务（职称） in one cell.
    Employment,
    /// 专业领域.
    Speciality,
    /// 联系电话 (kept private).
    Phone,
    /// 电子邮箱 (kept private).
    Email,
    /// 通讯地址 (kept private).
    Address,
    /// 邮编 (kept private).
    Postcode,
    /// 身份证号 (kept private).
    IdNumber,
    /// 推荐单位.
    Recommender,
    /// 推荐渠道 (check boxes).
    Channel,
    /// 类别.
    Category,
    /// 主要事迹 (the long cell).
    Story,
    /// 简要事迹.
    Summary,
    /// 曾获荣誉.
    Honors,
    /// 推荐单位意见 (not published).
    Opinion,
    /// 团队名称.
    TeamName,
    /// 团队负责人.
    Leader,
    /// 团队人数 (read to recognise the label; the members table says who).
    TeamSize,
    /// A member's 分工 in a team's members table.
    Role,
    /// 序号 of a 汇总表.
    Serial,
    /// 备注 of a 汇总表.
    Remark,
    /// 照片: where the portrait goes.
    Photo,
}

/// Labels as units write them (as [`as_label`] leaves them), and their field.
const LABELS: &[(&str, Field)] = &[
    ("姓名", Field::Name),
    ("名字", Field::Name),
    ("性别", Field::Gender),
    ("出生年月", Field::Birth),
    ("出生日期", Field::Birth),
    ("出生年月日", Field::Birth),
    ("民族", Field::Ethnicity),
    ("政治面貌", Field::Politics),
    ("党派", Field::Politics),
    ("学历", Field::Education),
    ("学位", Field::Education),
    ("最高学历", Field::Education),
    ("学历学位", Field::Education),
    ("文化程度", Field::Education),
    ("工作单位", Field::Organization),
    ("单位", Field::Organization),
    ("所在单位", Field::Organization),
    ("依托单位", Field::Organization),
    ("职务", Field::Position),
    ("现任职务", Field::Position),
    ("行政职务", Field::Position),
    ("职称", Field::Title),
    ("专业技术职称", Field::Title),
    ("技术职称", Field::Title),
    ("职务职称", Field::PositionAndTitle),
    ("职称职务", Field::PositionAndTitle),
    ("工作单位及职务", Field::Employment),
    ("工作单位及职称", Field::Employment),
    ("工作单位及职务职称", Field::Employment),
    ("单位及职务", Field::Employment),
    ("单位及职务职称", Field::Employment),
    ("工作单位和职务", Field::Employment),
    ("专业领域", Field::Speciality),
    ("从事专业", Field::Speciality),
    ("专业", Field::Speciality),
    ("研究领域", Field::Speciality),
    ("研究方向", Field::Speciality),
    ("从事领域", Field::Speciality),
    ("联系电话", Field::Phone),
    ("联系方式", Field::Phone),
    ("电话", Field::Phone),
    ("手机", Field::Phone),
    ("手机号", Field::Phone),
    ("手机号码", Field::Phone),
    ("移动电话", Field::Phone),
    ("电子邮箱", Field::Email),
    ("电子邮件", Field::Email),
    ("邮箱", Field::Email),
    ("email", Field::Email),
    ("e-mail", Field::Email),
    ("通讯地址", Field::Address),
    ("通信地址", Field::Address),
    ("联系地址", Field::Address),
    ("家庭住址", Field::Address),
    ("地址", Field::Address),
    ("邮编", Field::Postcode),
    ("邮政编码", Field::Postcode),
    ("身份证号", Field::IdNumber),
    ("身份证号码", Field::IdNumber),
    ("公民身份号码", Field::IdNumber),
    ("身份证", Field::IdNumber),
    ("推荐单位", Field::Recommender),
    ("推荐单位名称", Field::Recommender),
    ("申报单位", Field::Recommender),
    ("推荐渠道", Field::Channel),
    ("推荐方式", Field::Channel),
    ("类别", Field::Category),
    ("推荐类别", Field::Category),
    ("申报类别", Field::Category),
    ("人选类别", Field::Category),
    ("主要事迹", Field::Story),
    ("事迹", Field::Story),
    ("先进事迹", Field::Story),
    ("主要事迹简介", Field::Story),
    ("个人主要事迹", Field::Story),
    ("团队主要事迹", Field::Story),
    ("事迹材料", Field::Story),
    ("简要事迹", Field::Summary),
    ("事迹简介", Field::Summary),
    ("曾获荣誉", Field::Honors),
    ("获奖情况", Field::Honors),
    ("曾获奖励", Field::Honors),
    ("主要荣誉", Field::Honors),
    ("获得荣誉", Field::Honors),
    ("曾获表彰", Field::Honors),
    ("所获荣誉", Field::Honors),
    ("推荐单位意见", Field::Opinion),
    ("单位意见", Field::Opinion),
    ("推荐意见", Field::Opinion),
    ("团队名称", Field::TeamName),
    ("团队负责人", Field::Leader),
    ("负责人", Field::Leader),
    ("团队带头人", Field::Leader),
    ("团队人数", Field::TeamSize),
    ("成员人数", Field::TeamSize),
    ("分工", Field::Role),
    ("在团队中分工", Field::Role),
    ("团队分工", Field::Role),
    ("序号", Field::Serial),
    ("备注", Field::Remark),
    ("照片", Field::Photo),
    ("近期免冠照片", Field::Photo),
    ("免冠照片", Field::Photo),
    ("二寸照片", Field::Photo),
];

/// A cell's text as a label: without whitespace (also full-width), colons, stars, bracketed
/// notes such as （1500字以内） and the slashes of `职务/职称`, lower-case.
pub fn as_label(text: &str) -> String {
    let mut label = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ':' | '：' | '*' | '＊' | '/' | '／' | '、' | '·' => {}
            c if c.is_whitespace() => {}
            c => label.extend(c.to_lowercase()),
        }
    }
    label
}

/// The field `text` labels, if it is a label.
pub fn label_of(text: &str) -> Option<Field> {
    let label = as_label(text);
    if label.is_empty() || label.chars().count() > 12 {
        return None;
    }
    LABELS.iter().find(|(l, _)| *l == label).map(|(_, f)| *f)
}

/// `label：value` typed into one line: the field and the value.
fn inline_pair(line: &str) -> Option<(Field, &str)> {
    let at = line.find(['：', ':'])?;
    let field = label_of(&line[..at])?;
    let colon = line[at..].chars().next().map_or(1, char::len_utf8);
    Some((field, line[at + colon..].trim()))
}

/// What a Word document holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// A 推荐表.
    Form(Form),
    /// A 汇总表: one row per candidate, by field.
    Summary(Vec<BTreeMap<Field, String>>),
    /// 事迹材料 or another document of paragraphs.
    Paragraphs(Vec<String>),
    /// A form (three or more fields) without a 姓名 or 团队名称.
    Nameless,
}

/// What a 推荐表 says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// The fields, as typed (the first value of a field wins).
    pub fields: BTreeMap<Field, String>,
    /// A team's members table, one row per member (empty for a person).
    pub members: Vec<BTreeMap<Field, String>>,
    /// Pictures pasted into the form's table (the portrait first).
    pub pictures: Vec<Vec<u8>>,
}

impl Form {
    /// True for a team nomination (团队名称).
    pub fn is_team(&self) -> bool {
        self.fields.contains_key(&Field::TeamName)
    }
}

/// Reads a Word document: a form, a 汇总表 or paragraphs, by what its tables hold.
pub fn read(doc: &Document) -> Contents {
    let mut form = Form::default();
    let mut tables_of_rows = Vec::new();
    for table in doc.tables() {
        match rows_under_header(&table.grid()) {
            Some(rows) => tables_of_rows.push(rows),
            None => {
                for (field, value) in table_fields(table) {
                    form.fields.entry(field).or_insert(value);
                }
                form.pictures
                    .extend(table.cells.iter().flat_map(|c| c.images.iter().cloned()));
            }
        }
    }
    let named = form.fields.contains_key(&Field::Name) || form.is_team();
    if !named {
        if let Some(rows) = tables_of_rows.into_iter().next() {
            return Contents::Summary(rows);
        }
        if form.fields.len() >= 3 {
            return Contents::Nameless;
        }
        return Contents::Paragraphs(doc.paragraphs().map(str::to_string).collect());
    }
    if form.is_team() {
        form.members = tables_of_rows.into_iter().next().unwrap_or_default();
    }
    if let Some(story) = story_after_tables(doc, form.fields.contains_key(&Field::Story)) {
        form.fields.insert(Field::Story, story);
    }
    Contents::Form(form)
}

/// The fields of one form table: for each label cell, the cell to its right when it holds a
/// value, else the cell below; `label：value` lines in one cell; the first value wins.
fn table_fields(table: &Table) -> Vec<(Field, String)> {
    let mut found = Vec::new();
    for cell in &table.cells {
        if let Some(field) = label_of(&cell.text) {
            if let Some(value) = value_of(table, cell) {
                found.push((field, value));
            }
            continue;
        }
        found.extend(inline_fields(&cell.text));
    }
    found
}

/// The value a label cell labels: the cell to its right, else the one below, when it is
/// neither empty nor a label.
fn value_of(table: &Table, label: &Cell) -> Option<String> {
    let holds_value = |cell: &&Cell| {
        !cell.text.trim().is_empty()
            && label_of(&cell.text).is_none()
            && inline_pair(first_line(&cell.text)).is_none()
    };
    let right = table.right_of(label).filter(holds_value);
    let below = || {
        table
            .below(label)
            .filter(|cell| cell.col == label.col)
            .filter(holds_value)
    };
    right
        .or_else(below)
        .map(|cell| cell.text.trim().to_string())
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// The `label：value` lines of a cell; lines after one belong to its value.
fn inline_fields(text: &str) -> Vec<(Field, String)> {
    let mut found: Vec<(Field, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match inline_pair(line.trim()) {
            Some((field, value)) => found.push((field, value.to_string())),
            None if i > 0 && !found.is_empty() => {
                let last = found.last_mut().expect("not empty");
                last.1.push('\n');
                last.1.push_str(line.trim());
            }
            None => return Vec::new(),
        }
    }
    found.retain(|(_, value)| !value.trim().is_empty());
    for (_, value) in &mut found {
        *value = value.trim().to_string();
    }
    found
}

/// The rows of a 汇总表-shaped grid (also a team's members table): under a header row of at
/// least three column names (姓名 among them, nothing but column names in it), the rows below
/// it that hold no labels, at least one. A 推荐表 has values beside its labels or more labels
/// further down, so it never has this shape.
pub fn rows_under_header(grid: &[Vec<String>]) -> Option<Vec<BTreeMap<Field, String>>> {
    let header_at = grid.iter().position(|row| {
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        filled.len() >= 3
            && filled.iter().all(|c| label_of(c).is_some())
            && filled.iter().any(|c| label_of(c) == Some(Field::Name))
    })?;
    let columns: Vec<Option<Field>> = grid[header_at].iter().map(|c| label_of(c)).collect();
    let below = &grid[header_at + 1..];
    // Footers such as `填表人：…` are not labels of a form; rows of them are skipped below.
    let holds_labels = |row: &Vec<String>| row.iter().any(|c| label_of(c).is_some());
    if below.iter().any(holds_labels) {
        return None;
    }
    let rows: Vec<BTreeMap<Field, String>> = below
        .iter()
        .map(|row| {
            columns
                .iter()
                .zip(row)
                .filter_map(|(column, cell)| Some(((*column)?, cell.trim().to_string())))
                .filter(|(_, value)| !value.is_empty())
                .collect::<BTreeMap<_, _>>()
        })
        .filter(|row| row.get(&Field::Name).is_some_and(|n| !n.is_empty()))
        .collect();
    (!rows.is_empty()).then_some(rows)
}

/// The story typed after the form's table: the paragraphs after a heading such as
/// `附：主要事迹` or `事迹材料`; without such a heading, the paragraphs after the last table
/// when the table has no story cell and they read like prose.
fn story_after_tables(doc: &Document, table_has_story: bool) -> Option<String> {
    let last_table = doc
        .blocks
        .iter()
        .rposition(|b| matches!(b, Block::Table(_)))?;
    let after: Vec<&str> = doc.blocks[last_table + 1..]
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    let heading = after.iter().position(|p| is_story_heading(p));
    let story: Vec<&str> = match heading {
        Some(at) => after[at + 1..].to_vec(),
        None if !table_has_story && after.iter().any(|p| p.chars().count() >= 30) => {
            after.into_iter().filter(|p| !is_form_footer(p)).collect()
        }
        None => return None,
    };
    let story = story.join("\n");
    (!story.trim().is_empty()).then_some(story)
}

/// `附：主要事迹`, `附件：事迹材料`, `主要事迹` as a paragraph of its own.
fn is_story_heading(paragraph: &str) -> bool {
    let label = as_label(paragraph);
    let label = label
        .trim_start_matches("附件")
        .trim_start_matches('附')
        .trim_start_matches(|c: char| c.is_ascii_digit());
    matches!(label_of(label), Some(Field::Story)) || label.ends_with("事迹材料")
}

/// The lines printed under a form: `推荐单位（盖章）`, `年  月  日`, `填表说明…`.
fn is_form_footer(paragraph: &str) -> bool {
    let label = as_label(paragraph);
    label.contains("盖章")
        || label == "年月日"
        || label.starts_with("填表")
        || label.starts_with("注")
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
    fn labels_are_read_through_their_padding_and_notes() {
        assert_eq!(label_of("姓　　名"), Some(Field::Name));
        assert_eq!(label_of("职务/职称"), Some(Field::PositionAndTitle));
        assert_eq!(label_of("主要事迹\n（1500字以内）"), Some(Field::Story));
        assert_eq!(label_of("推荐单位\n意见"), Some(Field::Opinion));
        assert_eq!(label_of("王建华"), None);
        assert_eq!(inline_pair("姓名：王　芳"), Some((Field::Name, "王　芳")));
        assert_eq!(inline_pair("衡水市：好"), None);
    }

    #[test]
    fn a_summary_has_a_header_row_and_rows_without_labels() {
        let sheet = grid(&[
            &["2022年推荐人选汇总表", "", "", "", ""],
            &["序号", "姓名", "性别", "出生年月", "推荐单位"],
            &["1", "王芳", "女", "1988.03", "桃城区科协"],
            &["", "", "", "", ""],
        ]);
        let rows = rows_under_header(&sheet).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][&Field::Recommender], "桃城区科协");
        // The national form's first row holds three labels, but values between them.
        let form = grid(&[
            &["姓名", "王建华", "性别", "男", "出生年月", "1968.03"],
            &["民族", "汉族", "政治面貌", "中共党员", "学历学位", "大学"],
        ]);
        assert!(rows_under_header(&form).is_none());
        // Labels over values, then more labels: a form, not a table of people.
        let vertical = grid(&[
            &["姓名", "性别", "出生年月"],
            &["王芳", "女", "1983.07"],
            &["主要事迹", "", ""],
        ]);
        assert!(rows_under_header(&vertical).is_none());
    }

    #[test]
    fn inline_cells_carry_their_following_lines() {
        assert_eq!(
            inline_fields("主要事迹：第一段。\n第二段。"),
            vec![(Field::Story, "第一段。\n第二段。".to_string())]
        );
        assert!(inline_fields("同意推荐。\n（盖章）").is_empty());
    }
}
