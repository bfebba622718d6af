//! `cleaner._core`: the per-line engine of cleaner, for Python.
//!
//! Python keeps the document model, the stages' decisions and the output
//! contract; what runs for every line of every page (display text, word
//! counts, rule matching) runs here, in time linear in the text.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

mod pattern;
mod rules;
mod sentences;
mod text;

use pattern::Matcher;
use rules::{Engine, RuleSpec};

/// Decode one entity with Python's own table (`html.unescape`).
fn unescaper(py: Python<'_>) -> impl FnMut(&str) -> String + '_ {
    move |entity: &str| {
        py.import("html")
            .and_then(|m| m.getattr("unescape"))
            .and_then(|f| f.call1((entity,)))
            .and_then(|r| r.extract::<String>())
            .unwrap_or_else(|_| entity.to_string())
    }
}

/// Display text: tag remnants stripped (when ``markup``), entities decoded,
/// invisible characters dropped, spaces folded, lines trimmed.
#[pyfunction]
#[pyo3(signature = (text, markup = true))]
fn normalise(py: Python<'_>, text: &str, markup: bool) -> String {
    text::normalise(text, markup, unescaper(py))
}

/// ``len(text.split())``.
#[pyfunction]
fn word_count(text: &str) -> usize {
    text::py_word_count(text)
}

/// Sentence spans of ``text`` (character offsets, shifted by ``start``).
#[pyfunction]
#[pyo3(signature = (text, start = 0))]
fn split_sentences(text: &str, start: usize) -> Vec<(usize, usize)> {
    sentences::split(text, start)
}

/// Article prose: several sentences, or one long one.
#[pyfunction]
fn is_prose(text: &str) -> bool {
    sentences::is_prose(text)
}

/// A rule's pattern, compiled for linear-time matching.
#[pyclass(frozen, module = "cleaner._core")]
struct Pattern {
    matcher: Matcher,
    #[pyo3(get)]
    pattern: String,
}

#[pymethods]
impl Pattern {
    #[new]
    fn new(pattern: &str) -> PyResult<Self> {
        let matcher = Matcher::compile(pattern).map_err(PyValueError::new_err)?;
        Ok(Pattern { matcher, pattern: pattern.to_string() })
    }

    /// Whether the pattern matches anywhere in ``text``.
    fn search(&self, text: &str) -> bool {
        self.matcher.search(text)
    }

    /// True when no step needs backtracking (no lookaround, no backreference).
    #[getter]
    fn linear(&self) -> bool {
        self.matcher.is_linear()
    }
}

/// The rules of every scope, matched together.
#[pyclass(frozen, module = "cleaner._core")]
struct RuleEngine {
    engine: Engine,
}

#[pymethods]
impl RuleEngine {
    /// ``rules``: (pattern, raw, requires, max_words, place mask) in order;
    /// ``scopes``: for each scope, the indexes of its rules in the order they are tried.
    #[new]
    fn new(
        rules: Vec<(PyRef<'_, Pattern>, bool, Vec<String>, usize, u8)>,
        scopes: Vec<Vec<usize>>,
    ) -> PyResult<Self> {
        let specs = rules
            .into_iter()
            .map(|(p, raw, requires, max_words, place)| RuleSpec {
                matcher: p.matcher.clone(),
                raw,
                requires,
                max_words,
                place,
            })
            .collect();
        let engine = Engine::new(specs, scopes).map_err(PyValueError::new_err)?;
        Ok(RuleEngine { engine })
    }

    /// Index of the first rule of ``scope`` that claims the unit ``raw`` at
    /// ``place`` (1 anywhere, 2 head, 4 tail, or-ed), or None.
    fn first(&self, py: Python<'_>, scope: usize, raw: &str, place: u8) -> Option<usize> {
        self.engine.first(scope, raw, place, unescaper(py))
    }
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalise, m)?)?;
    m.add_function(wrap_pyfunction!(word_count, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(is_prose, m)?)?;
    m.add_class::<Pattern>()?;
    m.add_class::<RuleEngine>()?;
    Ok(())
}

