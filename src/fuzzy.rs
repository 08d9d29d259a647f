//! Fuzzy matching: how alike a typed key is to a glossary key, and the
//! entries ranked by it. Tuned by the table in `tests/cli/fuzzy.rs`.

use strsim::damerau_levenshtein;

use crate::glossary::Glossary;
use crate::normalize::compact;

/// Below this, a candidate is not worth suggesting.
pub const SUGGEST_FLOOR: f64 = 0.55;
/// At or above this, the best candidate is good enough to show...
pub const RESOLVE_FLOOR: f64 = 0.80;
/// ...if it leads the next entry by at least this much.
pub const RESOLVE_MARGIN: f64 = 0.06;

/// How alike two normalised keys are, from 0 (nothing shared) to 1 (equal):
/// the best of an edit-distance score on the keys, on their compact forms
/// and on their words sorted, and a score for a whole-word prefix or suffix
/// (`back-end` of `back-end-developer`). An English plural of a key
/// (`apis`) scores [`PLURAL`].
pub fn similarity(query: &str, key: &str) -> f64 {
    if query.strip_suffix('s') == Some(key) {
        return PLURAL;
    }
    let qc = compact(query);
    let kc = compact(key);
    let mut best = alike(query, key).max(alike(&qc, &kc));
    if query.contains('-') || key.contains('-') {
        best = best.max(alike(&sorted_words(query), &sorted_words(key)));
    }
    let (qn, kn) = (qc.chars().count(), kc.chars().count());
    if qn >= 3 && qn < kn && (is_word_prefix(query, key) || is_word_suffix(query, key)) {
        best = best.max(0.7 + 0.3 * qn as f64 / kn as f64);
    }
    best
}

/// Edit-distance similarity, with short keys measured as if they had
/// [`SHORT`] characters: one slip in `gti` still points at `git`, but two
/// in a three-letter word do not.
fn alike(a: &str, b: &str) -> f64 {
    let len = a.chars().count().max(b.chars().count()).max(SHORT);
    1.0 - damerau_levenshtein(a, b) as f64 / len as f64
}

/// The score of a key with an `s` added: as good as one slip in a long word.
const PLURAL: f64 = 0.95;

/// The length below which one edit costs no more than in a word this long.
const SHORT: usize = 5;

fn sorted_words(key: &str) -> String {
    let mut words: Vec<&str> = key.split('-').collect();
    words.sort_unstable();
    words.join("-")
}

/// Whether the query's words start the key's, the last one possibly cut
/// short when the query has several words (`back-end-dev`), compared
/// without hyphens so `backend` starts `back-end-developer`.
fn is_word_prefix(query: &str, key: &str) -> bool {
    let qc = compact(query);
    let mut joined = String::new();
    for word in key.split('-') {
        joined.push_str(word);
        if joined == qc {
            return true;
        }
        if joined.len() > qc.len() {
            return query.contains('-') && joined.starts_with(&qc);
        }
    }
    false
}

/// Whether the query's words end the key's (`end-developer`).
fn is_word_suffix(query: &str, key: &str) -> bool {
    let qc = compact(query);
    let mut joined = String::new();
    for word in key.rsplit('-') {
        joined.insert_str(0, word);
        if joined == qc {
            return true;
        }
        if joined.len() > qc.len() {
            return false;
        }
    }
    false
}

/// Each entry's best similarity to `query` at or above `floor`, best first
/// (ties by slug).
pub fn rank(glossary: &Glossary, query: &str, floor: f64) -> Vec<(usize, f64)> {
    let mut best = vec![0.0_f64; glossary.entries().len()];
    for key in glossary.keys() {
        let score = similarity(query, &key.key);
        let slot = &mut best[key.entry as usize];
        if score > *slot {
            *slot = score;
        }
    }
    let mut ranked: Vec<(usize, f64)> = best
        .into_iter()
        .enumerate()
        .filter(|&(_, score)| score >= floor)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_score_one() {
        assert_eq!(similarity("git", "git"), 1.0);
    }

    #[test]
    fn hyphens_do_not_count_against_a_match() {
        assert!(similarity("backend-developer", "back-end-developer") > 0.99);
    }

    #[test]
    fn swapped_words_match() {
        assert!(similarity("developer-back-end", "back-end-developer") > 0.99);
    }

    #[test]
    fn whole_word_prefixes_and_suffixes_score_well() {
        assert!(similarity("back-end", "back-end-developer") >= RESOLVE_FLOOR);
        assert!(similarity("end-developer", "back-end-developer") >= RESOLVE_FLOOR);
        assert!(similarity("back-end-dev", "back-end-developer") >= RESOLVE_FLOOR);
    }

    #[test]
    fn part_of_one_word_is_not_a_prefix() {
        // `java` is not JavaScript.
        assert!(similarity("java", "javascript") < RESOLVE_FLOOR);
    }

    #[test]
    fn a_plural_is_close_but_not_equal() {
        assert_eq!(similarity("apis", "api"), PLURAL);
        assert!(similarity("api", "apis") < PLURAL);
    }

    #[test]
    fn unrelated_keys_score_low() {
        assert!(similarity("qwertyuiop", "back-end-developer") < SUGGEST_FLOOR);
    }
}
