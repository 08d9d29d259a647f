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
        // The terms are names too: an alias may not repeat them.
        let terms = entry.term.0.iter();
        for alias in terms.chain(entry.aliases.iter().flat_map(|list| list.iter())) {
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

/// What the fuzzy scan knows of a key without reading it: which letters
/// it has, how many of each, and its length, hyphens left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    /// The key's index in the glossary's key table.
    pub key: u32,
    /// Bit per letter `a`–`z`, one for any digit, one for any other letter.
    pub mask: u32,
    /// The same 28 classes, four bits each: how many of each, at most 15.
    pub counts: u128,
    /// Characters without hyphens, at most 255.
    pub len: u8,
}

impl Probe {
    pub fn new(key: u32, text: &str) -> Probe {
        let mut mask = 0;
        let mut counts = 0_u128;
        let mut len = 0_usize;
        for c in text.chars().filter(|&c| c != '-') {
            let class = class(c);
            mask |= 1 << class;
            if (counts >> (4 * class)) & 0xF < 0xF {
                counts += 1 << (4 * class);
            }
            len += 1;
        }
        Probe {
            key,
            mask,
            counts,
            len: u8::try_from(len).unwrap_or(u8::MAX),
        }
    }

    /// How many characters of `self` are not in `other` and how many of
    /// `other` are not in `self`, counted by class: each is a lower bound of
    /// the edit distance between the two keys. Computed on all 28 classes
    /// at once, as bytes in two 128-bit words.
    pub fn excess(&self, other: &Probe) -> (u32, u32) {
        let (a_low, a_high) = bytes(self.counts);
        let (b_low, b_high) = bytes(other.counts);
        let total = byte_sum(abs_diff(a_low, b_low)) + byte_sum(abs_diff(a_high, b_high));
        let (a, b) = (
            byte_sum(a_low) + byte_sum(a_high),
            byte_sum(b_low) + byte_sum(b_high),
        );
        // more + fewer = total, and more - fewer = a - b.
        let (total, lead) = (i64::from(total), i64::from(a) - i64::from(b));
        (((total + lead) / 2) as u32, ((total - lead) / 2) as u32)
    }
}

/// Every byte's lowest bit: `0x0101…01`.
const ONES: u128 = u128::MAX / 0xFF;

/// The 4-bit counts spread over bytes: even classes, then odd ones.
fn bytes(counts: u128) -> (u128, u128) {
    (counts & (ONES * 0x0F), (counts >> 4) & (ONES * 0x0F))
}

/// Byte-wise `|a - b|` of bytes below 128.
fn abs_diff(a: u128, b: u128) -> u128 {
    let high = ONES * 0x80;
    // Each byte holds 128 + a - b: its top bit says whether a >= b.
    let ge = ((a | high).wrapping_sub(b) & high) >> 7;
    let keep_a = ge.wrapping_mul(0xFF);
    let max = (a & keep_a) | (b & !keep_a);
    let min = (b & keep_a) | (a & !keep_a);
    max.wrapping_sub(min)
}

/// The sum of the bytes of `x`, when it is below 256.
fn byte_sum(x: u128) -> u32 {
    (x.wrapping_mul(ONES) >> 120) as u32
}

/// Letters `a`–`z`, digits, anything else.
#[cfg(test)]
const CLASSES: u32 = 28;

fn class(c: char) -> u32 {
    match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26,
        _ => 27,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excess counted class by class, the plain way.
    fn excess_slowly(a: &Probe, b: &Probe) -> (u32, u32) {
        let (mut more, mut fewer) = (0, 0);
        for class in 0..CLASSES {
            let x = ((a.counts >> (4 * class)) & 0xF) as u32;
            let y = ((b.counts >> (4 * class)) & 0xF) as u32;
            more += x.saturating_sub(y);
            fewer += y.saturating_sub(x);
        }
        (more, fewer)
    }

    #[test]
    fn excess_matches_counting_class_by_class() {
        let words = [
            "back-end-developer",
            "bakend-developer",
            "zzzzzzzzzzzzzzzzzzzz",
            "a",
            "",
            "9999-404",
            "mesin-pencari",
            "qwertyuiop",
            "日本語-kata",
            "search-engine-optimisation",
        ];
        for a in words {
            for b in words {
                let (pa, pb) = (Probe::new(0, a), Probe::new(0, b));
                assert_eq!(pa.excess(&pb), excess_slowly(&pa, &pb), "{a} / {b}");
            }
        }
    }

    #[test]
    fn counts_saturate_at_fifteen() {
        let p = Probe::new(0, &"z".repeat(40));
        assert_eq!((p.counts >> (4 * 25)) & 0xF, 15);
        assert_eq!(p.len, 40);
    }
}
