//! Looking a query up: normalise, try the exact keys, then fall back to
//! fuzzy matching that resolves only a plain slip of one key.

use crate::fuzzy::{self, Query};
use crate::glossary::Glossary;
use crate::keys::{Target, Via};
use crate::normalize::{compact, normalize};

pub use crate::fuzzy::MAX_SUGGESTIONS;

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
    /// A name several entries share: each of them, by slug.
    Ambiguous(Vec<usize>),
    /// Nothing clear: up to five entries worth suggesting, best first.
    NotFound(Vec<(usize, f64)>),
}

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
    if let Some(targets) = exact {
        return named(&targets);
    }
    let query = Query::new(&key);
    if !exact_only {
        if let Some((entry, score)) = fuzzy::resolve(glossary, &query) {
            return Outcome::Found(Found {
                entry,
                method: Method::Fuzzy,
                score,
            });
        }
    }
    Outcome::NotFound(fuzzy::suggest(glossary, &query))
}

/// The outcome of a key that names `targets` exactly.
fn named(targets: &[Target]) -> Outcome {
    match targets {
        [one] => Outcome::Found(Found {
            entry: one.entry as usize,
            method: match one.via {
                Via::Slug => Method::Exact,
                Via::Alias => Method::Alias,
            },
            score: 1.0,
        }),
        many => Outcome::Ambiguous(many.iter().map(|t| t.entry as usize).collect()),
    }
}
