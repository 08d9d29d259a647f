//! The names part of a store: every lookup key in an fst map (read in place
//! from the included bytes, walked by exact lookup and by the fuzzy
//! automaton), a row per key saying which entries it names, and an fst of
//! the words of the keys with the rows each word appears in.
//!
//! Layout (see [`super::part`]): a header of [`HEADER`] slots, then the
//! rows, the shared-target lists and the word postings, then the key texts
//! and the two fsts.

use std::collections::BTreeMap;

use fst::Map;

use super::count;
use super::part::{Reader, Writer, fst_of};
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
    let mut w = Writer::new(HEADER);
    let mut text = String::new();
    let mut shared: Vec<u32> = Vec::new();
    let mut rows: Vec<u32> = Vec::with_capacity(keys.len() * ROW);
    for key in keys {
        let packed = |t: &Target| t.entry << 1 | u32::from(t.via == Via::Alias);
        let mut targets = match key.targets.as_slice() {
            [one] => packed(one) & PAYLOAD,
            many => {
                let at = SHARED | count(shared.len());
                shared.push(count(many.len()));
                shared.extend(many.iter().map(packed));
                at
            }
        };
        if key.compact {
            targets |= COMPACT;
        }
        rows.extend([count(text.len()), count(key.key.len()), targets]);
        text.push_str(&key.key);
    }
    w.set(slot::KEYS, count(keys.len()));
    w.table(slot::ROWS);
    w.extend(rows);
    w.table(slot::SHARED);
    w.extend(shared);
    w.table(slot::POSTINGS);
    let mut postings: Vec<u32> = Vec::new();
    let mut word_values: Vec<(&str, u64)> = Vec::with_capacity(words.len());
    for (found, rows) in words {
        word_values.push((found, postings.len() as u64));
        postings.push(count(rows.len()));
        postings.extend(rows);
    }
    w.extend(postings);
    w.blob(slot::TEXT_AT, slot::TEXT_LEN, text.as_bytes());
    let key_fst = fst_of(
        keys.iter()
            .enumerate()
            .map(|(i, k)| (k.key.as_str(), i as u64)),
    );
    w.blob(slot::KEY_FST_AT, slot::KEY_FST_LEN, &key_fst);
    w.blob(
        slot::WORD_FST_AT,
        slot::WORD_FST_LEN,
        &fst_of(word_values.into_iter()),
    );
    w.finish(&[slot::TEXT_AT, slot::KEY_FST_AT, slot::WORD_FST_AT])
}

/// A names part, read in place.
#[derive(Clone, Copy)]
pub struct Names<'a> {
    part: Reader<'a>,
}

impl<'a> Names<'a> {
    pub fn new(data: &'a [u8]) -> Names<'a> {
        Names {
            part: Reader::new(data),
        }
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.part.idx(slot::KEYS)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The map from every key to its row.
    pub fn keys(&self) -> Map<&'a [u8]> {
        self.part.fst(slot::KEY_FST_AT, slot::KEY_FST_LEN)
    }

    /// The map from every word of a key to its postings.
    pub fn words(&self) -> Map<&'a [u8]> {
        self.part.fst(slot::WORD_FST_AT, slot::WORD_FST_LEN)
    }

    /// The row of the key `text`.
    pub fn find(&self, text: &str) -> Option<usize> {
        self.keys().get(text).map(|row| row as usize)
    }

    /// The text of the key in `row`.
    pub fn text(&self, row: usize) -> &'a str {
        let at = self.part.idx(slot::ROWS) + row * ROW;
        let (offset, len) = (self.part.idx(at), self.part.idx(at + 1));
        // Only this key's bytes are checked, not the whole text.
        self.part
            .bytes(slot::TEXT_AT, slot::TEXT_LEN)
            .get(offset..offset + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    fn packed(&self, row: usize) -> u32 {
        self.part.word(self.part.idx(slot::ROWS) + row * ROW + 2)
    }

    /// Whether the key in `row` is the compact form of other keys.
    pub fn is_compact(&self, row: usize) -> bool {
        self.packed(row) & COMPACT != 0
    }

    /// The entries the key in `row` names, and how.
    pub fn targets(&self, row: usize) -> Vec<Target> {
        let packed = self.packed(row);
        let unpack = |w: u32| Target {
            entry: w >> 1,
            via: if w & 1 == 0 { Via::Slug } else { Via::Alias },
        };
        if packed & SHARED == 0 {
            return vec![unpack(packed & PAYLOAD)];
        }
        let at = self.part.idx(slot::SHARED) + (packed & PAYLOAD) as usize;
        (0..self.part.idx(at))
            .map(|n| unpack(self.part.word(at + 1 + n)))
            .collect()
    }

    /// The rows of the keys a word appears in, given the word's value in
    /// [`Names::words`].
    pub fn word_rows(&self, posting: u64) -> impl Iterator<Item = usize> + '_ {
        let at = self.part.idx(slot::POSTINGS) + posting as usize;
        (0..self.part.idx(at)).map(move |n| self.part.idx(at + 1 + n))
    }
}
