//! The lookup keys of a glossary: every slug and alias, normalised, plus
//! their hyphen-less compact forms, sorted for binary search. Built once by
//! `build.rs` for the built-in glossary, and at run time only when user
//! entries join it.

use std::collections::BTreeMap;

use crate::model::{Entry, Str};
use crate::normalize::{compact, normalize};

/// How a key names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The slug itself, or its compact form.
    Slug,
    /// An alias, or its compact form.
    Alias,
}

/// One normalised key and the entry (by index) it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub key: Str,
    pub entry: u32,
    pub via: Via,
}

/// The keys of `entries`, sorted by key, one entry per key.
///
/// Slugs and aliases come first: when two entries claim the same full key
/// (validation forbids it, so only a merged user glossary can), the earlier
/// entry keeps it. A compact form is added only where it is new and belongs
/// to one entry alone; `webserver` stays out if two entries compact to it.
pub fn build_keys(entries: &[Entry]) -> Vec<Key> {
    let mut full: BTreeMap<String, (u32, Via)> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        full.entry(entry.slug.to_string()).or_insert((i, Via::Slug));
        for alias in entry.aliases.iter().flat_map(|list| list.iter()) {
            let key = normalize(alias);
            if !key.is_empty() {
                full.entry(key).or_insert((i, Via::Alias));
            }
        }
    }
    let mut compacts: BTreeMap<String, Option<(u32, Via)>> = BTreeMap::new();
    for (key, &(entry, via)) in &full {
        let short = compact(key);
        if short == *key || full.contains_key(&short) {
            continue;
        }
        compacts
            .entry(short)
            .and_modify(|claim| {
                if claim.is_some_and(|(other, _)| other != entry) {
                    *claim = None;
                }
            })
            .or_insert(Some((entry, via)));
    }
    let mut keys: Vec<Key> = full
        .into_iter()
        .map(|(key, (entry, via))| (key, entry, via))
        .chain(
            compacts
                .into_iter()
                .filter_map(|(key, claim)| claim.map(|(e, v)| (key, e, v))),
        )
        .map(|(key, entry, via)| Key {
            key: Str::Owned(key),
            entry,
            via,
        })
        .collect();
    keys.sort_by(|a, b| a.key.cmp(&b.key));
    keys
}
