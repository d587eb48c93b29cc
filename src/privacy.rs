//! Personal data in text: mainland mobile numbers (also typed with spaces or dashes inside,
//! never part of a longer run of digits), 18-digit 身份证号 with a valid check digit (GB 11643)
//! and e-mail addresses; where a known value (a `private:` one) appears in a text, however its
//! digits are spaced; and a masked form of each for messages. Import uses it to keep contact
//! lines out of stories, `check` and the build to keep private data off the site
//! ([`leaks`]).

mod site;

pub use site::{leaks, Leak};

use std::ops::Range;

/// What kind of contact data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    /// A mainland mobile number.
    Mobile,
    /// An e-mail address.
    Email,
    /// An 18-digit 身份证号 with a valid check digit.
    IdNumber,
}

impl ContactKind {
    /// Its id in messages (`private-in-public`'s `$kind`).
    pub fn id(self) -> &'static str {
        match self {
            ContactKind::Mobile => "mobile",
            ContactKind::Email => "email",
            ContactKind::IdNumber => "id-number",
        }
    }
}

/// Contact data found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Its kind.
    pub kind: ContactKind,
    /// The text as typed.
    pub text: String,
    /// Its byte range in the input.
    pub range: Range<usize>,
}

/// The contact data in `text`: mobile numbers, ID numbers and e-mail addresses.
pub fn contacts(text: &str) -> Vec<Contact> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut i = 0;
    while i < chars.len() {
        let starts_number =
            chars[i].1.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_ascii_digit());
        if starts_number {
            let end = id_number_end(&chars, i).or_else(|| mobile_end(&chars, i));
            if let Some((kind, end)) = end {
                let range = byte(i)..byte(end);
                found.push(Contact {
                    kind,
                    text: text[range.clone()].trim().to_string(),
                    range,
                });
                i = end;
                continue;
            }
        }
        if chars[i].1 == '@' {
            found.extend(email_at(text, chars[i].0));
        }
        i += 1;
    }
    found
}

/// A digit, or the X an ID number may end in.
fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || c == 'X' || c == 'x'
}

/// The end (a char index) of an ID number starting at `start`: 17 digits and a check
/// character (0–9 or X) that GB 11643 computes from them, with a plausible date of birth, and
/// no digit or letter right after.
fn id_number_end(chars: &[(usize, char)], start: usize) -> Option<(ContactKind, usize)> {
    let end = start + 18;
    let body: String = chars.get(start..end)?.iter().map(|c| c.1).collect();
    if !body.is_ascii() {
        return None;
    }
    let after = chars.get(end).map(|c| c.1);
    if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (digits, check) = body.split_at(17);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u32 = digits[6..10].parse().ok()?;
    let month: u32 = digits[10..12].parse().ok()?;
    let day: u32 = digits[12..14].parse().ok()?;
    let born =
        (1900..=2099).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    let valid = born && check.eq_ignore_ascii_case(&id_check_char(digits).to_string());
    valid.then_some((ContactKind::IdNumber, end))
}

/// The check character of an ID number's first 17 digits (GB 11643).
fn id_check_char(digits: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let sum: u32 = digits
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

/// The end (a char index) of a mobile number starting at `start`: 1, then 3–9, eleven digits
/// in all, spaces or dashes allowed inside, no digit right after.
fn mobile_end(chars: &[(usize, char)], start: usize) -> Option<(ContactKind, usize)> {
    let mut digits = 0;
    let mut j = start;
    while j < chars.len()
        && (chars[j].1.is_ascii_digit()
            || (chars[j].1 == ' ' || chars[j].1 == '-') && digits > 0 && digits < 11)
    {
        if chars[j].1.is_ascii_digit() {
            digits += 1;
        }
        j += 1;
    }
    let mobile = digits == 11
        && chars[start].1 == '1'
        && chars
            .get(start + 1)
            .is_some_and(|c| ('3'..='9').contains(&c.1));
    mobile.then_some((ContactKind::Mobile, j))
}

/// The e-mail address around the `@` at byte `at`, if it is one.
fn email_at(text: &str, at: usize) -> Option<Contact> {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || "._-+".contains(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at + 1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || ".-".contains(c)))
        .map_or(text.len(), |p| at + 1 + p);
    let domain = text[at + 1..end].trim_end_matches('.');
    let end = at + 1 + domain.len();
    (start < at && domain.contains('.')).then(|| Contact {
        kind: ContactKind::Email,
        text: text[start..end].to_string(),
        range: start..end,
    })
}

/// `text` with most of it hidden, for messages that must not repeat what they warn about: a
/// number keeps its first three and last four digits (`139****5678`), an e-mail address the
/// first character of its name (`w***@example.cn`), other text its first character.
pub fn mask(text: &str) -> String {
    if let Some((name, domain)) = text.split_once('@') {
        let first: String = name.chars().take(1).collect();
        return format!("{first}***@{domain}");
    }
    let digits = text.chars().filter(|c| is_digit_like(*c)).count();
    if digits >= 7 {
        let mut seen = 0;
        return text
            .chars()
            .map(|c| {
                if !is_digit_like(c) {
                    return c;
                }
                seen += 1;
                if seen <= 3 || seen > digits - 4 {
                    c
                } else {
                    '*'
                }
            })
            .collect();
    }
    let mut chars = text.chars();
    let first: String = chars.next().into_iter().collect();
    format!("{first}{}", "*".repeat(chars.count().min(6)))
}

/// Where `value` is written in `text`, as byte ranges. A number (digits, perhaps an X, spaced
/// with blanks, dashes or brackets) is found however its digits are spaced in the text
/// (`139 0318 5678` for `13903185678`); other values as written, ignoring ASCII case.
pub fn occurrences(text: &str, value: &str) -> Vec<Range<usize>> {
    let value = value.trim();
    match number_digits(value) {
        Some(digits) => number_occurrences(text, &digits),
        None if value.is_empty() => Vec::new(),
        None => {
            let (text, value) = (text.to_ascii_lowercase(), value.to_ascii_lowercase());
            text.match_indices(&value)
                .map(|(at, m)| at..at + m.len())
                .collect()
        }
    }
}

/// The digits (and X) of `value` when it is a number of at least five digits spaced only by
/// blanks, dashes, brackets or a leading +.
fn number_digits(value: &str) -> Option<String> {
    let spacing = |c: char| " -()（）+".contains(c);
    let is_number = value.chars().all(|c| is_digit_like(c) || spacing(c));
    let digits: String = value
        .chars()
        .filter(|c| is_digit_like(*c))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (is_number && digits.chars().filter(char::is_ascii_digit).count() >= 5).then_some(digits)
}

/// Where the number with these `digits` is written in `text`, spaced or not, and not part of
/// a longer number.
fn number_occurrences(text: &str, digits: &str) -> Vec<Range<usize>> {
    // The digits of the text with the byte range of each; a blank or dash between two digits
    // is skipped (a number may start or end there), anything else ends a run (`|`).
    let mut run: Vec<(char, Range<usize>)> = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        if is_digit_like(c) {
            run.push((c.to_ascii_uppercase(), at..at + c.len_utf8()));
        } else if !(matches!(c, ' ' | '-') && previous.is_some_and(is_digit_like)) {
            run.push(('|', at..at));
        }
        previous = Some(c);
    }
    let wanted: Vec<char> = digits.chars().collect();
    // A number begins or ends where the run does, or at a blank or dash.
    let edge = |a: Option<&(char, Range<usize>)>, b: Option<&(char, Range<usize>)>| match (a, b) {
        (Some(a), Some(b)) => a.0 == '|' || b.0 == '|' || a.1.end != b.1.start,
        _ => true,
    };
    (0..run.len().saturating_sub(wanted.len() - 1))
        .filter(|&i| {
            let window = &run[i..i + wanted.len()];
            window.iter().map(|(c, _)| *c).eq(wanted.iter().copied())
                && edge(i.checked_sub(1).and_then(|p| run.get(p)), run.get(i))
                && edge(run.get(i + wanted.len() - 1), run.get(i + wanted.len()))
        })
        .map(|i| run[i].1.start..run[i + wanted.len() - 1].1.end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds and texts of the contact data in `text`.
    fn kinds(text: &str) -> Vec<(ContactKind, String)> {
        contacts(text)
            .into_iter()
            .map(|c| (c.kind, c.text))
            .collect()
    }

    #[test]
    fn mobiles_and_addresses_are_found_and_near_misses_are_not() {
        let found = contacts("如需采访请联系：139 0318 5678，或 wang@example.cn。");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            (found[0].kind, found[0].text.as_str()),
            (ContactKind::Mobile, "139 0318 5678")
        );
        assert_eq!(
            (found[1].kind, found[1].text.as_str()),
            (ContactKind::Email, "wang@example.cn")
        );
        assert_eq!(
            kinds("（wang.fang@example.cn）"),
            [(ContactKind::Email, "wang.fang@example.cn".to_string())],
            "after a full-width bracket"
        );
        assert!(contacts("0318-5265809").is_empty(), "a landline");
        // An address right after Chinese punctuation (a three-byte character).
        for line in [
            "联系邮箱：a@b.cn，谢谢",
            "采访请发邮件至邮箱：zhoumin@163.com",
        ] {
            let found = contacts(line);
            assert_eq!(found.len(), 1, "{line}");
            assert!(found[0].text.ends_with(".cn") || found[0].text.ends_with(".com"));
            assert!(!found[0].text.contains('：'), "{found:?}");
        }
        assert!(
            contacts("131102196803150012").is_empty(),
            "an ID number with a wrong check digit is no phone either"
        );
        assert!(contacts("2022年推广12万亩").is_empty());
        assert!(contacts("95%以上。如今，全市1200万平方米").is_empty());
        assert_eq!(
            kinds("2022 13903185678"),
            [(ContactKind::Mobile, "13903185678".to_string())],
            "a year before a number does not hide it"
        );
    }

    #[test]
    fn id_numbers_need_eighteen_characters_and_the_right_check_digit() {
        let id = |text: &str| (ContactKind::IdNumber, text.to_string());
        assert_eq!(
            kinds("身份证号：11010519491231002X。"),
            [id("11010519491231002X")]
        );
        assert_eq!(kinds("131102196803150017"), [id("131102196803150017")]);
        assert_eq!(kinds("x: 11010519491231002x"), [id("11010519491231002x")]);
        for near_miss in [
            "131102196803150012",  // wrong check digit
            "11010519491231002",   // 17 digits
            "1101051949123100201", // 19 digits
            "110105194913310021",  // month 13, though the check digit fits
            "0318-5265809",        // a landline
            "1949",                // a year
            "2022-05-09",          // a date
            "20220509",            // a date without dashes
        ] {
            assert_eq!(
                kinds(near_miss)
                    .iter()
                    .filter(|(kind, _)| *kind == ContactKind::IdNumber)
                    .count(),
                0,
                "{near_miss}"
            );
        }
    }

    #[test]
    fn masks_hide_most_of_a_number_or_address() {
        assert_eq!(mask("13903185678"), "139****5678");
        assert_eq!(mask("139 0318 5678"), "139 **** 5678");
        assert_eq!(mask("11010519491231002X"), "110***********002X");
        assert_eq!(mask("wang@example.cn"), "w***@example.cn");
        assert_eq!(mask("和平西路88号"), "和******");
    }

    #[test]
    fn a_known_value_is_found_however_its_digits_are_spaced() {
        let text = "电话139-0318-5678，又 13903185678，不是 113903185678。";
        let at: Vec<&str> = occurrences(text, "139 0318 5678")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(at, ["139-0318-5678", "13903185678"]);
        assert_eq!(occurrences("家住和平西路88号", "和平西路88号").len(), 1);
        assert_eq!(occurrences("Wang@Example.cn", "wang@example.cn").len(), 1);
        assert!(occurrences("任何文字", "").is_empty());
    }
}
