//! The names of a glossary as lookup keys: every slug, term and alias,
//! normalised, plus their hyphen-less compact forms, each with the entries
//! it names; and every word of those names, for suggestions. Built once by
//! `build.rs` for the built-in glossary, and at run time only for user
//! entries.

use std::collections::BTreeMap;

use crate::model::Entry;
use crate::normalize::{compact, normalize};

/// How a key names its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Via {
    /// The slug itself, or its compact form.
    Slug,
    /// A term or an alias, or its compact form.
    Alias,
}

/// An entry a key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub entry: u32,
    pub via: Via,
}

/// One normalised key and the entries it names: one, or several when a
/// name is shared (a homonym).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub key: String,
    pub targets: Vec<Target>,
    /// Whether this is the hyphen-less form of other keys.
    pub compact: bool,
}

/// The keys of `entries` (sorted by slug), sorted by key.
///
/// A slug names its entry alone: an alias or term that equals it (which
/// validation forbids, but a merged user glossary can bring) does not make
/// it shared. A compact form is added where it is not a key already.
pub fn build_keys(entries: &[Entry]) -> Vec<Key> {
    let mut full: BTreeMap<String, Vec<Target>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let entry_index = u32::try_from(i).unwrap_or(u32::MAX);
        let slug = Target {
            entry: entry_index,
            via: Via::Slug,
        };
        add(&mut full, entry.slug.to_string(), slug);
        let names = entry.term.0.iter();
        for name in names.chain(entry.aliases.iter().flat_map(|list| list.iter())) {
            let key = normalize(name);
            if !key.is_empty() {
                let alias = Target {
                    entry: entry_index,
                    via: Via::Alias,
                };
                add(&mut full, key, alias);
            }
        }
    }
    for targets in full.values_mut() {
        if let Some(slug) = targets.iter().find(|t| t.via == Via::Slug).copied() {
            *targets = vec![slug];
        }
    }
    let mut compacts: BTreeMap<String, Vec<Target>> = BTreeMap::new();
    for (key, targets) in &full {
        let short = compact(key);
        if short != *key && !full.contains_key(&short) {
            for &target in targets {
                add(&mut compacts, short.clone(), target);
            }
        }
    }
    let mut keys: Vec<Key> = full
        .into_iter()
        .map(|(key, targets)| (key, targets, false))
        .chain(
            compacts
                .into_iter()
                .map(|(key, targets)| (key, targets, true)),
        )
        .map(|(key, targets, compact)| Key {
            key,
            targets,
            compact,
        })
        .collect();
    keys.sort_by(|a, b| a.key.cmp(&b.key));
    keys
}

/// Adds `target` to the targets of `key`, once per entry (a slug naming it
/// wins over an alias).
fn add(map: &mut BTreeMap<String, Vec<Target>>, key: String, target: Target) {
    let targets = map.entry(key).or_default();
    match targets.iter_mut().find(|t| t.entry == target.entry) {
        Some(seen) => seen.via = seen.via.min(target.via),
        None => {
            targets.push(target);
            targets.sort();
        }
    }
}

/// The words of the keys that are not compact forms, each with the keys
/// (by index in `keys`) it appears in. A word is a part of a key between
/// hyphens, or two neighbouring parts joined (`backend` of `back-end-…`),
/// so that a slip in `bakend` finds the key whichever way it was written.
pub fn build_words(keys: &[Key]) -> BTreeMap<String, Vec<u32>> {
    let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate().filter(|(_, k)| !k.compact) {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let parts: Vec<&str> = key.key.split('-').collect();
        if parts.len() < 2 {
            continue;
        }
        let joined = parts.windows(2).map(|pair| pair.concat());
        for word in parts.iter().map(|p| (*p).to_owned()).chain(joined) {
            if word.len() < 2 {
                continue;
            }
            let list = words.entry(word).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Str, Text};
    use std::borrow::Cow;

    fn entry(slug: &'static str, term: &'static str, aliases: &[&'static str]) -> Entry {
        let s = |x: &'static str| -> Str { Cow::Borrowed(x) };
        Entry {
            slug: s(slug),
            kind: crate::model::Kind::Concept,
            updated: s("2026-11-29"),
            term: Text([s(term), s(term)]),
            aliases: [
                aliases.iter().map(|a| s(a)).collect::<Vec<_>>().into(),
                Vec::new().into(),
            ],
            definition: Text([s("d"), s("d")]),
            duties: Vec::new().into(),
            skills: Vec::new().into(),
            sections: Vec::new().into(),
            related: Vec::new().into(),
            sources: Vec::new().into(),
        }
    }

    #[test]
    fn shared_aliases_name_every_entry_and_slugs_stay_unique() {
        let entries = [
            entry(
                "analytics-session",
                "Session (analytics)",
                &["sesi", "session"],
            ),
            entry("session", "Session", &["sesi"]),
        ];
        let keys = build_keys(&entries);
        let find = |k: &str| keys.iter().find(|x| x.key == k).map(|x| x.targets.clone());
        let both = vec![
            Target {
                entry: 0,
                via: Via::Alias,
            },
            Target {
                entry: 1,
                via: Via::Alias,
            },
        ];
        assert_eq!(find("sesi"), Some(both));
        // `session` is the second entry's slug: the alias does not share it.
        assert_eq!(
            find("session"),
            Some(vec![Target {
                entry: 1,
                via: Via::Slug
            }])
        );
        assert_eq!(
            find("analyticssession").map(|t| t.len()),
            Some(1),
            "compact forms are keys"
        );
    }

    #[test]
    fn words_are_parts_and_joined_neighbours() {
        let keys = build_keys(&[entry("back-end-developer", "Back End Developer", &[])]);
        let words = build_words(&keys);
        for word in ["back", "end", "developer", "backend", "enddeveloper"] {
            assert!(words.contains_key(word), "{word}");
        }
        assert!(
            !words.contains_key("backenddeveloper"),
            "the compact form is a key, not a word"
        );
    }
}
