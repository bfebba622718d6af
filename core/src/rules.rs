//! The rule engine: which rule, if any, claims a unit of text.
//!
//! Rules are tried in their own order, the cheap tests first (word bound, place,
//! literal prefilter), then the rule's gate: its top-level alternatives with
//! lookaround and word boundaries dropped (a superset that the fast automata
//! run), those anchored at the start tried there only. The few units a gate lets
//! through are confirmed by the whole pattern.

use crate::pattern::Matcher;
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
}
