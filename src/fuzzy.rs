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

    /// Whether a key with these letters and this length could score
    /// `floor` or more. Every edit-distance score needs an edit for each
    /// letter one key has and the other lacks, and for each character of
    /// difference in length; a prefix or suffix needs all the query's
    /// letters in a longer key; a plural, one `s` more.
    fn passes_scan(&self, mask: u32, len: u8, floor: f64) -> bool {
        let (q, k) = (usize::from(self.probe.len), usize::from(len));
        let slack = (1.0 - floor) * q.max(k).max(SHORT) as f64;
        let missing = (self.probe.mask & !mask).count_ones();
        let extra = (mask & !self.probe.mask).count_ones();
        (missing.max(extra) as f64 <= slack && q.abs_diff(k) as f64 <= slack)
            || (missing == 0 && affix_may_reach(q, k, floor))
            || (q == k + 1 && missing <= 1 && extra == 0)
    }

    /// [`Query::passes_scan`], then the same bounds with letters counted:
    /// an edit-distance score needs an edit for each character one key has
    /// more of than the other.
    fn may_reach(&self, probe: &Probe, floor: f64) -> bool {
        if !self.passes_scan(probe.mask, probe.len, floor) {
            return false;
        }
        let (q, k) = (usize::from(self.probe.len), usize::from(probe.len));
        let slack = (1.0 - floor) * q.max(k).max(SHORT) as f64;
        let (more, fewer) = self.probe.excess(probe);
        (more.max(fewer) as f64) <= slack
            || (more == 0 && affix_may_reach(q, k, floor))
            || (q == k + 1 && more <= 1)
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
        let q = usize::from(query.probe.len);
        // Per key length, the edits a score of `floor` allows, and whether
        // a prefix or suffix of the query could reach it.
        // Per key length: the edits a close key may differ by (`FAR` when
        // the lengths alone differ by more), and whether a prefix or suffix
        // of the query could reach the floor.
        const FAR: u32 = u32::MAX;
        let mut edits = [FAR; 256];
        let mut affix = [false; 256];
        for k in 0..256 {
            let slack = ((1.0 - floor) * q.max(k).max(SHORT) as f64 + 1e-9) as u32;
            if q.abs_diff(k) as u32 <= slack {
                edits[k] = slack;
            }
            affix[k] = affix_may_reach(q, k, floor);
        }
        let mut candidates = Vec::new();
        for (i, (mask, len)) in glossary.probe_scan().enumerate() {
            // The bounds of `Query::may_reach`, in integers: first on which
            // letters there are, then on how many of each. Every route
            // needs few of the query's letters missing: none for a prefix,
            // one for a plural, `edits` for a close key.
            let k = usize::from(len);
            let missing = (query.probe.mask & !mask).count_ones();
            if missing > 1 && (edits[k] == FAR || missing > edits[k]) {
                continue;
            }
            let extra = (mask & !query.probe.mask).count_ones();
            let close = edits[k] != FAR && missing.max(extra) <= edits[k];
            let plural = q == k + 1 && missing <= 1 && extra == 0;
            if !(close || plural || (missing == 0 && affix[k])) {
                continue;
            }
            let counts = glossary.probe_counts(i);
            let (more, fewer) = query.probe.excess(&Probe {
                key: 0,
                mask,
                counts,
                len,
            });
            let close = edits[k] != FAR && more.max(fewer) <= edits[k];
            let plural = q == k + 1 && more <= 1;
            if close || plural || (more == 0 && affix[k]) {
                candidates.push(glossary.probe(i));
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
        for probe in self
            .candidates
            .iter()
            .filter(|p| self.query.may_reach(p, floor))
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
                if q.similarity(key) >= SUGGEST_FLOOR {
                    assert!(
                        q.may_reach(&probe, SUGGEST_FLOOR),
                        "{query} would skip {key}"
                    );
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
