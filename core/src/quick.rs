//! The language stage's first look at a passage: how many of its words are on the
//! target language's own list of function words, and how many on other languages'
//! lists (`cleaner/language/detector.py`, `_quick`). Most paragraphs of an article
//! are settled here, so it runs over all of a page's passages in one call. And the
//! full count of the passages left (`cleaner/language/words.py`, `count_words`): the
//! passage's letter runs, and how often each function word is among them.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::pystr::{is_letter, is_space, lower};

/// What `_quick` reads of one passage: the tokens looked at, those on the target's
/// own list, those on other lists, and their characters.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Sample {
    pub tokens: usize,
    pub own: usize,
    pub other: usize,
    pub chars: usize,
}

/// `text.lower().split()`, every `k`-th token of a passage of more than `2 * sample`
/// tokens (`k = len // sample`: an even spread is as telling), counted against `own`
/// and `other`.
pub fn sample(text: &str, own: &FxHashSet<String>, other: &FxHashSet<String>, sample: usize) -> Sample {
    // lower-casing makes no white space and takes none away: split first, and lower-case
    // only the tokens looked at
    let tokens = || text.split(is_space).filter(|t| !t.is_empty());
    let count = tokens().count();
    let step = if sample > 0 && count > 2 * sample { count / sample } else { 1 };
    let mut out = Sample { tokens: 0, own: 0, other: 0, chars: 0 };
    let mut low = String::new();
    for token in tokens().step_by(step) {
        low.clear();
        if token.is_ascii() {
            low.extend(token.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            low.push_str(&lower(token));
        }
        out.tokens += 1;
        out.own += usize::from(own.contains(low.as_str()));
        out.other += usize::from(other.contains(low.as_str()));
        out.chars += low.chars().count();
    }
    out
}

/// A passage's function words: its letter runs (`re.findall(r"[^\W\d_]+", text.lower())`),
/// their characters, and for each word of `table` found, its place in `table` and how
/// often it occurs, in the order of first occurrence.
pub fn function_words(text: &str, table: &FxHashMap<String, usize>) -> (usize, usize, Vec<(usize, usize)>) {
    let lower = lower(text);
    let (mut tokens, mut letters) = (0, 0);
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut slot: FxHashMap<usize, usize> = FxHashMap::default();
    for token in lower.split(|c: char| !is_letter(c)).filter(|t| !t.is_empty()) {
        tokens += 1;
        letters += token.chars().count();
        if let Some(&word) = table.get(token) {
            let at = *slot.entry(word).or_insert_with(|| {
                found.push((word, 0));
                found.len() - 1
            });
            found[at].1 += 1;
        }
    }
    (tokens, letters, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> FxHashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn counts_lower_case_tokens_on_each_list() {
        let s = sample("The cat AND the dog\u{a0}und", &set(&["the", "and"]), &set(&["und"]), 64);
        assert_eq!(s, Sample { tokens: 6, own: 3, other: 1, chars: 18 });
    }

    #[test]
    fn function_words_are_counted_in_order_of_first_occurrence() {
        let table: FxHashMap<String, usize> = [("und", 0), ("der", 1)].into_iter().map(|(w, k)| (w.to_string(), k)).collect();
        let (tokens, letters, found) = function_words("Der Hund und DER_Ball 3x ²", &table);
        // letter runs: der, hund, und, der, ball, x, ² (a digit, not a decimal one, is a letter to re)
        assert_eq!((tokens, letters), (7, 19));
        assert_eq!(found, vec![(1, 2), (0, 1)]);
    }

    #[test]
    fn long_passages_are_sampled_evenly() {
        let text = vec!["the"; 300].join(" ");
        let s = sample(&text, &set(&["the"]), &set(&[]), 64);
        // 300 tokens, every 4th: tokens 0, 4, ..., 296
        assert_eq!(s.tokens, 75);
        assert_eq!(s.own, 75);
        assert_eq!(sample(&vec!["x"; 128].join(" "), &set(&[]), &set(&[]), 64).tokens, 128);
    }
}
