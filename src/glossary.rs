//! A glossary in memory: entries sorted by slug, their lookup keys and
//! search index, all in one [`Store`]. The built-in one borrows the
//! included files and costs nothing to open.

use std::collections::BTreeMap;

use crate::embedded;
use crate::keys::{Key, Target};
use crate::lexicon::Lexicon;
use crate::model::{Entry, Kind, Lang, Str};
use crate::store::names::Names;
use crate::store::{self, Store, partition_point};

pub struct Glossary {
    store: Store,
}

impl Glossary {
    /// The glossary compiled into the binary.
    pub fn built_in() -> Glossary {
        // build.rs wrote these files with `store::encode`; an unreadable
        // store could only come from a broken build, and is then empty.
        let store = Store::from_static(embedded::TEXT, embedded::DATA)
            .unwrap_or_else(|| store::encode(&[], &Lexicon::default()));
        Glossary { store }
    }

    /// A glossary of `entries`; a later entry with the slug of an earlier one
    /// replaces it. Encodes the whole store, so it costs time in proportion
    /// to the entries: used only when user entries join the built-in ones.
    pub fn from_entries(entries: Vec<Entry>) -> Glossary {
        let by_slug: BTreeMap<Str, Entry> =
            entries.into_iter().map(|e| (e.slug.clone(), e)).collect();
        let merged: Vec<Entry> = by_slug.into_values().collect();
        // The search reads queries with the built-in lexicon.
        let lexicon = Glossary::built_in().store.search().lexicon();
        Glossary {
            store: store::encode(&merged, &lexicon),
        }
    }

    /// The compiled form, for the search index.
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn len(&self) -> usize {
        self.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// Entry `index`, decoded.
    pub fn entry(&self, index: usize) -> Entry {
        self.store.entry(index)
    }

    /// Every entry, decoded one at a time, sorted by slug.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.len()).map(|i| self.entry(i))
    }

    pub fn slug(&self, index: usize) -> &str {
        self.store.slug(index)
    }

    pub fn term(&self, index: usize, lang: Lang) -> &str {
        self.store.term(index, lang)
    }

    pub fn kind(&self, index: usize) -> Kind {
        self.store.kind(index)
    }

    /// The related entries of entry `index`: each slug, and its entry when
    /// it is in this glossary.
    pub fn related(&self, index: usize) -> Vec<(&str, Option<usize>)> {
        self.store.related(index)
    }

    /// The index of the entry with this slug.
    pub fn by_slug(&self, slug: &str) -> Option<usize> {
        let i = partition_point(self.len(), |i| self.slug(i) < slug);
        (i < self.len() && self.slug(i) == slug).then_some(i)
    }

    /// The entries the normalised key `key` names (one, or several for a
    /// shared name), and how.
    pub fn exact(&self, key: &str) -> Option<Vec<Target>> {
        let names = self.store.names();
        names.find(key).map(|row| names.targets(row))
    }

    /// Whether `word` (normalised) is a word of the glossary's own text in
    /// either language: a real word, not a slip of some key.
    pub fn is_text_word(&self, word: &str) -> bool {
        let search = self.store.search();
        Lang::ALL
            .into_iter()
            .any(|lang| search.index(lang).word_terms(word).is_some())
    }

    /// The lookup keys, for fuzzy matching.
    pub fn names(&self) -> Names<'_> {
        self.store.names()
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        let names = self.store.names();
        (0..names.len()).map(move |row| Key {
            key: names.text(row).to_owned(),
            targets: names.targets(row),
            compact: names.is_compact(row),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{Via, build_keys};
    use crate::normalize::{compact, normalize};

    #[test]
    fn built_in_entries_are_sorted_and_unique() {
        let g = Glossary::built_in();
        assert!(g.len() > 100);
        assert!((1..g.len()).all(|i| g.slug(i - 1) < g.slug(i)));
    }

    #[test]
    fn built_in_keys_are_sorted_unique_normalised_and_point_at_entries() {
        let g = Glossary::built_in();
        let keys: Vec<Key> = g.keys().collect();
        assert!(keys.windows(2).all(|w| w[0].key < w[1].key));
        for key in &keys {
            assert_eq!(normalize(&key.key), *key.key, "{key:?}");
            assert!(!key.targets.is_empty(), "{key:?}");
            assert!(
                key.targets.iter().all(|t| (t.entry as usize) < g.len()),
                "{key:?}"
            );
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
    fn every_slug_term_and_alias_is_an_exact_key_of_its_entry() {
        let g = Glossary::built_in();
        let names = |key: &str| -> Vec<usize> {
            g.exact(key)
                .unwrap_or_default()
                .iter()
                .map(|t| t.entry as usize)
                .collect()
        };
        for (i, entry) in g.entries().enumerate() {
            let slug = Target {
                entry: i as u32,
                via: Via::Slug,
            };
            assert_eq!(g.exact(&entry.slug), Some(vec![slug]));
            assert_eq!(g.by_slug(&entry.slug), Some(i));
            assert!(names(&compact(&entry.slug)).contains(&i), "{}", entry.slug);
            let terms = entry.term.0.iter();
            for name in terms.chain(entry.aliases.iter().flat_map(|l| l.iter())) {
                assert!(names(&normalize(name)).contains(&i), "{name}");
            }
        }
    }

    #[test]
    fn the_store_round_trips_every_entry() {
        let g = Glossary::built_in();
        let entries: Vec<Entry> = g.entries().collect();
        let again = Glossary::from_entries(entries.clone());
        assert_eq!(again.entries().collect::<Vec<_>>(), entries);
        for (i, entry) in entries.iter().enumerate() {
            assert_eq!(g.slug(i), entry.slug);
            assert_eq!(g.kind(i), entry.kind);
            assert_eq!(g.term(i, Lang::En), entry.term.get(Lang::En));
        }
    }

    #[test]
    fn the_store_reads_texts_and_related_entries_as_decoding_gives_them() {
        let g = Glossary::built_in();
        for (i, entry) in g.entries().enumerate() {
            for lang in Lang::ALL {
                assert_eq!(
                    g.store().texts(i, lang),
                    crate::fields::fields(&entry, lang),
                    "{}",
                    entry.slug
                );
            }
            let related: Vec<(&str, Option<usize>)> =
                entry.related.iter().map(|s| (&**s, g.by_slug(s))).collect();
            assert_eq!(g.related(i), related);
        }
    }

    #[test]
    fn keys_match_what_the_entries_give() {
        let g = Glossary::built_in();
        let entries: Vec<Entry> = g.entries().collect();
        assert_eq!(g.keys().collect::<Vec<_>>(), build_keys(&entries));
    }

    #[test]
    fn exact_finds_every_key_and_nothing_between_them() {
        let g = Glossary::built_in();
        let keys: Vec<Key> = g.keys().collect();
        for key in &keys {
            assert_eq!(g.exact(&key.key), Some(key.targets.clone()), "{}", key.key);
            // A text just after this key.
            assert_eq!(g.exact(&format!("{}!", key.key)), None);
        }
        assert_eq!(g.exact(""), None);
        assert_eq!(g.exact("~"), None);
    }

    #[test]
    fn a_later_entry_replaces_one_with_the_same_slug() {
        let mut entries: Vec<Entry> = Glossary::built_in().entries().collect();
        let mut replacement = entries[0].clone();
        replacement.aliases = [Vec::new().into(), vec!["pengganti".into()].into()];
        entries.push(replacement);
        let g = Glossary::from_entries(entries);
        assert_eq!(g.len(), Glossary::built_in().len());
        let found = g.exact("pengganti").unwrap_or_default();
        assert_eq!(found.iter().map(|t| t.entry).collect::<Vec<_>>(), [0]);
    }
}
