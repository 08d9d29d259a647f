//! A glossary in memory: entries sorted by slug and their sorted lookup keys.
//! The built-in one borrows the generated tables and costs nothing to open.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::embedded;
use crate::index::{Key, Via, build_keys};
use crate::model::{Entry, Str};

pub struct Glossary {
    entries: Cow<'static, [Entry]>,
    keys: Cow<'static, [Key]>,
}

impl Glossary {
    /// The glossary compiled into the binary.
    pub fn built_in() -> Glossary {
        Glossary {
            entries: Cow::Borrowed(embedded::ENTRIES),
            keys: Cow::Borrowed(embedded::KEYS),
        }
    }

    /// A glossary of `entries`; a later entry with the slug of an earlier one
    /// replaces it. Builds the key index, so it costs time in proportion to
    /// the entries: used only when user entries join the built-in ones.
    pub fn from_entries(entries: Vec<Entry>) -> Glossary {
        let by_slug: BTreeMap<Str, Entry> =
            entries.into_iter().map(|e| (e.slug.clone(), e)).collect();
        let merged: Vec<Entry> = by_slug.into_values().collect();
        let keys = build_keys(&merged);
        Glossary {
            entries: Cow::Owned(merged),
            keys: Cow::Owned(keys),
        }
    }

    /// Every entry, sorted by slug.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every key, sorted.
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }

    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// The entry whose normalised key is `key`, and how the key names it.
    pub fn exact(&self, key: &str) -> Option<(usize, Via)> {
        let i = self.keys.binary_search_by(|k| (*k.key).cmp(key)).ok()?;
        let found = &self.keys[i];
        Some((found.entry as usize, found.via))
    }

    /// The entry with this slug.
    pub fn by_slug(&self, slug: &str) -> Option<&Entry> {
        let i = self
            .entries
            .binary_search_by(|e| (*e.slug).cmp(slug))
            .ok()?;
        Some(&self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{compact, normalize};

    #[test]
    fn built_in_entries_are_sorted_and_unique() {
        let g = Glossary::built_in();
        assert!(!g.entries().is_empty());
        assert!(g.entries().windows(2).all(|w| w[0].slug < w[1].slug));
    }

    #[test]
    fn built_in_keys_are_sorted_and_unique() {
        let g = Glossary::built_in();
        assert!(g.keys().windows(2).all(|w| w[0].key < w[1].key));
    }

    #[test]
    fn built_in_keys_are_normalised_and_point_at_entries() {
        let g = Glossary::built_in();
        for key in g.keys() {
            assert_eq!(normalize(&key.key), *key.key, "{key:?}");
            assert!((key.entry as usize) < g.entries().len(), "{key:?}");
        }
    }

    #[test]
    fn every_related_slug_resolves() {
        let g = Glossary::built_in();
        for entry in g.entries() {
            for slug in entry.related.iter() {
                assert!(g.by_slug(slug).is_some(), "{} -> {slug}", entry.slug);
                assert_ne!(*slug, entry.slug);
            }
        }
    }

    #[test]
    fn every_slug_and_alias_is_an_exact_key_of_its_entry() {
        let g = Glossary::built_in();
        for (i, entry) in g.entries().iter().enumerate() {
            assert_eq!(g.exact(&entry.slug), Some((i, Via::Slug)));
            assert_eq!(
                g.exact(&compact(&entry.slug)).map(|(e, _)| e),
                Some(i),
                "{}",
                entry.slug
            );
            for alias in entry.aliases.iter().flat_map(|l| l.iter()) {
                assert_eq!(
                    g.exact(&normalize(alias)).map(|(e, _)| e),
                    Some(i),
                    "{alias}"
                );
            }
        }
    }

    #[test]
    fn build_keys_matches_the_generated_table() {
        let g = Glossary::built_in();
        assert_eq!(build_keys(g.entries()), g.keys());
    }

    #[test]
    fn a_later_entry_replaces_one_with_the_same_slug() {
        let mut entries: Vec<Entry> = Glossary::built_in().entries().to_vec();
        let mut replacement = entries[0].clone();
        replacement.aliases = [Vec::new().into(), vec!["pengganti".into()].into()];
        entries.push(replacement);
        let g = Glossary::from_entries(entries);
        assert_eq!(g.entries().len(), Glossary::built_in().entries().len());
        assert_eq!(g.exact("pengganti").map(|(e, _)| e), Some(0));
    }
}
