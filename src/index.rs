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
    /// Whether this is the hyphen-less form of another key, which fuzzy
    /// matching need not score again.
    pub compact: bool,
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
        .map(|(key, (entry, via))| (key, entry, via, false))
        .chain(
            compacts
                .into_iter()
                .filter_map(|(key, claim)| claim.map(|(e, v)| (key, e, v, true))),
        )
        .map(|(key, entry, via, compact)| Key {
            key: Str::Owned(key),
            entry,
            via,
            compact,
        })
        .collect();
    keys.sort_by(|a, b| a.key.cmp(&b.key));
    keys
}

/// One fuzzy-matching probe per key that is not a compact form, in key
/// order.
pub fn build_probes(keys: &[Key]) -> Vec<Probe> {
    keys.iter()
        .enumerate()
        .filter(|(_, k)| !k.compact)
        .map(|(i, k)| Probe::new(u32::try_from(i).unwrap_or(u32::MAX), &k.key))
        .collect()
}

/// What the scan knows of a key without reading it: which characters it
/// has and how many, hyphens left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    /// The key's index in the glossary's key table.
    pub key: u32,
    /// Bit per letter `a`–`z`, one for any digit, one for any other letter.
    pub mask: u32,
    /// Characters without hyphens, at most 255.
    pub len: u8,
}

impl Probe {
    pub fn new(key: u32, text: &str) -> Probe {
        let mut mask = 0;
        let mut len = 0_usize;
        for c in text.chars().filter(|&c| c != '-') {
            mask |= bit(c);
            len += 1;
        }
        Probe {
            key,
            mask,
            len: u8::try_from(len).unwrap_or(u8::MAX),
        }
    }
}

fn bit(c: char) -> u32 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << 26,
        _ => 1 << 27,
    }
}
