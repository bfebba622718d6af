//! The words the comment stages read off a whole page, in one scan.
//!
//! `lower_words` is `(?<![\p{L}\p{N}_@])\p{Ll}[\p{L}'’-]{2,}` as Python's `regex`
//! module finds them all (`findall`): the page's lower-case vocabulary, which
//! tells a subheading in the page's own words ("Rental Agreement") from a
//! person's name. The lookbehind is a scan here, so the automata stay linear.

use std::sync::LazyLock;

use regex::Regex;

static LOWER_RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Ll}[\p{L}'’-]{2,}").unwrap());
/// A character no word of the vocabulary may follow (the lookbehind's class, negated).
static NOT_NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[^\p{L}\p{N}_@]").unwrap());

/// Every match of the vocabulary pattern, left to right, as `regex.findall` returns them.
pub fn lower_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = LOWER_RUN.find_at(text, pos) {
        let start = m.start();
        let free = match text[..start].chars().next_back() {
            None => true,
            Some(c) => NOT_NAME.is_match(&text[start - c.len_utf8()..start]),
        };
        if free {
            out.push(m.as_str());
            pos = m.end();
            continue;
        }
        // a word glued to a letter, digit, "_" or "@": no match may start before the
        // next character outside that class (every start in between follows one of it)
        match NOT_NAME.find_at(text, start) {
            Some(stop) => pos = stop.end(),
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lower_words;

    #[test]
    fn reads_words_as_findall_does() {
        assert_eq!(lower_words("the Rental agreement's terms"), vec!["the", "agreement's", "terms"]);
        assert_eq!(lower_words("@mike x2abc _foo bar-baz"), vec!["bar-baz"]);
        assert_eq!(lower_words("Hello wörld 'tis"), vec!["wörld", "tis"]);
        assert_eq!(lower_words("ab cd"), Vec::<&str>::new());
        assert_eq!(lower_words("Xx-abc"), vec!["abc"]);
    }
}
