//! Fuzzy matching: how alike a typed key is to a glossary key, and the
//! entries ranked by it. Tuned by the table in `tests/cli/fuzzy.rs`.
//!
//! Ranking scans a compact table of [`Probe`]s (each key's letters as a bit
//! set, and its length) and scores only the keys that could reach the floor,
//! so a miss costs little even in a glossary of tens of thousands of terms.

use strsim::osa_distance;

use crate::glossary::Glossary;
use crate::index::Probe;
use crate::normalize::compact;

/// Below this, a candidate is not worth suggesting.
pub const SUGGEST_FLOOR: f64 = 0.55;
/// At or above this, the best candidate is good enough to show...
pub const RESOLVE_FLOOR: f64 = 0.80;
/// ...if it leads the next entry by at least this much.
pub const RESOLVE_MARGIN: f64 = 0.06;

/// The score of a key with an `s` added: as good as one slip in a long word.
const PLURAL: f64 = 0.95;

/// The length below which one edit costs no more than in a word this long.
const SHORT: usize = 5;

/// A normalised query, with what every comparison needs computed once.
struct Query<'a> {
    key: &'a str,
    compact: String,
    sorted: Option<String>,
    probe: Probe,
}

impl<'a> Query<'a> {
    fn new(key: &'a str) -> Query<'a> {
        Query {
            key,
            compact: compact(key),
            sorted: key.contains('-').then(|| sorted_words(key)),
            probe: Probe::new(0, key),
        }
    }

    /// Whether `probe`'s key could score `floor` or more: every edit-distance
    /// score needs the lengths close and few of the query's letters missing;
    /// a prefix or suffix needs them all present in a longer key.
    fn may_reach(&self, probe: &Probe, floor: f64) -> bool {
        let (q, k) = (usize::from(self.probe.len), usize::from(probe.len));
        let missing = (self.probe.mask & !probe.mask).count_ones() as usize;
        if missing == 0 && q >= 3 && q < k {
            return true;
        }
        let slack = (1.0 - floor) * q.max(k).max(SHORT) as f64;
        q.abs_diff(k) as f64 <= slack && missing as f64 <= slack
    }

    /// How alike the query is to `key`, from 0 to 1: the best of an
    /// edit-distance score on the compact forms and on the words sorted,
    /// and a score for a whole-word prefix or suffix (`back-end` of
    /// `back-end-developer`). An English plural of a key (`apis`) scores
    /// [`PLURAL`].
    fn similarity(&self, key: &str) -> f64 {
        if self.key.strip_suffix('s') == Some(key) {
            return PLURAL;
        }
        let kc = compact(key);
        let mut best = alike(&self.compact, &kc);
        if let Some(sorted) = &self.sorted {
            if key.contains('-') {
                best = best.max(alike(sorted, &sorted_words(key)));
            }
        }
        let (qn, kn) = (self.compact.chars().count(), kc.chars().count());
        if qn >= 3 && qn < kn && (is_word_prefix(self.key, key) || is_word_suffix(self.key, key)) {
            best = best.max(0.7 + 0.3 * qn as f64 / kn as f64);
        }
        best
    }
}

/// How alike two normalised keys are, from 0 (nothing shared) to 1 (equal).
pub fn similarity(query: &str, key: &str) -> f64 {
    Query::new(query).similarity(key)
}

/// Edit-distance similarity, with short keys measured as if they had
/// [`SHORT`] characters: one slip in `gti` still points at `git`, but two
/// in a three-letter word do not.
fn alike(a: &str, b: &str) -> f64 {
    let len = a.chars().count().max(b.chars().count()).max(SHORT);
    1.0 - osa_distance(a, b) as f64 / len as f64
}

/// The words of a key sorted and joined without hyphens, so that swapped
/// words compare equal.
fn sorted_words(key: &str) -> String {
    let mut words: Vec<&str> = key.split('-').collect();
    words.sort_unstable();
    words.concat()
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
    let query = Query::new(query);
    let mut best: Vec<(usize, f64)> = Vec::new();
    for probe in glossary.probes() {
        if !query.may_reach(&probe, floor) {
            continue;
        }
        let (key, entry) = glossary.key(probe.key as usize);
        let score = query.similarity(key);
        if score < floor {
            continue;
        }
        match best.iter_mut().find(|(e, _)| *e == entry) {
            Some(slot) => slot.1 = slot.1.max(score),
            None => best.push((entry, score)),
        }
    }
    best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    best
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

    #[test]
    fn the_scan_never_skips_a_key_that_would_reach_the_floor() {
        // Every pair of built-in keys: the cheap test must let through every
        // key whose real score reaches the floor.
        let glossary = Glossary::built_in();
        let keys: Vec<String> = glossary.keys().map(|k| k.key.into_owned()).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let typos = [
            "bakend-developer",
            "pyhton",
            "gti",
            "sql-injecton",
            "developer",
            "web",
            "apis",
        ];
        for query in keys.iter().step_by(7).copied().chain(typos) {
            let q = Query::new(query);
            for (i, key) in keys.iter().enumerate() {
                let probe = Probe::new(i as u32, key);
                if q.similarity(key) >= SUGGEST_FLOOR {
                    assert!(
                        q.may_reach(&probe, SUGGEST_FLOOR),
                        "{query} would skip {key}"
                    );
                }
            }
        }
    }
}
