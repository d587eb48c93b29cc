//! The 公示 page's view: who is announced, the dates, and where objections go.

use crate::config::{Order, SiteConfig};
use crate::content::Site;
use serde::Serialize;

/// Whether the site publishes a 公示 page: always in the publicity phase, and in the
/// showcase when `campaign.publicity` is set.
pub fn publicity_published(config: &SiteConfig) -> bool {
    config.campaign.publicity_published()
}

/// The 公示 page: the candidates in the campaign's order, the period and where objections go.
#[derive(Debug, Serialize)]
pub struct PublicityView {
    /// The heading, e.g. 2022年衡水市“最美科技工作者”推荐人选公示.
    pub title: String,
    /// The part of the heading kept on one line: the quoted title (“最美科技工作者”), or
    /// nothing when the official name quotes nothing.
    pub title_keep: String,
    /// First day, `YYYY年M月D日`.
    pub start: Option<String>,
    /// Last day.
    pub end: Option<String>,
    /// Telephone for objections.
    pub phone: String,
    /// E-mail for objections.
    pub email: String,
    /// Postal address for objections.
    pub address: String,
    /// Who signs.
    pub signed: String,
    /// The date under the signature.
    pub date: Option<String>,
    /// How the list is ordered (按姓氏笔画排序 …), none for a manual order.
    pub order: Option<&'static str>,
    /// One row per candidate.
    pub rows: Vec<PublicityRow>,
}

/// One candidate in the 公示 list: what official lists show, never more (PIPL art. 25).
#[derive(Debug, Serialize)]
pub struct PublicityRow {
    /// 序号.
    pub number: usize,
    /// 姓名.
    pub name: String,
    /// 性别.
    pub gender: String,
    /// 工作单位及职务职称.
    pub unit: String,
    /// 推荐单位.
    pub recommender: String,
    /// 类别.
    pub category: String,
    /// 简要事迹.
    pub summary: String,
}

impl PublicityView {
    /// The 公示 of `site`'s laureates, in the campaign's order.
    pub fn new(site: &Site) -> PublicityView {
        let config = &site.config;
        let publicity = config.campaign.publicity.clone().unwrap_or_default();
        let chinese = |d: crate::config::Date| format!("{}年{}月{}日", d.year, d.month, d.day);
        let signed = match publicity.signed.is_empty() {
            true => config.organizer.clone(),
            false => publicity.signed.clone(),
        };
        PublicityView {
            title: format!("{}推荐人选公示", config.official_name()),
            title_keep: quoted_part(&config.official_name()),
            start: publicity.start.map(chinese),
            end: publicity.end.map(chinese),
            phone: publicity.phone,
            email: publicity.email,
            address: publicity.address,
            signed,
            date: publicity.date.or(publicity.start).map(chinese),
            order: match config.campaign.order {
                Order::Strokes => Some("按姓氏笔画排序"),
                Order::Pinyin => Some("按姓名拼音排序"),
                Order::Manual => None,
            },
            rows: site
                .laureates
                .iter()
                .enumerate()
                .map(|(i, l)| PublicityRow {
                    number: i + 1,
                    name: l.name.clone(),
                    gender: match l.team {
                        Some(_) => "团队".into(),
                        None => l.gender.clone(),
                    },
                    unit: [l.organization.as_str(), &l.role()]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    recommender: l.recommender.clone(),
                    category: l.category.clone(),
                    summary: l.summary.clone(),
                })
                .collect(),
        }
    }
}

/// The quoted part of `text`, quotes included (`“最美科技工作者”`), or an empty string.
fn quoted_part(text: &str) -> String {
    let start = text.find(['“', '「', '"']);
    let end = start.and_then(|s| {
        let after = s + text[s..].chars().next().map_or(0, char::len_utf8);
        text[after..].find(['”', '」', '"']).map(|e| after + e)
    });
    match (start, end) {
        (Some(s), Some(e)) => {
            let close = text[e..].chars().next().map_or(0, char::len_utf8);
            text[s..e + close].to_string()
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::quoted_part;

    #[test]
    fn the_quoted_title_is_what_a_heading_keeps_on_one_line() {
        assert_eq!(
            quoted_part("2022年衡水市“最美科技工作者”"),
            "“最美科技工作者”"
        );
        assert_eq!(quoted_part("2022年「最美」评选"), "「最美」");
        assert_eq!(quoted_part("最美科技工作者"), "");
        assert_eq!(quoted_part("只有“半边"), "");
    }
}
