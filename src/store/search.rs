//! The search part of a store: per content language, an inverted index of
//! stems over three fields (the names of both languages, the definition,
//! the rest of the body) with what BM25F needs — term frequencies per
//! field, document frequencies, field lengths and their averages — and a
//! map from every word as written to its stems, for prefix matching and
//! snippets; and the lexicon (stopwords, synonyms) the query is read with.
//!
//! Everything is computed here at build time; a search only reads it.

use std::collections::{BTreeMap, BTreeSet};

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Map, Streamer};

use super::count;
use super::part::{Reader, Writer, fst_of};
use crate::analyze::{Cache, name_words, words_of};
use crate::fields::{FIELDS, Field, fields};
use crate::lexicon::Lexicon;
use crate::model::{Entry, Lang};

/// Global header slots.
mod slot {
    pub const ENTRIES: usize = 0;
    pub const SYNONYMS_AT: usize = 1;
    pub const SYNONYMS_LEN: usize = 2;
    pub const LANGS: usize = 3;
}

/// Header slots of one language, from its base.
mod lang_slot {
    pub const STEMS_AT: usize = 0;
    pub const STEMS_LEN: usize = 1;
    pub const WORDS_AT: usize = 2;
    pub const WORDS_LEN: usize = 3;
    pub const STOP_AT: usize = 4;
    pub const STOP_LEN: usize = 5;
    /// Per term: first posting, postings.
    pub const TERMS: usize = 6;
    /// Per posting: entry, then the counts of [`super::Field`]s packed
    /// (name 8 bits, definition 8 bits, body 16 bits).
    pub const POSTINGS: usize = 7;
    /// Per word as written: how many terms, then the terms.
    pub const WORD_TERMS: usize = 8;
    /// Per entry: the length of each field, in words.
    pub const LENGTHS: usize = 9;
    /// The average length of each field, as `f32` bits.
    pub const AVERAGE: usize = 10;
    /// Per term: the first of its written forms in [`FORM_SPANS`], and how
    /// many.
    pub const FORMS: usize = 13;
    /// Per written form: its offset and length in the written words.
    pub const FORM_SPANS: usize = 14;
    pub const WRITTEN_AT: usize = 15;
    pub const WRITTEN_LEN: usize = 16;
    /// Per term: its stem's offset and length in the stem texts.
    pub const STEM_SPANS: usize = 17;
    pub const STEM_TEXT_AT: usize = 18;
    pub const STEM_TEXT_LEN: usize = 19;
    pub const LEN: usize = 20;
}

const HEADER: usize = slot::LANGS + 2 * lang_slot::LEN;

fn base(lang: Lang) -> usize {
    slot::LANGS + lang as usize * lang_slot::LEN
}

/// One entry's counts of a term, per field.
pub type Counts = [u32; FIELDS];

/// What one language's index is built from.
#[derive(Default)]
struct Builder {
    /// Per stem, the entries it is in and its counts there.
    postings: BTreeMap<String, Vec<(u32, Counts)>>,
    /// Per word as written, its stems.
    words: BTreeMap<String, BTreeSet<String>>,
    lengths: Vec<Counts>,
}

impl Builder {
    /// Adds entry `index`: the words of each of its texts, in `lang`.
    fn add(&mut self, index: u32, entry: &Entry, lang: Lang, lexicon: &Lexicon, cache: &mut Cache) {
        let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
        let mut lengths: Counts = [0; FIELDS];
        let mut count = |field: Field,
                         word: String,
                         stems: &[String],
                         words: &mut BTreeMap<String, BTreeSet<String>>| {
            lengths[field as usize] += 1;
            for stem in stems {
                counts.entry(stem.clone()).or_insert([0; FIELDS])[field as usize] += 1;
            }
            words.entry(word).or_default().extend(stems.iter().cloned());
        };
        let names = std::iter::once(&*entry.slug)
            .chain(entry.term.0.iter().map(|t| &**t))
            .chain(entry.aliases.iter().flat_map(|l| l.iter()).map(|a| &**a));
        for name in names {
            for word in name_words(name) {
                if !lexicon.is_stopword(&word, lang) {
                    let stems = cache.both(&word).clone();
                    count(Field::Name, word, &stems, &mut self.words);
                }
            }
        }
        for (field, text) in fields(entry, lang) {
            for word in words_of(text) {
                if !lexicon.is_stopword(&word, lang) {
                    let stems = cache.stems(&word, lang).clone();
                    count(field, word, &stems, &mut self.words);
                }
            }
        }
        for (stem, counts) in counts {
            self.postings.entry(stem).or_default().push((index, counts));
        }
        self.lengths.push(lengths);
    }
}

/// Encodes the search part of `entries` (sorted by slug) read with
/// `lexicon`.
pub fn encode(entries: &[Entry], lexicon: &Lexicon) -> Vec<u8> {
    let mut w = Writer::new(HEADER);
    w.set(slot::ENTRIES, count(entries.len()));
    let mut cache = Cache::default();
    let mut blobs = Vec::new();
    for lang in Lang::ALL {
        let mut b = Builder::default();
        for (i, entry) in entries.iter().enumerate() {
            b.add(count(i), entry, lang, lexicon, &mut cache);
        }
        let at = base(lang);
        let terms: BTreeMap<&str, usize> = b
            .postings
            .keys()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i))
            .collect();
        w.table(at + lang_slot::TERMS);
        let mut first = 0;
        for list in b.postings.values() {
            w.extend([count(first), count(list.len())]);
            first += list.len();
        }
        w.table(at + lang_slot::POSTINGS);
        for list in b.postings.values() {
            for &(entry, [name, definition, body]) in list {
                w.extend([
                    entry,
                    name.min(0xFF) | definition.min(0xFF) << 8 | body.min(0xFFFF) << 16,
                ]);
            }
        }
        w.table(at + lang_slot::WORD_TERMS);
        let mut word_values: Vec<(&str, u64)> = Vec::with_capacity(b.words.len());
        let mut offset = 0_u64;
        for (written, stems) in &b.words {
            word_values.push((written, offset));
            w.push(count(stems.len()));
            w.extend(stems.iter().map(|s| count(terms[s.as_str()])));
            offset += 1 + stems.len() as u64;
        }
        // Every term's written forms, for snippets to find without stemming.
        let mut written = String::new();
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(b.words.len());
        let mut forms: Vec<Vec<u32>> = vec![Vec::new(); terms.len()];
        for (id, (form, stems)) in b.words.iter().enumerate() {
            spans.push((count(written.len()), count(form.len())));
            written.push_str(form);
            for stem in stems {
                forms[terms[stem.as_str()]].push(count(id));
            }
        }
        w.table(at + lang_slot::FORMS);
        let mut first = 0;
        for list in &forms {
            w.extend([count(first), count(list.len())]);
            first += list.len();
        }
        w.table(at + lang_slot::FORM_SPANS);
        for list in &forms {
            for &id in list {
                let (offset, len) = spans[id as usize];
                w.extend([offset, len]);
            }
        }
        blobs.push((at + lang_slot::WRITTEN_AT, written.into_bytes()));
        // Every term's stem, so that glossaries searched together can add
        // up how many entries have a stem.
        let mut stem_text = String::new();
        w.table(at + lang_slot::STEM_SPANS);
        for stem in terms.keys() {
            w.extend([count(stem_text.len()), count(stem.len())]);
            stem_text.push_str(stem);
        }
        blobs.push((at + lang_slot::STEM_TEXT_AT, stem_text.into_bytes()));
        w.table(at + lang_slot::LENGTHS);
        let mut totals = [0_u64; FIELDS];
        for lengths in &b.lengths {
            w.extend(*lengths);
            for (total, &len) in totals.iter_mut().zip(lengths) {
                *total += u64::from(len);
            }
        }
        for (f, total) in totals.iter().enumerate() {
            let average = *total as f32 / entries.len().max(1) as f32;
            w.set(at + lang_slot::AVERAGE + f, average.max(1.0).to_bits());
        }
        let stems = fst_of(terms.iter().map(|(s, &i)| (*s, i as u64)));
        let written = fst_of(word_values.into_iter());
        let stop = fst_of(
            lexicon.stopwords[lang as usize]
                .iter()
                .map(|s| (s.as_str(), 0)),
        );
        blobs.push((at + lang_slot::STEMS_AT, stems));
        blobs.push((at + lang_slot::WORDS_AT, written));
        blobs.push((at + lang_slot::STOP_AT, stop));
    }
    let synonyms: String = lexicon
        .synonyms
        .iter()
        .map(|group| format!("{}\n", group.join("\t")))
        .collect();
    blobs.push((slot::SYNONYMS_AT, synonyms.into_bytes()));
    let at_slots: Vec<usize> = blobs.iter().map(|(slot, _)| *slot).collect();
    for (slot, bytes) in &blobs {
        w.blob(*slot, slot + 1, bytes);
    }
    w.finish(&at_slots)
}

/// One entry a term is in, and its counts per field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub entry: u32,
    pub counts: Counts,
}

/// The search part, read in place.
#[derive(Clone, Copy)]
pub struct Search<'a> {
    part: Reader<'a>,
}

impl<'a> Search<'a> {
    pub fn new(data: &'a [u8]) -> Search<'a> {
        Search {
            part: Reader::new(data),
        }
    }

    /// The index of one content language.
    pub fn index(&self, lang: Lang) -> Index<'a> {
        Index {
            part: self.part,
            base: base(lang),
            entries: self.part.idx(slot::ENTRIES),
        }
    }

    /// The synonym groups, each a list of normalised phrases.
    pub fn synonyms(self) -> impl Iterator<Item = Vec<&'a str>> + 'a {
        self.part
            .text(slot::SYNONYMS_AT, slot::SYNONYMS_LEN)
            .lines()
            .map(|line| line.split('\t').collect())
    }

    /// The lexicon the part was built with, for a glossary built at run
    /// time to search as the built-in one does.
    pub fn lexicon(&self) -> Lexicon {
        let stopwords = Lang::ALL.map(|lang| {
            let mut out = Vec::new();
            let stopwords = self.index(lang).stopwords();
            let mut stream = stopwords.into_stream();
            while let Some((word, _)) = stream.next() {
                out.push(String::from_utf8_lossy(word).into_owned());
            }
            out
        });
        Lexicon {
            stopwords,
            synonyms: self
                .synonyms()
                .map(|g| g.into_iter().map(str::to_owned).collect())
                .collect(),
        }
    }
}

/// The index of one language.
#[derive(Clone, Copy)]
pub struct Index<'a> {
    part: Reader<'a>,
    base: usize,
    entries: usize,
}

impl<'a> Index<'a> {
    fn slot(&self, s: usize) -> usize {
        self.base + s
    }

    /// How many entries the index covers.
    pub fn entries(&self) -> usize {
        self.entries
    }

    fn stems(&self) -> Map<&'a [u8]> {
        self.part.fst(
            self.slot(lang_slot::STEMS_AT),
            self.slot(lang_slot::STEMS_LEN),
        )
    }

    fn words(&self) -> Map<&'a [u8]> {
        self.part.fst(
            self.slot(lang_slot::WORDS_AT),
            self.slot(lang_slot::WORDS_LEN),
        )
    }

    fn stopwords(&self) -> Map<&'a [u8]> {
        self.part.fst(
            self.slot(lang_slot::STOP_AT),
            self.slot(lang_slot::STOP_LEN),
        )
    }

    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords().contains_key(word)
    }

    /// The term of a stem.
    pub fn term(&self, stem: &str) -> Option<u32> {
        self.stems().get(stem).map(|t| t as u32)
    }

    /// How many entries have the term.
    pub fn frequency(&self, term: u32) -> usize {
        self.part
            .idx(self.part.idx(self.slot(lang_slot::TERMS)) + 2 * term as usize + 1)
    }

    /// The entries that have the term, in order.
    pub fn postings(&self, term: u32) -> impl Iterator<Item = Posting> + '_ {
        let row = self.part.idx(self.slot(lang_slot::TERMS)) + 2 * term as usize;
        let (first, count) = (self.part.idx(row), self.part.idx(row + 1));
        let table = self.part.idx(self.slot(lang_slot::POSTINGS));
        (first..first + count).map(move |p| {
            let at = table + 2 * p;
            let packed = self.part.word(at + 1);
            Posting {
                entry: self.part.word(at),
                counts: [packed & 0xFF, packed >> 8 & 0xFF, packed >> 16],
            }
        })
    }

    /// The posting of `entry` for the term, if the entry has it: a binary
    /// search of the term's postings, which are in entry order.
    pub fn posting(&self, term: u32, entry: u32) -> Option<Posting> {
        let row = self.part.idx(self.slot(lang_slot::TERMS)) + 2 * term as usize;
        let (first, count) = (self.part.idx(row), self.part.idx(row + 1));
        let table = self.part.idx(self.slot(lang_slot::POSTINGS));
        let at = |p: usize| table + 2 * (first + p);
        let i = crate::store::partition_point(count, |p| self.part.word(at(p)) < entry);
        (i < count && self.part.word(at(i)) == entry).then(|| {
            let packed = self.part.word(at(i) + 1);
            Posting {
                entry,
                counts: [packed & 0xFF, packed >> 8 & 0xFF, packed >> 16],
            }
        })
    }

    /// Whether `entry` has the term.
    pub fn has_posting(&self, term: u32, entry: u32) -> bool {
        self.posting(term, entry).is_some()
    }

    /// The stem of a term.
    pub fn stem(&self, term: u32) -> &'a str {
        let at = self.part.idx(self.slot(lang_slot::STEM_SPANS)) + 2 * term as usize;
        let (offset, len) = (self.part.idx(at), self.part.idx(at + 1));
        self.part
            .bytes(
                self.slot(lang_slot::STEM_TEXT_AT),
                self.slot(lang_slot::STEM_TEXT_LEN),
            )
            .get(offset..offset + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// The words as written whose stems include the term.
    pub fn forms(&self, term: u32) -> impl Iterator<Item = &'a str> + '_ {
        let row = self.part.idx(self.slot(lang_slot::FORMS)) + 2 * term as usize;
        let (first, count) = (self.part.idx(row), self.part.idx(row + 1));
        let spans = self.part.idx(self.slot(lang_slot::FORM_SPANS));
        let written = self.part.bytes(
            self.slot(lang_slot::WRITTEN_AT),
            self.slot(lang_slot::WRITTEN_LEN),
        );
        (first..first + count).filter_map(move |f| {
            let (offset, len) = (
                self.part.idx(spans + 2 * f),
                self.part.idx(spans + 2 * f + 1),
            );
            written
                .get(offset..offset + len)
                .and_then(|b| std::str::from_utf8(b).ok())
        })
    }

    fn terms_at(&self, offset: u64) -> Vec<u32> {
        let at = self.part.idx(self.slot(lang_slot::WORD_TERMS)) + offset as usize;
        (0..self.part.idx(at))
            .map(|n| self.part.word(at + 1 + n))
            .collect()
    }

    /// The terms of a word as written, if the index has it.
    pub fn word_terms(&self, written: &str) -> Option<Vec<u32>> {
        self.words()
            .get(written)
            .map(|offset| self.terms_at(offset))
    }

    /// The words as written that start with `prefix` (at most `limit`),
    /// each with its terms.
    pub fn words_with_prefix(&self, prefix: &str, limit: usize) -> Vec<(String, Vec<u32>)> {
        let words = self.words();
        let mut stream = words.search(Str::new(prefix).starts_with()).into_stream();
        let mut out = Vec::new();
        while let Some((written, offset)) = stream.next() {
            if out.len() == limit {
                break;
            }
            out.push((
                String::from_utf8_lossy(written).into_owned(),
                self.terms_at(offset),
            ));
        }
        out
    }

    /// Where the table of field lengths starts, for [`Index::lengths_at`].
    pub fn lengths_table(&self) -> usize {
        self.part.idx(self.slot(lang_slot::LENGTHS))
    }

    /// The length of each field of an entry, in words, from the table at
    /// `table`.
    pub fn lengths_at(&self, table: usize, entry: u32) -> Counts {
        let at = table + FIELDS * entry as usize;
        [
            self.part.word(at),
            self.part.word(at + 1),
            self.part.word(at + 2),
        ]
    }

    /// The average length of each field.
    pub fn averages(&self) -> [f32; FIELDS] {
        let at = self.slot(lang_slot::AVERAGE);
        [0, 1, 2].map(|f| f32::from_bits(self.part.word(at + f)).max(1.0))
    }
}
