//! The structure stage's evidence per line: what a line looks like once its
//! markdown is read, on its own and in its block and page.
//!
//! A line of a page becomes a list of active feature ids (`vocab.rs`); the
//! model (`model.rs`) adds up a weight per id. Every count here is Python's
//! (`pystr.rs`), so that the weights fitted in Python score the same lines the
//! same way: the features are what `cleaner/structure/features.py` documents.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::pystr::{ci_letter, flags, is_decimal, is_letter, is_lower, is_space, is_upper, is_word, lower, lower_owned};
use crate::pyuni::{DECIMAL, SPACE, WORD};
use crate::vocab::{Vocab, CUES, SYMBOLS, VOCAB};

/// What one line's text shows (markdown read), before its place in the page counts.
pub struct Own {
    pub words: usize,
    pub chars: usize,
    pub text: String,
    pub prose: bool,
    pub features: Vec<u32>,
    /// Its words (runs of `\w`) in order, as ids of the [`Lexicon`]: two lines with the
    /// same words have the same key.
    pub key: Vec<u32>,
    /// Content words (runs of letters, three or more, no stopwords), each once in order
    /// of appearance, as ids of the [`Lexicon`].
    pub terms: Vec<u32>,
}

/// What a word says wherever a page prints it.
#[derive(Clone, Copy)]
struct Entry {
    stop: bool,
    chars: u32,
    /// The chrome cues (bit `k` for `CUES[k]`) it names.
    cues: u8,
    /// It is letters only: its one run of letters is itself.
    letters: bool,
}

/// The words of a page, each read once (stopword, length, chrome cues) and named by an
/// id: a page prints the same few hundred words on thousands of lines, and each line
/// looks its words up once instead of hashing each for every question.
#[derive(Default)]
pub struct Lexicon {
    ids: HashMap<String, u32>,
    /// What each word says, by id.
    entries: Vec<Entry>,
    /// The line that last listed the word as a content word (a count of lines, from 1).
    listed: Vec<u32>,
    line: u32,
}

impl Lexicon {
    fn id(&mut self, word: &str, lines: &Lines) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.entries.len() as u32;
        let mut cues = 0u8;
        if let Some(hit) = lines.cue_of.get(word) {
            for &k in hit {
                cues |= 1 << k;
            }
        }
        self.entries.push(Entry {
            stop: lines.stopwords.contains(word),
            chars: word.chars().count() as u32,
            cues,
            letters: word.chars().all(is_letter),
        });
        self.listed.push(0);
        self.ids.insert(word.to_string(), id);
        id
    }

    /// The words by id, end to end (a `String` for each was a fifth of the page of a text
    /// whose every line has a word of its own).
    pub fn into_words(self) -> Runs<u8> {
        let mut order: Vec<(u32, String)> = self.ids.into_iter().map(|(word, id)| (id, word)).collect();
        order.sort_unstable_by_key(|&(id, _)| id);
        let mut words = Runs::new();
        for (_, word) in &order {
            words.push_str(word);
        }
        words
    }

    /// Add the run of letters `id` to `terms` if it is a content word not listed yet for this line.
    fn content(&mut self, id: u32, terms: &mut Vec<u32>) {
        let e = self.entries[id as usize];
        if e.chars >= 3 && !e.stop && self.listed[id as usize] != self.line {
            self.listed[id as usize] = self.line;
            terms.push(id);
        }
    }
}

/// What `display` reads off a raw line.
pub struct Shown {
    pub text: Vec<char>,
    pub link_chars: usize,
    pub is_list: bool,
    pub is_heading: bool,
    pub links: usize,
    pub images: usize,
}

// ---------------------------------------------------------------- markdown

/// Whether `needle` (ASCII) occurs in `s`: a scan for its first character, the rest
/// compared only there (every line is asked for four needles, most have none).
fn has(s: &[char], needle: &str) -> bool {
    let n = needle.as_bytes();
    let first = n[0] as char;
    s.iter().enumerate().any(|(i, &c)| {
        c == first && s.len() - i >= n.len() && n[1..].iter().zip(&s[i + 1..]).all(|(&b, &c)| b as char == c)
    })
}

/// `#{1,6}\s+` at the start: the length of the heading mark.
fn heading(r: &[char]) -> Option<usize> {
    let k = r.iter().take_while(|&&c| c == '#').count();
    if !(1..=6).contains(&k) || !r.get(k).is_some_and(|&c| is_space(c)) {
        return None;
    }
    Some(k + r[k..].iter().take_while(|&&c| is_space(c)).count())
}

/// `^(?:[*+\-•·▪►◦‣▸–—]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+`: the length of a list mark.
fn bullet(r: &[char]) -> Option<usize> {
    let c0 = *r.first()?;
    let mark = if "*+-•·▪►◦‣▸–—".contains(c0) {
        1
    } else if is_decimal(c0) {
        let d = r.iter().take(4).take_while(|&&c| is_decimal(c)).count();
        if d > 3 || !r.get(d).is_some_and(|&c| c == '.' || c == ')') {
            return None;
        }
        d + 1
    } else if c0.is_ascii_alphabetic() && r.get(1).is_some_and(|&c| c == '.' || c == ')') {
        2
    } else {
        return None;
    };
    let spaces = r[mark..].iter().take_while(|&&c| is_space(c)).count();
    (spaces > 0).then_some(mark + spaces)
}

/// `[^()\s]{0,2000}(?:\s+"[^\n]{0,500}?")?\)` from `p`: where a link target ends. A title
/// (html2text prints the element's `title`, a teaser at times) may hold quotes: it ends at
/// the first `")`.
fn target_tail(r: &[char], p: usize) -> Option<usize> {
    let run = r[p..].iter().take(2001).take_while(|&&c| c != '(' && c != ')' && !is_space(c)).count();
    if run > 2000 {
        return None;
    }
    let e = p + run;
    if r.get(e).is_some_and(|&c| is_space(c)) {
        let j = e + r[e..].iter().take_while(|&&c| is_space(c)).count();
        if r.get(j) == Some(&'"') {
            let q = j + 1;
            for t in q..(q + 501).min(r.len()) {
                if r[t] == '\n' {
                    break;
                }
                if r[t] == '"' && r.get(t + 1) == Some(&')') {
                    return Some(t + 2);
                }
            }
        }
    }
    (r.get(e) == Some(&')')).then_some(e + 1)
}

/// `!\[[^\[\]\n]{0,400}\]\(` + target at `p`: where the image ends.
fn image_at(r: &[char], p: usize) -> Option<usize> {
    if r.get(p) != Some(&'!') || r.get(p + 1) != Some(&'[') {
        return None;
    }
    let q = p + 2;
    let alt = r[q..].iter().take(401).take_while(|&&c| c != '[' && c != ']' && c != '\n').count();
    if alt > 400 || r.get(q + alt) != Some(&']') || r.get(q + alt + 1) != Some(&'(') {
        return None;
    }
    target_tail(r, q + alt + 2)
}

/// `\]\(` + target at `p`.
fn target_at(r: &[char], p: usize) -> Option<usize> {
    if r.get(p) != Some(&']') || r.get(p + 1) != Some(&'(') {
        return None;
    }
    target_tail(r, p + 2)
}

/// Non-overlapping matches of `at`, left to right, as `re.finditer` finds them.
fn find_all(r: &[char], at: impl Fn(&[char], usize) -> Option<usize>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < r.len() {
        match at(r, p) {
            Some(e) => {
                out.push((p, e));
                p = e;
            }
            None => p += 1,
        }
    }
    out
}

/// `re.sub`: every match replaced by `with`.
fn replace(r: &[char], spans: &[(usize, usize)], with: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(r.len());
    let mut pos = 0;
    for &(a, b) in spans {
        out.extend_from_slice(&r[pos..a]);
        out.extend_from_slice(with);
        pos = b;
    }
    out.extend_from_slice(&r[pos..]);
    out
}

/// `(?<![\w_])_+(?=\S)|(?<=\S)(?<!_)_+(?![\w_])` at `p`: emphasis underscores.
fn underscore_at(r: &[char], p: usize) -> Option<usize> {
    if r[p] != '_' {
        return None;
    }
    let run = r[p..].iter().take_while(|&&c| c == '_').count();
    let after = r.get(p + run).copied();
    let prev = if p > 0 { Some(r[p - 1]) } else { None };
    if !prev.is_some_and(is_word) {
        if after.is_some_and(|c| !is_space(c)) {
            return Some(p + run);
        }
        if run >= 2 {
            return Some(p + run - 1); // the last underscore is the \S that follows
        }
    }
    if prev.is_some_and(|c| !is_space(c) && c != '_') && !after.is_some_and(is_word) {
        return Some(p + run);
    }
    None
}

/// `(?:https?://|www\.)\S+` at `p`.
fn url_at(r: &[char], p: usize) -> Option<usize> {
    let starts = |lit: &str| lit.chars().enumerate().all(|(k, c)| r.get(p + k) == Some(&c));
    let head = if starts("https://") {
        8
    } else if starts("http://") {
        7
    } else if starts("www.") {
        4
    } else {
        return None;
    };
    let run = r[p + head..].iter().take_while(|&&c| !is_space(c)).count();
    (run > 0).then_some(p + head + run)
}

fn replace_str(r: &[char], from: &str) -> Vec<char> {
    let f: Vec<char> = from.chars().collect();
    let mut out = Vec::with_capacity(r.len());
    let mut i = 0;
    while i < r.len() {
        if r[i..].starts_with(&f) {
            i += f.len();
        } else {
            out.push(r[i]);
            i += 1;
        }
    }
    out
}

fn strip_chars(r: &[char]) -> &[char] {
    let a = r.iter().position(|&c| !is_space(c)).unwrap_or(r.len());
    let b = r.iter().rposition(|&c| !is_space(c)).map_or(a, |k| k + 1);
    &r[a..b]
}

/// The words a reader sees of a raw line, and what its markdown said.
pub fn display(raw: &str) -> Shown {
    let mut r: Vec<char> = Vec::with_capacity(raw.len()); // at most one char a byte: no regrowing
    r.extend(raw.chars());
    let mut is_heading = false;
    let mut is_list = false;
    if r.first() == Some(&'#') {
        if let Some(k) = heading(&r) {
            is_heading = true;
            r.drain(..k);
        }
    }
    if let Some(k) = bullet(&r) {
        is_list = true;
        r.drain(..k);
    }
    let (mut link_chars, mut links, mut images) = (0, 0, 0);
    if has(&r, "](") {
        if has(&r, "![") {
            let found = find_all(&r, image_at);
            images = found.len();
            r = replace(&r, &found, &[' ']);
        }
        let mut out = Vec::with_capacity(r.len());
        let mut pos = 0;
        for (a, b) in find_all(&r, target_at) {
            match r[pos..a].iter().rposition(|&c| c == '[') {
                Some(k) => {
                    let lb = pos + k;
                    links += 1;
                    link_chars += strip_chars(&r[lb + 1..a]).len();
                    out.extend_from_slice(&r[pos..lb]);
                    out.extend_from_slice(&r[lb + 1..a]);
                }
                None => out.extend_from_slice(&r[pos..a]),
            }
            pos = b;
        }
        out.extend_from_slice(&r[pos..]);
        r = out;
    }
    if r.contains(&'*') || r.contains(&'_') {
        r = replace_str(&replace_str(&r, "**"), "__");
        if r.contains(&'_') {
            let found = find_all(&r, underscore_at);
            r = replace(&r, &found, &[]);
        }
    }
    if has(&r, "http") || has(&r, "www.") {
        let found = find_all(&r, url_at);
        r = replace(&r, &found, &[' ']);
    }
    let end = r.iter().rposition(|&c| !is_space(c)).map_or(0, |k| k + 1);
    r.truncate(end);
    let start = r.iter().position(|&c| !is_space(c)).unwrap_or(r.len());
    r.drain(..start);
    Shown { text: r, link_chars, is_list, is_heading, links, images }
}

// ---------------------------------------------------------------- dates

/// Positions reachable from `ps` by one step of a pattern (a set, kept small).
type Steps = Vec<usize>;

fn dedup(mut v: Steps) -> Steps {
    v.sort_unstable();
    v.dedup();
    v
}

fn digits(s: &[char], ps: &[usize], min: usize, max: usize) -> Steps {
    let mut out = Vec::new();
    for &p in ps {
        let mut k = 0;
        while k < max && p + k < s.len() && is_decimal(s[p + k]) {
            k += 1;
            if k >= min {
                out.push(p + k);
            }
        }
    }
    dedup(out)
}

fn one_of(s: &[char], ps: &[usize], set: &str, optional: bool) -> Steps {
    let mut out = Vec::new();
    for &p in ps {
        if optional {
            out.push(p);
        }
        if s.get(p).is_some_and(|&c| set.contains(c)) {
            out.push(p + 1);
        }
    }
    dedup(out)
}

fn spaces(s: &[char], ps: &[usize], min: usize) -> Steps {
    let mut out = Vec::new();
    for &p in ps {
        let run = s[p.min(s.len())..].iter().take_while(|&&c| is_space(c)).count();
        out.extend((min..=run).map(|k| p + k));
    }
    dedup(out)
}

/// Any of `words` under `(?i)` (`optional`: or nothing).
fn words_ci(s: &[char], ps: &[usize], words: &[&str], optional: bool) -> Steps {
    let mut out = Vec::new();
    for &p in ps {
        if optional {
            out.push(p);
        }
        for w in words {
            if w.bytes().enumerate().all(|(k, x)| s.get(p + k).is_some_and(|&c| ci_letter(c, x))) {
                out.push(p + w.len());
            }
        }
    }
    dedup(out)
}

/// `(?i)[a-z]*`.
fn letters_ci(s: &[char], ps: &[usize]) -> Steps {
    let mut out = Vec::new();
    for &p in ps {
        out.push(p);
        let mut k = p;
        while k < s.len() && (b'a'..=b'z').any(|x| ci_letter(s[k], x)) {
            k += 1;
            out.push(k);
        }
    }
    dedup(out)
}

const MONTHS: [&str; 13] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Python's `\b` at `p`.
fn boundary(s: &[char], p: usize) -> bool {
    let before = p > 0 && is_word(s[p - 1]);
    let after = p < s.len() && is_word(s[p]);
    before != after
}

/// Whether a match of `alternatives` (its ends from a start) lies between two `\b`;
/// `first` rules out the starts the pattern cannot begin at.
fn bounded_search(s: &[char], first: impl Fn(char) -> bool, alternatives: impl Fn(usize) -> Steps) -> bool {
    (0..s.len()).any(|p| {
        first(s[p]) && boundary(s, p) && alternatives(p).into_iter().any(|e| boundary(s, e))
    })
}

/// What one pass over a line's display text counts: each count was a pass of its own.
struct Scan {
    /// `str.split()` tokens (lower-casing makes and takes no white space: the lower-case
    /// line has as many).
    tokens: usize,
    /// Tokens that open with a letter, and those of them that open with a capital.
    initials: usize,
    upper: usize,
    /// A lower-case letter right before a capital ("NoticeTerms").
    glued: bool,
    digits: usize,
    /// Which of [`SYMBOLS`] it holds, bit `k` for the `k`th.
    symbols: u32,
}

impl Scan {
    fn of(s: &[char]) -> Scan {
        let mut scan = Scan { tokens: 0, initials: 0, upper: 0, glued: false, digits: 0, symbols: 0 };
        let mut after_space = true;
        let mut prev = '\0';
        for &c in s {
            let class = flags(c);
            let space = class & SPACE != 0;
            if after_space && !space {
                scan.tokens += 1;
                if class & (WORD | DECIMAL) == WORD && c != '_' {
                    scan.initials += 1;
                    scan.upper += usize::from(is_upper(c));
                }
            }
            scan.glued |= glued_pair(prev, c);
            scan.digits += usize::from(class & DECIMAL != 0);
            if !(c.is_ascii_alphanumeric() || c == ' ') {
                if let Some(k) = SYMBOLS.iter().position(|&x| x == c) {
                    scan.symbols |= 1 << k;
                }
            }
            after_space = space;
            prev = c;
        }
        scan
    }
}

/// Whether `s` may hold a `_DATE`, so that most lines are spared the search. Every form
/// of it ends in four figures in a row or has a figure followed by one of `/.-`; those
/// without the latter (a month's name and a year) name a month, whose first three
/// letters (under `(?i)`) the line then holds.
fn may_have_date(s: &[char]) -> bool {
    let mut run = 0;
    let mut year = false;
    for (i, &c) in s.iter().enumerate() {
        if is_decimal(c) {
            run += 1;
            if s.get(i + 1).is_some_and(|&n| n == '/' || n == '.' || n == '-') {
                return true;
            }
            year |= run >= 4;
        } else {
            run = 0;
        }
    }
    year && names_month(s)
}

/// Whether `s` holds the first three letters of a month (`MONTHS`) under `(?i)`.
fn names_month(s: &[char]) -> bool {
    // each character as the ASCII letter `(?i)` reads it as, or 0
    let fold = |c: char| -> u8 {
        if c.is_ascii() {
            c.to_ascii_lowercase() as u8
        } else {
            (b'a'..=b'z').find(|&x| ci_letter(c, x)).unwrap_or(0)
        }
    };
    let mut w = [0u8; 3];
    s.iter().enumerate().any(|(i, &c)| {
        w = [w[1], w[2], fold(c)];
        i >= 2 && MONTHS.iter().any(|m| m.as_bytes()[..3] == w)
    })
}

/// `_DATE`: a date in figures or with a month's name.
fn has_date(s: &[char]) -> bool {
    if !may_have_date(s) {
        return false;
    }
    let first = |c: char| is_decimal(c) || b"adfjmnos".iter().any(|&x| ci_letter(c, x));
    bounded_search(s, first, |p| {
        let start = [p];
        let mut ends = Vec::new();
        let month = words_ci(s, &start, &MONTHS, false);
        if month.is_empty() && !is_decimal(s[p]) {
            return ends;
        }
        // \d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}
        let a = digits(s, &start, 1, 2);
        let a = one_of(s, &a, "/.-", false);
        let a = digits(s, &a, 1, 2);
        let a = one_of(s, &a, "/.-", false);
        ends.extend(digits(s, &a, 2, 4));
        // \d{4}-\d{2}-\d{2}
        let b = digits(s, &start, 4, 4);
        let b = one_of(s, &b, "-", false);
        let b = digits(s, &b, 2, 2);
        let b = one_of(s, &b, "-", false);
        ends.extend(digits(s, &b, 2, 2));
        // MON[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}
        let c = letters_ci(s, &month);
        let c = one_of(s, &c, ".", true);
        let c = spaces(s, &c, 1);
        let c = digits(s, &c, 1, 2);
        let c = words_ci(s, &c, &["st", "nd", "rd", "th"], true);
        let c = one_of(s, &c, ",", true);
        let c = spaces(s, &c, 1);
        ends.extend(digits(s, &c, 4, 4));
        // \d{1,2}\s+MON[a-z]*\.?,?\s+\d{4}
        let d = digits(s, &start, 1, 2);
        let d = spaces(s, &d, 1);
        let d = words_ci(s, &d, &MONTHS, false);
        let d = letters_ci(s, &d);
        let d = one_of(s, &d, ".", true);
        let d = one_of(s, &d, ",", true);
        let d = spaces(s, &d, 1);
        ends.extend(digits(s, &d, 4, 4));
        ends
    })
}

/// `_AGO`: "3 hours ago", "5 min read".
fn has_ago(s: &[char]) -> bool {
    const UNITS: [&str; 16] = ["min", "minute", "mins", "minutes", "hour", "hours", "hr", "hrs", "day", "days",
        "week", "weeks", "month", "months", "year", "years"];
    bounded_search(s, is_decimal, |p| {
        let n = digits(s, &[p], 1, usize::MAX);
        let n = spaces(s, &n, 0);
        let a = words_ci(s, &n, &UNITS, false);
        let a = spaces(s, &a, 1);
        let mut ends = words_ci(s, &a, &["ago"], false);
        let b = words_ci(s, &n, &UNITS[..4], false);
        let b = spaces(s, &b, 1);
        ends.extend(words_ci(s, &b, &["read"], false));
        ends
    })
}

// ---------------------------------------------------------------- one line

fn glued_pair(a: char, b: char) -> bool {
    (a.is_ascii_lowercase() || ('\u{df}'..='\u{ff}').contains(&a))
        && (b.is_ascii_uppercase() || ('\u{c0}'..='\u{de}').contains(&b))
}

/// Tokens of four characters or more with a glued pair in them ("NoticeTerms").
fn glued_tokens(s: &[char]) -> usize {
    s.split(|&c| is_space(c)).filter(|t| t.len() >= 4 && t.windows(2).any(|w| glued_pair(w[0], w[1]))).count()
}

/// `(?<=[a-z\d]) (?=[A-Z][a-z]+ [a-z]{2,})`: where one run-together title ends.
fn title_breaks(s: &[char]) -> usize {
    let lower = |k: usize| s.get(k).is_some_and(|c| c.is_ascii_lowercase());
    (1..s.len())
        .filter(|&i| {
            if s[i] != ' ' || !(s[i - 1].is_ascii_lowercase() || is_decimal(s[i - 1])) {
                return false;
            }
            if !s.get(i + 1).is_some_and(|c| c.is_ascii_uppercase()) || !lower(i + 2) {
                return false;
            }
            let mut j = i + 2;
            while lower(j) {
                j += 1;
            }
            s.get(j) == Some(&' ') && lower(j + 1) && lower(j + 2)
        })
        .count()
}

/// Closing quotation marks: English ” ’, and German „…“ ‚…‘ and »…« besides » and ".
const CLOSING: &str = "\"'”’»“‘«)";

/// `[.!?…](?:["'”’»“‘«)\]]*)(?:\s|$)`: sentence ends, a quotation closed after them or not.
fn sentence_ends(s: &[char]) -> usize {
    let mut count = 0;
    let mut p = 0;
    while p < s.len() {
        if matches!(s[p], '.' | '!' | '?' | '…') {
            let q = p + 1 + s[p + 1..].iter().take_while(|&&c| CLOSING.contains(c) || c == ']').count();
            if q == s.len() {
                count += 1;
                break;
            }
            if is_space(s[q]) {
                count += 1;
                p = q + 1;
                continue;
            }
        }
        p += 1;
    }
    count
}

/// ``text`` (lower-case) starts, after any non-word characters, with one of ``heads``
/// followed by the end or a non-word character.
pub fn starts_with_head<S: AsRef<str>>(text: &str, heads: &[S]) -> bool {
    let rest = text.trim_start_matches(|c: char| !is_word(c));
    heads.iter().any(|head| {
        rest.strip_prefix(head.as_ref()).is_some_and(|after| !after.chars().next().is_some_and(is_word))
    })
}

fn runs(text: &str, class: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    text.split(move |c: char| !class(c)).filter(|w| !w.is_empty())
}

/// The words of a lower-case line (runs of `\w`) and its content words (runs of letters,
/// which lie inside them), both as ids of `lex`.
fn words_and_terms(low: &str, nw: usize, lines: &Lines, lex: &mut Lexicon) -> (Vec<u32>, Vec<u32>) {
    lex.line += 1;
    let mut words = Vec::with_capacity(nw);
    let mut terms = Vec::new();
    for w in runs(low, is_word) {
        let id = lex.id(w, lines);
        words.push(id);
        if lex.entries[id as usize].letters {
            lex.content(id, &mut terms);
        } else {
            for t in runs(w, is_letter) {
                let t = lex.id(t, lines);
                lex.content(t, &mut terms);
            }
        }
    }
    (words, terms)
}

/// The stopwords of the page's languages, for the line features, and the page
/// language's own headings of teaser lists ("mehr zum thema"), lower-case.
pub struct Lines {
    stopwords: HashSet<String>,
    cue_of: HashMap<&'static str, Vec<usize>>,
    heads: Vec<String>,
    noun_caps: bool,
}

/// Share of capitalised words a sentence in a language that capitalises its nouns
/// (German) has over one in English: the median German prose line of twelve words or
/// more has a third of its words capitalised, the English one an eighth, and the
/// upper quartiles lie as far apart. On such a page the share of a line of
/// [`NOUN_CAPS_WORDS`] or more is read as
/// ``(share - NOUN_CAPS) / (1 - NOUN_CAPS)``, so a German sentence reads like an
/// English one and a menu of capitalised items still reads as a menu.
pub const NOUN_CAPS: f64 = 0.2;
/// Words from which a line is read as a sentence for [`NOUN_CAPS`]: a shorter one (a menu
/// item, a heading, a button) is capitalised in English too, in title case.
pub const NOUN_CAPS_WORDS: usize = 8;

impl Lines {
    pub fn new(stopwords: impl IntoIterator<Item = String>) -> Lines {
        let mut cue_of: HashMap<&'static str, Vec<usize>> = HashMap::default();
        for (k, (_, words)) in CUES.iter().enumerate() {
            for w in words.iter() {
                cue_of.entry(w).or_default().push(k);
            }
        }
        let stopwords = stopwords.into_iter();
        // sized once: 23,134 words grown into a set from nothing were rehashed a dozen times
        let mut set = HashSet::with_capacity_and_hasher(stopwords.size_hint().0, Default::default());
        set.extend(stopwords);
        Lines { stopwords: set, cue_of, heads: Vec::new(), noun_caps: false }
    }

    /// The same lines read for a language that capitalises its nouns (German): the share
    /// of capitalised words is measured from [`NOUN_CAPS`] up, and title breaks ("… the
    /// Home page …", a run-together menu in English) are not read, as every noun after
    /// an article makes one.
    pub fn with_noun_caps(mut self, noun_caps: bool) -> Lines {
        self.noun_caps = noun_caps;
        self
    }

    /// The same lines with the page language's teaser-list headings besides the English ones.
    pub fn with_heads(mut self, heads: impl IntoIterator<Item = String>) -> Lines {
        self.heads = heads.into_iter().map(|h| lower(&h)).filter(|h| !h.is_empty()).collect();
        self
    }

    /// The features of one line's text on its own.
    pub fn own(&self, raw: &str, lex: &mut Lexicon) -> Own {
        let v: &Vocab = &VOCAB;
        let Shown { text: shown, link_chars, is_list, is_heading, links, images } = display(raw);
        let low = lower_owned(shown.iter().collect());
        let scan = Scan::of(&shown);
        let nw = scan.tokens;
        let (words, terms) = words_and_terms(&low, nw, self, lex);
        let entry = |w: &u32| lex.entries[*w as usize];
        let chars = shown.len();
        let mut f = Vec::with_capacity(32);
        f.push(v.nwords.id(nw as f64));
        let alpha = low.chars().any(is_letter);
        let stop = if words.is_empty() {
            f.push(v.nowords);
            0.0
        } else {
            let stop = words.iter().filter(|w| entry(w).stop).count() as f64 / words.len() as f64;
            f.push(v.stop.id(stop));
            let total: usize = words.iter().map(|w| entry(w).chars as usize).sum();
            f.push(v.meanlen.id(total as f64 / words.len() as f64));
            stop
        };
        if alpha {
            let (initials, upper) = (scan.initials, scan.upper);
            if initials > 0 {
                let share = upper as f64 / initials as f64;
                let sentence = self.noun_caps && nw >= NOUN_CAPS_WORDS;
                f.push(v.caps.id(if sentence { ((share - NOUN_CAPS) / (1.0 - NOUN_CAPS)).max(0.0) } else { share }));
            }
            if shown.iter().find(|&&c| !"\"'“‘«(¿¡[".contains(c)).is_some_and(|&c| is_lower(c)) {
                f.push(v.starts_lower);
            }
        }
        if nw > 0 && scan.glued {
            let glued = glued_tokens(&shown);
            if glued > 0 {
                f.push(v.glued.id(glued as f64 / nw as f64));
            }
        }
        if nw >= 8 && !self.noun_caps {
            f.push(v.breaks.id(title_breaks(&shown) as f64 / nw as f64));
        }
        let mut digit_count = 0;
        if chars > 0 {
            digit_count = scan.digits;
            f.push(v.digit.id(digit_count as f64 / chars as f64));
        }
        let end = shown.last().copied();
        match end {
            // Python: '' in ".!?…" is true
            None => f.push(v.end_stop),
            Some(c) if ".!?…".contains(c) => f.push(v.end_stop),
            Some(c) if CLOSING.contains(c) => {
                let before = if chars >= 2 { Some(shown[chars - 2]) } else { None };
                f.push(if before.is_none_or(|b| ".!?,".contains(b)) { v.end_quote } else { v.end_close });
            }
            Some(':') => f.push(v.end_colon),
            Some(c) if ",;".contains(c) => f.push(v.end_comma),
            Some(_) => f.push(v.end_other),
        }
        let sents = if nw >= 3 { sentence_ends(&shown) } else { 0 };
        f.push(v.sents.id(sents as f64));
        if is_list {
            f.push(v.list);
        }
        if is_heading {
            f.push(v.md_heading);
        }
        if links > 0 {
            f.push(v.links.id(link_chars as f64 / chars.max(1) as f64));
            if links >= 3 {
                f.push(v.links3);
            }
        }
        if images > 0 {
            f.push(v.image);
        }
        if shown.is_empty() {
            f.push(v.markup_only);
        }
        for (k, id) in v.symbols.iter().enumerate() {
            if scan.symbols & (1 << k) != 0 {
                f.push(*id);
            }
        }
        let cues = words.iter().take(12).fold(0u8, |m, w| m | entry(w).cues);
        for k in 0..CUES.len() {
            if cues & (1 << k) != 0 {
                f.push(if nw <= 12 { v.cue_short[k] } else { v.cue_long[k] });
            }
        }
        if shown.contains(&'©') || low.contains("(c)") {
            f.push(v.copyright);
        }
        if digit_count > 0 && has_date(&shown) {
            f.push(if nw <= 12 { v.date } else { v.date_in_long });
        }
        // "ago" and "read" have no letter that `(?i)` folds from outside ASCII: a lower-case
        // line without either is no "3 hours ago" and no "5 min read"
        if nw <= 12 && digit_count > 0 && (low.contains("ago") || low.contains("read"))
            && has_ago(&low.chars().collect::<Vec<char>>())
        {
            f.push(v.ago);
        }
        if nw <= 3 && chars <= 25 {
            f.push(v.tiny);
        }
        let ends_sentence = end.is_none_or(|c| ".!?…\"”’".contains(c));
        let prose = nw >= 8 && stop >= 0.2 && (sents >= 1 || ends_sentence);
        if prose {
            f.push(v.prose);
        }
        if nw >= 20 && stop >= 0.25 {
            f.push(v.long_stop);
        }
        Own { words: nw, chars, prose, features: f, key: words, terms, text: low }
    }
}

// ---------------------------------------------------------------- a page

/// The features of every unit of a page: its own, its place in the page and in
/// its block, and repetition inside the page.
///
/// Laid out to be small on a page of many short lines: a unit's display text and
/// content words are kept once per distinct line (`line_of`), and the features
/// of all units sit in one array (`feature_starts`).
/// Short lists kept end to end in one vector, each read by its position: one allocation
/// for all of a page's lines (a `Vec` or a `String` for each was most of the memory of
/// a page of many distinct short lines).
pub struct Runs<T> {
    items: Vec<T>,
    ends: Vec<u32>,
}

impl<T: Copy> Runs<T> {
    fn new() -> Self {
        Runs { items: Vec::new(), ends: Vec::new() }
    }
    fn push(&mut self, run: &[T]) {
        self.items.extend_from_slice(run);
        self.ends.push(u32::try_from(self.items.len()).expect("a page's runs fit 32-bit offsets"));
    }
    fn span(&self, k: usize) -> std::ops::Range<usize> {
        (if k == 0 { 0 } else { self.ends[k - 1] as usize })..self.ends[k] as usize
    }
    fn get(&self, k: usize) -> &[T] {
        &self.items[self.span(k)]
    }
    fn len(&self) -> usize {
        self.ends.len()
    }
}

impl Runs<u8> {
    fn push_str(&mut self, text: &str) {
        self.push(text.as_bytes());
    }
    pub fn get_str(&self, k: usize) -> &str {
        // runs of bytes pushed whole from `&str`s: each is UTF-8
        std::str::from_utf8(self.get(k)).expect("pushed from a str")
    }
}

/// Per-unit numbers are held as 32-bit integers and feature ids as 16-bit ones (a
/// document holds at most `MAX_CHARS` characters, the vocabulary a few hundred
/// features): on a page of many short lines the page's arrays were a fifth of the
/// structure stage's memory at full width.
pub struct Page {
    pub words: Vec<u32>,
    pub chars: Vec<u32>,
    pub prose: Vec<bool>,
    /// Display text of each distinct line, lower-cased.
    texts: Runs<u8>,
    /// Content words of each distinct line, as ids into `vocabulary`.
    terms: Runs<u32>,
    /// The distinct line each unit shows.
    line_of: Vec<u32>,
    feature_ids: Vec<u16>,
    feature_starts: Vec<u32>,
    pub vocabulary: Runs<u8>,
    pub blocks: Vec<u32>,
    pub flat: Vec<bool>,
    /// The unit starts with one of the page language's teaser-list headings.
    pub local_head: Vec<bool>,
    /// Each unit's span in the page's text, in characters and in bytes, and the text's
    /// length in bytes (what the structure stage removes is cut from these spans).
    spans: Vec<(u32, u32)>,
    byte_spans: Vec<(u32, u32)>,
    pub text_bytes: usize,
}

impl Page {
    /// Display text of unit `k`, lower-cased.
    pub fn text(&self, k: usize) -> &str {
        self.texts.get_str(self.line_of[k] as usize)
    }
    /// Whether units `a` and `b` show the same display text.
    pub fn same_text(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.line_of[a] as usize, self.line_of[b] as usize);
        x == y || self.texts.get(x) == self.texts.get(y)
    }
    /// Content words of unit `k`, as ids into `vocabulary`.
    pub fn terms(&self, k: usize) -> &[u32] {
        self.terms.get(self.line_of[k] as usize)
    }
    /// Feature ids of unit `k`, in the order the model adds their weights.
    pub fn features(&self, k: usize) -> &[u16] {
        &self.feature_ids[self.feature_starts[k] as usize..self.feature_starts[k + 1] as usize]
    }
    /// Whether unit `k` is a list item (its features hold `list`).
    pub fn listed(&self, k: usize) -> bool {
        self.features(k).contains(&(VOCAB.list as u16))
    }
    /// Display words of unit `k`.
    pub fn words(&self, k: usize) -> usize {
        self.words[k] as usize
    }
    /// The (pseudo-)block of unit `k`.
    pub fn block(&self, k: usize) -> usize {
        self.blocks[k] as usize
    }
    /// Unit `k`'s span in the page's text, in characters.
    pub fn span(&self, k: usize) -> (usize, usize) {
        let (a, b) = self.spans[k];
        (a as usize, b as usize)
    }
    /// Unit `k`'s span in the page's text, in bytes.
    pub fn byte_span(&self, k: usize) -> (usize, usize) {
        let (a, b) = self.byte_spans[k];
        (a as usize, b as usize)
    }
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// Character offsets to byte offsets, walking forward (units come in order).
struct Offsets<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl Offsets<'_> {
    fn byte(&mut self, c: usize) -> usize {
        if self.ascii {
            return c.min(self.text.len());
        }
        if c < self.chars {
            self.chars = 0;
            self.bytes = 0;
        }
        for ch in self.text[self.bytes..].chars() {
            if self.chars == c {
                break;
            }
            self.chars += 1;
            self.bytes += ch.len_utf8();
        }
        self.bytes
    }
}

impl Lines {
    /// ``starts``, ``ends``: the units' character offsets; ``groups``: how many units each
    /// (pseudo-)block holds, in order; ``flat``: the unit is a piece of a flattened line.
    pub fn page(&self, text: &str, starts: &[usize], ends: &[usize], flat: &[bool], groups: &[usize]) -> Page {
        let v: &Vocab = &VOCAB;
        let n = starts.len();
        let size = text.chars().count().max(1) as f64;
        let mut offsets = Offsets { text, ascii: text.is_ascii(), chars: 0, bytes: 0 };
        // grown as distinct lines come (sized for every unit, it was 13 MB on a page of
        // 263,000 short lines that repeat a few hundred)
        let mut cache: HashMap<&str, usize> = HashMap::default();
        // what the units read off their distinct lines: own features and word keys
        let (mut own_features, mut keys) = (Runs::new(), Runs::new());
        let mut line_of: Vec<u32> = Vec::with_capacity(n);
        let mut page = Page {
            words: Vec::with_capacity(n),
            chars: Vec::with_capacity(n),
            prose: Vec::with_capacity(n),
            texts: Runs::new(),
            terms: Runs::new(),
            line_of: Vec::new(),
            feature_ids: Vec::new(),
            feature_starts: Vec::with_capacity(n + 1),
            vocabulary: Runs::new(),
            blocks: Vec::with_capacity(n),
            flat: flat.to_vec(),
            local_head: Vec::with_capacity(n),
            spans: starts.iter().zip(ends).map(|(&a, &b)| (a as u32, b as u32)).collect(),
            byte_spans: Vec::with_capacity(n),
            text_bytes: text.len(),
        };
        let mut lex = Lexicon::default();
        let mut sizes: Vec<(u32, u32, bool)> = Vec::new();
        // each unit's distinct line: its text and content words move to the page once
        for (b, &size_of_group) in groups.iter().enumerate() {
            for _ in 0..size_of_group {
                let (start, end) = (starts[line_of.len()], ends[line_of.len()]);
                let (a, e) = (offsets.byte(start), offsets.byte(end));
                page.byte_spans.push((a as u32, e as u32));
                let raw = &text[a..e];
                let distinct = page.texts.len();
                let o = *cache.entry(raw).or_insert(distinct);
                if o == distinct {
                    let own = self.own(raw, &mut lex);
                    page.terms.push(&own.terms);
                    page.texts.push_str(&own.text);
                    own_features.push(&own.features);
                    keys.push(&own.key);
                    sizes.push((own.words as u32, own.chars as u32, own.prose));
                }
                line_of.push(o as u32);
                let (words, chars, prose) = sizes[o];
                page.words.push(words);
                page.chars.push(chars);
                page.local_head.push(!self.heads.is_empty() && starts_with_head(page.texts.get_str(o), &self.heads));
                page.prose.push(prose);
                page.blocks.push(b as u32);
            }
        }
        assert_eq!(line_of.len(), n, "the groups hold every unit");
        drop(cache);
        page.vocabulary = lex.into_words();
        // repetition inside the page: of a line's words, and of its first two words when it has three or more
        // (read off each unit's distinct line: a slice for every unit was a fifth of the call's memory)
        let key = |i: usize| keys.get(line_of[i] as usize);
        let head = |i: usize| {
            let k = key(i);
            if k.len() >= 3 { &k[..2] } else { &[][..] }
        };
        let mut counts: HashMap<&[u32], usize> = HashMap::default();
        let mut prefixes: HashMap<&[u32], usize> = HashMap::default();
        for i in 0..n {
            if !key(i).is_empty() {
                *counts.entry(key(i)).or_default() += 1;
            }
            if !head(i).is_empty() {
                *prefixes.entry(head(i)).or_default() += 1;
            }
        }
        // each unit's features, in the order the model adds them: its line's own, its
        // place in the page and its block, repetition, then its block's shape
        let mut k = 0;
        for &size_of_group in groups {
            let members = k..k + size_of_group;
            let count = size_of_group as f64;
            let words: usize = page.words[members.clone()].iter().map(|&w| w as usize).sum();
            let short = page.words[members.clone()].iter().filter(|&&w| w <= 4).count() as f64 / count;
            let listy = members.clone().filter(|&m| own_features.get(line_of[m] as usize).contains(&v.list)).count() as f64 / count;
            let mut shape = vec![v.blines.id(count) as u16, v.bwords.id(words as f64) as u16, v.bshort.id(short) as u16];
            if listy >= 0.5 {
                shape.push(v.block_listy as u16);
            }
            if page.prose[members.clone()].iter().any(|&p| p) {
                shape.push(v.block_has_prose as u16);
            }
            for (j, i) in members.enumerate() {
                let own = own_features.get(line_of[i] as usize);
                let f = &mut page.feature_ids;
                page.feature_starts.push(f.len() as u32);
                f.extend(own.iter().map(|&x| x as u16));
                f.push(v.pos.id(starts[i] as f64 / size) as u16);
                if flat[i] {
                    f.push(v.flat as u16);
                    f.extend(own.iter().filter_map(|&x| v.flat_of[x as usize]).map(|x| x as u16));
                }
                f.push((if size_of_group == 1 {
                    v.single_line_block
                } else if j == 0 {
                    v.block_first
                } else if j == size_of_group - 1 {
                    v.block_last
                } else {
                    v.block_mid
                }) as u16);
                let c = counts.get(key(i)).copied().unwrap_or(0);
                if c >= 2 {
                    f.push(v.repeat.id(c as f64) as u16);
                    if page.words[i] >= 8 {
                        f.push(v.repeat_long as u16);
                    }
                }
                if !head(i).is_empty() && prefixes[head(i)] >= 3 {
                    f.push(v.prefix.id(prefixes[head(i)] as f64) as u16);
                }
                f.extend_from_slice(&shape);
            }
            k += size_of_group;
        }
        page.feature_starts.push(page.feature_ids.len() as u32);
        page.feature_ids.shrink_to_fit();
        page.line_of = line_of;
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn names(raw: &str) -> Vec<&'static str> {
        let lines = Lines::new(["the", "and", "of", "to", "a", "in", "on"].map(String::from));
        lines.own(raw, &mut Lexicon::default()).features.iter().map(|&f| VOCAB.names[f as usize].as_str()).collect()
    }

    #[test]
    fn markdown_is_read_and_dropped() {
        let s = display("* [Sign in](https://x.y/login \"t\") or ![logo](/l.png) __init__ _em_ www.x.y/z");
        assert_eq!(s.text.iter().collect::<String>(), "Sign in or   init em");
        assert!(s.is_list && !s.is_heading);
        assert_eq!((s.links, s.link_chars, s.images), (1, 7, 1));
        let quoted = display("[HTC news](https://x.y/p \"the \"latest collaboration\" of the two\") (4)");
        assert_eq!(quoted.text.iter().collect::<String>(), "HTC news (4)");
        assert!(display("## Title").is_heading && !display("####### Title").is_heading);
        assert!(!display("1234. no").is_list && display("12. yes").is_list && display("b) yes").is_list);
        // "__" goes first; a lone underscore between spaces is no emphasis
        assert_eq!(display("a ___ b").text.iter().collect::<String>(), "a _ b");
        let raw = chars("__ x");
        assert_eq!(find_all(&raw, underscore_at), [(0, 1)]); // the last one is the \S the lookahead needs
    }

    #[test]
    fn dates_and_ages_need_word_boundaries() {
        assert!(has_date(&chars("Posted Dec 19, 2025")));
        assert!(has_date(&chars("on 19 December 2025.")));
        assert!(has_date(&chars("2025-12-19")) && has_date(&chars("1/2/25")));
        assert!(!has_date(&chars("x2025-12-19")) && !has_date(&chars("Dec 19, 20255")));
        assert!(has_date(&chars("ſep 3 2024"))); // (?i) reads the long s as an s
        assert!(has_ago(&chars("3 hours ago")) && has_ago(&chars("5 min read")));
        assert!(!has_ago(&chars("3 hours agony")));
    }

    #[test]
    fn shapes_of_a_line() {
        assert_eq!(sentence_ends(&chars("One. Two!\" Three? x.y")), 3);
        assert_eq!(glued_tokens(&chars("NoticeTerms aB CookieSettings")), 2);
        assert_eq!(title_breaks(&chars("as a caregiver How we make memories")), 1);
        let f = names("The committee met on Tuesday and said that the plan was ready.");
        assert!(f.contains(&"prose") && f.contains(&"end_stop") && !f.contains(&"starts_lower"));
        assert_eq!(names(""), ["nw<1", "nowords", "end_stop", "sents<1", "markup_only", "tiny"]);
        assert!(names("Share on Facebook").contains(&"cue_short_share"));
    }
}
