//! Fuzzy matching: when a query that names no key is plainly a slip of one
//! key, and which keys are worth suggesting when it is not. Precision comes
//! first: a wrong entry shown with confidence is worse than a list.
//!
//! A slip of the whole key resolves, within a budget set by the length of
//! the query, as the best search engines set it: none up to four letters
//! (`cpm` is not `cpc`); from five to seven, one dropped, added or swapped
//! letter but no changed one (a changed letter in a short word usually
//! makes another word: `reach` is not `react`); one of any kind at eight;
//! from nine, two, at most one of them a changed letter. Keys whose digits
//! differ never resolve to each other (`302` is not `301`), and a slip in
//! the first letter counts twice. A query that is
//! only some of a key's words is suggested, never resolved (`authentication`
//! is not two-factor authentication), but every word typed in full with the
//! last one cut short is the key (`back end dev`). A word the glossary's
//! own text uses is taken as that word, not as a slip (`reach`).
//!
//! Candidates come from the fst of keys walked by an edit-distance
//! automaton, and from the fst of their words, so a query costs about the
//! same whatever the size of the glossary.

use std::cell::RefCell;
use std::collections::BTreeMap;

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};

use crate::distance::{Within, edits, edits_without_changes};
use crate::glossary::Glossary;
use crate::keys::Target;
use crate::normalize::compact;

/// The most suggestions a miss offers.
pub const MAX_SUGGESTIONS: usize = 5;

/// The lowest score of a suggestion: a key sharing a word, barely.
pub const SUGGEST_FLOOR: f64 = 0.45;

/// A key found near the query: its text, its store and its row there.
type NearKey = (String, usize, u64);

/// A walk of the keys: its edit budget, whether it kept only keys that
/// start as the query does, and the keys (compact) it found.
type Walk = (u8, bool, Vec<NearKey>);

/// A normalised query, with what every comparison needs computed once.
pub struct Query<'a> {
    /// The query with its hyphens: `back-end-dev`.
    key: &'a str,
    compact: String,
    words: Vec<&'a str>,
    digits: String,
    /// The walks of the keys made so far, by edit budget, and what each
    /// found.
    walked: RefCell<Vec<Walk>>,
}

impl<'a> Query<'a> {
    pub fn new(key: &'a str) -> Query<'a> {
        Query {
            key,
            compact: compact(key),
            words: key.split('-').filter(|w| !w.is_empty()).collect(),
            digits: digits(key),
            walked: RefCell::new(Vec::new()),
        }
    }

    /// The compact keys within `limit` edits of the query, in every store;
    /// with `same_start`, only those that start as the query does. Walks
    /// are kept, so that resolving and then suggesting walk once.
    fn near(&self, glossary: &Glossary, limit: u8, same_start: bool) -> Vec<NearKey> {
        let mut walked = self.walked.borrow_mut();
        let kept = walked
            .iter()
            .find(|(l, s, _)| *l == limit && (*s == same_start || !*s))
            .map(|(_, s, keys)| (*s, keys.clone()));
        if let Some((kept_same_start, keys)) = kept {
            let first = self.compact.as_bytes().first();
            return keys
                .into_iter()
                .filter(|(key, _, _)| {
                    !same_start || kept_same_start || key.as_bytes().first() == first
                })
                .collect();
        }
        let mut keys = Vec::new();
        for store in 0..glossary.store_count() {
            let map = glossary.names(store).keys();
            let within = Within::new(self.compact.as_bytes(), limit, true);
            let within = if same_start {
                within.same_start()
            } else {
                within
            };
            let mut stream = map.search(within).into_stream();
            while let Some((key, row)) = stream.next() {
                keys.push((String::from_utf8_lossy(key).into_owned(), store, row));
            }
        }
        walked.push((limit, same_start, keys.clone()));
        keys
    }

    fn letters(&self) -> usize {
        self.compact.chars().count()
    }

    /// The edits by which the query is a slip of the compact key `key`, if
    /// it may resolve to it.
    fn slip_of(&self, key: &str) -> Option<usize> {
        let n = self.letters();
        if n <= 4 || digits(key) != self.digits {
            return None;
        }
        let q = self.compact.as_str();
        // A slip in the first letter counts twice, as Meilisearch counts
        // it: people rarely mistype how a word starts (`ghosting` is not
        // `hosting`).
        let first = usize::from(q.chars().next() != key.chars().next());
        let without_changes = edits_without_changes(q, key) + first;
        let edits = edits(q, key) + first;
        let slip = match n {
            5..=7 => without_changes <= 1,
            8 => edits <= 1,
            _ => edits <= 2 && without_changes <= 3,
        };
        slip.then_some(edits)
    }

    /// The budget of the automaton for slips of the whole key.
    fn resolve_limit(&self) -> u8 {
        match self.letters() {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        }
    }
}

/// The digits of a key, in order: `301-redirect` → `301`.
fn digits(key: &str) -> String {
    key.chars().filter(char::is_ascii_digit).collect()
}

/// The budget for a near spelling worth suggesting, by length.
fn suggest_limit(letters: usize) -> u8 {
    match letters {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// The budget for a word of a key that a query word nearly spells.
fn word_limit(letters: usize) -> u8 {
    match letters {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// The entry a query resolves to, and how alike the two are (0 to 1), if
/// exactly one entry is the closest slip.
pub fn resolve(glossary: &Glossary, query: &Query) -> Option<(usize, f64)> {
    // Per entry: the fewest edits, and the length of the key they reach.
    let mut best: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    let mut consider = |targets: &[Target], edits: usize, len: usize| {
        // A shared name is a tie between its entries.
        for t in targets {
            let slot = best.entry(t.entry).or_insert((usize::MAX, len));
            if edits < slot.0 {
                *slot = (edits, len);
            }
        }
    };
    // The entries (by position) a key of a store names.
    let named = |store: usize, row: u64| {
        glossary.targets(store, &glossary.names(store).targets(row as usize))
    };

    // Slips of the whole key, compared without hyphens. A one-word query
    // that the glossary itself uses as a word (`reach`, `serve`) is that
    // word, not a slip of a key one letter away.
    // One edit first: most slips are one, and then no key two edits away
    // can come as close, so the wider walk is needed only without one.
    let limit = query.resolve_limit();
    let real_word = query.words.len() == 1 && glossary.is_text_word(query.key);
    let mut fewest = usize::MAX;
    for walk in (1..=limit).filter(|_| !real_word) {
        if fewest <= 1 {
            break;
        }
        // Beyond one edit, only keys that start as the query does: a slip
        // in the first letter counts two, so any other is over the budget,
        // and the walk prunes every other branch at once.
        for (key, store, row) in query.near(glossary, walk, walk > 1) {
            // A key the narrower walk weighed comes again: weighing it
            // twice changes nothing.
            if let Some(edits) = query.slip_of(&key) {
                fewest = fewest.min(edits);
                consider(&named(store, row), edits, key.len());
            }
        }
    }

    // Every word typed, the last one cut short: `back-end-dev`.
    if let Some(last) = query
        .words
        .last()
        .filter(|w| w.len() >= 2 && query.words.len() >= 2)
    {
        for store in 0..glossary.store_count() {
            let keys = glossary.names(store).keys();
            let mut stream = keys.search(Str::new(query.key).starts_with()).into_stream();
            while let Some((key, row)) = stream.next() {
                let key = String::from_utf8_lossy(key);
                let parts: Vec<&str> = key.split('-').collect();
                let whole = parts.len() == query.words.len()
                    && parts.last().is_some_and(|p| p.starts_with(last))
                    && digits(&key) == query.digits;
                if whole && key.len() > query.key.len() {
                    consider(&named(store, row), 1, key.len());
                }
            }
        }
    }

    // The same words in another order: `developer back end`.
    if query.words.len() >= 2 {
        let mine = sorted_words(query.key);
        for ((store, row), shared) in shared_words(glossary, query, |_| 0) {
            let key = glossary.names(store).text(row);
            if shared.words == query.words.len()
                && key.split('-').count() == query.words.len()
                && sorted_words(key) == mine
            {
                consider(&named(store, row as u64), 0, key.len());
            }
        }
    }

    // An English plural of a slug: `apis`, `backlinks` (not of an alias:
    // `nodes` are not Node.js).
    if let Some(stem) = query.key.strip_suffix('s').filter(|s| s.len() >= 3) {
        for store in 0..glossary.store_count() {
            if let Some(row) = glossary.names(store).find(stem) {
                let targets = named(store, row as u64);
                if targets.iter().all(|t| t.via == crate::keys::Via::Slug) {
                    consider(&targets, 1, stem.len());
                }
            }
        }
    }

    let lowest = best.values().map(|&(edits, _)| edits).min()?;
    let mut winners = best.iter().filter(|(_, (edits, _))| *edits == lowest);
    let (&entry, &(edits, len)) = winners.next()?;
    if winners.next().is_some() {
        return None;
    }
    let score = 1.0 - edits as f64 / len.max(query.letters()).max(1) as f64;
    Some((entry as usize, score))
}

/// The words of a key sorted and joined without hyphens, so that swapped
/// words compare equal.
fn sorted_words(key: &str) -> String {
    let mut words: Vec<&str> = key.split('-').collect();
    words.sort_unstable();
    words.concat()
}

/// What the words of a query spell of one key: the key's letters they
/// spell (each query word counting the letters of the key word, or two
/// joined neighbours, it nearly spells, less its slips), and how many query
/// words it has exactly.
#[derive(Clone, Copy, Debug, Default)]
struct Shared {
    spelled: f64,
    words: usize,
}

/// Every key (by store and row) with a word within `limit(word length)`
/// edits of a word of the query, and what the query spells of it. Each word of the
/// index is compared once, however many keys share it.
fn shared_words(
    glossary: &Glossary,
    query: &Query,
    limit: impl Fn(usize) -> u8,
) -> BTreeMap<(usize, usize), Shared> {
    let mut total: BTreeMap<(usize, usize), Shared> = BTreeMap::new();
    for store in 0..glossary.store_count() {
        let names = glossary.names(store);
        let words = names.words();
        for word in &query.words {
            let mut best: BTreeMap<usize, (f64, bool)> = BTreeMap::new();
            let within = Within::new(word.as_bytes(), limit(word.len()), false);
            let mut stream = words.search(within).into_stream();
            while let Some((found, posting)) = stream.next() {
                let found = String::from_utf8_lossy(found);
                let edits = edits(word, &found);
                let spelled = found.len().saturating_sub(edits) as f64;
                for row in names.word_rows(posting) {
                    let slot = best.entry(row).or_insert((0.0, false));
                    slot.0 = slot.0.max(spelled);
                    slot.1 |= edits == 0;
                }
            }
            for (row, (spelled, exact)) in best {
                let slot = total.entry((store, row)).or_default();
                slot.spelled += spelled;
                slot.words += usize::from(exact);
            }
        }
    }
    total
}

/// Entries worth suggesting for a query that resolved to nothing, each
/// with a score from 0 to 1, best first (ties by slug), at most
/// [`MAX_SUGGESTIONS`]: keys the query nearly spells, then keys with words
/// the query's words nearly spell. Nonsense gets none.
pub fn suggest(glossary: &Glossary, query: &Query) -> Vec<(usize, f64)> {
    let named =
        |store: usize, row: usize| glossary.targets(store, &glossary.names(store).targets(row));
    let mut best: BTreeMap<u32, f64> = BTreeMap::new();
    let mut consider = |targets: &[Target], score: f64| {
        for t in targets {
            let slot = best.entry(t.entry).or_insert(0.0);
            *slot = slot.max(score);
        }
    };

    let n = query.letters();
    let limit = suggest_limit(n);
    if limit > 0 {
        for (key, store, row) in query.near(glossary, limit, false) {
            let edits = edits(&query.compact, &key);
            let score = 1.0 - edits as f64 / n.max(key.len()) as f64;
            consider(&named(store, row as usize), score);
        }
    }

    // Keys sharing a word: scored by how much of the key the query spells
    // and how much of the query spells the key.
    for ((store, row), shared) in shared_words(glossary, query, word_limit) {
        let key = glossary.names(store).text(row);
        let of_key = shared.spelled / compact(key).len().max(1) as f64;
        let of_query = shared.spelled / n.max(1) as f64;
        let covered = (of_key * of_query).sqrt().min(1.0);
        consider(&named(store, row), SUGGEST_FLOOR + 0.45 * covered);
    }

    let mut ranked: Vec<(usize, f64)> = best.into_iter().map(|(e, s)| (e as usize, s)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(MAX_SUGGESTIONS);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_grows_with_the_length_of_the_query() {
        let slip = |q: &str, k: &str| Query::new(q).slip_of(k);
        assert_eq!(slip("cpm", "cpc"), None, "no slip up to four letters");
        assert_eq!(slip("mysq", "mysql"), None);
        assert_eq!(slip("djano", "django"), Some(1), "a dropped letter at five");
        assert_eq!(slip("ngnix", "nginx"), Some(1), "a swap at five");
        assert_eq!(
            slip("reach", "react"),
            None,
            "no changed letter below eight"
        );
        assert_eq!(slip("hibernat", "hibernate"), Some(1));
        assert_eq!(
            slip("databaze", "database"),
            Some(1),
            "a changed letter at eight"
        );
        assert_eq!(slip("codeigneter", "codeigniter"), Some(1));
        assert_eq!(slip("javascrpt", "javascript"), Some(1));
        assert_eq!(
            slip("terminated", "terminator"),
            None,
            "two changed letters"
        );
        assert_eq!(slip("postgresqll", "postgresql"), Some(1));
        assert_eq!(
            slip("ghosting", "hosting"),
            None,
            "the first letter counts twice"
        );
        assert_eq!(slip("wordpres", "wordpress"), Some(1));
    }

    #[test]
    fn digits_must_agree() {
        let slip = |q: &str, k: &str| Query::new(q).slip_of(k);
        assert_eq!(slip("302redirect", "301redirect"), None);
        assert_eq!(slip("http2", "http3"), None);
        assert_eq!(slip("301redirct", "301redirect"), Some(1));
    }

    #[test]
    fn shared_words_count_the_key_letters_a_query_spells() {
        let g = Glossary::built_in();
        let names = g.names(0);
        let spelled = |query: &str, key: &str| {
            let row = names.find(key).expect("a key of the glossary");
            shared_words(&g, &Query::new(query), word_limit)
                .get(&(0, row))
                .map(|s| s.spelled)
        };
        assert_eq!(
            spelled("authentication", "two-factor-authentication"),
            Some(14.0)
        );
        assert_eq!(spelled("bakend", "back-end-developer"), Some(6.0));
        assert_eq!(spelled("end-developer", "back-end-developer"), Some(12.0));
        assert_eq!(spelled("xylophone", "back-end-developer"), None);
    }
}
