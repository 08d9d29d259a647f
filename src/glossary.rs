//! A glossary in memory: the built-in store, and when the reader has a
//! glossary of their own, a second store of their entries laid over it, a
//! user entry replacing the built-in one of its slug. Entries are known by
//! their position in slug order across both; each store keeps its own
//! keys and search index. The built-in store borrows the included files
//! and costs nothing to open; the user's is small.

use std::collections::BTreeMap;

use crate::embedded;
use crate::fields::Field;
use crate::keys::{Key, Target, Via};
use crate::lexicon::Lexicon;
use crate::model::{Entry, Kind, Lang, Str};
use crate::overlay::{self, HIDDEN, Layout};
use crate::store::names::Names;
use crate::store::search::Index;
use crate::store::{self, Store, count, partition_point};

pub struct Glossary {
    /// The built-in store, then the user's if there is one.
    stores: Vec<Store>,
    /// With two stores: each position's store and index there, in slug
    /// order. With one, positions are the store's own indexes.
    order: Vec<(u32, u32)>,
    /// With two stores: per store, each entry's position, or [`HIDDEN`].
    positions: Vec<Vec<u32>>,
}

impl Glossary {
    /// The glossary compiled into the binary.
    pub fn built_in() -> Glossary {
        // build.rs wrote these files with `store::encode`; an unreadable
        // store could only come from a broken build, and is then empty.
        let store = Store::from_static(embedded::TEXT, embedded::DATA)
            .unwrap_or_else(|| store::encode(&[], &Lexicon::default()));
        Glossary::single(store)
    }

    fn single(store: Store) -> Glossary {
        Glossary {
            stores: vec![store],
            order: Vec::new(),
            positions: Vec::new(),
        }
    }

    /// A glossary of `entries` alone (see [`Glossary::encode`]).
    pub fn from_entries(entries: Vec<Entry>) -> Glossary {
        Glossary::single(Glossary::encode(entries))
    }

    /// The store of `entries` in slug order, a later entry with the slug of
    /// an earlier one replacing it, searched with the built-in lexicon: a
    /// user's store, or a glossary of its own.
    pub fn encode(entries: Vec<Entry>) -> Store {
        let by_slug: BTreeMap<Str, Entry> =
            entries.into_iter().map(|e| (e.slug.clone(), e)).collect();
        let merged: Vec<Entry> = by_slug.into_values().collect();
        store::encode(&merged, &Glossary::built_in().lexicon())
    }

    /// The built-in glossary with a store of the user's entries laid over
    /// it: the built-in entries of the user's slugs are replaced. `steps`
    /// replay the merge of a run before (see [`Glossary::overlay_steps`]);
    /// without them, or when they do not fit, the slugs are merged anew.
    pub fn with_user(user: Store, steps: Option<&[u8]>) -> Glossary {
        let base = Glossary::built_in().stores.remove(0);
        let (b, u) = (base.len(), user.len());
        let Layout { order, positions } = steps
            .and_then(|steps| Layout::replay(b, u, steps))
            .or_else(|| Layout::replay(b, u, &overlay::steps(&base, &user)))
            .unwrap_or_default();
        Glossary {
            stores: vec![base, user],
            order,
            positions,
        }
    }

    /// The steps that lay `user` over the built-in glossary, for a cache
    /// to keep (see [`Glossary::with_user`]).
    pub fn overlay_steps(user: &Store) -> Vec<u8> {
        overlay::steps(&Glossary::built_in().stores[0], user)
    }

    /// The lexicon searches read queries with.
    pub fn lexicon(&self) -> Lexicon {
        self.stores[0].search().lexicon()
    }

    /// How many stores there are (one, or two with the user's).
    pub fn store_count(&self) -> usize {
        self.stores.len()
    }

    /// The store and index there of the entry at `position`.
    pub fn locate(&self, position: usize) -> (usize, usize) {
        match self.order.get(position) {
            Some(&(store, local)) => (store as usize, local as usize),
            None => (0, position),
        }
    }

    /// The position of entry `local` of store `store`, unless a user entry
    /// replaces it.
    pub fn position(&self, store: usize, local: usize) -> Option<usize> {
        match self.positions.get(store) {
            Some(list) => list
                .get(local)
                .filter(|&&p| p != HIDDEN)
                .map(|&p| p as usize),
            None => (store == 0 && local < self.stores[0].len()).then_some(local),
        }
    }

    fn store_of(&self, position: usize) -> (&Store, usize) {
        let (store, local) = self.locate(position);
        (&self.stores[store], local)
    }

    pub fn len(&self) -> usize {
        if self.order.is_empty() {
            self.stores[0].len()
        } else {
            self.order.len()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry at `position`, decoded.
    pub fn entry(&self, position: usize) -> Entry {
        let (store, local) = self.store_of(position);
        store.entry(local)
    }

    /// Every entry, decoded one at a time, in slug order.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.len()).map(|i| self.entry(i))
    }

    pub fn slug(&self, position: usize) -> &str {
        let (store, local) = self.store_of(position);
        store.slug(local)
    }

    pub fn term(&self, position: usize, lang: Lang) -> &str {
        let (store, local) = self.store_of(position);
        store.term(local, lang)
    }

    pub fn kind(&self, position: usize) -> Kind {
        let (store, local) = self.store_of(position);
        store.kind(local)
    }

    /// The definition and body texts of the entry at `position`.
    pub fn texts(&self, position: usize, lang: Lang) -> Vec<(Field, &str)> {
        let (store, local) = self.store_of(position);
        store.texts(local, lang)
    }

    /// The related entries of the entry at `position`: each slug, and its
    /// position when it is in this glossary.
    pub fn related(&self, position: usize) -> Vec<(&str, Option<usize>)> {
        let (store, local) = self.locate(position);
        self.stores[store]
            .related(local)
            .into_iter()
            .map(|(slug, there)| {
                let found = there
                    .and_then(|l| self.position(store, l))
                    .or_else(|| self.by_slug(slug));
                (slug, found)
            })
            .collect()
    }

    /// The position of the entry with this slug.
    pub fn by_slug(&self, slug: &str) -> Option<usize> {
        let i = partition_point(self.len(), |i| self.slug(i) < slug);
        (i < self.len() && self.slug(i) == slug).then_some(i)
    }

    /// The entries (by position) the normalised key `key` names (one, or
    /// several for a shared name), and how. A slug names its entry alone.
    pub fn exact(&self, key: &str) -> Option<Vec<Target>> {
        let mut found: Vec<Target> = Vec::new();
        for store in 0..self.stores.len() {
            let names = self.names(store);
            let Some(row) = names.find(key) else {
                continue;
            };
            found.extend(self.targets(store, &names.targets(row)));
        }
        if let Some(slug) = found.iter().find(|t| t.via == Via::Slug).copied() {
            found = vec![slug];
        }
        found.sort();
        found.dedup_by_key(|t| t.entry);
        (!found.is_empty()).then_some(found)
    }

    /// Targets of store `store` as positions, those replaced left out.
    pub fn targets(&self, store: usize, targets: &[Target]) -> Vec<Target> {
        targets
            .iter()
            .filter_map(|t| {
                self.position(store, t.entry as usize).map(|p| Target {
                    entry: count(p),
                    via: t.via,
                })
            })
            .collect()
    }

    /// Whether `word` (normalised) is a word of the glossary's own text in
    /// either language: a real word, not a slip of some key.
    pub fn is_text_word(&self, word: &str) -> bool {
        self.stores.iter().any(|store| {
            let search = store.search();
            Lang::ALL
                .into_iter()
                .any(|lang| search.index(lang).word_terms(word).is_some())
        })
    }

    /// The lookup keys of store `store`, for fuzzy matching.
    pub fn names(&self, store: usize) -> Names<'_> {
        self.stores[store].names()
    }

    /// The search index of store `store` in `lang`.
    pub fn index(&self, store: usize, lang: Lang) -> Index<'_> {
        self.stores[store].search().index(lang)
    }

    /// The synonym groups searches widen queries with.
    pub fn synonyms(&self) -> impl Iterator<Item = Vec<&str>> + '_ {
        self.stores[0].search().synonyms()
    }

    /// Every key of the built-in store, sorted.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        let names = self.names(0);
        (0..names.len()).map(move |row| Key {
            key: names.text(row).to_owned(),
            targets: names.targets(row),
            compact: names.is_compact(row),
        })
    }

    /// The built-in store, for tests of its encoding.
    #[cfg(test)]
    fn store(&self) -> &Store {
        &self.stores[0]
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

    /// The built-in glossary with `entries` laid over it as a user store.
    fn overlaid(entries: Vec<Entry>) -> Glossary {
        Glossary::with_user(Glossary::encode(entries), None)
    }

    #[test]
    fn a_user_store_is_merged_in_slug_order_and_replaces_its_slugs() {
        let built_in = Glossary::built_in();
        let git = built_in.entry(built_in.by_slug("git").expect("git is built in"));
        let mut ours = git.clone();
        ours.term = crate::model::Text([Str::Borrowed("Git Kantor"), Str::Borrowed("Office Git")]);
        ours.aliases = [vec!["pengganti".into()].into(), Vec::new().into()];
        let mut new = git.clone();
        new.slug = Str::Borrowed("zz-baru");
        new.aliases = [Vec::new().into(), vec!["git scm".into()].into()];
        let g = overlaid(vec![ours, new]);

        assert_eq!(g.len(), built_in.len() + 1);
        assert!((1..g.len()).all(|i| g.slug(i - 1) < g.slug(i)));
        let at = g.by_slug("git").expect("git is there");
        assert_eq!(g.term(at, Lang::Id), "Git Kantor");
        assert_eq!(g.locate(at).0, 1, "the user's git");
        let found = |key: &str| -> Vec<&str> {
            g.exact(key)
                .unwrap_or_default()
                .iter()
                .map(|t| g.slug(t.entry as usize))
                .collect()
        };
        assert_eq!(found("pengganti"), ["git"]);
        // The built-in git's alias went with it; the new entry's stays.
        assert_eq!(found("git-scm"), ["zz-baru"]);
        // A built-in entry's link to git leads to the user's git.
        let linking = (0..g.len())
            .find(|&i| g.related(i).iter().any(|(slug, _)| *slug == "git"))
            .expect("some entry links to git");
        assert!(g.related(linking).contains(&("git", Some(at))));
        // Every other built-in entry keeps its position's slug and names.
        for i in 0..built_in.len() {
            let slug = built_in.slug(i);
            if slug != "git" {
                let p = g.by_slug(slug).expect("still there");
                assert_eq!(g.entry(p), built_in.entry(i));
            }
        }
    }

    #[test]
    fn a_merge_kept_in_steps_replays_as_it_was_made() {
        let built_in = Glossary::built_in();
        let mut entries: Vec<Entry> = [0, 3].iter().map(|&i| built_in.entry(i)).collect();
        let mut new = entries[0].clone();
        new.slug = Str::Borrowed("zz-baru");
        entries.push(new);
        let steps = Glossary::overlay_steps(&Glossary::encode(entries.clone()));
        let made = overlaid(entries.clone());
        let replayed = Glossary::with_user(Glossary::encode(entries.clone()), Some(&steps));
        assert_eq!(
            (replayed.order.clone(), replayed.positions.clone()),
            (made.order, made.positions)
        );
        assert_eq!(replayed.len(), built_in.len() + 1);

        // Steps of another glossary do not fit: the slugs are merged anew.
        let other = Glossary::with_user(Glossary::encode(entries), Some(&steps[1..]));
        assert_eq!(other.order, replayed.order);
    }

    #[test]
    fn a_name_shared_by_a_user_and_a_built_in_entry_names_both() {
        let built_in = Glossary::built_in();
        let git = built_in.entry(built_in.by_slug("git").expect("git is built in"));
        let mut other = git.clone();
        other.slug = Str::Borrowed("git-kantor");
        let g = overlaid(vec![other]);
        let both: Vec<&str> = g
            .exact("git-scm")
            .unwrap_or_default()
            .iter()
            .map(|t| g.slug(t.entry as usize))
            .collect();
        assert_eq!(both, ["git", "git-kantor"]);
        // A slug names its own entry alone.
        assert_eq!(g.exact("git").map(|t| t.len()), Some(1));
    }
}
