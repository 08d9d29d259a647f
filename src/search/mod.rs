//! Full-text search: the entries that best match what a reader typed, in
//! the form it came to mind. Each query word is read as the index was
//! written — stopwords dropped, words stemmed in both languages — and
//! scored by BM25 over three fields, each saturating on its own and
//! weighted: names (of both languages, whatever the content language) far
//! above the definition, the definition above the rest. Any word may match; entries matching more of them rank higher.
//! Synonyms from the lexicon widen a word at a lower weight, and a prefix
//! of the word as typed is a weaker fallback for what a stemmer misses.
//!
//! Everything read here was computed at build time; a search costs the
//! postings of its few terms, whatever the size of the glossary.

pub mod snippet;

use crate::analyze::{both, name_words};
use crate::fields::{FIELDS, Field};
use crate::glossary::Glossary;
use crate::model::Lang;
use crate::normalize::normalize;
use crate::store::count;
use crate::store::search::{Index, Posting};

/// How much a match in each field counts: names, definition, body.
const WEIGHTS: [f32; FIELDS] = [3.0, 2.0, 1.0];
/// How much a field's length tempers its matches (BM25's `b`): names are
/// short and even, so their length matters little.
const LENGTH_NORM: [f32; FIELDS] = [0.3, 0.75, 0.75];
/// How fast repeated matches saturate (BM25's `k1`).
const SATURATION: f32 = 1.2;
/// The weight of a synonym's match, against the word's own.
const SYNONYM: f32 = 0.5;
/// The weight of a match on a word the query word only starts.
const PREFIX: f32 = 0.35;
/// The shortest query word used as a prefix.
const MIN_PREFIX: usize = 4;
/// The most written words one prefix brings in.
const PREFIX_WORDS: usize = 32;
/// The longest ending taken off a query word to find a written word.
const MAX_ENDING: usize = 3;
/// Words that say the next word is not wanted.
const NEGATIONS: &[&str] = &["tanpa", "bukan", "without", "except", "non"];
/// What an entry named by an unwanted word keeps of its score.
const UNWANTED: f32 = 0.5;

/// A search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: usize,
    pub score: f64,
    /// The query words that matched, as typed (normalised).
    pub matched: Vec<String>,
    /// The index terms that matched, for the snippet.
    pub terms: Vec<u32>,
}

/// One word of the query and every term that answers for it, by store,
/// weighted.
struct Slot {
    word: String,
    terms: Vec<(usize, u32, f32)>,
}

impl Slot {
    fn add(&mut self, store: usize, term: u32, weight: f32) {
        match self
            .terms
            .iter_mut()
            .find(|(s, t, _)| *s == store && *t == term)
        {
            Some(slot) => slot.2 = slot.2.max(weight),
            None => self.terms.push((store, term, weight)),
        }
    }
}

/// The best `limit` entries matching `query` in `lang` (all of them for
/// 0), best first (ties by slug).
pub fn search(glossary: &Glossary, query: &str, lang: Lang, limit: usize) -> Vec<Hit> {
    let words = name_words(query);
    let indexes: Vec<Index> = (0..glossary.store_count())
        .map(|s| glossary.index(s, lang))
        .collect();
    let base = &indexes[0];
    // A word after `tanpa` or `without` names what the reader does not
    // want: it is not searched for, and entries it names rank lower.
    let negated: Vec<usize> = (1..words.len())
        .filter(|&i| NEGATIONS.contains(&words[i - 1].as_str()))
        .collect();
    // Stopwords are in no index: a query of nothing else finds nothing.
    let content: Vec<usize> = (0..words.len())
        .filter(|&i| !base.is_stopword(&words[i]) && !NEGATIONS.contains(&words[i].as_str()))
        .filter(|i| !negated.contains(i))
        .collect();
    if content.is_empty() {
        return Vec::new();
    }
    let stems: Vec<Vec<String>> = words.iter().map(|w| both(w)).collect();
    let mut slots: Vec<Slot> = content
        .iter()
        .map(|&i| slot_of(&indexes, lang, &words[i], &stems[i]))
        .collect();
    let read = Query {
        words: &words,
        stems: &stems,
        content: &content,
    };
    for group in glossary.synonyms() {
        widen(&indexes, &read, &group, &mut slots);
    }

    // Each entry's best score per slot, in one flat table by position; the
    // entries touched, in the order first met.
    let width = slots.len();
    let mut scores = vec![0.0_f32; glossary.len() * width];
    let mut touched: Vec<u32> = Vec::new();
    let scorer = Scorer::new(&indexes);
    for (n, slot) in slots.iter().enumerate() {
        for &(store, term, weight) in &slot.terms {
            let index = &indexes[store];
            let idf = scorer.idf(store, term) * weight;
            let lengths = index.lengths_table();
            for posting in index.postings(term) {
                let Some(position) = glossary.position(store, posting.entry as usize) else {
                    continue;
                };
                let row = &mut scores[position * width..][..width];
                if row.iter().all(|&s| s == 0.0) {
                    touched.push(count(position));
                }
                let score = idf * scorer.saturated(index, lengths, &posting);
                row[n] = row[n].max(score);
            }
        }
    }

    let unwanted: Vec<(usize, u32)> = negated
        .iter()
        .flat_map(|&i| {
            let stems = &stems[i];
            indexes.iter().enumerate().flat_map(move |(s, index)| {
                stems
                    .iter()
                    .filter_map(move |stem| index.term(stem).map(|t| (s, t)))
            })
        })
        .collect();
    let whole = glossary
        .exact(&normalize(query))
        .filter(|targets| targets.len() == 1)
        .map(|targets| targets[0].entry);
    let mut ranked: Vec<(bool, f32, u32)> = touched
        .into_iter()
        .map(|position| {
            let row = &scores[position as usize * width..][..width];
            let matched = row.iter().filter(|&&s| s > 0.0).count();
            // More of the query matched ranks higher, as Lucene's
            // coordination factor has it.
            let coverage = matched as f32 / width as f32;
            let mut score = row.iter().sum::<f32>() * (0.25 + 0.75 * coverage);
            let (store, local) = glossary.locate(position as usize);
            if names_any(&indexes[store], local, store, &unwanted) {
                score *= UNWANTED;
            }
            (whole == Some(position), score, position)
        })
        .collect();
    let order = |a: &(bool, f32, u32), b: &(bool, f32, u32)| {
        b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2))
    };
    // Only the hits to print are put in order.
    if limit > 0 && ranked.len() > limit {
        ranked.select_nth_unstable_by(limit - 1, order);
        ranked.truncate(limit);
    }
    ranked.sort_by(order);
    ranked
        .into_iter()
        .map(|(_, score, position)| {
            let row = &scores[position as usize * width..][..width];
            let (store, local) = glossary.locate(position as usize);
            let mut terms = Vec::new();
            for (slot, _) in slots.iter().zip(row).filter(|(_, s)| **s > 0.0) {
                for &(s, term, _) in &slot.terms {
                    if s == store
                        && !terms.contains(&term)
                        && indexes[store].has_posting(term, count(local))
                    {
                        terms.push(term);
                    }
                }
            }
            Hit {
                entry: position as usize,
                score: f64::from(score),
                matched: slots
                    .iter()
                    .zip(row)
                    .filter(|(_, s)| **s > 0.0)
                    .map(|(slot, _)| slot.word.clone())
                    .collect(),
                terms,
            }
        })
        .collect()
}

/// Whether any of the `(store, term)`s of `store` is in the names of entry
/// `local` there.
fn names_any(index: &Index, local: usize, store: usize, terms: &[(usize, u32)]) -> bool {
    terms.iter().filter(|(s, _)| *s == store).any(|&(_, term)| {
        index
            .posting(term, count(local))
            .is_some_and(|p| p.counts[Field::Name as usize] > 0)
    })
}

/// A query word's terms in every store: its stems in both languages, then,
/// weaker, the terms of written words it starts (`crawl` → *crawler*,
/// *crawling*) or ends a little past (`slowly` → *slow*).
fn slot_of(indexes: &[Index], lang: Lang, word: &str, stems: &[String]) -> Slot {
    let mut slot = Slot {
        word: word.to_owned(),
        terms: Vec::new(),
    };
    // Prefixes: the word as typed and its stems in the content language
    // (`hacked` → `hack` → *hacker*), never its stem in the other one,
    // which can be a stub (`membeli` → `memb` in English) that starts
    // every other word.
    let mut prefixes = vec![word.to_owned()];
    prefixes.extend(crate::analyze::stems(word, lang));
    prefixes.sort_unstable();
    prefixes.dedup();
    let chars: Vec<char> = word.chars().collect();
    for (store, index) in indexes.iter().enumerate() {
        for stem in stems {
            if let Some(term) = index.term(stem) {
                slot.add(store, term, 1.0);
            }
        }
        for prefix in prefixes.iter().filter(|p| p.chars().count() >= MIN_PREFIX) {
            for (_, terms) in index.words_with_prefix(prefix, PREFIX_WORDS) {
                for term in terms {
                    slot.add(store, term, PREFIX);
                }
            }
        }
        // A written word the query word extends by an ending the stemmer
        // does not take off.
        for cut in 1..=MAX_ENDING {
            let Some(len) = chars.len().checked_sub(cut).filter(|&l| l >= MIN_PREFIX) else {
                break;
            };
            let shorter: String = chars[..len].iter().collect();
            for term in index.word_terms(&shorter).unwrap_or_default() {
                slot.add(store, term, PREFIX);
            }
        }
    }
    slot
}

/// The query's words (stopwords included), their stems in both languages,
/// and the positions of the words that have slots.
struct Query<'q> {
    words: &'q [String],
    stems: &'q [Vec<String>],
    content: &'q [usize],
}

/// Adds a synonym group's other members to the slots of a member the
/// query has (as its words in a row, or a one-word member that is a stem
/// of a query word), each member's words sharing [`SYNONYM`].
fn widen(indexes: &[Index], query: &Query, group: &[&str], slots: &mut [Slot]) {
    for (m, member) in group.iter().enumerate() {
        let parts: Vec<&str> = member.split('-').collect();
        for start in 0..query.words.len() {
            let end = start + parts.len();
            let in_a_row = query
                .words
                .get(start..end)
                .is_some_and(|run| run.iter().zip(&parts).all(|(w, p)| w == p));
            let by_stem = parts.len() == 1 && query.stems[start].iter().any(|s| s == member);
            if !in_a_row && !by_stem {
                continue;
            }
            let mut terms: Vec<(usize, u32, f32)> = Vec::new();
            for (_, other) in group.iter().enumerate().filter(|&(o, _)| o != m) {
                let words: Vec<&str> = other
                    .split('-')
                    .filter(|w| !indexes[0].is_stopword(w))
                    .collect();
                let share = SYNONYM / words.len().max(1) as f32;
                for stem in words.into_iter().flat_map(both) {
                    for (store, index) in indexes.iter().enumerate() {
                        if let Some(term) = index.term(&stem) {
                            terms.push((store, term, share));
                        }
                    }
                }
            }
            for (n, position) in query.content.iter().enumerate() {
                if (start..end).contains(position) {
                    for &(store, term, share) in &terms {
                        slots[n].add(store, term, share);
                    }
                }
            }
        }
    }
}

/// BM25 over the fields of the indexes searched together: a term's rarity
/// across all of them, times each field's saturated, length-normalised
/// count of it, weighted by the field. Each field saturates on its own
/// (rather than summing counts first, as BM25F does), so that a match in a
/// name stays worth several in the body however often the body repeats
/// the word.
struct Scorer<'i> {
    indexes: &'i [Index<'i>],
    averages: [f32; FIELDS],
    entries: f32,
}

impl<'i> Scorer<'i> {
    fn new(indexes: &'i [Index<'i>]) -> Scorer<'i> {
        let entries: usize = indexes.iter().map(Index::entries).sum();
        let mut averages = [0.0; FIELDS];
        for index in indexes {
            let weight = index.entries() as f32 / entries.max(1) as f32;
            for (average, own) in averages.iter_mut().zip(index.averages()) {
                *average += own * weight;
            }
        }
        Scorer {
            indexes,
            averages: averages.map(|a| a.max(1.0)),
            entries: entries as f32,
        }
    }

    /// The rarity of term `term` of store `store`: how many entries of all
    /// the stores have its stem.
    fn idf(&self, store: usize, term: u32) -> f32 {
        let df = if self.indexes.len() == 1 {
            self.indexes[0].frequency(term)
        } else {
            let stem = self.indexes[store].stem(term);
            self.indexes
                .iter()
                .filter_map(|index| index.term(stem).map(|t| index.frequency(t)))
                .sum()
        } as f32;
        // libm's pure-Rust logarithm: std's would link the system libm,
        // one more shared library for every run to load.
        libm::logf(1.0 + (self.entries - df + 0.5) / (df + 0.5))
    }

    fn saturated(&self, index: &Index, lengths_table: usize, posting: &Posting) -> f32 {
        let lengths = index.lengths_at(lengths_table, posting.entry);
        let mut score = 0.0;
        for f in 0..FIELDS {
            let count = posting.counts[f] as f32;
            if count == 0.0 {
                continue;
            }
            let norm = 1.0 - LENGTH_NORM[f] + LENGTH_NORM[f] * lengths[f] as f32 / self.averages[f];
            let tf = count / norm.max(0.1);
            score += WEIGHTS[f] * tf * (SATURATION + 1.0) / (SATURATION + tf);
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entry, Kind, Section, SectionKey, Str, Text};
    use std::borrow::Cow;

    /// A toy entry: the same words in both languages.
    fn entry(
        slug: &'static str,
        term: &'static str,
        definition: &'static str,
        body: &'static str,
    ) -> Entry {
        let s = |x: &'static str| -> Str { Cow::Borrowed(x) };
        let t = |x: &'static str| Text([s(x), s(x)]);
        Entry {
            slug: s(slug),
            kind: Kind::Concept,
            updated: s("2026-11-29"),
            term: t(term),
            aliases: [Vec::new().into(), Vec::new().into()],
            definition: t(definition),
            duties: Vec::new().into(),
            skills: Vec::new().into(),
            sections: vec![Section {
                key: SectionKey::Examples,
                body: Some(t(body)),
                items: Vec::new().into(),
            }]
            .into(),
            related: Vec::new().into(),
            sources: Vec::new().into(),
        }
    }

    fn toy() -> Glossary {
        Glossary::from_entries(vec![
            entry(
                "alpha",
                "Alpha",
                "common words about servers and pages",
                "common common common",
            ),
            entry(
                "beta",
                "Beta",
                "common words about pages and a rare zebra",
                "common",
            ),
            entry(
                "gamma",
                "Zebra Crossing",
                "common words about servers",
                "common",
            ),
            entry("delta", "Delta", "common words", "the link between pages"),
            entry(
                "epsilon",
                "Epsilon",
                "common words about servers and servers and servers",
                "common",
            ),
        ])
    }

    fn ranked(g: &Glossary, query: &str) -> Vec<String> {
        search(g, query, Lang::En, 0)
            .iter()
            .map(|h| g.slug(h.entry).to_owned())
            .collect()
    }

    #[test]
    fn a_name_outranks_the_definition_and_rarity_counts() {
        let g = toy();
        // `zebra` names gamma and is in beta's definition.
        assert_eq!(ranked(&g, "zebra"), ["gamma", "beta"]);
        // A rare word decides more than a common one.
        assert_eq!(ranked(&g, "common zebra")[0], "gamma");
    }

    #[test]
    fn repeated_words_saturate_and_more_query_words_rank_higher() {
        let g = toy();
        let servers = search(&g, "servers", Lang::En, 0);
        let score = |slug: &str| {
            servers
                .iter()
                .find(|h| g.slug(h.entry) == slug)
                .map_or(0.0, |h| h.score)
        };
        // Three times the word is worth more than once, but far less
        // than three times as much.
        assert!(score("epsilon") > score("alpha"));
        assert!(score("epsilon") < 2.0 * score("alpha"));
        // Both words beat either one.
        assert_eq!(ranked(&g, "servers pages")[0], "alpha");
    }

    #[test]
    fn inflections_and_stopwords_do_not_stand_in_the_way() {
        let g = toy();
        assert_eq!(ranked(&g, "the server")[0], "epsilon");
        assert_eq!(ranked(&g, "zebras"), ranked(&g, "zebra"));
        // Stopwords are in no index.
        assert!(ranked(&g, "the").is_empty());
    }

    #[test]
    fn a_synonym_finds_the_entry_at_a_lower_weight() {
        let g = toy();
        // The lexicon groups `tautan` with `link`.
        let hits = search(&g, "tautan", Lang::En, 0);
        assert_eq!(hits.first().map(|h| g.slug(h.entry)), Some("delta"));
        let direct = search(&g, "link", Lang::En, 0);
        assert!(hits[0].score < direct[0].score);
    }

    #[test]
    fn a_prefix_is_a_weaker_fallback() {
        let g = toy();
        let hits = search(&g, "zebr", Lang::En, 0);
        assert_eq!(hits.first().map(|h| g.slug(h.entry)), Some("gamma"));
        assert!(hits[0].score < search(&g, "zebra", Lang::En, 0)[0].score);
    }
}
