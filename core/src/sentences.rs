//! Sentence boundaries with offsets, good enough to peel prompts off paragraph edges.
//!
//! A boundary is a run of white space that follows terminal punctuation (and
//! any closing quotes or brackets) and precedes what can open a sentence (an
//! optional opening quote or bracket, then a capital, a digit, "@" or "#"), or
//! that precedes a call to action ("Share", "Subscribe", "Sign up", …). Offsets
//! are in characters, as Python counts them.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::is_py_space;

static OPENS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"^["'“‘«(\[]?[\p{Lu}\p{N}@#]"#).unwrap());
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Click|Follow|Subscribe|Sign up|Share|Join|Like us|Support|Donate)\b").unwrap()
});

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Terminal punctuation, then any closing quotes or brackets, right before `end`.
fn ends_sentence(chars: &[(usize, char)], end: usize) -> bool {
    let mut k = end;
    while k > 0 && is_closer(chars[k - 1].1) {
        k -= 1;
    }
    k > 0 && is_terminal(chars[k - 1].1)
}

/// Spans `(start, end)` of the sentences of `text`, in characters, shifted by `offset`.
pub fn split(text: &str, offset: usize) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut spans = Vec::new();
    let mut pos = 0; // start of the current sentence, in characters
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].1.is_whitespace() {
            j += 1;
        }
        let rest = chars.get(j).map_or("", |&(b, _)| &text[b..]);
        let boundary = (ends_sentence(&chars, i) && OPENS.is_match(rest)) || (i > 0 && PROMPT.is_match(rest));
        if boundary && j < chars.len() {
            if i > pos {
                spans.push((offset + pos, offset + i));
            }
            pos = j;
        }
        i = j;
    }
    let mut end = chars.len();
    while end > 0 && is_py_space(chars[end - 1].1) {
        end -= 1;
    }
    if pos < end {
        spans.push((offset + pos, offset + end));
    }
    spans
}

/// Article prose: several sentences, or one long one.
pub fn is_prose(text: &str) -> bool {
    let words = crate::text::py_word_count(text);
    words >= 40 || (words >= 12 && split(text.trim_end_matches(is_py_space), 0).len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_sentence_ends_and_prompts() {
        let text = "He said so. “Then” it rained! 3 days. Read more Share this";
        let got: Vec<&str> = split(text, 0)
            .iter()
            .map(|&(a, b)| {
                let cs: Vec<char> = text.chars().collect();
                let s: String = cs[a..b].iter().collect();
                Box::leak(s.into_boxed_str()) as &str
            })
            .collect();
        assert_eq!(got, vec!["He said so.", "“Then” it rained!", "3 days.", "Read more", "Share this"]);
    }
}
