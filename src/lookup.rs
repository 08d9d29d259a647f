//! Looking a query up: normalise, try the exact keys, then fall back to
//! fuzzy matching that resolves only a clear winner.

use crate::fuzzy::{self, RESOLVE_FLOOR, RESOLVE_MARGIN, SUGGEST_FLOOR};
use crate::glossary::Glossary;
use crate::index::Via;
use crate::normalize::{compact, normalize};

/// How a query found its entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Method {
    Exact,
    Alias,
    Fuzzy,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Alias => "alias",
            Method::Fuzzy => "fuzzy",
        }
    }
}

/// The entry a query found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub entry: usize,
    pub method: Method,
    pub score: f64,
}

/// What a lookup came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Found(Found),
    /// Nothing clear: up to five entries worth suggesting, best first.
    NotFound(Vec<(usize, f64)>),
}

/// The most suggestions a miss offers.
pub const MAX_SUGGESTIONS: usize = 5;

/// Looks `query` up in `glossary`; with `exact_only`, no fuzzy fallback
/// (suggestions are still offered).
pub fn lookup(glossary: &Glossary, query: &str, exact_only: bool) -> Outcome {
    let key = normalize(query);
    if key.is_empty() {
        return Outcome::NotFound(Vec::new());
    }
    // The key as typed, then without hyphens: `no follow` is `nofollow`.
    let exact = glossary
        .exact(&key)
        .or_else(|| glossary.exact(&compact(&key)));
    if let Some((entry, via)) = exact {
        let method = match via {
            Via::Slug => Method::Exact,
            Via::Alias => Method::Alias,
        };
        return Outcome::Found(Found {
            entry,
            method,
            score: 1.0,
        });
    }
    let matcher = fuzzy::Matcher::new(glossary, &key, SUGGEST_FLOOR);
    if !exact_only {
        // Only a runner-up within the margin of a resolving score can stop
        // it resolving, so the first pass ranks from there up.
        let contenders = matcher.rank(RESOLVE_FLOOR - RESOLVE_MARGIN);
        if let Some(&(entry, score)) = contenders.first() {
            let runner_up = contenders.get(1).map_or(0.0, |&(_, s)| s);
            if score >= RESOLVE_FLOOR && score - runner_up >= RESOLVE_MARGIN {
                return Outcome::Found(Found {
                    entry,
                    method: Method::Fuzzy,
                    score,
                });
            }
        }
    }
    let mut ranked = matcher.rank(SUGGEST_FLOOR);
    ranked.truncate(MAX_SUGGESTIONS);
    Outcome::NotFound(ranked)
}
