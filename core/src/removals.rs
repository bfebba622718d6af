//! What the structure stage removes: each dropped unit named (navigation, related
//! links, page header or footer …) and cut to the parts no earlier stage claimed.
//!
//! The Python reference is `cleaner.structure.categories.categorise` and the stage's
//! `_removals`; this walk gives the same names and spans for a page in one call
//! (a Python loop over every unit was a third of the stage's time). The category
//! patterns themselves (cookie banners, share bars, "Related" headings) stay in
//! Python: they are asked only of the few units past the engine's gates
//! (`removal_gates`), and come back here as given categories.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use std::collections::HashSet;

use crate::pystr::{is_space, is_word};
use crate::{Page, Pattern};

/// The categories by code; `markup` is a kept unit's markdown that carries words.
pub const CATEGORIES: [&str; 10] = [
    "navigation",
    "related_links",
    "cookie_notice",
    "advertisement",
    "page_header",
    "page_footer",
    "social_share",
    "newsletter",
    "duplicate",
    "markup",
];
const NAVIGATION: u8 = 0;
const RELATED: u8 = 1;
const HEADER: u8 = 4;
const FOOTER: u8 = 5;

/// How a unit's own words named it (`given` of `removals`).
const NAMED: u8 = 1; // its category, nothing more (a later step's name, or what its words say)
const RELATED_HEAD: u8 = 2; // a "Related" heading: the units after it may be its teasers
const FOOTER_ROW: u8 = 3; // a row of footer links: navigation before the article, footer after

/// The units of `page` that `idx` names, checked.
fn units<'a>(page: &'a crate::Page, idx: &[usize], n: usize) -> PyResult<&'a crate::features::Page> {
    let p = page.units(idx)?;
    if idx.len() != n {
        return Err(PyValueError::new_err("one keep flag per unit"));
    }
    Ok(p)
}

/// Per position of `idx`, the code at `at` (255: none).
fn spread(n: usize, at: &[usize], codes: &[u8]) -> PyResult<Vec<u8>> {
    if at.len() != codes.len() || at.iter().any(|&k| k >= n) {
        return Err(PyValueError::new_err("positions and codes disagree"));
    }
    let mut out = vec![u8::MAX; n];
    for (&k, &c) in at.iter().zip(codes) {
        out[k] = c;
    }
    Ok(out)
}

/// The removed units (not kept, not named) a category's words may name: (the positions of
/// those whose display text gets past `may_name`'s gate, those that are a row of footer
/// links). The gate's superset is what `Engine.may_passing` passes; a row of footer links
/// has at most twelve words, seven tenths of its tokens (`[\w&]+`) in `footer_words`.
#[pyfunction]
pub fn removal_gates(
    page: PyRef<'_, Page>,
    idx: Vec<usize>,
    keep: Vec<bool>,
    named: Vec<usize>,
    may_name: PyRef<'_, Pattern>,
    footer_words: HashSet<String>,
) -> PyResult<(Vec<usize>, Vec<usize>)> {
    let p = units(&page, &idx, keep.len())?;
    let named = spread(idx.len(), &named, &vec![0; named.len()])?;
    let (mut name, mut footer) = (Vec::new(), Vec::new());
    for (k, &u) in idx.iter().enumerate() {
        if keep[k] || named[k] != u8::MAX {
            continue;
        }
        let text = p.text(u);
        // a text with a line end is read by the regex module: always past the gate
        if text.contains('\n') || may_name.matcher.passes_gate(text) {
            name.push(k);
        }
        if p.words(u) <= 12 && footer_row(text, &footer_words) {
            footer.push(k);
        }
    }
    Ok((name, footer))
}

/// Seven tenths or more of the tokens of `text` (`re.findall(r"[\w&]+")`, one at least)
/// are footer words.
fn footer_row(text: &str, footer_words: &HashSet<String>) -> bool {
    let (mut tokens, mut hits) = (0usize, 0usize);
    for token in text.split(|c: char| !(is_word(c) || c == '&')).filter(|t| !t.is_empty()) {
        tokens += 1;
        hits += footer_words.contains(token) as usize;
    }
    tokens > 0 && hits as f64 >= 0.7 * tokens as f64
}

/// A teaser title: a few words, no sentence end (`_headline_like`).
fn headline_like(p: &crate::features::Page, u: usize) -> bool {
    let words = p.words(u);
    (3..=20).contains(&words)
        && !p.prose[u]
        && !matches!(p.text(u).trim_end_matches(is_space).chars().next_back(), Some('.' | '!' | ':'))
}

/// The category code of each unit (255: it stays), as `categorise` names them.
fn categorise(p: &crate::features::Page, idx: &[usize], keep: &[bool], given: &[u8], codes: &[u8]) -> Vec<u8> {
    let n = idx.len();
    let first = keep.iter().position(|&k| k).unwrap_or(n);
    let last = keep.iter().rposition(|&k| k).unwrap_or(n);
    let listed = |u: usize| p.listed(u);
    let teaser_run = |i: usize| {
        (i > 0 && !keep[i - 1] && headline_like(p, idx[i - 1])) || (i + 1 < n && !keep[i + 1] && headline_like(p, idx[i + 1]))
    };
    let mut out = Vec::with_capacity(n);
    let mut related = false; // under a "Related" heading, in its run of teasers
    for (i, &u) in idx.iter().enumerate() {
        if keep[i] {
            related = false;
            out.push(u8::MAX);
            continue;
        }
        match given[i] {
            NAMED => {
                out.push(codes[i]);
                continue;
            }
            RELATED_HEAD => {
                related = true;
                out.push(RELATED);
                continue;
            }
            FOOTER_ROW => {
                related = false;
                out.push(if i < first { NAVIGATION } else { FOOTER });
                continue;
            }
            _ => {}
        }
        let words = p.words(u);
        if related {
            if headline_like(p, u) || listed(u) || words > 20 {
                out.push(RELATED);
                continue;
            }
            related = false;
        }
        out.push(if i < first {
            if words <= 4 || listed(u) { NAVIGATION } else { HEADER }
        } else if i > last {
            if headline_like(p, u) && teaser_run(i) {
                RELATED
            } else if words <= 4 || listed(u) {
                NAVIGATION
            } else {
                FOOTER
            }
        } else if headline_like(p, u) && teaser_run(i) {
            RELATED
        } else {
            NAVIGATION
        });
    }
    out
}

/// The parts of [start, end) that no claimed span covers (`_Claimed.gaps`; `starts`
/// sorted, the spans merged).
fn gaps(starts: &[usize], ends: &[usize], start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let right = starts.partition_point(|&s| s <= start); // bisect_right
    let k = right as isize - 1;
    if start < end && (k < 0 || ends[k as usize] <= start) && (right == starts.len() || starts[right] >= end) {
        out.push((start, end));
        return;
    }
    let mut k = k.max(0) as usize;
    let mut pos = start;
    while k < starts.len() && starts[k] < end {
        if ends[k] > pos {
            if starts[k] > pos {
                out.push((pos, starts[k]));
            }
            pos = pos.max(ends[k]);
        }
        k += 1;
    }
    if pos < end {
        out.push((pos, end));
    }
}

/// Byte offset of character `c` of `raw`, which starts at character `first`.
fn byte_at(raw: &str, first: usize, c: usize) -> usize {
    raw.char_indices().nth(c - first).map_or(raw.len(), |(b, _)| b)
}

/// What the stage removes from the units `idx` of `page`, in text order: (starts, ends,
/// category codes as bytes, the unit each removal takes whole (its position in `idx`, -1
/// for a part of one), kept units whose markdown may carry words, and how many removals
/// come before each of them). Starts, ends and units come as the bytes of native 64-bit
/// integers (``memoryview(b).cast("q")`` reads them): a Python int for each number of a
/// page of many short removed lines, held beside the engine's page, was a tenth of the
/// structure stage's peak memory, and a whole unit's span is its line's, whose ints the
/// annotation can share. `given`: the units a name was given to, by
/// position (`at`), how (`kinds`: 1 named, 2 a "Related" heading, 3 a row of footer
/// links) and the category (`codes`, read for kind 1). `claimed_starts`/`ends`: what
/// earlier stages claimed, merged and sorted.
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
pub fn removals<'py>(
    py: Python<'py>,
    page: PyRef<'_, Page>,
    idx: Vec<usize>,
    keep: Vec<bool>,
    at: Vec<usize>,
    kinds: Vec<u8>,
    codes: Vec<u8>,
    text: &str,
    claimed_starts: Vec<usize>,
    claimed_ends: Vec<usize>,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>, Vec<usize>, Vec<usize>)> {
    let p = units(&page, &idx, keep.len())?;
    if text.len() != p.text_bytes {
        return Err(PyValueError::new_err("not the page's text"));
    }
    if claimed_starts.len() != claimed_ends.len() {
        return Err(PyValueError::new_err("claimed starts and ends disagree"));
    }
    if codes.iter().any(|&c| c as usize >= CATEGORIES.len()) {
        return Err(PyValueError::new_err("no such category"));
    }
    let given = spread(idx.len(), &at, &kinds)?;
    let named = spread(idx.len(), &at, &codes)?;
    let category = categorise(p, &idx, &keep, &given, &named);
    let (mut starts, mut ends, mut cats, mut whole) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut markup, mut markup_at) = (Vec::new(), Vec::new());
    let mut parts = Vec::new();
    for (i, &u) in idx.iter().enumerate() {
        let (a, b) = p.byte_span(u);
        let raw = &text[a..b];
        if category[i] == u8::MAX {
            if raw.contains("](") || raw.contains('_') || raw.contains('*') || raw.contains('\\') {
                markup.push(i);
                markup_at.push(starts.len());
            }
            continue;
        }
        let (start, end) = p.span(u);
        gaps(&claimed_starts, &claimed_ends, start, end, &mut parts);
        for &(x, y) in &parts {
            let shown = if (x, y) == (start, end) {
                raw
            } else {
                &raw[byte_at(raw, start, x)..byte_at(raw, start, y)]
            };
            if shown.chars().any(|c| !is_space(c)) {
                starts.push(x as i64);
                ends.push(y as i64);
                cats.push(category[i]);
                whole.push(if (x, y) == (start, end) { i as i64 } else { -1 });
            }
        }
    }
    Ok((packed(py, &starts), packed(py, &ends), PyBytes::new(py, &cats), packed(py, &whole), markup, markup_at))
}

/// `numbers` as the bytes of native 64-bit integers.
fn packed<'py>(py: Python<'py>, numbers: &[i64]) -> Bound<'py, PyBytes> {
    let bytes: Vec<u8> = numbers.iter().flat_map(|n| n.to_ne_bytes()).collect();
    PyBytes::new(py, &bytes)
}

/// The category names by code.
#[pyfunction]
pub fn removal_categories() -> Vec<&'static str> {
    CATEGORIES.to_vec()
}

/// The stage's functions, added to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(removal_gates, m)?)?;
    m.add_function(wrap_pyfunction!(removals, m)?)?;
    m.add_function(wrap_pyfunction!(removal_categories, m)?)?;
    Ok(())
}
