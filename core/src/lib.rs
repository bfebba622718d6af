//! `cleaner._core`: the per-line engine of cleaner, for Python.
//!
//! Python keeps the document model, the stages' decisions and the output
//! contract; what runs for every line of every page (display text, word
//! counts, rule matching) runs here, in time linear in the text.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyList, PyString};

mod shown;
mod features;
mod model;
mod pattern;
mod pystr;
mod pyuni;
mod quick;
mod removals;
mod doubles;
mod passes;
mod rules;
mod segments;
mod sentences;
mod syntax;
mod text;
mod vocab;
mod words;

use std::collections::HashMap;

use pattern::Matcher;
use rules::{Engine, RuleSpec};
use vocab::VOCAB;

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

/// ``normalise`` of every text in ``texts``: the lines of a page read in one call.
#[pyfunction]
#[pyo3(signature = (texts, markup = true))]
fn normalise_all(py: Python<'_>, texts: Vec<PyBackedStr>, markup: bool) -> Vec<String> {
    texts.iter().map(|text| text::normalise(text, markup, unescaper(py))).collect()
}

/// ``[normalise(text[a:b], markup) for a, b in zip(starts, ends)]``: the lines of a page
/// read out of its text in one call (spans in text order, apart).
#[pyfunction]
#[pyo3(signature = (text, starts, ends, markup = true))]
fn normalise_spans<'py>(py: Python<'py>, text: &str, starts: Vec<usize>, ends: Vec<usize>,
                        markup: bool) -> PyResult<Bound<'py, PyList>> {
    let size = text.chars().count();
    let ordered = starts.len() == ends.len()
        && starts.iter().zip(&ends).all(|(&a, &b)| a <= b && b <= size)
        && ends.iter().zip(starts.iter().skip(1)).all(|(&b, &a)| b <= a);
    if !ordered {
        return Err(PyValueError::new_err("spans must lie in the text, in order and apart"));
    }
    // a line already normal goes to Python as it is, with no copy made here
    let lines = text::byte_spans(text, &starts, &ends).into_iter().map(|(a, b)| {
        let line = &text[a..b];
        if text::is_normal(line, markup) {
            PyString::new(py, line)
        } else {
            PyString::new(py, &text::normalise(line, markup, unescaper(py)))
        }
    });
    PyList::new(py, lines)
}

/// Hand the allocator's free memory back to the system, where it keeps it (glibc keeps
/// what a large page's transient arrays freed in its heap: 40 MB on a page of 263,000
/// short lines, which the output line, allocated apart, then needed on top). True when
/// memory was released.
#[pyfunction]
fn release_memory() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only returns free pages of glibc's own heap to the system
        unsafe { malloc_trim(0) != 0 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
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
    /// ``deferred``: read the pattern when it is first used, not now (the package's own
    /// rules, which the tests read); one that cannot be read then matches nothing.
    #[new]
    #[pyo3(signature = (pattern, deferred = false))]
    fn new(pattern: &str, deferred: bool) -> PyResult<Self> {
        let matcher = if deferred {
            Matcher::deferred(pattern)
        } else {
            Matcher::compile(pattern).map_err(PyValueError::new_err)?
        };
        Ok(Pattern { matcher, pattern: pattern.to_string() })
    }

    /// Whether the pattern matches anywhere in ``text``.
    fn search(&self, text: &str) -> bool {
        self.matcher.search(text)
    }

    /// Whether the pattern matches anywhere in ``text``: the gate first, the pattern
    /// itself only past it (not at all when the gate is the pattern).
    fn test(&self, text: &str) -> bool {
        self.matcher.passes_gate(text) && self.matcher.confirm(text)
    }

    /// Whether ``text`` gets past the pattern's gate: a loosened superset of the pattern
    /// (lookaround and word boundaries dropped), so False means no match for certain.
    fn gate(&self, text: &str) -> bool {
        self.matcher.passes_gate(text)
    }

    /// The positions of the texts in ``texts`` that ``test`` passes: the lines of a page
    /// tested in one call.
    fn passing(&self, texts: Vec<PyBackedStr>) -> Vec<usize> {
        texts
            .iter()
            .enumerate()
            .filter(|(_, text)| self.matcher.passes_gate(text) && self.matcher.confirm(text))
            .map(|(k, _)| k)
            .collect()
    }

    /// The positions of the texts in ``texts`` that get past the pattern's gate (``gate``):
    /// the lines of a page tested in one call.
    fn passing_gate(&self, texts: Vec<PyBackedStr>) -> Vec<usize> {
        texts.iter().enumerate().filter(|(_, text)| self.matcher.passes_gate(text)).map(|(k, _)| k).collect()
    }

    /// Every match in ``text``, left to right, as ``regex.findall`` returns them for a
    /// pattern without groups that never matches the empty string. Linear patterns only.
    fn findall<'a>(&self, text: &'a str) -> PyResult<Vec<&'a str>> {
        self.matcher.find_all(text).ok_or_else(|| PyValueError::new_err("findall needs a linear pattern"))
    }

    /// The (start, end) of every match in ``text``, in characters, left to right: what
    /// ``regex.finditer`` finds, for a pattern that never matches the empty string. None
    /// when the engine cannot tell (an empty match, too much backtracking): ask the
    /// ``regex`` module then.
    fn spans(&self, text: &str) -> Option<Vec<(usize, usize)>> {
        self.matcher.find_spans(text).map(|spans| text::char_spans(text, &spans))
    }

    /// Why the whole pattern cannot be built, or None (it is built in full to find out).
    fn problem(&self) -> Option<String> {
        self.matcher.problem()
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

    /// The spans the rules claim on a page, as (start, end, rule index) in the order they
    /// are found (character offsets). The blocks in order, as columns: start, end, place,
    /// judged whole, number of units; then each block's units in turn: start, end, place
    /// (0 for a line, judged at its block's place with its edge sentences tried; a piece of
    /// a flattened line has its own).
    #[allow(clippy::too_many_arguments)]
    fn page(&self, py: Python<'_>, text: &str, starts: Vec<usize>, ends: Vec<usize>, places: Vec<u8>,
            whole: Vec<bool>, counts: Vec<usize>, unit_starts: Vec<usize>, unit_ends: Vec<usize>,
            unit_places: Vec<u8>) -> PyResult<Vec<(usize, usize, usize)>> {
        let n = starts.len();
        if ends.len() != n || places.len() != n || whole.len() != n || counts.len() != n
            || unit_ends.len() != unit_starts.len() || unit_places.len() != unit_starts.len() {
            return Err(PyValueError::new_err("block or unit columns disagree in length"));
        }
        let page = rules::PageUnits {
            starts: &starts, ends: &ends, places: &places, whole: &whole, counts: &counts,
            unit_starts: &unit_starts, unit_ends: &unit_ends, unit_places: &unit_places,
        };
        self.engine.page(text, &page, unescaper(py)).map_err(PyValueError::new_err)
    }
}

fn names<T: Copy + Into<u32>>(ids: &[T]) -> Vec<&'static str> {
    ids.iter().map(|&f| VOCAB.names[f.into() as usize].as_str()).collect()
}

/// The structure features of lines, for the stopwords of the page's languages.
#[pyclass(frozen, module = "cleaner._core")]
struct Features {
    lines: features::Lines,
}

#[pymethods]
impl Features {
    /// ``heads``: the page language's headings of teaser lists ("mehr zum thema"),
    /// read like the English ones ("related", "more from"); ``noun_caps``: the page's
    /// language capitalises its nouns (German), so capitals say less about a line.
    #[new]
    #[pyo3(signature = (stopwords, heads = Vec::new(), noun_caps = false))]
    fn new(stopwords: Vec<String>, heads: Vec<String>, noun_caps: bool) -> Self {
        Features { lines: features::Lines::new(stopwords).with_heads(heads).with_noun_caps(noun_caps) }
    }

    /// The same, with the stopwords read from the file at ``path``, one a line (UTF-8,
    /// ``\n`` between them): the packaged table holds 23,134 of them, and a Python string
    /// for each, a set of those and then the engine's copy were a tenth of the CPU time
    /// of cleaning a short text.
    #[staticmethod]
    #[pyo3(signature = (path, heads = Vec::new(), noun_caps = false))]
    fn from_file(path: &str, heads: Vec<String>, noun_caps: bool) -> PyResult<Self> {
        let text = std::fs::read_to_string(path)?;
        let mut words = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
        words.extend(text.split('\n').filter(|w| !w.is_empty()).map(str::to_owned));
        Ok(Features { lines: features::Lines::new(words).with_heads(heads).with_noun_caps(noun_caps) })
    }

    /// The units of one page: ``starts``/``ends`` character offsets in ``text``,
    /// ``flat`` for pieces of a flattened line, ``groups`` the number of units of
    /// each (pseudo-)block in order.
    fn page(&self, py: Python<'_>, text: &str, starts: Vec<usize>, ends: Vec<usize>, flat: Vec<bool>,
            groups: Vec<usize>) -> PyResult<Page> {
        if starts.len() != ends.len() || starts.len() != flat.len() || groups.iter().sum::<usize>() != starts.len() {
            return Err(PyValueError::new_err("starts, ends, flat and groups disagree on the number of units"));
        }
        let n = text.chars().count();
        if starts.iter().zip(&ends).any(|(&a, &b)| a > b || b > n) {
            return Err(PyValueError::new_err("a unit lies outside the text"));
        }
        let page = py.detach(|| self.lines.page(text, &starts, &ends, &flat, &groups));
        Ok(Page { page })
    }

    /// One line on its own: (words, characters, display text lower-cased, prose?,
    /// feature names, repetition key, content words).
    fn line(&self, raw: &str) -> (usize, usize, String, bool, Vec<&'static str>, String, Vec<String>) {
        let mut lex = features::Lexicon::default();
        let own = self.lines.own(raw, &mut lex);
        let words = lex.into_words();
        let word = |&id: &u32| words.get_str(id as usize).to_string();
        let key = own.key.iter().map(word).collect::<Vec<_>>().join(" ");
        (own.words, own.chars, own.text, own.prose, names(&own.features), key, own.terms.iter().map(word).collect())
    }
}

/// The features of every unit of a page.
#[pyclass(frozen, module = "cleaner._core")]
struct Page {
    page: features::Page,
}

#[pymethods]
impl Page {
    // A unit's numbers and text are read one unit at a time (``LineInfo``'s properties):
    // a list of each for the whole page, and a display string for every distinct line,
    // were a third of the structure stage's memory on a page of many short lines, and the
    // stage reads them of few units.
    /// The display words of unit ``k``.
    fn words_of(&self, k: usize) -> PyResult<u32> {
        self.check(&[k])?;
        Ok(self.page.words[k])
    }
    /// The display characters of unit ``k``.
    fn chars_of(&self, k: usize) -> PyResult<u32> {
        self.check(&[k])?;
        Ok(self.page.chars[k])
    }
    /// The display text of unit ``k``, lower-cased.
    fn text_of(&self, k: usize) -> PyResult<&str> {
        self.check(&[k])?;
        Ok(self.page.text(k))
    }
    /// Whether unit ``k`` reads as prose.
    fn prose_of(&self, k: usize) -> PyResult<bool> {
        self.check(&[k])?;
        Ok(self.page.prose[k])
    }
    fn __len__(&self) -> usize {
        self.page.len()
    }
    /// The feature names of unit ``k``.
    fn features(&self, k: usize) -> PyResult<Vec<&'static str>> {
        self.check(&[k])?;
        Ok(names(self.page.features(k)))
    }
    /// Whether unit ``k`` is a list item (its features hold ``list``), its features not named.
    fn listed(&self, k: usize) -> PyResult<bool> {
        self.check(&[k])?;
        Ok(self.page.listed(k))
    }
    /// The content words of unit ``k``.
    fn terms(&self, k: usize) -> PyResult<Vec<String>> {
        self.check(&[k])?;
        Ok(self.page.terms(k).iter().map(|&t| self.page.vocabulary.get_str(t as usize).to_string()).collect())
    }
    /// The context features (names) of the units ``idx`` given their scores ``s1``.
    fn context_features(&self, idx: Vec<usize>, s1: Vec<f64>) -> PyResult<Vec<Vec<&'static str>>> {
        self.check(&idx)?;
        if s1.len() != idx.len() {
            return Err(PyValueError::new_err("one score per unit"));
        }
        let view = model::View { page: &self.page, idx: &idx };
        Ok(model::context_features(&view, &s1).iter().map(|f| names(f)).collect())
    }
}

impl Page {
    /// The engine's page, once every unit `idx` names is one of it.
    pub(crate) fn units(&self, idx: &[usize]) -> PyResult<&features::Page> {
        if idx.iter().any(|&k| k >= self.page.len()) {
            return Err(PyValueError::new_err("no such unit"));
        }
        Ok(&self.page)
    }

    fn check(&self, idx: &[usize]) -> PyResult<()> {
        self.units(idx).map(|_| ())
    }
}

/// The structure model's weights (feature name -> weight), read once.
#[pyclass(frozen, module = "cleaner._core")]
struct Model {
    model: model::Model,
}

#[pymethods]
impl Model {
    #[new]
    #[pyo3(signature = (local, local_bias, passes, *, lift, bias, bias_flat, switch_block, switch_line, switch_flat,
                        emit_words, emit_cap))]
    #[allow(clippy::too_many_arguments)]
    fn new(local: HashMap<String, f64>, local_bias: f64, passes: Vec<(HashMap<String, f64>, f64)>, lift: f64,
           bias: f64, bias_flat: Option<f64>, switch_block: f64, switch_line: f64, switch_flat: Option<f64>,
           emit_words: f64, emit_cap: f64) -> Self {
        let passes = passes.iter().map(|(w, b)| model::Weights::new(w, *b)).collect();
        let decoding = model::Decoding { lift, bias, bias_flat, switch_block, switch_line, switch_flat, emit_words,
                                         emit_cap };
        Model { model: model::Model { local: model::Weights::new(&local, local_bias), passes, decoding } }
    }

    /// Decoding log-odds of the units ``idx`` of ``page`` (in that order).
    fn scores(&self, py: Python<'_>, page: PyRef<'_, Page>, idx: Vec<usize>) -> PyResult<Vec<f64>> {
        page.check(&idx)?;
        let view = model::View { page: &page.page, idx: &idx };
        Ok(py.detach(|| self.model.scores(&view)))
    }

    /// The best labelling (True = article) of the units ``idx`` of ``page``.
    fn decode(&self, py: Python<'_>, page: PyRef<'_, Page>, idx: Vec<usize>) -> PyResult<Vec<bool>> {
        page.check(&idx)?;
        let view = model::View { page: &page.page, idx: &idx };
        Ok(py.detach(|| self.model.decode(&view)))
    }
}

/// Every name a structure feature can take.
/// Annotations resolved into segments (``cleaner.document.resolve``): each
/// annotation's character span, strength and key (equal keys merge, 0 is plain
/// main text), the blocks' spans. Returns the segments' starts, ends and owners
/// (the winning annotation's position, -1 for none), each as the bytes of native
/// 64-bit integers (``memoryview(b).cast("q")`` reads them): a Python int for every
/// number of a page of many short segments at once was a tenth of its memory.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn resolve<'py>(py: Python<'py>, text: &str, starts: Vec<usize>, ends: Vec<usize>, strengths: Vec<u8>, keys: Vec<u32>,
                block_starts: Vec<usize>, block_ends: Vec<usize>)
                -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let n = starts.len();
    if ends.len() != n || strengths.len() != n || keys.len() != n || block_starts.len() != block_ends.len() {
        return Err(PyValueError::new_err("annotation or block arrays disagree in length"));
    }
    let size = text.chars().count();
    let spans = starts.iter().zip(&ends).chain(block_starts.iter().zip(&block_ends));
    if spans.clone().any(|(&a, &b)| a > b || b > size) {
        return Err(PyValueError::new_err("a span lies outside the text"));
    }
    let claims: Vec<segments::Claim> = (0..n)
        .map(|i| segments::Claim { start: starts[i], end: ends[i], strength: strengths[i], key: keys[i] })
        .collect();
    drop((starts, ends, strengths, keys));
    let blocks: Vec<(usize, usize)> = block_starts.into_iter().zip(block_ends).collect();
    let pieces = py.detach(|| segments::resolve(text, &claims, &blocks));
    drop((claims, blocks));
    let packed = |value: &dyn Fn(&segments::Piece) -> i64| -> Bound<'py, PyBytes> {
        let bytes: Vec<u8> = pieces.iter().flat_map(|p| value(p).to_ne_bytes()).collect();
        PyBytes::new(py, &bytes)
    };
    Ok((packed(&|p| p.start as i64), packed(&|p| p.end as i64), packed(&|p| p.owner.map_or(-1, |i| i as i64))))
}

#[pyfunction]
fn feature_names() -> Vec<&'static str> {
    VOCAB.names.iter().map(String::as_str).collect()
}

/// (display text, link-text characters, list item?, heading?, links, images) of a raw line.
#[pyfunction]
fn display(raw: &str) -> (String, usize, bool, bool, usize, usize) {
    let s = features::display(raw);
    (s.text.iter().collect(), s.link_chars, s.is_list, s.is_heading, s.links, s.images)
}

/// A short line's display words (``markers.display``) for many lines in one call, from
/// the bullet pattern ``markers.display`` uses (Python syntax).
#[pyclass(frozen, module = "cleaner._core")]
struct Displayer {
    display: shown::Display,
}

#[pymethods]
impl Displayer {
    #[new]
    fn new(bullet: &str) -> PyResult<Self> {
        let display = shown::Display::new(bullet).map_err(PyValueError::new_err)?;
        Ok(Displayer { display })
    }

    /// ``[display(line) for line in lines]``, with None for a line left to Python (one
    /// with markdown links or emphasis, or that starts with a character outside ASCII).
    fn all(&self, lines: Vec<PyBackedStr>) -> Vec<Option<String>> {
        lines.iter().map(|line| self.display.display(line)).collect()
    }
}

/// The words a pattern finds in a text, and how many of them are in a word list:
/// ``len(findall(text))`` and ``sum(w in words for w in findall(text))`` in one scan.
#[pyclass(frozen, module = "cleaner._core")]
struct Tally {
    re: regex::Regex,
    /// The pattern read character by character, when it is one class repeated.
    runs: Option<words::Runs>,
    words: rustc_hash::FxHashSet<String>,
}

#[pymethods]
impl Tally {
    #[new]
    fn new(pattern: &str, words: Vec<String>) -> PyResult<Self> {
        let source = pattern::translate(pattern).map_err(PyValueError::new_err)?;
        let re = pattern::build(&source).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Tally { re, runs: words::Runs::of(&source), words: words.into_iter().collect() })
    }

    /// (matches, matches in the word list).
    fn count(&self, text: &str) -> (usize, usize) {
        let mut all = 0;
        let mut hits = 0;
        let mut tally = |word: &str| {
            all += 1;
            hits += usize::from(self.words.contains(word));
        };
        match &self.runs {
            Some(runs) => runs.find_iter(text).for_each(&mut tally),
            None => self.re.find_iter(text).for_each(|m| tally(m.as_str())),
        }
        (all, hits)
    }
}

/// The target language's own function words and other languages': what the language
/// stage's first look at a passage counts (see `quick.rs`).
#[pyclass(frozen, module = "cleaner._core")]
struct WordLists {
    own: rustc_hash::FxHashSet<String>,
    other: rustc_hash::FxHashSet<String>,
}

#[pymethods]
impl WordLists {
    #[new]
    fn new(own: Vec<String>, other: Vec<String>) -> Self {
        WordLists { own: own.into_iter().collect(), other: other.into_iter().collect() }
    }

    /// For each text: (tokens looked at, on the own list, on the other lists, their
    /// characters), every k-th token of a text of more than ``2 * sample`` tokens.
    fn samples(&self, texts: Vec<PyBackedStr>, sample: usize) -> Vec<(usize, usize, usize, usize)> {
        texts
            .iter()
            .map(|text| {
                let s = quick::sample(text, &self.own, &self.other, sample);
                (s.tokens, s.own, s.other, s.chars)
            })
            .collect()
    }
}

/// The function words of every language's list (`cleaner/data/stopwords.txt`), each
/// with its place in the list given: what the language stage's full count looks for.
#[pyclass(frozen, module = "cleaner._core")]
struct FunctionWords {
    table: rustc_hash::FxHashMap<String, usize>,
}

#[pymethods]
impl FunctionWords {
    #[new]
    fn new(words: Vec<String>) -> Self {
        FunctionWords { table: words.into_iter().enumerate().map(|(k, w)| (w, k)).collect() }
    }

    /// (letter runs, their characters, [(place of a function word, occurrences)] in the
    /// order the words first occur) of ``text`` lower-cased.
    fn count(&self, text: &str) -> (usize, usize, Vec<(usize, usize)>) {
        quick::function_words(text, &self.table)
    }
}

/// The page's lower-case words, each once (``frozenset(findall(...))`` of the
/// vocabulary pattern in ``cleaner/stages/comments/units.py``).
#[pyfunction]
fn lower_words(text: &str) -> Vec<&str> {
    let mut seen = rustc_hash::FxHashSet::default();
    words::lower_words(text).into_iter().filter(|w| seen.insert(*w)).collect()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Features>()?;
    m.add_class::<Displayer>()?;
    m.add_class::<Page>()?;
    m.add_class::<Model>()?;
    m.add_function(wrap_pyfunction!(feature_names, m)?)?;
    m.add_function(wrap_pyfunction!(display, m)?)?;
    m.add_function(wrap_pyfunction!(resolve, m)?)?;
    m.add_function(wrap_pyfunction!(normalise, m)?)?;
    m.add_function(wrap_pyfunction!(normalise_all, m)?)?;
    m.add_function(wrap_pyfunction!(normalise_spans, m)?)?;
    m.add_function(wrap_pyfunction!(word_count, m)?)?;
    m.add_function(wrap_pyfunction!(release_memory, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(is_prose, m)?)?;
    m.add_function(wrap_pyfunction!(lower_words, m)?)?;
    m.add_class::<Pattern>()?;
    m.add_class::<Tally>()?;
    m.add_class::<RuleEngine>()?;
    m.add_class::<WordLists>()?;
    m.add_class::<FunctionWords>()?;
    removals::register(m)?;
    m.add_function(wrap_pyfunction!(doubles::doubles, m)?)?;
    passes::register(m)?;
    Ok(())
}

