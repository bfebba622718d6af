//! A short line's display words (`markers.display`), for the lines of a page in one call.
//!
//! The comment stages read every line that may hold a marker as a reader sees it: a
//! list bullet or number cut off the start, "[Reply]" unbracketed, white space folded
//! (and markdown links and emphasis reduced, which lines with them are left to Python
//! for). The bullet pattern is the one `cleaner/markers.py` holds, handed over in Python
//! syntax; `display` here does what the Python function does, step by step.

use crate::pattern;
use crate::text::is_py_space;

/// What a bullet or a list number may start with (`_BULLET_STARTS`), besides a digit.
const BULLET_STARTS: &str = "*+•·▪►◦‣▸>-#(";

pub struct Display {
    bullet: fancy_regex::Regex,
}

impl Display {
    /// `bullet`: the pattern of a list bullet or number at the start (`_BULLET`).
    pub fn new(bullet: &str) -> Result<Display, String> {
        let bullet = fancy_regex::Regex::new(&pattern::translate(bullet)?).map_err(|e| e.to_string())?;
        Ok(Display { bullet })
    }

    /// The display words of `line`, or None when the engine leaves the line to Python:
    /// one with markdown links, emphasis marks or escapes (few lines, and Python's `regex`
    /// reads them as fast), one that starts with a character outside ASCII (whether it is a
    /// digit, which decides if a list number is looked for, is Python's own table), or
    /// one whose bullet pattern backtracks too long.
    pub fn display(&self, line: &str) -> Option<String> {
        let mut text = line.trim_matches(is_py_space);
        if text.contains("](") || text.contains("<http") || text.contains(['*', '_', '\\']) {
            return None;
        }
        if let Some(first) = text.chars().next() {
            if BULLET_STARTS.contains(first) || first.is_ascii_digit() {
                if let Some(m) = self.bullet.find(text).ok()? {
                    if m.start() == 0 {
                        text = &text[m.end()..];
                    }
                }
            } else if !first.is_ascii() {
                return None;
            }
        }
        if text.starts_with('[') && text.ends_with(']') && text.len() >= 2 && !text[1..text.len() - 1].contains('[') {
            text = &text[1..text.len() - 1];
        }
        let mut out = String::with_capacity(text.len());
        for word in text.split(is_py_space).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::Display;

    fn display() -> Display {
        Display::new(
            r"^(?:[*+•·▪►◦‣▸>-]\s*|#{1,6}\s+)*(?:\d{1,4}[.)]\s+(?:\d{1,4}\s+(?!\p{L}{3,9}\.?,?\s+\d))?|\(\d{1,4}\)\s+)?",
        )
        .unwrap()
    }

    #[test]
    fn reads_lines_as_a_reader_sees_them() {
        let d = display();
        assert!(d.display("  * [Ed Fry](http://x.y) on  May 4 ").is_none());
        assert_eq!(d.display("  -  Ed Fry on  May 4 ").unwrap(), "Ed Fry on May 4");
        assert_eq!(d.display("1. Lauren K says:").unwrap(), "Lauren K says:");
        assert_eq!(d.display("[Reply]").unwrap(), "Reply");
        assert!(d.display("**Anna** wrote").is_none());
        assert_eq!(d.display("12. 3 May 2012").unwrap(), "3 May 2012");
        assert_eq!(d.display("[]").unwrap(), "");
        assert!(d.display("“Quote”").is_none());
        assert!(d.display(r"1\. Ed Fry \- May 4").is_none());
    }
}
