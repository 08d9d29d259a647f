//! The names part of a store: every lookup key in an fst map (read in place
//! from the included bytes, walked by exact lookup and by the fuzzy
//! automaton), a row per key saying which entries it names, and an fst of
//! the words of the keys with the rows each word appears in.
//!
//! Layout, in little-endian `u32` words from the part's start: a header of
//! [`HEADER`] words, then the rows, the shared-target lists, the word
//! postings, the key texts and the two fsts (each padded to a word).

use std::collections::BTreeMap;

use fst::{Map, MapBuilder};

use crate::keys::{Key, Target, Via};

/// Header slots, each one word.
mod slot {
    pub const KEYS: usize = 0;
    pub const ROWS: usize = 1;
    pub const SHARED: usize = 2;
    pub const POSTINGS: usize = 3;
    pub const TEXT_AT: usize = 4;
    pub const TEXT_LEN: usize = 5;
    pub const KEY_FST_AT: usize = 6;
    pub const KEY_FST_LEN: usize = 7;
    pub const WORD_FST_AT: usize = 8;
    pub const WORD_FST_LEN: usize = 9;
}
const HEADER: usize = 10;

/// Words per row: text offset, text length, targets.
const ROW: usize = 3;
/// In a row's targets word: the targets are a shared list.
const SHARED: u32 = 1 << 31;
/// In a row's targets word: the key is a compact form.
const COMPACT: u32 = 1 << 30;
const PAYLOAD: u32 = COMPACT - 1;

/// Encodes `keys` (sorted) and their `words` as a names part.
pub fn encode(keys: &[Key], words: &BTreeMap<String, Vec<u32>>) -> Vec<u8> {
    let mut header = [0_u32; HEADER];
    let mut body: Vec<u32> = Vec::new();
    let mut text = String::new();
    let mut shared: Vec<u32> = Vec::new();
    let mut rows: Vec<u32> = Vec::with_capacity(keys.len() * ROW);
    for key in keys {
        let packed = |t: &Target| t.entry << 1 | u32::from(t.via == Via::Alias);
        let mut targets = match key.targets.as_slice() {
            [one] => packed(one) & PAYLOAD,
            many => {
                let at = SHARED | word(shared.len());
                shared.push(word(many.len()));
                shared.extend(many.iter().map(packed));
                at
            }
        };
        if key.compact {
            targets |= COMPACT;
        }
        rows.extend([word(text.len()), word(key.key.len()), targets]);
        text.push_str(&key.key);
    }
    header[slot::KEYS] = word(keys.len());
    header[slot::ROWS] = word(HEADER + body.len());
    body.extend(rows);
    header[slot::SHARED] = word(HEADER + body.len());
    body.extend(shared);
    header[slot::POSTINGS] = word(HEADER + body.len());
    let mut postings: Vec<u32> = Vec::new();
    let mut word_values: Vec<(&str, u64)> = Vec::with_capacity(words.len());
    for (w, rows) in words {
        word_values.push((w, postings.len() as u64));
        postings.push(word(rows.len()));
        postings.extend(rows);
    }
    body.extend(postings);

    let mut bytes: Vec<u8> = Vec::new();
    let blob = |bytes: &mut Vec<u8>, data: &[u8]| -> (u32, u32) {
        let at = (HEADER + body.len()) * 4 + bytes.len();
        bytes.extend_from_slice(data);
        while bytes.len() % 4 != 0 {
            bytes.push(0);
        }
        (word(at), word(data.len()))
    };
    (header[slot::TEXT_AT], header[slot::TEXT_LEN]) = blob(&mut bytes, text.as_bytes());
    let key_fst = fst_of(
        keys.iter()
            .enumerate()
            .map(|(i, k)| (k.key.as_str(), i as u64)),
    );
    (header[slot::KEY_FST_AT], header[slot::KEY_FST_LEN]) = blob(&mut bytes, &key_fst);
    let word_fst = fst_of(word_values.into_iter());
    (header[slot::WORD_FST_AT], header[slot::WORD_FST_LEN]) = blob(&mut bytes, &word_fst);

    let mut out: Vec<u8> = header
        .iter()
        .chain(&body)
        .flat_map(|w| w.to_le_bytes())
        .collect();
    out.extend(bytes);
    out
}

fn word(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An fst map of sorted, distinct keys.
fn fst_of<'k>(pairs: impl Iterator<Item = (&'k str, u64)>) -> Vec<u8> {
    let mut builder = MapBuilder::memory();
    for (key, value) in pairs {
        // Keys come sorted and distinct from a BTreeMap or a sorted list;
        // an error here would be a bug in the caller, and drops the key.
        let _ = builder.insert(key, value);
    }
    builder.into_inner().unwrap_or_default()
}

/// A names part, read in place.
#[derive(Clone, Copy)]
pub struct Names<'a> {
    data: &'a [u8],
}

impl<'a> Names<'a> {
    pub fn new(data: &'a [u8]) -> Names<'a> {
        Names { data }
    }

    fn word(&self, i: usize) -> u32 {
        let at = i * 4;
        self.data
            .get(at..at + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn idx(&self, i: usize) -> usize {
        self.word(i) as usize
    }

    fn bytes(&self, at_slot: usize, len_slot: usize) -> &'a [u8] {
        let (at, len) = (self.idx(at_slot), self.idx(len_slot));
        self.data.get(at..at + len).unwrap_or(&[])
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.idx(slot::KEYS)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The map from every key to its row.
    pub fn keys(&self) -> Map<&'a [u8]> {
        fst_or_empty(self.bytes(slot::KEY_FST_AT, slot::KEY_FST_LEN))
    }

    /// The map from every word of a key to its postings.
    pub fn words(&self) -> Map<&'a [u8]> {
        fst_or_empty(self.bytes(slot::WORD_FST_AT, slot::WORD_FST_LEN))
    }

    /// The row of the key `text`.
    pub fn find(&self, text: &str) -> Option<usize> {
        self.keys().get(text).map(|row| row as usize)
    }

    /// The text of the key in `row`.
    pub fn text(&self, row: usize) -> &'a str {
        let at = self.idx(slot::ROWS) + row * ROW;
        let (offset, len) = (self.idx(at), self.idx(at + 1));
        let text = self.bytes(slot::TEXT_AT, slot::TEXT_LEN);
        text.get(offset..offset + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// Whether the key in `row` is the compact form of other keys.
    pub fn is_compact(&self, row: usize) -> bool {
        self.word(self.idx(slot::ROWS) + row * ROW + 2) & COMPACT != 0
    }

    /// The entries the key in `row` names, and how.
    pub fn targets(&self, row: usize) -> Vec<Target> {
        let packed = self.word(self.idx(slot::ROWS) + row * ROW + 2);
        let unpack = |w: u32| Target {
            entry: w >> 1,
            via: if w & 1 == 0 { Via::Slug } else { Via::Alias },
        };
        if packed & SHARED == 0 {
            return vec![unpack(packed & PAYLOAD)];
        }
        let at = self.idx(slot::SHARED) + (packed & PAYLOAD) as usize;
        (0..self.idx(at))
            .map(|n| unpack(self.word(at + 1 + n)))
            .collect()
    }

    /// The rows of the keys a word appears in, given the word's value in
    /// [`Names::words`].
    pub fn word_rows(&self, posting: u64) -> impl Iterator<Item = usize> + '_ {
        let at = self.idx(slot::POSTINGS) + posting as usize;
        (0..self.idx(at)).map(move |n| self.idx(at + 1 + n))
    }
}

/// The fst in `bytes`, or an empty one if they are not an fst (an
/// unreadable store is empty, never a panic).
fn fst_or_empty(bytes: &[u8]) -> Map<&[u8]> {
    Map::new(bytes).unwrap_or_else(|_| {
        static EMPTY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        let empty = EMPTY.get_or_init(|| fst_of(std::iter::empty()));
        Map::new(empty.as_slice()).unwrap_or_else(|_| unreachable!("an empty fst is an fst"))
    })
}
