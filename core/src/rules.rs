//! The rule engine: which rule, if any, claims a unit of text.
//!
//! Rules are tried in their own order, the cheap tests first (word bound, place,
//! literal prefilter), then the rule's gate: its top-level alternatives with
//! lookaround and word boundaries dropped (a superset that the fast automata
//! run), those anchored at the start tried there only. The few units a gate lets
//! through are confirmed by the whole pattern.

use crate::pattern::Matcher;
use crate::sentences;
use crate::text::{normalise, py_word_count};

/// One rule as the engine needs it. `place` is a mask: 1 anywhere, 2 head, 4 tail.
#[derive(Clone)]
pub struct RuleSpec {
    pub matcher: Matcher,
    pub raw: bool,
    pub requires: Vec<String>,
    pub max_words: usize,
    pub place: u8,
}

struct Scope {
    rules: Vec<usize>,
    longest: usize,
}

/// One block of a page: its span, where it sits (a place mask), whether the block
/// rules judge it whole (it has several lines), and how many units it holds.
pub type PageBlock = (usize, usize, u8, bool, usize);

/// One unit of a block: a line (`place` 0: judged at its block's place, its edge
/// sentences tried when no rule claims it whole) or a piece of a flattened line,
/// judged as a line at its own `place`.
pub type PageUnit = (usize, usize, u8);

/// Scopes as `Engine::first` numbers them.
const LINE: usize = 0;
const SENTENCE: usize = 1;
const BLOCK: usize = 2;

pub struct Engine {
    rules: Vec<RuleSpec>,
    scopes: Vec<Scope>,
}

impl Engine {
    pub fn new(rules: Vec<RuleSpec>, scopes: Vec<Vec<usize>>) -> Result<Engine, String> {
        let mut built = Vec::with_capacity(scopes.len());
        for members in scopes {
            if let Some(r) = members.iter().find(|&&r| r >= rules.len()) {
                return Err(format!("no rule {r}"));
            }
            let longest = members.iter().map(|&r| rules[r].max_words).max().unwrap_or(0);
            built.push(Scope { rules: members, longest });
        }
        Ok(Engine { rules, scopes: built })
    }

    /// The first rule of `scope` that claims `raw` at `place`, by the rules' order.
    pub fn first<F>(&self, scope: usize, raw: &str, place: u8, unescape: F) -> Option<usize>
    where
        F: FnMut(&str) -> String,
    {
        let scope = &self.scopes[scope];
        let display = normalise(raw, true, unescape);
        let words = py_word_count(&display);
        if words > scope.longest {
            return None;
        }
        let mut lowered: [Option<String>; 2] = [None, None];
        for &r in &scope.rules {
            let rule = &self.rules[r];
            if words > rule.max_words || rule.place & place == 0 {
                continue;
            }
            let text: &str = if rule.raw { raw } else { &display };
            if !rule.requires.is_empty() {
                let low = lowered[rule.raw as usize].get_or_insert_with(|| text.to_lowercase());
                if !rule.requires.iter().any(|w| low.contains(w.as_str())) {
                    continue;
                }
            }
            if rule.matcher.passes_gate(text) && rule.matcher.confirm(text) {
                return Some(r);
            }
        }
        None
    }

    /// The spans the rules claim on a page, each with its rule, in the order they are
    /// found: a block claimed whole, else each of its units; a line no rule claims whole
    /// loses the prompts at its ends ("…last sentence. Share this article!"): edge
    /// sentences claimed from the end backwards, then from the start forwards, each run
    /// stopping at the first sentence no rule claims. Offsets are characters.
    pub fn page<F>(&self, text: &str, blocks: &[PageBlock], units: &[PageUnit], mut unescape: F)
        -> Result<Vec<(usize, usize, usize)>, String>
    where
        F: FnMut(&str) -> String,
    {
        let at = CharSlices::new(text);
        let mut hits = Vec::new();
        let mut next = 0;
        for &(start, end, place, whole, count) in blocks {
            let own = units.get(next..next + count).ok_or("more units counted than given")?;
            next += count;
            if whole {
                if let Some(r) = self.first(BLOCK, at.get(start, end)?, place, &mut unescape) {
                    hits.push((start, end, r));
                    continue;
                }
            }
            for &(a, b, piece) in own {
                let line = at.get(a, b)?;
                if let Some(r) = self.first(LINE, line, if piece == 0 { place } else { piece }, &mut unescape) {
                    hits.push((a, b, r));
                } else if piece == 0 {
                    self.edges(&at, line, a, place, &mut unescape, &mut hits)?;
                }
            }
        }
        Ok(hits)
    }

    /// The prompts peeled off both ends of a line of several sentences.
    fn edges<F>(&self, at: &CharSlices<'_>, line: &str, start: usize, place: u8, unescape: &mut F,
                hits: &mut Vec<(usize, usize, usize)>) -> Result<(), String>
    where
        F: FnMut(&str) -> String,
    {
        let spans = sentences::split(line, start);
        if spans.len() < 2 {
            return Ok(());
        }
        for backwards in [true, false] {
            let order: Box<dyn Iterator<Item = &(usize, usize)>> =
                if backwards { Box::new(spans.iter().rev()) } else { Box::new(spans.iter()) };
            for &(a, b) in order {
                match self.first(SENTENCE, at.get(a, b)?, place, &mut *unescape) {
                    Some(r) => hits.push((a, b, r)),
                    None => break,
                }
            }
        }
        Ok(())
    }
}

/// Slices of a text by character offsets: the byte offset of every character, kept
/// only when the text is not ASCII (where the two are the same).
struct CharSlices<'a> {
    text: &'a str,
    bytes: Option<Vec<usize>>,
}

impl<'a> CharSlices<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = (!text.is_ascii())
            .then(|| text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect());
        CharSlices { text, bytes }
    }

    /// `text[start:end]` in characters.
    fn get(&self, start: usize, end: usize) -> Result<&'a str, String> {
        let (a, b) = match &self.bytes {
            Some(bytes) => (bytes.get(start).copied(), bytes.get(end).copied()),
            None => (Some(start), Some(end)),
        };
        match (a, b) {
            (Some(a), Some(b)) if a <= b && b <= self.text.len() => Ok(&self.text[a..b]),
            _ => Err(format!("span {start}:{end} lies outside the text")),
        }
    }
}
