//! Full-text search over one language of the glossary: every query word must
//! start a word somewhere in the entry; hits in names outrank hits in the body.

use crate::glossary::Glossary;
use crate::model::{Entry, Lang};
use crate::normalize::{normalize, words};

/// A search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: usize,
    pub score: u32,
    pub snippet: String,
}

/// How much a match in each kind of field counts.
const NAME: u32 = 10;
const DEFINITION: u32 = 3;
const BODY: u32 = 1;
/// Extra for the whole query being a name of the entry.
const WHOLE_NAME: u32 = 100;
/// Occurrences count up to one less than this, below any difference in weight.
const OCCURRENCES: u32 = 16;
/// The longest snippet, in characters.
const SNIPPET: usize = 80;

/// The entries that contain every word of `query`, best first.
pub fn search(glossary: &Glossary, query: &str, lang: Lang) -> Vec<Hit> {
    let key = normalize(query);
    let mut wanted: Vec<&str> = key.split('-').filter(|w| !w.is_empty()).collect();
    wanted.dedup();
    if wanted.is_empty() {
        return Vec::new();
    }
    let whole = glossary.exact(&key).map(|(entry, _)| entry);
    let mut hits: Vec<Hit> = glossary
        .entries()
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| {
            let mut hit = score(entry, &wanted, lang)?;
            hit.entry = i;
            if whole == Some(i) {
                hit.score += WHOLE_NAME;
            }
            Some(hit)
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
    hits
}

/// The texts of an entry in `lang`, each with its weight, names first.
fn fields(entry: &Entry, lang: Lang) -> Vec<(u32, &str)> {
    let mut out = vec![(NAME, &*entry.slug), (NAME, entry.term.get(lang))];
    out.extend(
        entry
            .aliases
            .iter()
            .flat_map(|l| l.iter())
            .map(|a| (NAME, &**a)),
    );
    out.push((DEFINITION, entry.definition.get(lang)));
    for duty in entry.duties.iter() {
        out.push((BODY, duty.title.get(lang)));
        out.push((BODY, duty.body.get(lang)));
    }
    for group in entry.skills.iter() {
        out.push((BODY, group.group.get(lang)));
        out.extend(group.items.iter().map(|t| (BODY, t.get(lang))));
    }
    for section in entry.sections.iter() {
        out.extend(section.body.iter().map(|t| (BODY, t.get(lang))));
        out.extend(section.items.iter().map(|t| (BODY, t.get(lang))));
    }
    out
}

/// Scores one entry: for each wanted word, the weight of the best field
/// where it starts a word (doubled when it is the whole word); between equal
/// weights, more occurrences rank higher. `None` when a wanted word is
/// missing.
fn score(entry: &Entry, wanted: &[&str], lang: Lang) -> Option<Hit> {
    let fields = fields(entry, lang);
    let mut best = vec![0_u32; wanted.len()];
    let mut occurrences = 0_u32;
    let mut snippet: Option<String> = None;
    for &(weight, text) in &fields {
        for (range, word) in words(text) {
            for (slot, want) in best.iter_mut().zip(wanted) {
                if !word.starts_with(want) {
                    continue;
                }
                occurrences += 1;
                let points = if word == *want { weight * 2 } else { weight };
                *slot = (*slot).max(points);
                if snippet.is_none() && weight < NAME {
                    snippet = Some(excerpt(text, range.start));
                }
            }
        }
    }
    if best.contains(&0) {
        return None;
    }
    Some(Hit {
        entry: 0,
        score: best.iter().sum::<u32>() * OCCURRENCES + occurrences.min(OCCURRENCES - 1),
        snippet: snippet.unwrap_or_else(|| excerpt(entry.definition.get(lang), 0)),
    })
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
}
