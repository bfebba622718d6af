//! Display text and word counts, with Python's idea of white space.
//!
//! Offsets never change here: these functions make the text a rule or a
//! feature reads. They must agree with `str.split()` / `str.strip()` exactly,
//! so that the Python stages and the engine count the same words.

use std::sync::LazyLock;

use regex::Regex;

/// `str.isspace()`: Unicode White_Space plus the ASCII information separators.
#[inline]
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `len(text.split())`.
pub fn py_word_count(text: &str) -> usize {
    text.split(is_py_space).filter(|w| !w.is_empty()).count()
}

/// Characters a reader never sees: zero-width spaces and joiners, the word
/// joiner, the byte-order mark, the soft hyphen and the bidirectional controls
/// (marks, embeddings, overrides, isolates). `cleaner/visible.py` drops the same.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{61c}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

const ELEMENTS: &str = "a abbr address area article aside audio b big blockquote body br button canvas caption center \
cite code col dd del details div dl dt em embed fieldset figcaption figure font footer form \
h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark \
meta nav noscript object ol option p param picture pre q s samp script section select small \
source span strike strong style sub summary sup svg table tbody td template textarea tfoot th \
thead time title tr tt u ul var video wbr acronym bdi bdo dfn dialog frame frameset hgroup nobr \
rp rt ruby";

/// A tag remnant: HTML element names only ("<repo url>" in a code sample is text).
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = ELEMENTS.split(' ').collect();
    Regex::new(&format!(r"(?i)</?(?:{})(?:\s[^<>]{{0,500}})?/?>", names.join("|"))).unwrap()
});

/// An entity reference, decoded by the caller's `html.unescape`.
pub static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});").unwrap()
});

/// Strip tag remnants (when `markup`), then drop invisible characters, fold runs
/// of spaces other than line ends into one, and trim every line and the whole.
/// Entities are decoded by `unescape` (Python's `html.unescape`, for its table).
pub fn normalise<F>(text: &str, markup: bool, unescape: F) -> String
where
    F: FnMut(&str) -> String,
{
    if is_normal(text, markup) {
        return text.to_string();
    }
    let mut owned;
    let mut text = text;
    if markup && text.contains('<') {
        if let std::borrow::Cow::Owned(s) = TAG.replace_all(text, "") {
            owned = s;
            text = &owned;
        }
    }
    if markup && text.contains('&') {
        let decoded = decode_entities(text, unescape);
        if let Some(s) = decoded {
            owned = s;
            text = &owned;
        }
    }
    fold_spaces(text)
}

/// Text `normalise` returns as it is (most lines of a page): no tag or entity to read (when
/// `markup`), no invisible character, no space but single `' '`s between other characters.
pub fn is_normal(text: &str, markup: bool) -> bool {
    if markup && text.bytes().any(|b| b == b'<' || b == b'&') {
        return false;
    }
    if text.starts_with(' ') || text.ends_with(' ') {
        return false;
    }
    let mut after_space = false;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if is_py_space(c) || is_invisible(c) {
            return false;
        } else {
            after_space = false;
        }
    }
    true
}

/// Character offsets (Python's) to byte offsets, walking forward: each offset asked costs
/// the characters since the last one (a step back restarts the walk from the start).
pub struct Cursor<'a> {
    text: &'a str,
    ascii: bool,
    char_at: usize,
    byte_at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Cursor { text, ascii: text.is_ascii(), char_at: 0, byte_at: 0 }
    }

    /// The byte offset of character offset `at` (the text's length past its end).
    pub fn byte(&mut self, at: usize) -> usize {
        if self.ascii {
            return at.min(self.text.len());
        }
        if at < self.char_at {
            self.char_at = 0;
            self.byte_at = 0;
        }
        let mut chars = self.text[self.byte_at..].chars();
        while self.char_at < at {
            match chars.next() {
                Some(c) => {
                    self.byte_at += c.len_utf8();
                    self.char_at += 1;
                }
                None => break,
            }
        }
        self.byte_at
    }
}

/// The byte spans of the char spans `starts[i]..ends[i]` of `text` (each start after the
/// previous span's end or at it): the lines of a page, found in its text in one pass.
pub fn byte_spans(text: &str, starts: &[usize], ends: &[usize]) -> Vec<(usize, usize)> {
    let mut at = Cursor::new(text);
    starts.iter().zip(ends).map(|(&a, &b)| (at.byte(a), at.byte(b))).collect()
}

/// Byte spans of `text` (in order, apart) as Python's character offsets: the cursor's way back.
pub fn char_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return spans.to_vec();
    }
    let (mut byte, mut char) = (0, 0);
    let mut at = |to: usize| {
        char += text[byte..to].chars().count();
        byte = to;
        char
    };
    spans.iter().map(|&(a, b)| (at(a), at(b))).collect()
}

fn decode_entities<F>(text: &str, mut unescape: F) -> Option<String>
where
    F: FnMut(&str) -> String,
{
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in ENTITY.find_iter(text) {
        out.push_str(&text[last..m.start()]);
        out.push_str(&unescape(m.as_str()));
        last = m.end();
    }
    if last == 0 {
        return None;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// Drop invisible characters, read every line end as LF, fold `[^\S\n]+` into one
/// space, strip each line and the whole.
pub fn fold_spaces(text: &str) -> String {
    // one pass: a line's leading white space is never written, its trailing white
    // space is taken back at its end, and blank lines before the first line of text
    // are not written either
    let mut out = String::with_capacity(text.len());
    let mut line_start = 0;
    let mut space = false;
    let mut chars = text.chars().peekable();
    while let Some(mut c) = chars.next() {
        if is_invisible(c) {
            continue;
        }
        // every line end is a line end: CR alone, the line and paragraph separators
        if (c == '\r' && chars.peek() != Some(&'\n')) || c == '\u{2028}' || c == '\u{2029}' {
            c = '\n';
        }
        if c == '\n' {
            trim_end_at(&mut out, line_start);
            if !out.is_empty() {
                out.push('\n');
            }
            line_start = out.len();
            space = false;
        } else if c.is_whitespace() {
            space = true;
        } else if out.len() == line_start && is_py_space(c) {
            // white space to Python only (U+001C..U+001F) opening a line: trimmed
        } else {
            if space && out.len() > line_start {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    trim_end_at(&mut out, 0);
    out
}

/// Take Python white space (line ends too) off the end of `out`, no further back than `floor`.
fn trim_end_at(out: &mut String, floor: usize) {
    let kept = out[floor..].trim_end_matches(is_py_space).len();
    out.truncate(floor + kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> String {
        normalise(s, true, |e| e.to_string())
    }

    #[test]
    fn spans_are_characters() {
        let text = "é  a\nb <b>c</b>\n  中文 d ";
        let (starts, ends) = ([0, 5, 16], [4, 15, 22]);
        let spans: Vec<String> = starts.iter().zip(&ends)
            .map(|(&a, &b)| text.chars().skip(a).take(b - a).collect::<String>()).collect();
        let read: Vec<&str> = byte_spans(text, &starts, &ends).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(read, spans);
        assert_eq!(read.iter().map(|s| plain(s)).collect::<Vec<_>>(), ["é a", "b c", "中文 d"]);
    }

    #[test]
    fn normal_text_is_what_normalise_returns() {
        for text in ["a b", "a  b", " a", "a ", "a\u{200b}b", "a\tb", "a\u{1c}", "é b", "a &amp;", "<b>a</b>", ""] {
            if is_normal(text, true) {
                assert_eq!(plain(text), text);
            }
        }
        assert!(is_normal("Home » Blog", true) && !is_normal("a  b", true) && !is_normal("a &amp; b", true));
    }

    #[test]
    fn folds_and_strips() {
        assert_eq!(plain("  a \t b \n  c  "), "a b\nc");
        assert_eq!(plain("a\u{200b}b"), "ab");
        assert_eq!(plain("a\rb\r\nc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(plain("<u>Europe</u> wins"), "Europe wins");
        assert_eq!(plain("git clone <repo url>"), "git clone <repo url>");
        assert_eq!(py_word_count(" a b\x1cc "), 3);
    }
}
