//! Reading a pattern (in the syntax `pattern::translate` writes) piece by piece, and
//! the ways a rule's gate loosens it into a superset.
//!
//! Every transformation here must see escapes and character classes as single
//! pieces: a `|`, `(` or `{` inside `[...]` or after a backslash is a literal.

/// What a piece of a pattern is.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Kind {
    /// `\b`, `\d`, `\p{L}`, `\x{263a}`.
    Escape,
    /// A whole character class, `[^\]a-z[:alpha:]]`.
    Class,
    /// Any other character: literals, groups, quantifiers, `|`.
    Char,
}

/// Cut `source` into escapes, character classes and single characters.
pub fn pieces(source: &str) -> Vec<(Kind, &str)> {
    let chars: Vec<(usize, char)> = source.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(source.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let kind = match chars[i].1 {
            '\\' => {
                i += 2;
                if matches!(at(start + 1), Some('p' | 'P' | 'x' | 'N' | 'u')) && at(i) == Some('{') {
                    while i < chars.len() && at(i) != Some('}') {
                        i += 1;
                    }
                    i += 1;
                }
                Kind::Escape
            }
            '[' => {
                i += 1;
                if at(i) == Some('^') {
                    i += 1;
                }
                if at(i) == Some(']') {
                    i += 1; // a leading ']' is a literal
                }
                while i < chars.len() && at(i) != Some(']') {
                    if at(i) == Some('\\') {
                        i += 1;
                    } else if at(i) == Some('[') && at(i + 1) == Some(':') {
                        while i < chars.len() && !(at(i) == Some(':') && at(i + 1) == Some(']')) {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                Kind::Class
            }
            _ => {
                i += 1;
                Kind::Char
            }
        };
        out.push((kind, &source[offset(start)..offset(i.min(chars.len()))]));
    }
    out
}

fn is(piece: Option<&(Kind, &str)>, text: &str) -> bool {
    piece.is_some_and(|&(kind, t)| kind == Kind::Char && t == text)
}

/// The pattern without its lookaround groups: every assertion dropped, so it
/// matches wherever the pattern can (and more).
pub fn drop_lookaround(source: &str) -> String {
    let ps = pieces(source);
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < ps.len() {
        let look = is(ps.get(i), "(")
            && is(ps.get(i + 1), "?")
            && (is(ps.get(i + 2), "=")
                || is(ps.get(i + 2), "!")
                || (is(ps.get(i + 2), "<") && (is(ps.get(i + 3), "=") || is(ps.get(i + 3), "!"))));
        if !look {
            out.push_str(ps[i].1);
            i += 1;
            continue;
        }
        let mut depth = 0usize;
        while i < ps.len() {
            if is(ps.get(i), "(") {
                depth += 1;
            } else if is(ps.get(i), ")") {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            i += 1;
        }
        i += 1;
    }
    out
}

/// The pattern without `\b` and `\B` (word boundaries; inside a class `\b` is a backspace
/// and stays).
pub fn drop_boundaries(source: &str) -> String {
    pieces(source)
        .into_iter()
        .filter(|&(kind, t)| !(kind == Kind::Escape && (t == "\\b" || t == "\\B")))
        .map(|(_, t)| t)
        .collect()
}

/// `X{m,n}` with a long range as `X{m,}`: a superset, and a small automaton.
pub fn widen_repeats(source: &str) -> String {
    let ps = pieces(source);
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < ps.len() {
        if is(ps.get(i), "{") {
            if let Some(close) = (i + 1..ps.len()).find(|&k| is(ps.get(k), "}")) {
                let body: String = ps[i + 1..close].iter().map(|p| p.1).collect();
                if let Some((lo, hi)) = body.split_once(',') {
                    if let (Ok(lo), Ok(hi)) = (lo.parse::<usize>(), hi.parse::<usize>()) {
                        if hi > lo + 4 {
                            out.push_str(&format!("{{{lo},}}"));
                            i = close + 1;
                            continue;
                        }
                    }
                }
            }
        }
        out.push_str(ps[i].1);
        i += 1;
    }
    out
}

/// Letter and word classes as "any character but white space", and a class that holds
/// one (or its complement, `\W`, `[^\w]`) as "any character": a superset, and a far
/// smaller automaton. Under `(?i)` the regex crate case-folds every range of `\p{L}` or
/// `\w` and compiles each copy into thousands of UTF-8 states; the gates are built on a
/// run's first lines, so they are much of its start-up.
pub fn widen_classes(source: &str) -> String {
    pieces(source)
        .into_iter()
        .map(|(kind, t)| match kind {
            Kind::Escape if is_letter_class(t) => "(?-i:\\S)",
            Kind::Escape if t == "\\W" => "(?s-i:.)",
            Kind::Class if holds_letter_class(t) => "(?s-i:.)",
            _ => t,
        })
        .collect()
}

/// `\w` or a letter property: classes no white space belongs to.
fn is_letter_class(escape: &str) -> bool {
    if escape == "\\w" {
        return true;
    }
    let Some(name) = escape.strip_prefix("\\p{").and_then(|r| r.strip_suffix('}')) else {
        return false;
    };
    matches!(name, "L" | "Lu" | "Ll" | "Lt" | "Lm" | "Lo" | "Letter" | "Alphabetic" | "Alpha"
        | "Uppercase_Letter" | "Lowercase_Letter" | "Uppercase" | "Lowercase")
}

/// Whether a `[...]` class holds `\w` or a letter property among its members.
fn holds_letter_class(class: &str) -> bool {
    let inner = class.trim_start_matches('[').trim_end_matches(']');
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        if escaped {
            escaped = false;
            if c == 'w' {
                return true;
            }
            if c == 'p' {
                if let Some(end) = inner[i..].find('}') {
                    if is_letter_class(&format!("\\{}", &inner[i..i + end + 1])) {
                        return true;
                    }
                }
            }
        } else if c == '\\' {
            escaped = true;
        }
    }
    false
}

/// The top-level alternatives of a pattern (split at `|` outside groups and classes).
pub fn split_alternatives(source: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    for (kind, t) in pieces(source) {
        if kind == Kind::Char {
            match t {
                "(" => depth += 1,
                ")" => depth -= 1,
                "|" if depth == 0 => {
                    parts.push(String::new());
                    continue;
                }
                _ => {}
            }
        }
        parts.last_mut().unwrap().push_str(t);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_escapes_and_classes_whole() {
        let kinds: Vec<Kind> = pieces(r"a\p{L}[^\]|(x[:alpha:]]|").into_iter().map(|p| p.0).collect();
        assert_eq!(kinds, vec![Kind::Char, Kind::Escape, Kind::Class, Kind::Char]);
    }

    #[test]
    fn loosens() {
        assert_eq!(drop_lookaround(r"^(?!a(b)c)x(?<=x)y[(?=]"), "^xy[(?=]");
        assert_eq!(drop_boundaries(r"\bab\B[\b]"), r"ab[\b]");
        assert_eq!(widen_repeats(r"a{1,50}b{2,3}[x{1,9}]\p{L}{0,9}"), r"a{1,}b{2,3}[x{1,9}]\p{L}{0,}");
        assert_eq!(split_alternatives(r"^a|(b|c)|[|]d"), vec!["^a", "(b|c)", "[|]d"]);
    }

    #[test]
    fn widens_letter_classes_only() {
        assert_eq!(widen_classes(r"\p{Lu}\w+\d\s[\p{L}.'-]*[^\w][a-z]\W\P{L}"),
                   r"(?-i:\S)(?-i:\S)+\d\s(?s-i:.)*(?s-i:.)[a-z](?s-i:.)\P{L}");
    }

    #[test]
    fn a_widened_gate_still_matches_what_the_pattern_matches() {
        let pattern = r"(?i)^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3}$";
        let gate = format!("(?i){}", widen_classes(&pattern[4..]));
        let (whole, loose) = (regex::Regex::new(pattern).unwrap(), regex::Regex::new(&gate).unwrap());
        for text in ["By Zoë O’Neil", "by ÉMILE Zola-Durand Jr.", "BY Ǆemal Ⅻ", "by ſam"] {
            assert!(!whole.is_match(text) || loose.is_match(text), "{text}");
        }
        assert!(!loose.is_match("by   "));
    }
}
