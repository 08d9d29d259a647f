//! Edit distances between normalised keys: optimal string alignment (one
//! edit for an inserted, dropped, changed or swapped neighbouring letter),
//! computed for two keys (strsim's, and a variant that counts a change as
//! two), or, as an [`fst::Automaton`], for a query against every key of a
//! sorted index at once, pruning whole branches of keys that can no longer
//! come within the limit.
//!
//! The automaton counts bytes: normalised keys are ASCII but for the rare
//! word in another script, where it then lets fewer keys through, and the
//! distance computed on characters decides.

use fst::Automaton;

/// The longest query the automaton takes; longer ones match nothing.
pub const MAX_QUERY: usize = 32;

/// The optimal-string-alignment distance between `a` and `b`: strsim's.
pub fn edits(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// The same distance when a changed letter costs two (a drop and an add):
/// what counts only dropped, added and swapped letters as single slips.
pub fn edits_without_changes(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let width = b.len() + 1;
    let mut rows = vec![0_usize; width * (a.len() + 1)];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 2 };
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[rows.len() - 1]
}

/// Matches the keys within `limit` edits of a query, in an fst walk.
pub struct Within<'q> {
    query: &'q [u8],
    limit: u8,
    /// Whether a `-` ends the key: a search over compact keys skips the
    /// hyphenated ones, whose compact forms are in the index too.
    compact_only: bool,
    /// Whether the key must start as the query does.
    same_start: bool,
}

impl<'q> Within<'q> {
    pub fn new(query: &'q [u8], limit: u8, compact_only: bool) -> Within<'q> {
        Within {
            query: if query.len() <= MAX_QUERY { query } else { &[] },
            limit: if query.len() <= MAX_QUERY { limit } else { 0 },
            compact_only,
            same_start: false,
        }
    }

    /// Only keys with the query's first byte: a walk that prunes every
    /// other branch at once.
    pub fn same_start(mut self) -> Within<'q> {
        self.same_start = true;
        self
    }
}

/// Where the walk is: the distances from the key read so far to every
/// prefix of the query, the row before it (for swaps), and the last byte.
#[derive(Clone)]
pub struct Rows {
    before: [u8; MAX_QUERY + 1],
    now: [u8; MAX_QUERY + 1],
    last: u8,
    read: u8,
    dead: bool,
}

impl Automaton for Within<'_> {
    type State = Rows;

    fn start(&self) -> Rows {
        let mut now = [u8::MAX; MAX_QUERY + 1];
        for (j, cell) in now.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = j as u8;
        }
        Rows {
            before: [u8::MAX; MAX_QUERY + 1],
            now,
            last: 0,
            read: 0,
            dead: false,
        }
    }

    fn is_match(&self, rows: &Rows) -> bool {
        !rows.dead && rows.now[self.query.len()] <= self.limit
    }

    fn can_match(&self, rows: &Rows) -> bool {
        let n = self.query.len() + 1;
        // A swap reaches back two rows, so the row before counts too.
        !rows.dead
            && (rows.now[..n].iter().any(|&d| d <= self.limit)
                || rows.before[..n].iter().any(|&d| d < self.limit))
    }

    fn accept(&self, rows: &Rows, byte: u8) -> Rows {
        let mut next = rows.clone();
        let wrong_start = self.same_start && rows.read == 0 && self.query.first() != Some(&byte);
        if rows.dead || wrong_start || (self.compact_only && byte == b'-') {
            next.dead = true;
            return next;
        }
        let q = self.query;
        let read = rows.read.saturating_add(1);
        let mut now = [u8::MAX; MAX_QUERY + 1];
        now[0] = read;
        for j in 1..=q.len() {
            let cost = u8::from(q[j - 1] != byte);
            let mut best = rows.now[j]
                .saturating_add(1)
                .min(now[j - 1].saturating_add(1))
                .min(rows.now[j - 1].saturating_add(cost));
            if j > 1 && read > 1 && byte == q[j - 2] && rows.last == q[j - 1] {
                best = best.min(rows.before[j - 2].saturating_add(1));
            }
            now[j] = best;
        }
        next.before = rows.now;
        next.now = now;
        next.last = byte;
        next.read = read;
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    #[test]
    fn each_kind_of_slip_counts_once_and_a_change_twice_without_changes() {
        assert_eq!(edits("pyhton", "python"), 1);
        assert_eq!(edits("djano", "django"), 1);
        assert_eq!(edits("reach", "react"), 1);
        assert_eq!(edits_without_changes("reach", "react"), 2);
        assert_eq!(edits_without_changes("pyhton", "python"), 1);
        assert_eq!(edits_without_changes("", "abc"), 3);
        assert_eq!(edits("terminated", "terminator"), 2);
        assert_eq!(edits_without_changes("terminated", "terminator"), 4);
    }

    #[test]
    fn the_automaton_finds_exactly_the_keys_within_the_limit() {
        let mut words = vec![
            "python",
            "pyhton",
            "java",
            "javascript",
            "react",
            "reach",
            "redux",
            "rest-api",
            "restapi",
            "ruby",
            "rubyonrails",
            "ruby-on-rails",
            "django",
            "djano",
            "nginx",
            "ngnix",
        ];
        words.sort_unstable();
        let set = Set::from_iter(&words).expect("sorted words");
        for query in ["python", "reakt", "djang", "ruby-on-rail", "restap", "x"] {
            for limit in 0..=2 {
                for compact_only in [false, true] {
                    let mut found = Vec::new();
                    let mut stream = set
                        .search(Within::new(query.as_bytes(), limit, compact_only))
                        .into_stream();
                    while let Some(key) = stream.next() {
                        found.push(String::from_utf8_lossy(key).into_owned());
                    }
                    let want: Vec<String> = words
                        .iter()
                        .filter(|w| !(compact_only && w.contains('-')))
                        .filter(|w| edits(query, w) <= usize::from(limit))
                        .map(|w| (*w).to_owned())
                        .collect();
                    assert_eq!(
                        found, want,
                        "{query} within {limit}, compact {compact_only}"
                    );
                }
            }
        }
    }

    #[test]
    fn same_start_keeps_only_keys_with_the_first_byte() {
        let words = ["nginx", "ngnix", "angix", "python"];
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        let set = Set::from_iter(&sorted).expect("sorted words");
        let mut stream = set
            .search(Within::new(b"nginx", 2, true).same_start())
            .into_stream();
        let mut found = Vec::new();
        while let Some(key) = stream.next() {
            found.push(String::from_utf8_lossy(key).into_owned());
        }
        assert_eq!(found, ["nginx", "ngnix"]);
    }

    #[test]
    fn a_query_too_long_for_the_automaton_matches_nothing_fuzzily() {
        let long = "a".repeat(MAX_QUERY + 1);
        let set = Set::from_iter([long.as_str()]).expect("one word");
        let mut stream = set
            .search(Within::new(long.as_bytes(), 2, false))
            .into_stream();
        assert!(stream.next().is_none());
    }
}
