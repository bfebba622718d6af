//! Annotations resolved into segments: the document's partition of its visible text.
//!
//! Every page ends here, once per annotation and once per piece of every block,
//! so it runs in the engine. Offsets are Python's (characters, not bytes); the
//! text is walked forward once, so the cost is linear in the text plus
//! `n log n` in the annotations.

use std::collections::BinaryHeap;

use crate::pystr::is_space;
use crate::text::Cursor;

/// An annotation as the resolver needs it: where, how strong, and which
/// (label, category, rule) it carries (`key`: equal keys merge; 0 is plain main text).
#[derive(Clone, Copy)]
pub struct Claim {
    pub start: usize,
    pub end: usize,
    pub strength: u8,
    pub key: u32,
}

/// A resolved segment: character offsets and the winning annotation, if any.
#[derive(Debug, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub owner: Option<usize>,
}

/// The disjoint pieces the annotations cut the text into, each with its winner:
/// the strongest, and of equal strength the latest.
pub fn elementary(claims: &[Claim]) -> Vec<(usize, usize, usize)> {
    let mut cuts: Vec<usize> = claims.iter().flat_map(|c| [c.start, c.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut ranked: Vec<usize> = (0..claims.len()).collect();
    ranked.sort_by_key(|&i| claims[i].start);
    let mut active: BinaryHeap<(u8, usize)> = BinaryHeap::new();
    let mut pieces = Vec::new();
    let mut r = 0;
    for pair in cuts.windows(2) {
        let (left, right) = (pair[0], pair[1]);
        while r < ranked.len() && claims[ranked[r]].start <= left {
            let i = ranked[r];
            active.push((claims[i].strength, i));
            r += 1;
        }
        // an annotation once ended stays ended: drop it when it comes to the top
        while let Some(&(_, i)) = active.peek() {
            if claims[i].end > left {
                break;
            }
            active.pop();
        }
        if let Some(&(_, win)) = active.peek() {
            pieces.push((left, right, win));
        }
    }
    pieces
}

/// A segment being built: its offsets in characters and bytes, and its key.
struct Open {
    start: usize,
    end: usize,
    end_byte: usize,
    owner: Option<usize>,
    key: u32,
}

/// True when `text[from..to]` holds a blank line: two line ends with only white
/// space between them. A CR not followed by LF and U+2028/U+2029 end lines too.
fn blank_between(text: &str, from: usize, to: usize) -> bool {
    let bytes = text.as_bytes();
    let mut seen_end = false;
    let mut only_space = true;
    for (k, c) in text[from..to].char_indices() {
        let at = from + k;
        let line_end = match c {
            '\n' | '\u{2028}' | '\u{2029}' => true,
            '\r' => bytes.get(at + 1) != Some(&b'\n'),
            _ => false,
        };
        if line_end {
            if seen_end && only_space {
                return true;
            }
            seen_end = true;
            only_space = true;
        } else if !is_space(c) {
            only_space = false;
        }
    }
    false
}

/// Partition the non-whitespace text of `blocks` by the strongest, latest claim.
///
/// Segments never cross a blank line and start and end on visible characters;
/// neighbours with the same key merge unless a blank line stands between them.
pub fn resolve(text: &str, claims: &[Claim], blocks: &[(usize, usize)]) -> Vec<Piece> {
    let pieces = elementary(claims);
    let mut cursor = Cursor::new(text);
    let mut out: Vec<Open> = Vec::new();
    let mut k = 0;
    for &(block_start, block_end) in blocks {
        let mut pos = block_start;
        while k < pieces.len() && pieces[k].1 <= block_start {
            k += 1;
        }
        let mut j = k;
        while pos < block_end {
            while j < pieces.len() && pieces[j].1 <= pos {
                j += 1;
            }
            let (end, owner) = if j < pieces.len() && pieces[j].0 <= pos {
                (pieces[j].1.min(block_end), Some(pieces[j].2))
            } else {
                let next = if j < pieces.len() { pieces[j].0 } else { block_end };
                (next.min(block_end), None)
            };
            add(&mut out, text, &mut cursor, pos, end, owner, owner.map_or(0, |i| claims[i].key));
            pos = end;
        }
    }
    out.into_iter().map(|s| Piece { start: s.start, end: s.end, owner: s.owner }).collect()
}

fn add(out: &mut Vec<Open>, text: &str, cursor: &mut Cursor, start: usize, end: usize, owner: Option<usize>, key: u32) {
    let from = cursor.byte(start);
    let to = cursor.byte(end);
    let mut first: Option<(usize, usize)> = None; // (char, byte) of the first visible character
    let mut last = (0, 0); // (char, byte) just past the last visible character
    for (n, (k, c)) in text[from..to].char_indices().enumerate() {
        if !is_space(c) {
            if first.is_none() {
                first = Some((start + n, from + k));
            }
            last = (start + n + 1, from + k + c.len_utf8());
        }
    }
    let Some((seg_start, start_byte)) = first else { return };
    if let Some(prev) = out.last_mut() {
        if prev.key == key && !blank_between(text, prev.end_byte, start_byte) {
            prev.end = last.0;
            prev.end_byte = last.1;
            return;
        }
    }
    out.push(Open { start: seg_start, end: last.0, end_byte: last.1, owner, key });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(start: usize, end: usize, strength: u8, key: u32) -> Claim {
        Claim { start, end, strength, key }
    }

    #[test]
    fn the_strongest_then_the_latest_wins() {
        let claims = [claim(0, 10, 1, 1), claim(2, 4, 2, 2), claim(3, 8, 1, 3)];
        assert_eq!(elementary(&claims), vec![(0, 2, 0), (2, 3, 1), (3, 4, 1), (4, 8, 2), (8, 10, 0)]);
    }

    #[test]
    fn segments_are_trimmed_and_merged_within_a_paragraph_only() {
        let none = |start, end| Piece { start, end, owner: None };
        let text = "ab cd\n\nef";
        assert_eq!(resolve(text, &[], &[(0, 5), (7, 9)]), vec![none(0, 5), none(7, 9)]);
        let got = resolve(text, &[claim(2, 9, 2, 1)], &[(0, 5), (7, 9)]);
        assert_eq!(got, vec![none(0, 2), Piece { start: 3, end: 5, owner: Some(0) }, Piece { start: 7, end: 9, owner: Some(0) }]);
        let got = resolve("ab\ncd", &[claim(0, 2, 2, 1), claim(3, 5, 2, 1)], &[(0, 5)]);
        assert_eq!(got, vec![Piece { start: 0, end: 5, owner: Some(0) }]);
    }

    #[test]
    fn offsets_are_characters_and_a_lone_cr_ends_a_line() {
        let text = "\u{e9} \u{fc}\r\r\u{df}";
        let got = resolve(text, &[claim(2, 6, 1, 1)], &[(0, 3), (5, 6)]);
        assert_eq!(got, vec![Piece { start: 0, end: 1, owner: None }, Piece { start: 2, end: 3, owner: Some(0) },
                             Piece { start: 5, end: 6, owner: Some(0) }]);
    }
}
