//! Rule patterns: Python `regex` syntax read by linear-time engines.
//!
//! A pattern compiles with the `regex` crate when it can (finite automata: time
//! linear in the text, whatever the text). A pattern that needs lookaround or a
//! backreference is matched in two steps: the same pattern with its assertions
//! dropped (a superset, linear) rules most text out, and `fancy-regex`, with a
//! bound on backtracking, confirms what is left. A pattern neither can read is
//! an error that names the reason.

use regex::{Regex, RegexBuilder};
use regex_automata::hybrid;
use regex_automata::nfa::thompson::{self, pikevm, pikevm::PikeVM, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Capture, Class, ClassUnicode, Hir, HirKind, Repetition};
use std::sync::{Arc, LazyLock, OnceLock};

use crate::syntax::{drop_boundaries, drop_lookaround, split_alternatives, widen_classes, widen_repeats};

/// Backtracking steps `fancy-regex` may take on one unit before the match is
/// given up (counted as no match: keeping text is the safe failure).
const BACKTRACK_LIMIT: usize = 200_000;
const SIZE_LIMIT: usize = 64 << 20;

/// A compiled rule pattern and the pieces a combined gate is made of.
///
/// Clones share what was built: a rule's gate and pattern are compiled once, however
/// many engines (one per page language) hold the rule.
#[derive(Clone)]
pub struct Matcher {
    /// The pattern as written (Python `regex` syntax).
    python: Arc<str>,
    /// The pattern translated and parsed: now (`compile`), or when first needed (`deferred`).
    read: Arc<OnceLock<Result<Read, String>>>,
    /// The whole pattern, compiled on first use: most units never get past the gate.
    whole: Arc<OnceLock<Whole>>,
    /// The gate (see `make_gate`), built when the rule first meets a unit: a rule of a
    /// language no page of the run is in never costs its compile time.
    gate: Arc<OnceLock<Gate>>,
    /// What every match of the gate's parts starts with (see `gate_literals`).
    literals: Arc<OnceLock<GateLiterals>>,
}

/// The literals every match of a gate's part starts with: `None` when a match may start
/// anywhere (no finite set, or the part cannot be read), an empty list when the gate has
/// no such part. A text holding none of a part's literals (at its start, for the anchored
/// part) cannot get past that part.
#[derive(Default)]
pub struct GateLiterals {
    pub anchored: Option<Vec<Vec<u8>>>,
    pub floating: Option<Vec<Vec<u8>>>,
    /// For an anchored part without `anchored` literals: literals one of which its
    /// matches hold somewhere (see `holds`), or None.
    pub anchored_holds: Option<Vec<Vec<u8>>>,
    /// Non-ASCII characters the literals stand for as an ASCII letter (`K`, the Kelvin
    /// sign, as `k`): they say nothing of a text holding one (see `fold_case`).
    pub folded: Vec<char>,
}

/// A pattern read: in the syntax both engines share, and which of them runs it.
struct Read {
    source: String,
    /// Whether the whole pattern runs on the linear engine (no lookaround, no backreference).
    linear: bool,
}

/// The patterns a gate is built from (see `Matcher::gate_source`).
struct GateSource {
    /// The alternatives anchored at the start, tried at the start of the text only.
    anchored: Option<String>,
    /// The other alternatives, searched.
    floating: Option<String>,
    /// Whether the gate is the pattern itself (nothing was loosened).
    exact: bool,
}

/// A pattern's loosened superset, run before the pattern itself.
#[derive(Default)]
struct Gate {
    /// The pattern's top-level alternatives (loosened) anchored at the start, tried at
    /// the start of the text only.
    anchored: Option<Forward>,
    /// Its other alternatives, searched.
    floating: Option<Forward>,
    /// The floating part as a searcher that tells where its matches start (`find_spans`),
    /// built when first needed: most gates only ever answer yes or no.
    ahead: OnceLock<Option<Regex>>,
    /// Whether the gate is the pattern itself (nothing was loosened).
    exact: bool,
    /// Whether a gate exists at all (a backreference leaves none).
    gated: bool,
}

/// A gate's part for yes-or-no tests: the forward automata alone. A full searcher (the
/// `regex` crate's) also builds the pattern reversed, to find where a match starts, which
/// was a third of a rule's compile time and most gates never need.
struct Forward {
    /// Run first: linear time, its states built as the texts need them.
    dfa: hybrid::dfa::DFA,
    /// The answer where the lazy DFA gives up (its cache thrashing).
    pikevm: PikeVM,
    /// Each thread's scratch space for both, made on first use.
    caches: Pool<Caches, fn() -> Caches>,
}

type Caches = Option<(hybrid::dfa::Cache, pikevm::Cache)>;

impl Forward {
    fn new(source: &str) -> Result<Forward, String> {
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().nfa_size_limit(Some(SIZE_LIMIT)).which_captures(WhichCaptures::Implicit))
            .build(source)
            .map_err(|e| e.to_string())?;
        let dfa = hybrid::dfa::Builder::new()
            .configure(
                hybrid::dfa::Config::new()
                    .cache_capacity(SIZE_LIMIT)
                    // as the `regex` crate sets it: a Unicode word boundary is read on ASCII
                    // text, and a DFA that keeps rebuilding its states hands over to the PikeVM
                    .unicode_word_boundary(true)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        Ok(Forward { dfa, pikevm, caches: Pool::new(|| None) })
    }

    fn is_match(&self, input: Input<'_>) -> bool {
        let mut caches = self.caches.get();
        let (dfa_cache, vm_cache) = caches.get_or_insert_with(|| (self.dfa.create_cache(), self.pikevm.create_cache()));
        let input = input.earliest(true);
        match self.dfa.try_search_fwd(dfa_cache, &input) {
            Ok(found) => found.is_some(),
            Err(_) => self.pikevm.is_match(vm_cache, input),
        }
    }
}

#[derive(Clone)]
enum Whole {
    Linear(Regex),
    Confirmed(fancy_regex::Regex),
    /// Parsed but too large to build: it matches nothing (keeping text is the safe failure).
    Unbuilt,
}

impl Matcher {
    /// Read the pattern: syntax errors are reported now. It is parsed, not resolved
    /// (Unicode classes, case folding: most of the cost of reading a rule); its gate is
    /// built when the rule first meets a unit, the whole pattern when a unit first gets
    /// past it. `problem` resolves it in full.
    pub fn compile(python: &str) -> Result<Matcher, String> {
        let matcher = Matcher::deferred(python);
        if let Err(e) = matcher.read_now() {
            return Err(e.clone());
        }
        Ok(matcher)
    }

    /// The pattern, read when it is first needed: for patterns the test suite reads
    /// (the package's own rules), whose reading is then no part of a start-up. One that
    /// cannot be read matches nothing, and `problem` says why.
    pub fn deferred(python: &str) -> Matcher {
        Matcher {
            python: Arc::from(python),
            read: Arc::new(OnceLock::new()),
            whole: Arc::new(OnceLock::new()),
            gate: Arc::new(OnceLock::new()),
            literals: Arc::new(OnceLock::new()),
        }
    }

    fn read_now(&self) -> &Result<Read, String> {
        self.read.get_or_init(|| read(&self.python))
    }

    fn read(&self) -> Option<&Read> {
        self.read_now().as_ref().ok()
    }

    /// Cut the pattern into alternatives, each wrapped in the pattern's global flags:
    /// those anchored at the start and the rest. The gate is loosened into a superset
    /// that the fast automata run and that compiles quickly: lookaround and word
    /// boundaries dropped (Unicode word boundaries keep the automata off their fast
    /// path on non-ASCII text), long bounded repeats left open (`{1,50}` of a Unicode
    /// class is a large automaton), letter classes read as any character but white
    /// space (case-folded `\p{L}` is thousands of states). None for a pattern that
    /// cannot be read.
    fn gate_source(&self) -> Option<GateSource> {
        let read = self.read()?;
        let (flags, body) = split_flags(&read.source);
        let loose = widen_classes(&widen_repeats(&drop_boundaries(&drop_lookaround(body))));
        let exact = read.linear && loose == body;
        // a verbose pattern's comments may hold `|` or `(`: gate it whole
        let alternatives = if flags.contains('x') { vec![loose] } else { split_alternatives(&loose) };
        let mut anchored = Vec::new();
        let mut floating = Vec::new();
        for alternative in alternatives {
            let part = format!("(?{flags}:{alternative})");
            if alternative.starts_with('^') {
                anchored.push(part);
            } else {
                floating.push(part);
            }
        }
        let joined = |parts: Vec<String>| (!parts.is_empty()).then(|| parts.join("|"));
        Some(GateSource { anchored: joined(anchored), floating: joined(floating), exact })
    }

    /// The literals the matches of the gate's parts start with, read once per pattern.
    pub fn gate_literals(&self) -> &GateLiterals {
        self.literals.get_or_init(|| match self.gate_source() {
            Some(source) => {
                let mut folded = Vec::new();
                let anchored = source.anchored.as_deref().map_or(Some(Vec::new()), |a| prefixes(a, &mut folded));
                let anchored_holds =
                    if anchored.is_none() { source.anchored.as_deref().and_then(|a| holds(a, &mut folded)) } else { None };
                let floating = source.floating.as_deref().map_or(Some(Vec::new()), |f| holds(f, &mut folded));
                GateLiterals { anchored, floating, anchored_holds, folded }
            }
            None => GateLiterals::default(),
        })
    }

    fn make_gate(&self) -> Gate {
        let Some(source) = self.gate_source() else {
            return Gate::default();
        };
        let floating = source.floating.as_deref().map(Forward::new).transpose();
        let anchored = source.anchored.as_deref().map(Forward::new).transpose();
        match (floating, anchored) {
            (Ok(floating), Ok(anchored)) => {
                Gate { anchored, floating, ahead: OnceLock::new(), exact: source.exact, gated: true }
            }
            _ => Gate::default(),
        }
    }

    fn gate(&self) -> &Gate {
        self.gate.get_or_init(|| self.make_gate())
    }

    /// Whether the gate lets `text` through: a rule without a gate always does.
    pub fn passes_gate(&self, text: &str) -> bool {
        self.passes_gate_where(text, true, true)
    }

    /// Whether the pattern has a gate: one without lets every text through.
    pub fn is_gated(&self) -> bool {
        self.gate().gated
    }

    /// `passes_gate` told by a prefilter that the anchored part (`anchored`) or the
    /// floating part (`floating`) cannot match: those parts are not run. A rule without
    /// a gate still passes.
    pub fn passes_gate_where(&self, text: &str, anchored: bool, floating: bool) -> bool {
        if !self.is_gated() {
            return true;
        }
        let gate = self.gate();
        (anchored && gate.anchored.as_ref().is_some_and(|a| a.is_match(Input::new(text).anchored(Anchored::Yes))))
            || (floating && gate.floating.as_ref().is_some_and(|f| f.is_match(Input::new(text))))
    }

    /// Why the whole pattern cannot be built (an unknown Unicode property, too large), or None.
    pub fn problem(&self) -> Option<String> {
        let read = match self.read_now() {
            Ok(read) => read,
            Err(e) => return Some(e.clone()),
        };
        if read.linear {
            build(&read.source).err().map(|e| e.to_string())
        } else {
            fancy_regex::RegexBuilder::new(&read.source)
                .delegate_size_limit(SIZE_LIMIT)
                .build()
                .err()
                .map(|e| e.to_string())
        }
    }

    pub fn is_linear(&self) -> bool {
        self.read().is_some_and(|r| r.linear)
    }

    fn whole(&self) -> &Whole {
        self.whole.get_or_init(|| {
            let Some(read) = self.read() else {
                return Whole::Unbuilt;
            };
            if read.linear {
                build(&read.source).map(Whole::Linear).unwrap_or(Whole::Unbuilt)
            } else {
                fancy_regex::RegexBuilder::new(&read.source)
                    .backtrack_limit(BACKTRACK_LIMIT)
                    .delegate_size_limit(SIZE_LIMIT)
                    .build()
                    .map(Whole::Confirmed)
                    .unwrap_or(Whole::Unbuilt)
            }
        })
    }

    /// The whole pattern searched in `text`.
    pub fn search(&self, text: &str) -> bool {
        match self.whole() {
            Whole::Linear(re) => re.is_match(text),
            Whole::Confirmed(re) => re.is_match(text).unwrap_or(false),
            Whole::Unbuilt => false,
        }
    }

    /// Every match of a linear pattern, left to right (None for a pattern that needs
    /// backtracking).
    pub fn find_all<'a>(&self, text: &'a str) -> Option<Vec<&'a str>> {
        match self.whole() {
            Whole::Linear(re) => Some(re.find_iter(text).map(|m| m.as_str()).collect()),
            _ => None,
        }
    }

    /// Every match of the whole pattern, left to right, as byte spans: the matches of
    /// Python's `finditer` for a pattern that never matches the empty string. The gate
    /// (a superset of the pattern whose matches start where the pattern's do) finds where
    /// the next match may start, and the pattern is tried from there: a backtracking
    /// pattern is not run at every character of the text. None when a match is empty,
    /// the backtracking bound is reached or the pattern cannot be built (the caller asks
    /// the `regex` module then).
    pub fn find_spans(&self, text: &str) -> Option<Vec<(usize, usize)>> {
        let gate = self.gate();
        // only a gate with no anchored part tells where every match may start
        let ahead = if gate.gated && gate.anchored.is_none() && gate.floating.is_some() {
            gate.ahead.get_or_init(|| self.gate_source().and_then(|s| build(s.floating.as_deref()?).ok())).as_ref()
        } else {
            None
        };
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= text.len() {
            if let Some(ahead) = ahead {
                match ahead.find_at(text, pos) {
                    Some(m) => pos = m.start(),
                    None => break,
                }
            }
            let (start, end) = match self.whole() {
                Whole::Linear(re) => match re.find_at(text, pos) {
                    Some(m) => (m.start(), m.end()),
                    None => break,
                },
                Whole::Confirmed(re) => match re.find_from_pos(text, pos) {
                    Ok(Some(m)) => (m.start(), m.end()),
                    Ok(None) => break,
                    Err(_) => return None,
                },
                Whole::Unbuilt => return None,
            };
            if start == end {
                return None;
            }
            out.push((start, end));
            pos = end;
        }
        Some(out)
    }

    /// A match once the gate let the text through: an exact gate is the pattern itself.
    pub fn confirm(&self, text: &str) -> bool {
        let gate = self.gate();
        (gate.exact && gate.gated) || self.search(text)
    }
}

/// Translate and parse `python`: which engine runs it, or why neither can.
fn read(python: &str) -> Result<Read, String> {
    let source = translate(python)?;
    let parsed = regex_syntax::ast::parse::Parser::new().parse(&source);
    let linear = match parsed {
        Ok(_) => true,
        Err(linear_err) => {
            fancy_regex::Expr::parse_tree(&source)
                .map_err(|e| format!("{e} (as a linear pattern: {linear_err})"))?;
            false
        }
    };
    Ok(Read { source, linear })
}

/// The literals every match of `source` starts with, or None when there is no finite
/// set of them (or one is empty: a match may start with anything).
fn prefixes(source: &str, folded: &mut Vec<char>) -> Option<Vec<Vec<u8>>> {
    starts(&fold_case(&regex_syntax::Parser::new().parse(source).ok()?, folded), 1)
}

/// `hir` with every class of one ASCII letter's casings (`[Kk\u{212A}]`, as `(?i)k` reads)
/// read as the lower-case letter: literals looked for without regard to ASCII case then
/// stand for every casing of a word, which the extractor would spell out one by one.
/// The non-ASCII characters such a class held are added to `folded`: a text with one
/// of them is not ruled out by literals.
fn fold_case(hir: &Hir, folded: &mut Vec<char>) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => match ascii_letter(class) {
            Some((letter, others)) => {
                folded.extend(others);
                Hir::literal([letter as u8])
            }
            None => hir.clone(),
        },
        HirKind::Repetition(rep) => {
            Hir::repetition(Repetition { sub: Box::new(fold_case(&rep.sub, folded)), ..rep.clone() })
        }
        HirKind::Capture(group) => {
            Hir::capture(Capture { sub: Box::new(fold_case(&group.sub, folded)), ..group.clone() })
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(|h| fold_case(h, folded)).collect()),
        HirKind::Alternation(parts) => Hir::alternation(parts.iter().map(|h| fold_case(h, folded)).collect()),
        _ => hir.clone(),
    }
}

/// The non-ASCII characters case-insensitive matching reads as an ASCII letter (the
/// Kelvin sign as `k`, the long s as `s`).
static ASCII_CASINGS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let letters = regex_syntax::Parser::new().parse("(?i)[a-z]").expect("a valid class");
    match letters.kind() {
        HirKind::Class(Class::Unicode(class)) => {
            class.iter().flat_map(|r| r.start()..=r.end()).filter(|c| !c.is_ascii()).collect()
        }
        _ => Vec::new(),
    }
});

/// The lower-case ASCII letter whose casings `class` holds (and only them: its
/// non-ASCII characters, returned too, must be casings of an ASCII letter), or None.
fn ascii_letter(class: &ClassUnicode) -> Option<(char, Vec<char>)> {
    let mut letter = None;
    let mut others = Vec::new();
    for range in class.iter() {
        if range.end() as u32 - range.start() as u32 >= 4 {
            return None;
        }
        for c in range.start()..=range.end() {
            if !c.is_ascii() {
                if !ASCII_CASINGS.contains(&c) {
                    return None;
                }
                others.push(c);
            } else if !c.is_ascii_alphabetic() || letter.is_some_and(|l| l != c.to_ascii_lowercase()) {
                return None;
            } else {
                letter = Some(c.to_ascii_lowercase());
            }
        }
    }
    letter.map(|l| (l, others))
}

/// Literals shorter than this are in too much text to rule anything out anywhere in it
/// (at its start, any literal does).
const SHORTEST: usize = 3;
/// How many literals a part may have: more, and it has none.
const MOST_LITERALS: usize = 1024;
/// How many of a sequence's first parts the literals of what follows them are read from.
const SUFFIXES: usize = 16;

/// The literals every match of `hir` starts with, none shorter than `shortest`.
fn starts(hir: &Hir, shortest: usize) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new().kind(ExtractKind::Prefix).limit_total(MOST_LITERALS).extract(hir);
    if seq.min_literal_len()? < shortest.max(1) {
        return None;
    }
    Some(seq.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// Literals one of which every match of `source` holds somewhere, or None when there is
/// no finite set of them: the literals a part of it that every match holds starts with
/// (`^\s*(?:read|learn) more` needs "read" or "learn"), the longest such set.
fn holds(source: &str, folded: &mut Vec<char>) -> Option<Vec<Vec<u8>>> {
    inner(&fold_case(&regex_syntax::Parser::new().parse(source).ok()?, folded))
}

/// Literals one of which every match of `hir` holds (see `holds`).
fn inner(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(found) = starts(hir, SHORTEST) {
        return Some(found);
    }
    match hir.kind() {
        HirKind::Capture(group) => inner(&group.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => inner(&rep.sub),
        // what follows one of the first parts (a word spelt as one class per letter is no
        // part of its own), or one of the parts
        HirKind::Concat(parts) => (0..parts.len())
            .filter_map(|i| {
                let rest = (i < SUFFIXES).then(|| Hir::concat(parts[i..].to_vec()));
                rest.as_ref().and_then(|rest| starts(rest, SHORTEST)).or_else(|| inner(&parts[i]))
            })
            .max_by_key(|set| {
                let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
                (shortest, std::cmp::Reverse(set.len()))
            }),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(inner(branch)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// `(?ix)body` -> ("ix", "body"); `translate` put every global flag in front.
fn split_flags(source: &str) -> (&str, &str) {
    if let Some(rest) = source.strip_prefix("(?") {
        if let Some(end) = rest.find(')') {
            let flags = &rest[..end];
            if !flags.is_empty() && flags.chars().all(|c| c.is_ascii_alphabetic()) {
                return (flags, &rest[end + 1..]);
            }
        }
    }
    ("", source)
}

pub fn build(source: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(source).size_limit(SIZE_LIMIT).dfa_size_limit(SIZE_LIMIT).build()
}

/// Rewrite Python `regex` (version 0) syntax into the common syntax of both engines:
/// global inline flags hoisted to the front (Python applies them to the whole
/// pattern wherever they stand), `{,n}` as `{0,n}`, a `{` that opens no
/// quantifier and a `[` inside a class as literals, `\Z` as `\z`.
pub fn translate(python: &str) -> Result<String, String> {
    let chars: Vec<char> = python.chars().collect();
    let mut out = String::with_capacity(python.len() + 8);
    let mut flags = String::new();
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            let next = chars.get(i + 1).copied().ok_or("pattern ends with a backslash")?;
            if !in_class && next == 'Z' {
                out.push_str("\\z");
            } else if matches!(next, 'p' | 'P' | 'x' | 'N') && chars.get(i + 2) == Some(&'{') {
                // \p{L}, \x{263a}: the braces belong to the escape
                let close = (i + 3..chars.len()).find(|&k| chars[k] == '}').ok_or("unclosed escape")?;
                out.extend(&chars[i..=close]);
                i = close + 1;
                continue;
            } else {
                out.push(c);
                out.push(next);
            }
            i += 2;
            continue;
        }
        if in_class {
            let first = i == class_start || (i == class_start + 1 && chars[class_start] == '^');
            match c {
                ']' if !first => in_class = false,
                '[' if chars.get(i + 1) == Some(&':') => {
                    // a POSIX class: copy it whole
                    let end = find_from(&chars, i + 2, ":]").ok_or("unclosed POSIX class")?;
                    out.extend(&chars[i..end + 2]);
                    i = end + 2;
                    continue;
                }
                '[' => {
                    out.push_str("\\[");
                    i += 1;
                    continue;
                }
                '&' | '-' | '~' if chars.get(i + 1) == Some(&c) => {
                    out.push('\\');
                    out.push(c);
                    out.push('\\');
                    out.push(c);
                    i += 2;
                    continue;
                }
                _ => {}
            }
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => {
                in_class = true;
                class_start = i + 1;
                out.push(c);
                i += 1;
            }
            '(' if chars.get(i + 1) == Some(&'?') => {
                // a global inline flag group such as (?i) or (?x)
                let mut j = i + 2;
                while j < chars.len() && chars[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j > i + 2 && chars.get(j) == Some(&')') {
                    for f in chars[i + 2..j].iter() {
                        match f {
                            'i' | 'm' | 's' | 'x' => {
                                if !flags.contains(*f) {
                                    flags.push(*f)
                                }
                            }
                            'u' => {}
                            other => return Err(format!("inline flag {other:?} is not supported")),
                        }
                    }
                    i = j + 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '{' => {
                let rest: String = chars[i + 1..chars.len().min(i + 24)].iter().collect();
                match quantifier(&rest) {
                    Some((text, used)) => {
                        out.push('{');
                        out.push_str(&text);
                        i += 1 + used;
                    }
                    None => {
                        out.push_str("\\{");
                        i += 1;
                    }
                }
            }
            '}' => {
                out.push_str("\\}");
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if in_class {
        return Err("unclosed character class".into());
    }
    Ok(if flags.is_empty() { out } else { format!("(?{flags}){out}") })
}

fn find_from(chars: &[char], from: usize, needle: &str) -> Option<usize> {
    let n: Vec<char> = needle.chars().collect();
    (from..chars.len().saturating_sub(n.len() - 1)).find(|&k| chars[k..k + n.len()] == n[..])
}

/// `{m}`, `{m,}`, `{m,n}` or `{,n}` at the start of `rest` (after the brace): the
/// quantifier's body as both engines read it and the characters it used.
fn quantifier(rest: &str) -> Option<(String, usize)> {
    let close = rest.find('}')?;
    let body = &rest[..close];
    let (lo, hi) = match body.split_once(',') {
        Some((lo, hi)) => (lo, Some(hi)),
        None => (body, None),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(lo) || !hi.map_or(true, digits) || (lo.is_empty() && hi.map_or(true, str::is_empty)) {
        return None;
    }
    let lo = if lo.is_empty() { "0" } else { lo };
    let text = match hi {
        Some(hi) => format!("{lo},{hi}}}"),
        None => format!("{lo}}}"),
    };
    Some((text, close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_python_syntax() {
        assert_eq!(translate("a{,3}").unwrap(), "a{0,3}");
        assert_eq!(translate("x(?i)ab").unwrap(), "(?i)xab");
        assert_eq!(translate("[[a]").unwrap(), "[\\[a]");
        assert_eq!(translate("{}").unwrap(), "\\{\\}");
        assert_eq!(translate("end\\Z").unwrap(), "end\\z");
    }

    #[test]
    fn gate_literals_rule_out_only_what_cannot_match() {
        let m = Matcher::compile(r"(?i)^\W*lorem\s+ipsum\s+dolor|\bfair\s+use\b").unwrap();
        let literals = m.gate_literals();
        assert!(literals.anchored.is_none());
        let holds = literals.anchored_holds.as_ref().unwrap();
        let word = holds[0].to_ascii_lowercase();
        assert!([&b"lorem"[..], b"ipsum", b"dolor"].contains(&word.as_slice()), "{:?}", holds);
        assert!(holds.iter().all(|l| l.to_ascii_lowercase() == word));
        let floating = literals.floating.as_ref().unwrap();
        assert!(floating.iter().all(|l| b"fair use".to_ascii_lowercase().starts_with(&l.to_ascii_lowercase())));
        let m = Matcher::compile(r"(?i)^(?:share|tweet)\s+this").unwrap();
        let starts = m.gate_literals().anchored.as_ref().unwrap();
        assert!(starts.iter().any(|l| l.as_slice() == b"share") && starts.iter().any(|l| l.as_slice() == b"tweet"));
        // (?i)s also reads the long s, (?i)k the Kelvin sign: a text with one is not ruled out
        assert!(m.gate_literals().folded.contains(&'\u{17f}'));
        assert!(Matcher::compile(r"^\s*x").unwrap().gate_literals().anchored.is_none());
    }

    #[test]
    fn forward_parts_answer_as_the_full_searcher() {
        // a Unicode word boundary on non-ASCII text: the lazy DFA gives up, the PikeVM answers
        for (source, text) in [(r"\bcaf", "un café"), (r"é\b", "café!"), (r"é\b", "éa"), (r"(?i)share\s+this", "SHARE  this")] {
            for anchored in [Anchored::No, Anchored::Yes] {
                let full = regex_automata::meta::Regex::new(source).unwrap().is_match(Input::new(text).anchored(anchored));
                assert_eq!(Forward::new(source).unwrap().is_match(Input::new(text).anchored(anchored)), full, "{source} {text}");
            }
        }
    }

    #[test]
    fn lookaround_is_confirmed() {
        let m = Matcher::compile(r"(?i)^(?!open\b)\w+ logo$").unwrap();
        assert!(!m.is_linear() && !m.gate().exact && m.gate().gated);
        assert!(m.search("Deloitte Logo"));
        assert!(!m.search("open logo"));
    }
}
