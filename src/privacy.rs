//! Contact data in text: mainland mobile numbers (also typed with spaces or dashes inside,
//! never part of a longer run of digits) and e-mail addresses. Import uses it to keep contact
//! lines out of stories.

/// What kind of contact data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    /// A mainland mobile number.
    Mobile,
    /// An e-mail address.
    Email,
}

/// Contact data found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Its kind.
    pub kind: ContactKind,
    /// The text as typed.
    pub text: String,
    /// Its byte range in the input.
    pub range: std::ops::Range<usize>,
}

/// The contact data in `text`.
pub fn contacts(text: &str) -> Vec<Contact> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1 == '1' && (i == 0 || !chars[i - 1].1.is_ascii_digit()) {
            let mut digits = 0;
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_ascii_digit()
                    || (chars[j].1 == ' ' || chars[j].1 == '-') && digits > 0 && digits < 11)
            {
                if chars[j].1.is_ascii_digit() {
                    digits += 1;
                }
                j += 1;
            }
            if digits == 11 && chars.get(i + 1).is_some_and(|c| ('3'..='9').contains(&c.1)) {
                let end = chars.get(j).map_or(text.len(), |c| c.0);
                found.push(Contact {
                    kind: ContactKind::Mobile,
                    text: text[chars[i].0..end].trim().to_string(),
                    range: chars[i].0..end,
                });
            }
            i = j.max(i + 1);
            continue;
        }
        if chars[i].1 == '@' {
            let start = text[..chars[i].0]
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || "._-+".contains(c)))
                .map_or(0, |(p, c)| p + c.len_utf8());
            let end = text[chars[i].0 + 1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || ".-".contains(c)))
                .map_or(text.len(), |p| chars[i].0 + 1 + p);
            if start < chars[i].0 && text[chars[i].0..end].contains('.') {
                found.push(Contact {
                    kind: ContactKind::Email,
                    text: text[start..end].to_string(),
                    range: start..end,
                });
            }
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "an ID number is no phone"
        );
        assert!(contacts("2022年推广12万亩").is_empty());
    }
}
