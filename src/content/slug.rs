//! Pinyin slugs for URLs: 李明远 → `li-ming-yuan`.
//!
//! A per-character converter reads the first character of a name with its most common
//! reading, which is wrong for many surnames (曾 is `zeng` as a surname, not `ceng`), so the
//! surname is looked up in a table first. ü is written `yu` (吕 → `lyu`), as on passports.

use pinyin::ToPinyin;

/// Surnames whose reading differs from the character's most common reading (compound
/// surnames first, so they are matched before their first character alone).
const SURNAMES: &[(&str, &str)] = &[
    ("尉迟", "yu-chi"),
    ("万俟", "mo-qi"),
    ("单于", "chan-yu"),
    ("长孙", "zhang-sun"),
    ("澹台", "tan-tai"),
    ("曾", "zeng"),
    ("单", "shan"),
    ("解", "xie"),
    ("仇", "qiu"),
    ("区", "ou"),
    ("覃", "qin"),
    ("朴", "piao"),
    ("吕", "lyu"),
    ("闾", "lyu"),
    ("查", "zha"),
    ("盖", "ge"),
    ("乐", "yue"),
    ("缪", "miao"),
    ("种", "chong"),
    ("召", "shao"),
    ("繁", "po"),
    ("员", "yun"),
    ("翟", "zhai"),
    ("黑", "he"),
    ("秘", "bi"),
    ("冼", "xian"),
    ("隗", "wei"),
    ("柏", "bai"),
    ("阚", "kan"),
    ("折", "she"),
    ("薄", "bo"),
    ("重", "chong"),
    ("长", "chang"),
    ("沈", "shen"),
    ("任", "ren"),
    ("华", "hua"),
    ("纪", "ji"),
];

/// The slug of a person's name, reading its first character(s) as a surname.
pub fn name_slug(name: &str) -> String {
    let name = name.trim();
    for (surname, reading) in SURNAMES {
        if let Some(given) = name.strip_prefix(surname) {
            let rest = slugify(given);
            return if rest.is_empty() {
                reading.to_string()
            } else {
                format!("{reading}-{rest}")
            };
        }
    }
    slugify(name)
}

/// The slug of any text: Chinese characters become toneless pinyin syllables, ASCII letters
/// and digits are kept (lower-cased), everything else separates words. Words join with `-`.
pub fn slugify(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut ascii_word = String::new();
    for (ch, reading) in text.chars().zip(text.to_pinyin()) {
        if let Some(reading) = reading {
            flush(&mut ascii_word, &mut words);
            words.push(reading.plain().replace(['ü', 'v'], "yu"));
        } else if ch.is_ascii_alphanumeric() {
            ascii_word.push(ch.to_ascii_lowercase());
        } else {
            flush(&mut ascii_word, &mut words);
        }
    }
    flush(&mut ascii_word, &mut words);
    words.join("-")
}

fn flush(word: &mut String, words: &mut Vec<String>) {
    if !word.is_empty() {
        words.push(std::mem::take(word));
    }
}

/// True when `slug` is usable in a URL as laurel writes them: lower-case ASCII letters,
/// digits and single hyphens, not starting or ending with a hyphen.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_pinyin() {
        assert_eq!(name_slug("李明远"), "li-ming-yuan");
        assert_eq!(name_slug(" 王芳 "), "wang-fang");
    }

    #[test]
    fn surnames_are_read_as_surnames() {
        let cases = [
            ("曾国强", "zeng-guo-qiang"),
            ("单田芳", "shan-tian-fang"),
            ("解缙", "xie-jin"),
            ("仇英", "qiu-ying"),
            ("区志航", "ou-zhi-hang"),
            ("覃海", "qin-hai"),
            ("朴树", "piao-shu"),
            ("吕红", "lyu-hong"),
            ("尉迟恭", "yu-chi-gong"),
        ];
        for (name, slug) in cases {
            assert_eq!(name_slug(name), slug, "{name}");
        }
    }

    #[test]
    fn umlaut_is_written_yu_and_ascii_is_kept() {
        assert_eq!(slugify("绿色 Farm 2号"), "lyu-se-farm-2-hao");
        assert_eq!(slugify("乡村振兴"), "xiang-cun-zhen-xing");
    }

    #[test]
    fn slug_validity() {
        assert!(is_valid_slug("li-ming-yuan-2"));
        for bad in ["", "-a", "a-", "a--b", "Li", "李", "a b"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
