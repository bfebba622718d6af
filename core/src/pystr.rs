//! Python's `str` and `re` character classes and `str.lower()`, exactly.
//!
//! The structure features count letters, digits, capitals and words as Python
//! does; Rust's own `char` methods follow another definition (`is_alphabetic`
//! takes marks, `\w` in the `regex` crate takes connector punctuation) and
//! another Unicode version. The tables in `pyuni.rs` are read from the Python
//! that runs the package.

use std::sync::LazyLock;

use crate::pyuni::{CASED, DECIMAL, FOLDS, IGNORABLE, LOWER, LOWERS, RANGES, SPACE, UPPER, WORD};

static ASCII: LazyLock<[u8; 128]> = LazyLock::new(|| {
    let mut t = [0u8; 128];
    for (c, slot) in t.iter_mut().enumerate() {
        *slot = lookup(c as u32);
    }
    t
});

/// Where `x` stands against the inclusive range `a..=b`: what a binary search of sorted,
/// disjoint ranges for the one holding `x` compares by.
pub fn against_range<T: Ord>(a: T, b: T, x: T) -> std::cmp::Ordering {
    if b < x {
        std::cmp::Ordering::Less
    } else if a > x {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

fn lookup(cp: u32) -> u8 {
    match RANGES.binary_search_by(|&(a, b, _)| against_range(a, b, cp)) {
        Ok(k) => RANGES[k].2,
        Err(_) => 0,
    }
}

/// The class flags of `c` (`pyuni::WORD` ...).
#[inline]
pub fn flags(c: char) -> u8 {
    let cp = c as u32;
    if cp < 128 {
        ASCII[cp as usize]
    } else {
        lookup(cp)
    }
}

/// `re`'s `\w`.
#[inline]
pub fn is_word(c: char) -> bool {
    flags(c) & WORD != 0
}

/// `re`'s `\d` (a decimal digit).
#[inline]
pub fn is_decimal(c: char) -> bool {
    flags(c) & DECIMAL != 0
}

/// `re`'s `\s`, `str.isspace()`.
#[inline]
pub fn is_space(c: char) -> bool {
    flags(c) & SPACE != 0
}

/// `re`'s `[^\W\d_]`: a word character that is no digit and no underscore.
#[inline]
pub fn is_letter(c: char) -> bool {
    flags(c) & (WORD | DECIMAL) == WORD && c != '_'
}

/// `str.isupper()` of one character.
#[inline]
pub fn is_upper(c: char) -> bool {
    flags(c) & UPPER != 0
}

/// `str.islower()` of one character.
#[inline]
pub fn is_lower(c: char) -> bool {
    flags(c) & LOWER != 0
}

/// Whether `c` matches the lower-case ASCII letter `x` under `(?i)`.
#[inline]
pub fn ci_letter(c: char, x: u8) -> bool {
    if c.is_ascii() {
        return c.to_ascii_lowercase() as u32 == x as u32;
    }
    FOLDS.iter().any(|&(cp, l)| cp == c as u32 && l == x)
}

/// `str.lower()`: the per-character mapping, and the capital sigma final (`ς`)
/// after a cased character and before none (case-ignorable characters skipped).
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\u{3a3}' {
            out.push(if final_sigma(&chars, i) { '\u{3c2}' } else { '\u{3c3}' });
        } else {
            match LOWERS.binary_search_by_key(&(c as u32), |&(cp, _)| cp) {
                Ok(k) => out.push_str(LOWERS[k].1),
                Err(_) => out.push(c),
            }
        }
    }
    out
}

/// [`lower`] of a string the caller gives up: ASCII text is lowered in place.
pub fn lower_owned(mut text: String) -> String {
    if text.is_ascii() {
        text.make_ascii_lowercase();
        return text;
    }
    lower(&text)
}

fn final_sigma(chars: &[char], i: usize) -> bool {
    let cased = |c: char| flags(c) & CASED != 0;
    let ignorable = |c: char| flags(c) & IGNORABLE != 0;
    match chars[..i].iter().rev().find(|&&c| !ignorable(c)) {
        Some(&c) if cased(c) => {}
        _ => return false,
    }
    match chars[i + 1..].iter().find(|&&c| !ignorable(c)) {
        Some(&c) => !cased(c),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_python() {
        assert!(is_word('_') && !is_letter('_') && is_letter('é') && is_letter('²'));
        assert!(is_decimal('٣') && !is_decimal('²'));
        assert!(is_space('\x1c') && !is_space('\u{200b}'));
        assert!(!is_word('\u{301}')); // a combining mark is no word character in Python
        assert!(ci_letter('K', b'k') && ci_letter('\u{17f}', b's') && !ci_letter('é', b'e'));
        assert_eq!(lower("ΟΔΟΣ ΣΑ"), "οδος σα");
        assert_eq!(lower("İx"), "i\u{307}x");
    }
}
