//! The structure model's arithmetic over one page: the local pass, the context
//! passes, the decoding scores and the Viterbi decoding.
//!
//! What each step means is documented in `cleaner/structure/model.py`, whose
//! fitting script uses the Python functions of the same names. The sums here
//! run in the same order as there (bias, then context features, then the unit's
//! own features, in order) in f64, so the scores are the same to the bit.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::features::{starts_with_head, Page};
use crate::vocab::{Vocab, VOCAB};

pub const CLIP: f64 = 6.0;
const TOPIC_VOCAB: usize = 40;

/// A weight per feature id (0.0 for a name the weights do not know).
pub struct Weights {
    pub by_id: Vec<f64>,
    pub bias: f64,
}

impl Weights {
    pub fn new(named: &HashMap<String, f64>, bias: f64) -> Weights {
        let v: &Vocab = &VOCAB;
        let mut by_id = vec![0.0; v.names.len()];
        for (name, &w) in named {
            if let Some(&id) = v.index.get(name) {
                by_id[id as usize] = w;
            }
        }
        Weights { by_id, bias }
    }

    /// `bias` plus the weights of `first`, then of `then`, in order.
    #[inline]
    fn sum(&self, first: &[u32], then: &[u16]) -> f64 {
        let mut s = self.bias;
        for &f in first {
            s += self.by_id[f as usize];
        }
        for &f in then {
            s += self.by_id[f as usize];
        }
        s
    }
}

/// The decoding's settings (see `Weights` in `cleaner/structure/model.py`).
pub struct Decoding {
    pub lift: f64,
    pub bias: f64,
    pub bias_flat: Option<f64>,
    pub switch_block: f64,
    pub switch_line: f64,
    pub switch_flat: Option<f64>,
    pub emit_words: f64,
    pub emit_cap: f64,
}

pub struct Model {
    pub local: Weights,
    pub passes: Vec<Weights>,
    pub decoding: Decoding,
}

/// The units of `page` the model reads, in order (a page less what earlier
/// stages or the discussion took).
pub struct View<'a> {
    pub page: &'a Page,
    pub idx: &'a [usize],
}

impl View<'_> {
    fn len(&self) -> usize {
        self.idx.len()
    }
    fn block(&self, i: usize) -> usize {
        self.page.block(self.idx[i])
    }
    fn flat(&self, i: usize) -> bool {
        self.page.flat[self.idx[i]]
    }
    fn words(&self, i: usize) -> usize {
        self.page.words(self.idx[i])
    }
    fn features(&self, i: usize) -> &[u16] {
        self.page.features(self.idx[i])
    }
}

fn clip(s: f64) -> f64 {
    if s > CLIP {
        CLIP
    } else if s < -CLIP {
        -CLIP
    } else {
        s
    }
}

/// `[start, end)` of the run with the largest sum (Kadane); (0, 0) if none is positive.
pub fn best_region(values: &[f64]) -> (usize, usize) {
    let (mut best, mut best_a, mut best_b) = (0.0, 0, 0);
    let (mut run, mut a) = (0.0, 0);
    for (i, &v) in values.iter().enumerate() {
        if run <= 0.0 {
            run = v;
            a = i;
        } else {
            run += v;
        }
        if run > best {
            best = run;
            best_a = a;
            best_b = i + 1;
        }
    }
    (best_a, best_b)
}

const RELATED_HEADS: [&str; 45] = [
    "related", "recommended", "more from", "more stories", "more articles", "more news", "more posts", "more on",
    "more in", "more like this", "more to read", "more related", "read more", "read next", "read also", "also read",
    "you may like", "you may enjoy", "you may be interested", "you may also like", "you may also enjoy",
    "you may also be interested", "you might like", "you might enjoy", "you might be interested",
    "you might also like", "you might also enjoy", "you might also be interested", "popular", "most read",
    "most popular", "most viewed", "most shared", "trending", "latest", "top stories", "further reading", "see also",
    "recent posts", "recent articles", "recent stories", "what to read next", "up next", "editor's picks",
    "editors picks",
];

/// `_RELATED_HEAD.match`: a heading that opens a list of teasers.
fn related_head(text: &str) -> bool {
    starts_with_head(text, &RELATED_HEADS) || starts_with_head(text, &["similar"])
}

fn looks_like_code(text: &str) -> bool {
    text.contains("{\"")
        || text.matches("\":").count() >= 2
        || ["<", "{", "function(", "var ", "window."].iter().any(|p| text.starts_with(p))
}

/// What the context passes read off each unit's text, the same in every pass.
struct Marks {
    /// A short unit that opens a list of teasers ("Related", the page language's heading).
    heads: Vec<bool>,
    code: Vec<bool>,
}

impl Marks {
    fn of(view: &View) -> Marks {
        let (mut heads, mut code) = (Vec::with_capacity(view.len()), Vec::with_capacity(view.len()));
        for i in 0..view.len() {
            let u = view.idx[i];
            let text = view.page.text(u);
            heads.push(view.words(i) <= 8 && (related_head(text) || view.page.local_head[u]));
            code.push(looks_like_code(text));
        }
        Marks { heads, code }
    }
}

/// The pass-2 features of every unit of `view`, given what pass 1 scored.
pub fn context_features(view: &View, s1: &[f64]) -> Vec<Vec<u32>> {
    let mut out = Vec::with_capacity(view.len());
    context_features_marked(view, s1, &Marks::of(view), |_, f| out.push(f.to_vec()));
    out
}

/// Each unit's mean pass-1 score over the rest of its block, summed in unit order.
/// A page's blocks come in order, each a run of units: its sums are made run by run,
/// without a map of blocks (a page of one-line paragraphs has as many as units).
struct BlockMeans {
    /// Sum and count of each run's units (the units of the run `i` belongs to).
    runs: Option<(Vec<f64>, Vec<usize>)>,
    by_block: (FxHashMap<usize, f64>, FxHashMap<usize, usize>),
}

impl BlockMeans {
    fn of(view: &View, clipped: &[f64]) -> BlockMeans {
        let n = view.len();
        let ordered = (1..n).all(|i| view.block(i) >= view.block(i - 1));
        let mut by_block = (FxHashMap::default(), FxHashMap::default());
        if !ordered {
            for i in 0..n {
                *by_block.0.entry(view.block(i)).or_insert(0.0) += clipped[i];
                *by_block.1.entry(view.block(i)).or_insert(0) += 1;
            }
            return BlockMeans { runs: None, by_block };
        }
        let (mut sums, mut counts) = (Vec::new(), Vec::new());
        for i in 0..n {
            if i == 0 || view.block(i) != view.block(i - 1) {
                sums.push(0.0);
                counts.push(0);
            }
            *sums.last_mut().unwrap() += clipped[i];
            *counts.last_mut().unwrap() += 1;
        }
        BlockMeans { runs: Some((sums, counts)), by_block }
    }

    /// (sum, count) of the block of unit `i`, which is in run `run`.
    fn get(&self, view: &View, i: usize, run: usize) -> (f64, usize) {
        match &self.runs {
            Some((sums, counts)) => (sums[run], counts[run]),
            None => {
                let b = view.block(i);
                (self.by_block.0[&b], self.by_block.1[&b])
            }
        }
    }
}

/// [`context_features`], with the units' [`Marks`] read once for all passes: each
/// unit's features are handed to `sink` (its position, the features) as they are made,
/// in one buffer, not kept for every unit of the page at once.
fn context_features_marked(view: &View, s1: &[f64], marks: &Marks, mut sink: impl FnMut(usize, &[u32])) {
    let v: &Vocab = &VOCAB;
    let n = view.len();
    let clipped: Vec<f64> = s1.iter().map(|&s| clip(s)).collect();
    let mut prefix = vec![0.0; n + 1];
    let mut acc = 0.0;
    for (i, &c) in clipped.iter().enumerate() {
        acc += c;
        prefix[i + 1] = acc;
    }
    // windows before and after: p1, n1, p3, n3, p10, n10 (index 1.. of v.score)
    let win = |a: isize, b: isize, k: usize| -> u32 {
        let a = a.max(0) as usize;
        let b = (b.max(0) as usize).min(n);
        if b <= a {
            return v.none[k - 1];
        }
        v.score[k].id((prefix[b] - prefix[a]) / (b - a) as f64)
    };
    let sqrt: Vec<f64> = (0..61).map(|k: i32| 1.0 + (k as f64).powf(0.5)).collect();
    let mass: Vec<f64> = (0..n).map(|i| clipped[i] * sqrt[view.words(i).min(60)]).collect();
    let (ra, rb) = best_region(&mass);
    let positive: Vec<f64> = mass.iter().map(|&m| if m > 0.0 { m } else { 0.0 }).collect();
    drop(mass);
    let mut total = 0.0;
    for &p in &positive {
        total += p;
    }
    if total == 0.0 {
        total = 1.0;
    }
    let share = if n > 0 { v.share.id(rb.saturating_sub(ra) as f64 / n as f64) } else { v.share.id(0.0) };
    let blocks = BlockMeans::of(view, &clipped);
    let topic = topic(view, &clipped, ra, rb);
    let mut f: Vec<u32> = Vec::with_capacity(24);
    let mut before_mass = 0.0;
    let mut since_related = 99usize;
    let mut run = 0usize;
    for i in 0..n {
        let u = view.idx[i];
        if view.page.prose[u] {
            since_related = 99;
        }
        if i > 0 && view.block(i) != view.block(i - 1) {
            run += 1;
        }
        let ii = i as isize;
        f.clear();
        f.extend_from_slice(&[
            v.score[0].id(clipped[i]),
            win(ii - 1, ii, 1),
            win(ii + 1, ii + 2, 2),
            win(ii - 3, ii, 3),
            win(ii + 1, ii + 4, 4),
            win(ii - 10, ii, 5),
            win(ii + 1, ii + 11, 6),
        ]);
        let (sum, count) = blocks.get(view, i, run);
        if count > 1 {
            f.push(v.score[7].id((sum - clipped[i]) / (count - 1) as f64));
        }
        f.push(v.mass_before.id(before_mass / total));
        before_mass += positive[i];
        f.push(v.mass_after.id(1.0 - before_mass / total));
        if ra <= i && i < rb {
            f.push(v.in_region);
        } else if i < ra {
            f.push(v.before.id((ra - i) as f64));
        } else {
            f.push(v.after.id((i - rb + 1) as f64));
        }
        f.push(share);
        f.push(topic[i]);
        if since_related <= 3 {
            f.push(v.after_related3);
        } else if since_related <= 15 {
            f.push(v.after_related15);
        }
        if marks.heads[i] {
            since_related = 0;
            f.push(v.related_head);
        } else {
            since_related += 1;
        }
        if marks.code[i] {
            f.push(v.code);
        }
        sink(i, &f);
    }
}

/// Per unit, the share of its content words that the article region's positive
/// units use too (its own use left out), or `topic_na`.
fn topic(view: &View, clipped: &[f64], ra: usize, rb: usize) -> Vec<u32> {
    let v: &Vocab = &VOCAB;
    let n = view.len();
    let mut vocab: FxHashMap<u32, usize> = FxHashMap::default();
    for k in ra..rb {
        if clipped[k] > 0.0 {
            for &t in view.page.terms(view.idx[k]) {
                *vocab.entry(t).or_insert(0) += 1;
            }
        }
    }
    if vocab.len() < TOPIC_VOCAB {
        return vec![v.topic_na; n];
    }
    (0..n)
        .map(|k| {
            let terms = view.page.terms(view.idx[k]);
            if terms.len() < 3 {
                return v.topic_na;
            }
            let own = usize::from(ra <= k && k < rb && clipped[k] > 0.0);
            let shared = terms.iter().filter(|t| vocab.get(t).copied().unwrap_or(0) > own).count();
            v.topic.id(shared as f64 / terms.len() as f64)
        })
        .collect()
}

impl Model {
    /// Log-odds of every unit after the local pass, every context pass and the
    /// decoding's cap and bias.
    pub fn scores(&self, view: &View) -> Vec<f64> {
        let n = view.len();
        let own: Vec<f64> = (0..n).map(|i| self.local.sum(&[], view.features(i))).collect();
        let mut s = own.clone();
        let marks = Marks::of(view);
        for weights in &self.passes {
            let mut next = Vec::with_capacity(n);
            context_features_marked(view, &s, &marks, |i, f| next.push(weights.sum(f, view.features(i))));
            s = next;
        }
        let d = &self.decoding;
        let flat_bias = d.bias_flat.unwrap_or(d.bias);
        (0..n)
            .map(|i| {
                let cap = own[i] + d.lift;
                let v = if cap < s[i] { cap } else { s[i] };
                v + if view.flat(i) { flat_bias } else { d.bias }
            })
            .collect()
    }

    /// How many times each unit counts in the decoding (None: once each).
    pub fn emission_weights(&self, view: &View) -> Option<Vec<f64>> {
        let d = &self.decoding;
        if d.emit_cap <= 1.0 {
            return None;
        }
        Some(
            (0..view.len())
                .map(|i| {
                    if view.flat(i) {
                        return 1.0;
                    }
                    let root = (view.words(i) as f64 / d.emit_words).powf(0.5);
                    let w = if root > 1.0 { root } else { 1.0 };
                    if d.emit_cap < w { d.emit_cap } else { w }
                })
                .collect(),
        )
    }

    pub fn decode(&self, view: &View) -> Vec<bool> {
        let scores = self.scores(view);
        let d = &self.decoding;
        let blocks: Vec<usize> = (0..view.len()).map(|i| view.block(i)).collect();
        let flat: Vec<bool> = (0..view.len()).map(|i| view.flat(i)).collect();
        viterbi(&scores, &blocks, &flat, d.switch_block, d.switch_line, d.switch_flat, self.emission_weights(view).as_deref())
    }
}

/// Best labelling (true = article) given per-unit log-odds and switch prices.
pub fn viterbi(
    scores: &[f64],
    blocks: &[usize],
    flat: &[bool],
    switch_block: f64,
    switch_line: f64,
    switch_flat: Option<f64>,
    weights: Option<&[f64]>,
) -> Vec<bool> {
    let switch_flat = switch_flat.unwrap_or(switch_block);
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    let scores: Vec<f64> = match weights {
        Some(w) => scores.iter().zip(w).map(|(s, k)| s * k).collect(),
        None => scores.to_vec(),
    };
    let mut keep = vec![0.0; n];
    let mut drop = vec![0.0; n];
    let mut from_keep_k = vec![true; n];
    let mut from_keep_d = vec![true; n];
    keep[0] = scores[0] / 2.0;
    drop[0] = -scores[0] / 2.0;
    for i in 1..n {
        let price = if blocks[i] == blocks[i - 1] {
            switch_line
        } else if flat[i] && flat[i - 1] {
            switch_flat
        } else {
            switch_block
        };
        let half = scores[i] / 2.0;
        let (kk, dk) = (keep[i - 1], drop[i - 1] - price);
        if kk >= dk {
            keep[i] = kk + half;
            from_keep_k[i] = true;
        } else {
            keep[i] = dk + half;
            from_keep_k[i] = false;
        }
        let (kd, dd) = (keep[i - 1] - price, drop[i - 1]);
        if dd >= kd {
            drop[i] = dd - half;
            from_keep_d[i] = false;
        } else {
            drop[i] = kd - half;
            from_keep_d[i] = true;
        }
    }
    let mut state = keep[n - 1] >= drop[n - 1];
    let mut out = vec![false; n];
    for i in (0..n).rev() {
        out[i] = state;
        state = if state { from_keep_k[i] } else { from_keep_d[i] };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_smooths_an_isolated_flip() {
        let blocks = [0; 5];
        let flat = [false; 5];
        let scores = [3.0, 3.0, -0.5, 3.0, 3.0];
        assert_eq!(viterbi(&scores, &blocks, &flat, 0.5, 2.0, None, None), [true; 5]);
        let apart = [0, 1, 2, 3, 4];
        assert_eq!(viterbi(&scores, &apart, &flat, 0.0, 0.0, None, None), [true, true, false, true, true]);
        assert!(viterbi(&[], &[], &[], 1.0, 1.0, None, None).is_empty());
    }

    #[test]
    fn regions_and_headings() {
        assert_eq!(best_region(&[-1.0, 2.0, 3.0, -1.0, 2.0, -5.0, 1.0]), (1, 5));
        assert_eq!(best_region(&[-1.0, -2.0]), (0, 0));
        assert!(related_head("» related stories") && related_head("editor's picks") && related_head("similar"));
        assert!(!related_head("relatedness") && !related_head("more online"));
        assert!(looks_like_code("{\"a\": 1}") && looks_like_code("var x = 1") && !looks_like_code("a \"b\": c"));
    }
}
