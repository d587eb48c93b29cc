//! What people type into forms, made into profile values: names without padding and with one
//! kind of middle dot, months as `YYYY-MM`, phone numbers without spaces, 工作单位及职务职称
//! split into unit, post and title, honours one per line, the ticked box of a channel row.

/// Characters units type between the parts of a name (阿依古丽•买买提) instead of `·`.
const NAME_DOTS: &[char] = &['•', '・', '．', '‧', '∙', '⋅', '･', '.', '｡', '°'];

/// 姓名 as written in a cell: without spaces (forms pad two-character names: 王　芳), the parts
/// of a name joined by `·`.
pub fn name(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if NAME_DOTS.contains(&c) { '·' } else { c })
        .collect()
}

/// A name as file and folder names are matched against it: normalised, and without the `·`
/// between name parts, which units often leave out (`迪丽娜尔吐尔逊1.jpg`).
pub fn name_key(text: &str) -> String {
    name(text).replace('·', "")
}

/// ASCII digits for full-width ones.
fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect()
}

/// `1968.03`, `1983年7月`, `1990-1`, `1988-03-12`, `198803` → `YYYY-MM`; `None` when it is not
/// a month.
pub fn month(text: &str) -> Option<String> {
    let text = ascii_digits(text);
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (year, month) = match numbers.as_slice() {
        [year, month, ..] => (*year, *month),
        [compact] if compact.len() == 6 || compact.len() == 8 => (&compact[..4], &compact[4..6]),
        _ => return None,
    };
    let year: u32 = year.parse().ok().filter(|y| (1900..=2100).contains(y))?;
    let month: u32 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some(format!("{year}-{month:02}"))
}

/// A phone number without the spaces typed into it (`139 1234 5678`), ASCII digits.
pub fn phone(text: &str) -> String {
    ascii_digits(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// 职称 as they end: 研究员, 教授, 高级工程师, 主治医师, 农艺师 ….
const TITLE_ENDINGS: &[&str] = &[
    "研究员",
    "教授",
    "讲师",
    "工程师",
    "医师",
    "药师",
    "护师",
    "技师",
    "农艺师",
    "畜牧师",
    "兽医师",
    "实验师",
    "会计师",
    "经济师",
    "统计师",
    "审计师",
    "教师",
    "馆员",
    "编审",
    "记者",
    "助教",
    "规划师",
    "建筑师",
    "园艺师",
    "林业师",
    "水利师",
    "翻译",
    "律师",
];

/// Posts that end like a 职称 but are posts (总工程师 is a post, 工程师 a title).
const POSTS_LIKE_TITLES: &[&str] = &[
    "总工程师",
    "副总工程师",
    "总农艺师",
    "总畜牧师",
    "总经济师",
    "总会计师",
];

/// True when `word` is a 职称.
fn is_title(word: &str) -> bool {
    TITLE_ENDINGS.iter().any(|t| word.ends_with(t))
        && !POSTS_LIKE_TITLES.iter().any(|p| word.ends_with(p))
}

/// The words of a cell, split at spaces (also full-width), 、，,；;/.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || "、，,；;/／".contains(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The longest 职称 at the end of `word` (`副局长高级工程师` → `高级工程师`), with what precedes.
fn trailing_title(word: &str) -> Option<(&str, &str)> {
    word.char_indices()
        .map(|(i, _)| i)
        .find(|&i| {
            let tail = &word[i..];
            is_title(tail) && TITLE_PREFIXES.iter().any(|p| tail.starts_with(p))
        })
        .map(|i| (&word[..i], &word[i..]))
}

/// How 职称 begin when they are written on from a post without a space.
const TITLE_PREFIXES: &[&str] = &[
    "正高级",
    "高级",
    "副研究员",
    "研究员",
    "助理",
    "副教授",
    "教授",
    "讲师",
    "工程师",
    "主任医师",
    "副主任医师",
    "主治医师",
    "医师",
    "农艺师",
    "推广研究员",
    "一级",
    "二级",
    "三级",
    "主管",
    "实验师",
    "会计师",
    "经济师",
    "编审",
    "副编审",
    "中级",
];

/// Where an organisation's name ends: 局, 院, 所, 中心, 大学 ….
const ORGANISATION_ENDINGS: &[&str] = &[
    "局",
    "院",
    "所",
    "中心",
    "站",
    "厂",
    "公司",
    "大学",
    "学院",
    "学校",
    "医院",
    "委员会",
    "办公室",
    "协会",
    "学会",
    "科协",
    "集团",
    "馆",
    "场",
    "社",
    "队",
    "部",
    "处",
    "室",
    "园",
];

/// How posts end: 所长, 主任, 书记 ….
const POST_ENDINGS: &[&str] = &[
    "长",
    "主任",
    "书记",
    "经理",
    "总监",
    "主席",
    "负责人",
    "总工程师",
    "首席专家",
    "专家",
    "秘书",
    "干事",
    "委员",
    "主管",
    "董事",
    "技术员",
    "骨干",
];

/// 职务职称 in one cell → (职务, 职称): the words that are titles are the title, the rest the
/// post (`心内科主任、主任医师`, `科研科科长 高级工程师`, `主治医师`).
pub fn post_and_title(text: &str) -> (Option<String>, Option<String>) {
    let mut posts = Vec::new();
    let mut titles = Vec::new();
    for word in words(text) {
        if is_title(word) {
            match trailing_title(word) {
                Some((post, title)) if !post.is_empty() => {
                    posts.push(post);
                    titles.push(title);
                }
                _ => titles.push(word),
            }
        } else {
            posts.push(word);
        }
    }
    let join = |parts: Vec<&str>| (!parts.is_empty()).then(|| parts.join(" "));
    (join(posts), join(titles))
}

/// What 工作单位及职务职称 in one cell says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Employment {
    /// 工作单位.
    pub organization: Option<String>,
    /// 职务.
    pub position: Option<String>,
    /// 职称.
    pub title: Option<String>,
}

/// 工作单位及职务职称 → unit, post and title: `衡水市气象局 副局长 高级工程师`,
/// `衡水市农林科学院 小麦研究所所长`, also without spaces (`衡水市气象局副局长`).
pub fn employment(text: &str) -> Employment {
    let words = words(text);
    let Some((first, rest)) = words.split_first() else {
        return Employment::default();
    };
    let (organization, first_post) = match rest.is_empty() {
        true => split_organisation(first),
        false => (first.to_string(), None),
    };
    let rest = first_post
        .iter()
        .map(String::as_str)
        .chain(rest.iter().copied());
    let (position, title) = post_and_title(&rest.collect::<Vec<_>>().join(" "));
    Employment {
        organization: Some(organization),
        position,
        title,
    }
}

/// One word holding unit, post and perhaps title → the unit and the rest, split where a unit's
/// name ends and a post begins (the last such place).
fn split_organisation(word: &str) -> (String, Option<String>) {
    let (head, title) = match trailing_title(word) {
        Some((head, title)) if !head.is_empty() => (head, Some(title)),
        _ => (word, None),
    };
    let split = head
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .rfind(|&i| {
            let (unit, post) = head.split_at(i);
            ORGANISATION_ENDINGS.iter().any(|e| unit.ends_with(e))
                && POST_ENDINGS.iter().any(|e| post.ends_with(e))
                && post.chars().count() >= 2
        });
    let (unit, post) = match split {
        Some(i) => (&head[..i], Some(&head[i..])),
        None => (head, None),
    };
    let rest: Vec<&str> = post.into_iter().chain(title).collect();
    (unit.to_string(), (!rest.is_empty()).then(|| rest.join(" ")))
}

/// 曾获荣誉 one per line, without list numbering (`1.`, `（2）`, `①`) and without `无`.
pub fn honours(text: &str) -> Vec<String> {
    text.split(['\n', '；', ';'])
        .map(|line| without_list_marker(line.trim()).trim().to_string())
        .filter(|line| !line.is_empty() && line != "无")
        .collect()
}

/// A line without its list marker: `1.`, `2、`, `（3）`, `(4)`, `⑤`; a year (`2015年`) stays.
fn without_list_marker(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix(|c: char| ('①'..='⑳').contains(&c)) {
        return rest;
    }
    let open = line.strip_prefix(['（', '(']);
    let body = open.unwrap_or(line);
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return line;
    }
    let after = &body[digits..];
    let closers: &[char] = match open {
        Some(_) => &['）', ')'],
        None => &['.', '、', '．', ')', '）'],
    };
    after.strip_prefix(closers).unwrap_or(line)
}

/// The text of the ticked box in a row of check boxes (`☑县（市、区）科协　□市级学会`).
pub fn ticked(text: &str) -> Option<&str> {
    const TICKED: &[char] = &['☑', '☒', '■', '√', '✓', '✔', '▣'];
    let at = text.find(TICKED)?;
    let after = &text[at..];
    let after = &after[after.chars().next()?.len_utf8()..];
    let end = after.find(['□', '☐', '\n']).unwrap_or(after.len());
    Some(after[..end].trim()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_months_and_phones() {
        assert_eq!(name("王　芳 "), "王芳");
        assert_eq!(name("阿依古丽•买买提"), "阿依古丽·买买提");
        assert_eq!(month("1968.03").as_deref(), Some("1968-03"));
        assert_eq!(month("1983年7月").as_deref(), Some("1983-07"));
        assert_eq!(month("1990-1").as_deref(), Some("1990-01"));
        assert_eq!(month("198803").as_deref(), Some("1988-03"));
        assert_eq!(month("１９７９．１１").as_deref(), Some("1979-11"));
        assert_eq!(month("不详"), None);
        assert_eq!(phone("139 1234 5678"), "13912345678");
        assert_eq!(phone("0318-5265809"), "0318-5265809");
    }

    #[test]
    fn unit_post_and_title_are_told_apart() {
        let e = employment("衡水市气象局 副局长 高级工程师");
        assert_eq!(e.organization.as_deref(), Some("衡水市气象局"));
        assert_eq!(e.position.as_deref(), Some("副局长"));
        assert_eq!(e.title.as_deref(), Some("高级工程师"));
        let e = employment("衡水市农林科学院 小麦研究所所长");
        assert_eq!(e.position.as_deref(), Some("小麦研究所所长"));
        assert_eq!(e.title, None);
        let e = employment("衡水市气象局副局长高级工程师");
        assert_eq!(e.organization.as_deref(), Some("衡水市气象局"));
        assert_eq!(e.position.as_deref(), Some("副局长"));
        assert_eq!(e.title.as_deref(), Some("高级工程师"));
        assert_eq!(
            post_and_title("心内科主任、主任医师"),
            (Some("心内科主任".into()), Some("主任医师".into()))
        );
        assert_eq!(post_and_title("主治医师"), (None, Some("主治医师".into())));
        assert_eq!(post_and_title("总工程师"), (Some("总工程师".into()), None));
        assert_eq!(
            post_and_title("科研科科长 高级工程师"),
            (Some("科研科科长".into()), Some("高级工程师".into()))
        );
    }

    #[test]
    fn honours_and_ticked_boxes() {
        assert_eq!(
            honours("1. 2015年 河北省科技进步三等奖\n（2）2019年 衡水市劳动模范\n"),
            vec!["2015年 河北省科技进步三等奖", "2019年 衡水市劳动模范"]
        );
        assert!(honours("无").is_empty());
        assert_eq!(
            honours("2015年 衡水市劳动模范"),
            vec!["2015年 衡水市劳动模范"]
        );
        assert_eq!(honours("①省级奖；②市级奖"), vec!["省级奖", "市级奖"]);
        assert_eq!(
            ticked("☑县（市、区）科协　□市级学会　□高校科协"),
            Some("县（市、区）科协")
        );
        assert_eq!(ticked("□县科协　☑市级学会"), Some("市级学会"));
        assert_eq!(ticked("□县科协　□市级学会"), None);
    }
}
