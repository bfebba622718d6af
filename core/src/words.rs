//! The words the comment stages read off a whole page, in one scan.
//!
//! `lower_words` is `(?<![\p{L}\p{N}_@])\p{Ll}[\p{L}'’-]{2,}` as Python's `regex`
//! module finds them all (`findall`): the page's lower-case vocabulary, which
//! tells a subheading in the page's own words ("Rental Agreement") from a
//! person's name. The lookbehind is a scan here, so the automata stay linear.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// The ranges of a Unicode class as the `regex` crate reads it (`\p{Ll}`, ...): the same
/// tables as the patterns, looked up without running an automaton per character.
struct Ranges(Vec<(char, char)>);

impl Ranges {
    fn of(class: &str) -> Ranges {
        let hir = regex_syntax::Parser::new().parse(class).expect("a Unicode class");
        match hir.kind() {
            HirKind::Class(Class::Unicode(unicode)) => {
                Ranges(unicode.ranges().iter().map(|r| (r.start(), r.end())).collect())
            }
            _ => unreachable!("a Unicode class"),
        }
    }

    fn holds(&self, c: char) -> bool {
        self.0.binary_search_by(|&(a, b)| crate::pystr::against_range(a, b, c)).is_ok()
    }
}

/// A pattern that is one class repeated (`[\p{L}\p{N}'’]+`), read character by character:
/// its matches are the text's maximal runs of the class, as `findall` returns them.
pub struct Runs {
    ascii: [bool; 128],
    ranges: Ranges,
}

impl Runs {
    /// The class of `source` (the `regex` crate's syntax) when the pattern is one class
    /// repeated greedily one or more times, else None.
    pub fn of(source: &str) -> Option<Runs> {
        let hir = regex_syntax::Parser::new().parse(source).ok()?;
        let HirKind::Repetition(rep) = hir.kind() else { return None };
        if rep.min != 1 || rep.max.is_some() || !rep.greedy {
            return None;
        }
        let HirKind::Class(Class::Unicode(class)) = rep.sub.kind() else { return None };
        let ranges = Ranges(class.ranges().iter().map(|r| (r.start(), r.end())).collect());
        let mut ascii = [false; 128];
        for (c, holds) in ascii.iter_mut().enumerate() {
            *holds = ranges.holds(c as u8 as char);
        }
        Some(Runs { ascii, ranges })
    }

    fn holds(&self, c: char) -> bool {
        if c.is_ascii() { self.ascii[c as usize] } else { self.ranges.holds(c) }
    }

    /// Every maximal run of the class in `text`, left to right.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let mut chars = text.char_indices().peekable();
        std::iter::from_fn(move || {
            let (start, _) = chars.find(|&(_, c)| self.holds(c))?;
            let mut end = text.len();
            while let Some(&(j, c)) = chars.peek() {
                if !self.holds(c) {
                    end = j;
                    break;
                }
                chars.next();
            }
            Some(&text[start..end])
        })
    }
}

static LOWER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{Ll}"));
static LETTER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{L}"));
static NUMBER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{N}"));

fn is_lower(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_lowercase() } else { LOWER.holds(c) }
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { LETTER.holds(c) }
}

/// The lookbehind's class: `[\p{L}\p{N}_@]`.
fn is_glue(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() || c == '_' || c == '@' } else { LETTER.holds(c) || NUMBER.holds(c) }
}

/// The word's class after its first letter: `[\p{L}'’-]`.
fn is_word(c: char) -> bool {
    c == '\'' || c == '’' || c == '-' || is_letter(c)
}

/// Every match of the vocabulary pattern, left to right, as `regex.findall` returns them:
/// at each position, a lower-case letter not after a letter, digit, "_" or "@", then two
/// or more letters, apostrophes or hyphens, taken greedily.
pub fn lower_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_lower(c) && !prev.is_some_and(is_glue) {
            let mut end = i + c.len_utf8();
            let mut last = c;
            let mut run = 0;
            let mut ahead = chars.clone();
            while let Some(&(j, d)) = ahead.peek() {
                if !is_word(d) {
                    break;
                }
                ahead.next();
                end = j + d.len_utf8();
                last = d;
                run += 1;
            }
            if run >= 2 {
                out.push(&text[i..end]);
                chars = ahead;
                prev = Some(last);
                continue;
            }
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{lower_words, Runs};

    #[test]
    fn reads_runs_of_one_class() {
        let runs = Runs::of(r"[\p{L}\p{N}'’]+").unwrap();
        assert_eq!(runs.find_iter("I’m here, 2day! é-x").collect::<Vec<_>>(), vec!["I’m", "here", "2day", "é", "x"]);
        assert_eq!(runs.find_iter("").count(), 0);
        assert!(Runs::of(r"[a-z]+?").is_none() && Runs::of(r"[a-z]*").is_none() && Runs::of(r"ab+").is_none());
    }

    #[test]
    fn reads_words_as_findall_does() {
        assert_eq!(lower_words("the Rental agreement's terms"), vec!["the", "agreement's", "terms"]);
        assert_eq!(lower_words("@mike x2abc _foo bar-baz"), vec!["bar-baz"]);
        assert_eq!(lower_words("Hello wörld 'tis"), vec!["wörld", "tis"]);
        assert_eq!(lower_words("ab cd"), Vec::<&str>::new());
        assert_eq!(lower_words("Xx-abc"), vec!["abc"]);
    }
}
