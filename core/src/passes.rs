//! The structure stage's walks over every unit of a page, before and after the
//! decoding (`cleaner/stages/structure.py`): which units earlier stages left
//! unclaimed, whether the text is already an extraction, and the few units that
//! may open a teaser list or a recipe's ingredient list (Python reads only those
//! with its patterns). Each was a Python loop over every unit of every page.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::pystr::{is_decimal, is_space};
use crate::Page;

const SENTENCE_WORDS: usize = 12;
const CHROME_SHARE: f64 = 0.25;
const CHROME_RUN: usize = 5;
const HEAD_WORDS: usize = 5;
const LEAD_WORDS: usize = 15;

/// `_Claimed.uncovered`: the positions of the units `idx` (in text order) that no claimed
/// span (`starts`/`ends`, merged and sorted) holds whole.
#[pyfunction]
pub fn unclaimed(page: PyRef<'_, Page>, idx: Vec<usize>, starts: Vec<usize>, ends: Vec<usize>) -> PyResult<Vec<usize>> {
    let p = page.units(&idx)?;
    if starts.len() != ends.len() {
        return Err(PyValueError::new_err("claimed starts and ends disagree"));
    }
    let mut out = Vec::with_capacity(idx.len());
    let mut k: isize = -1;
    let last = starts.len() as isize - 1;
    for (i, &u) in idx.iter().enumerate() {
        let (start, end) = p.span(u);
        while k < last && starts[(k + 1) as usize] <= start {
            k += 1;
        }
        if k < 0 || ends[k as usize] < end {
            out.push(i);
        }
    }
    Ok(out)
}

/// `PageStructure.already_clean` of the units `idx`: few words in short lines that are no
/// sentences, and no run of them; never a flattened page.
#[pyfunction]
pub fn already_clean(page: PyRef<'_, Page>, idx: Vec<usize>) -> PyResult<bool> {
    let p = page.units(&idx)?;
    let total: usize = idx.iter().map(|&u| p.words(u)).sum();
    let total = if total == 0 { 1 } else { total };
    let (mut chrome, mut run, mut longest) = (0usize, 0usize, 0usize);
    for &u in &idx {
        if p.flat[u] {
            return Ok(false);
        }
        let words = p.words(u);
        if p.prose[u] || words >= SENTENCE_WORDS {
            run = 0;
            continue;
        }
        chrome += words;
        if words <= 6 {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    Ok((chrome as f64) / (total as f64) < CHROME_SHARE && longest < CHROME_RUN)
}

/// The positions `k` after `first` (and before the last unit) whose next unit is kept
/// and which read as a bare heading (`_bare_heading`: a few words, no prose, no words
/// after a colon): where a teaser list may open.
#[pyfunction]
pub fn bare_headings(page: PyRef<'_, Page>, idx: Vec<usize>, keep: Vec<bool>, first: usize) -> PyResult<Vec<usize>> {
    let p = page.units(&idx)?;
    if keep.len() != idx.len() {
        return Err(PyValueError::new_err("one keep flag per unit"));
    }
    let n = idx.len();
    let mut out = Vec::new();
    for k in first.saturating_add(1)..n.saturating_sub(1) {
        let u = idx[k];
        if !keep[k + 1] || p.words(u) > HEAD_WORDS || p.prose[u] {
            continue;
        }
        let text = p.text(u).trim_matches(is_space);
        if !text.trim_end_matches(':').contains(':') {
            out.push(k);
        }
    }
    Ok(out)
}

/// The dropped units (not `keep`) whose display text may open with a quantity
/// (`_QUANTITY`: a digit or a fraction among its first four characters).
#[pyfunction]
pub fn may_be_quantities(page: PyRef<'_, Page>, idx: Vec<usize>, keep: Vec<bool>) -> PyResult<Vec<usize>> {
    let p = page.units(&idx)?;
    if keep.len() != idx.len() {
        return Err(PyValueError::new_err("one keep flag per unit"));
    }
    Ok((0..idx.len())
        .filter(|&k| !keep[k] && p.text(idx[k]).chars().take(4).any(|c| is_decimal(c) || "½¼¾⅓⅔".contains(c)))
        .collect())
}

/// The positions of `among` (positions of `idx`) that may be a lead: prose, no piece of a
/// flattened line, `LEAD_WORDS` words or more, no list item (`lead_paragraphs`; Python
/// reads the rest).
#[pyfunction]
pub fn may_be_leads(page: PyRef<'_, Page>, idx: Vec<usize>, among: Vec<usize>) -> PyResult<Vec<usize>> {
    let p = page.units(&idx)?;
    if among.iter().any(|&k| k >= idx.len()) {
        return Err(PyValueError::new_err("no such position"));
    }
    Ok(among
        .into_iter()
        .filter(|&k| {
            let u = idx[k];
            p.prose[u] && !p.flat[u] && p.words(u) >= LEAD_WORDS && !p.listed(u)
        })
        .collect())
}

/// The stage's walks, added to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(unclaimed, m)?)?;
    m.add_function(wrap_pyfunction!(already_clean, m)?)?;
    m.add_function(wrap_pyfunction!(bare_headings, m)?)?;
    m.add_function(wrap_pyfunction!(may_be_quantities, m)?)?;
    m.add_function(wrap_pyfunction!(may_be_leads, m)?)?;
    Ok(())
}
