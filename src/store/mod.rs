//! The glossary's compiled form: every string in one text blob, and the
//! entries as little-endian `u32` words that point into it, beside two
//! parts of their own: the names ([`names`]: the lookup keys in an fst) and
//! the search index ([`search`]).
//! `build.rs` encodes the built-in glossary
//! with [`encode`] and the binary includes the two files as they are, so
//! start-up reads nothing and compiling 15,000 terms stays cheap; a glossary
//! joined by user entries is encoded the same way at run time.

use std::borrow::Cow;

pub mod names;
mod part;
pub mod rest;
pub mod search;

use crate::fields::Field;
use crate::keys::{build_keys, build_words};
use crate::lexicon::Lexicon;
use crate::model::{
    Duty, Entry, Kind, Lang, List, Reference, Section, SectionKey, SkillGroup, Str, Text,
};

/// Identifies the layout; bumped when it changes.
const MAGIC: u32 = 0x6B61_6D06;

/// Header slots: the magic, then counts and offsets of each table.
mod header {
    /// Entry count, then the entry table: [`ENTRY_WORDS`] per entry.
    pub const ENTRIES: usize = 1;
    /// The names part: its start (in words) and length (in bytes).
    pub const NAMES: usize = 3;
    /// The search part, likewise.
    pub const SEARCH: usize = 5;
    /// The lengths in bytes of the head of the data and of the text: what
    /// lookup needs to find any entry (see [`super::rest`]).
    pub const HEAD: usize = 7;
    pub const LEN: usize = 9;
}

/// Words per entry in the entry table: slug, kind, term in both languages
/// (each string an offset and a length), and where its record starts.
/// Listing and `related` read only this table and the names it points to,
/// which the text keeps together.
const ENTRY_WORDS: usize = 8;

/// A compiled glossary. Built-in, it borrows the included files; a user
/// glossary's owns them, or only their head, with the rest on disk.
#[derive(Debug)]
pub struct Store {
    text: Cow<'static, str>,
    data: Cow<'static, [u8]>,
    rest: Option<rest::Rest>,
}

impl Store {
    /// A store over included files. `None` if they are not a store.
    pub fn from_static(text: &'static str, data: &'static [u8]) -> Option<Store> {
        Store::checked(Cow::Borrowed(text), Cow::Borrowed(data))
    }

    fn checked(text: Cow<'static, str>, data: Cow<'static, [u8]>) -> Option<Store> {
        let store = Store {
            text,
            data,
            rest: None,
        };
        (store.data.len() >= header::LEN * 4 && store.word(0) == MAGIC).then_some(store)
    }

    /// A store of which only the head is in memory (`text` and `data`, as
    /// [`Store::head`] measured them), the rest to be read from `rest`.
    pub fn with_rest(text: String, data: Vec<u8>, rest: rest::Rest) -> Option<Store> {
        let mut store = Store::checked(Cow::Owned(text), Cow::Owned(data))?;
        store.rest = Some(rest);
        Some(store)
    }

    /// The text and data of the store, as `build.rs` writes them to disk.
    pub fn parts(&self) -> (&str, &[u8]) {
        match &self.rest {
            Some(rest) => rest.whole(),
            None => (&self.text, &self.data),
        }
    }

    /// How many bytes of the text and of the data make the head: the
    /// entry table, slugs and terms, and the lookup keys.
    pub fn head(&self) -> (usize, usize) {
        (self.idx(header::HEAD + 1), self.idx(header::HEAD))
    }

    /// `len` bytes of the data from `at`: from the head when they are in
    /// it, else from the whole; empty when out of range.
    fn bytes(&self, at: usize, len: usize) -> &[u8] {
        match self.data.get(at..at + len) {
            Some(bytes) => bytes,
            None => match &self.rest {
                Some(rest) => rest.whole().1.get(at..at + len).unwrap_or(&[]),
                None => &[],
            },
        }
    }

    fn word(&self, i: usize) -> u32 {
        self.bytes(i * 4, 4)
            .try_into()
            .map_or(0, u32::from_le_bytes)
    }

    fn idx(&self, i: usize) -> usize {
        self.word(i) as usize
    }

    fn text_at(&self, offset: usize, len: usize) -> &str {
        match self.text.get(offset..offset + len) {
            Some(text) => text,
            None => match &self.rest {
                Some(rest) => rest.whole().0.get(offset..offset + len).unwrap_or(""),
                None => "",
            },
        }
    }

    /// A string of the store as a glossary string: borrowed when the store
    /// is `'static`, copied otherwise.
    fn string(&self, offset: usize, len: usize) -> Str {
        match &self.text {
            Cow::Borrowed(text) => Cow::Borrowed(text.get(offset..offset + len).unwrap_or("")),
            Cow::Owned(_) => Cow::Owned(self.text_at(offset, len).to_owned()),
        }
    }

    // --- entries ------------------------------------------------------------

    pub fn len(&self) -> usize {
        self.idx(header::ENTRIES)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn entry_row(&self, entry: usize) -> usize {
        self.idx(header::ENTRIES + 1) + entry * ENTRY_WORDS
    }

    /// The slug of an entry, read without decoding the rest of it.
    pub fn slug(&self, entry: usize) -> &str {
        let at = self.entry_row(entry);
        self.text_at(self.idx(at), self.idx(at + 1))
    }

    pub fn kind(&self, entry: usize) -> Kind {
        Kind::ALL[self.idx(self.entry_row(entry) + 2).min(Kind::ALL.len() - 1)]
    }

    /// The term of an entry in `lang`, read without decoding the rest.
    pub fn term(&self, entry: usize, lang: Lang) -> &str {
        let at = self.entry_row(entry) + 3 + 2 * lang as usize;
        self.text_at(self.idx(at), self.idx(at + 1))
    }

    /// The whole entry.
    pub fn entry(&self, entry: usize) -> Entry {
        let row = self.entry_row(entry);
        let mut r = Reader {
            store: self,
            at: row,
        };
        let slug = r.string();
        let kind = Kind::ALL[r.next().min(Kind::ALL.len() - 1)];
        let term = r.text();
        r.at = self.idx(row + 7);
        let updated = r.string();
        let related = r.list(|r| {
            let slug = r.string();
            r.next();
            slug
        });
        let aliases = [r.list(Reader::string), r.list(Reader::string)];
        let definition = r.text();
        let duties = r.list(|r| Duty {
            title: r.text(),
            body: r.text(),
        });
        let skills = r.list(|r| SkillGroup {
            group: r.text(),
            items: r.list(Reader::text),
        });
        let sections = r.list(|r| {
            let key = SectionKey::ALL[r.next().min(SectionKey::ALL.len() - 1)];
            let body = (r.next() == 1).then(|| r.text());
            Section {
                key,
                body,
                items: r.list(Reader::text),
            }
        });
        let sources = r.list(|r| Reference {
            title: r.string(),
            url: r.string(),
        });
        Entry {
            slug,
            kind,
            updated,
            term,
            aliases,
            definition,
            duties,
            skills,
            sections,
            related,
            sources,
        }
    }

    /// The related entries of an entry: each slug, and the entry's index
    /// when it is in this glossary.
    pub fn related(&self, entry: usize) -> Vec<(&str, Option<usize>)> {
        let at = self.idx(self.entry_row(entry) + 7) + 2;
        (0..self.idx(at))
            .map(|n| {
                let row = at + 1 + 3 * n;
                let index = self.word(row + 2);
                let slug = self.text_at(self.idx(row), self.idx(row + 1));
                (slug, (index != u32::MAX).then_some(index as usize))
            })
            .collect()
    }

    /// The definition and body texts of an entry in `lang`, as
    /// [`crate::fields::fields`] gives them for the decoded entry, read
    /// straight from the store.
    pub fn texts(&self, entry: usize, lang: Lang) -> Vec<(Field, &str)> {
        let mut out = Vec::new();
        let mut r = Reader {
            store: self,
            at: self.idx(self.entry_row(entry) + 7) + 2,
        };
        let related = r.next();
        r.at += 3 * related;
        for _ in 0..2 {
            let aliases = r.next();
            r.at += 2 * aliases;
        }
        out.push((Field::Definition, r.pick(lang)));
        for _ in 0..r.next() {
            out.push((Field::Body, r.pick(lang)));
            out.push((Field::Body, r.pick(lang)));
        }
        for _ in 0..r.next() {
            out.push((Field::Body, r.pick(lang)));
            for _ in 0..r.next() {
                out.push((Field::Body, r.pick(lang)));
            }
        }
        for _ in 0..r.next() {
            r.next();
            if r.next() == 1 {
                out.push((Field::Body, r.pick(lang)));
            }
            for _ in 0..r.next() {
                out.push((Field::Body, r.pick(lang)));
            }
        }
        out
    }

    // --- names -------------------------------------------------------------

    /// The lookup keys and their words.
    pub fn names(&self) -> names::Names<'_> {
        let at = self.idx(header::NAMES) * 4;
        let len = self.idx(header::NAMES + 1);
        names::Names::new(self.bytes(at, len))
    }

    // --- the search index -----------------------------------------------

    /// The search index and lexicon.
    pub fn search(&self) -> search::Search<'_> {
        let at = self.idx(header::SEARCH) * 4;
        let len = self.idx(header::SEARCH + 1);
        search::Search::new(self.bytes(at, len))
    }
}

/// The first index in `0..count` for which `before` is false.
pub fn partition_point(count: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = low + (high - low) / 2;
        if before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

/// Reads an entry record word by word.
struct Reader<'s> {
    store: &'s Store,
    at: usize,
}

impl<'s> Reader<'s> {
    fn next(&mut self) -> usize {
        self.at += 1;
        self.store.idx(self.at - 1)
    }

    /// A string, borrowed from the store.
    fn str(&mut self) -> &'s str {
        let (offset, len) = (self.next(), self.next());
        self.store.text_at(offset, len)
    }

    /// One language of a text, skipping the other.
    fn pick(&mut self, lang: Lang) -> &'s str {
        let (id, en) = (self.str(), self.str());
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    fn string(&mut self) -> Str {
        let (offset, len) = (self.next(), self.next());
        self.store.string(offset, len)
    }

    fn text(&mut self) -> Text {
        Text([self.string(), self.string()])
    }

    fn list<T: Clone>(&mut self, item: impl Fn(&mut Self) -> T) -> List<T> {
        let n = self.next();
        Cow::Owned((0..n).map(|_| item(self)).collect())
    }
}

// --- encoding -----------------------------------------------------------------

/// Builds the store of `entries` (sorted by slug, as lookup needs): their
/// records, lookup keys and a search index per language.
pub fn encode(entries: &[Entry], lexicon: &Lexicon) -> Store {
    let mut w = Writer::default();
    w.words.resize(header::LEN, 0);
    w.words[0] = MAGIC;

    // The text keeps what listing reads together: slugs and terms first,
    // then the bodies.
    w.words[header::ENTRIES] = count(entries.len());
    let table = w.here();
    w.words[header::ENTRIES + 1] = table;
    for e in entries {
        w.string(&e.slug);
        w.words.push(count(
            Kind::ALL.iter().position(|k| *k == e.kind).unwrap_or(0),
        ));
        w.text(&e.term);
        w.words.push(0);
    }
    // The head ends here: the table, its strings and the keys.
    let keys = build_keys(entries);
    w.part(header::NAMES, &names::encode(&keys, &build_words(&keys)));
    w.words[header::HEAD] = w.here() * 4;
    w.words[header::HEAD + 1] = count(w.text.len());

    for (i, e) in entries.iter().enumerate() {
        let record = w.record(e, entries);
        w.words[table as usize + i * ENTRY_WORDS + 7] = record;
    }
    w.part(header::SEARCH, &search::encode(entries, lexicon));

    let data: Vec<u8> = w.words.iter().flat_map(|x| x.to_le_bytes()).collect();
    Store {
        text: Cow::Owned(w.text),
        data: Cow::Owned(data),
        rest: None,
    }
}

/// A length or an index as a store's `u32` word (saturating: a store is
/// far smaller than 4 GiB).
pub fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Default)]
struct Writer {
    text: String,
    words: Vec<u32>,
}

impl Writer {
    fn here(&self) -> u32 {
        count(self.words.len())
    }

    /// Appends a part (a whole number of words) and records where it
    /// starts and its length in bytes in the two header slots from `slot`.
    fn part(&mut self, slot: usize, bytes: &[u8]) {
        self.words[slot] = self.here();
        self.words[slot + 1] = count(bytes.len());
        self.words.extend(
            bytes
                .chunks(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        );
    }

    fn intern(&mut self, s: &str) -> (u32, u32) {
        let offset = count(self.text.len());
        self.text.push_str(s);
        (offset, count(s.len()))
    }

    fn string(&mut self, s: &str) {
        let (offset, len) = self.intern(s);
        self.words.extend([offset, len]);
    }

    fn text(&mut self, t: &Text) {
        self.string(t.get(Lang::Id));
        self.string(t.get(Lang::En));
    }

    fn texts(&mut self, list: &[Text]) {
        self.words.push(count(list.len()));
        for t in list {
            self.text(t);
        }
    }

    /// Writes the rest of an entry (all but its slug, kind and term, which
    /// the entry table holds) and returns where it starts. After the date
    /// and the related entries, the texts come in the order of
    /// [`fields`], so [`Store::texts`] reads them in one pass.
    fn record(&mut self, e: &Entry, entries: &[Entry]) -> u32 {
        let start = self.here();
        self.string(&e.updated);
        // Related entries by slug and by index, so showing an entry finds
        // their terms without a search.
        self.words.push(count(e.related.len()));
        for slug in e.related.iter() {
            self.string(slug);
            let index = entries
                .binary_search_by(|x| x.slug.cmp(slug))
                .map_or(u32::MAX, count);
            self.words.push(index);
        }
        for list in &e.aliases {
            self.words.push(count(list.len()));
            for alias in list.iter() {
                self.string(alias);
            }
        }
        self.text(&e.definition);
        self.words.push(count(e.duties.len()));
        for duty in e.duties.iter() {
            self.text(&duty.title);
            self.text(&duty.body);
        }
        self.words.push(count(e.skills.len()));
        for group in e.skills.iter() {
            self.text(&group.group);
            self.texts(&group.items);
        }
        self.words.push(count(e.sections.len()));
        for section in e.sections.iter() {
            let key = SectionKey::ALL
                .iter()
                .position(|k| *k == section.key)
                .unwrap_or(0);
            self.words.push(count(key));
            match &section.body {
                Some(body) => {
                    self.words.push(1);
                    self.text(body);
                }
                None => self.words.push(0),
            }
            self.texts(&section.items);
        }
        self.words.push(count(e.sources.len()));
        for source in e.sources.iter() {
            self.string(&source.title);
            self.string(&source.url);
        }
        start
    }
}

impl Store {
    /// Rebuilds a store from the parts [`Store::parts`] gave, as a test of
    /// the round trip; `None` if they are not a store.
    pub fn from_parts(text: String, data: Vec<u8>) -> Option<Store> {
        Store::checked(Cow::Owned(text), Cow::Owned(data))
    }
}
