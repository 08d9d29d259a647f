//! The common shape of a store's parts: a header of `u32` slots, a body of
//! `u32` words, then byte blobs (texts, fsts), each padded to a word; and
//! the reader that finds them again in place.

use fst::{Map, MapBuilder};

use super::count;

/// Builds a part with `slots` header words.
pub struct Writer {
    header: Vec<u32>,
    body: Vec<u32>,
    blobs: Vec<u8>,
}

impl Writer {
    pub fn new(slots: usize) -> Writer {
        Writer {
            header: vec![0; slots],
            body: Vec::new(),
            blobs: Vec::new(),
        }
    }

    /// Sets header slot `slot`.
    pub fn set(&mut self, slot: usize, value: u32) {
        self.header[slot] = value;
    }

    /// The position (in words, from the part's start) of the next body word.
    pub fn here(&self) -> u32 {
        count(self.header.len() + self.body.len())
    }

    /// Starts a table: the next body word's position goes into `slot`.
    pub fn table(&mut self, slot: usize) {
        let here = self.here();
        self.set(slot, here);
    }

    pub fn push(&mut self, value: u32) {
        self.body.push(value);
    }

    pub fn extend(&mut self, values: impl IntoIterator<Item = u32>) {
        self.body.extend(values);
    }

    /// Adds a blob and records its byte offset and length in two slots.
    /// Blobs follow the body, so their offsets are settled in [`finish`].
    pub fn blob(&mut self, at_slot: usize, len_slot: usize, data: &[u8]) {
        self.set(at_slot, count(self.blobs.len()));
        self.set(len_slot, count(data.len()));
        self.blobs.extend_from_slice(data);
        while self.blobs.len() % 4 != 0 {
            self.blobs.push(0);
        }
    }

    /// The part's bytes; `blob_slots` are the slots holding blob offsets,
    /// which become offsets from the part's start.
    pub fn finish(mut self, blob_slots: &[usize]) -> Vec<u8> {
        let start = (self.header.len() + self.body.len()) * 4;
        for &slot in blob_slots {
            self.header[slot] += count(start);
        }
        let mut out: Vec<u8> = self
            .header
            .iter()
            .chain(&self.body)
            .flat_map(|w| w.to_le_bytes())
            .collect();
        out.extend(self.blobs);
        out
    }
}

/// An fst map of sorted, distinct keys.
pub fn fst_of<K: AsRef<[u8]>>(pairs: impl Iterator<Item = (K, u64)>) -> Vec<u8> {
    let mut builder = MapBuilder::memory();
    for (key, value) in pairs {
        // Callers give keys sorted and distinct (from a BTreeMap or a
        // sorted list); one out of order would be a bug, and is dropped.
        let _ = builder.insert(key, value);
    }
    builder.into_inner().unwrap_or_default()
}

/// A part, read in place.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data }
    }

    pub fn word(&self, i: usize) -> u32 {
        let at = i * 4;
        self.data
            .get(at..at + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn idx(&self, i: usize) -> usize {
        self.word(i) as usize
    }

    /// The blob whose offset and length are in these slots.
    pub fn bytes(&self, at_slot: usize, len_slot: usize) -> &'a [u8] {
        let (at, len) = (self.idx(at_slot), self.idx(len_slot));
        self.data.get(at..at + len).unwrap_or(&[])
    }

    /// The blob in these slots as text.
    pub fn text(&self, at_slot: usize, len_slot: usize) -> &'a str {
        std::str::from_utf8(self.bytes(at_slot, len_slot)).unwrap_or("")
    }

    /// The fst map in these slots, or an empty one if the bytes are not an
    /// fst (an unreadable store is empty, never a panic).
    pub fn fst(&self, at_slot: usize, len_slot: usize) -> Map<&'a [u8]> {
        Map::new(self.bytes(at_slot, len_slot)).unwrap_or_else(|_| empty())
    }
}

/// The empty fst map.
fn empty() -> Map<&'static [u8]> {
    static EMPTY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let bytes = EMPTY.get_or_init(|| fst_of(std::iter::empty::<(&str, u64)>()));
    Map::new(bytes.as_slice())
        .unwrap_or_else(|_| unreachable!("the fst crate reads its own empty map"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_reads_back_its_slots_tables_and_blobs() {
        let mut w = Writer::new(5);
        w.table(0);
        w.extend([7, 8, 9]);
        w.blob(1, 2, b"hello");
        let map = fst_of([("a", 1_u64), ("b", 2)].into_iter());
        w.blob(3, 4, &map);
        let bytes = w.finish(&[1, 3]);
        let r = Reader::new(&bytes);
        let table = r.idx(0);
        assert_eq!(
            [r.word(table), r.word(table + 1), r.word(table + 2)],
            [7, 8, 9]
        );
        assert_eq!(r.text(1, 2), "hello");
        assert_eq!(r.fst(3, 4).get("b"), Some(2));
        assert!(Reader::new(&[]).fst(3, 4).is_empty());
    }
}
