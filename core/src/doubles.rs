//! Lines a page prints twice (`cleaner.structure.doubles`): a table of contents, an
//! echo of the line above, a line that says itself twice, a preview cut short beside
//! its line. The Python functions there are the reference; this walks a page's units
//! once per shape in one call (the Python loops read every unit of every page).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::features;
use crate::pystr::{is_decimal, is_space, is_word, lower};
use crate::Page;

const ECHO_CHARS: usize = 12;
const SELF_ECHO_CHARS: usize = 20;
const SELF_ECHO_MAX: usize = 400;
const CONTENTS_MIN: usize = 2;
const CONTENTS_WORDS: usize = 15;
const PREVIEW_WORDS: usize = 4;
const PREVIEW_REACH: usize = 3;

/// `_CONTENTS_HEAD`'s phrases; a suffix (" show" …) may follow any.
const CONTENTS_HEADS: [&str; 9] = [
    "table of contents",
    "contents",
    "in this article",
    "in this post",
    "in this guide",
    "in this page",
    "on this page",
    "jump to",
    "quick links",
];
const CONTENTS_HEAD_INSIDE: &str = "what s inside";
const CONTENTS_SUFFIXES: [&str; 3] = [" show", " hide", " toggle"];

/// Every contents heading holds one of these words: a unit without one is not joined.
static HEAD_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(["contents", "this", "jump", "quick", "inside"]).expect("literal words"));

/// `re.findall(r"\w+", text)`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word(c)).filter(|w| !w.is_empty())
}

/// `_CONTENTS_HEAD.fullmatch(text)`.
fn contents_head(text: &str) -> bool {
    let is_head = |t: &str| t == CONTENTS_HEAD_INSIDE || CONTENTS_HEADS.contains(&t);
    is_head(text) || CONTENTS_SUFFIXES.iter().any(|s| text.strip_suffix(s).is_some_and(is_head))
}

/// `_key`: the words of a unit past its bullets, numbers and marks, joined by spaces.
fn key(text: &str) -> String {
    let rest = text.trim_start_matches(|c: char| !is_word(c) || is_decimal(c) || c == '_');
    words(rest).collect::<Vec<_>>().join(" ")
}

struct Units<'a> {
    page: &'a features::Page,
    idx: &'a [usize],
    text: &'a str,
}

impl Units<'_> {
    fn shown(&self, i: usize) -> &str {
        self.page.text(self.idx[i])
    }
    fn words(&self, i: usize) -> usize {
        self.page.words(self.idx[i])
    }
    fn raw(&self, i: usize) -> &str {
        let (a, b) = self.page.byte_span(self.idx[i]);
        &self.text[a..b]
    }
}

/// `contents`: a table of contents' heading and entries, in order.
fn contents(u: &Units<'_>) -> Vec<usize> {
    let n = u.idx.len();
    let heads: Vec<usize> = (0..n)
        .filter(|&h| {
            let t = u.shown(h);
            u.words(h) <= 5
                && HEAD_WORDS.is_match(t)
                && contents_head(&words(t).collect::<Vec<_>>().join(" "))
        })
        .collect();
    if heads.is_empty() {
        return Vec::new();
    }
    let keys: Vec<String> = (0..n).map(|i| key(u.shown(i))).collect();
    let mut last: HashMap<&str, usize> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        if !k.is_empty() {
            last.insert(k, i);
        }
    }
    let mut out = vec![false; n];
    for h in heads {
        let mut run = Vec::new();
        let mut seen: HashSet<&str> = HashSet::default();
        for j in h + 1..n {
            let k = keys[j].as_str();
            if k.is_empty() || u.page.prose[u.idx[j]] || u.words(j) > CONTENTS_WORDS || last[k] <= j || seen.contains(k) {
                break;
            }
            run.push(j);
            seen.insert(k);
        }
        if run.len() >= CONTENTS_MIN {
            out[h] = true;
            for j in run {
                out[j] = true;
            }
        }
    }
    (0..n).filter(|&i| out[i]).collect()
}

/// `echoes`: a unit that says again what the unit just above says, as printed.
fn echoes(u: &Units<'_>, keep: &[bool], out: &mut [bool]) {
    let mut echo = vec![false; keep.len()];
    for i in 1..keep.len() {
        if u.page.same_text(u.idx[i], u.idx[i - 1])
            && u.shown(i).chars().count() >= ECHO_CHARS
            && (keep[i - 1] || echo[i - 1])
            && u.raw(i - 1).trim_matches(is_space) == u.raw(i).trim_matches(is_space)
        {
            echo[i] = true;
            out[i] = true;
        }
    }
}

/// `str.find(needle, start, end)` on characters.
fn find(s: &[char], needle: &[char], start: usize, end: usize) -> Option<usize> {
    let end = end.min(s.len());
    if start > end || end - start < needle.len() {
        return None;
    }
    let (&lead, rest) = needle.split_first()?;
    (start..=end - needle.len()).find(|&j| s[j] == lead && s[j + 1..j + needle.len()] == *rest)
}

/// `says_twice` of a unit's characters.
fn says_twice(line: &[char]) -> bool {
    let mut s = line;
    while let Some((&c, rest)) = s.split_first() {
        if !is_space(c) {
            break;
        }
        s = rest;
    }
    while let Some((&c, rest)) = s.split_last() {
        if !is_space(c) {
            break;
        }
        s = rest;
    }
    if s.len() < SELF_ECHO_CHARS {
        return false;
    }
    let head = &s[..SELF_ECHO_CHARS];
    let mut j = find(s, head, SELF_ECHO_CHARS, SELF_ECHO_MAX);
    while let Some(at) = j {
        let mut first = &s[..at];
        while let Some((&c, rest)) = first.split_last() {
            if !is_space(c) {
                break;
            }
            first = rest;
        }
        if s[at..].starts_with(first) {
            return true;
        }
        j = find(s, head, at + 1, SELF_ECHO_MAX);
    }
    false
}

/// `self_echoes`: a kept line (not a table row, not a piece of a flattened line) that
/// says itself twice.
fn self_echoes(u: &Units<'_>, keep: &[bool], out: &mut [bool]) {
    for (i, &kept) in keep.iter().enumerate() {
        let (start, end) = u.page.span(u.idx[i]);
        if !kept || u.page.flat[u.idx[i]] || end - start < 2 * SELF_ECHO_CHARS {
            continue;
        }
        let raw = u.raw(i);
        // the opening shows again where says_twice looks for it (the stage's quick test,
        // on bytes: a match of whole characters in UTF-8 is one of characters)
        let limit = SELF_ECHO_MAX.min(end - start);
        let (mut from, mut to) = (raw.len(), raw.len());
        for (c, (b, _)) in raw.char_indices().enumerate() {
            if c == SELF_ECHO_CHARS {
                from = b;
            }
            if c == limit {
                to = b;
                break;
            }
        }
        if from > to || !raw[from..to].contains(&raw[..from]) {
            continue;
        }
        if raw.contains('\t') || raw.trim_matches(is_space).contains("   ") {
            continue;
        }
        let whole: Vec<char> = raw.chars().collect();
        if says_twice(&whole) {
            out[i] = true;
        }
    }
}

/// `previews`: a kept line cut short with an ellipsis whose words open a longer line
/// near it.
fn previews(u: &Units<'_>, keep: &[bool], out: &mut [bool]) {
    let n = keep.len();
    let mut cache: HashMap<usize, Vec<String>> = HashMap::default();
    let mut words_of = |k: usize| -> Vec<String> {
        cache.entry(k).or_insert_with(|| words(&lower(u.shown(k))).map(str::to_string).collect()).clone()
    };
    for i in 0..n {
        let shown = u.shown(i);
        if !keep[i] {
            continue;
        }
        let end = shown.trim_end_matches(is_space);
        if !(end.ends_with("...") || end.ends_with('…')) {
            continue;
        }
        let mut stem = words_of(i);
        stem.pop();
        if stem.len() < PREVIEW_WORDS {
            continue;
        }
        let length = shown.chars().count();
        for j in i.saturating_sub(PREVIEW_REACH)..n.min(i + PREVIEW_REACH + 1) {
            if j == i || u.shown(j).chars().count() <= length {
                continue;
            }
            let other = words_of(j);
            if other.len() > stem.len() && other[..stem.len()] == stem[..] {
                out[i] = true;
                break;
            }
        }
    }
}

/// The units of `idx` (positions) that repeat what the page prints elsewhere: (a table of
/// contents' heading and entries, and the echoes, lines that say themselves twice and
/// previews among the units `keep` holds with the table of contents left out), as
/// `contents`, `echoes`, `self_echoes` and `previews` find them.
#[pyfunction]
pub fn doubles(page: PyRef<'_, Page>, idx: Vec<usize>, keep: Vec<bool>, text: &str) -> PyResult<(Vec<usize>, Vec<usize>)> {
    let p = page.units(&idx)?;
    if keep.len() != idx.len() {
        return Err(PyValueError::new_err("one keep flag for each unit of the page"));
    }
    if text.len() != p.text_bytes {
        return Err(PyValueError::new_err("not the page's text"));
    }
    let u = Units { page: p, idx: &idx, text };
    let toc = contents(&u);
    let mut kept = keep;
    for &i in &toc {
        kept[i] = false;
    }
    let mut twice = vec![false; kept.len()];
    echoes(&u, &kept, &mut twice);
    self_echoes(&u, &kept, &mut twice);
    previews(&u, &kept, &mut twice);
    Ok((toc, (0..twice.len()).filter(|&i| twice[i]).collect()))
}
