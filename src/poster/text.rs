//! Line breaking for posters, since SVG text does not wrap: Chinese breaks between any two
//! characters, Latin words and numbers stay whole, and the usual 禁则 hold (no 。，」） at the
//! start of a line, no 「（ at its end), and no line holds one character and its punctuation
//! alone. Names (of people, organisations, titles) are whole units: [`wrap_names`] breaks a
//! list of them only between names.

/// Characters that may not start a line (行首禁则).
const NO_LINE_START: &str = "。，、；：？！」』）》〉】〕”’…—·~～%‰℃.,;:?!)]}";
/// Characters that may not end a line (行尾禁则).
const NO_LINE_END: &str = "「『（《〈【〔“‘([{";

/// What may not be separated: a Latin word or number, or one other character.
#[derive(Debug, Clone, PartialEq)]
struct Unit {
    text: String,
    width: f32,
}

impl Unit {
    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }

    fn first(&self) -> char {
        self.text.chars().next().unwrap_or(' ')
    }

    fn last(&self) -> char {
        self.text.chars().last().unwrap_or(' ')
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '\'' | '@' | '/' | '#' | '&' | '+')
}

/// `text` cut into units, each measured with `advance` (width of a character at the size the
/// text is set in).
fn units(text: &str, advance: &dyn Fn(char) -> f32) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut previous_in_word = false;
    for c in text.chars() {
        let in_word = is_word_char(c) || (c == '.' && previous_in_word);
        match units.last_mut() {
            Some(unit) if in_word && previous_in_word => {
                unit.text.push(c);
                unit.width += advance(c);
            }
            _ => units.push(Unit {
                text: c.to_string(),
                width: advance(c),
            }),
        }
        previous_in_word = in_word;
    }
    units
}

/// Breaks `text` into lines no wider than `width`, measuring each character with `advance`.
/// A line break in `text` starts a new line. A word wider than a whole line is cut.
pub fn wrap(text: &str, width: f32, advance: &dyn Fn(char) -> f32) -> Vec<String> {
    text.lines()
        .flat_map(|paragraph| wrap_units(units(paragraph.trim(), advance), width, advance))
        .collect()
}

/// Breaks a list of names (organisations, people, titles) into lines no wider than `width`,
/// only between names: after white space or a 、，；. A name moves whole to the next line;
/// only a name wider than a whole line is broken, after a part that ends an organisation's
/// name (…研究院 / …研究所) where it has one, else where it overflows.
pub fn wrap_names(text: &str, width: f32, advance: &dyn Fn(char) -> f32) -> Vec<String> {
    let measure = |s: &str| s.chars().map(advance).sum::<f32>();
    let units = names(text.trim())
        .into_iter()
        .flat_map(|name| match measure(&name) > width {
            true => name_parts(&name),
            false => vec![name],
        })
        .map(|text| Unit {
            width: measure(&text),
            text,
        })
        .collect();
    wrap_units(units, width, advance)
}

/// The widest name of [`wrap_names`]'s list, measured with `advance`: what must fit on a
/// line for no name to break.
pub fn widest_name(text: &str, advance: &dyn Fn(char) -> f32) -> f32 {
    names(text)
        .iter()
        .map(|name| name.trim().chars().map(advance).sum::<f32>())
        .fold(0.0, f32::max)
}

/// Endings of organisations' names, where a name too long for a line may break.
const NAME_PART_ENDS: &[&str] = &[
    "研究院",
    "研究所",
    "科学院",
    "大学",
    "学院",
    "学校",
    "中学",
    "小学",
    "医院",
    "中心",
    "公司",
    "集团",
    "委员会",
    "办公室",
    "协会",
    "学会",
    "联合会",
    "厅",
    "局",
    "站",
    "所",
    "部",
    "队",
];

/// `text` cut into names, each keeping the separator after it; white space is its own unit.
fn names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            names.extend([std::mem::take(&mut current), " ".into()]);
            continue;
        }
        current.push(c);
        if "、，,；;".contains(c) {
            names.push(std::mem::take(&mut current));
        }
    }
    names.push(current);
    names.retain(|name| !name.is_empty());
    names
}

/// A name cut after each ending of [`NAME_PART_ENDS`] that leaves at least two characters on
/// both sides.
fn name_parts(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    for end in 2..chars.len().saturating_sub(1) {
        let before: String = chars[start..end].iter().collect();
        if NAME_PART_ENDS.iter().any(|e| before.ends_with(e)) && end - start >= 2 {
            parts.push(before);
            start = end;
        }
    }
    parts.push(chars[start..].iter().collect());
    parts
}

fn wrap_units(units: Vec<Unit>, width: f32, advance: &dyn Fn(char) -> f32) -> Vec<String> {
    let mut lines: Vec<Vec<Unit>> = Vec::new();
    let mut line: Vec<Unit> = Vec::new();
    for unit in units {
        if unit.width > width && !unit.is_space() {
            // Only a very long word or URL: cut it by characters.
            for c in unit.text.chars() {
                place(
                    Unit {
                        text: c.to_string(),
                        width: advance(c),
                    },
                    width,
                    &mut line,
                    &mut lines,
                );
            }
            continue;
        }
        place(unit, width, &mut line, &mut lines);
    }
    lines.push(line);
    lines.retain(|line| line.iter().any(|u| !u.is_space()));
    no_orphan(&mut lines, width);
    lines
        .into_iter()
        .map(|units| units.iter().map(|u| u.text.as_str()).collect::<String>())
        .map(|line| line.trim().to_string())
        .collect()
}

/// Whether `c` counts as a character of its own on a line (not punctuation or space).
fn is_character(c: char) -> bool {
    c.is_alphanumeric()
}

/// When the last line holds a single character and its punctuation, moves units down from
/// the line before it until it holds two, keeping the 禁则 and the width.
fn no_orphan(lines: &mut [Vec<Unit>], width: f32) {
    let [.., before, last] = lines else {
        return;
    };
    let characters = |units: &[Unit]| {
        units
            .iter()
            .flat_map(|u| u.text.chars())
            .filter(|c| is_character(*c))
            .count()
    };
    if characters(last) != 1 || before.len() < 2 {
        return;
    }
    let mut cut = before.len() - 1;
    while cut > 1
        && (NO_LINE_START.contains(before[cut].first())
            || before[cut].is_space()
            || NO_LINE_END.contains(before[cut - 1].last()))
    {
        cut -= 1;
    }
    let moved: f32 = before[cut..].iter().map(|u| u.width).sum();
    let used: f32 = last.iter().map(|u| u.width).sum();
    if used + moved > width || characters(&before[..cut]) < 2 {
        return;
    }
    let mut tail = before.split_off(cut);
    while tail.first().is_some_and(Unit::is_space) {
        tail.remove(0);
    }
    tail.append(last);
    *last = tail;
}

/// Adds `unit` to `line`, first moving the line to `lines` when the unit does not fit; units
/// that may not end a line, or are needed to start the next one, move down with it.
fn place(unit: Unit, width: f32, line: &mut Vec<Unit>, lines: &mut Vec<Vec<Unit>>) {
    let used: f32 = line.iter().map(|u| u.width).sum();
    if line.is_empty() || used + unit.width <= width || unit.is_space() {
        if !(line.is_empty() && unit.is_space()) {
            line.push(unit);
        }
        return;
    }
    let mut cut = line.len();
    let next_starts_with = |cut: usize| line.get(cut).unwrap_or(&unit).first();
    while cut > 0
        && (NO_LINE_START.contains(next_starts_with(cut))
            || NO_LINE_END.contains(line[cut - 1].last()))
    {
        cut -= 1;
    }
    if cut == 0 {
        // Nothing but punctuation to break at: break where it overflows.
        cut = line.len();
    }
    let mut next = line.split_off(cut);
    lines.push(std::mem::take(line));
    while next.first().is_some_and(Unit::is_space) {
        next.remove(0);
    }
    next.push(unit);
    *line = next;
}

/// `lines` kept to at most `max`, the last one ending in 「…」 (shortened to fit `width`)
/// when any were dropped.
pub fn limit_lines(
    mut lines: Vec<String>,
    max: usize,
    width: f32,
    advance: &dyn Fn(char) -> f32,
) -> Vec<String> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        let mut kept: Vec<char> = last.chars().collect();
        let measure = |chars: &[char]| chars.iter().map(|c| advance(*c)).sum::<f32>();
        while !kept.is_empty() && measure(&kept) + advance('…') > width {
            kept.pop();
        }
        while kept.last().is_some_and(|c| "，、；：。 ".contains(*c)) {
            kept.pop();
        }
        *last = kept.into_iter().chain(['…']).collect();
    }
    lines
}

/// The text of a block of sanitised HTML: tags dropped, the few entities the sanitiser writes
/// decoded, white space collapsed; list items and line breaks start new lines.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        if tag.starts_with("<li") || tag.starts_with("<br") {
            text.push('\n');
        }
        rest = &rest[close..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full-width characters 1 wide, everything else half.
    fn advance(c: char) -> f32 {
        if c.is_ascii() {
            0.5
        } else {
            1.0
        }
    }

    fn width_of(line: &str) -> f32 {
        line.chars().map(advance).sum()
    }

    #[test]
    fn chinese_breaks_between_characters_and_fills_lines() {
        let lines = wrap("科技工作者扎根基层服务群众", 5.0, &advance);
        assert_eq!(lines, ["科技工作者", "扎根基层服", "务群众"]);
    }

    #[test]
    fn punctuation_never_starts_a_line_and_openers_never_end_one() {
        // Unbroken, 「，」 would start line 2 and 「「」 end line 3.
        let text = "他说一句话，大家都「记得」，也都明白。";
        let lines = wrap(text, 5.0, &advance);
        assert_eq!(lines.concat(), text);
        for line in &lines {
            let first = line.chars().next().unwrap();
            let last = line.chars().last().unwrap();
            assert!(
                !NO_LINE_START.contains(first),
                "{line:?} starts with {first}"
            );
            assert!(!NO_LINE_END.contains(last), "{line:?} ends with {last}");
            assert!(width_of(line) <= 5.0, "{line:?} is too wide");
        }
    }

    #[test]
    fn a_run_of_closing_punctuation_moves_down_with_its_character() {
        let lines = wrap("一二三四五」。！六", 5.0, &advance);
        assert_eq!(lines, ["一二三四", "五」。！六"]);
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        let lines = wrap("研发了 CRISPR 技术和 5G 基站2022.5版", 8.0, &advance);
        assert!(lines.iter().any(|l| l.contains("CRISPR")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("2022.5")), "{lines:?}");
        assert!(lines.iter().all(|l| width_of(l) <= 8.0), "{lines:?}");
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let lines = wrap(
            "https://kx.example.cn/zuimei/cards/li-ming-yuan/",
            10.0,
            &advance,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width_of(l) <= 10.0), "{lines:?}");
    }

    #[test]
    fn limited_lines_end_in_an_ellipsis_within_the_width() {
        let lines = wrap("一二三四五六七八九十一二三四五", 5.0, &advance);
        let limited = limit_lines(lines, 2, 5.0, &advance);
        assert_eq!(limited, ["一二三四五", "六七八九…"]);
        let short = limit_lines(vec!["一二".into()], 2, 5.0, &advance);
        assert_eq!(short, ["一二"]);
    }

    /// Organisers as editors write them, the 主办 prefix on the first.
    const ORGANIZERS: &str = "主办：中共衡水市委宣传部 衡水市科学技术局 衡水市国防科技工业办公室、\
                              衡水市人力资源和社会保障局 衡水市科学技术协会";

    /// Whether every line of `lines` is made of whole names of `list`.
    fn names_whole(lines: &[String], list: &str) {
        let names: Vec<String> = names(list)
            .into_iter()
            .map(|n| n.trim().to_string())
            .collect();
        for line in lines {
            for piece in super::names(line)
                .iter()
                .map(|n| n.trim())
                .filter(|n| !n.is_empty())
            {
                assert!(
                    names.iter().any(|n| n == piece),
                    "{piece:?} of {line:?} is not a whole name"
                );
            }
        }
    }

    #[test]
    fn a_list_of_organisations_breaks_between_names() {
        // From the widest name (14 with its 、) up.
        for width in [14.0, 16.0, 20.0, 25.0, 31.0] {
            let lines = wrap_names(ORGANIZERS, width, &advance);
            names_whole(&lines, ORGANIZERS);
            assert!(lines.iter().all(|l| width_of(l) <= width), "{lines:?}");
        }
    }

    #[test]
    fn the_organisers_break_between_names_with_the_real_font() {
        let Ok(fonts) = crate::poster::fonts::Fonts::find(std::path::Path::new("."), &[]) else {
            return;
        };
        fonts.with_metrics(false, |metrics| {
            // The 海报's 主办 line (24 px beside the QR code) and the 长图's (24 px, full width).
            for width in [594.0, 936.0, 400.0] {
                let advance = |c: char| metrics.advance(c) * 24.0;
                let lines = wrap_names(ORGANIZERS, width, &advance);
                names_whole(&lines, ORGANIZERS);
                for line in &lines {
                    let measured: f32 = line.chars().map(advance).sum();
                    assert!(measured <= width, "{line:?} is {measured} px wide");
                }
                assert!(widest_name(ORGANIZERS, &advance) <= width);
            }
        });
    }

    #[test]
    fn a_name_longer_than_a_line_breaks_after_a_part_of_it() {
        let lines = wrap_names("衡水市农业科学研究院旱作节水农业研究所", 12.0, &advance);
        assert_eq!(lines, ["衡水市农业科学研究院", "旱作节水农业研究所"]);
    }

    #[test]
    fn no_line_holds_one_character_and_its_punctuation() {
        // Filled greedily, 「家。」 would be alone on the second line.
        let lines = wrap("把成果留在农民家。", 7.0, &advance);
        assert_eq!(lines, ["把成果留在农", "民家。"]);
        let lines = wrap("背后的故事。", 5.0, &advance);
        assert_eq!(lines, ["背后的", "故事。"]);
        // A single character that is the whole text stays as it is.
        assert_eq!(wrap("好。", 5.0, &advance), ["好。"]);
    }

    #[test]
    fn html_becomes_plain_lines() {
        let text = html_to_text("<p>他说：&quot;<strong>干</strong>就完了&quot; &amp; 走</p>");
        assert_eq!(text, "他说：\"干就完了\" & 走");
        assert_eq!(html_to_text("<ul><li>一</li><li>二</li></ul>"), "一\n二");
    }
}
