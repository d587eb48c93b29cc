//! The 推荐表 of one laureate as the notice's form lays it out: 姓名, 性别, 出生年月 and the
//! portrait's cell merged down four rows; 民族, 政治面貌, 专业领域; 职称, 职务, 类别; 工作单位;
//! 身份证号; 联系电话; the 推荐渠道 boxes, one ticked; 推荐单位; 主要事迹 (chapters numbered
//! 一、二、…); 曾获荣誉; 推荐单位意见.

use super::wordml::{Cell, Form, Merge};
use crate::content::{Channel, Laureate, Site};
use crate::markdown::Chapter;

/// Keys of `private:` per field of the form, first match wins (as import writes them first).
const KEYS: [(&str, &[&str]); 5] = [
    ("民族", &["ethnicity", "民族"]),
    ("政治面貌", &["politics", "政治面貌"]),
    ("身份证号", &["id_number", "身份证号", "身份证号码"]),
    ("联系电话", &["phone", "联系电话", "电话", "mobile"]),
    (
        "推荐单位意见",
        &["opinion", "推荐单位意见", "单位意见", "推荐意见"],
    ),
];

/// The private value the form shows under `label`.
fn private(laureate: &Laureate, label: &str) -> String {
    let keys = KEYS
        .iter()
        .find(|(l, _)| *l == label)
        .map_or(&[][..], |(_, k)| k);
    (keys.iter())
        .find_map(|k| laureate.private.get(*k))
        .cloned()
        .unwrap_or_default()
}

/// The form of `laureate`; `portrait` says whether a picture goes into the photo cell.
pub fn form(site: &Site, laureate: &Laureate, portrait: bool) -> Form {
    let birth = laureate
        .leader_birth()
        .map(|b| format!("{}.{:02}", b.year, b.month));
    let photo = |merge: Merge| Cell {
        span: 1,
        lines: match (portrait, merge) {
            (false, Merge::Start) => vec!["照片".into()],
            _ => Vec::new(),
        },
        merge,
        picture: portrait,
        label: false,
    };
    let pair = |label: &str, value: &str| [Cell::label(label), Cell::value(value, 1)];
    let wide =
        |label: &str, value: &str, span: usize| vec![Cell::label(label), Cell::value(value, span)];
    let mut rows: Vec<Vec<Cell>> = vec![
        [pair("姓名", &laureate.name), pair("性别", &laureate.gender)].concat(),
        [
            pair("民族", &private(laureate, "民族")),
            pair("政治面貌", &private(laureate, "政治面貌")),
        ]
        .concat(),
        [
            pair("职称", &laureate.title),
            pair("职务", &laureate.position),
        ]
        .concat(),
    ];
    rows[0].extend(pair("出生年月", birth.as_deref().unwrap_or("")));
    rows[1].extend(pair("专业领域", &laureate.field));
    rows[2].extend(pair("类别", &laureate.category));
    for (i, row) in rows.iter_mut().enumerate() {
        row.push(photo(if i == 0 {
            Merge::Start
        } else {
            Merge::Continue
        }));
    }
    let mut unit = wide("工作单位", &laureate.organization, 5);
    unit.push(photo(Merge::Continue));
    rows.push(unit);
    rows.push(wide("身份证号", &private(laureate, "身份证号"), 6));
    rows.push(wide("联系电话", &private(laureate, "联系电话"), 6));
    rows.push(wide("推荐渠道", &channel_boxes(laureate.channel), 6));
    rows.push(wide("推荐单位", &laureate.recommender, 6));
    rows.push(wide(
        "主要事迹\n（1500字以内）",
        &story_lines(&laureate.story.chapters).join("\n"),
        6,
    ));
    rows.push(wide("曾获荣誉", &laureate.honors.join("\n"), 6));
    rows.push(wide(
        "推荐单位\n意见",
        &private(laureate, "推荐单位意见"),
        6,
    ));
    Form {
        title: format!("{}推荐表", site.config.official_name()),
        rows,
        after: Vec::new(),
    }
}

/// The channel row's boxes, the laureate's ticked.
fn channel_boxes(channel: Option<Channel>) -> String {
    let boxes = [
        (Channel::County, "县（市、区）科协"),
        (Channel::Society, "市级学会"),
        (Channel::University, "高校科协"),
    ];
    (boxes.iter())
        .map(|(c, text)| format!("{}{text}", if channel == Some(*c) { '☑' } else { '□' }))
        .collect::<Vec<_>>()
        .join("　")
}

/// The story as the form's lines: each chapter's title numbered 一、二、… on a line of its
/// own, then its paragraphs as plain text.
pub fn story_lines(chapters: &[Chapter]) -> Vec<String> {
    const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut lines = Vec::new();
    let titles = chapters.iter().filter_map(|c| c.title.as_ref());
    let mut numbered = titles.zip(NUMERALS.iter().chain(std::iter::repeat(&"十")));
    for chapter in chapters {
        if chapter.title.is_some() {
            let (title, numeral) = numbered.next().expect("one per titled chapter");
            lines.push(format!("{numeral}、{title}"));
        }
        lines.extend(chapter.blocks.iter().map(|b| plain_text(&b.html)));
    }
    lines.retain(|l| !l.trim().is_empty());
    lines
}

/// Sanitised HTML as the text a reader sees: tags dropped, entities decoded, on one line.
pub(crate) fn plain_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '\n' if !in_tag => text.push(' '),
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = quick_xml::escape::unescape(&text).map_or(text.clone(), |t| t.into_owned());
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_html_becomes_the_forms_plain_lines() {
        assert_eq!(
            plain_text("<p>见<a href=\"/x/\">吕静</a>&amp;<strong>王振国</strong>。</p>\n"),
            "见吕静&王振国。"
        );
        assert_eq!(
            channel_boxes(Some(Channel::Society)),
            "□县（市、区）科协　☑市级学会　□高校科协"
        );
    }
}
