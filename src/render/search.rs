//! What `search.json` holds beyond a laureate's facts, for the front page's search box: the
//! name's pinyin (so `li`, `lmy` and `limingyuan` find 李明远) and a few words of the story
//! (so 盐碱 finds the laureate whose story is about saline land), kept small: the story's
//! most frequent two-character words only.

use crate::content::Laureate;
use std::collections::HashMap;

/// How many words of a story `search.json` keeps.
const WORDS: usize = 8;

/// Characters that make a two-character sequence a grammatical one rather than a word.
const FUNCTION_CHARACTERS: &str =
    "的了是在和与也都就这那他她我你们一个着把被为有不说到从对将而及或又很还让";

/// The pinyin of a laureate's name, syllables joined by `-` (as its slug: 李明远 →
/// `li-ming-yuan`).
pub fn pinyin(name: &str) -> String {
    crate::content::slug::name_slug(name)
}

/// The story's and summary's most frequent two-character words (pairs of Chinese characters
/// seen at least twice, the summary's counted twice), most frequent first, not those `known`
/// (the entry's other fields) already contains; concatenated, two characters each.
pub fn words(laureate: &Laureate, known: &str) -> String {
    let story = laureate.story.chapters.iter().flat_map(|chapter| {
        let blocks = chapter
            .blocks
            .iter()
            .map(|b| crate::poster::text::html_to_text(&b.html));
        chapter.title.clone().into_iter().chain(blocks)
    });
    let summary = std::iter::repeat_n(laureate.summary.clone(), 2);
    frequent_words(summary.chain(story), known)
}

/// The [`WORDS`] most frequent pairs of `texts` seen at least twice, not in `known`.
fn frequent_words(texts: impl Iterator<Item = String>, known: &str) -> String {
    let mut counts: HashMap<[char; 2], (usize, usize)> = HashMap::new();
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for pair in chars.windows(2) {
            let pair = [pair[0], pair[1]];
            if pair
                .iter()
                .all(|c| is_han(*c) && !FUNCTION_CHARACTERS.contains(*c))
            {
                let order = counts.len();
                counts.entry(pair).or_insert((0, order)).0 += 1;
            }
        }
    }
    let mut frequent: Vec<([char; 2], (usize, usize))> = counts
        .into_iter()
        .filter(|(pair, (count, _))| *count >= 2 && !known.contains(&String::from_iter(pair)))
        .collect();
    frequent.sort_by_key(|(_, (count, order))| (std::cmp::Reverse(*count), *order));
    frequent
        .iter()
        .take(WORDS)
        .flat_map(|(pair, _)| *pair)
        .collect()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frequent_words_of_a_story_are_kept_and_the_known_ones_left_out() {
        let summary = "扎根盐碱地十三年，育成小麦新品种。";
        let texts = [
            summary,
            summary,
            "盐碱地上",
            "他在盐碱地上种小麦。小麦长得好。",
        ];
        let words = frequent_words(
            texts.into_iter().map(String::from),
            "李明远 衡水市农业科学研究院 小麦育种",
        );
        let pairs: Vec<String> = words
            .chars()
            .collect::<Vec<_>>()
            .chunks(2)
            .map(String::from_iter)
            .collect();
        assert_eq!(pairs[..2], ["盐碱", "碱地"], "{pairs:?}");
        assert!(
            !pairs.contains(&"小麦".to_string()),
            "known words are left out: {pairs:?}"
        );
        assert!(
            !pairs.iter().any(|p| p.contains('的') || p.contains('在')),
            "{pairs:?}"
        );
        assert!(pairs.len() <= WORDS);
    }

    #[test]
    fn pinyin_is_the_names_syllables() {
        assert_eq!(pinyin("李明远"), "li-ming-yuan");
        assert_eq!(pinyin("曾晓燕"), "zeng-xiao-yan");
    }
}
