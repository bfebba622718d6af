//! The rule engine: which rule, if any, claims a unit of text.
//!
//! Rules are tried in their own order, the cheap tests first (word bound, place, the
//! prefilter, the rule's required words), then the rule's gate: its top-level
//! alternatives with lookaround and word boundaries dropped (a superset that the fast
//! automata run), those anchored at the start tried there only. The prefilter looks
//! for the literals of every rule's gate in one pass over the unit: a rule none of
//! whose literals the unit holds cannot get past its gate, and its gate is not run.
//! The few units a gate lets through are confirmed by the whole pattern.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::pattern::{GateLiterals, Matcher};
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
    /// The scope's prefilters, for the rules that read the display text and for those that
    /// read the raw text: built once the scope has judged `PREFILTER_AFTER` units (a short
    /// input is done before they would pay for their building).
    prefilters: OnceLock<[Prefilter; 2]>,
    judged: AtomicUsize,
}

/// Units a scope judges before its prefilters are built.
const PREFILTER_AFTER: usize = 500;

/// Which rules of a scope a text may match, from the literals their gates' matches start
/// with (`Matcher::gate_literals`), all looked for in one pass: most rules are then ruled
/// out without running their gates.
struct Prefilter {
    /// The literals the anchored parts' matches start with, looked for at the start.
    starts: Literals,
    /// Looked for anywhere: for each rule (by place in the scope) the literals its
    /// anchored part's matches hold (those with no start literals), then for each rule
    /// the literals its floating part's matches hold.
    holds: Literals,
    /// Non-ASCII characters some literal stands for as an ASCII letter: a text with one
    /// of them may match any rule (see `GateLiterals::folded`).
    folded: Vec<char>,
}

/// Literals of many rules and, for each, the rules (by place in the scope) they belong
/// to; matched without regard to ASCII case (a case-insensitive rule has a literal for
/// every casing of its words: one each is enough to rule a text out).
struct Literals {
    searcher: Option<AhoCorasick>,
    owners: Vec<Vec<usize>>,
    /// The rules with no finite set of literals: they may match any text.
    any: Vec<bool>,
    longest: usize,
}

impl Literals {
    fn new(parts: Vec<Option<&Vec<Vec<u8>>>>) -> Literals {
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for (k, part) in parts.iter().enumerate() {
            for literal in part.iter().flat_map(|p| p.iter()) {
                let next = owners.len();
                let at = *index.entry(literal.to_ascii_lowercase()).or_insert(next);
                if at == next {
                    owners.push(Vec::new());
                }
                if owners[at].last() != Some(&k) {
                    owners[at].push(k);
                }
            }
        }
        let mut patterns = vec![Vec::new(); owners.len()];
        for (literal, at) in index {
            patterns[at] = literal;
        }
        let longest = patterns.iter().map(Vec::len).max().unwrap_or(0);
        let searcher = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder().ascii_case_insensitive(true).kind(Some(AhoCorasickKind::DFA)).build(&patterns).ok()
        };
        // a searcher that cannot be built rules nothing out
        let unbuilt = searcher.is_none() && !patterns.is_empty();
        let any = parts.iter().map(|p| unbuilt || p.is_none()).collect();
        Literals { searcher, owners, any, longest }
    }

    /// For each rule, whether `text` may hold a match: one of its literals is in `text`
    /// (at its start when `start`), or it has no finite set of them.
    fn possible(&self, text: &str, start: bool) -> Vec<bool> {
        let mut found = self.any.clone();
        let Some(searcher) = &self.searcher else {
            return found;
        };
        let bytes = text.as_bytes();
        let hay = if start { &bytes[..bytes.len().min(self.longest)] } else { bytes };
        for m in searcher.find_overlapping_iter(hay) {
            if start && m.start() != 0 {
                continue;
            }
            for &k in &self.owners[m.pattern().as_usize()] {
                found[k] = true;
            }
        }
        found
    }
}

impl Prefilter {
    /// The prefilter of the rules of `members` that read the raw text (`raw`) or the display
    /// text; the others get no literals and are never looked at.
    fn new(rules: &[RuleSpec], members: &[usize], raw: bool) -> Prefilter {
        let of = |part: fn(&GateLiterals) -> Option<&Vec<Vec<u8>>>| {
            members.iter().map(move |&r| {
                let rule = &rules[r];
                if rule.raw != raw {
                    return Some(&NONE);
                }
                part(rule.matcher.gate_literals())
            })
        };
        // an anchored part with no start literals is ruled out by those its matches hold
        let starts = of(|l| if l.anchored.is_none() && l.anchored_holds.is_some() { Some(&NONE) } else { l.anchored.as_ref() });
        let anchored_holds = of(|l| if l.anchored.is_some() { Some(&NONE) } else { l.anchored_holds.as_ref() });
        let floating = of(|l| l.floating.as_ref());
        let mut folded: Vec<char> = members
            .iter()
            .filter(|&&r| rules[r].raw == raw)
            .flat_map(|&r| rules[r].matcher.gate_literals().folded.iter().copied())
            .collect();
        folded.sort_unstable();
        folded.dedup();
        Prefilter {
            starts: Literals::new(starts.collect()),
            holds: Literals::new(anchored_holds.chain(floating).collect()),
            folded,
        }
    }

    /// For each rule (by place in the scope), whether `text` may get past the anchored
    /// part of its gate, and the floating part.
    fn possible(&self, text: &str) -> (Vec<bool>, Vec<bool>) {
        if !text.is_ascii() && text.chars().any(|c| self.folded.binary_search(&c).is_ok()) {
            let all = vec![true; self.starts.any.len()];
            return (all.clone(), all);
        }
        let mut anchored = self.starts.possible(text, true);
        let mut holds = self.holds.possible(text, false);
        let floating = holds.split_off(anchored.len());
        for (a, h) in anchored.iter_mut().zip(holds) {
            *a = *a || h;
        }
        (anchored, floating)
    }
}

static NONE: Vec<Vec<u8>> = Vec::new();

/// The blocks of a page and their units, as columns. A block: its span, where it
/// sits (a place mask), whether the block rules judge it whole (it has several
/// lines), and how many units it holds. A unit: a line (`place` 0: judged at its
/// block's place, its edge sentences tried when no rule claims it whole) or a piece
/// of a flattened line, judged as a line at its own `place`.
pub struct PageUnits<'a> {
    pub starts: &'a [usize],
    pub ends: &'a [usize],
    pub places: &'a [u8],
    pub whole: &'a [bool],
    pub counts: &'a [usize],
    pub unit_starts: &'a [usize],
    pub unit_ends: &'a [usize],
    pub unit_places: &'a [u8],
}

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
            built.push(Scope { rules: members, longest, prefilters: OnceLock::new(), judged: AtomicUsize::new(0) });
        }
        Ok(Engine { rules, scopes: built })
    }

    /// The prefilters of `scope`, once it has judged enough units to build them.
    fn prefilters<'a>(&self, scope: &'a Scope) -> Option<&'a [Prefilter; 2]> {
        if let Some(built) = scope.prefilters.get() {
            return Some(built);
        }
        if scope.judged.fetch_add(1, Ordering::Relaxed) < PREFILTER_AFTER {
            return None;
        }
        Some(scope.prefilters.get_or_init(|| {
            [Prefilter::new(&self.rules, &scope.rules, false), Prefilter::new(&self.rules, &scope.rules, true)]
        }))
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
        let prefilters = self.prefilters(scope);
        let mut lowered: [Option<String>; 2] = [None, None];
        let mut possible: [Option<(Vec<bool>, Vec<bool>)>; 2] = [None, None];
        for (k, &r) in scope.rules.iter().enumerate() {
            let rule = &self.rules[r];
            if words > rule.max_words || rule.place & place == 0 {
                continue;
            }
            let text: &str = if rule.raw { raw } else { &display };
            let (anchored, floating) = match prefilters {
                Some(prefilters) => {
                    let (anchored, floating) = possible[rule.raw as usize]
                        .get_or_insert_with(|| prefilters[rule.raw as usize].possible(text));
                    (anchored[k], floating[k])
                }
                None => (true, true),
            };
            if !anchored && !floating && rule.matcher.is_gated() {
                continue;
            }
            if !rule.requires.is_empty() {
                let low = lowered[rule.raw as usize].get_or_insert_with(|| text.to_lowercase());
                if !rule.requires.iter().any(|w| low.contains(w.as_str())) {
                    continue;
                }
            }
            if rule.matcher.passes_gate_where(text, anchored, floating) && rule.matcher.confirm(text) {
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
    pub fn page<F>(&self, text: &str, page: &PageUnits<'_>, mut unescape: F) -> Result<Vec<(usize, usize, usize)>, String>
    where
        F: FnMut(&str) -> String,
    {
        let at = CharSlices::new(text);
        let mut hits = Vec::new();
        let mut next = 0;
        for k in 0..page.starts.len() {
            let (start, end, place, count) = (page.starts[k], page.ends[k], page.places[k], page.counts[k]);
            if next + count > page.unit_starts.len() {
                return Err("more units counted than given".into());
            }
            let own = next..next + count;
            next += count;
            if page.whole[k] {
                if let Some(r) = self.first(BLOCK, at.get(start, end)?, place, &mut unescape) {
                    hits.push((start, end, r));
                    continue;
                }
            }
            for u in own {
                let (a, b, piece) = (page.unit_starts[u], page.unit_ends[u], page.unit_places[u]);
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
