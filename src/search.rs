//! Full-text search over one language of the glossary: every query word must
//! start a word somewhere in the entry; hits in names outrank hits in the
//! body. Reads the store's search index, so it costs the same whether the
//! glossary has a hundred terms or fifteen thousand.

use std::collections::HashMap;

use crate::fields::{DEFINITION, NAME};
use crate::glossary::Glossary;
use crate::model::Lang;
use crate::normalize::{normalize, word_ranges, word_starts_with};

/// A search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: usize,
    pub score: u32,
    pub snippet: String,
}

/// Extra for the whole query being a name of the entry.
const WHOLE_NAME: u32 = 100;
/// Occurrences count up to one less than this, below any difference in weight.
const OCCURRENCES: u32 = 16;
/// The longest snippet, in characters.
const SNIPPET: usize = 80;

/// What one entry has scored so far.
struct Tally {
    /// Per wanted word, the best points: the field's weight, doubled when
    /// the word is whole rather than a prefix.
    best: Vec<u32>,
    occurrences: u32,
}

/// The entries that contain every word of `query`, best first.
pub fn search(glossary: &Glossary, query: &str, lang: Lang) -> Vec<Hit> {
    let key = normalize(query);
    let mut wanted: Vec<&str> = key.split('-').filter(|w| !w.is_empty()).collect();
    wanted.sort_unstable();
    wanted.dedup();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut tallies: HashMap<u32, Tally> = HashMap::new();
    for (n, want) in wanted.iter().enumerate() {
        for (word, postings) in glossary.store().words_with_prefix(lang, want) {
            let whole = word == *want;
            for p in postings {
                // After the first word, only entries that had every earlier one.
                if n > 0 && !tallies.contains_key(&p.entry) {
                    continue;
                }
                let tally = tallies.entry(p.entry).or_insert_with(|| Tally {
                    best: vec![0; wanted.len()],
                    occurrences: 0,
                });
                let points = if whole { p.weight * 2 } else { p.weight };
                tally.best[n] = tally.best[n].max(points);
                tally.occurrences += p.occurrences;
            }
        }
        tallies.retain(|_, t| t.best[n] > 0);
    }
    let whole = glossary
        .exact(&key)
        .filter(|targets| targets.len() == 1)
        .map(|targets| targets[0].entry as usize);
    let mut hits: Vec<(usize, u32)> = tallies
        .into_iter()
        .map(|(entry, t)| {
            let entry = entry as usize;
            let mut score =
                t.best.iter().sum::<u32>() * OCCURRENCES + t.occurrences.min(OCCURRENCES - 1);
            if whole == Some(entry) {
                score += WHOLE_NAME;
            }
            (entry, score)
        })
        .collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.into_iter()
        .map(|(entry, score)| Hit {
            entry,
            score,
            snippet: snippet(glossary, entry, &wanted, lang),
        })
        .collect()
}

/// An excerpt of the first body text where a wanted word starts a word, or
/// the start of the definition when only names matched. Reads the texts
/// from the store, without decoding the entry.
fn snippet(glossary: &Glossary, entry: usize, wanted: &[&str], lang: Lang) -> String {
    let texts = glossary.store().texts(entry, lang);
    for &(weight, text) in &texts {
        if weight == NAME {
            continue;
        }
        for range in word_ranges(text) {
            if wanted
                .iter()
                .any(|w| word_starts_with(&text[range.clone()], w))
            {
                return excerpt(text, range.start);
            }
        }
    }
    let definition = texts.iter().find(|(weight, _)| *weight == DEFINITION);
    excerpt(definition.map_or("", |(_, text)| text), 0)
}

/// About [`SNIPPET`] characters of `text` on one line, starting a little
/// before byte `at`, on word boundaries, with `…` where text was cut.
fn excerpt(text: &str, at: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // `at` is a byte offset in `text`; find the same word in the flattened copy.
    let skipped_words = text[..at].split_whitespace().count();
    let mut start_words = skipped_words.saturating_sub(3);
    if text[..at].ends_with(|c: char| !c.is_whitespace()) && skipped_words > 0 {
        start_words = start_words.min(skipped_words - 1);
    }
    let all: Vec<&str> = flat.split(' ').collect();
    let mut out = String::new();
    if start_words > 0 {
        out.push('…');
    }
    let mut used = 0;
    for (n, word) in all.iter().enumerate().skip(start_words) {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > SNIPPET {
            out.push('…');
            break;
        }
        if used > 0 {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += len;
        if n + 1 == all.len() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::fields;
    use crate::normalize::words;

    #[test]
    fn excerpt_starts_near_the_match_and_marks_cuts() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let at = text.find("seven").unwrap_or(0);
        let got = excerpt(text, at);
        assert!(got.starts_with("…four five six seven"), "{got}");
    }

    #[test]
    fn excerpt_of_a_short_text_is_the_text() {
        assert_eq!(excerpt("short  text\nhere", 0), "short text here");
    }

    #[test]
    fn excerpt_is_bounded() {
        let text = "word ".repeat(200);
        assert!(excerpt(&text, 500).chars().count() <= SNIPPET + 2);
    }

    #[test]
    fn every_query_word_must_match() {
        let g = Glossary::built_in();
        let both = search(&g, "prepared statement", Lang::En);
        let one = search(&g, "prepared", Lang::En);
        assert!(!both.is_empty() && both.len() <= one.len());
        for hit in &both {
            let entry = g.entry(hit.entry);
            let text: Vec<String> = fields(&entry, Lang::En)
                .iter()
                .flat_map(|(_, t)| words(t).map(|(_, w)| w).collect::<Vec<_>>())
                .collect();
            assert!(
                text.iter().any(|w| w.starts_with("statement")),
                "{}",
                entry.slug
            );
        }
    }

    #[test]
    fn a_name_match_outranks_a_body_match() {
        let g = Glossary::built_in();
        let hits = search(&g, "git", Lang::Id);
        assert_eq!(g.slug(hits[0].entry), "git");
        assert!(hits.len() > 1);
    }
}
