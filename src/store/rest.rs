//! The part of a store still on disk: a store read from the cache of a
//! user glossary starts with its head (the entry table, slugs, terms and
//! lookup keys, all that a lookup of another entry needs) and reads the
//! rest (records, bodies, the search index) the first time it is asked.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::OnceLock;

/// Where a store's whole text and data are in an open file.
#[derive(Debug)]
pub struct Rest {
    file: File,
    text: (u64, usize),
    data: (u64, usize),
    whole: OnceLock<(String, Vec<u8>)>,
}

impl Rest {
    /// The text at `text.0` (`text.1` bytes) and the data at `data.0` in
    /// `file`. The file stays open, so a cache replaced meanwhile (by a
    /// rename) does not change what is read.
    pub fn new(file: File, text: (u64, usize), data: (u64, usize)) -> Rest {
        Rest {
            file,
            text,
            data,
            whole: OnceLock::new(),
        }
    }

    /// The whole text and data, read on first use. A read that fails
    /// (the disk, not the layout) gives empty parts: the store then reads
    /// as empty past its head.
    pub fn whole(&self) -> (&str, &[u8]) {
        let (text, data) = self.whole.get_or_init(|| {
            let text = self.read(self.text).and_then(|b| String::from_utf8(b).ok());
            match (text, self.read(self.data)) {
                (Some(text), Some(data)) => (text, data),
                _ => (String::new(), Vec::new()),
            }
        });
        (text, data)
    }

    fn read(&self, (at, len): (u64, usize)) -> Option<Vec<u8>> {
        read_at(&self.file, at, len)
    }
}

/// The `len` bytes of `file` at `at`, read by position (the file's offset
/// stays as it was); `None` if they cannot all be read.
pub fn read_at(file: &File, at: u64, len: usize) -> Option<Vec<u8>> {
    let mut bytes = vec![0; len];
    file.read_exact_at(&mut bytes, at).ok()?;
    Some(bytes)
}
