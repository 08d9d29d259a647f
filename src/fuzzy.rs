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
        if qn >= 3
            && qn < kn
            && (self.is_word_prefix(key, &kc) || is_word_suffix(&self.compact, key, &kc))
        {
            best = best.max(0.7 + 0.3 * qn as f64 / kn as f64);
        }
        best
    }

    /// Whether the query's words start the key's, the last one possibly cut
    /// short when the query has several words (`back-end-dev`), compared
    /// without hyphens so `backend` starts `back-end-developer`.
    fn is_word_prefix(&self, key: &str, key_compact: &str) -> bool {
        if !key_compact.starts_with(&self.compact) {
            return false;
        }
        if self.key.contains('-') {
            return true;
        }
        // The prefix must end where a word of the key ends.
        let mut seen = 0;
        let mut chars = key.chars().peekable();
        while seen < self.compact.len() {
            match chars.next() {
                Some('-') => {}
                Some(c) => seen += c.len_utf8(),
                None => return true,
            }
        }
        matches!(chars.peek(), None | Some('-'))
    }
}

/// What a key must have to score a floor against a query, whatever the
/// order of its letters. Every edit-distance score needs an edit for each
/// character one key has and the other lacks, and for each character of
/// difference in length; a whole-word prefix or suffix needs every character
/// of the query in a longer key; a plural, one `s` more.
struct Bounds {
    query_len: usize,
    /// Per key length: the edits a close key may differ by, or [`FAR`] when
    /// the lengths alone differ by more.
    edits: [u32; 256],
    /// Per key length: whether a prefix or suffix could reach the floor.
    affix: [bool; 256],
}

/// No edit budget: the lengths are too far apart.
const FAR: u32 = u32::MAX;

impl Bounds {
    fn new(query: &Probe, floor: f64) -> Bounds {
        let q = usize::from(query.len);
        let mut edits = [FAR; 256];
        let mut affix = [false; 256];
        for k in 0..256 {
            let slack = ((1.0 - floor) * q.max(k).max(SHORT) as f64 + 1e-9) as u32;
            if q.abs_diff(k) as u32 <= slack {
                edits[k] = slack;
            }
            affix[k] = affix_may_reach(q, k, floor);
        }
        Bounds {
            query_len: q,
            edits,
            affix,
        }
    }

    /// The test on which letters a key has: one popcount or two.
    fn letters_allow(&self, query: &Probe, mask: u32, len: u8) -> bool {
        let k = usize::from(len);
        let edits = self.edits[k];
        let missing = (query.mask & !mask).count_ones();
        // Every route needs few of the query's letters missing: none for an
        // affix, one for a plural, `edits` for a close key.
        if missing > 1 && (edits == FAR || missing > edits) {
            return false;
        }
        let extra = (mask & !query.mask).count_ones();
        (edits != FAR && missing.max(extra) <= edits)
            || (self.query_len == k + 1 && missing <= 1 && extra == 0)
            || (missing == 0 && self.affix[k])
    }

    /// The same bounds with each letter counted.
    fn counts_allow(&self, query: &Probe, probe: &Probe) -> bool {
        let k = usize::from(probe.len);
        let edits = self.edits[k];
        let (more, fewer) = query.excess(probe);
        (edits != FAR && more.max(fewer) <= edits)
            || (self.query_len == k + 1 && more <= 1)
            || (more == 0 && self.affix[k])
    }

    fn allows(&self, query: &Probe, probe: &Probe) -> bool {
        self.letters_allow(query, probe.mask, probe.len) && self.counts_allow(query, probe)
    }
}

/// Whether a whole-word prefix or suffix of `q` characters in a key of `k`
/// could score `floor`.
fn affix_may_reach(q: usize, k: usize, floor: f64) -> bool {
    q >= 3 && q < k && 0.7 + 0.3 * q as f64 / k as f64 >= floor
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

/// Whether the query's words end the key's (`end-developer`).
fn is_word_suffix(query_compact: &str, key: &str, key_compact: &str) -> bool {
    if !key_compact.ends_with(query_compact) {
        return false;
    }
    // The suffix must start where a word of the key starts.
    let mut seen = 0;
    let mut chars = key.chars().rev().peekable();
    while seen < query_compact.len() {
        match chars.next() {
            Some('-') => {}
            Some(c) => seen += c.len_utf8(),
            None => return true,
        }
    }
    matches!(chars.peek(), None | Some('-'))
}

/// Fuzzy matching of one query against a glossary: the scan finds, once,
/// the keys that could reach the lowest floor; ranking scores only those.
pub struct Matcher<'g> {
    glossary: &'g Glossary,
    query: Query<'g>,
    candidates: Vec<Probe>,
}

impl<'g> Matcher<'g> {
    /// Scans every probe for keys that could score `floor` or more.
    pub fn new(glossary: &'g Glossary, query: &'g str, floor: f64) -> Matcher<'g> {
        let query = Query::new(query);
        let bounds = Bounds::new(&query.probe, floor);
        let mut candidates = Vec::new();
        for (i, (mask, len)) in glossary.probe_scan().enumerate() {
            // Letters first, from the scan table; counts only for the few
            // keys that pass.
            if !bounds.letters_allow(&query.probe, mask, len) {
                continue;
            }
            let probe = glossary.probe(i);
            if bounds.counts_allow(&query.probe, &probe) {
                candidates.push(probe);
            }
        }
        Matcher {
            glossary,
            query,
            candidates,
        }
    }

    /// Each entry's best similarity at or above `floor` (no lower than the
    /// scan's), best first, ties by slug.
    pub fn rank(&self, floor: f64) -> Vec<(usize, f64)> {
        let mut best: Vec<(usize, f64)> = Vec::new();
        let bounds = Bounds::new(&self.query.probe, floor);
        for probe in self
            .candidates
            .iter()
            .filter(|p| bounds.allows(&self.query.probe, p))
        {
            let (key, entry) = self.glossary.key(probe.key as usize);
            let score = self.query.similarity(key);
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
}

/// Each entry's best similarity to `query` at or above `floor`, best first
/// (ties by slug).
pub fn rank(glossary: &Glossary, query: &str, floor: f64) -> Vec<(usize, f64)> {
    Matcher::new(glossary, query, floor).rank(floor)
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
    fn a_swap_of_neighbours_is_one_slip() {
        assert_eq!(similarity("pyhton", "python"), 1.0 - 1.0 / 6.0);
        assert_eq!(similarity("gti", "git"), 1.0 - 1.0 / 5.0);
    }

    #[test]
    fn unrelated_keys_score_low() {
        assert!(similarity("qwertyuiop", "back-end-developer") < SUGGEST_FLOOR);
    }

    #[test]
    fn the_scan_never_skips_a_key_that_would_reach_either_floor() {
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
                let score = q.similarity(key);
                for floor in [SUGGEST_FLOOR, RESOLVE_FLOOR - RESOLVE_MARGIN] {
                    if score >= floor {
                        let bounds = Bounds::new(&q.probe, floor);
                        assert!(
                            bounds.allows(&q.probe, &probe),
                            "{query} would skip {key} at {floor}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ranking_equals_scoring_every_key() {
        let glossary = Glossary::built_in();
        let keys: Vec<(String, usize)> = glossary
            .keys()
            .filter(|k| !k.compact)
            .map(|k| (k.key.into_owned(), k.entry as usize))
            .collect();
        for query in [
            "bakend-developer",
            "pyhton",
            "gti",
            "end-developer",
            "robots",
            "apis",
            "qwerty",
            "seo-spesialis",
        ] {
            for floor in [SUGGEST_FLOOR, RESOLVE_FLOOR - RESOLVE_MARGIN] {
                let mut want: Vec<(usize, f64)> = Vec::new();
                for (key, entry) in &keys {
                    let score = similarity(query, key);
                    if score < floor {
                        continue;
                    }
                    match want.iter_mut().find(|(e, _)| e == entry) {
                        Some(slot) => slot.1 = slot.1.max(score),
                        None => want.push((*entry, score)),
                    }
                }
                want.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                assert_eq!(rank(&glossary, query, floor), want, "{query} at {floor}");
            }
        }
    }
}
