//! Snippets: a line of a hit's own text around the first word that
//! matched, with every matching word in it marked, built only for the hits
//! that are printed. A word matches when it is one of the written forms the
//! index keeps for the terms the search matched: no stemming at run time.

use std::collections::HashSet;
use std::ops::Range;

use crate::fields::Field;
use crate::glossary::Glossary;
use crate::model::Lang;
use crate::normalize::{normalize, word_ranges};

/// The longest snippet, in characters.
pub const LENGTH: usize = 80;
/// Words of context kept before the first match.
const BEFORE: usize = 3;

/// An excerpt on one line, and the byte ranges in it of matching words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// The snippet of the entry at position `entry` for a hit that matched
/// `terms` (of the entry's own store): from the
/// first text (definition, then body) with a matching word, or the start of
/// the definition when only names matched.
pub fn snippet(glossary: &Glossary, entry: usize, lang: Lang, terms: &[u32]) -> Snippet {
    let (store, local) = glossary.locate(entry);
    let index = glossary.index(store, lang);
    let texts = glossary.texts(entry, lang);
    // The words as written that match: a snippet reads no stems.
    let forms: HashSet<&str> = terms.iter().flat_map(|&t| index.forms(t)).collect();
    let matches = |word: &str| forms.contains(normalize(word).as_str());
    // Where only names matched, no text needs reading.
    let entry_id = u32::try_from(local).unwrap_or(u32::MAX);
    let in_text = terms.iter().any(|&t| {
        index.posting(t, entry_id).is_some_and(|p| {
            p.counts[Field::Definition as usize] + p.counts[Field::Body as usize] > 0
        })
    });
    for (_, text) in texts.iter().filter(|_| in_text) {
        // Word ranges up to the first match, and enough after it for a
        // snippet: the rest of the text is never looked at.
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let mut first = None;
        for range in word_ranges(text) {
            if first.is_none() && matches(&text[range.clone()]) {
                first = Some(ranges.len());
            }
            ranges.push(range);
            if first.is_some_and(|f| ranges.len() > f + LENGTH / 2) {
                break;
            }
        }
        if let Some(first) = first {
            return excerpt(text, &ranges, first.saturating_sub(BEFORE), &matches);
        }
    }
    let definition = texts.first().map_or("", |(_, text)| text);
    let ranges: Vec<Range<usize>> = word_ranges(definition).take(LENGTH / 2).collect();
    excerpt(definition, &ranges, 0, &|_: &str| false)
}

/// About [`LENGTH`] characters of `text` from word `from` on, words joined
/// by single spaces, with `…` where text was cut, and the matching words
/// marked.
fn excerpt(
    text: &str,
    ranges: &[Range<usize>],
    from: usize,
    matches: &dyn Fn(&str) -> bool,
) -> Snippet {
    let mut out = Snippet::default();
    let Some(start) = ranges.get(from).map(|r| r.start) else {
        return out;
    };
    if from > 0 {
        out.text.push('…');
    }
    let rest = &text[start..];
    let mut used = 0;
    let mut cursor = start;
    // The word ranges, met in order as the pieces are.
    let mut next = from;
    for piece in rest.split_whitespace() {
        let len = piece.chars().count();
        if used > 0 && used + 1 + len > LENGTH {
            out.text.push('…');
            break;
        }
        if used > 0 {
            out.text.push(' ');
            used += 1;
        }
        // Where this piece lies in `text`, to find the words inside it.
        let at = cursor + text[cursor..].find(piece).unwrap_or(0);
        cursor = at + piece.len();
        let base = out.text.len();
        out.text.push_str(piece);
        while let Some(range) = ranges.get(next).filter(|r| r.end <= cursor) {
            if range.start >= at && matches(&text[range.clone()]) {
                out.marks
                    .push(base + range.start - at..base + range.end - at);
            }
            next += 1;
        }
        used += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, from: usize, marked: &[&str]) -> Snippet {
        let ranges: Vec<Range<usize>> = word_ranges(text).collect();
        excerpt(text, &ranges, from, &|w: &str| marked.contains(&w))
    }

    fn marked(s: &Snippet) -> Vec<&str> {
        s.marks.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn a_match_at_the_start_is_marked_without_an_ellipsis() {
        let s = cut("Keamanan website dijaga.", 0, &["Keamanan"]);
        assert_eq!(s.text, "Keamanan website dijaga.");
        assert_eq!(marked(&s), ["Keamanan"]);
    }

    #[test]
    fn a_match_at_the_end_keeps_its_context_and_an_ellipsis() {
        let text = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh.";
        let s = cut(text, 6, &["sepuluh"]);
        assert!(s.text.starts_with("…tujuh"), "{}", s.text);
        assert!(s.text.ends_with("sepuluh."), "{}", s.text);
        assert_eq!(marked(&s), ["sepuluh"]);
    }

    #[test]
    fn a_line_break_becomes_a_space() {
        let s = cut("perayapan\nhalaman oleh crawler", 0, &["crawler"]);
        assert_eq!(s.text, "perayapan halaman oleh crawler");
        assert_eq!(marked(&s), ["crawler"]);
    }

    #[test]
    fn a_word_with_diacritics_is_marked_whole() {
        let s = cut("Une crème brûlée de données.", 0, &["données", "brûlée"]);
        assert_eq!(marked(&s), ["brûlée", "données"]);
    }

    #[test]
    fn a_long_text_is_cut_on_a_word_boundary() {
        let text = "kata ".repeat(100);
        let s = cut(&text, 0, &[]);
        assert!(s.text.chars().count() <= LENGTH + 1, "{}", s.text);
        assert!(s.text.ends_with("kata…"), "{}", s.text);
    }
}
